"""A side act set off by a comma ('attacked a train, taking dozens hostage') is a second deed when
it is of another type than the act it hangs on; words said beside a deed and a deed that tells the
first again stay governed (event_governing.link_governing, side_act, material_pair)."""

from __future__ import annotations

from event_support import main_at, main_types


def test_hostage_taking_beside_an_attack_is_counted() -> None:
    text = "Velmar Front fighters attacked a passenger train near Oskel on Monday, taking dozens of travelers hostage."
    assert main_at(text, "attacked") == ["ASSAULT"]
    assert "COERCE" in main_types(text)


def test_detention_beside_shelling_is_counted_but_not_words() -> None:
    text = (
        "Oskel troops shelled the border post at Tarn on Monday, detaining six guards. "
        "Marovia expelled two Kessarian diplomats on Sunday, accusing them of spying for Dorvan."
    )
    types = main_types(text)
    assert "COERCE" in types and "SANCTION" in types  # the detention, and the expulsion
    assert "ACCUSE" not in types  # what the expulsion is about


def test_deployment_beside_sanctions_is_counted_but_not_a_retelling() -> None:
    text = (
        "Kessaria imposed sanctions on three Dorvan banks on Thursday, deploying warships to the strait. "
        "Kessarian artillery shelled the village of Arno on Tuesday, hitting a school."
    )
    types = main_types(text)
    assert "MOBILIZE" in types
    assert types.count("ASSAULT") == 1  # the school's hit tells the shelling again
