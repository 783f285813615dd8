"""The actor knowledge shipped with dateline: countries, capitals, organisations and dated office holders."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import knowledge
from dateline.knowledge import KnownActor, capital_of, country_actor, fold, known_actor


def test_fold_accents_case_punctuation_and_the() -> None:
    assert fold("Erdoğan") == fold("erdogan")
    assert fold("al - Assad") == fold("al-Assad") == fold("Al Assad")
    assert fold("U.S.") == fold("US")
    assert fold("The White House") == fold("white house")


def test_person_accent_folding_and_canonical_name() -> None:
    actor = known_actor("Recep Tayyip Erdogan", on="2020-06-01")
    assert actor == KnownActor("Recep Tayyip Erdoğan", "PERSON", "TUR", "GOV", "m")
    assert known_actor("ERDOGAN", on="2020-06-01") == actor


def test_person_code_and_sector_follow_the_date() -> None:
    assert known_actor("Donald Trump", on="2018-03-01") == KnownActor(
        "Donald Trump", "PERSON", "USA", "GOV", "m"
    )
    between = known_actor("Trump", on="2022-06-01")
    assert between is not None and (between.code, between.sector) == ("USA", None)
    before = known_actor("Donald J. Trump", on="2015-06-01")
    assert before is not None and before.sector is None
    again = known_actor("Trump", on="2025-03-01")
    assert again is not None and again.sector == "GOV"
    biden = known_actor("Joe Biden", on="2023-01-01")
    assert biden is not None and (biden.code, biden.sector) == ("USA", "GOV")


def test_un_secretary_general_is_igo_in_office() -> None:
    guterres = known_actor("Antonio Guterres", on="2024-05-01")
    assert guterres is not None and (guterres.code, guterres.sector) == ("IGO", "IGO")


def test_countries_and_aliases() -> None:
    for alias in ("US", "U.S.", "USA", "United States of America", "America", "the United States"):
        assert known_actor(alias, "GPE") == KnownActor("United States", "GPE", "USA", "GOV")
    for alias in ("UK", "U.K.", "Britain", "Great Britain"):
        found = known_actor(alias, "GPE")
        assert found is not None and found.name == "United Kingdom"
    assert country_actor("KOR") == KnownActor("South Korea", "GPE", "KOR", "GOV")
    assert country_actor("rus") == KnownActor("Russia", "GPE", "RUS", "GOV")
    iran = country_actor("IRN")
    assert iran is not None and iran.name == "Iran"
    assert country_actor("XXX") is None
    assert len(knowledge.countries()) >= 249


def test_capitals() -> None:
    assert capital_of("Washington") == "USA"
    assert capital_of("Moscow") == "RUS"
    assert capital_of("Kyiv") == capital_of("Kiev") == "UKR"
    assert capital_of("Beijing") == "CHN"
    assert capital_of("Tehran") == "IRN"
    assert capital_of("Victoria") is None  # too ambiguous
    assert capital_of("Springfield") is None


def test_organisations_follow_the_guideline() -> None:
    un = known_actor("U.N.")
    assert un is not None and (un.code, un.sector) == ("IGO", "IGO")
    amnesty = known_actor("Amnesty International")
    assert amnesty is not None and (amnesty.code, amnesty.sector) == ("NGO", "NGO")
    islamic_state = known_actor("ISIS")
    assert islamic_state is not None and (islamic_state.code, islamic_state.sector) == (None, "REB")
    hamas = known_actor("Hamas")
    assert hamas is not None and (hamas.code, hamas.sector) == ("PSE", "REB")


def test_unknown_names() -> None:
    assert known_actor("Zqxw Blorptown") is None
    assert known_actor("") is None


def test_user_file_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "name\taliases\ttype\tcode\tsector\tgender\tterms\n"
        "Ada Brenner\tBrenner\tPERSON\tISR\t\tf\tISR GOV 2020-01-01..2022-12-31\n"
        "Hamas\t\tORG\tPSE\tGOV\t\t\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(knowledge.ENV_VAR, str(extra))
    assert known_actor("Brenner", on="2021-01-01") == KnownActor("Ada Brenner", "PERSON", "ISR", "GOV", "f")
    assert known_actor("Brenner", on="2023-01-01") == KnownActor("Ada Brenner", "PERSON", "ISR", None, "f")
    hamas = known_actor("Hamas")
    assert hamas is not None and hamas.sector == "GOV"
    monkeypatch.delenv(knowledge.ENV_VAR)
    assert known_actor("Brenner") is None


def test_ambiguous_names_return_none() -> None:
    assert known_actor("Kim") is None  # Kim Jong Un, Kim Yo Jong, Kim Min-seok...
    assert known_actor("Johnson") is None  # Boris Johnson, Mike Johnson
    assert known_actor("Clinton") is None  # Bill and Hillary
    assert known_actor("May") is None  # a month before it is Theresa May


def test_type_prefers_rows_of_that_type() -> None:
    found = known_actor("Islamic State", "ORG")
    assert found is not None and found.type == "ORG" and found.code is None
    jordan = known_actor("Jordan", "GPE")
    assert jordan is not None and jordan.code == "JOR"


def test_hyphen_spacing_and_leading_the() -> None:
    assert known_actor("Bashar al - Assad", on="2015-01-01") == known_actor(
        "Bashar al-Assad", on="2015-01-01"
    )
    assert known_actor("the Kremlin") == KnownActor("Kremlin", "ORG", "RUS", "GOV")
    assert known_actor("The Associated Press") == known_actor("AP")


def test_dates_of_other_offices() -> None:
    assad = known_actor("Assad", on="2025-06-01")
    assert assad is not None and (assad.code, assad.sector) == ("SYR", None)  # ousted 2024-12-08
    sharaa = known_actor("Abu Mohammed al-Golani", on="2020-01-01")
    assert sharaa is not None and sharaa.name == "Ahmed al-Sharaa" and sharaa.sector == "REB"
    assert known_actor("Ahmed al-Sharaa", on="2025-03-01") == KnownActor(
        "Ahmed al-Sharaa", "PERSON", "SYR", "GOV", "m"
    )
    taliban_leader = known_actor("Hibatullah Akhundzada", on="2019-01-01")
    assert taliban_leader is not None and taliban_leader.sector == "REB"
    assert known_actor("Hibatullah Akhundzada", on="2023-01-01") is not None
    ban = known_actor("Ban Ki-moon", on="2012-01-01")
    assert ban is not None and (ban.code, ban.sector) == ("IGO", "IGO")
    von_der_leyen = known_actor("Ursula von der Leyen", on="2018-01-01")
    assert von_der_leyen is not None and (von_der_leyen.code, von_der_leyen.sector, von_der_leyen.gender) == (
        "DEU",
        "GOV",
        "f",
    )


def test_phoenix_people_are_shipped() -> None:
    # from the Phoenix dictionaries only (not the hand-written table): an Egyptian minister of the 2000s
    found = known_actor("Mahmoud Abu Zeid", on="2006-01-01")
    assert found is not None and (found.code, found.sector) == ("EGY", "GOV")
    later = known_actor("Mahmoud Abu Zeid", on="2020-01-01")
    assert later is not None and (later.code, later.sector) == ("EGY", None)


def test_news_outlets_armed_groups_and_igos() -> None:
    expected = {
        "VOA": ("Voice of America", "USA", "MED"),
        "Reuters": ("Reuters", "GBR", "MED"),
        "Agence France-Presse": ("AFP", "FRA", "MED"),
        "KCNA": ("KCNA", "PRK", "MED"),
        "Hezbollah": ("Hezbollah", "LBN", "REB"),
        "SDF": ("Syrian Democratic Forces", "SYR", "REB"),
        "al-Qaeda": ("al-Qaida", None, "REB"),
        "Wagner Group": ("Wagner Group", "RUS", "MIL"),
        "NATO": ("NATO", "IGO", "IGO"),
        "IAEA": ("International Atomic Energy Agency", "IGO", "IGO"),
        "G-7": ("Group of Seven", "IGO", "IGO"),
        "Médecins Sans Frontières": ("Doctors Without Borders", "NGO", "NGO"),
    }
    for alias, (name, code, sector) in expected.items():
        found = known_actor(alias)
        assert found is not None and (found.name, found.code, found.sector) == (name, code, sector), alias


def test_every_people_row_is_well_formed() -> None:
    sectors = knowledge.SECTORS
    for entry in knowledge.people():
        assert entry.type == "PERSON"
        assert entry.gender in (None, "m", "f")
        assert entry.sector is None or entry.sector in sectors, entry.name
        for term in entry.terms:
            assert term.sector is None or term.sector in sectors, entry.name
            assert not (term.start and term.end) or term.start <= term.end, entry.name
    for entry in knowledge.organizations():
        assert entry.sector is None or entry.sector in sectors, entry.name


def test_lexicon_org_info_follows_the_same_conventions() -> None:
    from dateline.extract import lexicon

    un = lexicon.org_info("United Nations")
    assert un is not None and (un.code, un.sector) == ("IGO", "IGO")
    isis = lexicon.org_info("ISIS")
    assert isis is not None and (isis.code, isis.sector) == (None, "REB")


def test_think_tanks_universities_companies() -> None:
    expected = {
        "Brookings": ("Brookings Institution", "USA", "EDU"),
        "CSIS": ("Center for Strategic and International Studies", "USA", "EDU"),
        "Chatham House": ("Chatham House", "GBR", "EDU"),
        "ISEAS": ("ISEAS-Yusof Ishak Institute", "SGP", "EDU"),
        "ISS Africa": ("Institute for Security Studies", "ZAF", "EDU"),
        "German Marshall Fund": ("German Marshall Fund of the United States", "USA", "EDU"),
        "Eurasia Group": ("Eurasia Group", "USA", "BUS"),
        "University of Nairobi": ("University of Nairobi", "KEN", "EDU"),
        "Harvard": ("Harvard University", "USA", "EDU"),
        "Tsinghua": ("Tsinghua University", "CHN", "EDU"),
        "Huawei": ("Huawei", "CHN", "BUS"),
        "Aramco": ("Saudi Aramco", "SAU", "BUS"),
        "Lockheed": ("Lockheed Martin", "USA", "BUS"),
        "China Times": ("China Times", "TWN", "MED"),
    }
    for alias, (name, code, sector) in expected.items():
        found = known_actor(alias)
        assert found is not None and (found.name, found.code, found.sector) == (name, code, sector), alias
    # words, surnames and places are no aliases: Heritage, Ford, Oxford, Columbia stay unknown
    for word in ("Heritage", "Ford", "Oxford", "Columbia", "Amazon", "Total"):
        found = known_actor(word)
        assert found is None or found.type != "ORG", word


def test_organisation_names_and_aliases_are_unambiguous() -> None:
    # lexicon.org_info keeps the last row for a shared key and known_actor none: every key one row
    owners: dict[str, set[str]] = {}
    for entry in knowledge.organizations():
        for key in {knowledge.fold(entry.name), *map(knowledge.fold, entry.aliases)}:
            owners.setdefault(key, set()).add(entry.name)
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert not shared
    countries = set()
    for entry, _ in knowledge.countries().values():
        countries |= {knowledge.fold(entry.name), *map(knowledge.fold, entry.aliases)}
    assert not countries & set(owners)  # "DRC" is the Congo, not the Danish Refugee Council
