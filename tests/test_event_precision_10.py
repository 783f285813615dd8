"""Event precision, round 10 (the cooperative types AID, AGREE, CONCEDE, SUPPORT, COOPERATE): an
accord or a promise that already stands, and "a great deal of"; a resignation that dates a career;
easing measures against an epidemic; a court's ruling; authorizing one's own act; accepting money or
an honour; an offer to pay someone for a deed; a camp that shelters people; a kind of people; words
that "help"; help in breach of rules; a weapon's reach; "will no longer"; a meeting set down in a
timetable. The acts a party does toward another stay coded. All sentences are invented."""

from __future__ import annotations

import pytest

from event_support import main_events

COOPERATIVE = {"AID", "AGREE", "CONCEDE", "SUPPORT", "COOPERATE"}


def coded(text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in main_events(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # an amount, no deal
        ("Diplomats in Oskel said there is a great deal of doubt over the truce.", "deal"),
        ("There has been a great deal of confusion over the Marovian vote.", "deal"),
        # an accord that stands, named by its party and its topic, or one kept or broken
        ("Dorvan's Pact on Migration, adopted in 2022, takes effect in June.", "Pact"),
        ("Pellane's Treaty on Fisheries takes effect in May.", "Treaty"),
        ("Powers far from the gulf should stick to their promises, the Marovian ministry said.", "promises"),
        ("The Velmar Front broke its pledge, the minister said.", "broke its pledge"),
    ],
)  # fmt: skip
def test_a_standing_accord_or_an_amount_is_no_agreement(text: str, word: str) -> None:
    assert "AGREE" not in [t for t, w in coded(text) if word in w], coded(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a resignation that dates a career
        ("Lena Ruto headed the Velmar Front until she resigned in October.", "resigned"),
        ("Tomas Brell led the ministry before he resigned in 2018.", "resigned"),
        ("Arno Veld, who stepped down in 2019, now runs a bakery.", "stepped"),
        ("The senator, who stepped down in 2015, still chairs the foundation.", "stepped"),
        ("Lena Ruto, who quit as governor in 2020, now teaches law.", "quit"),
        # a government easing its own rules against an epidemic
        ("Marovia's cabinet started relaxing several of its pandemic restrictions in May.", "relaxing"),
        ("Dorvan lifted its COVID-19 restrictions on restaurants on Monday.", "lifted"),
        ("Kessaria eased its coronavirus lockdown on Friday.", "eased"),
        ("Oskel relaxed its quarantine rules for travelers on Monday.", "relaxed"),
        ("Kessaria lifted its pandemic travel restrictions for vaccinated visitors.", "lifted"),
        # a court's ruling
        ("A Pellane court on Friday lifted two orders that had blocked the new mayor's inauguration.", "lifted"),
        ("In granting the Velmar Front a right to appeal in May, a Marovian judge said the law was unclear.", "granting"),
        # authorizing one's own act
        ("Ann Vale authorized the deletion of thousands of emails from her server.", "authorized"),
        ("The minister authorized the use of emergency funds for the stadium.", "authorized"),
        ("The president authorized the construction of a new airport in Oskel.", "authorized"),
    ],
)  # fmt: skip
def test_no_concession_to_anyone(text: str, word: str) -> None:
    assert [t for t, w in coded(text) if word in w and t in COOPERATIVE] == [], coded(text)


def test_epidemic_rules_eased_are_no_coercion_either() -> None:
    text = "Marovia's cabinet started relaxing several of its pandemic restrictions in May."
    assert coded(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # money or an honour accepted
        ("The former premier accepted Kessarian funding for his road projects.", "accepted"),
        ("The mayor accepted Marovian investment for the port.", "accepted"),
        ("Tonight I gladly accept your nomination to lead Pellane.", "accept"),
        # a hire or a bribe
        ("Prosecutors said Dorvan offered to pay two men $500,000 to kill the journalist.", "offered"),
        # what a place is
        ("The two Oskel camps together shelter more than 300,000 refugees.", "shelter"),
        ("The Velmar camps shelter about 50,000 displaced people.", "shelter"),
        ("The Oskel centre offers refuge to hundreds of migrants.", "offers"),
        # a kind of people, words, a breach of rules, what one says, who funds a group
        ("Foreign bloggers who praise Dorvan quickly gain millions of followers.", "praise"),
        ("Lena Ruto says praise from Kessaria helps Marovia.", "helps"),
        ("The firms had helped Dorvan's army obtain advanced drones in violation of export controls.", "helped"),
        ("Ann Vale pointed to the interviews she has granted.", "granted"),
        ("The Velmar Group, funded by wealthy donors, plans to run ads in Oskel.", "funded"),
        # a weapon's reach
        ("Marovia is one of five powers able to deliver nuclear weapons from submarines.", "deliver"),
        ("Dorvan's bombers deliver nuclear bombs over long ranges.", "deliver"),
        # an act that will stop is no promise
        ("The Taliban said they will no longer grant her access to the country.", "grant"),
        ("Marovia will no longer provide aid to the Velmar Front, its minister said.", "provide"),
    ],
)  # fmt: skip
def test_no_aid_or_agreement_between_parties(text: str, word: str) -> None:
    assert [t for t, w in coded(text) if word in w and t in COOPERATIVE] == [], coded(text)


def test_a_deed_paid_for_is_not_reported_done() -> None:
    text = "Prosecutors said Dorvan offered to pay two men $500,000 to kill the journalist."
    assert coded(text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The two envoys are scheduled to meet in Oskel on Friday.", "meet"),
        ("The Pellane council is scheduled to meet Thursday in Oskel to discuss the drought.", "meet"),
        ("The leaders were expected to discuss the drought and the border.", "discuss"),
    ],
)  # fmt: skip
def test_a_scheduled_meeting_is_no_promise(text: str, word: str) -> None:
    assert [t for t, w in coded(text) if w == word] == ["CONSULT"], coded(text)


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        ("Marovia sent 40 tonnes of food aid to Pellane on Tuesday.", "sent 40 tonnes", "AID"),
        ("Dorvan and Kessaria signed a trade agreement on Monday.", "signed", "SUPPORT"),
        ("The junta released 200 political prisoners on Sunday.", "released", "RETREAT"),
        ("The European Union eased sanctions on Marovia.", "eased sanctions", "RETREAT"),
        ("Dorvan backed Kessaria's bid to join the alliance.", "backed", "SUPPORT"),
        ("The Velmar Front agreed to a ceasefire brokered by Oskel.", "agreed", "AGREE"),
        ("Italy's agreement with Marovia lets it build two centers there.", "agreement", "AGREE"),
        ("Addis Ababa remained committed to the agreement signed in Pellane in 2022 with the rebels.", "agreement", "AGREE"),
        ("The Marovian coast guard rescued 41 people off Oskel.", "rescued", "AID"),
        ("Kessaria lifted its ban on Dorvan beef imports.", "lifted", "CONCEDE"),
        ("The president resigned on Friday amid mass protests.", "resigned", "CONCEDE"),
        ("Marovia said it is ready to support Pellane's government.", "ready", "AGREE"),
        ("Dorvan has accepted Kessarian ambassadors.", "accepted", "AGREE"),
        ("Kessaria donated vaccines to Marovia in February.", "donated", "AID"),
        ("The UN was already providing assistance to one million people in Pellane.", "providing", "AID"),
        ("Ann Vale endorsed Tomas Brell this month.", "endorsed", "SUPPORT"),
        ("The IMF approved a loan to Marovia.", "approved a loan", "AID"),
        ("Marovia pardoned 50 protesters on Monday.", "pardoned", "CONCEDE"),
        ("Dorvan delivered weapons to Kessaria last month.", "delivered", "AID"),
        ("Israel and Oskel agreed to a ceasefire on Tuesday.", "agreed", "AGREE"),
        ("Kessaria offered to mediate between Dorvan and the Velmar Front.", "offered", "AGREE"),
        ("The government lifted the curfew in Oskel.", "lifted the curfew", "RETREAT"),
        ("The Velmar Front freed 12 hostages on Monday.", "freed", "RETREAT"),
        ("Marovia granted asylum to the dissident.", "granted asylum", "AID"),
        ("Dorvan will resume cooperation with Kessaria, its foreign minister said.", "resume cooperation", "COOPERATE"),
        ("The Pellane army is working with local militias to free the hostages.", "working", "COOPERATE"),
        ("Kessaria recognized the new government of Marovia.", "recognized", "SUPPORT"),
        ("The ministers endorsed plans to send rejected migrants abroad.", "endorsed", "SUPPORT"),
        ("Dorvan's parliament authorized the release of 30 prisoners.", "authorized", "CONCEDE"),
        ("The court ordered the government to release the activists.", "release", "RETREAT"),
        ("Dorvan agreed with Kessaria on a truce.", "agreed", "AGREE"),
        ("Marovia signed a peace deal with the Velmar Front on Sunday.", "signed", "SUPPORT"),
        ("The Marovian minister resigned under pressure from protesters.", "resigned", "CONCEDE"),
    ],
)  # fmt: skip
def test_acts_toward_a_party_stay_coded(text: str, trigger: str, kind: str) -> None:
    assert kind in [t for t, w in coded(text) if w == trigger], coded(text)
