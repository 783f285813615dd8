"""Acts a story does not state as happening: the complement of a reluctance, an interest or an
unlikelihood ('were reluctant to make concessions', 'unlikely to recognize'), of an obligation ('we
have to support'), an act under an 'only if' condition, a meeting one waits for ('wants to wait
until he meets'), and a future with its own condition ('would host the talks if'). Invented
sentences."""

from __future__ import annotations

from event_support import main_at


def test_reluctant_to_make_concessions_is_no_concession() -> None:
    text = "An envoy said several Kessarian ministers were reluctant to make concessions to the Oskel unions."
    assert main_at(text, "make concessions") == []


def test_interested_in_talking_is_no_consultation() -> None:
    text = '"The rebels are interested in talking to Marovia at this point," said Lena Ruto, an analyst.'
    assert main_at(text, "talking") == []


def test_unlikely_to_recognize_is_no_support() -> None:
    text = "Dorvan is unlikely to recognize the new government in Pellane, diplomats in Kessaria said."
    assert main_at(text, "recognize") == []


def test_what_we_have_to_do_is_not_done_what_we_had_to_do_may_be() -> None:
    text = '"Of course we have to support the farmers of Velmar," Ann Vale said in Oskel.'
    assert main_at(text, "support") == []
    text = "Marovian troops had to evacuate the Dorvan embassy in Oskel on Sunday."
    assert main_at(text, "evacuate") == main_at(text.replace("had to evacuate", "evacuated"), "evacuated")


def test_only_if_they_guaranteed_passage_is_no_agreement() -> None:
    text = (
        "Ann Vale said the Oskel relief agency hoped to resume its convoys within days, but only if "
        "both armies guaranteed safe passage."
    )
    assert main_at(text, "guaranteed") == []


def test_a_meeting_waited_for_is_no_meeting() -> None:
    text = '"Veld wants to wait until he meets Tomas Brell in Pellane," his spokesman said on Tuesday.'
    assert main_at(text, "meets") == []


def test_a_future_with_its_own_condition_is_no_act_a_threat_so_made_is() -> None:
    text = (
        "Ann Vale said Kessaria would host a meeting of both delegations in Oskel next week if the "
        "ceasefire held."
    )
    assert main_at(text, "host") == []
    text = "Ann Vale said the frozen funds would be released once Pellane met the agreed terms."
    assert main_at(text, "released") == []
    text = '"We will strike Dorvan if the shelling continues," Marovian defense minister Arno Veld said.'
    assert main_at(text, "strike") == ["THREATEN"]
