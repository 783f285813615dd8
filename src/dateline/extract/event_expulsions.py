"""Whether a state's order about soldiers sends another state's force home.

"Ordered US forces to leave the country", "ordered the French troops out": a state expels a
foreign garrison, a relation cut (CAMEO 1663, PLOVER SANCTION expel), as "expelled French troops"
is (``event_types._expels_foreign_forces``). "Ordered its troops to withdraw" or "ordered troops to
the border" moves one's own forces and stays a MOBILIZE or a RETREAT.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract.event_parse import lemma_of, things_done_to

ORDERING_VERBS = frozenset({"order", "tell", "instruct", "give"})
FOREIGN_FORCES = frozenset({"troop", "soldier", "force", "contingent", "garrison"})
# what a force ordered away does: leaves the country, not a position it holds in a fight
LEAVING_VERBS = frozenset({"leave", "depart", "quit", "exit", "go"})
# words that make the force the orderer's own ("its troops", "our soldiers")
OWN_MARKS = frozenset({"its", "their", "our", "his", "her", "own"})


def orders_foreign_forces_out(verb: Token) -> bool:
    """'Ordered US forces to leave', 'ordered French troops out of the country': a force another
    state's by its modifier (a nationality or a country's name), told to leave."""
    if lemma_of(verb) not in ORDERING_VERBS:
        return False
    forces = [t for t in things_done_to(verb) if lemma_of(t) in FOREIGN_FORCES]
    return any(_foreign(force) for force in forces) and _told_to_leave(verb)


def _foreign(force: Token) -> bool:
    """'US forces', 'French troops', 'the Russian contingent': named for a state, none of 'its'."""
    modifiers = [c for c in force.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    if any(m.lower_ in OWN_MARKS for m in modifiers):
        return False
    return any(m.ent_type_ in {"NORP", "GPE"} for m in modifiers)


def _told_to_leave(verb: Token) -> bool:
    """'to leave (the country)', 'out (of the country)': the order sends the force away."""
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp"} and lemma_of(child) in LEAVING_VERBS:
            return True
        if child.dep_ in {"prt", "advmod", "prep"} and child.lower_ == "out":
            return True
    return False
