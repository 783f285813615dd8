"""Attributions (first version): kinds, content spans, speakers as entities, cue, medium, source type."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.extract.attributions import candidate_drafts, filter_model, filter_score, find_attributions
from dateline.extract.entities import find_entities
from dateline.model import Entity, Quote

TEXT = (
    "Valdorian Foreign Minister Ilse Marrow rejected the offer on Tuesday.\n"
    '"We will not sign a paper that gives away our coast," Marrow said.\n'
    'She told a televised briefing that the navy would stay in port and that a "fair deal" was still possible.\n'
    "An Egyptian official told AFP that fresh talks would open in Cairo.\n"
    '"The door is open," Marrow said, "but nobody should mistake patience for weakness."\n'
    '"Our people have waited long enough."\n'
    "The harbour will reopen next month, according to port officials.\n"
    "The convoy reached the city before dawn, a senior aid worker told Reuters.\n"
)


@pytest.fixture(scope="module")
def found(nlp: Language) -> tuple[list[Quote], list[Entity]]:
    doc = nlp(TEXT)
    analysis = find_entities(doc)
    return find_attributions(doc, analysis), analysis.entities


def attributions_of(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return find_attributions(doc, find_entities(doc))


def quote_with(quotes: list[Quote], fragment: str) -> Quote:
    for quote in quotes:
        if any(fragment in c.text for c in quote.content):
            return quote
    raise AssertionError(f"no quote contains {fragment!r}: {[[c.text for c in q.content] for q in quotes]}")


def entity_name(entities: list[Entity], quote: Quote) -> str | None:
    assert quote.speaker is not None
    return next((e.name for e in entities if e.id == quote.speaker.entity), None)


def test_all_spans_are_exact_offsets(found: tuple[list[Quote], list[Entity]]) -> None:
    quotes, _ = found
    assert quotes
    for quote in quotes:
        spans = list(quote.content) + [s for s in (quote.cue, quote.speaker) if s is not None]
        for span in spans:
            assert TEXT[span.start : span.end] == span.text
            assert span.text == span.text.strip(), "spans never start or end with white space"


def test_direct_quote_with_named_speaker(found: tuple[list[Quote], list[Entity]]) -> None:
    quotes, entities = found
    quote = quote_with(quotes, "We will not sign")
    assert quote.kind == "direct"
    assert quote.content[0].text == "We will not sign a paper that gives away our coast,"
    assert quote.speaker is not None and quote.speaker.text == "Marrow"
    assert entity_name(entities, quote) == "Ilse Marrow"
    assert quote.cue is not None and quote.cue.text == "said" and quote.cue_lemma == "say"
    assert quote.source_type == "named_person"


def test_mixed_quote_through_a_pronoun_and_a_medium(found: tuple[list[Quote], list[Entity]]) -> None:
    quotes, entities = found
    quote = quote_with(quotes, "the navy would stay in port")
    assert quote.kind == "mixed"
    assert quote.speaker is not None and quote.speaker.text == "She"
    assert entity_name(entities, quote) == "Ilse Marrow"
    assert quote.medium == "a televised briefing"


def test_anonymous_source_relayed_by_an_agency(found: tuple[list[Quote], list[Entity]]) -> None:
    quotes, entities = found
    quote = quote_with(quotes, "fresh talks would open in Cairo")
    assert quote.kind == "indirect"
    assert quote.source_type == "anonymous_person"
    assert quote.medium == "AFP"
    assert entity_name(entities, quote) == "Egyptian official"


def test_split_quote_has_two_content_spans(found: tuple[list[Quote], list[Entity]]) -> None:
    quotes, _ = found
    quote = quote_with(quotes, "The door is open")
    assert [c.text for c in quote.content][:2] == [
        "The door is open,",
        "but nobody should mistake patience for weakness.",
    ]


def test_quote_paragraph_right_after_a_quote_extends_that_attribution(
    found: tuple[list[Quote], list[Entity]],
) -> None:
    quotes, entities = found
    quote = quote_with(quotes, "Our people have waited long enough.")
    assert quote.kind == "direct" and quote.cue is not None and quote.cue.text == "said"
    assert quote.content[-1].text == "Our people have waited long enough."
    assert quote.content[0].text == "The door is open,"
    assert entity_name(entities, quote) == "Ilse Marrow"


def test_quote_paragraph_after_other_text_is_not_given_to_the_last_speaker(nlp: Language) -> None:
    text = (
        '"We are ready," Marrow said.\n'
        "The talks are due to resume next week in Vienna.\n"
        '"Nobody wants another winter of this."\n'
    )
    doc = nlp(text)
    analysis = find_entities(doc)
    quotes = find_attributions(doc, analysis)
    assert len(quotes) == 1
    assert [c.text for c in quotes[0].content] == ["We are ready,"]


def test_a_few_quoted_words_are_no_direct_quote(nlp: Language) -> None:
    text = 'The minister called the plan a "silver standard" for the region, officials said.\n'
    quotes = attributions_of(nlp, text)
    assert not [q for q in quotes if q.kind == "direct"]
    officials = next(q for q in quotes if q.speaker is not None and q.speaker.text == "officials")
    assert officials.kind == "mixed"
    assert officials.content[0].text.startswith("The minister called the plan")


def test_verbs_learned_from_annotated_news_attribute_their_complement(nlp: Language) -> None:
    text = "Senator Ruth Alder criticized the ministry for its handling of the floods.\n"
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.cue is not None and quote.cue_lemma == "criticize"
    assert quote.kind == "indirect" and quote.speaker is not None and quote.speaker.text == "Ruth Alder"
    assert quote.content[0].text == "the ministry for its handling of the floods"


def test_according_to_gives_a_group_source(found: tuple[list[Quote], list[Entity]]) -> None:
    quotes, _ = found
    quote = quote_with(quotes, "The harbour will reopen next month")
    assert quote.cue is not None and quote.cue.text == "according to"
    assert quote.speaker is not None and "officials" in quote.speaker.text
    assert quote.source_type == "unnamed_group"


def test_reporting_clause_at_the_end_of_the_sentence(found: tuple[list[Quote], list[Entity]]) -> None:
    quotes, _ = found
    quote = quote_with(quotes, "The convoy reached the city before dawn")
    assert quote.kind == "indirect" and quote.medium == "Reuters"
    assert quote.speaker is not None and "aid worker" in quote.speaker.text


def test_quote_ids_follow_text_order(found: tuple[list[Quote], list[Entity]]) -> None:
    quotes, _ = found
    assert [q.id for q in quotes] == [f"Q{n}" for n in range(1, len(quotes) + 1)]
    starts = [q.content[0].start for q in quotes]
    assert starts == sorted(starts)


def test_doubled_apostrophes_quote_like_quotation_marks(nlp: Language) -> None:
    text = "''We will rebuild the bridge by spring,'' Mayor Anna Kessel said on Tuesday.\n"
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].kind == "direct"
    assert quotes[0].content[0].text == "We will rebuild the bridge by spring,"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Anna Kessel"


def test_quotation_cut_into_sentences_before_its_cue_still_belongs_to_it(nlp: Language) -> None:
    text = '"Who counts the votes? Is it two? Three?" Mayor Ivo Brant asks as the polls close.\n'
    quotes = attributions_of(nlp, text)
    quote = quote_with(quotes, "Who counts the votes?")
    assert quote.kind == "direct" and quote.cue is not None and quote.cue.text == "asks"
    assert quote.content[0].text == "Who counts the votes? Is it two? Three?"


def test_colon_after_a_thing_names_no_speaker(nlp: Language) -> None:
    text = 'The rationale is simple:\n"Nobody wins a war of attrition."\n'
    quotes = attributions_of(nlp, text)
    assert all(q.speaker is None or q.speaker.text != "The rationale" for q in quotes)


@pytest.mark.parametrize(
    ("headline", "speaker", "content"),
    [
        (
            "Senator Ruth Alder: The budget will pass this week",
            "Senator Ruth Alder",
            "The budget will pass this week",
        ),
        ("Border talks have stalled for good: Hamas", "Hamas", "Border talks have stalled for good"),
    ],
)
def test_headline_attribution(nlp: Language, headline: str, speaker: str, content: str) -> None:
    text = headline + "\nThe statement came after a week of talks in Geneva.\n"
    quotes = attributions_of(nlp, text)
    first = quotes[0]
    assert first.speaker is not None and first.speaker.text == speaker
    assert first.content[0].text == content and first.cue is not None and first.cue.text == ":"


def test_headline_with_a_colon_but_no_voice_is_no_attribution(nlp: Language) -> None:
    text = "Stealth and speed: how the convoy crossed the river\nThe convoy crossed at night.\n"
    assert not [q for q in attributions_of(nlp, text) if q.cue and q.cue.text == ":"]


def test_reporting_participle_on_a_noun_takes_the_main_subject(nlp: Language) -> None:
    """The rule's candidate (the filter finds a participle hung on a noun a borderline cue)."""
    text = "Senator Ruth Alder is making a pitch to farmers saying a new canal is hurting the valley.\n"
    doc = nlp(text)
    drafts = [d for d in candidate_drafts(doc, find_entities(doc)) if d.cue_lemma == "say"]
    assert [c.text for c in drafts[0].content] == ["a new canal is hurting the valley"]
    assert drafts[0].speaker is not None and drafts[0].speaker.text == "Ruth Alder"
    assert drafts[0].cue is not None and drafts[0].cue.text == "saying"


def test_speech_verb_with_only_an_object_attributes_the_object(nlp: Language) -> None:
    text = 'In her address, Senator Lena Ruto emphasized the need for a "lasting truce" with Dorvan.\n'
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].kind == "mixed" and quotes[0].cue is not None and quotes[0].cue.text == "emphasized"
    assert quotes[0].content[0].text.startswith("the need for a")


def test_attribution_nested_in_another_ones_content_is_not_a_second_attribution(nlp: Language) -> None:
    text = "Senator Ruth Alder said she believes the canal will be finished by June.\n"
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].cue is not None and quotes[0].cue.text == "said"
    assert quotes[0].content[0].text == "she believes the canal will be finished by June"


def test_quotation_going_on_after_a_closing_reporting_clause_joins_its_content(nlp: Language) -> None:
    text = '"People were celebrating" before the blast, she said. "It was peaceful, a festival."\n'
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].kind == "mixed"
    assert [c.text for c in quotes[0].content] == [
        '"People were celebrating" before the blast',
        "It was peaceful, a festival.",
    ]


def test_learned_cue_with_a_name_the_recognizer_missed(nlp: Language) -> None:
    text = 'Mayor Brant later defended the remarks as "a joke."\n'
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text.endswith("Brant")
    assert quotes[0].kind == "mixed" and quotes[0].content[0].text.startswith("the remarks as")


def test_reporting_clause_inside_the_quotation_marks_splits_the_quotation(nlp: Language) -> None:
    text = "\u201cWe will not sign, she said, a paper that gives away our coast.\u201d\n"
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].kind == "direct" and quotes[0].cue is not None and quotes[0].cue.text == "said"
    assert [c.text for c in quotes[0].content] == ["We will not sign,", "a paper that gives away our coast."]


def test_curly_mark_typed_the_wrong_way_round_still_closes_the_quotation(nlp: Language) -> None:
    text = "Critics called it an \u201cexpedited review\u201c of the plan, Mayor Ivo Brant said.\n"
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text.endswith("Brant")
    assert quotes[0].kind == "mixed"


def test_the_shipped_filter_loads_and_weighs_speech_above_other_verbs(nlp: Language) -> None:
    weights, threshold = filter_model()
    assert weights and threshold > float("-inf")
    said = "Senator Ruth Alder said the canal would be finished by June.\n"
    held = "Senator Ruth Alder held a long meeting in the valley on Tuesday.\n"
    scores = {}
    for text in (said, held):
        doc = nlp(text)
        drafts = candidate_drafts(doc, find_entities(doc))
        scores[text] = max(filter_score(d.signals) for d in drafts) if drafts else float("-inf")
    assert scores[said] >= threshold > scores[held]
    doc = nlp(held)
    assert find_attributions(doc, find_entities(doc)) == []


@pytest.mark.parametrize(
    ("sentence", "medium"),
    [
        ("Senator Ruth Alder told AFP that the vote would be close.", "AFP"),
        ("Senator Ruth Alder told Reuters the vote would be close.", "Reuters"),
        ("Senator Ruth Alder said in an interview with CNN that the vote would be close.", "CNN"),
        (
            "Senator Ruth Alder said in a televised briefing that the vote would be close.",
            "a televised briefing",
        ),
        ("Senator Ruth Alder said on X that the vote would be close.", "X"),
        ("Senator Ruth Alder wrote in a post on X that the vote would be close.", "X"),
        (
            "Senator Ruth Alder told The New York Times that the vote would be close.",
            "New York Times",
        ),  # named as the article writes it, without "the"
        ("Senator Ruth Alder told reporters that the vote would be close.", None),
    ],
)
def test_medium_is_the_outlet_or_channel_that_relays_the_words(
    nlp: Language, sentence: str, medium: str | None
) -> None:
    doc = nlp(sentence + "\n")
    quotes = find_attributions(doc, find_entities(doc))
    assert len(quotes) == 1
    assert quotes[0].content[0].text == "the vote would be close"
    assert quotes[0].medium == medium


def test_speech_noun_with_its_owner_is_an_attribution(nlp: Language) -> None:
    text = "Senator Ruth Alder's claim that the dam is safe was rejected by engineers.\n"
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].cue is not None and quotes[0].cue.text == "claim" and quotes[0].cue_lemma == "claim"
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Ruth Alder"
    assert quotes[0].content[0].text.endswith("the dam is safe")


def test_a_poll_the_sentence_reports_from_is_a_document_source(nlp: Language) -> None:
    # The rules propose it; whether it is kept is the learned filter's call (it is borderline
    # on a short sentence like this one), so the candidate is what is checked here.
    text = "In a new poll, Clinton leads Trump by four points among likely voters.\n"
    doc = nlp(text)
    quotes = [d for d in candidate_drafts(doc, find_entities(doc)) if d.cue_lemma == "in"]
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "a new poll"
    assert quotes[0].source_type == "document"
    assert quotes[0].content[0].text == "Clinton leads Trump by four points among likely voters"


def test_in_a_statement_is_the_medium_of_the_verb_it_goes_with(nlp: Language) -> None:
    text = "In a statement, the ministry said the border would stay closed.\n"
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].medium == "a statement" and quotes[0].cue_lemma == "say"
    assert quotes[0].content[0].text == "the border would stay closed"


@pytest.mark.parametrize(
    ("sentence", "kind", "content"),
    [
        (
            'Mayor Ivo Brant said the guild had made his sister an "honorary member."',
            "mixed",
            'the guild had made his sister an "honorary member."',  # the quotation whole
        ),
        (
            'Mayor Ivo Brant said that "the plan is dead and buried."',
            "direct",
            "the plan is dead and buried.",
        ),
        (
            'Mayor Ivo Brant said on Tuesday: "The plan is dead and buried."',
            "direct",
            "The plan is dead and buried.",
        ),
    ],
)
def test_a_quotation_set_inside_prose_makes_the_clause_mixed(
    nlp: Language, sentence: str, kind: str, content: str
) -> None:
    doc = nlp(sentence + "\n")
    quotes = find_attributions(doc, find_entities(doc))
    assert len(quotes) == 1
    assert quotes[0].kind == kind and quotes[0].content[0].text == content


def test_quotation_before_an_inverted_reporting_clause_with_a_relative_clause(nlp: Language) -> None:
    text = (
        '"The dam is a danger to the valley," said Alder, who said there were '
        '"too many cracks to count." "We cannot wait."\n'
    )
    quotes = attributions_of(nlp, text)
    quote = quote_with(quotes, "The dam is a danger to the valley")
    assert quote.kind == "direct" and quote.speaker is not None and quote.speaker.text == "Alder"
    assert [c.text for c in quote.content] == ["The dam is a danger to the valley,", "We cannot wait."]


def test_passive_attribution_has_no_source_and_keeps_its_subject_in_the_content(nlp: Language) -> None:
    text = "The committee is expected to publish its report on the floods this summer.\n"
    doc = nlp(text)
    drafts = candidate_drafts(doc, find_entities(doc))
    assert len(drafts) == 1
    assert drafts[0].speaker is None and drafts[0].cue_lemma == "expect"
    assert [c.text for c in drafts[0].content] == [
        "The committee",
        "to publish its report on the floods this summer",
    ]


def test_quotation_after_a_cue_sentence_that_ends_without_a_colon(nlp: Language) -> None:
    text = (
        "Ruth Alder, the spokeswoman for the party, said in a statement. "
        '"No ballots remain to be counted. The vote is over."\n'
    )
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].kind == "direct" and quotes[0].medium == "a statement"
    assert quotes[0].content[0].text == "No ballots remain to be counted. The vote is over."


def test_quote_paragraph_with_a_reporting_clause_no_cue_caught_is_no_continuation(nlp: Language) -> None:
    text = (
        "Senator Ruth Alder said the dam was safe.\n"
        '"The valley deserves better than this," the editorial grumbled in reply.\n'
    )
    quotes = attributions_of(nlp, text)
    alder = quote_with(quotes, "the dam was safe")
    assert all("valley deserves" not in c.text for c in alder.content)


def test_subject_taken_from_inside_the_quotation_gives_way_to_the_inverted_speaker(nlp: Language) -> None:
    text = '"Anyone who crosses her, it is like walking into a storm," said Ann Vale, who has worked with her for years.\n'
    quotes = attributions_of(nlp, text)
    quote = quote_with(quotes, "Anyone who crosses her")
    assert quote.speaker is not None and quote.speaker.text == "Ann Vale"
    assert quote.kind == "direct"


def test_quotation_with_a_reporting_clause_of_its_own_is_not_joined_to_the_clause_before(
    nlp: Language,
) -> None:
    text = (
        "Interior Minister Dana Obel ordered the crossings closed on Monday, officials said. "
        '"We will reopen them when it is safe," Obel told reporters in Cairo.\n'
    )
    quotes = attributions_of(nlp, text)
    quote = quote_with(quotes, "We will reopen them")
    assert quote.speaker is not None and quote.speaker.text == "Obel"
    assert quote.content[0].text == "We will reopen them when it is safe,"
    officials = next(q for q in quotes if q.speaker is not None and q.speaker.text == "officials")
    assert all("reopen" not in c.text for c in officials.content)


def test_quotation_then_prose_then_a_long_closing_reporting_clause(nlp: Language) -> None:
    text = (
        '"There is much left to rebuild, but we are focused on doing it" after a long truce in '
        "spring, Alder said after talks with the mayor and other members of his cabinet in Geneva.\n"
    )
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].kind == "mixed" and quotes[0].speaker is not None and quotes[0].speaker.text == "Alder"
    assert quotes[0].content[0].text.startswith("There is much left to rebuild")
    assert quotes[0].content[0].text.endswith("after a long truce in spring")


def test_content_cut_inside_a_quotation_runs_on_to_its_closing_mark(nlp: Language) -> None:
    text = (
        'Mayor Ilse Marrow described the dam as "a fine piece of work, and built to last, but built '
        'too late. I said so then; I say it now."\n'
    )
    quote = quote_with(attributions_of(nlp, text), "the dam as")
    assert quote.kind in {"direct", "mixed"}
    assert quote.content[-1].text.endswith('I say it now."')


def test_bracketed_insertion_does_not_end_the_quoted_content(nlp: Language) -> None:
    text = (
        "Governor Brant blamed the council's \"three stubborn members [who] stalled the overdue harbour "
        'rules of our city."\n'
    )
    quote = quote_with(attributions_of(nlp, text), "three stubborn members")
    assert quote.speaker is not None and quote.speaker.text == "Governor Brant"
    assert quote.content[-1].text.endswith('rules of our city."')


def test_following_quotation_with_its_own_reporting_clause_stays_its_own(nlp: Language) -> None:
    text = '"We will not sign," Marrow said. "The coast is ours," she added.\n'
    quotes = attributions_of(nlp, text)
    said = quote_with(quotes, "We will not sign")
    added = quote_with(quotes, "The coast is ours")
    assert said is not added
    assert [c.text for c in said.content] == ["We will not sign,"]
    assert added.speaker is not None and added.speaker.text == "she"
    assert [c.text for c in added.content] == ["The coast is ours,"]


def test_source_after_a_dash_closes_a_quotation(nlp: Language) -> None:
    text = (
        '"The whole notion of a rigged ballot is something people repeat every single day, '
        'and it has to end." - Tomas Brell\n'
    )
    quote = quote_with(attributions_of(nlp, text), "rigged ballot")
    assert quote.kind == "direct" and quote.cue is not None and quote.cue.text == "-"
    assert quote.speaker is not None and quote.speaker.text == "Tomas Brell"


def test_closing_clause_with_a_cue_the_parser_takes_for_a_noun(nlp: Language) -> None:
    text = (
        "The editors of the Valley Courier aimed their Friday editorial at the mayor.\n"
        '"If she wants to be the next governor, she should act like one and come to the coast," '
        "the editorial read.\n"
    )
    quote = quote_with(attributions_of(nlp, text), "next governor")
    assert quote.kind == "direct" and quote.cue_lemma == "read"
    assert quote.speaker is not None and quote.speaker.text == "the editorial"


def test_medial_clause_takes_the_quoted_opening_before_it(nlp: Language) -> None:
    text = (
        '"If there had not been that dam" on the river, the farms and other towns, Alder said at a '
        'town hall in Ostrava on Monday, "we would be looking at a flood much worse than the last one."\n'
    )
    quote = quote_with(attributions_of(nlp, text), "we would be looking")
    assert quote.speaker is not None and quote.speaker.text == "Alder"
    assert quote.content[0].text.startswith('"If there had not been that dam"')
    assert quote.content[-1].text.endswith('than the last one."')


def test_commentators_are_a_voice_for_a_learned_cue(nlp: Language) -> None:
    text = (
        "Brell came off a sharp debate on Tuesday evening, when several commentators called him "
        '"the steadiest hand in the hall" amid the feud between the four front-runners.\n'
    )
    quote = quote_with(attributions_of(nlp, text), "steadiest hand in the hall")
    assert quote.speaker is not None and quote.speaker.text == "several commentators"


@pytest.mark.parametrize(
    ("text", "speaker", "lemma"),
    [
        (
            '"The fighting on the border of a neighbour is a warning. This might, and should, end the '
            'career of Oskel," Will wrote.\n',
            "Will",
            "write",
        ),
        (
            '"If anyone wonders why the inquiry is not yet complete, the report before us today is '
            'Exhibit A, and it shows the delays," added Gowdy.\n',
            "Gowdy",
            "add",
        ),
    ],
)
def test_closing_reporting_clause_read_from_word_forms_when_the_parse_misses_it(
    nlp: Language, text: str, speaker: str, lemma: str
) -> None:
    quotes = attributions_of(nlp, text)
    assert len(quotes) == 1
    assert quotes[0].kind == "direct" and quotes[0].cue_lemma == lemma
    assert quotes[0].speaker is not None and quotes[0].speaker.text == speaker


def test_source_signing_below_a_quotation_paragraph(nlp: Language) -> None:
    text = (
        "The mayor spoke in Ostrava on Tuesday.\n\n"
        '"Fine words. She is proven. She is prepared. That is why she should lead the province."\n\n'
        "-President Alder, after the speech.\n"
    )
    quote = quote_with(attributions_of(nlp, text), "Fine words")
    assert quote.kind == "direct" and quote.cue is not None and quote.cue.text == "-"
    assert quote.speaker is not None and quote.speaker.text == "President Alder"


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # 'telling' hangs on a verb of the quotation: the subject before it, outside quotes, speaks
        (
            "Senator Alder seemed to be keen to joke about the scuffle in Kessaria, telling the audience, "
            '"Some people get a bit carried away, have you seen that?"\n',
            "Some people get",
            "Alder",
        ),
        # two subjects on one verb: the one nearest the verb, not the place before it
        (
            "Speaking at a market rally in Brel, Valdoria, Alder turned on the mayor, "
            'calling him "a plain liar."\n',
            "a plain liar",
            "Alder",
        ),
        # 'by saying': whoever ends the speech says it
        ('Senator Ruth Alder ended her speech by saying "Too many lives were lost."\n', "Too many", "Alder"),
        # 'quoted X as saying': the one quoted speaks, not the statement quoting
        (
            'A statement from the ministry quoted the governor as saying "We will rebuild the bridge."\n',
            "We will rebuild",
            "governor",
        ),
    ],
)
def test_speaker_of_a_misparsed_reporting_clause(
    nlp: Language, text: str, fragment: str, speaker: str
) -> None:
    quote = quote_with(attributions_of(nlp, text), fragment)
    assert quote.speaker is not None and quote.speaker.text.endswith(speaker)


def test_a_passive_verb_does_not_borrow_the_subject_of_the_clause_it_hangs_on(nlp: Language) -> None:
    text = (
        "After a talk-show host in Velmar was fired over jokes that insulted the mayor, "
        'the evening anchor Ann Vale reacted with a "heartfelt" letter.\n'
    )
    assert not [q for q in attributions_of(nlp, text) if q.cue is not None and q.cue.text == "fired"]


def test_a_colon_the_parser_hangs_on_the_quotation_still_opens_it(nlp: Language) -> None:
    doc = nlp('Mayor Ivo Brant shot back: "That would be good for the valley."\n')
    drafts = candidate_drafts(doc, find_entities(doc))
    opened = [d for d in drafts if d.cue is not None and d.cue.text == "shot"]
    assert opened and opened[0].speaker is not None and opened[0].speaker.text.endswith("Brant")
    assert [c.text for c in opened[0].content] == ["That would be good for the valley."]


def test_a_second_that_clause_is_content_too(nlp: Language) -> None:
    text = (
        "Mr. Veld said that their uncle ''could be unforgiving,'' and that his cousin had "
        "struggled with his temper.\n"
    )
    quote = quote_with(attributions_of(nlp, text), "unforgiving")
    assert quote.content[-1].text.endswith("struggled with his temper")
    assert "''could be unforgiving,''" in quote.content[0].text  # the doubled mark is not cut in two


def test_a_quotation_opening_the_document_keeps_its_mark(nlp: Language) -> None:
    text = '"The dam is safe and we will keep it that way," said Mayor Ivo Brant on Monday.\n'
    quote = quote_with(attributions_of(nlp, text), "The dam is safe")
    assert quote.speaker is not None and quote.speaker.text.endswith("Brant")
    assert all(0 <= c.start < c.end <= len(text) for c in quote.content)


@pytest.mark.parametrize(
    "text",
    [
        "Troops opened fire on demonstrators in the capital, killing three.\n",
        "Police used water cannon to disperse the crowd.\n",
        "Gunmen tried to assassinate the governor of Kandahar on Monday.\n",
    ],
)
def test_an_act_is_no_attribution_though_its_verb_sometimes_cues_one(nlp: Language, text: str) -> None:
    assert attributions_of(nlp, text) == []


def test_a_learned_cue_still_attributes_its_complement(nlp: Language) -> None:
    quote = quote_with(
        attributions_of(nlp, "The senator criticized the president for his remarks.\n"), "remarks"
    )
    assert quote.cue is not None and quote.cue.text == "criticized"


@pytest.mark.parametrize(
    "text",
    [
        "Kenya launched an operation against the militants in the forest in 2015.\n",
        "The parliament of Marovia passed the budget for next year on Tuesday.\n",
    ],
)
def test_an_act_or_a_reference_is_no_attribution(nlp: Language, text: str) -> None:
    assert attributions_of(nlp, text) == []


def test_the_filter_weighs_whether_the_content_says_something(nlp: Language) -> None:
    """A clause with a verb ("that it would ...") against a thing named ("an operation")."""
    said = nlp("Kenya said it would launch an operation against the militants.\n")
    acted = nlp("Kenya launched an operation against the militants.\n")
    clause = [d for d in candidate_drafts(said, find_entities(said)) if d.signals]
    thing = [d for d in candidate_drafts(acted, find_entities(acted)) if d.signals]
    assert clause and clause[0].signals["content has verb"] == 1.0
    assert all(d.signals["content has verb"] == 0.0 for d in thing)
    assert len(attributions_of(nlp, said.text)) == 1


def test_a_voice_before_according_to_keeps_its_own_words(nlp: Language) -> None:
    text = (
        "The Marovian navy says it has the advantage over the smugglers but according to relief "
        "groups, the picture on the coast is still grim.\n"
    )
    quotes = attributions_of(nlp, text)
    navy = quote_with(quotes, "it has the advantage")
    assert navy.speaker is not None and navy.speaker.text.endswith("navy")
    assert all("grim" not in c.text for c in navy.content)
    groups = quote_with(quotes, "the picture on the coast is still grim")
    assert groups.cue_lemma == "according to"
    assert all("advantage" not in c.text for c in groups.content)


def test_what_is_said_goes_on_after_a_semicolon(nlp: Language) -> None:
    text = (
        "Nurse Lena Ruto ran the field hospital for two years. She says villagers are exposed to raids and "
        "theft; children and elders are short of clean water.\n"
    )
    quote = quote_with(attributions_of(nlp, text), "villagers are exposed to raids")
    assert quote.content[-1].text.endswith("children and elders are short of clean water")


def test_an_actor_named_right_before_a_subjectless_cue_speaks(nlp: Language) -> None:
    # A subheading run into the sentence leaves the parser no subject for "said".
    text = (
        "Airstrikes kill 50 militants Hours after the siege ended, Valdoria's National Intelligence "
        "Agency, or NIA, said the security forces killed dozens of fighters in the east.\n"
    )
    quote = quote_with(attributions_of(nlp, text), "the security forces killed dozens")
    assert quote.speaker is not None and quote.speaker.entity is not None
    assert all("Airstrikes" not in c.text for c in quote.content)


def test_a_document_already_introduced_speaks_for_whoever_issued_it(nlp: Language) -> None:
    text = (
        "The Valdorian Interior Ministry issued a statement on Monday. "
        "The statement said the border would close on Friday.\n"
    )
    doc = nlp(text)
    analysis = find_entities(doc)
    quote = quote_with(find_attributions(doc, analysis), "the border would close")
    assert quote.speaker is not None and quote.speaker.text == "The statement"
    assert quote.speaker.entity is not None
    assert analysis.by_id(quote.speaker.entity).name == "Valdorian Interior Ministry"


def test_a_name_set_off_by_commas_before_a_closing_cue_is_its_speaker(nlp: Language) -> None:
    text = (
        "Refugee programs in Dorvan are feeling the pressure of shrinking funding, Glenn Arvik, "
        "a spokesperson for the agency, told VOA in an email.\n"
    )
    doc = nlp(text)
    drafts = [d for d in candidate_drafts(doc, find_entities(doc)) if d.cue_lemma == "tell"]
    assert drafts and drafts[0].speaker is not None and drafts[0].speaker.text == "Glenn Arvik"
    assert drafts[0].content[0].text.startswith("Refugee programs in Dorvan")


def test_according_to_inside_an_acts_object_is_the_attribution(nlp: Language) -> None:
    text = (
        "Almost four years later, fishermen still avoid sailing too far past the reef for fear of "
        "pirates, according to local resident Ann Vale.\n"
    )
    quotes = attributions_of(nlp, text)
    assert [q.cue_lemma for q in quotes] == ["according to"]
    assert quotes[0].speaker is not None and quotes[0].speaker.text.endswith("Ann Vale")


@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        # the title parsed as the subject, the name inside its "for" phrase
        (
            '"The army has increased the violence," U.N. Resident Coordinator for Valdoria Oskar '
            "Lindqvist said.\n",
            "The army has increased",
            "Oskar Lindqvist",
        ),
        # the think tank parsed as the subject of "said"
        (
            "Lena Ruto of the Pellane foreign affairs think tank Velmarhuis said these "
            "thwarted plots are indicative of the movement's wider ambitions.\n",
            "these thwarted plots",
            "Lena Ruto",
        ),
        # what is said parsed as the subject of a coordinated "said"
        (
            "Defense Minister Arno Veld, also speaking in late March, called the detention site "
            "at Kessaria Point \u201cthe ideal place\u201d to hold prisoners slated for release, "
            "but also said the island\u2019s visitor reception centre, first built in the "
            "1980s, would be expanded.\n",
            "would be expanded",
            "Arno Veld",
        ),
    ],
)
def test_the_speaker_of_a_misparsed_subject(nlp: Language, text: str, fragment: str, speaker: str) -> None:
    quote = quote_with(attributions_of(nlp, text), fragment)
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_a_question_quoted_after_an_attribution_stays_with_its_speaker(nlp: Language) -> None:
    text = (
        '"What I would expect is a flotilla off the coast," said Gen. Tomas Brell, commander of '
        'the coastal fleet. "It is only a question of timing. Does it come at the harvest fair? Does it '
        'come after the spring thaw?" Earlier this week, Dorvan said, "The choice is theirs alone."\n'
    )
    quotes = attributions_of(nlp, text)
    brell = quote_with(quotes, "It is only a question of timing")
    assert brell.speaker is not None and brell.speaker.text == "Tomas Brell"
    dorvan = quote_with(quotes, "The choice is theirs alone")
    assert all("spring thaw" not in c.text for c in dorvan.content)


def test_a_subordinate_cue_reports_what_follows_it(nlp: Language) -> None:
    text = (
        "The Pellane government in 2017 had called for shuttering Brellin, after security reports "
        "indicated two major al-Rukan attacks in 2012 and 2014 had involved recruits from within "
        "the camp.\n"
    )
    quote = next(q for q in attributions_of(nlp, text) if q.cue_lemma == "indicate")
    assert quote.content[0].text.startswith("two major al-Rukan attacks")


@pytest.mark.parametrize(
    "text",
    [
        # no subject in the parse: the name after the verb that follows the quotation speaks
        "\u201cGoat meat\u2019s texture is close to lamb. It\u2019s lean and has a smoky "
        "flavour,\u201d said Dorvan, who prefers his goat prepared as pellane, a stew-like dish with "
        "peppers, chunks of squash, and beans.\n",
        # a speech verb the learned lexicon lacks
        "\u201cI am trying to get home to see my mother before she dies,\u201d confided Carla, a "
        "dark-haired traveller.\n",
    ],
)
def test_a_quotation_closed_by_an_inverted_reporting_clause(nlp: Language, text: str) -> None:
    quotes = [q for q in attributions_of(nlp, text) if q.kind == "direct"]
    assert len(quotes) == 1 and quotes[0].speaker is not None
    assert quotes[0].speaker.text in {"Dorvan", "Carla"}


def test_a_person_in_a_clause_of_their_own_does_not_take_the_organisations_words(nlp: Language) -> None:
    text = "After Tomas Reyl of the U.N. met officials on Monday, the Valdorian Interior Ministry said the talks had failed.\n"
    quote = quote_with(attributions_of(nlp, text), "the talks had failed")
    assert quote.speaker is not None and quote.speaker.text.endswith("Interior Ministry")


@pytest.mark.parametrize(
    "text",
    [
        "Governor Lena Marsh signed the budget on Friday.\n",
        "The Kenyan ministry issued new visa rules on Monday.\n",
    ],
)
def test_an_act_done_to_a_thing_is_no_attribution(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert candidate_drafts(doc, find_entities(doc)) == []


def test_an_act_that_carries_words_keeps_them(nlp: Language) -> None:
    doc = nlp("Ninety lawmakers signed a letter urging the minister to resign.\n")
    drafts = candidate_drafts(doc, find_entities(doc))
    signed = next(d for d in drafts if d.cue_lemma == "sign")
    assert [c.text for c in signed.content] == ["a letter urging the minister to resign"]


@pytest.mark.parametrize(
    "text",
    [
        "Malaysia hopes to get cheap loans from China.\n",
        "Kenya refused to attend the hearing in The Hague.\n",
        "Senator Paul Adder referred to the 1994 treaty.\n",
    ],
)
def test_an_intention_or_a_reference_is_no_attribution(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert candidate_drafts(doc, find_entities(doc)) == []


def test_a_vow_to_act_is_words_given(nlp: Language) -> None:
    doc = nlp("The rebels vowed to retaliate against the army.\n")
    (draft,) = candidate_drafts(doc, find_entities(doc))
    assert draft.cue_lemma == "vow"
    assert [c.text for c in draft.content] == ["to retaliate against the army"]


@pytest.mark.parametrize(
    "text",
    [
        "The president called Marrow on Tuesday.",
        "Brask called the embassy in Kell after the vote.",
        "The union called off the strike at the port.",
    ],
)
def test_a_call_that_only_reaches_someone_is_no_attribution(nlp: Language, text: str) -> None:
    assert attributions_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The governor called the budget plan "a reckless gamble."', 'the budget plan "a reckless gamble."'),
        ("Critics have called him a liar.", "him a liar"),
        ("The mayor called on residents to stay home.", "on residents to stay home"),
    ],
)
def test_a_call_that_names_or_asks_is_an_attribution(nlp: Language, text: str, content: str) -> None:
    [quote] = attributions_of(nlp, text)
    assert quote.cue is not None and quote.cue.text == "called"
    assert [c.text for c in quote.content] == [content]


def test_a_quotation_inside_another_reporting_verb_is_not_the_outer_verbs(nlp: Language) -> None:
    text = 'The army began moving what officials described as "temporary shelters" to the border in May.'
    assert not [q for q in attributions_of(nlp, text) if q.cue is not None and q.cue.text == "began"]
