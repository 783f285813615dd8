"""Arguments: who acts and who is acted on, as entity ids, and the GROUP entities they add.

Decided here (``ArgumentFinder``):

* actors: the subject (the ``by`` agent of a passive; the controller of "tried to hack"; the
  speaker for an unresolved "it" in what it says, and for "we" or "I" in a quotation, which
  ``event_references`` reads); conjoined subjects are a compound actor ("Jordan and Britain
  agreed"), also a list the parser read as a name and its apposition ("Mali, Burkina Faso and
  Niger quit"); who backs the subject in the act ("forces backed by African Union troops"); the
  one prompted to act ("prompting troops to fire", ``event_parse``); a noun trigger's actor is
  its possessor or its between / by / from phrase, the by-agent of a participle describing it
  ("attacks carried out by the Front"), else the nation qualifying it ("new American
  sanctions"); with no by-agent, the body one is expelled or deported from and the side one is
  killed fighting; the body whose meeting it is ("a NATO summit"); whose armed men they are
  ("his forces"); the body a representative speaks for (``event_bodies``); both parties to an
  agreement; the one armed force of its own a story names, beside a country that strikes or
  deploys ("Turkey carried out airstrikes" and the Turkish military); members an "including"
  phrase lists after an object that names no party ("criticized the raid, including Mayor Veld");
  whoever a caused noun came from ("drew criticism from rights groups"); the sides of a fight
  the parser hung on the verb of its happening ("fighting broke out Monday between A and B");
  the side a group's phrase names, where the group acts as "they" in what it says ("members of
  the Front said they would"); each party a people's from-phrase lists ("delegates from island
  states and coastal countries"); the by-agent of a participle the parser read as the main verb
  ("the Front, designated a terrorist group by Marovia, took up arms"); armed men sent with no
  by-agent ("troops were deployed"), and the force whose vehicles are ("police vehicles were
  deployed");
* who a word no mention covers refers to is asked of ``event_references`` (``References``):
  pronouns the entity stage leaves alone (in quotations, and "it"): the nearest agreeing name
  before them; acronyms and names the parser missed: the entity they name elsewhere in the text;
  "both countries", "the two sides": the two named just before;
* recipients: the object, a dative, or the object of with / to / against / on ..., with the
  possessor of a non-actor object as the recipient ("rejected Hamas's proposal"), never the
  actor's own forces, and for AID the receiver before what is given; when an event names none,
  the recipient of the event in its complement (``inherit_recipients``);
* which entity a noun phrase stands for, and the entities this stage adds where the entity stage
  found none, is asked of ``event_parties`` (``PartyFinder``).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_bodies import Bodies
from dateline.extract.event_force_senses import CONTESTED_NOUNS
from dateline.extract.event_named_nouns import WITHDRAWAL_NOUNS
from dateline.extract.event_noun_triggers import CAUSATIVE_VERBS, MATERIAL_ACTS, QUANTITY_NOUNS
from dateline.extract.event_parse import (
    OBJECTS,
    SUBJECTS,
    bare_participle,
    by_agent,
    in_location_phrase,
    infinitive_to,
    lemma_of,
    message_author,
    misread_reduced_passive,
    objects_of,
    own_thing,
    participle_agents,
    passive_agent,
    passive_described,
    passive_subjects,
    subject_of,
)
from dateline.extract.event_parties import PartyFinder, conjuncts
from dateline.extract.event_references import References
from dateline.extract.event_trigger_table import Found
from dateline.extract.event_types import STANCE_WORDS, WORDS_USED
from dateline.extract.text_spans import SpanOwners
from dateline.model import Entity, Event, Quote

RECIPIENT_PREPS = {
    "with", "to", "against", "on", "upon", "at", "toward", "towards", "into", "from", "for", "of", "over",
}  # fmt: skip

# Entity types that are only places (a country, a GPE, also acts as its state).
PLACE_TYPES = frozenset({"LOC", "FAC"})
# A place fought at or over may be a country too ("fighting for control of Kessaria's north").
FOUGHT_OVER_TYPES = PLACE_TYPES | {"GPE"}
# Deeds a country does through its armed forces.
ARMED_DEEDS = frozenset({"ASSAULT", "MOBILIZE"})
# Words that count people whose "including" names some of them ("dozens, including Veld"): the
# nouns that count up to thousands, with their plurals ("millions" is a population, no group one
# names members of), and the quantifiers that stand for people, no number words.
PEOPLE_QUANTIFIERS = frozenset({"many", "several", "some", "others"})
COUNTS = lexicon.with_plurals(lexicon.number_words("collective", most=1000)) | PEOPLE_QUANTIFIERS

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
        self.references = References(analysis, self.quotes)  # who a word refers to (event_references)
        self.bodies = Bodies(analysis, self.references.name_of_word)
        self.parties = PartyFinder(analysis, text, self.references)  # which entity a phrase names
        self.implicit = self.parties.implicit  # argument entities this stage adds (see find_events)
        self.entity = self.parties.entity

    def actors(self, item: Found) -> list[str]:
        ids = self._doers(item)
        if item.entry.type in ARMED_DEEDS:
            ids += [i for i in self._own_military(ids) if i not in ids]
        if item.entry.type == "CONSULT":
            ids += [i for i in self._meeting_bodies(item.token) if i not in ids]
        if item.entry.type == "AGREE" and item.token.pos_ == "NOUN":
            # "Italy's agreement with Albania", "reached a deal with the rebels": both agree
            ids += [i for i in self.parties.entities_for(objects_of(item.token, {"with"})) if i not in ids]
        return ids

    def _own_military(self, ids: list[str]) -> list[str]:
        """'Turkey carried out airstrikes', in a story that names the Turkish military: a country
        fights through its armed forces, and the one force of its own the story names acts with it."""
        by_id = {e.id: e for e in self.analysis.entities}
        codes = {by_id[i].code for i in ids if i in by_id and by_id[i].type == "GPE" and by_id[i].code}
        if len(codes) != 1 or any(i in by_id and by_id[i].sector == "MIL" for i in ids):
            return []
        forces = [
            e
            for e in self.analysis.entities
            if e.type in {"ORG", "GROUP"} and e.sector == "MIL" and e.code in codes
        ]
        return [forces[0].id] if len(forces) == 1 else []

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
            withdrawal = item.entry.type == "RETREAT" and lemma_of(token) in WITHDRAWAL_NOUNS
            giver = objects_of(item.clause, {"from", "by"}) if item.received else drawn_from(token)
            return self._noun_doers(token, withdrawal, giver)
        if _gerund_between(token):
            return self._noun_doers(token)  # "after fighting between the army and the Front": its sides
        clause = item.clause
        reduced = misread_reduced_passive(clause)
        if reduced is not None:  # "the Front, designated a terrorist group by Marovia and Dorvan, ..."
            return self.parties.entities_for([reduced[1]], agents=True)
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
            return self._with_their_side(self.parties.entities_for([agent], agents=True), agent)
        body = self._expelling_body(clause) or self._fight_opponent(clause) or self._forces_sent(item)
        if body:
            return body
        subject = subject_of(clause)
        if subject is None:
            return []
        # "attacks carried out by the Front killed 20": who carried out the subject did the killing
        subject = next(iter(participle_agents(subject, DOING_VERBS)), subject)
        subject = message_author(subject) or subject
        if lemma_of(subject) in FIGHT_NOUNS:
            # "Fighting between the army and the Front killed 12": both sides of the fight did it,
            # not the first party its phrase names
            sides = self._noun_doers(subject)
            if sides:
                return sides
        speaker = _speech_subject(clause)
        client = _lawyers_client(subject, speaker)
        if client is not None:
            return self.parties.entities_for([client], agents=True)
        ids = self._with_their_side(self.parties.entities_for([subject], agents=True), subject)
        if lemma_of(subject) in FIGHT_NOUNS:  # "clashes for control of the valley killed nine"
            ids = [i for i in ids if i not in self._places_fought_over(subject)]
        personal = subject.tag_ == "PRP"  # not "another", "one", "some": someone else, unnamed
        if not ids and personal and speaker is not None and not self.references.quoted_other(subject):
            # "Syria says it is willing to withdraw": an unresolved "it" or "we" in what an actor
            # says is that actor.
            ids = self.parties.entities_for([speaker], agents=True)
        if personal and speaker is not None and ids:
            ids = self._speakers_side(ids, speaker)
        ids += [i for i in self._own_spokesman(ids, speaker) if i not in ids]
        ids += [i for i in self._members_set_after(item, subject) if i not in ids]
        return ids + [i for i in self._speakers_own_body(subject, speaker) if i not in ids]

    def _speakers_side(self, ids: list[str], speaker: Token) -> list[str]:
        """'Members of the Front said they would hold a sit-in': "they" in what a group says is the
        group, and the side its phrase names ("of the Front") acts with it, as where the group
        acts in its own clause."""
        spoken = self.parties.entities_for([speaker], agents=True)
        if not spoken or not set(spoken) <= set(ids):
            return ids
        return ids + [i for i in self._with_their_side(spoken, speaker) if i not in ids]

    def _members_set_after(self, item: Found, subject: Token) -> list[str]:
        """'Local officials criticized the raid, including Mayor Arno Veld': an 'including' phrase
        set off after an object that names no party (a raid, remarks, a plan) lists members of the
        plural subject, who act with it; they are not whom the act is aimed at. After a deed's
        object only words say so ("fired back at his remarks, including Veld"): "raided offices,
        including the Times" lists what was raided."""
        clause = item.clause
        if subject.tag_ not in {"NNS", "NNPS"}:
            return []
        force = item.entry.type in MATERIAL_ACTS  # "detained scores, including Veld": whom it was done to
        held = [c for c in clause.children if c.dep_ in OBJECTS]
        held += [g for c in clause.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        members = [
            member
            for obj in held
            if self.analysis.mention_at(obj.i) is None
            and not _party_word(obj)
            and (not force or lemma_of(obj) in STANCE_WORDS | WORDS_USED)
            for prep in obj.children
            if prep.dep_ == "prep" and prep.lower_ == "including" and obj.doc[prep.i - 1].text == ","
            for top in prep.children
            if top.dep_ == "pobj"
            for member in [top, *conjuncts(top)]
        ]
        found = [m[1] for member in members if (m := self.analysis.mention_at(member.i)) is not None]
        return list(dict.fromkeys(e.id for e in found if e.type in {"PERSON", "ORG", "GPE"}))

    def _speakers_own_body(self, subject: Token, speaker: Token | None) -> list[str]:
        """'Veld said his government rejects the resolution', 'His government banned the Front': the
        one whose own government or party acts acts with it (and tells of it, in what he says)."""
        if lemma_of(subject) not in OWN_BODIES:
            return []
        owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}), None)
        if owner is None:
            return []
        span = (owner.idx, owner.idx + len(owner.text))
        named = [e for e in self.analysis.entities for m in e.mentions if (m.start, m.end) == span]
        if named:  # the person the entity stage took "his" for
            return [named[0].id] if named[0].type == "PERSON" else []
        # left inside the mention "his government": in what a person says, it is his own
        said = self.analysis.mention_at(speaker.i) if speaker is not None else None
        return [said[1].id] if said is not None and said[1].type == "PERSON" else []

    def _noun_doers(self, noun: Token, withdrawal: bool = False, giver: Sequence[Token] = ()) -> list[str]:
        """Who does what a noun names, by the noun's own words: "Blinken's plea", "talks between
        Israel and Hamas", "calls by the union", "new American sanctions". ``withdrawal``: its
        of-phrase withdraws ("the withdrawal of Marovian troops"); ``giver``: who gave what was
        received ("received aid from the WFP"), hung on the verb."""
        undergoer = self._undergoer(noun)
        own = [c for c in noun.children if c.dep_ == "poss" and c is not undergoer]
        # They name who acts, as a subject does ("the committee's demands", "calls by the union").
        preps = {"between", "by", "from", "among"} | ({"of"} if withdrawal else set())
        ids = self.parties.entities_for(own + objects_of(noun, preps), agents=True)
        if not ids and lemma_of(noun) in FIGHT_NOUNS and noun.dep_ == "nsubj":
            # "Fighting broke out on Monday between the army and the Front": the parser hangs the
            # sides on the verb of its happening; they fought each other
            ids = self.parties.entities_for(objects_of(noun.head, {"between", "among"}), agents=True)
        if not ids:  # "attacks carried out by the Front", "an offensive launched by the army"
            ids = self.parties.entities_for(participle_agents(noun), agents=True)
        if not ids and giver:
            # the giver acts as a subject does: "criticism from human rights organizations" makes
            # the organizations a body of their own, as "rights organizations criticized" would
            ids = self.parties.entities_for(list(giver), agents=True)
        # "a Chinese and Russian proposal": both nations, not only the last one listed
        ids = ids or self.parties.coordinated_nations(noun)
        ids = ids or self.parties.entities_for(_modifiers(noun))
        if undergoer is not None:  # "Ann Vale's detention": she is no modifier naming who acts
            undergoing = set(self.parties.entities_for([undergoer]))
            ids = [i for i in ids if i not in undergoing]
        nation = None if ids else self.parties.nationality_of(noun)  # "new American sanctions"
        return [nation] if nation else ids

    def _undergoer(self, noun: Token) -> Token | None:
        """'His arrest', 'Vale's detention', 'their trial': the person a noun of what is done to
        people has as its possessor undergoes it, where "Marovia's arrest of Vale" and "the
        army's crackdown" name who acts."""
        if lemma_of(noun) not in UNDERGONE_NOUNS or objects_of(noun, {"of"}):
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.tag_ == "PRP$" and owner.lower_ != "its":
            return owner
        mention = self.analysis.mention_at(owner.i)
        if mention is not None:
            return owner if mention[1].type in {"PERSON", "GROUP"} else None
        # "the protesters' arrest": a noun of people the entity stage left to this one
        return owner if lexicon.who_nouns().get(lemma_of(owner)) == "person" else None

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
            for t in [g, *conjuncts(g)]
            if (m := self.analysis.mention_at(t.i)) is not None
        ]
        return list(dict.fromkeys(e.id for e in bodies if e.type in {"ORG", "GPE"}))

    def _fight_opponent(self, verb: Token) -> list[str]:
        """'Veld was killed in a shootout with the guards', 'soldiers were wounded in clashes with
        Front fighters': with no by-agent, who fought the one killed is who killed him; 'killed in
        a Marovian drone attack': whoever the attack's own words name."""
        if lemma_of(verb) not in HARMING_VERBS or not passive_subjects(verb):
            return []
        harms = objects_of(verb, {"in", "during"})
        fights = [f for f in harms if lemma_of(f) in FIGHT_NOUNS]
        ids = self.parties.entities_for([o for f in fights for o in objects_of(f, {"with"})], agents=True)
        for attack in (f for f in harms if lemma_of(f) in ATTACK_NOUNS):
            if ids:
                break
            ids = self._noun_doers(attack)
        return ids

    def _forces_sent(self, item: Found) -> list[str]:
        """'Troops were deployed to the border', 'police had been sent to the area': with no
        by-agent, armed men sent somewhere are who moves, as in "troops deployed to the border"
        (the annotators name them, not whoever the story names nearby). Only armed men: "aid was
        sent" names no one who mobilizes."""
        if item.entry.type != "MOBILIZE" or item.token.pos_ != "VERB":
            return []
        subjects = passive_subjects(item.clause)
        # "armored police vehicles were deployed": the force whose equipment is sent moves
        subjects += [m for s in subjects for m in s.children if m.dep_ == "compound" and _armed_word(m)]
        sent = self.parties.entities_for(subjects, agents=True)
        return [i for i in sent if self.entity(i).sector in ARMED_SECTORS]

    def _own_spokesman(self, ids: list[str], speaker: Token | None) -> list[str]:
        """'Interior Minister Arno Veld announced Marovia had given the agency a week': the official
        who announces his own country's act acts with it. So does one whose own words say which
        body he speaks for ("A Velmar Front spokesperson said the group rejected the plan"): the
        annotators name the spokesman beside the body in what he says it did."""
        found = self.analysis.mention_at(speaker.i) if speaker is not None else None
        if found is None or found[1].type != "PERSON" or found[1].id in ids:
            return []
        doers = [self.entity(i) for i in ids]
        code = found[1].code
        own = code is not None and any(e.type == "GPE" and e.code == code for e in doers)
        own = own or any(e.type == "ORG" and _names_in(found[0].text, e) for e in doers)
        return [found[1].id] if own else []

    def recipients(self, item: Found) -> list[str]:
        clause = item.clause
        if item.received:
            subject = subject_of(clause)
            return self.parties.entities_for([subject]) if subject is not None else []
        candidates: list[Token] = []
        if (
            passive_agent(clause) is not None
            or self._expelling_body(clause)
            or lemma_of(clause) in HARMING_VERBS | COURT_VERBS | HANDLING_VERBS
        ):
            # "Brell was expelled from the Front": Brell; "nine people were killed", "he was
            # sentenced", "four people were arrested": whoever did it (named or not), they are who
            # it was done to
            candidates += passive_subjects(clause)
        described = passive_described(clause)
        if described is not None:
            candidates.append(described)
        reduced = misread_reduced_passive(clause)
        if reduced is not None:  # "the Front, designated a terrorist group by Marovia, ...": the Front
            return self.parties.entities_for([reduced[0]])
        undergoer = self._undergoer(item.token) if item.token.pos_ in {"NOUN", "PROPN"} else None
        if undergoer is not None:
            candidates.append(undergoer)
        asked = _for_to_clause(item.dependent)
        if asked is not None:
            # "called for Marovia and its allies to organize forces": whoever is to act is the one
            # asked (as in "called on Marovia to"); what they are to act on is no recipient.
            subjects = [c for c in asked.children if c.dep_ in SUBJECTS]
            return self.parties.entities_for(subjects, agents=True) if subjects else []
        # The trigger, its clause and the object an entry asked for ("sanctions on Syria").
        holders = list(dict.fromkeys(h for h in (item.token, clause, item.dependent) if h is not None))
        # "carried out a series of airstrikes against the Front": the target hangs on the act's noun
        holders += [g for g in objects_of(item.token, {"of"}) if item.token.lower_ in QUANTITY_NOUNS]
        # "deployed troops", "withdrew its troops": the actor's own forces, not a target.
        own_forces = (
            item.entry.type == "MOBILIZE"
            or (item.entry.type, item.entry.mode) == ("RETREAT", "withdraw")
            or (item.entry.type == "RETREAT" and lemma_of(item.token) in WITHDRAWAL_NOUNS)
        )
        objects = [
            child
            for holder in holders
            for child in holder.children
            if child.dep_ in OBJECTS
            and child.i != item.token.i
            # "imposed tariffs on ...": the tariffs are part of the act; "suspended four judges":
            # the people a COERCE row asked for are who it is done to
            and (child != item.dependent or _people_held(item))
            and not own_forces
            and not own_thing(child)
        ]
        phrases = [
            g
            for holder in holders
            for child in holder.children
            if child.dep_ == "prep"
            and child.lower_ in RECIPIENT_PREPS | {"between"}
            and not (own_forces and child.lower_ == "of")  # "the withdrawal of its troops": its own
            for g in child.children
            if g.dep_ == "pobj"
            and g not in holders  # "weeks of fighting": the act itself, not whom it is done to
            and (_fired_at(holder, child) or not (self._names_place(g) and in_location_phrase(g)))
        ]
        # What is given is the object; who receives it the to-phrase ("delivered a system to Ukraine").
        candidates += phrases + objects if item.entry.type == "AID" else objects + phrases
        # "demanded that Greece withdraw": the one asked, warned or accused is the clause's subject.
        candidates += [
            s for c in clause.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJECTS
        ]
        subject = subject_of(clause)
        members = set(self._members_set_after(item, subject)) if subject is not None else set()
        for candidate in candidates:
            if self._contested_place(candidate):
                continue
            ids = [i for i in self.parties.entities_for([candidate]) if i not in members]
            if ids:
                return ids
            for noun in _object_owners(candidate):
                ids = [i for i in self.parties.entities_for([noun]) if i not in members]
                if ids:
                    return ids
        return []

    def _contested_place(self, noun: Token) -> bool:
        """'Fighting for control of Port Oskel', 'the dispute over sovereignty of the islands': a
        place fought over is the stake, not a party; what a fight is for or over ("fought for
        control of Aleppo") is its stake, whoever the entity stage took its owner for."""
        if lemma_of(noun) in CONTESTED_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ in {"for", "over"}:
            return True
        return lemma_of(noun) in CONTESTED_NOUNS and any(
            self._names_place(owner, FOUGHT_OVER_TYPES) for owner in _object_owners(noun)
        )

    def _places_fought_over(self, fight: Token) -> set[str]:
        """The entities a fight's own phrase names as where it is or what it is for ("clashes in
        the Oskel Valley", "fighting for control of Port Vellin"): no side of it."""
        places: set[str] = set()
        for token in fight.subtree:
            stake = token.dep_ == "pobj" and lemma_of(token.head.head) in CONTESTED_NOUNS
            found = self.analysis.mention_at(token.i)
            where = stake or in_location_phrase(token)
            if found is not None and where and self._names_place(token, FOUGHT_OVER_TYPES):
                places.add(found[1].id)
        return places

    def _names_place(self, noun: Token, types: frozenset[str] = PLACE_TYPES) -> bool:
        """Whether a noun is a place the story names (resolved, or an entity of one of ``types``),
        or a common noun such a name qualifies ("the Black Sea port", "the Oskel border
        crossing"): where something happens, not who."""

        def place(token: Token) -> bool:
            found = self.analysis.mention_at(token.i)
            return token.i in self.place_at or (found is not None and found[1].type in types)

        if place(noun):
            return True
        return noun.pos_ == "NOUN" and any(c.dep_ in {"compound", "amod"} and place(c) for c in noun.children)

    def _with_their_side(self, ids: list[str], head: Token) -> list[str]:
        """``ids`` and the named side a group acts for: 'militants linked with the Baloch Liberation
        Army attacked', 'rebels loyal to the Velmar Front seized', 'fighters from the Northern
        Alliance shelled': the army, the front and the alliance act too (a country a group comes
        from is only where it comes from)."""
        sides = [
            obj
            for token in [head, *conjuncts(head)]
            for word in token.children
            if word.dep_ in {"acl", "amod"} and word.lower_ in ALLEGIANCE
            for prep in word.children
            if prep.dep_ == "prep" and prep.lower_ in ALLEGIANCE[word.lower_]
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        members_of = [  # "fighters from the Northern Alliance", "gunmen of the Front": an organisation's own
            obj
            for token in [head, *conjuncts(head)]
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ in {"from", "of"}
            for obj in prep.children
            if obj.dep_ == "pobj"
        ]
        # "rights groups, including Amnesty International and the Bar Association, sued": the
        # members named act with the group.
        included = [
            member
            for token in [head, *conjuncts(head)]
            for obj in objects_of(token, {"including"})
            for member in [obj, *conjuncts(obj)]
        ]
        named = [m[1] for obj in sides + included if (m := self.analysis.mention_at(obj.i)) is not None]
        named += [
            m[1]
            for obj in members_of
            if (m := self.analysis.mention_at(obj.i)) is not None and m[1].type == "ORG"
        ]
        # "envoys from Marovia, Dorvan and Pellane met": people sent by several listed parties act
        # for each of them (one phrase cannot be coded with several countries)
        named += [
            m[1]
            for obj in members_of
            if conjuncts(obj)
            for listed in [obj, *conjuncts(obj)]
            if (m := self.analysis.mention_at(listed.i)) is not None and m[1].type in {"GPE", "ORG"}
        ]
        kinds = {"ORG", "GPE", "PERSON"} if included else {"ORG", "GPE"}
        named = [e for e in named if e.type in kinds] + self._commanders(head)
        ids = ids + list(dict.fromkeys(e.id for e in named if e.id not in ids))
        ids += [i for i in self._listed_senders(members_of) if i not in ids]
        # "forces backed by African Union troops recaptured": who backs them acts with them
        ids += [i for i in self.parties.entities_for(_backers(head), agents=True) if i not in ids]
        # "a spokesman for the Front", "officials of the council": the body they speak for (event_bodies)
        return ids + self.bodies.spoken_for(head, ids)

    def _listed_senders(self, members_of: list[Token]) -> list[str]:
        """'Delegates from small island states and African countries pressed for a fund': each of
        the parties a people's from- or of-phrase lists acts through them, named or not (the first
        only in the phrase's own entity would leave the second out)."""
        listed = [obj for obj in members_of if conjuncts(obj)]
        found = [self.entity(i) for i in self.parties.entities_for(listed, agents=True)]
        return [e.id for e in found if e.type in {"GPE", "ORG", "GROUP"}]

    def _commanders(self, head: Token) -> list[Entity]:
        """'his forces had killed 200 fighters', 'Veld's troops shelled the town': whose armed men
        they are acts through them."""
        owners = [
            owner
            for token in [head, *conjuncts(head)]
            if (role := lexicon.roles().get(token.lower_)) is not None and role.sector in ARMED_SECTORS
            for owner in token.children
            if owner.dep_ == "poss"
        ]
        return [m[1] for owner in owners if (m := self.analysis.mention_at(owner.i)) is not None]


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


def _names_in(phrase: str, body: Entity) -> bool:
    """Whether ``phrase`` ("A Velmar Front spokesperson") holds a name of ``body`` as whole words
    before its last word, the role (a name, not a description: "the group" names no one)."""
    words = phrase.split()[:-1]
    padded = f" {' '.join(words)} "
    names = {body.name, *(m.text for m in body.mentions)}
    return any(n[:1].isupper() and f" {n} " in padded for n in names)


def _speech_subject(clause: Token) -> Token | None:
    """The subject of the verb whose that-clause ``clause`` is ('Syria' in 'Syria says it is')."""
    while clause.dep_ in {"xcomp", "conj", "acomp"} and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    return next((c for c in clause.head.children if c.dep_ in SUBJECTS), None)


# Bodies one speaks for as "his government", "her party", "his ministry".
OWN_BODIES = frozenset({
    "government", "administration", "ministry", "party", "cabinet", "office", "department",
    "campaign", "movement", "organization", "organisation", "group", "country", "state", "nation",
    "embassy", "mission", "council", "committee", "union", "company", "firm", "team",
})  # fmt: skip


# Who speaks for a client in court: "Veld's lawyer said his client denied the charges".
COUNSEL_WORDS = frozenset({"lawyer", "attorney", "counsel", "advocate", "solicitor", "barrister", "defender"})


def _lawyers_client(subject: Token, speaker: Token | None) -> Token | None:
    """'Veld's lawyer said his client denied the charges', 'a lawyer for Veld said her client
    would appeal': the client a lawyer speaks of is the one the lawyer acts for, not the lawyer."""
    if speaker is None or lemma_of(subject) != "client" or lemma_of(speaker) not in COUNSEL_WORDS:
        return None
    if not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in subject.children):
        return None
    owners = [c for c in speaker.children if c.dep_ == "poss"]  # "his lawyer": whoever "his" is
    return next(iter(owners + objects_of(speaker, {"for", "of"})), None)


def _for_to_clause(dependent: Token | None) -> Token | None:
    """The for-to clause a row asked for ("called for the Front to end the blockade"), if it is one."""
    if dependent is None or dependent.dep_ not in {"advcl", "ccomp"} or infinitive_to(dependent) is None:
        return None  # "called for 20,000 troops split between": a for-phrase the parser misread
    return dependent if any(c.dep_ == "mark" and c.lower_ == "for" for c in dependent.children) else None


# Sectors of armed men, whose owner acts through them ("his forces", "Veld's troops").
ARMED_SECTORS = frozenset({"MIL", "REB", "POL"})


def _armed_word(word: Token) -> bool:
    """A role word of an armed force ("police", "army"), qualifying what it owns ("police vehicles")."""
    role = lexicon.roles().get(word.lower_)
    return role is not None and role.sector in ARMED_SECTORS


# Verbs of putting someone out of a body: passive with a from-phrase and no by-agent, that body
# acted ("was expelled from the party").
EXPELLING_VERBS = frozenset({"expel", "suspend", "oust", "dismiss", "eject", "ban", "bar", "sack", "deport"})

# Being harmed in a fight with someone ("killed in a shootout with police"): that side did it.
HARMING_VERBS = frozenset({"kill", "wound", "injure", "hurt", "capture", "shoot"})
# Verbs of what only a court does: told in the passive ("he was sentenced"), the one sentenced is
# who it is done to, and whoever did it a court.
COURT_VERBS = frozenset({"sentence", "convict", "acquit", "jail", "imprison"})
# Verbs of what is done to people in custody or released from it: told in the passive ("four
# people were arrested", "the reporters were freed"), the subject is who it is done to, named in the
# record as a recipient even where no doer is.
HANDLING_VERBS = frozenset({
    "arrest", "detain", "abduct", "kidnap", "deport", "extradite", "torture", "beat", "execute",
    "release", "free", "pardon", "charge", "indict", "prosecute", "summon", "interrogate",
})  # fmt: skip


def _people_held(item: Found) -> bool:
    """Whether the word a COERCE row asked for names people ("suspended two officials")."""
    dependent = item.dependent
    return (
        item.entry.type == "COERCE"
        and dependent is not None
        and lexicon.who_nouns().get(lemma_of(dependent)) == "person"
    )


def _gerund_between(token: Token) -> bool:
    """'After fighting between the army and the Front', 'as fighting among militias spread': a
    gerund with no subject of its own and a between-phrase is a noun the parser read as a verb; the
    phrase names the sides that fought, as it does for the noun."""
    return (
        token.tag_ == "VBG"
        and token.dep_ in {"pobj", "pcomp", "nsubj"}
        and not any(c.dep_ in SUBJECTS for c in token.children)
        and bool(objects_of(token, {"between", "among"}))
    )


FIGHT_NOUNS = frozenset({
    "battle", "clash", "fighting", "gunfight", "shootout", "firefight", "skirmish", "confrontation",
    "encounter", "fight", "exchange",
})  # fmt: skip

# Nouns of what is done to people: their possessor undergoes it ("his arrest", "Vale's trial").
UNDERGONE_NOUNS = frozenset({
    "arrest", "detention", "custody", "imprisonment", "incarceration", "jailing", "trial",
    "conviction", "sentencing", "prosecution", "indictment", "deportation", "extradition",
    "expulsion", "abduction", "kidnapping", "killing", "murder", "assassination", "execution",
    "torture", "capture", "disappearance",
})  # fmt: skip

# Attacks one is harmed in ("killed in Marovian airstrikes", "wounded in a Front ambush"): whoever
# the noun says attacked did the harm.
ATTACK_NOUNS = frozenset({
    "attack", "strike", "airstrike", "shelling", "bombing", "bombardment", "raid", "offensive",
    "assault", "ambush", "crossfire",
})  # fmt: skip

# Verbs by which someone carries out an act: "attacks carried out by", "a raid launched by". Only
# with these is the agent of a participle describing a subject the one who acts ("soldiers trained
# by Marovian officers attacked" were not attacked by the officers).
DOING_VERBS = frozenset({
    "carry", "launch", "conduct", "stage", "mount", "perpetrate", "commit", "execute", "order",
    "orchestrate", "direct", "lead",
})  # fmt: skip


# Verbs by which one side fights alongside another: "forces backed by African Union troops
# recaptured the town", "police, supported by the army, stormed the camp".
BACKING_VERBS = frozenset({"back", "support", "aid", "assist", "accompany", "help", "reinforce", "join"})


def _backers(head: Token) -> list[Token]:
    """'Government forces backed by African Union troops recaptured the town': the annotators
    count who backs a side in the act as acting with it (not who trained or armed it before:
    "soldiers trained by Marovian officers attacked" are not joined by the officers)."""
    return [
        agent
        for token in [head, *conjuncts(head)]
        for word in token.children
        if word.dep_ == "acl" and word.tag_ == "VBN" and lemma_of(word) in BACKING_VERBS
        and (agent := by_agent(word)) is not None
    ]  # fmt: skip


# Verbs of firing a weapon: what they are fired "at" is their target, a place too ("fired
# rockets at Israel", "launched drones at Kyiv"), where "attacked a post at Busia" says where.
FIRING_VERBS = frozenset({"fire", "launch", "shoot", "lob", "hurl", "aim"})


def _fired_at(holder: Token, preposition: Token) -> bool:
    return preposition.lower_ == "at" and holder.pos_ == "VERB" and lemma_of(holder) in FIRING_VERBS


def _modifiers(noun: Token) -> list[Token]:
    """'Israeli airstrikes': the nationality or name qualifying a noun trigger; 'the Oskel-Pellane
    war' has two, the first hanging on the second."""
    named = [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_]
    joined = [
        w
        for c in noun.children
        if c.dep_ == "compound" and c.pos_ == "PROPN"
        for w in c.subtree
        if w.pos_ == "PROPN" and w not in named and _hyphen_joined(w)
    ]
    return named + joined


def _hyphen_joined(word: Token) -> bool:
    """'Oskel' or 'Pellane' in 'the Oskel-Pellane war': a name joined to another by a hyphen."""
    doc = word.doc
    before = word.i >= 1 and doc[word.i - 1].text == "-" and not doc[word.i - 1].whitespace_
    after = word.i + 1 < len(doc) and doc[word.i + 1].text == "-" and not word.whitespace_
    return before or after


def _object_owners(noun: Token) -> list[Token]:
    """Who owns the object: 'Hamas's proposal', 'the removal of President X', 'computers of officers'."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += objects_of(noun, {"of", "by", "from"})
    return owners


def drawn_from(noun: Token) -> list[Token]:
    """'The arrests drew criticism from rights groups', 'the plan prompted a protest from Pellane':
    what a cause drew came from the one its verb's from-phrase names, who did it (the cause did
    not)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or lemma_of(verb) not in CAUSATIVE_VERBS:
        return []
    return objects_of(verb, {"from"})


def _party_word(noun: Token) -> bool:
    """'dozens', 'hundreds of people', 'protesters', 'officials': a word that counts or names people,
    whose 'including' phrase names some of them."""
    return (
        noun.like_num
        or lemma_of(noun) in QUANTITY_NOUNS | COUNTS
        or any(c.dep_ == "nummod" for c in noun.children)
        or lexicon.roles().get(noun.lower_) is not None
        or bool(objects_of(noun, {"of"}))
    )
