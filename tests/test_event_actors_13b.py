"""Event actors, thirteenth round (VOA-style stories), on invented sentences: events found at the
right word but credited to the wrong actor. "Each side" is both of the two named before; "the
two countries" are the two a story named last, however far back; a lawyer's "his client" is the
one the lawyer acts for; a unit of armed men named as the by-agent acts; repeating an accusation
is accusing; a family name that is not the last of a person's names is that person; a name set
off after a subject describes the subject's head, not the noun nearest to it."""

from __future__ import annotations

from event_support import actor_names


def test_each_side_is_both_sides_named_before() -> None:
    text = (
        "Marovia's border with neighboring Dorvan has stayed shut since the coup, with each side "
        "accusing the other of hostile plans."
    )
    assert actor_names(text, "accusing") == ["Marovia", "Dorvan"]


def test_the_two_countries_are_the_two_named_last_before() -> None:
    text = (
        "Peru has for years carried out raids against smugglers in the hills of southern Chile. "
        "A Peruvian official said the army would keep its bases until the raids end. "
        "Santiago has demanded that Peruvian troops leave. "
        "A spokesman for the Chilean government, Arno Veld, said the deal did not mean Chile had given up its claims. "
        "The two countries are also negotiating a restart of gas exports."
    )
    assert set(actor_names(text, "negotiating")) == {"Peru", "Chile"}


def test_a_lawyers_client_is_the_one_the_lawyer_acts_for() -> None:
    assert actor_names("Veld's lawyer said his client denied the charges.", "denied") == ["Veld"]


def test_a_unit_named_as_the_by_agent_acts() -> None:
    text = (
        "The Marovian army said it killed 20 rebels. Rights groups pointed to the case of four boys "
        "from Oskel who were detained by an air force patrol in December."
    )
    assert actor_names(text, "detained") == ["air force patrol"]


def test_repeating_an_accusation_is_accusing() -> None:
    text = (
        "Oskel's foreign minister, Ali Salih Bakheet, told reporters in Velmar on Monday that the truce "
        "was a trick. He also repeated accusations that Dorvan is arming the Front."
    )
    assert actor_names(text, "repeated accusations") == ["Ali Salih Bakheet"]


def test_a_family_name_not_last_among_a_persons_names_is_that_person() -> None:
    text = (
        "The election board barred Victor Manuel Quispe Alarcon from the race on Monday, saying his "
        "party had failed to report donations. Quispe rejected the ruling."
    )
    assert actor_names(text, "rejected") == ["Victor Manuel Quispe Alarcon"]


def test_a_name_set_off_after_a_subject_describes_its_head() -> None:
    text = "A spokesman for the Pellane president, Daniyar Toktogulov, rejected the criticism on Monday."
    assert actor_names(text, "rejected") == ["Daniyar Toktogulov"]
