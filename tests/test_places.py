"""Places and the gazetteer behind them.

Texts are invented wire-style sentences. The spaCy model is pinned (en_core_web_sm 3.8.0), so what it
labels is stable; the tests that depend on a label say so, and the resolution rules are also tested on
documents whose entities are set by hand, independent of the model.
"""

from __future__ import annotations

import time

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dateline.extract.gazetteer import FEATURES, GazetteerEntry, load_gazetteer, lookup, normalize
from dateline.extract.places import find_places, resolve_country_code
from dateline.model import Place
from dateline.nlp import load_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_nlp()


def by_name(places: list[Place], name: str) -> Place:
    found = [p for p in places if p.name == name]
    assert len(found) == 1, f"{name!r} not among {[p.name for p in places]}"
    return found[0]


def with_ents(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """A parsed doc whose entities are exactly ``ents`` (surface text, label), first occurrences."""
    doc = nlp(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def assert_offsets(doc: Doc, places: list[Place]) -> None:
    for place in places:
        for mention in place.mentions:
            assert doc.text[mention.start : mention.end] == mention.text


# -- gazetteer ------------------------------------------------------------------------------------


def test_gazetteer_is_built_once() -> None:
    assert load_gazetteer() is load_gazetteer()
    assert len(load_gazetteer()) > 60_000


def test_lookup_ignores_case_diacritics_and_leading_the() -> None:
    assert lookup("RAFAH") == lookup("rafah") == lookup("Rafaḩ")
    assert lookup("the Gaza Strip") == lookup("Gaza strip") == lookup("GAZA STRIP")
    assert lookup("Côte d’Ivoire") == lookup("cote d'ivoire")
    assert normalize("The  U.S.") == normalize("us") == "us"


def test_lookup_returns_every_candidate() -> None:
    rafah = lookup("Rafah")
    assert {(e.country, e.feature) for e in rafah} == {("PSE", "city"), ("EGY", "city")}
    assert all(isinstance(e, GazetteerEntry) and e.geonameid for e in rafah)
    assert lookup("Nowhereville on Sea") == []


def test_countries_carry_alpha3() -> None:
    palestine = lookup("Palestinian territories")
    assert [(e.country, e.feature) for e in palestine] == [("PSE", "country")]
    for alias, code in [
        ("U.S.", "USA"),
        ("US", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
    ]:
        assert lookup(alias)[0].country == code
        assert lookup(alias)[0].feature == "country"
    egypt = lookup("Egypt")[0]
    assert (egypt.country, egypt.feature) == ("EGY", "country")
    assert egypt.lat is not None and egypt.lon is not None
    assert 22 < egypt.lat < 32 and 25 < egypt.lon < 35


def test_palestinian_cities_map_ps_to_pse() -> None:
    (khan_younis,) = lookup("Khan Younis")
    assert (khan_younis.country, khan_younis.feature) == ("PSE", "city")


def test_hand_made_regions() -> None:
    (west_bank,) = lookup("West Bank")
    assert (west_bank.country, west_bank.feature, west_bank.geonameid) == ("PSE", "region", None)
    assert west_bank.lat is not None and abs(west_bank.lat - 31.9) < 0.5
    red_sea = lookup("the Red Sea")[0]
    assert (red_sea.feature, red_sea.country) == ("water", None)
    assert lookup("Donbass")[0].name == "Donbas"
    assert lookup("Middle East")[0].feature == "region"
    assert lookup("Europe")[0].feature == "continent"
    # "Gaza" alone is the Strip first, the city second.
    assert [e.feature for e in lookup("Gaza")][:2] == ["region", "city"]


def test_every_entry_is_well_formed() -> None:
    gazetteer = load_gazetteer()
    for name in ("Sinai", "Crimea", "Kashmir", "Tigray", "Nagorno-Karabakh", "Persian Gulf", "Georgia"):
        for entry in gazetteer.lookup(name):
            assert entry.feature in FEATURES
            assert entry.lat is not None and -90 <= entry.lat <= 90
            assert entry.lon is not None and -180 <= entry.lon <= 180
            assert entry.country is None or (len(entry.country) == 3 and gazetteer.country(entry.country))


def test_resolve_country_code() -> None:
    assert resolve_country_code("U.S.") == "USA"
    assert resolve_country_code("the United States") == "USA"
    assert resolve_country_code("Britain") == "GBR"
    assert resolve_country_code("Palestine") == "PSE"
    assert resolve_country_code("South Korea") == "KOR"
    assert resolve_country_code("North Korea") == "PRK"
    assert resolve_country_code("Russia") == "RUS"
    # Not country names: nationalities, cities, regions.
    assert resolve_country_code("Israeli") is None
    assert resolve_country_code("Cairo") is None
    assert resolve_country_code("West Bank") is None


# -- places from parsed text ------------------------------------------------------------------------


def test_rafah_in_a_gaza_context_is_palestinian(nlp: Language) -> None:
    doc = nlp("Families in Rafah said the strikes on Gaza were the heaviest in weeks.")
    places = find_places(doc)
    rafah = by_name(places, "Rafaḩ")
    assert rafah.country == "PSE"
    assert rafah.feature == "city"
    assert [(m.start, m.end, m.text) for m in rafah.mentions] == [(12, 17, "Rafah")]
    assert rafah.lat is not None and abs(rafah.lat - 31.30) < 0.05
    assert_offsets(doc, places)


def test_rafah_in_an_egypt_context_is_egyptian(nlp: Language) -> None:
    doc = nlp("Security was tightened in Rafah and El Arish, two towns in Egypt's Sinai Peninsula.")
    places = find_places(doc)
    assert by_name(places, "Rafaḩ").country == "EGY"
    sinai = by_name(places, "Sinai")
    assert (sinai.country, sinai.feature) == ("EGY", "region")
    assert by_name(places, "Egypt").mentions[0].text == "Egypt"  # the possessive "'s" is not part of it
    assert_offsets(doc, places)


def test_place_names_spacy_calls_people(nlp: Language) -> None:
    # The small model labels Rafah and Khan Younis PERSON here; a nearby place brings them back.
    doc = nlp(
        "Israeli tanks moved toward Rafah, the southernmost city of the Gaza Strip, "
        "while residents of Khan Younis fled west."
    )
    places = find_places(doc)
    assert [(p.id, p.name, p.country) for p in places] == [
        ("P1", "Rafaḩ", "PSE"),
        ("P2", "Gaza Strip", "PSE"),
        ("P3", "Khān Yūnis", "PSE"),
    ]
    doc = nlp("The governor of North Sinai visited Rafah on Sunday, officials in Cairo said.")
    assert by_name(find_places(doc), "Rafaḩ").country == "EGY"


def test_cairo_jerusalem_and_west_bank(nlp: Language) -> None:
    doc = nlp(
        "The foreign minister met his counterpart in Cairo before flying to Jerusalem "
        "and then Ramallah in the West Bank."
    )
    places = find_places(doc)
    cairo = by_name(places, "Cairo")
    assert (cairo.id, cairo.country, cairo.feature) == ("P1", "EGY", "city")
    assert cairo.lat == pytest.approx(30.04, abs=0.05) and cairo.lon == pytest.approx(31.24, abs=0.05)
    assert cairo.geonameid == 360630
    jerusalem = by_name(places, "Jerusalem")
    assert (jerusalem.country, jerusalem.feature) == ("ISR", "city")
    assert jerusalem.lat == pytest.approx(31.77, abs=0.05) and jerusalem.lon == pytest.approx(35.22, abs=0.05)
    west_bank = by_name(places, "West Bank")
    assert (west_bank.country, west_bank.feature) == ("PSE", "region")
    # spaCy marks "the West Bank" with its article; the mention keeps exactly what spaCy marks.
    (mention,) = west_bank.mentions
    assert (mention.text, mention.start) == ("the West Bank", doc.text.index("the West Bank"))
    assert_offsets(doc, places)


def test_gaza_and_the_gaza_strip_are_one_place(nlp: Language) -> None:
    text = (
        "Shelling hit several towns in the Gaza Strip overnight, and aid agencies said food "
        "stocks in Gaza would last days."
    )
    doc = nlp(text)
    places = find_places(doc)
    strip = by_name(places, "Gaza Strip")
    assert (strip.id, strip.feature, strip.country) == ("P1", "region", "PSE")
    # The mention span is what spaCy marks: "the Gaza Strip" with its "the", then "Gaza".
    assert [(m.text, m.start, m.end) for m in strip.mentions] == [
        ("the Gaza Strip", text.index("the Gaza"), text.index("the Gaza") + len("the Gaza Strip")),
        ("Gaza", text.index("in Gaza") + 3, text.index("in Gaza") + 7),
    ]


def test_country_aliases(nlp: Language) -> None:
    doc = nlp("The U.S. envoy flew from Washington to Paris for talks on the crisis.")
    places = find_places(doc)
    us = by_name(places, "United States")
    assert (us.id, us.country, us.feature) == ("P1", "USA", "country")
    assert [(m.text, m.start, m.end) for m in us.mentions] == [("U.S.", 4, 8)]
    assert by_name(places, "Washington").feature == "city"  # the capital, not the state
    assert by_name(places, "Paris").country == "FRA"  # a U.S. mention does not move Paris to Texas


# -- resolution rules on hand-set entities --------------------------------------------------------------


def test_context_decides_between_countries(nlp: Language) -> None:
    text = "Officials in Tbilisi said Georgia would appeal."
    doc = with_ents(nlp, text, [("Tbilisi", "GPE"), ("Georgia", "GPE")])
    assert by_name(find_places(doc), "Georgia").feature == "country"
    text = "Voters in Atlanta and Savannah said Georgia would decide the race."
    doc = with_ents(nlp, text, [("Atlanta", "GPE"), ("Savannah", "GPE"), ("Georgia", "GPE")])
    georgia = by_name(find_places(doc), "Georgia")
    assert (georgia.feature, georgia.country) == ("state", "USA")


def test_ids_follow_first_mention_and_mentions_merge(nlp: Language) -> None:
    text = "From Amman the convoy reached Baghdad; Amman said later that Baghdad had agreed."
    doc = nlp(text)
    amman = [text.index("Amman"), text.rindex("Amman")]
    baghdad = [text.index("Baghdad"), text.rindex("Baghdad")]
    spans = [doc.char_span(s, s + 5, label="GPE") for s in amman]
    spans += [doc.char_span(s, s + 7, label="GPE") for s in baghdad]
    doc.ents = sorted((span for span in spans if span is not None), key=lambda span: span.start)
    assert len(doc.ents) == 4
    places = find_places(doc)
    assert [(p.id, p.name, p.country, [m.start for m in p.mentions]) for p in places] == [
        ("P1", "Amman", "JOR", amman),
        ("P2", "Baghdad", "IRQ", baghdad),
    ]


def test_unknown_names_and_institutions_are_skipped(nlp: Language) -> None:
    text = "Envoys left the White House for Zorvakistan and then Cairo."
    doc = with_ents(nlp, text, [("the White House", "FAC"), ("Zorvakistan", "GPE"), ("Cairo", "GPE")])
    assert [p.name for p in find_places(doc)] == ["Cairo"]


def test_qualified_names_fall_back_to_the_place(nlp: Language) -> None:
    text = "Fighting spread across northern Gaza and the occupied West Bank."
    doc = with_ents(nlp, text, [("northern Gaza", "GPE"), ("the occupied West Bank", "GPE")])
    places = find_places(doc)
    assert [(p.name, p.mentions[0].text) for p in places] == [
        ("Gaza Strip", "northern Gaza"),
        ("West Bank", "the occupied West Bank"),
    ]


def test_empty_doc(nlp: Language) -> None:
    assert find_places(nlp("")) == []
    doc = nlp("No place is named here.")
    doc.ents = []
    assert find_places(doc) == []


def test_find_places_is_fast(nlp: Language) -> None:
    paragraph = (
        "Families in Rafah said the strikes on Gaza were the heaviest in weeks. The foreign minister "
        "met his counterpart in Cairo before flying to Jerusalem and then Ramallah in the West Bank. "
        "The U.S. envoy flew from Washington to Paris for talks on the crisis, while ships in the Red "
        "Sea changed course off Yemen and officials in Amman, Beirut and Damascus urged calm. "
    )
    doc = nlp(paragraph * 8)  # about 500 words
    find_places(doc)  # the gazetteer is built by now
    start = time.perf_counter()
    for _ in range(10):
        places = find_places(doc)
    elapsed = (time.perf_counter() - start) / 10
    assert len(places) >= 10
    assert elapsed < 0.05  # a few milliseconds in practice


# -- issue 12: names spaCy mislabels, spellings, provinces, namesakes ---------------------------------


def mentioned(places: list[Place]) -> list[tuple[str, str | None, str]]:
    """(mention text, country, feature) for every mention, in text order."""
    rows = [(m.start, m.text, p.country, p.feature) for p in places for m in p.mentions]
    return [row[1:] for row in sorted(rows)]


def test_arabic_article_and_transliterations_match() -> None:
    qamishli = lookup("Qamishli")[0]
    assert (qamishli.name, qamishli.country) == ("Al Qāmishlī", "SYR")
    assert lookup("al-Qamishli")[0] == lookup("Al Qamishli")[0] == qamishli
    assert lookup("al-Raqqa")[0] == lookup("Raqqa")[0]
    assert lookup("Ar-Raqqa")[0].country == "SYR"
    # Only in Arabic-speaking countries: "Salvador" is not El Salvador.
    assert lookup("Salvador")[0].feature == "city"
    # The transliteration skeleton, a last resort that counts as an alternate name.
    hudeidah = load_gazetteer().candidates("Hudeidah")
    assert (hudeidah[0].entry.country, hudeidah[0].entry.feature, hudeidah[0].loose) == ("YEM", "city", True)
    assert hudeidah[0].alternate
    assert load_gazetteer().candidates("Hodeidah")[0].loose is False  # a GeoNames alternate name
    assert lookup("Deir el-Zour")[0].name == "Deir ez-Zor"
    assert load_gazetteer().candidates("Deir ez-Zor")[0].loose is False


def test_loose_matches_need_the_country_named(nlp: Language) -> None:
    text = "Ships waited off Hudeidah for days."
    assert find_places(with_ents(nlp, text, [("Hudeidah", "GPE")])) == []
    text = "Ships waited off Hudeidah for days before Yemen let them in."
    places = find_places(with_ents(nlp, text, [("Hudeidah", "GPE"), ("Yemen", "GPE")]))
    assert mentioned(places) == [("Hudeidah", "YEM", "city"), ("Yemen", "YEM", "country")]


def test_first_level_divisions_from_iso_3166_2() -> None:
    borno = lookup("Borno")[0]
    assert (borno.country, borno.feature, borno.lat) == ("NGA", "state", None)
    assert (lookup("Helmand")[0].country, lookup("Helmand")[0].feature) == ("AFG", "state")
    assert {e.country for e in lookup("Punjab") if e.feature == "state"} == {"IND", "PAK"}
    assert lookup("Anhui")[0].country == "CHN"  # "Anhui Sheng" without its suffix
    # Division names that are English words stay out; a capital keeps its city.
    assert not [e for e in lookup("Delta") if e.feature == "state"]
    assert not [e for e in lookup("Plateau") if e.feature == "state"]
    assert lookup("Kabul")[0].feature == "city"


def test_hand_made_provinces_and_regions() -> None:
    for name, country in (
        ("Eastern Ghouta", "SYR"),
        ("Anbar", "IRQ"),
        ("Puntland", "SOM"),
        ("Hirshabelle", "SOM"),
        ("North Kivu", "COD"),
        ("Cabo Delgado", "MOZ"),
        ("Sardinia", "ITA"),
        ("Kherson region", "UKR"),
        ("Guantanamo Bay", "CUB"),
    ):
        entry = lookup(name)[0]
        assert (entry.country, entry.feature) == (country, "region"), name
        assert entry.lat is not None and entry.lon is not None
    assert lookup("Borneo")[0].country is None  # three countries share it
    assert lookup("Odessa")[0].country == "UKR"  # the Ukrainian port, not the Texas town


def test_province_words(nlp: Language) -> None:
    text = "Militants attacked a post in Helmand province, and troops moved into Balochistan province."
    doc = with_ents(nlp, text, [("Helmand", "GPE"), ("Balochistan province", "GPE")])
    places = find_places(doc)
    assert mentioned(places) == [
        ("Helmand province", "AFG", "state"),
        ("Balochistan province", "PAK", "region"),
    ]
    assert [p.name for p in places] == ["Helmand", "Balochistan"]
    assert_offsets(doc, places)
    # A province the gazetteer knows by that name beats the city it is named after.
    doc = with_ents(nlp, "Shelling hit Idlib province overnight.", [("Idlib", "GPE")])
    assert mentioned(find_places(doc)) == [("Idlib province", "SYR", "region")]


def test_places_spacy_labels_otherwise_in_a_locative_context(nlp: Language) -> None:
    text = "Clashes broke out in Aleppo on Monday, and families fled from Manbij."
    doc = with_ents(nlp, text, [("Aleppo", "PERSON"), ("Manbij", "ORG")])
    assert mentioned(find_places(doc)) == [("Aleppo", "SYR", "city"), ("Manbij", "SYR", "city")]
    # Not in a locative context, not near any other place: a person, as before.
    doc = with_ents(nlp, "Manbij said the talks would go on.", [("Manbij", "PERSON")])
    assert find_places(doc) == []
    # Nor a word of a person's name, nor after a title.
    text = "Officials in Manbij said so. Ali Manbij arrived."
    doc = with_ents(nlp, text, [("Manbij", "PERSON"), ("Ali Manbij", "PERSON")])
    assert find_places(doc) == []
    doc = with_ents(nlp, "A letter from Gen. Manbij arrived.", [("Manbij", "PERSON")])
    assert find_places(doc) == []


def test_unlabelled_proper_nouns_and_lists(nlp: Language) -> None:
    # Labels as en_core_web_sm 3.8.0 gives them: Qamishli GPE, Hasakah ORG, Manbij PRODUCT, Raqqa GPE.
    text = "Fighting erupted in Qamishli and Hasakah, residents said, while people fled from Manbij to Raqqa."
    places = find_places(nlp(text))
    assert mentioned(places) == [
        ("Qamishli", "SYR", "city"),
        ("Hasakah", "SYR", "city"),
        ("Manbij", "SYR", "city"),
        ("Raqqa", "SYR", "city"),
    ]
    # The rest of a list after a locative word: "in Aleppo, Homs and Hama".
    text = "Protests spread to Aleppo, Homs and Hama."
    doc = nlp(text)
    doc.ents = []
    assert [m[0] for m in mentioned(find_places(doc))] == ["Aleppo", "Homs", "Hama"]


def test_smaller_towns_count_in_a_story_that_names_their_country(nlp: Language) -> None:
    text = "Refugees arrived in Kakuma, officials in Kenya said."
    doc = with_ents(nlp, text, [("Kakuma", "PERSON"), ("Kenya", "GPE")])
    assert mentioned(find_places(doc)) == [("Kakuma", "KEN", "city"), ("Kenya", "KEN", "country")]
    doc = with_ents(nlp, "Refugees arrived in Kakuma on Monday.", [("Kakuma", "PERSON")])
    assert find_places(doc) == []  # a town of 23,000 people: too small to stand alone


def test_hyphenated_compounds(nlp: Language) -> None:
    places = find_places(nlp("Migrants gathered at the U.S.-Mexico border on Monday."))
    assert mentioned(places) == [("U.S.", "USA", "country"), ("Mexico", "MEX", "country")]
    places = find_places(nlp("The Russia-Ukraine war and the Israel-Hamas war went on."))
    assert [m[0] for m in mentioned(places)] == ["Russia", "Ukraine", "Israel"]
    places = find_places(nlp("The Kyiv-based group said so."))
    assert mentioned(places) == [("Kyiv", "UKR", "city")]


def test_a_major_city_beats_a_small_namesake(nlp: Language) -> None:
    text = "Talks in Geneva resumed after the U.S. envoy arrived."
    doc = with_ents(nlp, text, [("Geneva", "GPE"), ("U.S.", "GPE")])
    assert by_name(find_places(doc), "Geneva").country == "CHE"
    text = "Talks in Paris resumed after the U.S. envoy arrived from Texas."
    doc = with_ents(nlp, text, [("Paris", "GPE"), ("U.S.", "GPE"), ("Texas", "GPE")])
    assert by_name(find_places(doc), "Paris").country == "FRA"
    # Unless the article says otherwise: Geneva, Illinois.
    text = "The fair in Geneva, Illinois, drew crowds from Chicago."
    doc = with_ents(nlp, text, [("Geneva", "GPE"), ("Illinois", "GPE"), ("Chicago", "GPE")])
    geneva = by_name(find_places(doc), "Geneva")
    assert (geneva.country, geneva.lat is not None and geneva.lat > 40) == ("USA", True)
