"""A candidate the learned filter drops leaves its quotation to the next rule; colon openings."""

from __future__ import annotations

import pytest
from spacy.language import Language

import dateline.extract.attributions as attributions
from dateline.extract.attributions import candidate_drafts, find_attributions
from dateline.extract.entities import find_entities
from dateline.extract.learned import LinearFilter

SIGNED = 'Ines Corda, the mayor, said: "The bridge will reopen in May."\n- Ines Corda, Halbrook.\n'


def test_a_dropped_candidate_releases_its_quotation(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    # A filter that drops every 'say' candidate: the signature below must still get the quotation.
    monkeypatch.setattr(
        attributions, "attribution_filter", lambda: LinearFilter({"bias": 1.0, "lemma=say": -10.0}, 0.0)
    )
    doc = nlp(SIGNED)
    analysis = find_entities(doc)
    lemmas = [d.cue_lemma for d in candidate_drafts(doc, analysis)]
    assert "say" in lemmas and "-" in lemmas
    quotes = find_attributions(doc, analysis)
    assert len(quotes) == 1
    assert quotes[0].cue_lemma == "-"
    assert quotes[0].speaker is not None and "Corda" in quotes[0].speaker.text
    assert [c.text for c in quotes[0].content] == ["The bridge will reopen in May."]


def test_a_kept_candidate_still_claims_its_quotation(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(attributions, "attribution_filter", lambda: LinearFilter({"bias": 1.0}, 0.0))
    doc = nlp(SIGNED)
    lemmas = [d.cue_lemma for d in candidate_drafts(doc, find_entities(doc))]
    assert "say" in lemmas and "-" not in lemmas


def test_a_clause_ending_in_a_colon_opens_the_quotation(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(attributions, "attribution_filter", lambda: LinearFilter({"bias": 1.0}, 0.0))
    text = 'The rally ran late.\nSenator Mara Voss boomed: "We will win this county in November."\n'
    doc = nlp(text)
    quotes = find_attributions(doc, find_entities(doc))
    quote = next(q for q in quotes if q.cue_lemma == "boom")
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.text == "Mara Voss"
    assert [c.text for c in quote.content] == ["We will win this county in November."]
