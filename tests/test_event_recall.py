"""Events the news states that dateline missed (event type recall), on invented sentences.

A clause of time with its own subject states its own act; news verbs and idioms for sanctions,
seizures, accusations, threats and mobilization; verbs that raise an act ("ramped up sanctions");
acts a sentence says happened ("led to the arrest of", "an offensive launched by"); meetings and
visits named as circumstances ("speaking at a Security Council meeting", "during a visit to").
"""

from __future__ import annotations

import pytest

from dateline.model import Article, Event
from dateline.pipeline import records

PUBLISHED = "2025-03-12"


def events_of(text: str) -> list[Event]:
    return next(records([Article(id="t", text=text, published=PUBLISHED)])).events


def main_types(text: str) -> set[str]:
    """The types a one-event-a-sentence reader counts: main events, stated as happening."""
    return {
        e.type
        for e in events_of(text)
        if e.governed_by is None and e.modality in {"asserted", "reported", "future"}
    }


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The United Nations condemned the brutality as soldiers killed eight protesters on Friday.",
            "ASSAULT",
        ),
        (
            "The Velmar Front has raided Dorvan outposts since 2018, when the government deployed forces into Kessaria.",
            "MOBILIZE",
        ),
        (
            "The bloc criticized the decision, while Marovia imposed fresh tariffs on Dorvan grain.",
            "SANCTION",
        ),
    ],
)
def test_a_clause_of_time_with_its_own_subject_is_a_main_event(text: str, kind: str) -> None:
    assert kind in main_types(text)


def test_a_clause_of_time_stays_governed_under_a_future_or_after_a_cause() -> None:
    # the new main event above, beside what stays governed: a cause ("after") and a future's condition
    assert "ASSAULT" in main_types("The council condemned the violence as police shot two students.")
    assert "COERCE" not in main_types("Rioters burned shops after police arrested the opposition leader.")
    assert "RETREAT" not in main_types("Israel will withdraw its troops when Hamas releases the hostages.")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Washington levied new tariffs on Chinese steel on Monday.", "SANCTION"),
        ("Rebels exchanged gunfire with border guards near the crossing.", "ASSAULT"),
        ("The navy boarded two foreign vessels in the strait.", "COERCE"),
        ("The president pointed a finger at the rebels for the bombing.", "ACCUSE"),
        ("A soldier pointed his gun at the journalist at the checkpoint.", "THREATEN"),
        ("Moroccan police broke up a terrorist cell in Tangier.", "COERCE"),
        ("Spanish police dismantled a smuggling network in Ceuta.", "COERCE"),
        ("The governor said security forces had been dispatched to the border town.", "MOBILIZE"),
        ("Thousands of dissidents were confined in labor camps in the north.", "COERCE"),
    ],
)
def test_news_verbs_and_idioms_for_political_acts(text: str, kind: str) -> None:
    assert kind in main_types(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Marovian parliament ramped up sanctions on Dorvan last year.", "SANCTION"),
        ("Italy tightened restrictions on travel from India.", "COERCE"),
    ],
)
def test_raising_an_act_keeps_it_the_subjects_act(text: str, kind: str) -> None:
    assert kind in main_types(text)


def test_an_act_that_a_sentence_says_happened_is_an_event() -> None:
    assert "COERCE" in main_types("The raid led to the arrest of five suspects in Mosul.")
    assert "ASSAULT" in main_types(
        "An offensive launched by government forces drove the rebels from the town."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Speaking at a Security Council meeting on Yemen, the envoy said the truce was holding.",
        "During a visit to Kabul, the minister told reporters that aid would continue.",
        "The UNICEF chief told a meeting of the Security Council that children were starving.",
        "Rubio is expected to have a meeting with the Japanese foreign minister on Thursday.",
    ],
)
def test_a_meeting_or_visit_named_as_a_circumstance_took_place(text: str) -> None:
    assert "CONSULT" in main_types(text)


def test_having_is_a_light_verb_only_for_a_meeting_with_someone() -> None:
    assert "CONSULT" in main_types("The two leaders had talks with the rebels in Doha.")
    assert "AGREE" not in main_types("Egypt has an agreement with Israel on the border.")
