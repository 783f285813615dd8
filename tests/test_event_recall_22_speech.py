"""Speech acts said without a verb of the table: a vote against a motion refuses it, standing with
a party backs it, a vowed response, the necessary measures or an act named a warning threaten,
refusing to take lessons or a part refuses, a grave concern is a complaint, and a challenge in
court, critics' saying and blame predicated in a quote accuse.
Blocking a decision and refusing to contribute to a fund refuse. Invented sentences."""

from event_support import main_at, main_types


def test_voting_against_a_resolution_rejects_it() -> None:
    assert "REJECT" in main_at("Marovia and Dorvan voted against the resolution on Thursday.", "voted")


def test_voting_no_rejects() -> None:
    assert "REJECT" in main_types("This spring Kessaria and Oskel joined them in voting no.")
    assert "REJECT" not in main_types("Voters in Pellane voted against the incumbent mayor.")


def test_standing_in_solidarity_with_a_state_supports_it() -> None:
    text = "The foreign ministry of Marovia said it stood in full solidarity with Dorvan."
    assert "SUPPORT" in main_at(text, "stood")


def test_standing_with_a_state_supports_it() -> None:
    text = "A Kessarian spokesperson said Marovia stands firmly with Pellane's sovereignty."
    assert "SUPPORT" in main_at(text, "stands")
    assert "SUPPORT" not in main_types("Tomas Brell stood with his wife at the back of the hall.")


def test_a_response_to_any_violation_threatens() -> None:
    text = "The defense ministry of Oskel said Marovia would respond to any violation of its airspace."
    assert "THREATEN" in main_at(text, "respond")
    assert "THREATEN" not in main_types("The Pellane ministry said it would respond to the report next week.")


def test_responding_accordingly_threatens() -> None:
    text = 'The Kessaria foreign office said Dorvan would "respond accordingly" to anyone who interfered.'
    assert "THREATEN" in main_types(text)


def test_necessary_measures_threaten() -> None:
    text = "Foreign Minister Arno Veld said Dorvan would take necessary measures to protect its firms."
    assert "THREATEN" in main_at(text, "take")
    assert "THREATEN" not in main_types(
        "The Dorvan central bank said it will take measures to curb inflation."
    )


def test_taking_no_lessons_rejects() -> None:
    text = '"Marovia will not take lessons on democracy from anyone," Foreign Minister Lena Ruto said.'
    assert "REJECT" in main_at(text, "take")


def test_instructions_from_no_one_reject() -> None:
    assert "REJECT" in main_at("Marovia said it takes instructions from no one.", "takes")


def test_taking_no_part_rejects() -> None:
    text = "Dorvan and Kessaria have said they will not take part in the relocations."
    assert "REJECT" in main_at(text, "take")


def test_grave_alarm_at_reports_of_an_act_accuses() -> None:
    text = 'The U.N. human rights office said it was "deeply alarmed" by reports of enforced disappearances.'
    assert "ACCUSE" in main_at(text, "alarmed")


def test_grave_concern_stated_alone_accuses() -> None:
    text = 'The Oskel government said it was "deeply concerned" and urged Dorvan to end the trials.'
    assert "ACCUSE" in main_at(text, "concerned")


def test_grave_concern_at_an_escalation_accuses() -> None:
    text = 'The envoy of Kessaria said he was "deeply concerned" by the escalation in Velmar.'
    assert "ACCUSE" in main_at(text, "concerned")
    assert "ACCUSE" not in main_types("Residents of Pellane said they were concerned about rising prices.")


def test_following_events_with_concern_accuses() -> None:
    text = 'The Oskel Commission said it was following developments in Marovia "with serious concern."'
    assert "ACCUSE" in main_types(text)


def test_challenging_arrests_in_court_accuses() -> None:
    text = "The Velmar Front said it would challenge the arrests in the Pellane High Court."
    assert "ACCUSE" in main_at(text, "challenge")
    assert "ACCUSE" not in main_types("The Dorvan senator challenged the minister to explain the budget.")


def test_taking_a_dispute_to_a_court_accuses() -> None:
    text = "Dorvan and Marovia took the dispute to the International Court of Justice in 2006."
    assert "ACCUSE" in main_at(text, "took")


def test_blocking_a_consensus_rejects() -> None:
    text = "Dorvan, Kessaria and Oskel blocked a consensus on renewal of the moratorium."
    assert "REJECT" in main_at(text, "blocked a consensus")


def test_a_judge_blocking_the_move_rejects() -> None:
    assert "REJECT" in main_at("A federal judge in Pellane blocked the move on Friday.", "blocked the move")


def test_derailing_a_plan_rejects() -> None:
    text = "Marovia helped derail a global plan to cut emissions from ships."
    assert "REJECT" in main_at(text, "derail a global plan")


def test_refusing_to_contribute_to_a_fund_rejects() -> None:
    text = "The administration of Pellane has said it will not contribute to the fund."
    assert "REJECT" in main_at(text, "contribute")


def test_critics_saying_accuse() -> None:
    text = "Critics say the emergency measures in Pellane have done little to slow the extortion wave."
    assert "ACCUSE" in main_at(text, "say")
    assert "ACCUSE" not in main_types("Critics of the Dorvan plan were not available for comment.")


def test_critics_pointing_to_restrictions_accuse() -> None:
    assert "ACCUSE" in main_at("In Dorvan, critics have pointed to restrictions on the press.", "pointed")


def test_critics_telling_an_act_leave_it_told() -> None:
    text = "Critics say Marovian police beat detainees in custody."
    assert "ASSAULT" in main_at(text, "beat")
    assert "ACCUSE" in main_at(
        "Critics say the new Pellane missiles blur the line between defense and attack.", "say"
    )


def test_blame_predicated_of_a_thing_in_a_quote_accuses() -> None:
    text = '"What happened in Velmar was no rally. Those were terrorist crimes," Interior Minister Lena Ruto said.'
    assert "ACCUSE" in main_types(text)
    assert "ACCUSE" not in main_types('"We are not criminals," Tomas Brell said outside the court in Velmar.')


def test_offices_called_illegal_in_a_quote_accuse() -> None:
    text = 'Dorvan\'s interior minister, Arno Veld, said the border offices were "illegal structures" run from abroad.'
    assert "ACCUSE" in main_types(text)


def test_rights_groups_saying_accuse() -> None:
    text = "Rights groups say thousands of innocent people have been swept up in the Pellane crackdown."
    assert "ACCUSE" in main_at(text, "say")


def test_taking_a_case_to_a_court_in_general_accuses_no_one() -> None:
    text = "Arno Veld said he would take his case to the regional human rights commission."
    assert "ACCUSE" in main_at(text, "take")
    assert "ACCUSE" not in main_types("It costs a fortune to take a case to the Pellane Supreme Court.")


def test_rights_groups_said_once_is_a_report() -> None:
    text = "Rights groups say the new law in Dorvan is designed to silence civil society."
    assert "ACCUSE" in main_at(text, "say")
    assert "ACCUSE" not in main_types("Rights groups said the legal framework in Dorvan remained unclear.")


def test_an_act_called_a_warning_threatens() -> None:
    text = 'On Monday the Dorvan navy called the patrols "a firm warning" to the rebels in Velmar.'
    assert "THREATEN" in main_at(text, "warning")
    assert "THREATEN" in main_at("Marovia described the new sanctions as a warning to Dorvan.", "warning")


def test_a_court_ruling_a_measure_unlawful_rejects_it() -> None:
    text = "A similar arrangement with Dorvan was ruled unlawful by the Marovian Supreme Court in 2023."
    assert "REJECT" in main_at(text, "ruled")
    assert "REJECT" not in main_types("The Pellane court ruled the election results valid.")


def test_a_court_declaring_a_decree_void_rejects_it() -> None:
    assert "REJECT" in main_types("The Oskel court declared the decree null and void.")
