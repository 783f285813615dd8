"""Events dateline missed (event type recall, round 11: coercion, sanctions, mobilization), on
invented wire sentences: people locked up, handed sentences, taken into custody, placed under
house arrest or put behind bars; citizenship and rights taken away; websites blocked and critics
silenced; sanctions put on or agreed; arms sales and trade halted or banned; talks and deals pulled
out of; conscription and fortified borders. And what is none of these: a coach calling up players,
frozen prices, deployed software, fighters pulling out of a town."""

from __future__ import annotations

import pytest

from event_support import main_at, main_types


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Marovia has locked up more than 300 reporters since the vote.", "locked up"),
        ("A Pellane court handed Tomas Brell an eight-year sentence for treason.", "handed Tomas Brell an eight-year sentence"),
        ("The Oskel judge gave Lena Ruto a life sentence on Monday.", "gave Lena Ruto a life sentence"),
        ("Dorvan police took Arno Veld into custody late on Friday.", "took"),
        ("The Marovian junta placed Ann Vale under house arrest.", "placed"),
        ("Kessarian police put the blogger Tomas Brell behind bars.", "put"),
        ("The junta ordered the detention of three Velmar Front commanders.", "ordered the detention"),
        ("Marovia revoked the citizenship of the exiled writer Arno Veld.", "revoked the citizenship"),
        ("Dorvan stripped four opposition lawmakers of their citizenship.", "stripped four opposition lawmakers"),
        ("Marovia suspended the right to seek asylum at its border.", "suspended the right"),
        ("Kessarian authorities blocked the website of the Oskel Herald.", "blocked the website"),
        ("The Dorvan government has silenced its critics at home.", "silenced its critics"),
    ],
)  # fmt: skip
def test_wire_forms_of_holding_restricting_and_censoring(text: str, trigger: str) -> None:
    assert "COERCE" in main_at(text, trigger)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Marovia put sanctions on two Dorvan ministers.", "put sanctions"),
        ("The European Union agreed a fresh round of sanctions on Kessaria.", "agreed a fresh round"),
        ("Pellane adopted sanctions against the Velmar Front.", "adopted sanctions"),
        ("Marovia halted arms sales to Dorvan over the war.", "halted arms sales"),
        ("Kessaria banned imports of Pellane grain on Monday.", "banned imports"),
        ("Dorvan has halted grain exports to Kessaria.", "halted grain exports"),
        ("Dorvan pulled out of the peace talks with the Velmar Front.", "pulled"),
        ("Marovia pulled out of the border deal with Pellane.", "pulled"),
    ],
)
def test_sanctions_put_or_agreed_trade_halted_talks_left(text: str, trigger: str) -> None:
    assert "SANCTION" in main_at(text, trigger)


def test_pulling_out_of_talks_not_out_of_a_town() -> None:
    """Leaving talks withdraws from them (SANCTION); fighters leaving a town fall back (RETREAT)."""
    assert "SANCTION" in main_at("Marovia pulled out of the peace talks in Oskel.", "pulled")
    town = main_types("Velmar Front fighters pulled out of the town of Oskel.")
    assert "RETREAT" in town
    assert "SANCTION" not in town


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Dorvan announced the conscription of all men aged 18 to 30.", "announced the conscription"),
        ("Marovia conscripted thousands of students into the army.", "conscripted"),
        ("Kessaria fortified its border with Pellane last month.", "fortified its border"),
        ("The Velmar Front fortified its positions around Oskel.", "fortified its positions"),
    ],
)
def test_call_ups_and_fortifications(text: str, trigger: str) -> None:
    assert "MOBILIZE" in main_at(text, trigger)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Dorvan football coach called up a young squad.", "MOBILIZE"),
        ("The Marovian government froze fuel prices for a year.", "SANCTION"),
        ("Pellane Telecom froze wages for its staff.", "SANCTION"),
        ("The ministry deployed new software in every school in Oskel.", "MOBILIZE"),
        ("Kessarian banks deployed a new payments app.", "MOBILIZE"),
    ],
)
def test_no_force_or_sanction_in_sport_and_business(text: str, kind: str) -> None:
    assert kind not in main_types(text)
