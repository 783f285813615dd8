"""Cooperative acts told by set phrases (helper hv): a party in contact with another consults it;
money a lender approves for another is aid; a go-between named before "mediation" mediated.
Invented sentences."""

from event_support import actor_names, main_at, main_types

# A party in contact with another party consults it; contact as a touch or an exposure does not.


def test_in_contact_with_a_capital_is_consulting() -> None:
    text = "A Marovian spokesman said the government was in contact with Dorvan about the convoy."
    assert main_at(text, "was in contact") == ["CONSULT"]


def test_in_close_contact_with_both_governments_is_consulting() -> None:
    text = "The Pellane foreign ministry has been in close contact with both governments since Friday."
    assert "CONSULT" in main_types(text)


def test_made_contact_with_rebels_is_consulting() -> None:
    text = "Kessarian envoys made contact with the Velmar Front last week."
    assert "CONSULT" in main_types(text)


def test_contact_with_a_patient_is_no_consulting() -> None:
    text = (
        "Nurses in Oskel traced everyone who had been in contact with the patient, and the ministry "
        "said it was in contact with Dorvan about the outbreak."
    )
    assert main_types(text).count("CONSULT") == 1


def test_coming_into_contact_with_a_crowd_is_no_consulting() -> None:
    text = (
        "Riot police in Pellane came into contact with the marchers near the square. The Pellane "
        "cabinet remained in contact with the Velmar Front."
    )
    assert main_types(text).count("CONSULT") == 1


# Money a lender or donor approves for another party is aid it gives.


def test_approved_financing_is_aid() -> None:
    text = "The Oskel Development Fund approved emergency financing for Marovia on Tuesday."
    assert main_at(text, "approved emergency financing") == ["AID"]


def test_approved_grants_is_aid() -> None:
    text = "The regional fund approved its first grants this spring for flood projects in Dorvan."
    assert "AID" in main_types(text)


# A go-between named before "mediation" mediated.


def test_mediation_named_with_its_nation_is_consulting() -> None:
    text = "The ceasefire brokered in April with U.S. mediation has largely held in Velmar."
    assert main_at(text, "mediation") == ["CONSULT"]
    assert actor_names(text, "mediation") == ["United States"]
