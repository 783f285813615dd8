"""Entities: names, titles, descriptions and pronouns clustered into canonical actors."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.extract.entities import find_entities
from dateline.model import Entity
from event_support import main_types

# Invented people; real nationalities, so that codes can be checked.
TEXT = (
    "U.S. Secretary of State Mara Quillon met Palestinian President Yusef Darran in Ramallah on Monday.\n"
    "Quillon said she was hopeful, but she warned that more work was needed.\n"
    "An Egyptian official told AFP that talks would resume in Cairo. The official declined to give details.\n"
    "Israeli troops moved toward the border, while Hamas said the group would not attend.\n"
    "Israeli Prime Minister Oren Castell rejected the plan. Castell said he would not bend.\n"
)


@pytest.fixture(scope="module")
def entities(nlp: Language) -> list[Entity]:
    return find_entities(nlp(TEXT)).entities


def by_name(entities: list[Entity], name: str) -> Entity:
    matches = [e for e in entities if e.name == name]
    assert matches, f"no entity named {name!r} in {[e.name for e in entities]}"
    return matches[0]


def test_every_mention_points_at_its_characters(entities: list[Entity]) -> None:
    for entity in entities:
        for mention in entity.mentions:
            assert TEXT[mention.start : mention.end] == mention.text


def test_title_country_and_sector_come_from_the_words_before_a_name(entities: list[Entity]) -> None:
    quillon = by_name(entities, "Mara Quillon")
    assert (quillon.type, quillon.code, quillon.sector) == ("PERSON", "USA", "GOV")
    assert quillon.titles == ["Secretary of State"]
    darran = by_name(entities, "Yusef Darran")
    assert (darran.code, darran.sector, darran.titles) == ("PSE", "GOV", ["President"])


def test_surname_and_pronouns_join_the_full_name(entities: list[Entity]) -> None:
    quillon = by_name(entities, "Mara Quillon")
    texts = [m.text for m in quillon.mentions]
    assert texts[:2] == ["Mara Quillon", "Quillon"]
    assert texts.count("she") == 2
    castell = by_name(entities, "Oren Castell")
    assert [m.text for m in castell.mentions] == ["Oren Castell", "Castell", "he"]
    assert castell.titles == ["Prime Minister"] and castell.code == "ISR"


def test_affiliation_before_a_title_is_no_actor_of_its_own(entities: list[Entity]) -> None:
    assert not any(e.name in {"U.S.", "State"} for e in entities)


def test_anonymous_source_is_an_entity_and_the_definite_description_returns_to_it(
    entities: list[Entity],
) -> None:
    official = by_name(entities, "Egyptian official")
    assert (official.type, official.code, official.sector) == ("PERSON", "EGY", "GOV")
    assert [m.text for m in official.mentions] == ["An Egyptian official", "The official"]


def test_groups_and_armed_organisations_get_codes(entities: list[Entity]) -> None:
    troops = by_name(entities, "Israeli troops")
    assert (troops.type, troops.code, troops.sector) == ("GROUP", "ISR", "MIL")
    hamas = by_name(entities, "Hamas")
    assert (hamas.type, hamas.code, hamas.sector) == ("ORG", "PSE", "REB")
    assert "the group" in [m.text for m in hamas.mentions]


def test_he_does_not_resolve_to_a_woman(nlp: Language) -> None:
    text = (
        "Senator Lina Okafor met the envoy. She said the talks went well.\nOkafor added that she was tired."
    )
    entities = find_entities(nlp(text)).entities
    okafor = by_name(entities, "Lina Okafor")
    assert [m.text for m in okafor.mentions].count("She") == 1
    assert "she" in [m.text for m in okafor.mentions]
    assert okafor.titles == ["Senator"] and okafor.sector == "LEG"


def test_pronoun_prefers_the_subject_of_the_previous_sentence(nlp: Language) -> None:
    text = "Minister Dario Fenn thanked Pavel Ostrik for the report. Later he flew home."
    entities = find_entities(nlp(text)).entities
    fenn = by_name(entities, "Dario Fenn")
    assert "he" in [m.text for m in fenn.mentions]
    assert "he" not in [m.text for m in by_name(entities, "Pavel Ostrik").mentions]


def test_a_pronoun_never_stands_for_a_name_inside_a_quotation(nlp: Language) -> None:
    text = (
        "Governor Lena Marsh spoke after the vote. "
        '"Mayor Tomas Brill must stay calm and keep order," she said.'
    )
    entities = find_entities(nlp(text)).entities
    assert "she" in [m.text for m in by_name(entities, "Lena Marsh").mentions]
    assert "she" not in [m.text for m in by_name(entities, "Tomas Brill").mentions]


def test_a_lead_description_is_the_person_the_next_sentence_names(nlp: Language) -> None:
    text = (
        "The U.N. special envoy for Karesh is calling for an end to the fighting. "
        "Oskar Vendt issued his appeal on Friday, after a week of clashes."
    )
    entities = find_entities(nlp(text)).entities
    vendt = by_name(entities, "Oskar Vendt")
    assert "The U.N. special envoy" in [m.text for m in vendt.mentions] or any(
        m.text.endswith("special envoy") for m in vendt.mentions
    )
    assert not [e for e in entities if e.type == "PERSON" and "envoy" in e.name]


def test_a_lead_description_stays_apart_from_a_name_later_in_the_story(nlp: Language) -> None:
    text = (
        "The U.N. special envoy for Karesh is calling for an end to the fighting. "
        "Fighting went on in the north on Friday. Oskar Vendt, a local farmer, said he had fled."
    )
    entities = find_entities(nlp(text)).entities
    assert not any(m.text.endswith("envoy") for m in by_name(entities, "Oskar Vendt").mentions)


def test_entities_are_numbered_in_order_of_first_mention(entities: list[Entity]) -> None:
    assert [e.id for e in entities] == [f"E{n}" for n in range(1, len(entities) + 1)]
    firsts = [e.mentions[0].start for e in entities]
    assert firsts == sorted(firsts)


def test_a_country_ending_a_title_is_not_part_of_the_name(nlp: Language) -> None:
    text = '"The militia has widened its raids," U.N. Resident Coordinator for Mali Tomas Brell said.'
    names = [e.name for e in find_entities(nlp(text)).entities if e.type == "PERSON"]
    assert "Tomas Brell" in names and not any(n.startswith("Mali") for n in names)


def test_an_abbreviated_title_holds_the_office_a_description_names(nlp: Language) -> None:
    text = (
        "The launch site has been busy for weeks. "
        "On Friday, a top Marovian Air Force general said he feared a rocket launch. "
        "Satellite images showed new activity. "
        '"It is just a matter of time," said Gen. Carl Brandt, commander of the Pacific air forces.'
    )
    entities = find_entities(nlp(text)).entities
    brandt = by_name(entities, "Carl Brandt")
    assert any(m.text.endswith("general") for m in brandt.mentions)


def test_the_head_of_an_organisation_is_its_one_secretary_general(nlp: Language) -> None:
    text = (
        '"Nearly half were assaulted in the fields," said Secretary General Tomas Ekberg. '
        "The head of Doctors Without Borders (MSF) warned the panel that its clinics had treated the victims."
    )
    entities = find_entities(nlp(text)).entities
    ekberg = by_name(entities, "Tomas Ekberg")
    assert any(m.text.lower().endswith("head") for m in ekberg.mentions)
    assert ekberg.code == "NGO"


def test_fighters_belong_to_the_armed_group_the_story_is_about(nlp: Language) -> None:
    text = (
        "The Taliban attacked a checkpoint on Monday. The Taliban said the attack was a warning. "
        "A Taliban spokesman said more would follow. Officials said the Taliban had moved south. "
        "Islamic State also operates in the region. The insurgents fired on the police."
    )
    entities = find_entities(nlp(text)).entities
    taliban = by_name(entities, "Taliban")
    assert "insurgents" in " ".join(m.text for m in taliban.mentions)


def test_fighters_named_by_a_groups_initials_belong_to_it(nlp: Language) -> None:
    text = (
        "The Baloch Liberation Army claimed the attack on the train. Pakistan said BLA insurgents "
        "had held the passengers for a day."
    )
    entities = find_entities(nlp(text)).entities
    group = by_name(entities, "Baloch Liberation Army")
    assert any("insurgents" in m.text for m in group.mentions)


def test_a_countrys_authorities_are_the_country(nlp: Language) -> None:
    text = (
        "Haitian authorities said the prisoners escaped overnight. Haiti asked the United Nations for help."
    )
    entities = find_entities(nlp(text)).entities
    haiti = by_name(entities, "Haiti")
    assert any(m.text.endswith("authorities") for m in haiti.mentions)


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "Officials said that Abdel Karim Mansur, also known as Abu Tariq, was the group's top commander.",
            "Abdel Karim Mansur",
            "Abu Tariq",
        ),
        (
            "Among them is Vadim Korelsky, known in China as Dorvanu, who posts videos every day.",
            "Vadim Korelsky",
            "Dorvanu",
        ),
    ],
)
def test_a_name_known_as_another_is_one_actor(nlp: Language, text: str, name: str, alias: str) -> None:
    entities = find_entities(nlp(text)).entities
    assert alias in [m.text for m in by_name(entities, name).mentions]
    assert not [e for e in entities if e.name == alias]


def test_two_titles_joined_before_one_name_describe_that_person(nlp: Language) -> None:
    text = "He admitted he plotted to attack the Kessarian Canadian journalist and radio host Lena Ruto in Oskel."
    entities = find_entities(nlp(text)).entities
    ruto = by_name(entities, "Lena Ruto")
    assert any("journalist" in m.text for m in ruto.mentions)


def test_the_people_of_a_country_acting_is_the_country(nlp: Language) -> None:
    text = (
        "Russia has not signed the truce. If the Russians fail to respect the truce, "
        "it will send a message to Kessaria, the envoy said."
    )
    entities = find_entities(nlp(text)).entities
    russia = by_name(entities, "Russia")
    assert "Russians" in [m.text for m in russia.mentions]


def test_a_description_is_named_without_its_possessive_pronoun(nlp: Language) -> None:
    text = "Prime Minister Oren Castell met his war cabinet on Sunday. The cabinet rejected the plan."
    names = [e.name for e in find_entities(nlp(text)).entities]
    assert "war cabinet" in names and not any(n.startswith("his ") for n in names)


def test_a_name_after_a_capitalised_title_is_a_person(nlp: Language) -> None:
    text = "Kessa Mayor Arno Velmarto said the cheap supply of river fish was a worry for the town."
    entities = find_entities(nlp(text)).entities
    assert "PERSON" in [e.type for e in entities if e.name.endswith("Velmarto")]


def test_the_former_president_is_the_president_the_story_named(nlp: Language) -> None:
    text = (
        "Unrest returned two months after the ouster of President Darian Volkov. "
        "Police fought with gunmen loyal to the former president in the hills."
    )
    volkov = by_name(find_entities(nlp(text)).entities, "Darian Volkov")
    assert "the former president" in [m.text for m in volkov.mentions]


def test_the_president_is_the_sitting_one_when_a_former_one_is_named_too(nlp: Language) -> None:
    text = (
        "President Mara Quillon met former President Yusef Darran on Monday. "
        "The president said the talks went well. The former president said nothing."
    )
    entities = find_entities(nlp(text)).entities
    assert "The president" in [m.text for m in by_name(entities, "Mara Quillon").mentions]
    assert "The former president" in [m.text for m in by_name(entities, "Yusef Darran").mentions]


def test_a_capital_taken_for_a_person_is_its_country(nlp: Language) -> None:
    entities = find_entities(nlp("Russia rejected the proposal. Moscow also warned Kyiv.")).entities
    assert not [e for e in entities if e.type == "PERSON"]
    assert by_name(entities, "Ukraine").code == "UKR"


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Army spokesperson Tariq Mehsud said 33 militants were killed.", None, "MIL"),
        ("Pakistan Army spokesperson Tariq Mehsud said 33 militants were killed.", "PAK", "MIL"),
        ("Police spokesman Tariq Mehsud said 12 people were arrested.", None, "POL"),
    ],
)
def test_a_spokesperson_belongs_to_the_body_the_title_names(
    nlp: Language, text: str, code: str | None, sector: str
) -> None:
    person = by_name(find_entities(nlp(text)).entities, "Tariq Mehsud")
    assert (person.code, person.sector) == (code, sector)


def test_a_name_where_only_a_place_can_stand_is_a_place(nlp: Language) -> None:
    # Invented countries: no gazetteer knows them, so only the article's words can say what they are.
    text = (
        "The central bank of Karesh raised its main rate. Lenders asked Karesh to cut fuel subsidies. "
        "Troops were deployed in Tovan on Monday."
    )
    entities = find_entities(nlp(text)).entities
    karesh = [e for e in entities if e.name == "Karesh"]
    assert [e.type for e in karesh] == ["GPE"] and len(karesh[0].mentions) >= 2
    assert by_name(entities, "Tovan").type == "GPE"


def test_an_organisation_in_a_place_phrase_stays_an_organisation(nlp: Language) -> None:
    entities = find_entities(
        nlp("The bill stalled in Congress on Tuesday, after the president of Acme Corp spoke.")
    ).entities
    assert {e.name: e.type for e in entities}.get("Acme Corp") == "ORG"
    assert {e.name: e.type for e in entities}.get("Congress") == "ORG"


def test_a_role_named_by_two_words_is_a_group_where_its_head_alone_is_none(nlp: Language) -> None:
    text = "Opposition parties rejected the budget on Monday. The governing parties welcomed it."
    found = {e.name: e for e in find_entities(nlp(text)).entities}
    assert found["Opposition parties"].type == "GROUP" and found["Opposition parties"].sector == "OPP"
    assert (
        "The governing parties" not in found and "governing parties" not in found
    )  # "parties" alone is no role


def test_groups_of_different_kinds_stay_apart_and_a_bare_one_takes_up_the_last(nlp: Language) -> None:
    text = (
        "Rights groups condemned the arrests in Dorvan. The opposition groups boycotted the vote. "
        "Railway officials said the line was cut. Security officials said the attackers fled. "
        "The officials gave no number of dead."
    )
    found = {e.name: len(e.mentions) for e in find_entities(nlp(text)).entities if e.type == "GROUP"}
    assert found["Rights groups"] == 1 and found["opposition groups"] == 1
    assert found["Railway officials"] == 1 and found["Security officials"] == 2  # "the officials": the last


def test_a_known_one_word_party_the_tagger_leaves_unnamed_is_an_organisation(nlp: Language) -> None:
    # the shipped organisations list "Fidesz"; spaCy's small model tags it an adjective, no name
    text = "Lena Ruto, a spokeswoman for Fidesz, said the count was fair. The Fidesz campaign rejected the claim."
    entities = find_entities(nlp(text)).entities
    fidesz = by_name(entities, "Fidesz")
    assert (fidesz.type, fidesz.code) == ("ORG", "HUN")


def test_a_known_one_word_name_opening_a_sentence_is_no_organisation(nlp: Language) -> None:
    # "Dawn" is a Pakistani newspaper in the shipped list, and a common word
    text = "Dawn broke over Oskel as the talks began."
    assert all(e.name != "Dawn" for e in find_entities(nlp(text)).entities)


def test_an_opposition_party_named_by_its_role_is_an_actor(nlp: Language) -> None:
    text = "The main opposition party accused the government of hiding the report."
    found = {e.name: e.sector for e in find_entities(nlp(text)).entities if e.type == "GROUP"}
    assert found.get("main opposition party") == "OPP"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rival armed groups clashed near the port on Sunday.", "Rival armed groups"),
        ("Jihadist groups have attacked villages across the north.", "Jihadist groups"),
        ("Rebel factions shelled the airport overnight.", "Rebel factions"),
    ],
)
def test_armed_groups_named_by_their_kind_are_armed_groups(nlp: Language, text: str, name: str) -> None:
    found = {e.name: e.sector for e in find_entities(nlp(text)).entities}
    assert found.get(name) == "REB"


def test_a_clash_between_armed_groups_is_no_protest() -> None:
    assert "ASSAULT" in main_types("Rival armed groups clashed near the port on Sunday.")
    assert "PROTEST" not in main_types("Rival armed groups clashed near the port on Sunday.")
