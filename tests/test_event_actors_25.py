"""Event actors, twenty-fifth round, on invented sentences: a body of armed men or envoys made of
coordinated members ("a joint team of police and soldiers") is each member, not the first one
the parser's phrase reaches; a thing reported ("the ruling showed ...") does not go on to
speak, the one who reports it does; "they" after coordinated names is each of them; a person's
party is a body of its own."""

from __future__ import annotations

from event_support import actor_names, argument_names


def test_members_of_a_joint_unit_all_act() -> None:
    text = "A joint team of police officers and soldiers had been deployed to the market town."
    assert actor_names(text, "deployed") == ["police officers", "soldiers"]
    text = "A combined force of Kenyan police and Ugandan troops raided the camp on Friday."
    assert len(actor_names(text, "raided")) == 2
    # a unit of one kind of member is that member
    text = "A team of police officers had been deployed to the market town."
    assert actor_names(text, "deployed") == ["police officers"]


def test_members_of_a_unit_attacked_are_all_targets() -> None:
    text = "Gunmen ambushed a joint patrol of police officers and soldiers near the border."
    assert argument_names(text, "ambushed")[1] == ["police officers", "soldiers"]


def test_a_thing_reported_does_not_go_on_to_speak() -> None:
    # "the ruling" cannot warn anyone: the speaker goes on, as after a state ("were stalled")
    text = (
        "The Marovian interior ministry said in a statement that the ruling showed that protest "
        "has limits and warned residents against joining rallies."
    )
    assert actor_names(text, "warned") == ["Marovian interior ministry"]
    # someone reported after a past act of his own goes on himself
    text = "The ministry said the protesters marched to the palace and demanded the mayor's resignation."
    assert actor_names(text, "demanded") == ["protesters"]


def test_they_after_coordinated_names_is_each_of_them() -> None:
    text = "Kenya and Uganda said they had taken note of the vote count and called for calm."
    assert actor_names(text, "called") == ["Kenya", "Uganda"]
    # one name before "they" is that one alone
    text = "Kenya said they had taken note of the vote count and called for calm."
    assert actor_names(text, "called") == ["Kenya"]


def test_a_persons_party_acts_as_a_body_of_its_own() -> None:
    text = "Arno Veld's party accused the interior minister of rigging the municipal vote."
    assert actor_names(text, "accused") == ["Arno Veld's party"]
