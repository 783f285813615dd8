"""Event coding on invented sentences: types, arguments, modality, place, date, quotes."""

from __future__ import annotations

import pytest

from dateline.extract.events import triggers
from dateline.model import Article, Event, Record
from dateline.pipeline import records

PUBLISHED = "2025-03-12"  # a Wednesday


def record_of(text: str) -> Record:
    return next(records([Article(id="t", text=text, published=PUBLISHED)]))


def events_of(text: str) -> list[tuple[Event, Record]]:
    record = record_of(text)
    return [(event, record) for event in record.events]


def only(text: str, event_type: str) -> tuple[Event, Record]:
    found = [(e, r) for e, r in events_of(text) if e.type == event_type]
    assert len(found) == 1, [(e.type, e.trigger.text) for e, _ in events_of(text)]
    return found[0]


def names(record: Record, entity_ids: list[str]) -> list[str]:
    by_id = {e.id: e for e in record.entities}
    return [by_id[i].name for i in entity_ids]


def codes(record: Record, entity_ids: list[str]) -> set[str | None]:
    by_id = {e.id: e for e in record.entities}
    return {by_id[i].code for i in entity_ids}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Norway accused Sweden of spying on its diplomats.", "ACCUSE"),
        ("Serbia called off the talks with Kosovo.", "SANCTION"),
        ("The rebels set free twelve hostages.", "RETREAT"),
        ("Egypt turned away the aid convoy at the border.", "REJECT"),
        ("Japan spoke out against the missile test.", "ACCUSE"),
        ("Canada resettled 25,000 Syrian refugees.", "AID"),
        ("Jordan hosts 600,000 Syrian refugees.", "AID"),
        ("Germany trained Ukrainian soldiers.", "COOPERATE"),
        ("Jordan provided intelligence to the coalition about the cell.", "COOPERATE"),
        ("Turkey handed over the suspect to German police.", "COOPERATE"),
        ("The government imposed restrictions on foreign media.", "COERCE"),
        ("Syrian forces used chemical weapons against civilians.", "ASSAULT"),
        ("North Korea paraded its new missiles through Pyongyang.", "MOBILIZE"),
        ("Sweden granted recognition to Palestine.", "SUPPORT"),
        ("The prime minister rallied support for the bill.", "SUPPORT"),
        ("The rebels laid down their arms.", "RETREAT"),
        ("Chile rejected the proposal from Peru.", "REJECT"),
        ("Kenya urged Uganda to reopen the border.", "REQUEST"),
        ("Greece threatened Turkey with sanctions.", "THREATEN"),
        ("Thousands of students protested against the government of Serbia.", "PROTEST"),
        ("The foreign ministers of Peru and Chile met in Lima on Monday.", "CONSULT"),
        ("Canada praised Mexico for its handling of the crisis.", "SUPPORT"),
        ("Japan apologized to South Korea.", "SUPPORT"),
        ("Ghana donated medicine to Togo.", "AID"),
        ("Vietnamese police arrested six activists in Hanoi.", "COERCE"),
        ("Indian troops attacked Pakistani positions in Kashmir.", "ASSAULT"),
        ("Russia deployed troops along the border with Ukraine.", "MOBILIZE"),
        ("Nigerian doctors went on strike over unpaid salaries.", "PROTEST"),
        ("Armenia placed its forces on combat alert.", "MOBILIZE"),
        ("Armenia withdrew its forces from the disputed villages.", "RETREAT"),
        ("The junta released twelve political prisoners.", "RETREAT"),
        ("Poland expelled two Belarusian diplomats.", "SANCTION"),
        ("Finland and Estonia agreed to share radar data.", "AGREE"),
        ("Brazil and Argentina will cooperate on border security.", "AGREE"),
        ("The president of Gabon pardoned nine jailed journalists.", "CONCEDE"),
        ("Iceland returned the seized vessel to Norway.", "RETREAT"),
        ("The army declared a state of emergency in the north.", "COERCE"),
        ("Iran test-fired a new cruise missile on Sunday.", "MOBILIZE"),
    ],
)
def test_trigger_types(text: str, event_type: str) -> None:
    assert event_type in {e.type for e, _ in events_of(text)}


def test_actor_and_recipient_are_entities_with_codes() -> None:
    event, record = only("Norway accused Sweden of spying on its diplomats.", "ACCUSE")
    assert names(record, event.actors) == ["Norway"]
    assert names(record, event.recipients) == ["Sweden"]
    assert codes(record, event.actors) == {"NOR"} and codes(record, event.recipients) == {"SWE"}
    assert event.trigger.text == "accused"
    assert record.text[event.trigger.start : event.trigger.end] == "accused"


def test_compound_actor() -> None:
    event, record = only("Jordan and Britain agreed on a plan for the refugees.", "AGREE")
    assert codes(record, event.actors) == {"JOR", "GBR"}


def test_passive_agent_is_the_actor() -> None:
    event, record = only("The convoy was attacked by Sudanese militias near the border.", "ASSAULT")
    assert codes(record, event.actors) == {"SDN"}


def test_recipient_through_a_preposition_on_the_object() -> None:
    event, record = only("The European Union imposed sanctions on Syria.", "SANCTION")
    assert event.mode == "economic"
    assert codes(record, event.recipients) == {"SYR"}


def test_object_control_gives_the_complement_its_actor() -> None:
    found = events_of("Kenya urged Uganda to reopen the border and release the traders.")
    request = next(e for e, _ in found if e.type == "REQUEST")
    release = next(e for e, _ in found if e.type == "RETREAT")
    record = found[0][1]
    assert codes(record, request.recipients) == {"UGA"}
    assert codes(record, release.actors) == {"UGA"}
    assert release.modality == "hypothetical"  # asked for, not done


def test_a_qualifying_nationality_becomes_an_argument_entity() -> None:
    event, record = only("Indian troops attacked Pakistani positions in Kashmir.", "ASSAULT")
    assert codes(record, event.recipients) == {"PAK"}
    entity = next(e for e in record.entities if e.id == event.recipients[0])
    assert entity.type == "GROUP" and [m.text for m in entity.mentions] == ["Pakistani"]


def test_mobilized_troops_are_not_the_recipient() -> None:
    event, record = only("Russia deployed troops along the border with Ukraine.", "MOBILIZE")
    assert event.mode == "troops"
    assert codes(record, event.actors) == {"RUS"}
    assert "troops" not in names(record, event.recipients)


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("Talks between Peru and Chile will start next week.", "CONSULT", "future"),
        ("Peru will meet Chile next week.", "AGREE", "future"),  # a stated intention to meet
        ("Peru might attack Chile.", "ASSAULT", "hypothetical"),
        ("If Peru attacks Chile, the region will suffer.", "ASSAULT", "hypothetical"),
        ("Peru did not attack Chile.", "ASSAULT", "negated"),
        ("Peru refused to release the fishermen.", "RETREAT", "negated"),
        ("Peru attacked Chile.", "ASSAULT", "asserted"),
    ],
)
def test_modality(text: str, event_type: str, modality: str) -> None:
    event, _ = only(text, event_type)
    assert event.modality == modality


def test_refusing_to_agree_is_a_rejection() -> None:
    event, record = only("Jordan did not agree to the plan.", "REJECT")
    assert event.mode == "agree" and event.modality == "asserted"
    assert codes(record, event.actors) == {"JOR"}


def test_an_announced_intention_to_cooperate_is_agree() -> None:
    event, _ = only("The United Nations will provide food aid to the refugees.", "AGREE")
    assert event.mode == "aid" and event.modality == "future"


def test_a_vow_of_violence_is_a_threat_against_the_target() -> None:
    event, record = only("The militia vowed to retaliate against Ethiopia.", "THREATEN")
    assert codes(record, event.recipients) == {"ETH"}


def test_event_inside_an_attribution_is_reported_and_linked() -> None:
    record = record_of("A Kenyan official said the rebels had agreed to the talks.")
    event = next(e for e in record.events if e.type == "AGREE")
    assert event.modality == "reported"
    quote = next(q for q in record.quotes if q.id == event.quote)
    assert any(c.start <= event.trigger.start < c.end for c in quote.content)


def test_scheduled_talks_are_future_with_their_own_place_and_date() -> None:
    text = "A diplomat told reporters that fresh negotiations would begin on Thursday in Nairobi."
    event, record = only(text, "CONSULT")
    assert event.modality == "future"
    assert event.date is not None and event.date.value == "2025-03-13"
    place = next(p for p in record.places if p.id == event.place)
    assert place.name.startswith("Nairobi")
    assert event.quote is not None


def test_a_place_after_coordinated_parties_is_still_the_clause_s_place() -> None:
    text = "Ruto spoke after talks with Museveni and other members of his cabinet in Kampala."
    event, record = only(text, "CONSULT")
    place = next(p for p in record.places if p.id == event.place)
    assert place.name.startswith("Kampala")


def test_a_date_inside_an_argument_is_not_the_event_date() -> None:
    text = "Blinken, on his tour since the Oct. 7 attack, met Abbas in Ramallah on Friday."
    event, _ = only(text, "CONSULT")
    assert event.date is not None and event.date.value == "2025-03-07"


def test_noun_triggers_need_an_actor_a_light_verb_or_an_aspectual_verb() -> None:
    assert "CONSULT" in {e.type for e, _ in events_of("Peru and Chile held talks in Lima.")}
    assert "REQUEST" in {e.type for e, _ in events_of("Blinken made a plea for more aid.")}
    assert "REQUEST" in {e.type for e, _ in events_of("Blinken's plea for aid went unanswered.")}
    # A bare mention of an attack is background, not an event of this sentence.
    assert not events_of("The town never recovered from the attack.")


def test_modifier_participles_are_not_events() -> None:
    assert not [
        e for e, _ in events_of("The disputed islands lie north of the strait.") if e.type == "ACCUSE"
    ]


def test_trigger_table_rows_are_well_formed() -> None:
    plover = {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
        "NONE",  # a row that says a word with that dependent is no event
    }  # fmt: skip
    table = triggers()
    assert {e.type for entries in table.values() for e in entries} == plover
    assert all(pos in {"VERB", "NOUN"} for _, pos in table)
    for entries in table.values():  # entries asking for a word come before the bare one
        asks = [e.with_ is not None for e in entries]
        assert asks == sorted(asks, reverse=True)


def test_events_never_break_a_record() -> None:
    record = record_of("Attack! Attack attack, talks; the the the. Agreed?")
    assert not [e for e in record.errors if e.stage == "events"]


def test_blame_spoken_about_an_actor_is_the_speakers_accusation() -> None:
    text = (
        '"Brenner\'s plan is reckless propaganda," Ola Sande, the Norwegian foreign minister, told reporters.'
    )
    record = record_of(text)
    accusations = [e for e in record.events if e.type == "ACCUSE"]
    assert len(accusations) == 1
    event = accusations[0]
    assert event.mode == "disapprove" and event.modality == "asserted"
    assert names(record, event.actors) == ["Ola Sande"] and names(record, event.recipients) == ["Brenner"]
    assert event.trigger.text == "reckless" and event.quote is not None


def test_negated_blame_is_no_accusation() -> None:
    record = record_of('"Brenner\'s plan is not illegal," Ola Sande told reporters.')
    assert not [e for e in record.events if e.type == "ACCUSE"]


def by_type(record: Record) -> dict[str, Event]:
    return {e.type: e for e in record.events}


def test_an_act_inside_another_event_is_governed_by_it() -> None:
    record = record_of("Norway accused Sweden of bombing a fishing village.")
    events = by_type(record)
    assert events["ACCUSE"].governed_by is None  # the sentence's main event
    assert events["ASSAULT"].governed_by == events["ACCUSE"].id
    record = record_of("Chile's foreign minister met his Peruvian counterpart and signed a fisheries accord.")
    events = by_type(record)
    assert events["CONSULT"].governed_by is None and events["SUPPORT"].governed_by == events["CONSULT"].id


def test_events_of_separate_sentences_govern_nothing_across_them() -> None:
    record = record_of("Norway accused Sweden of spying. Sweden denied it. Both later met in Oslo.")
    assert [e.governed_by for e in record.events] == [None, None, None]


@pytest.mark.parametrize(
    ("text", "mode", "modality"),
    [
        # its own side announces it, in a quote
        ("Morocco said it would expel the Algerian ambassador.", "sanction", "reported"),
        # on a condition
        ("Moscow would expel Moldovan diplomats if Chisinau joined the pact.", "sanction", "asserted"),
        ("The European Union is ready to impose new sanctions on Belarus.", "sanction", "asserted"),
    ],
)
def test_a_hostile_act_announced_by_its_own_side_is_a_threat(text: str, mode: str, modality: str) -> None:
    event, _ = only(text, "THREATEN")
    assert event.mode == mode and event.modality == modality


@pytest.mark.parametrize(
    ("text", "event_type", "modality"),
    [
        ("Analysts said Israel would attack Rafah.", "ASSAULT", "future"),  # an outsider's forecast
        ("Serbian police will arrest anyone who blocks the bridge.", "COERCE", "future"),  # nobody's word
    ],
)
def test_a_forecast_hostile_act_is_no_threat(text: str, event_type: str, modality: str) -> None:
    event, _ = only(text, event_type)
    assert event.modality == modality
    assert "THREATEN" not in {e.type for e, _ in events_of(text)}


def test_a_request_after_a_question_is_still_a_request() -> None:
    assert only("Why wait? The minister asked the UN to send observers.", "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "The opposition insisted that the interior minister resign over the shooting.",  # mandative
        "The court ordered that the detained journalists be freed.",
        "The bishops recommended that the government pardon the jailed activists.",
        "Kenya wants Somalia to withdraw its troops from the border.",  # wanting another's act
    ],
)
def test_a_demand_whatever_its_verb(text: str) -> None:
    event, _ = only(text, "REQUEST")
    assert event.governed_by is None and event.modality == "asserted"


@pytest.mark.parametrize(
    "text",
    [
        "Peru insisted that its troops had never crossed the border.",  # a claim, not a demand
        "Kenya wants to buy more wheat from Ukraine.",  # its own wish
        "Officials said that the rebels withdraw every winter.",  # a plain present after 'said'
        "I want you to know the truth about the vote.",  # the wanted act is no event
        "The anchor asked Rubio which states he could win.",  # a question
        "Governor Vale said yes when asked whether she would impose a curfew.",
        '"Why do you still back the plan?" Vale asked the ruling-party senators.',
    ],
)
def test_no_demand_without_a_demanded_act(text: str) -> None:
    assert "REQUEST" not in {e.type for e, _ in events_of(text)}


def test_leaving_talks_treaties_or_recalling_envoys_is_a_sanction_and_leaving_ground_a_retreat() -> None:
    assert only("Colombia's rebels withdrew from the peace talks.", "SANCTION")[0].mode == "withdraw"
    assert only("Chad withdrew its ambassador from Khartoum.", "SANCTION")[0].mode == "withdraw"
    assert only("Thailand withdrew its troops from the temple area.", "RETREAT")[0].mode == "withdraw"
    assert only("The United States withdrew from the Paris climate accord.", "SANCTION")[0].mode == "withdraw"
    assert only("Moscow said it would withdraw from the arms treaty.", "THREATEN")[0].mode == "sanction"


def test_a_blockade_by_civilians_is_an_obstruction_protest_and_by_a_state_a_restriction() -> None:
    assert only("Protesters closed the border crossing with Poland.", "PROTEST")[0].mode == "obstruct"
    assert only("Hungary closed its border with Serbia.", "COERCE")[0].mode == "restrict"


def test_seeking_to_act_is_an_aim_not_a_request_nor_a_threat() -> None:
    found = {
        (e.type, e.modality) for e, _ in events_of("Israel sought to destroy the tunnels under the border.")
    }
    assert found == {("ASSAULT", "hypothetical")}
    assert only("Pakistan sought India's help in finding the fishermen.", "REQUEST")[0].modality == "asserted"


def test_an_actor_this_stage_adds_can_be_looked_up() -> None:
    # "coast guard vessels" is a GROUP the event stage adds; checking its sector must not fail.
    record = record_of("Chinese coast guard vessels blocked a Philippine resupply mission.")
    assert not record.errors
    assert only("Chinese coast guard vessels blocked a Philippine resupply mission.", "COERCE")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Kenyan protesters stormed the parliament building in Nairobi.", "riot"),
        ("Protesters clashed with police outside the parliament.", "riot"),
        ("Students occupied the main university building in Belgrade.", "obstruct"),
    ],
)
def test_civilians_street_violence_and_occupations_are_protests(text: str, mode: str) -> None:
    assert only(text, "PROTEST")[0].mode == mode


def test_an_amount_in_aid_names_what_is_given() -> None:
    assert only("Japan gave Sri Lanka $50 million in emergency loans.", "AID")[0].mode == "economic"


def test_a_none_row_says_a_word_with_that_dependent_is_no_event() -> None:
    assert not events_of("Chile offered condolences to Peru after the earthquake.")
    assert only("Chile offered Peru two rescue teams after the earthquake.", "AGREE")


def test_military_exercises_are_a_show_of_force_and_joint_ones_cooperation() -> None:
    assert only("The Chinese navy held exercises near the strait.", "MOBILIZE")
    assert only("India and France held joint exercises in the Arabian Sea.", "COOPERATE")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("There were clashes between Armenian and Azerbaijani troops on the border.", "ASSAULT"),
        ("Israel was in talks with Egypt about the crossing.", "CONSULT"),
        ("The arrest of the mayor sparked protests in Istanbul.", "PROTEST"),
        ("Fighting broke out between rival militias in Tripoli.", "ASSAULT"),
        ("Violence erupted in the capital after the vote.", "ASSAULT"),
    ],
)
def test_an_act_named_by_a_noun_that_happened(text: str, event_type: str) -> None:
    assert only(text, event_type)[0].modality == "asserted"


@pytest.mark.parametrize(
    "text",
    ["There is no evidence of an attack.", "She has been fighting for working families all her life."],
)
def test_no_act_where_the_noun_did_not_happen_or_the_fight_is_a_campaign(text: str) -> None:
    assert not events_of(text)


def test_a_received_act_has_the_subject_as_recipient_and_the_giver_as_actor() -> None:
    event, record = only("Zambia received food aid from the World Food Programme.", "AID")
    assert names(record, event.actors) == ["World Food Programme"] and names(record, event.recipients) == [
        "Zambia"
    ]
    event, record = only("Cuba faces new sanctions.", "SANCTION")
    assert names(record, event.recipients) == ["Cuba"] and not event.actors
    event, record = only("Cuba faces new American sanctions.", "SANCTION")  # the nation that imposes
    assert codes(record, event.actors) == {"USA"} and names(record, event.recipients) == ["Cuba"]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli soldiers demolished the homes of two Palestinian families in Hebron.",
        "Army bulldozers razed olive groves near the village.",
        "Militiamen burned homes and crops in three villages.",
        "Several houses were torched by soldiers overnight.",
    ],
)
def test_destroying_property_is_coercion(text: str) -> None:
    assert only(text, "COERCE")[0].mode == "destroy"


@pytest.mark.parametrize(
    "text",
    [
        "Israeli jets destroyed a house in Rafah.",  # a weapon named: an attack
        "The army destroyed three rebel tanks.",  # not people's property
        "Sudanese paramilitaries torched villages in Darfur.",  # a village is people, not property
    ],
)
def test_destruction_by_weapons_or_of_non_property_stays_an_assault(text: str) -> None:
    assert only(text, "ASSAULT")


def test_rioters_burning_shops_protest() -> None:
    assert only("Rioters torched shops in the town centre.", "PROTEST")[0].mode == "riot"


def test_an_attempted_assassination_is_an_assault() -> None:
    assert only("Gunmen tried to assassinate the governor of Kandahar on Monday.", "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Egypt said Israel must withdraw its troops from the border.",
        '"The hostages must be released immediately," Macron said.',
        "Turkey said Sweden has to extradite the suspects.",
        "The minister said the army should not attack civilians.",
        '"You need to release the prisoners," the envoy told the general.',
    ],
)
def test_what_a_speaker_says_another_party_must_do_is_a_demand(text: str) -> None:
    event, _ = only(text, "REQUEST")
    assert event.governed_by is None
    assert [e.governed_by for e, _ in events_of(text) if e.type != "REQUEST"] == [event.id]


@pytest.mark.parametrize(
    "text",
    [
        "Abbas said he must resign.",  # the speaker's own duty
        "Analysts said the economy should grow next year.",  # growing is no event
        '"Those clubs should have closed," Hedge said.',  # a judgement of the past
        '"You will have to release them," the spokesman said.',  # anyone, no addressee
        "Egypt said Israel could withdraw its troops from the border.",  # a possibility
    ],
)
def test_no_demand_in_the_speakers_own_duty_a_judgement_or_a_possibility(text: str) -> None:
    assert "REQUEST" not in {e.type for e, _ in events_of(text)}


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("The union called off the strike.", "CONCEDE", None),  # easing one's own dissent
        ("The opposition suspended its protests.", "CONCEDE", None),
        ("Doctors ended their strike on Monday.", "CONCEDE", None),
        ("Russia called off the summit.", "SANCTION", "withdraw"),  # cancelling a meeting
        ("Kenya sent peacekeepers to Somalia.", "AID", "peacekeeping"),
        ("The World Bank released funds for the reconstruction of Gaza.", "AID", "economic"),
        ("China forgave Zambia's debt.", "AID", "economic"),
        ("The rebels handed over 20 hostages to the Red Cross.", "RETREAT", "release"),
        ("The army lifted the siege of the city.", "RETREAT", "withdraw"),
        ("The army stopped its offensive.", "RETREAT", "ceasefire"),
        ("Uganda granted the ICRC access to detainees.", "RETREAT", "access"),
        ("The militia surrendered to government forces.", "RETREAT", "disarm"),
        ("Armenia ceded three villages to Azerbaijan.", "RETREAT", "withdraw"),
        ("The ruling party conceded defeat in the election.", "CONCEDE", None),
        ("The government legalized the opposition party.", "CONCEDE", None),
        ("China moved warships into the disputed waters.", "MOBILIZE", "weapons"),
        ("Pakistan heightened security along the border.", "MOBILIZE", "police"),
        ("Turkey dispatched reinforcements to Idlib.", "MOBILIZE", "troops"),
    ],
)
def test_cameo_categories_behind_the_types(text: str, event_type: str, mode: str | None) -> None:
    event, _ = only(text, event_type)
    assert event.mode == mode


def test_coordinated_nationalities_are_two_actors() -> None:
    event, record = only(
        "Turkish and Russian troops conducted a joint patrol in northern Syria.", "COOPERATE"
    )
    assert codes(record, event.actors) == {"TUR", "RUS"}
    assert {e.sector for e in record.entities if e.id in event.actors} == {"MIL"}


def test_the_actors_own_envoy_is_no_recipient_and_aid_goes_to_the_to_phrase() -> None:
    event, record = only("Algeria recalled its ambassador to Spain over the new policy.", "SANCTION")
    assert codes(record, event.recipients) == {"ESP"}
    event, record = only("Germany delivered a second air defence system to Ukraine.", "AID")
    assert codes(record, event.recipients) == {"UKR"}


def test_the_owner_of_an_object_is_the_recipient() -> None:
    event, record = only("Brazil's president hailed Colombia's peace accord with the rebels.", "SUPPORT")
    assert codes(record, event.recipients) == {"COL"}


def test_a_place_after_at_is_where_not_whom() -> None:
    event, record = only(
        "Kenyan and Ugandan officials began operating a joint border post at Busia.", "COOPERATE"
    )
    assert not event.recipients and codes(record, event.actors) == {"KEN", "UGA"}


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Ukraine has filed a case against Russia at the International Court of Justice.", "ACCUSE", "legal"),
        ("A court in Tehran found a British aid worker guilty of spying.", "ACCUSE", "legal"),
        ("Pakistan's prime minister ruled out negotiations with the Pakistani Taliban.", "REJECT", None),
        ("North Korea vowed a merciless military response to the drills.", "THREATEN", "assault"),
        (
            "The rebels gave the government 48 hours to open talks or face an assault.",
            "THREATEN",
            "ultimatum",
        ),
        ("Doctors in Kenya have been on strike for three weeks.", "PROTEST", "strike"),
        ("Indian troops fired mortar rounds across the Line of Control.", "ASSAULT", "artillery"),
        ("Erdogan spoke by phone with Putin on Thursday.", "CONSULT", "phone"),
        ("Wang Yi arrived in Islamabad on Saturday for a two-day visit.", "CONSULT", "visit"),
        ("Ethiopia walked out of the talks with Egypt and Sudan.", "SANCTION", "withdraw"),
        ("The Taliban expelled two international aid agencies.", "SANCTION", "expel"),
    ],
)
def test_more_cameo_categories(text: str, event_type: str, mode: str | None) -> None:
    event, _ = only(text, event_type)
    assert event.mode == mode and event.governed_by is None


def test_readiness_to_cooperate_is_an_offer_and_to_attack_a_threat() -> None:
    text = "Venezuela said it was ready to resume negotiations with the opposition."
    assert only(text, "AGREE")[0].governed_by is None
    assert not events_of("The movement is prepared to deal with all options.")  # no act offered
    assert only("The EU is ready to impose new sanctions on Belarus.", "THREATEN")[0].mode == "sanction"


def test_an_offensive_announced_for_the_speakers_own_army_is_a_threat() -> None:
    text = "Turkey's president said his army would launch a new ground offensive in Syria."
    assert only(text, "THREATEN")[0].mode == "assault"
    assert only("Analysts said the army would launch a new offensive.", "ASSAULT")[0].modality == "future"


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Troops fired warning shots at the fishing boat.", "THREATEN", "assault"),  # force held over them
        ("North Korea fired two ballistic missiles into the sea.", "MOBILIZE", "weapons"),
        ("Iran conducted a nuclear test.", "MOBILIZE", "weapons"),
        ("Hamas fired rockets at Israeli towns.", "ASSAULT", "aerial"),  # what is fired names the mode
        ("Troops fired at protesters.", "ASSAULT", "firearms"),
    ],
)
def test_firing_at_nobody_is_a_show_of_force(text: str, event_type: str, mode: str) -> None:
    assert only(text, event_type)[0].mode == mode


def test_hoping_another_party_acts_is_an_appeal() -> None:
    event, _ = only("Japan hopes China will release the detained businessmen.", "REQUEST")
    released = [
        e
        for e, _ in events_of("Japan hopes China will release the detained businessmen.")
        if e.type == "RETREAT"
    ]
    assert [e.governed_by for e in released] == [event.id]  # a release asked for, not promised
    assert "REQUEST" not in {e.type for e, _ in events_of("We hope we can reach a deal with Iran.")}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Nigeria sent 1,500 soldiers to reinforce the West African peacekeeping force.", "AID"),
        ("Ankara granted its Kurdish minority the right to broadcast in Kurdish.", "CONCEDE"),
        ("Bangladesh's opposition called off a nationwide general strike on Thursday.", "CONCEDE"),
        ("An air and arms embargo was imposed on Libya by the UN Security Council.", "SANCTION"),
        ("Indian troops exchanged artillery fire with Pakistani forces in Kashmir.", "ASSAULT"),
        ("Zagreb transferred a Bosnian Croat general to the war crimes tribunal.", "COOPERATE"),
    ],
)
def test_older_wire_phrasings(text: str, event_type: str) -> None:
    assert {e.type for e, _ in events_of(text) if e.governed_by is None} == {event_type}


@pytest.mark.parametrize(
    "text",
    [
        "Gowdy released a statement on the report.",  # a statement is no captive
        "Cheap shale gas also helped.",
        "The polls have provided little clarity.",
        "Clinton delivered her acceptance speech in Philadelphia.",
        "The senator delivered on taxes.",
        "Carson admitted that the course name was inaccurate.",  # admitting a fact
        "Open primaries allow independents to vote.",  # no political actor allows
        "Dawson triumphantly lifted a sign.",
        "Trump captured his party's nomination.",
        "McCain was crushed by Obama in the election.",
        "Rubio suspended his campaign on Tuesday.",
        "New technology threatens to change the industry.",
        "Officials warned that the money would not reach the states before September.",
        "The terrorist threat to Europe is growing.",  # a danger, not a threat made
        "The senator seized on the remark.",
        "She gave a defiant speech in Oskel on Friday.",
        "Candidates scrambled to address the concerns of voters.",
    ],
)
def test_broad_verbs_in_their_everyday_sense_are_no_events(text: str) -> None:
    assert not [(e.type, e.trigger.text) for e, _ in events_of(text) if e.governed_by is None]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The Taliban released the kidnapped aid worker.", "RETREAT"),
        ("The Red Cross delivered medicine to the besieged town.", "AID"),
        ("The World Food Programme delivered 2,000 tonnes of wheat to southern Sudan.", "AID"),
        ("The ruling party admitted defeat.", "CONCEDE"),
        ("The junta allowed the opposition to hold a rally.", "CONCEDE"),
        ("The junta lifted the ban on rallies.", "CONCEDE"),
        ("Rebels captured the town of Kidal.", "COERCE"),
        ("The army crushed the uprising.", "COERCE"),
        ("The African Union suspended Gabon after the coup.", "SANCTION"),
        ("Iran warned that it would close the Strait of Hormuz.", "THREATEN"),
        ("Erdogan warned Sweden that its bid would fail.", "THREATEN"),
        ("Iran made threats against Israel.", "THREATEN"),
        ("Israel seized the tax revenues of the Palestinian Authority.", "COERCE"),
        ("Taiwan scrambled fighter jets as Chinese aircraft approached.", "MOBILIZE"),
    ],
)
def test_broad_verbs_in_their_political_sense_are_events(text: str, event_type: str) -> None:
    assert event_type in {e.type for e, _ in events_of(text) if e.governed_by is None}


def test_a_participle_shares_the_subject_and_a_participle_names_what_it_describes() -> None:
    found = events_of("Kenyan troops opened fire on the demonstrators, killing three.")
    assert [e.trigger.text for e, _ in found] == ["opened fire", "killing"]
    assert all(codes(record, e.actors) == {"KEN"} for e, record in found)
    assert only("Kessarians want North Varo, captured by Dorvan in the 1974 war.", "COERCE")


@pytest.mark.parametrize(
    "text",
    [
        "The talks failed to reach an agreement.",
        "The two sides reached no agreement.",
        "Israel did not agree to the proposal.",
    ],
)
def test_an_agreement_that_did_not_happen_is_a_rejection(text: str) -> None:
    event, _ = only(text, "REJECT")
    assert event.mode == "agree" and "AGREE" not in {e.type for e, _ in events_of(text)}


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Turkey opened its border to Syrian refugees.", "AID", "asylum"),  # shelter (075), not access
        ("Kenya allowed the refugees to enter its territory.", "AID", "asylum"),
        ("Pakistan reopened the border crossing with Afghanistan.", "RETREAT", "access"),
        ("Egypt evacuated wounded Palestinians to hospitals in Cairo.", "AID", "humanitarian"),
        ("The US evacuated its embassy staff from Kabul.", "RETREAT", "withdraw"),
        ("Jordan gave shelter to thousands of Iraqis.", "AID", "asylum"),
        ("The junta relaxed the curfew in the capital.", "RETREAT", "ease"),
        ("The president lifted the state of emergency.", "RETREAT", "ease"),
        ("Japan expressed regret for the sinking of the trawler.", "CONCEDE", None),
        ("Opposition supporters seized the state television building.", "PROTEST", "obstruct"),
        ("Angry residents closed the road to the mine.", "PROTEST", "obstruct"),
        ("Israel closed the road to Jericho.", "COERCE", "restrict"),
    ],
)
def test_who_is_let_in_evacuated_or_shut_out(text: str, event_type: str, mode: str | None) -> None:
    assert only(text, event_type)[0].mode == mode


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Germany stopped sending weapons to Saudi Arabia.", "SANCTION", "discontinue"),
        ("The US halted providing military aid to Egypt.", "SANCTION", "discontinue"),
        ("The two countries ceased cooperating on security.", "SANCTION", "discontinue"),
        ("Israel stopped shelling the town.", "RETREAT", "ceasefire"),
        ("The students stopped protesting.", "CONCEDE", None),
        ("Russia sent weapons to Syria.", "AID", "military"),  # not stopped: the act itself
    ],
)
def test_an_act_stopped_is_another_act(text: str, event_type: str, mode: str | None) -> None:
    event, _ = only(text, event_type)
    assert event.mode == mode and event.modality == "asserted" and len(events_of(text)) == 1


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("Modi spoke by telephone with Sisi on Wednesday.", "CONSULT", "phone"),
        ("Bolivian authorities sent thousands of police officers into La Paz.", "MOBILIZE", "police"),
        ("Georgia's ruling party shelved the contested foreign agents bill.", "CONCEDE", None),
        ("Soldiers set fire to the rebel camp.", "ASSAULT", "primitive"),
        ("Protesters set fire to government buildings.", "PROTEST", "riot"),
        ("MSF set up three field hospitals in Mozambique.", "AID", "humanitarian"),
    ],
)
def test_phrasings_of_the_held_out_set(text: str, event_type: str, mode: str | None) -> None:
    assert only(text, event_type)[0].mode == mode


def test_a_relative_clause_acts_for_the_noun_it_describes() -> None:
    text = "Six Shabab militants who attacked a hotel in Beledweyne were killed on Tuesday."
    event, record = next((e, r) for e, r in events_of(text) if e.trigger.text == "attacked")
    (actor,) = names(record, event.actors)
    assert actor.lower().endswith("shabab militants")


def test_a_meeting_after_which_someone_acts_is_that_someones() -> None:
    text = "Prime Minister Arno Veld will visit Kenya after meeting with President Lena Ruto in Nairobi."
    meetings = [(e, r) for e, r in events_of(text) if e.trigger.text == "meeting"]
    assert meetings, [(e.type, e.trigger.text) for e, _ in events_of(text)]
    event, record = meetings[0]
    assert names(record, event.actors) == ["Arno Veld"]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Valdorian rebels accused the army of shelling the village.", "shelling", "army"),
        ("Karesh blamed the Valdorian army for shelling its border posts.", "shelling", "Valdorian army"),
        ("The army stopped the rebels from attacking the town.", "attacking", "rebels"),
        (
            "The Zarvan Liberation Army took credit for attacking an army convoy.",
            "attacking",
            "Zarvan Liberation Army",
        ),
    ],
)
def test_the_one_accused_blamed_or_stopped_does_the_act(text: str, trigger: str, actor: str) -> None:
    record = record_of(text)
    event = next(e for e in record.events if e.trigger.text == trigger)
    assert names(record, event.actors) == [actor]


@pytest.mark.parametrize(
    ("text", "event_type", "actor"),
    [
        ("An armed group, the Zarvan Democratic Forces, attacked the border post on Monday.", "ASSAULT", "Zarvan Democratic Forces"),
        ("The rebel group, Hamas, fired rockets at the town.", "ASSAULT", "Hamas"),
        ("Valdoria's former prime minister, Tomas Brell, seldom criticized Karesh.", "ACCUSE", "Tomas Brell"),
    ],
)  # fmt: skip
def test_a_name_in_apposition_is_the_actor(text: str, event_type: str, actor: str) -> None:
    event, record = only(text, event_type)
    assert names(record, event.actors) == [actor]


@pytest.mark.parametrize(
    ("text", "event_type", "side"),
    [
        ("Militants linked with the outlawed Karesh Liberation Front attacked a bus near Oskel.", "ASSAULT",
         "Karesh Liberation Front"),
        ("Rebels loyal to the Velmar Front seized the airport in Dorvan on Sunday.", "COERCE", "Velmar Front"),
        ("Fighters from the Northern Alliance of Karesh shelled the town of Brell.", "ASSAULT",
         "Northern Alliance of Karesh"),
    ],
)  # fmt: skip
def test_a_group_acting_for_a_named_side_brings_the_side_in_as_an_actor(
    text: str, event_type: str, side: str
) -> None:
    event, record = only(text, event_type)
    assert side in names(record, event.actors)


def test_a_country_a_group_comes_from_is_no_actor_of_its_own() -> None:
    event, record = only("Fighters from Syria shelled the town of Brell.", "ASSAULT")
    assert "Syria" not in names(record, event.actors)


@pytest.mark.parametrize(
    ("text", "event_type", "actor"),
    [
        ("Adviser Ilkin Demar, while condemning the latest clashes, says talks with Dorvan remain possible.",
         "ACCUSE", "Ilkin Demar"),
        ("President Halvorsen will visit Karesh next week after meeting with Prime Minister Ilves in Oskel.",
         "CONSULT", "Halvorsen"),
    ],
)  # fmt: skip
def test_a_participle_after_while_or_after_shares_the_clause_s_subject(
    text: str, event_type: str, actor: str
) -> None:
    event, record = only(text, event_type)
    assert any(actor in name for name in names(record, event.actors))
