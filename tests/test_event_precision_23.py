"""Event precision, round 23 (false events on real news): what a thing makes possible, which no
party concedes. All sentences are invented."""

from __future__ import annotations

import pytest

from event_support import main_at


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a participle or an infinitive of allowing with no subject of its own says what a
        # thing just named (a truce, a decree, a law, a payout) makes possible
        (
            "By dusk, clan mediators had arranged a local truce to allow the evacuation of the "
            "dead.",
            "allow",
        ),
        ("The cabinet approved a decree allowing the army to support police in Tarvel.", "allowing"),
        (
            "Officials in Pellane pointed to a quick insurance payout, allowing the province to "
            "fund repairs.",
            "allowing",
        ),
        (
            "The minister said Dorvan would draft a law to toughen bail rules and to allow the "
            "seizure of assets from gang leaders.",
            "allow",
        ),
    ],
)  # fmt: skip
def test_what_a_thing_makes_possible_is_no_concession(text: str, word: str) -> None:
    assert "CONCEDE" not in main_at(text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a kind of act judged in a copular sentence ("every truce is a pause") is no act done
        ('"Every ceasefire here is a breather, not a settlement," the envoy said.', "ceasefire"),
        ('"One arrest is only a start," said Ann Vale, a lawyer in Tarvel.', "arrest"),
        ('"An attack on a nurse is an attack on every patient she treats," the minister said.', "attack"),
        ("Criticism of the border deal has been dangerous in Dorvan.", "Criticism"),
    ],
)  # fmt: skip
def test_a_kind_of_act_judged_is_no_event(text: str, word: str) -> None:
    assert main_at(text, word) == []


@pytest.mark.parametrize(
    "text",
    [
        # "fight" in the simple present with no one fought says what people do as a rule
        '"Politicians fight, and ordinary people pay," a trader in Tarvel said.',
        "The two governments fight about maps while herders in Dorvan suffer.",
        '"You either leave or you fight," the preacher told his followers in Pellane.',
    ],
)
def test_fighting_as_a_rule_is_no_assault(text: str) -> None:
    assert main_at(text, "fight") == []
