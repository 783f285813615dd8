"""Which entity a noun phrase among an event's arguments stands for, and the GROUP and PERSON
entities this stage adds where the entity stage found none (``PartyFinder``).

A unit made of coordinated members ("a joint team of police and soldiers") is each member. In this
order: a pair the story named before ("both countries"), coordinated nations ("Turkish and Russian
troops", one GROUP entity each), "we" or "I" in a quotation (its speaker), "they" after coordinated
names (each of them), a nationality listed among named parties; else the phrase's mention, what a
word refers to (``event_references``), a name in apposition, a nation qualifying the phrase
("Pakistani positions"), an organ or a person's party acting ("Veld's party", a body of its own),
its owner or the closest mention inside it, and last a phrase that says who it is ("a newspaper
based in Beirut", "Lenders" met for the first time): these become entities of this stage
(``implicit``).
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.actors import code_from_name
from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_bodies import represents
from dateline.extract.event_parse import descendants, leader_of, lemma_of, new_referent, objects_of
from dateline.extract.event_references import References
from dateline.model import Entity, Span

# Nouns for a unit or body put together from others: "a joint team of police and soldiers".
UNIT_NOUNS = frozenset({
    "team", "force", "contingent", "unit", "patrol", "squad", "detachment", "delegation", "mission",
    "coalition", "alliance", "convoy", "taskforce",
})  # fmt: skip
# A person's political body: "Veld's party", "Oumar's movement".
PARTY_NOUNS = frozenset({"party", "movement"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
WHERE_PREPS = {"in", "at", "near", "inside", "outside", "across"}
# Occasions: "made the appeal at a meeting of donors in Dakar" says where and when the appeal was
# made; the meeting is no one, though the city in its phrase would give it a country.
OCCASIONS = frozenset({
    "meeting", "summit", "conference", "session", "ceremony", "rally", "forum", "gathering",
    "briefing", "event", "convention", "assembly", "hearing", "funeral", "reception", "dinner",
})  # fmt: skip
OCCASION_PREPS = {"at", "during"}

# Nouns for a body of people (not in the role lexicon, whose words are people), which as a subject
# is an actor of its own: "rights organizations condemned", "aid agencies warned".
BODY_NOUNS = frozenset({
    "organization", "organisation", "association", "union", "agency", "watchdog", "institution",
    "coalition", "federation", "charity", "ngo", "body", "alliance", "network", "syndicate",
    "committee", "commission", "council", "panel", "board", "caucus", "tribunal", "regulator",
    "embassy", "consulate", "mission", "delegation",
    # units of armed men: "detained by an air force patrol", "a police unit raided the house"
    "patrol", "unit", "squad", "brigade", "battalion", "platoon", "regiment", "detachment",
})  # fmt: skip


class PartyFinder:
    """The entities of one text's event arguments. ``implicit``: the entities this stage adds, by
    key, in the order they were made (``find_events`` returns them with the events)."""

    def __init__(self, analysis: EntityAnalysis, text: str, references: References) -> None:
        self.analysis = analysis
        self.text = text
        self.references = references
        self.implicit: dict[str, Entity] = {}

    def entity(self, entity_id: str) -> Entity:
        """An argument's entity, whether the entity stage found it or this stage added it."""
        added = next((e for e in self.implicit.values() if e.id == entity_id), None)
        return added or self.analysis.by_id(entity_id)

    def entities_for(self, heads: list[Token], agents: bool = False) -> list[str]:
        """Entity ids for noun phrases headed by ``heads`` and their conjuncts.

        With ``agents`` (subjects, passive agents) a phrase no entity covers may become one of its
        own; an object no entity covers is usually a thing ("turned down plans for a truce
        in Oskel"), not an actor.
        """
        ids: list[str] = []
        for head in heads:
            members = self._unit_members(head)
            listed = members or _described_coordination(head)
            listed = listed or [head, *conjuncts(head), *self._listed_after(head)]
            for token in listed:
                found = (
                    self.references.pair_referents(token)
                    or self.coordinated_nations(token)
                    or self.references.first_person_referents(token)
                    or self._they_of_a_list(token)
                    or self._listed_nation(token, head)
                )
                if not found:
                    phrase_entity = self._entity_of_phrase(token, agents)
                    found = [phrase_entity] if phrase_entity else []
                ids += [entity for entity in found if entity not in ids]
        return ids

    def _they_of_a_list(self, token: Token) -> list[str]:
        """'Kenya and Uganda said they had taken note': the entity stage binds a plural pronoun to
        the first of coordinated names only; "they" is each of them. Only an antecedent in the
        same or the sentence before."""
        found = self.analysis.mention_at(token.i) if token.lower_ in PLURAL_PRONOUNS else None
        if found is None:
            return []
        doc = token.doc
        before = max(
            (m for m in found[1].mentions if m.end <= token.idx), key=lambda m: m.start, default=None
        )
        span = doc.char_span(before.start, before.end) if before is not None else None
        if span is None or token.sent.start - span.root.sent.end > 0:
            return []
        listed = [span.root, *conjuncts(span.root)]
        named = [m[1].id for t in listed if (m := self.analysis.mention_at(t.i)) is not None]
        return list(dict.fromkeys(named)) if len(named) > 1 else []

    def _unit_members(self, head: Token) -> list[Token]:
        """'A joint team of police officers and soldiers', 'a patrol of police and troops': a unit
        no name covers, made of coordinated members, is each member (the annotators name them
        all); its phrase would reach only the first. One member, or a unit named, is left alone."""
        if lemma_of(head) not in UNIT_NOUNS or self.analysis.mention_at(head.i) is not None:
            return []
        for member in objects_of(head, {"of"}):
            listed = [member, *conjuncts(member)]
            if len(listed) > 1 and all(self._names_someone(t) for t in listed):
                return listed
        return []

    def _names_someone(self, token: Token) -> bool:
        """Whether a word is a mention, or is qualified by a nation ("Ugandan troops"); asked
        before any entity is made for it."""
        if self.analysis.mention_at(token.i) is not None:
            return True
        return any(c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE"} for c in token.children)

    def _listed_after(self, head: Token) -> list[Token]:
        """'Mali, Burkina Faso and Niger quit the bloc': the parser reads a list of three names as
        the first with the other two in apposition to it. Names of the same kind as the first (two
        countries, two organisations), one conjoined to the next, are a list, not a description;
        so are the names set after a plural description ("hopefuls Arno Veld and Lena Ruto")."""
        first = self.analysis.mention_at(head.i)
        for appos in (c for c in head.children if c.dep_ == "appos"):
            listed = [appos, *conjuncts(appos)]
            found = [self.analysis.mention_at(t.i) for t in listed]
            kinds = {m[1].type if m is not None else None for m in found}
            if first is not None and len(listed) > 1 and kinds == {first[1].type} <= {"GPE", "ORG"}:
                return listed
            # "criticism from presidential hopefuls Arno Veld and Lena Ruto": a plural description
            # that names no one, then the names of the people or bodies it is made of
            if first is None and head.tag_ in {"NNS", "NNPS"} and len(listed) > 1 and None not in kinds:
                return listed
            # "Portugal, the former colonial power, and the Lusophone bloc condemned it": after an
            # apposition closed by its comma, "and" joins the next member of the subject, which
            # the parser hangs on the apposition
            if first is not None and _closed_before_and(appos):
                return [t for t in listed[1:] if self.analysis.mention_at(t.i) is not None]
        return []

    def _listed_nation(self, token: Token, head: Token) -> list[str]:
        """'criticized by the U.N., French, Chinese and Mexican envoys': a nationality word listed
        among the actors, the parser's conjunct, is that nation (its noun comes only at the end)."""
        if token.i == head.i or token.pos_ != "ADJ" or token.ent_type_ not in {"NORP", "GPE"}:
            return []
        if token.i in self.analysis.token_mentions:
            return []
        code = lexicon.demonyms().get(token.lower_)
        return [self._nation_entity(token, code)] if code else []

    def coordinated_nations(self, head: Token) -> list[str]:
        """'Egyptian and Saudi naval forces', 'Turkish and Russian troops': one phrase, two actors.

        Each nation becomes a GROUP entity with the sector of the phrase's role word; a country
        listed by its name among them ("Israeli and U.S. strikes") is the country's own entity."""
        # "U.S. and Australian officials": the parser reads a name first in the list as a noun
        # modifier (nmod), not a compound
        qualifiers = [c for c in head.children if c.dep_ in {"amod", "compound", "nmod"}]
        nations = [t for q in qualifiers for t in [q, *conjuncts(q)] if t.ent_type_ in {"NORP", "GPE"}]
        # "Israeli and U.S. strikes": a country named by its name among the nationalities is itself
        named = {t.i: m[1] for t in nations if (m := self.analysis.mention_at(t.i)) and m[1].type == "GPE"}
        codes = list(dict.fromkeys(c for t in nations if (c := self._nation_code(t, named))))
        if len(codes) < 2:
            return []
        role = lexicon.roles().get(head.lower_) or lexicon.roles().get(lemma_of(head))
        sector = role.sector if role else None
        words = {code: next(t for t in nations if self._nation_code(t, named) == code) for code in codes}
        return [
            named[words[code].i].id
            if words[code].i in named
            else self._nation_entity(words[code], code, sector)
            for code in codes
        ]

    @staticmethod
    def _nation_code(word: Token, named: dict[int, Entity]) -> str | None:
        return named[word.i].code if word.i in named else lexicon.demonyms().get(word.lower_)

    def _nation_entity(self, word: Token, code: str, sector: str | None = None) -> str:
        """The GROUP entity this stage keeps for a nation (and sector) named by a qualifying word,
        with ``word`` among its mentions."""
        key = code if sector is None else f"{code}:{sector}"
        known = self.implicit.get(key)
        if known is None:
            known = Entity(self._next_id(), word.text, "GROUP", code, sector, coded_by="phrase")
            self.implicit[key] = known
        mention = Span(word.idx, word.idx + len(word.text), word.text)
        if mention not in known.mentions:
            known.mentions.append(mention)
        return known.id

    def _entity_of_phrase(self, head: Token, agent: bool = False) -> str | None:
        unrecognised = self._name_in_apposition(head) if agent else None
        if unrecognised is not None:
            return unrecognised
        found = self.analysis.mention_at(head.i)
        if found is not None:
            return found[1].id
        referent = self.references.antecedent(head) or self.references.named_again(head)
        if referent is not None:
            return referent
        # "an armed group, the Syrian Democratic Forces": the name in apposition, not the
        # description, says who it is (also where the parser hung it on another noun).
        for child in [*(c for c in head.children if c.dep_ == "appos"), _appositive_after(head)]:
            named = self.analysis.mention_at(child.i) if child is not None else None
            if named is not None:
                return named[1].id
        # "Tomas Brell, a former deputy who is accused": the description of a name is who it is.
        named = self.analysis.mention_at(head.head.i) if head.dep_ == "appos" else None
        if named is not None:
            return named[1].id
        again = self.references.name_head_again(head) if agent else None
        if again is not None:
            return again
        nationality = self.nationality_of(head)
        if nationality is not None:
            return nationality
        # The head is not a mention ("officials of the two countries", "doctors from an aid
        # group"): its owner ("Colombia's peace accord with the rebels"), else the closest mention
        # inside its own phrase, not in a nested clause.
        owners = [c for c in head.children if c.dep_ == "poss"]
        if agent and owners and (represents(head) or self._persons_party(head, owners)):
            # "its market regulator opened an inquiry": the organ acts, and its owner with it
            # (``_with_their_side``)
            organ = self._phrase_entity(head, agent)
            if organ is not None:
                return organ
        for token in [*owners, *_phrase_tokens(head)]:
            found = self.analysis.mention_at(token.i)
            if found is not None and not (agent and leader_of(token, head)):
                return found[1].id
        return self._phrase_entity(head, agent)

    def _persons_party(self, head: Token, owners: list[Token]) -> bool:
        """'Veld's party accused the minister': a person's party or movement acts as a body of its
        own (the annotators name it, not the person who leads it)."""
        if lemma_of(head) not in PARTY_NOUNS:
            return False
        found = [self.analysis.mention_at(o.i) for o in owners]
        return any(m is not None and m[1].type == "PERSON" for m in found)

    def _name_in_apposition(self, head: Token) -> str | None:
        """'A lawmaker who represents part of Pellane, Arno Veld, accused the government': the
        name set off after a description of one person is who acts, also where the recognizer
        took the name for no one (it often misses names it has not seen). It becomes a PERSON."""
        role = lexicon.roles().get(head.lower_)
        if role is None or not role.single_person or head.tag_ != "NN":
            return None
        name = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name is None or name.ent_type_ or name.i in self.analysis.token_mentions:
            return None
        words = [t for t in name.subtree if t.dep_ != "punct"]
        if not 2 <= len(words) <= 4 or not all(t.pos_ == "PROPN" and t.is_title for t in words):
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        mention = Span(start, end, self.text[start:end])
        key = f"name:{start}"
        if key not in self.implicit:
            self.implicit[key] = Entity(
                self._next_id(), mention.text, "PERSON", None, role.sector, mentions=[mention]
            )
        return self.implicit[key].id

    def _phrase_entity(self, head: Token, agent: bool) -> str | None:
        """'A newspaper based in east Beirut', 'flood victims in Libya': an argument no name or
        role description covers becomes a GROUP entity of its own when its phrase says who it is
        (a role word, or a country or city in it). For an object only a place one preposition
        away counts: "plans for a truce in Oskel" are nobody of Oskel."""
        if head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_ in NOT_WHO_LABELS:
            return None
        if lexicon.names_a_time(head.text):
            return None  # "at dawn", "by midnight": when, not who
        if _an_occasion(head):
            return None
        named = _name_tokens(head, max_preps=None if agent else 1)
        # not "'s", nor a possessive pronoun ("its market regulator" is the market regulator)
        tokens = [head, *[t for t in named if t.dep_ not in {"det", "predet", "case"} and t.tag_ != "PRP$"]]
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        name = self.text[start:end]
        role = lexicon.roles().get(head.lower_) or lexicon.roles().get(lemma_of(head))
        # "media rights organizations condemned": a body of people that acts says who it is
        owned_party = lemma_of(head) in PARTY_NOUNS and any(c.dep_ == "poss" for c in head.children)
        body = role is None and agent and (lemma_of(head) in BODY_NOUNS or owned_party)
        people = role is None and agent and not body and self._people_met_first(head)
        code = code_from_name(name)
        if role is None and code is None and not body and not people:
            return None
        if people and code is None:
            # "candidates blasting the plan": the people, not what they are doing
            tokens = [t for t in tokens if not _inside_clause(t, head)]
            start, end = min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)
            name = self.text[start:end]
        mention = Span(start, end, name)
        for entity in self.implicit.values():
            if mention in entity.mentions:
                return entity.id
            if people and entity.generic and entity.name.lower() == name.lower():
                entity.mentions.append(mention)  # "investigators ... investigators": one group, not two
                return entity.id
        # A phrase with no role word ("a meeting of donors in Dakar") is where, not who: kept as
        # the event's argument, never counted as an actor.
        entity = Entity(
            self._next_id(),
            name,
            "GROUP",
            code,
            role.sector if role else None,
            mentions=[mention],
            coded_by="name" if code else None,
            generic=role is None and not body,  # "Lenders": who acted, but no one an analyst names
        )
        self.implicit[f"phrase:{start}"] = entity
        return entity.id

    @staticmethod
    def _people_met_first(head: Token) -> bool:
        """'Lenders froze their support', 'investigators detained the governor': a noun of people
        (``lexicon.who_nouns``) met for the first time says who acts though no role word covers
        it. A definite one ("the group") is more often a name said before, left to the implied
        actors of ``events``; a predicate ("a liar who pledged") says what someone is. One person
        ("a hitman") is most often someone the story names, left to the entity stage."""
        kind = lexicon.who_nouns().get(lemma_of(head))
        if not new_referent(head) or kind is None or (kind == "person" and head.tag_ != "NNS"):
            return False  # "a hitman": one person, most often one the story names
        first = head
        while first.dep_ == "conj":
            first = first.head
        return first.dep_ not in {"attr", "appos", "acomp"}

    def _next_id(self) -> str:
        return f"E{len(self.analysis.entities) + len(self.implicit) + 1}"

    def nationality_of(self, head: Token) -> str | None:
        """'Pakistani positions', 'Israeli airstrikes': the nation the qualifying word names.

        The entity stage leaves such qualifiers alone (they are not actors by themselves); as an
        event's argument the nation is the actor or target, so it becomes a GROUP entity here.
        """
        for child in head.children:
            if child.dep_ not in {"amod", "compound"} or child.i in self.analysis.token_mentions:
                continue
            code = lexicon.demonyms().get(child.lower_) if child.ent_type_ in {"NORP", "GPE"} else None
            if code is not None:
                return self._nation_entity(child, code)
        return None


# Recognised quantities and times: never who an argument is.
NOT_WHO_LABELS = {"DATE", "TIME", "MONEY", "CARDINAL", "PERCENT"}


def _appositive_after(head: Token) -> Token | None:
    """'deals between Marovia and a rebel militia, the Velmar Front': a name set off
    by a comma right after a description, which the parser hung on another noun as its apposition."""
    doc = head.doc
    if head.pos_ != "NOUN" or head.i + 2 >= len(doc) or doc[head.i + 1].text != ",":
        return None
    name = doc[head.i + 2]
    name = name.head if name.dep_ in {"det", "compound"} and name.head.i > name.i else name
    return name if name.dep_ == "appos" and name.head != head else None


def conjuncts(token: Token) -> list[Token]:
    return [c for c in token.conjuncts if c.i > token.i]


def _closed_before_and(appos: Token) -> bool:
    """Whether a comma closes the apposition right before its "and" ("X, the host, and Y"), not
    "X, the host and sponsor", where the "and" joins two descriptions."""
    cc = next((c for c in appos.children if c.dep_ == "cc" and c.i > appos.i), None)
    return cc is not None and appos.doc[cc.i - 1].text == ","


def _described_coordination(noun: Token) -> list[Token]:
    """'Ann Vale and Tomas Brell, two donors who back Veld': a plural description in apposition to
    one of coordinated names (the parser hangs it on one) describes them all."""
    if noun.dep_ != "appos" or noun.tag_ not in {"NNS", "NNPS"}:
        return []
    described = noun.head
    while described.dep_ == "conj" and described.head != described:
        described = described.head
    return [described, *conjuncts(described)] if conjuncts(described) else []


def _name_tokens(head: Token, max_preps: int | None = None) -> list[Token]:
    """The phrase that names a group: 'newspaper based in Beirut', without relative clauses.

    ``max_preps`` limits how many prepositions deep it goes: 'flood victims in Libya' names
    people of Libya, but 'plans for a truce in Oskel' does not name anyone of Oskel.
    """
    return descendants(
        head,
        lambda child, preps: (
            child.dep_ in {"relcl", "appos", "conj", "cc", "punct", "advcl", "ccomp", "xcomp"}
            or (max_preps is not None and preps > max_preps)
            or _says_when(child)
        ),
    )


def _inside_clause(token: Token, head: Token) -> bool:
    """Whether ``token`` stands in a clause that describes ``head`` ("candidates blasting ...")."""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "acl":
            return True
        token = token.head
    return False


def _says_when(token: Token) -> bool:
    """'on Wednesday', 'last week': when something happened, never part of whom a phrase names."""
    if token.ent_type_ in {"DATE", "TIME"}:
        return True
    return token.dep_ == "prep" and any(
        g.ent_type_ in {"DATE", "TIME"} for g in token.children if g.dep_ == "pobj"
    )


def _phrase_tokens(head: Token) -> list[Token]:
    """The tokens of ``head``'s noun phrase, nearest first, leaving out clauses inside it.

    A place says whose people a group is ("refugees in Liberia"), but not whose a thing is
    ("plans for a truce in Oskel"), so where-phrases count under people only.
    """
    people = head.lower_ in lexicon.roles() or lemma_of(head) in lexicon.roles()
    tokens = descendants(
        head,
        lambda child, _: (
            child.dep_ in {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl"}
            or (not people and child.dep_ == "prep" and child.lower_ in WHERE_PREPS)
        ),
    )
    return sorted(tokens, key=lambda t: abs(t.i - head.i))


def _an_occasion(head: Token) -> bool:
    """'At a meeting of donors in Dakar', 'during a conference of lenders': where and when an act
    took place, not a party to it."""
    return head.dep_ == "pobj" and head.head.lower_ in OCCASION_PREPS and lemma_of(head) in OCCASIONS
