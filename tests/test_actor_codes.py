"""Actors as a coder counts them: one entity per actor, clean names, codes and sectors from the
article, the shipped knowledge and the country the story is set in. Invented people and stories."""

from __future__ import annotations

from spacy.language import Language

from dateline.extract.actor_codes import country_mentions, home_country, org_sector
from dateline.model import Article, Entity, Place, Record, Span
from dateline.pipeline import process


def record_of(text: str, published: str = "2024-05-14") -> Record:
    return process(Article("t", text, published=published))


def named(record: Record, name: str) -> Entity:
    found = [e for e in record.entities if e.name == name]
    assert len(found) == 1, [(e.name, e.type, e.code, e.sector) for e in record.entities]
    return found[0]


def with_mention(record: Record, text: str) -> list[Entity]:
    return [e for e in record.entities if any(m.text == text for m in e.mentions)]


def test_a_name_is_written_as_in_the_article(nlp: Language) -> None:
    record = record_of(
        "Syrian opposition leader Karim al-Hassoun met aides on Monday. Al-Hassoun said little."
    )
    hassoun = named(record, "Karim al-Hassoun")
    assert hassoun.type == "PERSON" and len(hassoun.mentions) == 2


def test_country_names_are_one_actor_with_its_short_name(nlp: Language) -> None:
    record = record_of(
        "The U.S. imposed new tariffs on Monday. America will not back down, an aide said. "
        "The United States also warned Canada."
    )
    [usa] = [e for e in record.entities if e.code == "USA" and e.type == "GPE"]
    assert usa.name == "United States" and usa.sector == "GOV" and usa.coded_by == "knowledge"
    assert {m.text for m in usa.mentions} >= {"U.S.", "America", "United States"}


def test_a_capital_that_acts_is_its_country_and_one_that_never_acts_a_place(nlp: Language) -> None:
    record = record_of(
        "Moscow warned Warsaw on Tuesday. Talks will be held in Moscow next week, officials said."
    )
    [russia] = [e for e in record.entities if any(m.text == "Moscow" for m in e.mentions)]
    assert (russia.name, russia.type, russia.code) == ("Russia", "GPE", "RUS")
    assert len(russia.mentions) == 2  # acting once, the capital stands for its country in the article
    quiet = record_of("Talks will be held in Moscow next week, officials said.")
    assert [(e.name, e.type) for e in quiet.entities if e.name in {"Moscow", "Russia"}] == [("Moscow", "GPE")]


def test_an_acronym_joins_the_organisation_named_in_full(nlp: Language) -> None:
    record = record_of(
        "The Northern Grain Growers Association said prices fell. On Friday the NGGA asked for help, "
        "and NGGA members marched in the capital."
    )
    [org] = with_mention(record, "Northern Grain Growers Association")
    assert {m.text for m in org.mentions} >= {"NGGA"} and org.name == "Northern Grain Growers Association"


def test_a_person_takes_the_country_and_sector_of_the_organisation_they_work_for(nlp: Language) -> None:
    record = record_of(
        "Fighting resumed near the Kenyan border on Sunday, residents of Mandera said. "
        "Tomas Verloop, a senior fellow at the Halvern Institute in Toronto, said the clashes would spread."
    )
    verloop = named(record, "Tomas Verloop")
    assert (verloop.code, verloop.sector) == ("CAN", "EDU")
    institute = named(record, "Halvern Institute")
    assert (institute.code, institute.sector) == ("CAN", "EDU")


def test_local_actors_get_the_country_the_story_is_set_in(nlp: Language) -> None:
    record = record_of(
        "NAIROBI, Kenya - Floods swept through villages in western Kenya on Monday. "
        "A witness, Amos Kiprono, said the water rose within minutes. Police said 12 people died. "
        "Analysts said the rains would continue."
    )
    kiprono = named(record, "Amos Kiprono")
    assert (kiprono.code, kiprono.sector, kiprono.coded_by) == ("KEN", "CVL", "context")
    [police] = with_mention(record, "Police")
    assert (police.code, police.sector) == ("KEN", "POL")
    [analysts] = with_mention(record, "Analysts")
    assert analysts.code is None and analysts.generic  # experts may be anywhere


def test_generic_groups_are_marked_and_qualified_ones_are_not(nlp: Language) -> None:
    record = record_of("People fled the town. Ugandan officials said women and children were safe.")
    assert all(e.generic for e in with_mention(record, "People"))
    [officials] = with_mention(record, "Ugandan officials")
    assert not officials.generic and officials.code == "UGA" and officials.coded_by == "phrase"


def test_a_title_joins_the_one_person_who_holds_it(nlp: Language) -> None:
    record = record_of(
        "The president said on Monday that the vote would go ahead. President Ada Lumeni spoke in "
        "Lusaka. The deputy president did not attend."
    )
    lumeni = named(record, "Ada Lumeni")
    assert "The president" in {m.text for m in lumeni.mentions}
    assert "The deputy president" not in {m.text for m in lumeni.mentions}


def test_known_people_are_coded_as_of_the_article_date(nlp: Language) -> None:
    text = "Donald Trump spoke to reporters on Friday."
    assert (named(record_of(text, "2018-06-01"), "Donald Trump").sector) == "GOV"
    later = named(record_of(text, "2023-06-01"), "Donald Trump")
    assert later.code == "USA" and later.sector != "GOV"


def test_organisation_sectors_come_from_their_names() -> None:
    assert org_sector("National News Agency") == "MED"
    assert org_sector("University of Lagos") == "EDU"
    assert org_sector("Ministry of Health") == "GOV"
    assert org_sector("Kestrel Holdings") == "BUS"
    assert org_sector("Meridian") is None


def test_the_home_country_is_where_most_places_are() -> None:
    def place(country: str, *starts: int) -> Place:
        return Place("P", country, None, None, None, country, "city", [Span(s, s + 3, "abc") for s in starts])

    assert home_country(country_mentions([place("KEN", 0, 900), place("USA", 1000)]), 2000) == "KEN"
    assert home_country(country_mentions([place("KEN", 1000), place("USA", 1200)]), 2000) is None  # a tie
    assert home_country([], 100) is None


def test_a_person_the_recognizer_took_for_something_else_is_a_person(nlp: Language) -> None:
    record = record_of(
        "Drosnan President Mirko Tessal said in a televised address that the guns were quiet. "
        "Tessal warned that the army would resume operations."
    )
    tessal = named(record, "Mirko Tessal")
    assert tessal.type == "PERSON" and "President" in tessal.titles
    assert {m.text for m in tessal.mentions} >= {"Mirko Tessal", "Tessal"}


def test_a_state_and_its_formal_name_are_one_actor(nlp: Language) -> None:
    record = record_of(
        "The Republic of Drosna signed the accord. Drosna will send observers, officials said."
    )
    [drosna] = [e for e in record.entities if "Drosna" in e.name]
    assert drosna.type == "GPE" and {m.text for m in drosna.mentions} == {"Republic of Drosna", "Drosna"}


def test_unqualified_descriptions_are_generic_and_named_ones_are_not(nlp: Language) -> None:
    record = record_of("The government said Lusara's health ministry had sent doctors to the region.")
    [government] = with_mention(record, "The government")
    assert government.generic
    [ministry] = with_mention(record, "Lusara's health ministry")
    assert not ministry.generic


def test_a_countrys_government_is_the_country(nlp: Language) -> None:
    record = record_of("Kenya's government ordered the camps closed. Kenya said the decision was final.")
    [kenya] = [e for e in record.entities if e.code == "KEN" and e.type == "GPE"]
    assert {m.text for m in kenya.mentions} >= {"Kenya's government", "Kenya"}


def test_a_misspelt_surname_and_a_country_office_join_their_actor(nlp: Language) -> None:
    record = record_of(
        "Luis Eguiluz led the mission for two years. Equiluz says the army is stretched. "
        "UNHCR Kenya said UNHCR would keep helping."
    )
    eguiluz = named(record, "Luis Eguiluz")
    assert "Equiluz" in {m.text for m in eguiluz.mentions}
    unhcr = [e for e in record.entities if any(m.text == "UNHCR Kenya" for m in e.mentions)]
    assert [(e.code, e.sector) for e in unhcr] == [("IGO", "IGO")]


def test_fighters_and_armed_forces_join_the_one_group_the_article_names(nlp: Language) -> None:
    record = record_of(
        "Boko Haram attacked a village near Maiduguri. The Islamist insurgents burned homes. "
        "The Nigerian military said the army had sent reinforcements."
    )
    boko = named(record, "Boko Haram")
    assert "The Islamist insurgents" in {m.text for m in boko.mentions}
    [military] = with_mention(record, "The Nigerian military")
    assert "the army" in {m.text for m in military.mentions}


def test_one_name_read_as_a_person_and_as_an_organisation_is_the_organisation(nlp: Language) -> None:
    record = record_of(
        "Geza was expelled from the Vantra Union on Friday. Vantra Union officials said he broke rules."
    )
    assert len([e for e in record.entities if e.name == "Vantra Union"]) == 1


def test_a_gendered_description_takes_up_the_person_just_named(nlp: Language) -> None:
    record = record_of(
        "Amina Lowo was walking to the well when gunmen opened fire. The mother of three crawled "
        "behind a wall. She says she waited there for an hour."
    )
    lowo = named(record, "Amina Lowo")
    assert {"The mother", "She"} <= {m.text for m in lowo.mentions}


def test_a_name_after_a_kind_of_place_is_a_place(nlp: Language) -> None:
    record = record_of(
        "The history of the kingdom of Vessaru was passed on by singers. Elders said it was true."
    )
    assert all(e.type != "PERSON" for e in record.entities if e.name == "Vessaru")


def test_a_name_with_a_nationality_word_of_its_own_is_one_country(nlp: Language) -> None:
    record = record_of(
        "Karesh denied it was preparing an offensive. Kareshi soldiers stayed on Kareshi soil, "
        "and Karesh said it wanted talks."
    )
    [karesh] = [e for e in record.entities if e.name == "Karesh"]
    assert karesh.type == "GPE" and "Kareshi" in {m.text for m in karesh.mentions}
    assert not [e for e in record.entities if e.name == "Kareshi"]


def test_short_forms_of_an_organisation_join_it(nlp: Language) -> None:
    record = record_of(
        "The Halvern Morning Journal said on Monday that prices would rise. The Journal added that "
        "the Halvern Monetary Fund agreed. The Fund did not comment."
    )
    [journal] = with_mention(record, "Halvern Morning Journal")
    assert "Journal" in {m.text for m in journal.mentions}


def test_a_loosely_named_office_joins_its_one_holder(nlp: Language) -> None:
    record = record_of(
        "Israeli Prime Minister Oren Castell rejected the plan on Monday. The Israeli leader said talks were over."
    )
    castell = named(record, "Oren Castell")
    assert "The Israeli leader" in {m.text for m in castell.mentions}


def test_unqualified_police_are_the_police_force_the_article_names(nlp: Language) -> None:
    record = record_of(
        "The Haitian National Police said gangs attacked a station. Police said two officers were hurt."
    )
    [force] = with_mention(record, "Haitian National Police")
    assert "Police" in {m.text for m in force.mentions}


def test_a_shorter_form_of_an_organisations_name_and_a_named_government_join(nlp: Language) -> None:
    record = record_of(
        "The U.S. Central Command said the strike killed a commander. Central Command added that no "
        "civilians were hurt. The Iraqi Government welcomed the strike, and Iraq said it had helped."
    )
    [command] = with_mention(record, "U.S. Central Command")
    assert "Central Command" in {m.text for m in command.mentions}
    [iraq] = [e for e in record.entities if e.code == "IRQ" and e.type == "GPE"]
    assert "Iraqi Government" in {m.text for m in iraq.mentions}


def test_a_source_of_an_armed_group_is_no_fighter_and_a_capital_as_a_place_stays_one(nlp: Language) -> None:
    record = record_of(
        "Israel rejected the proposal. Talks were held in Jerusalem on Wednesday. Hamas fighters "
        "fired rockets, and a Hamas source told AFP the group had agreed to more talks."
    )
    [source] = with_mention(record, "a Hamas source")
    assert source.name == "Hamas source" and source.type == "PERSON"
    [jerusalem] = with_mention(record, "Jerusalem")
    assert jerusalem.name == "Jerusalem"


def test_an_organisation_with_one_word_more_or_less_is_the_same_organisation(nlp: Language) -> None:
    record = record_of(
        "The Civic Renewal Party said the vote was rigged. Members of the Civic Renewal marched on Sunday, "
        "and NATO said the NATO alliance was watching."
    )
    [party] = with_mention(record, "Civic Renewal Party")
    assert "Civic Renewal" in {m.text for m in party.mentions}


def test_fighters_named_for_another_group_do_not_join_the_articles_armed_group(nlp: Language) -> None:
    record = record_of(
        "Erdogan said the YPG were terrorists. Islamic State militants attacked a village near Raqqa, "
        "and Kurdish fighters pushed them back."
    )
    ypg = named(record, "YPG")
    assert "Islamic State militants" not in {m.text for m in ypg.mentions}
    assert "Islamic State militants" in {m.text for m in named(record, "Islamic State").mentions}


def test_a_known_organisation_the_recognizer_split_is_one_name(nlp: Language) -> None:
    record = record_of(
        "The charity Doctors Without Borders warns that fighting has stranded thousands of families. "
        "The relief group, known by its French initials MSF, says its clinics are overwhelmed."
    )
    [msf] = [e for e in record.entities if any(m.text == "MSF" for m in e.mentions)]
    assert (msf.code, msf.sector) == ("NGO", "NGO")
    assert {"Doctors Without Borders", "The relief group"} <= {m.text for m in msf.mentions}


def test_the_sector_table_header_is_no_word() -> None:
    assert org_sector("Living Word") is None  # the header line 'word<TAB>sector' names no sector
