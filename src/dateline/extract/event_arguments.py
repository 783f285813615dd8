"""Arguments: who acts and who is acted on, as entity ids, and the GROUP entities they add.

Decided here (``ArgumentFinder``):

* actors: the subject (the ``by`` agent of a passive; the controller of "tried to hack"; the
  speaker for an unresolved "it" in what it says, and for "we" or "I" in a quotation); conjoined
  subjects are a compound actor ("Jordan and Britain agreed"); a noun trigger's actor is its
  possessor or its between / by / from phrase, the by-agent of a participle describing it
  ("attacks carried out by the Front"), else the nation qualifying it ("new American sanctions");
  with no by-agent, the body one is expelled or deported from and the side one is killed fighting;
  the body whose meeting it is ("a NATO summit"); whose armed men they are ("his forces"); the
  body a representative speaks for (``event_bodies``); both parties to an agreement;
* pronouns the entity stage leaves alone (in quotations, and "it"): the nearest agreeing name
  before them; acronyms and names the parser missed: the entity they name elsewhere in the text;
* recipients: the object, a dative, or the object of with / to / against / on ..., with the
  possessor of a non-actor object as the recipient ("rejected Hamas's proposal"), never the
  actor's own forces, and for AID the receiver before what is given; when an event names none,
  the recipient of the event in its complement (``inherit_recipients``);
* which entity a noun phrase stands for: a mention, a nation named by a qualifier ("Pakistani
  positions"), coordinated nations ("Turkish and Russian troops"), or a phrase that says who it is
  ("a newspaper based in Beirut"): these last become GROUP entities of this stage (``implicit``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.actors import code_from_name
from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.entity_descriptions import PRONOUNS
from dateline.extract.event_bodies import Bodies, represents
from dateline.extract.event_parse import (
    LOCATION_PREPS,
    OBJECTS,
    SUBJECTS,
    bare_participle,
    by_agent,
    descendants,
    infinitive_to,
    lemma_of,
    objects_of,
    own_thing,
    participle_agents,
    passive_agent,
    passive_described,
    passive_subjects,
    subject_of,
)
from dateline.extract.event_triggers import Found
from dateline.extract.text_spans import SpanOwners
from dateline.knowledge import capital_of
from dateline.model import Entity, Event, Quote, Span

WHERE_PREPS = {"in", "at", "near", "inside", "outside", "across"}
RECIPIENT_PREPS = {
    "with", "to", "against", "on", "upon", "at", "toward", "towards", "into", "from", "for", "of", "over",
}  # fmt: skip


# Nouns for a body of people (not in the role lexicon, whose words are people), which as a subject
# is an actor of its own: "rights organizations condemned", "aid agencies warned".
BODY_NOUNS = frozenset({
    "organization", "organisation", "association", "union", "agency", "watchdog", "institution",
    "coalition", "federation", "charity", "ngo", "body", "alliance", "network", "syndicate",
    "committee", "commission", "council", "panel", "board", "caucus", "tribunal", "regulator",
    "embassy", "consulate", "mission", "delegation",
})  # fmt: skip

# First-person pronouns: in a quotation they stand for its speaker.
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my", "myself"})

# Words by which a group is said to act for a named side, and the prepositions that name it.
ALLEGIANCE = {
    "linked": {"with", "to"}, "loyal": {"to"}, "affiliated": {"with", "to"}, "belonging": {"to"},
    "allied": {"with", "to"}, "aligned": {"with"}, "tied": {"to"},
}  # fmt: skip


class ArgumentFinder:
    """The arguments of one text's events.

    ``place_at``: token index -> place id (a place after 'in' or 'at' is where, not whom);
    ``quotes``: the attributions by their content spans ("we" in a quotation is its speaker);
    ``implicit``: the GROUP entities this stage adds, by key, in the order they were made."""

    def __init__(
        self,
        analysis: EntityAnalysis,
        text: str,
        place_at: dict[int, object],
        quotes: SpanOwners[Quote] | None = None,
    ) -> None:
        self.analysis = analysis
        self.text = text
        self.place_at = place_at
        self.quotes = quotes if quotes is not None else SpanOwners([])
        self._names: dict[str, str] | None = None  # one-word names -> their entity, read when first asked
        self.implicit: dict[str, Entity] = {}  # argument entities this stage adds (see find_events)
        self.bodies = Bodies(analysis, self._name_of_word)

    def entity(self, entity_id: str) -> Entity:
        """An argument's entity, whether the entity stage found it or this stage added it."""
        added = next((e for e in self.implicit.values() if e.id == entity_id), None)
        return added or self.analysis.by_id(entity_id)

    def actors(self, item: Found) -> list[str]:
        ids = self._doers(item)
        if item.entry.type == "CONSULT":
            ids += [i for i in self._meeting_bodies(item.token) if i not in ids]
        if item.entry.type == "AGREE" and item.token.pos_ == "NOUN":
            # "Italy's agreement with Albania", "reached a deal with the rebels": both agree
            ids += [i for i in self._entities_for(objects_of(item.token, {"with"})) if i not in ids]
        return ids

    def _meeting_bodies(self, noun: Token) -> list[str]:
        """'a Security Council meeting', 'a NATO summit': the body whose meeting it is takes part
        in it, besides whoever the sentence says spoke or went there."""
        if noun.pos_ not in {"NOUN", "PROPN"}:
            return []
        found = [self.analysis.mention_at(c.i) for c in noun.children if c.dep_ == "compound"]
        return list(dict.fromkeys(m[1].id for m in found if m is not None and m[1].type == "ORG"))

    def _doers(self, item: Found) -> list[str]:
        token = item.token
        if token.pos_ in {"NOUN", "PROPN"} and not item.through_verb:
            # A noun trigger's own actor: "Blinken's plea", "talks between Israel and Hamas".
            own = [c for c in token.children if c.dep_ == "poss"]
            # They name who acts, as a subject does ("the committee's demands", "calls by the union").
            ids = self._entities_for(own + objects_of(token, {"between", "by", "from", "among"}), agents=True)
            if not ids:  # "attacks carried out by the Front", "an offensive launched by the army"
                ids = self._entities_for(participle_agents(token), agents=True)
            if not ids and item.received:  # "received aid from the WFP": the giver hangs on the verb
                ids = self._entities_for(objects_of(item.clause, {"from", "by"}))
            ids = ids or self._entities_for(_modifiers(token))
            nation = None if ids else self._nationality_of(token)  # "new American sanctions"
            return [nation] if nation else ids
        clause = item.clause
        agent = passive_agent(clause)
        if agent is None and passive_described(clause) is not None:
            # "the leader who was killed", "the Front, attacked by Marovian troops": the noun
            # described is done to; only a by-phrase says who did it.
            agent = by_agent(clause)
            if agent is None:
                return []
        if agent is None and bare_participle(clause):
            # "Aided by Marovia and opposed by Dorvan, the Front held on": a participle with no
            # subject of its own says who acts only in its by-phrase.
            agent = by_agent(clause)
        if agent is not None:
            return self._with_their_side(self._entities_for([agent], agents=True), agent)
        body = self._expelling_body(clause) or self._fight_opponent(clause)
        if body:
            return body
        subject = subject_of(clause)
        if subject is None:
            return []
        # "attacks carried out by the Front killed 20": who carried out the subject did the killing
        subject = next(iter(participle_agents(subject, DOING_VERBS)), subject)
        ids = self._with_their_side(self._entities_for([subject], agents=True), subject)
        speaker = _speech_subject(clause)
        personal = subject.tag_ == "PRP"  # not "another", "one", "some": someone else, unnamed
        if not ids and personal and speaker is not None and not self._quoted_other(subject):
            # "Syria says it is willing to withdraw": an unresolved "it" or "we" in what an actor
            # says is that actor.
            ids = self._entities_for([speaker], agents=True)
        return ids + self._own_spokesman(ids, speaker)

    def _expelling_body(self, verb: Token) -> list[str]:
        """'Brell was expelled from the Velmar Front', 'was suspended from the union', 'were
        deported from Marovia': with no by-agent, the party, body or country one is put out of is
        the one that put him out."""
        if lemma_of(verb) not in EXPELLING_VERBS or not passive_subjects(verb):
            return []
        places = objects_of(verb, {"from"})[:1]  # "deported from Marovia and Kessaria": both
        bodies = [
            m[1]
            for g in places
            for t in [g, *_conjuncts(g)]
            if (m := self.analysis.mention_at(t.i)) is not None
        ]
        return list(dict.fromkeys(e.id for e in bodies if e.type in {"ORG", "GPE"}))

    def _fight_opponent(self, verb: Token) -> list[str]:
        """'Veld was killed in a shootout with the guards', 'soldiers were wounded in clashes with
        Front fighters': with no by-agent, who fought the one killed is who killed him."""
        if lemma_of(verb) not in HARMING_VERBS or not passive_subjects(verb):
            return []
        fights = [f for f in objects_of(verb, {"in", "during"}) if lemma_of(f) in FIGHT_NOUNS]
        return self._entities_for([o for f in fights for o in objects_of(f, {"with"})], agents=True)

    def _own_spokesman(self, ids: list[str], speaker: Token | None) -> list[str]:
        """'Interior Minister Arno Veld announced Marovia had given the agency a week': the official
        who announces his own country's act acts with it."""
        found = self.analysis.mention_at(speaker.i) if speaker is not None else None
        if found is None or found[1].type != "PERSON" or found[1].id in ids or found[1].code is None:
            return []
        countries = [self.entity(i) for i in ids]
        own = any(e.type == "GPE" and e.code == found[1].code for e in countries)
        return [found[1].id] if own else []

    def recipients(self, item: Found) -> list[str]:
        clause = item.clause
        if item.received:
            subject = subject_of(clause)
            return self._entities_for([subject]) if subject is not None else []
        candidates: list[Token] = []
        if passive_agent(clause) is not None or self._expelling_body(clause) or self._fight_opponent(clause):
            candidates += passive_subjects(clause)  # "Brell was expelled from the Front": Brell
        described = passive_described(clause)
        if described is not None:
            candidates.append(described)
        asked = _for_to_clause(item.dependent)
        if asked is not None:
            # "called for Marovia and its allies to organize forces": whoever is to act is the one
            # asked (as in "called on Marovia to"); what they are to act on is no recipient.
            subjects = [c for c in asked.children if c.dep_ in SUBJECTS]
            return self._entities_for(subjects, agents=True) if subjects else []
        # The trigger, its clause and the object an entry asked for ("sanctions on Syria").
        holders = list(dict.fromkeys(h for h in (item.token, clause, item.dependent) if h is not None))
        # "deployed troops", "withdrew its troops": the actor's own forces, not a target.
        own_forces = item.entry.type == "MOBILIZE" or (item.entry.type, item.entry.mode) == (
            "RETREAT",
            "withdraw",
        )
        objects = [
            child
            for holder in holders
            for child in holder.children
            if child.dep_ in OBJECTS and child.i != item.token.i and not own_forces and not own_thing(child)
        ]
        phrases = [
            g
            for holder in holders
            for child in holder.children
            if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS | {"between"}
            for g in child.children
            if g.dep_ == "pobj" and not (g.i in self.place_at and _in_location_phrase(g))
        ]
        # What is given is the object; who receives it the to-phrase ("delivered a system to Ukraine").
        candidates += phrases + objects if item.entry.type == "AID" else objects + phrases
        # "demanded that Greece withdraw": the one asked, warned or accused is the clause's subject.
        candidates += [
            s for c in clause.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJECTS
        ]
        for candidate in candidates:
            ids = self._entities_for([candidate])
            if ids:
                return ids
            for noun in _object_owners(candidate):
                ids = self._entities_for([noun])
                if ids:
                    return ids
        return []

    def _entities_for(self, heads: list[Token], agents: bool = False) -> list[str]:
        """Entity ids for noun phrases headed by ``heads`` and their conjuncts.

        With ``agents`` (subjects, passive agents) a phrase no entity covers may become one of its
        own; an object no entity covers is usually a thing ("turned down plans for a truce
        in Oskel"), not an actor.
        """
        ids: list[str] = []
        for head in heads:
            for token in _described_coordination(head) or [head, *_conjuncts(head)]:
                found = (
                    self._pair_referents(token)
                    or self._coordinated_nations(token)
                    or self._first_person(token)
                    or self._listed_nation(token, head)
                )
                if not found:
                    phrase_entity = self._entity_of_phrase(token, agents)
                    found = [phrase_entity] if phrase_entity else []
                ids += [entity for entity in found if entity not in ids]
        return ids

    def _pair_referents(self, head: Token) -> list[str]:
        """'Both countries withdrew ambassadors', 'officials of the two sides met', 'the two
        countries' leaders met': the two named just before (in this sentence or the one before
        it), not the one who says so."""
        found = self.analysis.mention_at(head.i)
        if found is not None and found[1].type != "GROUP":
            return []
        owners = [c for c in head.children if c.dep_ == "poss"]
        for noun in [head, *objects_of(head, {"of", "from"}), *owners]:
            kind = _pair_kind(noun)
            if kind is not None:
                return self._last_two(noun, kind)
        return []

    def _last_two(self, head: Token, kind: str) -> list[str]:
        """The two entities of ``kind`` ('country' or 'side') named last before ``head``: in its
        sentence or the one before, and for countries also the one before that (only a country
        can be one of "the two countries"; any named body can be a side)."""
        sentence = head.sent
        start = _sentence_before(head.doc, sentence.start_char)
        if kind == "country":
            start = _sentence_before(head.doc, start)
        speakers = [
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            for clause in [head, *head.ancestors]
            if clause.dep_ == "ccomp"
            for c in clause.head.children
            if c.dep_ in SUBJECTS
        ]
        # "talks began in Doha": a place where something happened is no side.
        places = {t.idx for t in head.doc if start <= t.idx < head.idx and _in_location_phrase(t)}
        named = sorted(
            (
                (mention.start, entity)
                for entity in self.analysis.entities
                for mention in entity.mentions
                if start <= mention.start and mention.end <= head.idx and mention.start not in places
                and not any(a <= mention.start < b for a, b in speakers)
            ),
            key=lambda found: -found[0],
        )  # fmt: skip
        chosen: dict[str, tuple[int, Entity]] = {}
        for position, entity in named:
            key = _pair_key(entity, kind)
            if key is not None and key not in chosen:
                chosen[key] = (position, entity)
            if len(chosen) == 2:
                return [entity.id for _, entity in sorted(chosen.values(), key=lambda found: found[0])]
        return []

    def _with_their_side(self, ids: list[str], head: Token) -> list[str]:
        """``ids`` and the named side a group acts for: 'militants linked with the Baloch Liberation
        Army attacked', 'rebels loyal to the Velmar Front seized', 'fighters from the Northern
        Alliance shelled': the army, the front and the alliance act too (a country a group comes
        from is only where it comes from)."""
        sides = [
            obj
            for token in [head, *_conjuncts(head)]
            for word in token.children
            if word.dep_ in {"acl", "amod"} and word.lower_ in ALLEGIANCE
            for prep in word.children
            if prep.dep_ == "prep" and prep.lower_ in ALLEGIANCE[word.lower_]
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        members_of = [  # "fighters from the Northern Alliance", "gunmen of the Front": an organisation's own
            obj
            for token in [head, *_conjuncts(head)]
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in {"from", "of"}
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        # "rights groups, including Amnesty International and the Bar Association, sued": the
        # members named act with the group.
        included = [
            member
            for token in [head, *_conjuncts(head)]
            for obj in objects_of(token, {"including"})
            for member in [obj, *_conjuncts(obj)]
        ]
        named = [m[1] for obj in sides + included if (m := self.analysis.mention_at(obj.i)) is not None]
        named += [
            m[1]
            for obj in members_of
            if (m := self.analysis.mention_at(obj.i)) is not None and m[1].type == "ORG"
        ]
        kinds = {"ORG", "GPE", "PERSON"} if included else {"ORG", "GPE"}
        named = [e for e in named if e.type in kinds] + self._commanders(head)
        ids = ids + list(dict.fromkeys(e.id for e in named if e.id not in ids))
        # "a spokesman for the Front", "officials of the council": the body they speak for (event_bodies)
        return ids + self.bodies.spoken_for(head, ids)

    def _commanders(self, head: Token) -> list[Entity]:
        """'his forces had killed 200 fighters', 'Veld's troops shelled the town': whose armed men
        they are acts through them."""
        owners = [
            owner
            for token in [head, *_conjuncts(head)]
            if (role := lexicon.roles().get(token.lower_)) is not None and role.sector in ARMED_SECTORS
            for owner in token.children
            if owner.dep_ == "poss"
        ]
        return [m[1] for owner in owners if (m := self.analysis.mention_at(owner.i)) is not None]

    def _listed_nation(self, token: Token, head: Token) -> list[str]:
        """'criticized by the U.N., French, Chinese and Mexican envoys': a nationality word listed
        among the actors, the parser's conjunct, is that nation (its noun comes only at the end)."""
        if token.i == head.i or token.pos_ != "ADJ" or token.ent_type_ not in {"NORP", "GPE"}:
            return []
        if token.i in self.analysis.token_mentions:
            return []
        code = lexicon.demonyms().get(token.lower_)
        return [self._nation_entity(token, code)] if code else []

    def _coordinated_nations(self, head: Token) -> list[str]:
        """'Egyptian and Saudi naval forces', 'Turkish and Russian troops': one phrase, two actors.

        Each nation becomes a GROUP entity with the sector of the phrase's role word."""
        qualifiers = [c for c in head.children if c.dep_ in {"amod", "compound"}]
        nations = [t for q in qualifiers for t in [q, *_conjuncts(q)] if t.ent_type_ in {"NORP", "GPE"}]
        codes = list(dict.fromkeys(c for t in nations if (c := lexicon.demonyms().get(t.lower_))))
        if len(codes) < 2:
            return []
        role = lexicon.roles().get(head.lower_) or lexicon.roles().get(lemma_of(head))
        sector = role.sector if role else None
        words = {code: next(t for t in nations if lexicon.demonyms().get(t.lower_) == code) for code in codes}
        return [self._nation_entity(words[code], code, sector) for code in codes]

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
        found = self.analysis.mention_at(head.i)
        if found is not None:
            return found[1].id
        referent = self._antecedent(head) or self._named_again(head)
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
        nationality = self._nationality_of(head)
        if nationality is not None:
            return nationality
        # The head is not a mention ("officials of the two countries", "doctors from an aid
        # group"): its owner ("Colombia's peace accord with the rebels"), else the closest mention
        # inside its own phrase, not in a nested clause.
        owners = [c for c in head.children if c.dep_ == "poss"]
        if agent and owners and represents(head):
            # "its market regulator opened an inquiry": the organ acts, and its owner with it
            # (``_with_their_side``)
            organ = self._phrase_entity(head, agent)
            if organ is not None:
                return organ
        for token in [*owners, *_phrase_tokens(head)]:
            found = self.analysis.mention_at(token.i)
            if found is not None:
                return found[1].id
        return self._phrase_entity(head, agent)

    def _first_person(self, head: Token) -> list[str]:
        """'"We will keep working with the ministry," Veld said': "we", "I", "us" or "our" in a
        quotation is the one quoted (of the first quote holding it with a known speaker); "we" of a
        spokesperson is also the body the speaker's own words name ("a DHS spokesperson")."""
        if not first_person(head.text):
            return []
        quote = next((q for q in self.quotes.holding(head.idx) if q.speaker and q.speaker.entity), None)
        if quote is None or quote.speaker is None or quote.speaker.entity is None:
            return []
        speaker, words = quote.speaker.entity, quote.speaker
        span = head.doc.char_span(words.start, words.end, alignment_mode="expand")
        plural = span is not None and head.lower_ not in SINGULAR_FIRST_PERSON
        body = [b for w in (span if plural and span is not None else []) if (b := self._named_again(w))]
        return list(dict.fromkeys([speaker, *(b for b in body if b != speaker)]))

    def _antecedent(self, pronoun: Token) -> str | None:
        """The name a pronoun the entity stage left alone stands for: the nearest agreeing name
        before it, never the speaker nor another argument of its own verb ("Veld told him").

        In words quoted verbatim, a name in the same quotation ('"The Taliban barring her shows that
        their crackdown goes on," Barr said'), and for a person also in the sentence before it ('Veld
        was killed. "He opened fire on a patrol," the chief said'). An unquoted "it" as subject, a
        body that acted in its own or the sentence before ("the agency received less than it sought")."""
        agreement = THIRD_PERSON.get(pronoun.lower_)
        if agreement is None or pronoun.lower_.endswith(("self", "selves")):
            return None  # a reflexive is its own clause's subject ("blew themselves up")
        quote = next((q for q in self.quotes.holding(pronoun.idx) if q.kind == "direct"), None)
        if quote is not None:
            start = max(c.start for c in quote.content if c.start <= pronoun.idx)
            start = _sentence_before(pronoun.doc, start) if agreement[1] else start
        elif pronoun.lower_ == "it" and pronoun.dep_ in SUBJECTS:
            start = _sentence_before(pronoun.doc, pronoun.sent.start_char)
        else:
            return None
        speaker = quote.speaker.entity if quote is not None and quote.speaker else None
        types = {"PERSON"} if agreement[1] else {"ORG", "GPE", "GROUP"}
        before = [
            (mention.start, entity.id)
            for entity in self.analysis.entities
            if entity.type in types and entity.id != speaker and not entity.generic
            for mention in entity.mentions
            if start <= mention.start and mention.end <= pronoun.idx
            and not _same_verb(pronoun, mention) and (agreement[1] or _subject_mention(pronoun, mention))
        ]  # fmt: skip
        return max(before)[1] if before else None

    def _named_again(self, head: Token) -> str | None:
        """'Regional Asylum and Immigration Network ... Last month, RAIN deported 40 detainees': a
        name or acronym the text already gave one entity names it again where the parser tagged it
        no name (the small model reads a bare acronym as a common noun)."""
        if not (head.pos_ == "PROPN" or (head.is_upper and len(head.text) > 1 and head.is_alpha)):
            return None
        return self._name_of_word(head)

    def _name_of_word(self, word: Token) -> str | None:
        """The entity a one-word name or acronym stands for, whatever the parser tagged it."""
        if self._names is None:
            self._names = _names_of(self.analysis.entities)
        return self._names.get(word.text)

    def _quoted_other(self, pronoun: Token) -> bool:
        """'"He opened fire on a patrol," the police chief said': in a speaker's own words, quoted
        verbatim, "he", "she", "it" or "they" is someone else (the speaker would say "I" or "we")."""
        return not first_person(pronoun.text) and any(
            q.kind == "direct" for q in self.quotes.holding(pronoun.idx)
        )

    def _phrase_entity(self, head: Token, agent: bool) -> str | None:
        """'A newspaper based in east Beirut', 'flood victims in Libya': an argument no name or
        role description covers becomes a GROUP entity of its own when its phrase says who it is
        (a role word, or a country or city in it). For an object only a place one preposition
        away counts: "plans for a truce in Oskel" are nobody of Oskel."""
        if head.pos_ not in {"NOUN", "PROPN"} or head.ent_type_ in NOT_WHO_LABELS:
            return None
        if lexicon.names_a_time(head.text):
            return None  # "at dawn", "by midnight": when, not who
        named = _name_tokens(head, max_preps=None if agent else 1)
        # not "'s", nor a possessive pronoun ("its market regulator" is the market regulator)
        tokens = [head, *[t for t in named if t.dep_ not in {"det", "predet", "case"} and t.tag_ != "PRP$"]]
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        name = self.text[start:end]
        role = lexicon.roles().get(head.lower_) or lexicon.roles().get(lemma_of(head))
        # "media rights organizations condemned": a body of people that acts says who it is
        body = role is None and agent and lemma_of(head) in BODY_NOUNS
        code = code_from_name(name)
        if role is None and code is None and not body:
            return None
        mention = Span(start, end, name)
        for entity in self.implicit.values():
            if mention in entity.mentions:
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
            generic=role is None and not body,
        )
        self.implicit[f"phrase:{start}"] = entity
        return entity.id

    def _next_id(self) -> str:
        return f"E{len(self.analysis.entities) + len(self.implicit) + 1}"

    def _nationality_of(self, head: Token) -> str | None:
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


def _sentence_before(doc: Doc, start: int) -> int:
    """Where the sentence before the one at character ``start`` begins (or that one, if first)."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.sent.start == 0:
        return start
    return doc[span.sent.start - 1].sent.start_char


def _subject_mention(pronoun: Token, mention: Span) -> bool:
    """Whether ``mention`` is a subject or its owner ("Kenya's announcement came"): "it" and "they"
    go on with a name that acted, not with one acted on or a place ("the deal has language where
    it talks")."""
    found = pronoun.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    root = found.root if found is not None else None
    subjects = SUBJECTS | {"nsubjpass"}
    return root is not None and (
        root.dep_ in subjects or (root.dep_ == "poss" and root.head.dep_ in subjects)
    )


def _same_verb(pronoun: Token, mention: Span) -> bool:
    """Whether ``mention`` is another argument of the verb the (non-possessive) pronoun belongs to."""
    found = pronoun.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return found is not None and pronoun.dep_ != "poss" and found.root.head == pronoun.head


def _names_of(entities: list[Entity]) -> dict[str, str]:
    """One-word names -> the one entity that has them as a mention, or whose initials they are
    ('RAIN' for Regional Asylum and Immigration Network); a word two entities share names neither."""
    owners: dict[str, set[str]] = {}
    for entity in entities:
        if entity.type not in {"PERSON", "ORG", "GPE"}:
            continue
        words = [m.text for m in entity.mentions if " " not in m.text and m.text[:1].isupper()]
        capitals = [w[0] for w in entity.name.split() if w[:1].isupper()]
        if entity.type == "ORG" and len(capitals) > 1:
            words.append("".join(capitals))
        for word in words:
            if word.lower() not in NOT_NAMES or word == COUNTRY_US:
                owners.setdefault(word, set()).add(entity.id)
    return {word: next(iter(ids)) for word, ids in owners.items() if len(ids) == 1}


SINGULAR_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})  # only ever the speaker
COUNTRY_US = "US"  # in capitals the country, never "us"


def first_person(word: str) -> bool:
    """Whether a word is "we", "us", "our", "I", ... in any case but "US", the country."""
    return word.lower() in FIRST_PERSON and word != COUNTRY_US


# Third-person pronouns -> (gender, or "n" for things and "p" for plural; whether a person).
THIRD_PERSON = {**PRONOUNS, "it": ("n", False)}

# Words that are a mention of an entity but never its name: pronouns, also capitalised.
NOT_NAMES = frozenset(PRONOUNS) | FIRST_PERSON | {"it"}


def inherit_recipients(found: list[Found], by_token: dict[int, Event]) -> None:
    """'vowed to retaliate against Israel', 'urged calm in Gaza': the target named in the complement.

    ``by_token``: the event of each trigger's head token."""
    for item in found:
        event = by_token[item.token.i]
        if event.recipients:
            continue
        for child in item.token.children:
            inner = by_token.get(child.i) if child.dep_ in {"xcomp", "ccomp"} else None
            if inner is not None:
                event.recipients = [r for r in inner.recipients if r not in event.actors]
                break


# Plural nouns that, as "both ..." or "the two ...", stand for two actors named before: countries
# (a country or its capital: "Ankara ... Israel ... both countries") or any two sides.
PAIR_NOUNS = {  # noun -> the kind of the two it stands for
    "countries": "country", "nations": "country", "states": "country", "governments": "country",
    "neighbors": "country", "neighbours": "country", "capitals": "country",
    "sides": "side", "parties": "side", "rivals": "side", "adversaries": "side", "groups": "side",
}  # fmt: skip


def _pair_kind(noun: Token) -> str | None:
    """'country' or 'side' for 'both countries', 'the two sides', 'both warring parties'; else None."""
    kind = PAIR_NOUNS.get(noun.lower_)
    words = {c.lower_ for c in noun.children if c.dep_ in {"det", "predet", "nummod"}}
    # "both Afghan rivals" says whose they are itself.
    national = any(c.ent_type_ in {"NORP", "GPE"} for c in noun.children if c.dep_ in {"amod", "compound"})
    return kind if kind and not national and ("both" in words or {"the", "two"} <= words) else None


def _pair_key(entity: Entity, kind: str) -> str | None:
    """What makes two referents of a pair different: a country's code, else the entity."""
    if kind == "country":
        is_country = entity.type == "GPE" and (lexicon.country_code(entity.name) or capital_of(entity.name))
        return entity.code if is_country and entity.code else None
    if entity.type not in {"GPE", "ORG", "GROUP"} or entity.generic:
        return None
    return entity.code if entity.type == "GPE" and entity.code else entity.id


def _speech_subject(clause: Token) -> Token | None:
    """The subject of the verb whose that-clause ``clause`` is ('Syria' in 'Syria says it is')."""
    while clause.dep_ in {"xcomp", "conj", "acomp"} and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    return next((c for c in clause.head.children if c.dep_ in SUBJECTS), None)


def _for_to_clause(dependent: Token | None) -> Token | None:
    """The for-to clause a row asked for ("called for the Front to end the blockade"), if it is one."""
    if dependent is None or dependent.dep_ not in {"advcl", "ccomp"} or infinitive_to(dependent) is None:
        return None  # "called for 20,000 troops split between": a for-phrase the parser misread
    return dependent if any(c.dep_ == "mark" and c.lower_ == "for" for c in dependent.children) else None


def _conjuncts(token: Token) -> list[Token]:
    return [c for c in token.conjuncts if c.i > token.i]


def _described_coordination(noun: Token) -> list[Token]:
    """'Ann Vale and Tomas Brell, two donors who back Veld': a plural description in apposition to
    one of coordinated names (the parser hangs it on one) describes them all."""
    if noun.dep_ != "appos" or noun.tag_ not in {"NNS", "NNPS"}:
        return []
    described = noun.head
    while described.dep_ == "conj" and described.head != described:
        described = described.head
    return [described, *_conjuncts(described)] if _conjuncts(described) else []


# Sectors of armed men, whose owner acts through them ("his forces", "Veld's troops").
ARMED_SECTORS = frozenset({"MIL", "REB", "POL"})

# Verbs of putting someone out of a body: passive with a from-phrase and no by-agent, that body
# acted ("was expelled from the party").
EXPELLING_VERBS = frozenset({"expel", "suspend", "oust", "dismiss", "eject", "ban", "bar", "sack", "deport"})

# Being harmed in a fight with someone ("killed in a shootout with police"): that side did it.
HARMING_VERBS = frozenset({"kill", "wound", "injure", "hurt", "capture", "shoot"})
FIGHT_NOUNS = frozenset({
    "battle", "clash", "fighting", "gunfight", "shootout", "firefight", "skirmish", "confrontation",
    "encounter", "fight", "exchange",
})  # fmt: skip

# Verbs by which someone carries out an act: "attacks carried out by", "a raid launched by". Only
# with these is the agent of a participle describing a subject the one who acts ("soldiers trained
# by Marovian officers attacked" were not attacked by the officers).
DOING_VERBS = frozenset({
    "carry", "launch", "conduct", "stage", "mount", "perpetrate", "commit", "execute", "order",
    "orchestrate", "direct", "lead",
})  # fmt: skip


def _modifiers(noun: Token) -> list[Token]:
    """'Israeli airstrikes': the nationality or name qualifying a noun trigger."""
    return [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_]


def _object_owners(noun: Token) -> list[Token]:
    """Who owns the object: 'Hamas's proposal', 'the removal of President X', 'computers of officers'."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += objects_of(noun, {"of", "by", "from"})
    return owners


def _in_location_phrase(token: Token) -> bool:
    """The object of 'in', 'at', 'near', ... ('a curfew in Port Moresby', 'a post at Busia')."""
    while token.dep_ in {"compound", "amod"} and token.head != token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATION_PREPS


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
