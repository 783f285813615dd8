"""Counted events on real news that were no act of their type (invented sentences)."""

from event_support import main_at, main_types


def test_force_told_of_a_measure_is_a_figure_of_speech() -> None:
    assert "ASSAULT" not in main_types(
        '"I think this is going to destroy Marovia," Arno Veld said of the Dorvan fishing rules.'
    )
    assert "ASSAULT" not in main_types("The Oskel tariff plan will destroy Pellane farming, Lena Ruto said.")
    # a party's force, or an attack's, stays
    assert main_at("Arno Veld said the Velmar Front is going to destroy Marovia.", "destroy") == ["ASSAULT"]
    assert main_at("The bombing killed 12 people in Pellane, Lena Ruto said.", "killed") == ["ASSAULT"]
