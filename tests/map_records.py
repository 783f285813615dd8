"""One more story for the map's tests, beside the desk's three (``desk_records``): a real city with a
country (Geneva, CHE) named by an event and a quote, a place whose name carries a script payload, and
a place the gazetteer gave no coordinates (it never reaches a map).

Expected places with coordinates over ``desk_records() + [geneva_round()]``:

    n-oskel   2 events (CONSULT 1, AID 1), 1 quote   (port-talks, aid-appeal)
    n-brel    0 events, 1 quote                      (grain-sanctions: "... told reporters in Brel.")
    n-geneva  1 event (CONSULT 1), 1 quote           (geneva-round)
    EVIL_KEY  1 event (PROTEST 1), 0 quotes          (geneva-round)
"""

from __future__ import annotations

from dateline.model import Place, Record
from desk_records import XSS_SCRIPT, Story

EVIL_PLACE = f"Evil {XSS_SCRIPT} Town"
EVIL_KEY = "n-evil-script-alert-1-script-town"


def geneva_round() -> Record:
    s = Story(
        "geneva-round", "Envoys meet in Geneva", "2025-04-02", "Lakeside Post",
        "Envoys meet in Geneva\n"
        "Ilse Marrow met Karesh envoys in Geneva on Wednesday.\n"
        '"Geneva is where this ends," Marrow said.\n'
        f"Crowds gathered in {EVIL_PLACE} to watch.\n"
        "The next round will be in Narn.\n",
    )  # fmt: skip
    marrow = s.entity("Ilse Marrow", "PERSON", ["Ilse Marrow", "Marrow"], "VDR", "GOV", ["Foreign Minister"])
    crowds = s.entity("crowds", "GROUP", ["Crowds"])
    geneva = s.place("Geneva", "CHE", ["Geneva", "Geneva", "Geneva"], 46.2, 6.15)
    evil = s.place(EVIL_PLACE, None, [EVIL_PLACE], -33.9, 18.4)
    narn = s.span("Narn", after=0)
    s.record.places.append(Place("P3", "Narn", None, None, None, None, "city", [narn]))
    s.quote("direct", "Marrow", marrow, "said", ["Geneva is where this ends,"], "named_person")
    s.event("CONSULT", "met", [marrow], [], day="2025-04-02", place=geneva)
    s.event("PROTEST", "gathered", [crowds], [], day="2025-04-02", place=evil)
    return s.record
