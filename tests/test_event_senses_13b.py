"""Backing, agreeing and meeting words used in another sense in campaign news: a newsletter signed
up for, a crowd that applauds no one, a debate a broadcaster hosts, a reception 'met with',
talking to reporters, defending oneself and pledged delegates. Invented sentences."""

from __future__ import annotations

from event_support import main_at


def test_signing_up_for_a_newsletter_is_no_accord() -> None:
    assert main_at("Hundreds of voters signed up for the Velmar Front newsletter on Monday.", "signed") == []
    assert main_at("Arno Veld signed up to campaign for Ann Vale in Oskel.", "signed") == ["SUPPORT"]
    assert main_at("Marovia and Dorvan signed a border treaty on Monday.", "signed") == ["SUPPORT"]


def test_a_crowd_that_applauds_no_one_backs_no_one() -> None:
    assert main_at("The crowd applauded as Ann Vale spoke in Oskel.", "applauded") == []
    assert main_at("The crowd applauded Ann Vale in Oskel.", "applauded") == ["SUPPORT"]


def test_a_debate_hosted_by_a_newspaper_is_no_meeting() -> None:
    assert main_at("Tomas Brell spoke at a debate hosted by the Pellane Herald on Thursday.", "hosted") == []
    assert main_at("Dorvan hosted talks between Marovia and Kessaria on Monday.", "hosted") == ["CONSULT"]


def test_met_with_mockery_or_meeting_benchmarks_is_no_meeting() -> None:
    assert main_at("Arno Veld has often been met with mockery in Oskel.", "met") == []
    assert main_at("Lena Ruto told the Velmar Front that it was meeting its benchmarks.", "meeting") == []


def test_talking_to_reporters_is_no_talks() -> None:
    assert main_at("Ann Vale talked to reporters in Oskel on Monday about the floods.", "talked") == []
    assert main_at("Arno Veld talked with Lena Ruto in Oskel on Monday about the floods.", "talked") == [
        "CONSULT"
    ]


def test_defending_oneself_or_ones_record_backs_no_one() -> None:
    assert main_at("Ann Vale defended herself against the charges on Monday.", "defended") == []
    assert main_at("Tomas Brell defended his record as governor of Oskel.", "defended") == []
    assert main_at("Tomas Brell defended Ann Vale against the charges on Monday.", "defended") == ["SUPPORT"]


def test_pledged_delegates_are_no_pledge() -> None:
    assert (
        main_at("Arno Veld has won 310 pledged delegates in the Velmar Front primaries so far.", "pledged")
        == []
    )
