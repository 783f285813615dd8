"""Accusations made by stating another actor's wrong (event_accusations), a charge answered by a
denial, blame words given as a name ('an act of piracy'), and charges brought. Invented sentences."""

from __future__ import annotations

from event_support import argument_names, main_at, main_events, main_types


def test_a_speaker_saying_another_party_fails_to_act_accuses_it() -> None:
    text = "The Marovian government said Dorvan was failing to rein in armed smugglers on the border."
    assert main_at(text, "failing") == ["ACCUSE"]
    assert argument_names(text, "failing") == (["Marovian government"], ["Dorvan"])


def test_a_statement_named_a_charge_and_denied_is_the_speakers_accusation() -> None:
    text = (
        "Pellane officials say Velmar Front leaders operate from camps in neighboring Dorvan, "
        "a charge the Dorvan government denies."
    )
    assert main_at(text, "charge") == ["ACCUSE"]
    assert argument_names(text, "charge") == (["Pellane officials"], ["Dorvan government"])


def test_a_wrong_that_is_an_event_of_its_own_is_laid_on_its_doer() -> None:
    text = "Ann Vale said Russian intelligence services hacked into the party's computers."
    assert main_at(text, "hacked") == ["COERCE", "ACCUSE"]
    assert argument_names(text, "hacked")[0] == ["Russian"]


def test_an_act_done_in_violation_of_rules_is_a_wrong_laid_on_its_doer() -> None:
    text = "Oskel said Dorvan firms had helped the Pellane army obtain rifles in violation of Oskel rules."
    assert "ACCUSE" in main_types(text)


def test_a_doer_reporting_its_own_act_accuses_no_one() -> None:
    text = (
        "The Kessarian army said it had failed to stop the raids. Oskel said Dorvan had failed to stop them."
    )
    assert main_types(text).count("ACCUSE") == 1
    assert argument_names(text, "failed")[1] == ["Dorvan"]


def test_a_wrong_only_supposed_in_a_condition_accuses_no_one() -> None:
    text = (
        "Ann Vale said that if President Tomas Brell rigs the election, the people of Marovia will rise up. "
        "Lena Ruto said the Velmar Front had rigged the vote in the north."
    )
    assert main_types(text).count("ACCUSE") == 1
    assert main_at(text, "rigged") == ["ACCUSE"]


def test_calling_a_seizure_piracy_is_an_accusation() -> None:
    text = 'The Marovian Foreign Ministry called the seizure of the tanker an act of "piracy" on Monday.'
    assert "ACCUSE" in main_types(text)


def test_bringing_charges_is_an_accusation() -> None:
    text = "Marovian prosecutors brought charges against the Velmar Front commander on Monday."
    assert main_at(text, "brought charges") == ["ACCUSE"]


def test_a_passive_wrong_is_laid_on_its_agent_not_on_its_victim() -> None:
    text = (
        "Tomas Brell said Ann Vale's email account had been hacked. "
        "Lena Ruto said the charter was violated by the Dorvan ministry."
    )
    accusations = [e for e in main_events(text) if e.type == "ACCUSE"]
    assert [e.trigger.text for e in accusations] == ["violated"]
