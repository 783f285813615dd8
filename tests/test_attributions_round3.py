"""Attribution recall, round 3: medial reporting clauses, NYT's doubled-apostrophe quotations, and a
claim the parser split into two clausal complements of the cue."""

from __future__ import annotations

from spacy.language import Language

from dateline.extract.attributions import find_attributions
from dateline.extract.entities import find_entities
from dateline.model import Quote


def _quotes(nlp: Language, text: str) -> list[Quote]:
    doc = nlp(text)
    return find_attributions(doc, find_entities(doc))


def _contents(quote: Quote) -> list[str]:
    return [span.text for span in quote.content]


def test_a_medial_reporting_clause_takes_the_clause_around_it(nlp: Language) -> None:
    text = 'The new tax plan, the senator said, "is a perfect example of bad policy" for small farmers.'
    [quote] = _quotes(nlp, text)
    assert quote.cue_lemma == "say" and quote.speaker is not None and quote.speaker.text == "the senator"
    assert quote.kind == "mixed"
    assert _contents(quote) == ["The new tax plan", '"is a perfect example of bad policy" for small farmers']


def test_a_medial_clause_with_no_quotation_is_indirect(nlp: Language) -> None:
    text = "The new tax plan, the senator said, would hurt small farmers across the state."
    [quote] = _quotes(nlp, text)
    assert quote.kind == "indirect"
    assert _contents(quote) == ["The new tax plan", "would hurt small farmers across the state"]


def test_what_opens_the_sentence_before_a_medial_clause_is_content(nlp: Language) -> None:
    # PolNeAR gives the words before a reporting clause set in commas to the voice, even before a
    # quotation; a clause with no closing comma ('the senator said the plan ...') leaves them out.
    medial, scene = _quotes(
        nlp,
        'On Monday evening, the senator said, "We will win this state."\n\n'
        "In a speech on Monday, the senator said the new plan would fail.",
    )
    assert medial.kind == "mixed"
    assert _contents(medial) == ["On Monday evening", "We will win this state."]
    assert _contents(scene) == ["the new plan would fail"]


def test_a_doubled_apostrophe_quotation_closed_by_a_long_source(nlp: Language) -> None:
    # NYT copy opens quotations with ''; the parser hung the relative clause on 'said'.
    text = (
        "The mayor spoke on Monday.\n\n''The city needs one or two big ideas that match the scale of the "
        "problems we face,'' said Robert Marsh, who served as budget director under the last mayor yet "
        "endorsed her rival in the primary. ''Her instinct is to go slow.''"
    )
    quote = next(q for q in _quotes(nlp, text) if q.cue_lemma == "say")
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.text == "Robert Marsh"
    assert _contents(quote) == [
        "The city needs one or two big ideas that match the scale of the problems we face,",
        "Her instinct is to go slow.",
    ]


def test_a_claim_split_into_two_complements_is_one_content(nlp: Language) -> None:
    text = 'The mayor said Friday that it would "have been better" had the council waited another year.'
    [quote] = _quotes(nlp, text)
    assert quote.kind == "mixed"
    assert _contents(quote) == ['it would "have been better" had the council waited another year']


def test_a_doubled_apostrophe_quotation_closed_by_a_document(nlp: Language) -> None:
    text = "The mayor spoke on Monday.\n\n''The city needs one or two big ideas,'' the editorial read."
    [quote] = _quotes(nlp, text)
    assert quote.kind == "direct" and quote.cue is not None and quote.cue.text == "read"
    assert quote.speaker is not None and quote.speaker.text == "the editorial"
    assert _contents(quote) == ["The city needs one or two big ideas,"]


def test_a_second_object_the_parser_hung_on_the_verb_is_content(nlp: Language) -> None:
    text = 'The senator questioned the governor\'s "New York values" and his readiness to lead the state.'
    [quote] = _quotes(nlp, text)
    assert quote.cue_lemma == "question"
    assert _contents(quote) == ['the governor\'s "New York values" and his readiness to lead the state']


def test_a_coordinated_clause_with_a_weak_verb_goes_on_with_the_claim(nlp: Language) -> None:
    # 'take' is a cue now and then in annotated news, not a voice of its own here.
    text = "The governor concluded that idealism is nice, but sometimes realism takes over."
    [quote] = _quotes(nlp, text)
    assert _contents(quote) == ["idealism is nice, but sometimes realism takes over"]


def test_according_to_at_the_end_takes_the_sentence_whose_verb_runs_into_it(nlp: Language) -> None:
    # The verb's content runs on into the phrase, and the phrase's content holds the verb: before,
    # each dropped the other and the sentence had no attribution at all.
    text = (
        "Because Monday was the first day for filings, the ministry was signaling its strong support "
        "for the plan by making its announcement early in the day, according to a Treasury official."
    )
    [quote] = _quotes(nlp, text)
    assert quote.cue_lemma == "according to"
    assert quote.speaker is not None and quote.speaker.text == "a Treasury official"
    assert _contents(quote)[0].startswith("Because Monday was the first day")


def test_a_medial_clause_after_an_opening_clause_takes_that_clause_too(nlp: Language) -> None:
    text = "If only a few delegates are at stake, he said, the party may not bother taking that step."
    [quote] = _quotes(nlp, text)
    assert quote.kind == "indirect"
    assert _contents(quote) == [
        "If only a few delegates are at stake",
        "the party may not bother taking that step",
    ]
