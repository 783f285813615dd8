"""Force used is no attribution: what police fire or gunmen shoot is no content of speech, while
'fired back at critics, saying ...' still reports words."""

from __future__ import annotations

import pytest
from spacy.language import Language

from attribution_support import by_cue, quotes_of


@pytest.mark.parametrize(
    "text",
    [
        "Kessarian police fired tear gas at protesters in Oskel.",
        "Gunmen shot two guards at the gate of the ministry in Dorvan.",
        "Protesters threw stones at the police in Pellane.",
        "Soldiers hit the crowd with batons outside the court.",
    ],
)
def test_an_act_of_force_is_no_attribution(nlp: Language, text: str) -> None:
    assert quotes_of(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Arno Veld fired back at his critics, saying the vote was fair.", "say", "the vote was fair"),
        (
            "Lena Ruto hit out at the ruling, calling it a disgrace to the courts.",
            "call",
            "disgrace to the courts",
        ),
    ],
)
def test_words_after_a_verb_of_force_are_still_attributed(
    nlp: Language, text: str, cue: str, content: str
) -> None:
    found = by_cue(quotes_of(nlp, text))
    assert cue in found, found
    assert any(content in c for c in found[cue][1]), found
