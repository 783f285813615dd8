"""Counted events that were no act on a day, or no act of their own type (invented sentences)."""

from event_support import main_types


def test_a_pledge_of_own_policy_to_no_party_is_no_agreement() -> None:
    assert "AGREE" not in main_types(
        "Marovian President Arno Veld has promised to review all fishing permits granted by his predecessor."
    )
    assert "AGREE" not in main_types(
        "Lena Ruto, the Dorvan leader, pledged that she would not seek another term."
    )
    # a pledge to a party, or of an act, stays
    assert "AGREE" in main_types("The Velmar Front pledged to Kessaria that it would lay down its arms.")


def test_regret_at_another_act_is_disapproval() -> None:
    text = "The Oskel League said it regretted the Marovian decision to close the border crossing."
    assert "ACCUSE" in main_types(text)
    assert "CONCEDE" not in main_types(text)
    assert "ACCUSE" in main_types("Pellane regretted that Dorvan had expelled its ambassador.")
    # regret at one's own words is an apology
    assert "ACCUSE" not in main_types("Tomas Brell regretted his remarks about the Velmar Front.")


def test_an_act_named_as_force_is_an_accusation() -> None:
    text = 'The Pellane dockworkers\' union called the arrests "political kidnappings."'
    assert main_types(text) == ["ACCUSE"]
    text = "Velmar Front officials called the moves an attack on Marovian sovereignty."
    assert main_types(text) == ["ACCUSE"]


def test_a_blow_to_trade_is_no_attack() -> None:
    assert "ASSAULT" not in main_types(
        "The uncertainty has hit companies planning to make cleaner fuels, said Lena Ruto."
    )
    assert "ASSAULT" not in main_types(
        "Pellane said on Monday that it would raise tariffs on Oskel steel, and Oskel motorcycles and jeans will also be hit."
    )
    # fighters hitting a convoy attack it
    assert "ASSAULT" in main_types("Velmar Front fighters hit a Marovian army convoy near Pellane on Monday.")
    assert "ASSAULT" in main_types(
        "The Dorvan drone strike hit the weekly livestock market in Pellane, killing nine."
    )


def test_a_clash_with_unarmed_bodies_is_a_dispute() -> None:
    text = "Outgoing President Arno Veld clashed repeatedly with the assembly, the press and the attorney general."
    assert "ASSAULT" not in main_types(text)
    text = "The row comes amid a broader clash between the Marovian government and universities over funding."
    assert "ASSAULT" not in main_types(text)
    # with the armed, it stays a fight
    assert "ASSAULT" in main_types("Dorvan troops clashed with Velmar Front fighters near Pellane on Sunday.")


def test_refusing_to_allow_disorder_is_a_threat() -> None:
    text = 'Security Minister Arno Veld said police would not allow "vandalism or attacks on institutions."'
    assert "THREATEN" in main_types(text)
    assert "REJECT" not in main_types(text)


def test_the_verb_lie_tells_a_place_not_a_falsehood() -> None:
    assert "ACCUSE" not in main_types('"Marovia is a country that lies next to Dorvan," said Lena Ruto.')
    assert "ACCUSE" not in main_types(
        '"Behind the headline figure lies a harder question for Marovia," Tomas Brell said.'
    )


def test_a_storm_named_later_by_its_name_alone_is_no_attacker() -> None:
    text = (
        "Hurricane Ines swept across Marovia in October. Officials estimate that Ines caused damage "
        "equal to a third of the economy, destroying more than 100,000 homes."
    )
    assert main_types(text) == []
    # a country of the same story still attacks
    assert "ASSAULT" in main_types("Dorvan struck Marovian positions on Monday.")
