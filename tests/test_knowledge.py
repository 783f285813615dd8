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
