"""Attribution recall, round 3: medial reporting clauses, NYT's doubled-apostrophe quotations, and a
claim the parser split into two clausal complements of the cue."""

from __future__ import annotations

from spacy.language import Language

from attribution_support import quotes_of
from dateline.model import Quote


def _contents(quote: Quote) -> list[str]:
    return [span.text for span in quote.content]


def test_a_medial_reporting_clause_takes_the_clause_around_it(nlp: Language) -> None:
    text = 'The new tax plan, the senator said, "is a perfect example of bad policy" for small farmers.'
    [quote] = quotes_of(nlp, text)
    assert quote.cue_lemma == "say" and quote.speaker is not None and quote.speaker.text == "the senator"
    assert quote.kind == "mixed"
    assert _contents(quote) == ["The new tax plan", '"is a perfect example of bad policy" for small farmers']


def test_a_medial_clause_with_no_quotation_is_indirect(nlp: Language) -> None:
    text = "The new tax plan, the senator said, would hurt small farmers across the state."
    [quote] = quotes_of(nlp, text)
    assert quote.kind == "indirect"
    assert _contents(quote) == ["The new tax plan", "would hurt small farmers across the state"]


def test_what_opens_the_sentence_before_a_medial_clause_is_content(nlp: Language) -> None:
    # PolNeAR gives the words before a reporting clause set in commas to the voice, even before a
    # quotation; a clause with no closing comma ('the senator said the plan ...') leaves them out.
    medial, scene = quotes_of(
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
        "The governor spoke on Tuesday.\n\n''Dorvan wants two or three bold plans that fit the size of the "
        "troubles in front of us,'' said Tomas Brell, who was harbour chief under the previous governor yet "
        "backed her opponent in the runoff. ''Her habit is to wait.''"
    )
    quote = next(q for q in quotes_of(nlp, text) if q.cue_lemma == "say")
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.text == "Tomas Brell"
    assert _contents(quote) == [
        "Dorvan wants two or three bold plans that fit the size of the troubles in front of us,",
        "Her habit is to wait.",
    ]


def test_a_claim_split_into_two_complements_is_one_content(nlp: Language) -> None:
    text = 'The minister said Thursday that it would "have worked out" had the board voted a month earlier.'
    [quote] = quotes_of(nlp, text)
    assert quote.kind == "mixed"
    assert _contents(quote) == ['it would "have worked out" had the board voted a month earlier']


def test_a_doubled_apostrophe_quotation_closed_by_a_document(nlp: Language) -> None:
    text = "The governor spoke on Tuesday.\n\n''Dorvan wants two or three bold plans,'' the editorial read."
    [quote] = quotes_of(nlp, text)
    assert quote.kind == "direct" and quote.cue is not None and quote.cue.text == "read"
    assert quote.speaker is not None and quote.speaker.text == "the editorial"
    assert _contents(quote) == ["Dorvan wants two or three bold plans,"]


def test_a_second_object_the_parser_hung_on_the_verb_is_content(nlp: Language) -> None:
    text = 'The mayor questioned the minister\'s "harbour politics" and his plan to sell the port.'
    [quote] = quotes_of(nlp, text)
    assert quote.cue_lemma == "question"
    assert _contents(quote) == ['the minister\'s "harbour politics" and his plan to sell the port']


def test_a_coordinated_clause_with_a_weak_verb_goes_on_with_the_claim(nlp: Language) -> None:
    # 'take' is a cue now and then in annotated news, not a voice of its own here.
    text = "The judge concluded that mercy is good, but sometimes the law takes over."
    [quote] = quotes_of(nlp, text)
    assert _contents(quote) == ["mercy is good, but sometimes the law takes over"]


def test_according_to_at_the_end_takes_the_sentence_whose_verb_runs_into_it(nlp: Language) -> None:
    # The verb's content runs on into the phrase, and the phrase's content holds the verb: before,
    # each dropped the other and the sentence had no attribution at all.
    text = (
        "Since Thursday was the last day for bids, the board was signaling its full backing for the "
        "merger by releasing its statement before noon, according to a Marovian trade official."
    )
    [quote] = quotes_of(nlp, text)
    assert quote.cue_lemma == "according to"
    assert quote.speaker is not None and quote.speaker.text == "a Marovian trade official"
    assert _contents(quote)[0].startswith("Since Thursday was the last day")


def test_a_medial_clause_after_an_opening_clause_takes_that_clause_too(nlp: Language) -> None:
    text = "If only a few delegates are at stake, he said, the party may not bother taking that step."
    [quote] = quotes_of(nlp, text)
    assert quote.kind == "indirect"
    assert _contents(quote) == [
        "If only a few delegates are at stake",
        "the party may not bother taking that step",
    ]
