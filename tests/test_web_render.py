"""Highlighting and charts: HTML built from offsets, every piece of text escaped, every mark linked."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from dateline.web.charts import Column, Segment, network_graph, palette, stacked_bars
from dateline.web.highlight import Mark, render, segments
from dateline.web.views import record_marks, voices

SVG = "{http://www.w3.org/2000/svg}"


def test_segments_cut_at_every_boundary_and_keep_the_text() -> None:
    text = "Marrow said the talks failed."
    marks = [Mark(0, 6, "speaker"), Mark(7, 11, "cue"), Mark(12, 28, "quote"), Mark(16, 21, "event")]
    pieces = segments(text, marks)
    assert "".join(p for p, _ in pieces) == text
    assert [(p, [m.kind for m in ms]) for p, ms in pieces] == [
        ("Marrow", ["speaker"]), (" ", []), ("said", ["cue"]), (" ", []), ("the ", ["quote"]),
        ("talks", ["quote", "event"]), (" failed", ["quote"]), (".", []),
    ]  # fmt: skip


def test_segments_clip_marks_to_a_sentence_cut_from_the_article() -> None:
    article = "First one. Then Ana Velt said no. Last."
    start = article.index("Then")
    sentence = article[start : article.index(".", start) + 1]
    pieces = segments(sentence, [Mark(16, 24, "speaker"), Mark(0, 40, "focus")], offset=start)
    assert [(p, [m.kind for m in ms]) for p, ms in pieces] == [
        ("Then ", ["focus"]), ("Ana Velt", ["speaker", "focus"]), (" said no.", ["focus"]),
    ]  # fmt: skip


def test_render_escapes_text_and_labels_and_places_anchors() -> None:
    text = 'He said <script>alert(1)</script> and " onmouseover="alert(1)'
    marks = [Mark(8, 33, "quote", 'Q1 "x" <b>', anchor="q-Q1"), Mark(38, 61, "entity", "E1")]
    html = str(render(text, marks))
    assert "<script>" not in html and 'onmouseover="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'title="Q1 &#34;x&#34; &lt;b&gt;"' in html
    assert html.index('<a class="anchor" id="q-Q1"></a>') < html.index("&lt;script&gt;")
    # The text survives exactly once the tags are stripped and entities unescaped.
    root = ET.fromstring(f"<div>{html}</div>")
    assert "".join(root.itertext()) == text


def test_render_ignores_marks_of_unknown_kinds_and_empty_marks() -> None:
    html = str(render("abc", [Mark(0, 1, "bogus"), Mark(1, 1, "quote")]))
    assert html == "abc"


TEXT = 'Minister Ana Velt said: "We will reopen the port." An official said Velt met Ruk in Oskel.'


def sp(part: str, after: int = 0) -> dict[str, object]:
    """The span of the first ``part`` at or after ``after`` in TEXT."""
    start = TEXT.index(part, after)
    return {"start": start, "end": start + len(part), "text": part}


RECORD = {
    "id": "a1",
    "text": TEXT,
    "entities": [
        {"id": "E1", "name": "Ana Velt", "type": "PERSON", "mentions": [sp("Ana Velt"), sp("Velt", 30)]},
        {"id": "E2", "name": "Ruk", "type": "PERSON", "mentions": [sp("Ruk")]},
    ],
    "quotes": [
        {"id": "Q1", "kind": "direct", "speaker": {**sp("Ana Velt"), "entity": "E1"}, "cue": sp("said"),
         "cue_lemma": "say", "content": [sp("We will reopen the port.")], "source_type": "named_person",
         "medium": None},
        {"id": "Q2", "kind": "indirect", "speaker": {**sp("An official"), "entity": None}, "cue": sp("said", 30),
         "cue_lemma": "say", "content": [sp("Velt met Ruk in Oskel")], "source_type": "anonymous_person",
         "medium": None},
    ],
    "events": [{"id": "V1", "type": "CONSULT", "mode": "meet", "modality": "reported", "actors": ["E1"],
                "recipients": ["E2"], "trigger": sp("met")}],
    "places": [{"id": "P1", "name": "Oskel", "country": None, "feature": "city", "mentions": [sp("Oskel")]}],
    "dates": [],
}  # fmt: skip


def test_record_marks_cover_every_kind_and_spans_match_the_text() -> None:
    text = TEXT
    marks = record_marks(RECORD, focus=(sp("An official")["start"], len(TEXT)))  # type: ignore[arg-type]
    assert {m.kind for m in marks} == {"entity", "quote", "speaker", "cue", "event", "place", "focus"}
    html = str(render(text, marks))
    for anchor in ("q-Q1", "q-Q2", "v-V1", "m-E1-0", "p-P1-0", "focus"):
        assert f'id="{anchor}"' in html
    assert 'class="hl k-quote k-event k-focus"' in html
    assert 'class="hl k-speaker k-entity"' in html


def test_voices_count_words_per_speaker_and_side() -> None:
    result = voices(RECORD)
    assert [(v.name, v.quotes, v.words, v.source_type) for v in result.speakers] == [
        ("An official", 1, 5, "anonymous_person"), ("Ana Velt", 1, 5, "named_person"),
    ]  # fmt: skip
    assert (result.named_words, result.anonymous_words, result.other_words) == (5, 5, 0)
    assert result.total_words == 10
    longer = {**RECORD, "quotes": [RECORD["quotes"][1], RECORD["quotes"][0]]}  # type: ignore[index]
    assert voices(longer).speakers == result.speakers, "equal words go by name, not by order in the text"


def test_stacked_bars_link_every_piece_and_escape_labels() -> None:
    colours = palette(["CONSULT", "<b>"])
    columns = [
        Column("2025-03-10", [Segment("CONSULT", 3, "/events?day=10&type=CONSULT")], "/events?day=10"),
        Column(
            "2025-03-11", [Segment("CONSULT", 1, "/e?a=1&b=2"), Segment("<b>", 2, "/x")], "/events?day=11"
        ),
    ]
    svg = str(stacked_bars(columns, colours, "Events <per> day")).split('<ul class="legend">')[0]
    root = ET.fromstring(svg)
    bars = root.findall(f"{SVG}a[@class='bar']")
    assert [b.get("href") for b in bars] == ["/events?day=10&type=CONSULT", "/e?a=1&b=2", "/x"]
    heights = [float(b.find(f"{SVG}rect").get("height")) for b in bars]  # type: ignore[union-attr]
    assert heights[0] == max(heights) and abs(heights[0] - 3 * heights[1]) < 0.01
    totals = [a.find(f"{SVG}text").text for a in root.findall(f"{SVG}a[@class='total']")]  # type: ignore[union-attr]
    assert totals == ["3", "3"]
    assert root.find(f"{SVG}title").text == "Events <per> day"  # type: ignore[union-attr]


def test_stacked_bars_say_so_when_there_is_nothing() -> None:
    assert "Nothing to chart" in stacked_bars([], {}, "t")


def test_network_graph_draws_nodes_and_one_linked_edge_per_pair() -> None:
    nodes = [{"id": "1", "name": "<i>Velt</i>", "count": 3}, {"id": "2", "name": "Ruk", "count": 1}]
    edges = [
        {"source": "1", "target": "2", "type": "CONSULT", "count": 2},
        {"source": "1", "target": "2", "type": "ACCUSE", "count": 1},
        {"source": "2", "target": "1", "type": "CONSULT", "count": 1},
        {"source": "1", "target": "9", "type": "CONSULT", "count": 1},  # unknown node: dropped
    ]
    svg = network_graph(
        nodes, edges, lambda n: f"/actors/{n}", lambda s, t: f"/events?actor={s}&recipient={t}",
        palette(["CONSULT", "ACCUSE"]),
    )  # fmt: skip
    root = ET.fromstring(str(svg).split('<ul class="legend">')[0])
    edge_links = root.findall(f"{SVG}a[@class='edge']")
    assert sorted(a.get("href") for a in edge_links) == [  # type: ignore[type-var]
        "/events?actor=1&recipient=2", "/events?actor=2&recipient=1",
    ]  # fmt: skip
    counts = {a.get("data-source"): a.find(f"{SVG}text").text for a in edge_links}  # type: ignore[union-attr]
    assert counts == {"1": "3", "2": "1"}
    names = [a.find(f"{SVG}text").text for a in root.findall(f"{SVG}a[@class='node']")]  # type: ignore[union-attr]
    assert names == ["<i>Velt</i>", "Ruk"]
    assert "<i>" not in str(svg)


def test_a_long_timeline_is_drawn_per_month_and_links_whole_months() -> None:
    from dateline.web.ui import _day_chart

    rows = [{"day": "2024-01-05", "type": "AID", "count": 2}, {"day": "2024-01-20", "type": "AID", "count": 1},
            {"day": "2024-06-30", "type": "ACCUSE", "count": 4}]  # fmt: skip
    svg = str(
        _day_chart(rows, lambda r: f"/events?month={r['day']}&type={r['type']}", lambda d: f"/d/{d}", "t")
    )
    root = ET.fromstring(svg.split('<ul class="legend">')[0])
    labels = [a.get("data-label") for a in root.findall(f"{SVG}a[@class='bar']")]
    assert labels == ["2024-01", "2024-06"]
    totals = [a.find(f"{SVG}text").text for a in root.findall(f"{SVG}a[@class='total']")]  # type: ignore[union-attr]
    assert totals == ["3", "4"], "two months with sentences; the four empty months between are gaps"
    assert "/events?month=2024-01&amp;type=AID" in svg
    short = [
        {"day": "2024-01-05", "type": "AID", "count": 2},
        {"day": "2024-01-07", "type": "AID", "count": 1},
    ]
    svg = str(_day_chart(short, lambda r: "/x", lambda d: "/d", "t"))
    assert svg.count('<a class="total"') == 2 and 'data-label="2024-01-05"' in svg
