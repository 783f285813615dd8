"""Event precision, round 7: the everyday senses of political verbs in campaign news. Talking of a
topic alone, offering words, agreeing with what was said, declining to speculate, hosting a show,
executing a plan, winning a state by votes, conceding a fact, hitting the campaign trail, a must
that falls on no one, a title of a show; and attacks in words, which are accusations. All
sentences are invented."""

from __future__ import annotations

import pytest

from event_support import events_of, record_of


def triggers_of(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in events_of(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # one person speaking of a topic, with no one to meet
        ("Senator Ann Vale went on to discuss her strong opposition to the Oskel dam.", "discuss"),
        # offering words, not a deal
        ("Primary turnout levels in Marovia don't offer a surefire forecast of the result.", "offer"),
        # agreeing with what was said shares a view
        ("Many delegates agreed with much of the substance of Arno Veld's speech.", "agreed"),
        # declining to speculate is a source's routine
        ("Lena Ruto refused to speculate about what would happen after the Marovian vote.", "refused"),
        # a show hosted, a plan executed, a state won by votes
        ("Tomas Brell hosts a popular radio show in Pellane.", "hosts"),
        ("Arno Veld said the Velmar Front executed its plan well.", "executed"),
        ("Ann Vale ultimately captured Kessaria by about 74,000 votes.", "captured"),
        # a fact conceded, security endangered
        ("Ann Vale conceded the situation in Kessaria is deeply regrettable.", "conceded"),
        ("Marovian officials said the leak would compromise national security.", "compromise"),
        # words supplied, interviews granted
        ("Over the years Ann Vale has supplied many reasons to doubt her judgment.", "supplied"),
        # going on the campaign trail
        ("Vice President Arno Veld on Monday hit the campaign trail with Ann Vale in Oskel.", "hit"),
        # a button pressed
        ("Dorvan's critics enjoyed seeing their rival pressing the self-destruct button.", "pressing"),
        # a must that falls on a thing asks no one
        ('"This violence must stop," Tomas Brell said.', "said"),
        # the title of a show
        ("Arno Veld spoke on Marovian radio's ''Meet the Voters'' on Sunday.", "Meet"),
    ],
)  # fmt: skip
def test_everyday_senses_are_no_event(text: str, word: str) -> None:
    assert word not in [trigger for _, trigger in triggers_of(text)], triggers_of(text)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # talks have a partner or several parties
        ("Arno Veld discussed the crisis with Lena Ruto.", "discussed", "CONSULT"),
        ("Marovia and Dorvan discussed the border dispute.", "discussed", "CONSULT"),
        # an agreement is made with a party
        ("Marovia agreed with Dorvan on a ceasefire.", "agreed", "AGREE"),
        # an execution kills people; a must that falls on a party demands
        ("The Marovian army executed three prisoners.", "executed", "COERCE"),
        ('"Dorvan must withdraw its troops from Oskel," Arno Veld said.', "said", "REQUEST"),
        ('"Every country of the region needs to recognize Kessaria," Lena Ruto said.', "said", "REQUEST"),
    ],
)  # fmt: skip
def test_the_political_senses_stay(text: str, word: str, kind: str) -> None:
    assert (kind, word) in triggers_of(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Senator Ann Vale began attacking Tomas Brell, the wife of her rival.", "attacking"),
        ("The Velmar Front has been hitting Ann Vale with ads in Oskel.", "hitting"),
        ("Local politicians also fired back at Tomas Brell's comments.", "fired"),
        ("Tomas Brell's Twitter attacks angered Dorvan.", "attacks"),
    ],
)
def test_attacks_in_words_are_accusations(text: str, word: str) -> None:
    assert ("ACCUSE", word) in triggers_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Brell attacked Arno Veld with a knife outside his home in Oskel.",
        "Velmar Front rebels attacked a police post in Oskel.",
    ],
)
def test_attacks_with_force_stay_assaults(text: str) -> None:
    assert "ASSAULT" in [e.type for e in record_of(text).events]
