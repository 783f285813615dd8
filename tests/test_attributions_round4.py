"""Attribution recall, round 4: a second reporting verb coordinated with the cue has its own
content, a reporting verb in a relative clause is a voice of its own, an opening participle
('Asked about X, ...') leaves the reporting clause it hangs on alone, and 'X were likely to say'
is X's."""

from __future__ import annotations

from spacy.language import Language

from attribution_support import by_cue, quotes_of
from dateline.extract.attributions import candidate_drafts
from dateline.extract.entities import find_entities


def test_a_coordinated_reporting_verb_keeps_its_own_content(nlp: Language) -> None:
    text = "The mayor announced a new budget on Monday and said the city would hire more teachers."
    found = by_cue(quotes_of(nlp, text))
    assert found["say"] == ("The mayor", ["the city would hire more teachers"])
    assert found["announce"] == ("The mayor", ["a new budget on Monday"])


def test_a_reporting_verb_coordinated_inside_the_claim_is_a_second_voice(nlp: Language) -> None:
    text = "Lopez said the bridge was safe and noted that the state had ignored the warnings."
    found = by_cue(quotes_of(nlp, text))
    assert found["say"] == ("Lopez", ["the bridge was safe"])
    assert found["note"] == ("Lopez", ["the state had ignored the warnings"])


def test_a_reporting_verb_in_a_relative_clause_is_a_voice_of_its_own(nlp: Language) -> None:
    text = "Miners stayed home during a stoppage that mine owners said would cut output."
    [quote] = quotes_of(nlp, text)
    assert quote.cue_lemma == "say" and quote.speaker is not None
    assert quote.speaker.text == "mine owners"
    assert [s.text for s in quote.content] == ["would cut output"]


def test_an_opening_participle_leaves_the_reporting_clause_alone(nlp: Language) -> None:
    text = "Asked about the strike, Garcia said the workers deserved a raise."
    doc = nlp(text)
    drafts = {d.cue_lemma: [s.text for s in d.content] for d in candidate_drafts(doc, find_entities(doc))}
    assert drafts["ask"] == ["about the strike"]
    assert drafts["say"] == ["the workers deserved a raise"]


def test_a_reporting_verb_after_an_adjective_takes_the_subject_of_the_clause(nlp: Language) -> None:
    text = "Rural voters were more likely to say the economy had gotten worse."
    [quote] = quotes_of(nlp, text)
    assert quote.cue_lemma == "say" and quote.speaker is not None
    assert quote.speaker.text == "Rural voters"
    assert [s.text for s in quote.content] == ["the economy had gotten worse"]
