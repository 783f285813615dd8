"""Event actors, seventh round, on invented sentences: the body a spokesperson, an official or an
envoy speaks for acts with them; a speech act the parser hung on what a speaker said is the
speaker's; "the two countries' leaders"; both parties to an agreement; the subject the parser hung
on a fronted phrase; the country one is deported from."""

from __future__ import annotations

import pytest

from event_support import actor_names, argument_names, event_at, record_of


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        # a body named in the title of the one who speaks
        ("The Velmar Front seized a port on Monday. Velmar Front spokesman Arno Veld accused Marovia "
         "of shelling Oskel.", "accused", ["Arno Veld", "Velmar Front"]),
        ("A Velmar Front military spokesman warned that the group would strike tankers again. "
         "The Velmar Front holds the coast.", "warned", ["Velmar Front military spokesman", "Velmar Front"]),
        # in a for-phrase after a word of speaking, in an of-phrase after a representative
        ("A spokeswoman for the Dorvan Interior Ministry rejected the accusations.", "rejected",
         ["spokeswoman", "Dorvan Interior Ministry"]),
        ("Officials of Kessaria accused the Velmar Front of blocking fuel deliveries.", "accused",
         ["Officials", "Kessaria"]),
        # the owner of an organ of state, which acts too
        ("Marovia has struck back at Dorvan banks. Its market regulator opened an investigation into "
         "a Dorvan lender.", "opened an investigation", ["market regulator", "Marovia"]),
        # a title at another mention of the speaker ("U.N." for the story's United Nations)
        ("U.N. spokesperson Ann Vale said the United Nations had lost contact with four staff "
         "members. Vale urged the Velmar Front to free them.", "urged",
         ["Ann Vale", "United Nations"]),
        # an envoy "for Libya" is sent to Libya, not by it
        ("The United Nations has kept a small office in Tripoli. Arno Veld, the U.N. envoy for Libya, "
         "urged the Velmar Front to disarm.", "urged", ["Arno Veld", "United Nations"]),
        # an ambassador's title names his post: Kessaria's, not the U.N.'s
        ("Kessaria closed its border on Monday. Kessaria's U.N. ambassador, Tomas Brell, called for an "
         "inquiry into the blast.", "called", ["Tomas Brell", "Kessaria"]),
    ],
)  # fmt: skip
def test_a_representative_acts_with_the_body_he_speaks_for(
    text: str, trigger: str, actors: list[str]
) -> None:
    assert actor_names(text, trigger) == actors


def test_the_body_is_no_recipient_of_its_own_spokesman() -> None:
    text = (
        "A Velmar Front military spokesman warned that the group would strike tankers again. "
        "The Velmar Front holds the coast."
    )
    record = record_of(text)
    assert event_at(record, "warned").recipients == []


def test_blame_in_a_spokesman_quote_is_his_body_too() -> None:
    text = (
        'The Velmar Front seized Oskel on Monday. "The remarks of Arno Veld are reckless propaganda," '
        "Velmar Front spokesman Tomas Brell said."
    )
    assert actor_names(text, "reckless") == ["Tomas Brell", "Velmar Front"]


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        ("Foreign Minister Lena Ruto said the talks were stalled and urged Dorvan to withdraw its "
         "troops from Oskel.", "urged", ["Lena Ruto"]),
        ("Defense Minister Tomas Brell said the Dorvan army \"takes orders from no one\" and accused "
         "Kessaria of plotting an invasion.", "accused", ["Tomas Brell"]),
    ],
)  # fmt: skip
def test_a_speech_act_after_what_was_said_is_the_speakers(text: str, trigger: str, actors: list[str]) -> None:
    assert actor_names(text, trigger) == actors
    # after a past act of the one reported on, that one goes on
    text = "Ann Vale said the protesters marched to the palace and demanded the release of Tomas Brell."
    assert actor_names(text, "demanded") == ["protesters"]


def test_the_two_countries_leaders_are_the_two_countries() -> None:
    text = (
        "Turkey accused Greece of provoking a standoff in the Aegean. The dispute has rattled markets "
        "across the region. The two countries' leaders met in Brussels on Friday."
    )
    assert actor_names(text, "met") == ["Turkey", "Greece"]


def test_both_parties_to_an_agreement_agree() -> None:
    text = "Marovia's agreement with Dorvan lets Marovian ships use the port of Oskel."
    actors, recipients = argument_names(text, "agreement")
    assert actors == ["Marovia", "Dorvan"]
    assert recipients == []


def test_a_subject_hung_on_a_fronted_phrase_is_the_verbs() -> None:
    text = "In a reply sent to Radio Oskel, the Dorvan Embassy in Pellane dismissed the charges."
    assert actor_names(text, "dismissed") == ["Dorvan Embassy"]


def test_the_country_one_is_deported_from_deported_him() -> None:
    text = "Hundreds of Dorvanese migrants were deported from Marovia and Kessaria last month."
    actors, recipients = argument_names(text, "deported")
    assert actors == ["Marovia", "Kessaria"]
    assert recipients == ["Dorvanese migrants"]
