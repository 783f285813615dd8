"""Speakers that are pronouns: resolved to a voice, or left with their words and no entity."""

from __future__ import annotations

from spacy.language import Language

from dateline.extract.attributions import candidate_drafts, find_attributions
from dateline.extract.entities import EntityAnalysis, find_entities
from dateline.extract.speakers import Voice, resolve_pronouns
from dateline.model import Quote


def analysed(nlp: Language, text: str) -> tuple[list[Quote], EntityAnalysis]:
    doc = nlp(text)
    analysis = find_entities(doc)
    return find_attributions(doc, analysis), analysis


def entity_named(analysis: EntityAnalysis, fragment: str) -> str:
    return next(e.id for e in analysis.entities if fragment in e.name)


def test_relative_pronoun_speaks_for_the_name_its_apposition_describes(nlp: Language) -> None:
    quotes, analysis = analysed(nlp, "Tomas Brant, a farmer who said the plan had failed, left the town.")
    (quote,) = quotes
    assert quote.speaker is not None and quote.speaker.text == "who"
    assert quote.speaker.entity == entity_named(analysis, "Brant")


def test_relative_pronoun_with_no_known_antecedent_has_no_entity(nlp: Language) -> None:
    """The rule's candidate: the filter weighs relative-pronoun speakers as weak."""
    doc = nlp("The plan failed, said a farmer, who added that the town was empty.")
    added = next(d for d in candidate_drafts(doc, find_entities(doc)) if d.cue_lemma == "add")
    assert added.speaker is not None and added.speaker.text == "who"
    assert added.speaker.entity is None


def test_personal_pronoun_tied_to_a_place_takes_the_last_person_quoted(nlp: Language) -> None:
    _, analysis = analysed(
        nlp, "Senator Maria Lopez arrived in Dadaab on Monday with the Valdorian Red Cross."
    )
    marrow, dadaab = entity_named(analysis, "Lopez"), entity_named(analysis, "Dadaab")
    voices = [Voice(0, "Maria Lopez", marrow), Voice(120, "she", dadaab), Voice(200, "he", None)]
    assert resolve_pronouns(voices, analysis) == [marrow, marrow, None]


def test_it_takes_the_last_organisation_quoted_and_names_stay(nlp: Language) -> None:
    _, analysis = analysed(
        nlp, "Senator Maria Lopez arrived in Dadaab on Monday with the Valdorian Red Cross."
    )
    marrow, red_cross = entity_named(analysis, "Lopez"), entity_named(analysis, "Red Cross")
    voices = [Voice(0, "the Red Cross", red_cross), Voice(90, "Lopez", marrow), Voice(150, "it", None)]
    assert resolve_pronouns(voices, analysis) == [red_cross, marrow, red_cross]


def test_pronoun_far_from_any_voice_stays_unresolved(nlp: Language) -> None:
    _, analysis = analysed(nlp, "Senator Maria Lopez arrived in Dadaab on Monday.")
    marrow = entity_named(analysis, "Lopez")
    assert resolve_pronouns([Voice(0, "Lopez", marrow), Voice(5000, "she", None)], analysis) == [marrow, None]


def test_first_person_inside_a_quotation_is_the_quotation_speaker() -> None:
    from dateline.extract.attributions import Draft as _Draft
    from dateline.extract.attributions import _first_person_in_quotations
    from dateline.extract.text_spans import quoted_regions
    from dateline.model import Span, Speaker

    text = '"We know this coast, I told them," Lopez said.'
    quote = Span.of(text, 1, 33)
    outer = _Draft("direct", Speaker(35, 40, "Lopez", "E1"), None, "say", [quote], "named_person", None)
    inner = _Draft("indirect", Speaker(21, 22, "I", None), None, "tell", [Span.of(text, 1, 20)], None, None)
    reporter = _Draft("indirect", Speaker(0, 1, "I", None), None, "say", [quote], None, None)
    _first_person_in_quotations([outer, inner], quoted_regions(text))
    assert inner.speaker == Speaker(21, 22, "I", "E1") and inner.source_type == "named_person"
    _first_person_in_quotations([reporter], quoted_regions(text))
    assert reporter.speaker is not None and reporter.speaker.entity is None


def test_a_document_speaks_for_the_body_that_issued_it(nlp: Language) -> None:
    quotes, analysis = analysed(
        nlp,
        "The ministry acted quickly. The army was ready, said a statement posted by the Halvern Press Agency. "
        "The NISA statement said the attack had been foiled.",
    )
    speakers = {q.speaker.text: q.speaker.entity for q in quotes if q.speaker is not None}
    assert speakers["a statement"] == entity_named(analysis, "Halvern Press Agency")
    assert speakers["The NISA statement"] == entity_named(analysis, "NISA")


def test_some_speaking_is_part_of_the_group_just_named(nlp: Language) -> None:
    quotes, analysis = analysed(
        nlp,
        "Veld said the people of Valdoria expect firm action from their neighbours. "
        "Some have even said they want foreign monitors sent to the border.",
    )
    some = next(q for q in quotes if q.speaker is not None and q.speaker.text == "Some")
    assert some.speaker is not None and some.speaker.entity is not None
    assert "people" in analysis.by_id(some.speaker.entity).name


def test_it_speaking_with_no_voice_before_is_the_body_just_named(nlp: Language) -> None:
    quotes, analysis = analysed(
        nlp,
        "The Valdorian Interior Ministry closed two refugee camps on Monday. "
        "It said the camps had become a threat to national security.",
    )
    it = next(q for q in quotes if q.speaker is not None and q.speaker.text == "It")
    assert it.speaker is not None and it.speaker.entity is not None
    assert analysis.by_id(it.speaker.entity).name.endswith("Ministry")


def test_data_and_intelligence_speak_for_the_body_they_come_from(nlp: Language) -> None:
    # spaCy's lemma of "data" is "datum"; "intelligence shared by" is a document too.
    quotes, analysis = analysed(
        nlp,
        "According to data from the Kenya National Bureau of Statistics, inflation rose to 9 percent. "
        "Intelligence shared by the United Nations indicated the group has been trying to regroup.",
    )
    speakers = {q.speaker.text: q.speaker.entity for q in quotes if q.speaker is not None}
    assert speakers["data"] == entity_named(analysis, "Bureau of Statistics")
    assert speakers["Intelligence"] == entity_named(analysis, "United Nations")
