"""Event actors, third round, on invented sentences: who does an infinitive of purpose or intention,
who "both countries" and "the two sides" are, who is hired to act, and the members a group names.
"""

from __future__ import annotations

import pytest

from event_support import actor_names, event_at, record_of


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # a purpose clause is done by the subject of the clause it serves
        ("Japan held a naval exercise with India to threaten Dorvan.", "threaten", "Japan"),
        # and a passive clause by the ones it is about
        ("Troops were sent to Oskel to arrest the rebel leaders.", "arrest", "Troops"),
        # "in an effort / a move / a bid to": whoever makes the effort
        ("The Velmar army launched an offensive in an effort to capture the town of Brell.", "capture",
         "Velmar army"),
        ("Prime Minister Arno Veld will visit Kenya in a move to strengthen ties after meeting with "
         "President Lena Ruto.", "meeting", "Arno Veld"),
        # the owner of an intention, also of the second of two ("willingness and readiness to")
        ("Dorvan warned of Marovia's willingness and readiness to attack the Kessarian border posts.",
         "attack", "Marovia"),
        # "announced plans to": the one who plans
        ("Marovia announced plans to attack Dorvan.", "attack", "Marovia"),
        # "a proposal for the Council to lift sanctions": the for-phrase names who
        ("The reply rejected a proposal made last week for the U.N. Human Rights Council to lift "
         "sanctions against Dorvan.", "lift sanctions", "U.N. Human Rights Council"),
    ],
)  # fmt: skip
def test_an_infinitive_of_purpose_or_intention_has_its_doer(text: str, trigger: str, actor: str) -> None:
    assert actor in actor_names(text, trigger)


def test_the_one_hired_to_act_does_the_act() -> None:
    text = "Prosecutors say Amirov and Omarov hired Mehdiyev to kill Alinejad."
    assert actor_names(text, "kill") == ["Mehdiyev"]


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        ("Madrid had been trying to mend its ties with Morocco. Both countries recalled their "
         "ambassadors in 2021.", "recalled their ambassadors", {"Spain", "Morocco"}),
        ("Turkey and Israel restored ties in August. Officials of the two countries met in Ankara on "
         "Monday.", "met", {"Turkey", "Israel"}),
        # the one who says it is not one of the two sides
        ("The Velmar Front is at war with the Karesh Liberation Army. U.N. monitors report that both "
         "sides shelled villages.", "shelled", {"Velmar Front", "Karesh Liberation Army"}),
    ],
)  # fmt: skip
def test_both_countries_and_the_two_sides_are_the_two_named_before(
    text: str, trigger: str, actors: set[str]
) -> None:
    assert set(actor_names(text, trigger)) == actors


def test_a_place_where_something_happened_is_not_a_side() -> None:
    text = (
        "The Karesh Liberation Army fought the Velmar Front for a week. Talks began in Doha in "
        "September, with both sides accusing each other of delaying them."
    )
    assert set(actor_names(text, "accusing")) == {"Karesh Liberation Army", "Velmar Front"}


def test_the_members_a_group_names_act_with_it() -> None:
    text = (
        "Rights groups, including Amnesty International and the Karesh Bar Association, have filed "
        "lawsuits against the government."
    )
    assert {"Amnesty International", "Karesh Bar Association"} <= set(actor_names(text, "filed lawsuits"))
    countries = "Several countries, including France and Germany, imposed sanctions on Marovia."
    assert {"France", "Germany"} <= set(actor_names(countries, "imposed sanctions"))


def test_a_message_s_participle_is_its_author_s_act() -> None:
    text = "Pyongyang released two statements demanding that Seoul halt its drills."
    assert actor_names(text, "demanding") == ["North Korea"]


def test_an_official_announcing_his_own_country_s_act_acts_with_it() -> None:
    text = (
        "Tanzanian Foreign Minister Ann Vale announced Tanzania had given the World Food Programme ten days."
    )
    assert set(actor_names(text, "given")) == {"Tanzania", "Ann Vale"}
    # a foreign official reporting it does not act
    text = "Marovian envoy Tomas Brell said Tanzania had given the World Food Programme ten days."
    assert actor_names(text, "given") == ["Tanzania"]


def recipient_names(text: str, trigger: str) -> list[str]:
    record = record_of(text)
    by_id = {e.id: e.name for e in record.entities}
    return [by_id[i] for i in event_at(record, trigger).recipients]


@pytest.mark.parametrize(
    ("text", "trigger", "actors", "recipients"),
    [
        ("Exantus said it was the gang leader Arnel Joseph who was killed.", "killed", [], ["Arnel Joseph"]),
        ("The Velmar Front, attacked by Marovian troops in May, retreated to Brell.", "attacked",
         ["Marovian troops"], ["Velmar Front"]),
        ("The prison holds Tomas Brell, a former deputy who is accused of plotting a coup.", "accused", [],
         ["Tomas Brell"]),
    ],
)  # fmt: skip
def test_the_one_a_passive_relative_or_participle_describes_undergoes_the_act(
    text: str, trigger: str, actors: list[str], recipients: list[str]
) -> None:
    assert actor_names(text, trigger) == actors
    assert recipient_names(text, trigger) == recipients


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("The Velmar Front is believed to have attacked the convoy.", "attacked", "Velmar Front"),
        ("Marovia was forced to withdraw its troops from Brell.", "withdraw", "Marovia"),
    ],
)
def test_the_one_a_passive_is_about_does_its_complement(text: str, trigger: str, actor: str) -> None:
    assert actor_names(text, trigger) == [actor]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Tomas Brell was arrested and charged by the police in Oskel.", "arrested", "police"),
        ("The envoys were expelled by Marovia and banned from returning.", "banned", "Marovia"),
    ],
)
def test_two_passives_sharing_a_subject_share_the_by_agent(text: str, trigger: str, actor: str) -> None:
    assert actor_names(text, trigger) == [actor]
    # one with a subject of its own does not: "... and two aides were killed"
    assert actor_names("Brell was arrested by police and two aides were killed.", "killed") == []
