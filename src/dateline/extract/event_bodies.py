"""Whom a representative acts for: the body a spokesperson, an official or an envoy speaks for.

A spokesperson's warning is the warning of the body he speaks for, and "officials of the interim
administration accused" says the administration accused: news names the person or group who
speaks, its readers (and PLOVER's coders) the body. So an actor described as speaking or acting
for a named body or country brings that body in as an actor beside itself
(``ArgumentFinder._with_their_side`` adds what ``Bodies.spoken_for`` finds):

* "Velmar Front spokesman Arno Veld", "a Front military spokesman", "U.N. spokesperson Ann Vale":
  a body named in a representative's title;
* "a spokeswoman for the Interior Ministry", "officials of the Pellane council", "envoys from
  Marovia": a body in its for / of / from phrase;
* "Kessaria's envoy", "its market regulator": the owner of a representative or of an organ of state;
* a later "Veld accused ..." or "Vale urged ...": the body of the title or appositive that
  another mention of the same person carries, or the organisation the entity stage found he works
  for ("Arno Veld, a spokesman for the Velmar Front").

Only a named body counts (an organisation, a country, a group the story names), never a person
("a spokesman for President Vale" stays Vale's spokesman) nor a nationality alone ("an Israeli
spokesman" is already coded Israeli). A country a fighter comes from is no side of his ("fighters
from Syria", see ``_with_their_side``): only representatives and organs of state act for the body
they belong to. An envoy "for Libya" is sent there, and "Sudan's U.N. ambassador" is posted to the
U.N.: neither acts for it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from dateline.extract.clusters import known_org
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_parse import lemma_of, objects_of
from dateline.model import Entity

# Who speaks for a body.
SPEAKERS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen"})
# People and groups who speak or act for a body: their acts are the body's too.
REPRESENTATIVES = SPEAKERS | frozenset({
    "official", "envoy", "representative", "delegate", "delegation", "diplomat", "ambassador",
    "negotiator", "emissary", "mediator", "authority",
})  # fmt: skip
# Representatives posted to a body, whose title names the post: "Sudan's U.N. ambassador".
POSTED = frozenset({"ambassador"})
# Organs of a state or a body, which act for their owner ("its market regulator", "Marovia's
# interior ministry", "the embassy of Dorvan").
ORGANS = frozenset({"ministry", "embassy", "consulate", "regulator", "mission"})
# Entity types that can be a body spoken for.
BODY_TYPES = frozenset({"ORG", "GPE", "GROUP"})
# How a representative word holds the body's name: "Front military spokesman" (compound),
# "Kessaria's envoy" (poss), "a spokesman for the Front" (for-phrase).
NAMING_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
# "officials of the council", "envoys from Marovia"; "for" only after a word of speaking ("a
# spokesman for the ministry"): an "envoy for Syria" is sent to Syria, not by it.
BODY_PREPS = {"of", "from"}


def represents(token: Token) -> bool:
    """Whether a word names someone who speaks or acts for a body ("spokesman", "officials"); not
    a word of a name ("the Palestinian Authority")."""
    common = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and not token.ent_type_)
    return common and lemma_of(token) in REPRESENTATIVES | ORGANS


class Bodies:
    """The bodies an argument of one text speaks for. ``named``: the entity a name stands for
    where no mention covers its token (a title's affiliation is no mention of its own:
    "U.N. spokesperson X"), or None."""

    def __init__(self, analysis: EntityAnalysis, named: Callable[[Token], str | None]) -> None:
        self.analysis = analysis
        self.named = named
        self._by_name: dict[str, str] | None = None  # a body's names and mentions -> its entity

    def spoken_for(self, head: Token, ids: list[str]) -> list[str]:
        """The bodies the argument headed by ``head`` (whose entities are ``ids``) speaks for, not
        among ``ids``."""
        found = [b for rep in _representative_words(head) for b in self._bodies_named_by(rep)]
        for entity_id in ids:
            found += self.of_entity(entity_id, head.doc, head)
        return list(dict.fromkeys(b for b in found if b not in ids))

    def _bodies_named_by(self, rep: Token) -> list[str]:
        """The named bodies of one representative word: in its title, owner or of / for / from phrase."""
        # "Sudan's U.N. ambassador": an ambassador's title names where he is posted, not whom he
        # speaks for (a "U.N. envoy" is the U.N.'s)
        deps = {"poss"} if lemma_of(rep) in POSTED else NAMING_DEPS
        holders = [c for c in rep.children if c.dep_ in deps]
        preps = BODY_PREPS | {"for"} if lemma_of(rep) in SPEAKERS else BODY_PREPS
        holders += [g for obj in objects_of(rep, preps) for g in [obj, *obj.conjuncts]]
        own = self.analysis.mention_at(rep.i)
        bodies = []
        for token in holders:
            body = self._body_at(token, own[1].id if own is not None else None)
            if body is not None:
                bodies.append(body.id)
        return bodies

    def _body_at(self, token: Token, own: str | None) -> Entity | None:
        """The named body at ``token``: its mention (not one of the representative's own
        phrase, ``own``: "Egyptian and Qatari mediators"), or the entity its name (with the words
        before it: "Velmar Front") names elsewhere."""
        found = self.analysis.mention_at(token.i)
        if found is not None and found[1].type in BODY_TYPES and found[1].id != own:
            entity: Entity | None = found[1]
        elif token.text[:1].isupper():  # also a title inside a person's mention: "a Front spokesman"
            first = min(
                (t.i for t in token.subtree if t.dep_ in NAMING_DEPS and t.i < token.i), default=token.i
            )
            written = token.doc[first : token.i + 1].text
            known = known_org(written)  # "U.N." for the story's "United Nations"
            names = [written, *([known.name] if known is not None else [])]
            named = next((n for w in names if (n := self._names().get(_folded(w)))), None)
            named = named or self.named(token)  # a one-word name or acronym
            entity = self.analysis.by_id(named) if named is not None else None
        else:
            return None
        return entity if entity is not None and entity.type in BODY_TYPES and not entity.generic else None

    def _names(self) -> dict[str, str]:
        """Every name and mention of a named body, folded -> its entity (a name two share, neither)."""
        if self._by_name is None:
            owners: dict[str, set[str]] = {}
            for entity in self.analysis.entities:
                if entity.type in BODY_TYPES and not entity.generic:
                    for name in [entity.name, *(m.text for m in entity.mentions)]:
                        owners.setdefault(_folded(name), set()).add(entity.id)
            self._by_name = {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1 and name}
        return self._by_name

    def of_entity(self, entity_id: str, doc: Doc, head: Token | None = None) -> list[str]:
        """A representative's body named at any of his mentions (but ``head``'s, read already):
        "U.N. spokesperson Ann Vale ... Vale urged", or the organisation the entity
        stage found he works for."""
        try:
            entity = self.analysis.by_id(entity_id)
        except KeyError:
            return []  # an entity of the event stage: it has no other mention
        if entity.type != "PERSON" or not _speaks_for_a_body(entity):
            return []
        named: list[str] = []
        described: list[str] = []
        for mention in entity.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or (head is not None and span.root.i == head.i):
                continue
            found = [b for rep in _representative_words(span.root) for b in self._bodies_named_by(rep)]
            (named if span.root.pos_ == "PROPN" else described).extend(found)
        # The titles of his name first: a description the entity stage joined to him may be
        # another's ("a department spokesperson" after "Trade Ministry spokesperson Ruto")
        bodies = named or described
        employer = self.analysis.cluster_of(entity_id).affiliation
        if employer is not None and employer.id and employer.type in {"ORG", "GPE"}:
            bodies.append(employer.id)
        return bodies


def _folded(name: str) -> str:
    """A name to compare: lower case, without a leading "the" or a possessive "'s"."""
    name = name.lower().strip()
    name = name[4:] if name.startswith("the ") else name
    return name[:-2] if name.endswith(("'s", "\u2019s")) else name


def _speaks_for_a_body(entity: Entity) -> bool:
    """A person whose title or description makes him a representative ("spokesman")."""
    words = {w.lower() for title in entity.titles for w in title.split()}
    words |= {entity.name.split()[-1].lower()} if entity.name else set()
    return bool(words & REPRESENTATIVES)


def _representative_words(head: Token) -> list[Token]:
    """The representative words of an argument: itself ("the spokesman", "officials of X"), a title
    before its name ("Front spokesman Arno Veld") or its appositive ("Veld, a spokesman for X")."""
    words = [head, *(c for c in head.children if c.dep_ in {"compound", "appos"})]
    return [w for w in words if represents(w)]
