"""Triggers: which words of a sentence are events of which type.

The rows they fire with are the trigger table's (``event_trigger_table``: ``data/event_triggers.tsv``
and the tables named in ``$DATELINE_EVENT_TRIGGERS``). Decided here (``TriggerFinder``): which
verbs, nouns and adjectives fire, and with which row; whether a noun fires is judged in
``event_noun_triggers``, which the finder asks of every noun.

* A verb row may ask for a particle, preposition or object ("call for", "open fire", "impose
  sanctions"; "called for the army to withdraw" has its "for" in a for-to clause); rows that ask for
  one are tried first; a ``NONE`` row says the word with that dependent is no event. Modifying
  participles ("the disputed islands") are no acts; broad verbs need their political sense
  (``event_broad_verbs``); a verb with no row of its own may still demand an act
  (``event_demands``). A present participle used as an adjective ("the negotiating table",
  "friendly and accepting") is no act either.
* Nouns (``event_noun_triggers``): a noun row fires only when the noun is the object of a light
  verb ("held talks"), the subject of an aspectual verb ("negotiations would start"), the object of
  a causative or receiving verb ("sparked protests", "received aid"), or has its own actor
  ("Blinken's plea"); "support" only when given or received ("Washington's support is crucial" is a
  relation, not an act).
* A noun needs its political sense too (``event_broad_nouns``): "attack helicopters", "the
  release of the emails", "despite her protests", "the threat of terrorism" are none.
* "ready", "willing", "prepared" to do a cooperative act is an offer (AGREE).

Each trigger found is a ``Found`` (``event_trigger_table``): the item the type rules, arguments,
modality and place modules read.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_broad_nouns import qualifies_a_thing
from dateline.extract.event_broad_verbs import (
    COMMENTATORS,
    CONSEQUENCE_NOUNS,
    SENSE_ONLY_VERBS,
    broad_verb_holds,
)
from dateline.extract.event_coercion import holds_a_captive, orders_detention, restrains_a_party
from dateline.extract.event_cooperative_acts import COOPERATIVE_TYPES, cooperative_act_holds
from dateline.extract.event_cooperative_senses import talks_to_an_audience, vehicle_travels
from dateline.extract.event_demands import (
    asks_a_question,
    asks_to_stay_unnamed,
    demands_an_act,
    directs_a_party,
)
from dateline.extract.event_force_senses import REINFORCED, crowd_outside, fights_over_a_stake
from dateline.extract.event_named_nouns import names_doer_or_victim, names_its_parties, party_noun_type
from dateline.extract.event_naming import NAMING_VERBS, names_with_blame
from dateline.extract.event_non_political import blames_a_condition, no_political_violence
from dateline.extract.event_noun_triggers import LIGHT_VERBS, NounTriggers
from dateline.extract.event_parse import (
    CAPTIVE_NOUNS,
    INTENT_VERBS,
    LOCATION_PREPS,
    NOUN_SUBJECTS,
    OBJECTS,
    lemma_of,
    objects_of,
    subject_of,
    sum_of_money,
    verb_keys,
)
from dateline.extract.event_request_senses import request_sense_holds
from dateline.extract.event_speech_acts import (
    critics_say,
    electorate_vote,
    legal_challenge,
    refuses_to_be_told,
    stands_with_a_party,
    vows_a_response,
    warning_named,
)
from dateline.extract.event_trigger_table import NOT_AN_EVENT, Found, Trigger, char_span, triggers

# Adverbs that sit between 'have' and its participle ("have since banned", "has already jailed").
PERFECT_ADVERBS = {"since", "already", "now", "also", "recently", "just", "long", "previously"}
# Where the word a table row asks for may stand: "call for", "open fire", "impose sanctions", "set free".
# ("agent": the parser's reading of "spoke by telephone" as a passive's "by".)
DEPENDENT_DEPS = {
    "prt", "prep", "agent", "dobj", "nsubjpass", "dative", "advmod", "npadvmod", "oprd", "acomp",
}  # fmt: skip
# A promise to do these is a threat ("vowed to retaliate"; CAMEO 13 -> THREATEN), and being ready
# to do them no offer.
HOSTILE = {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "REJECT"}
# Vows that may be of one's own goal, not to anyone (see TriggerFinder._vows_a_goal).
GOAL_VOWS = {"vow", "swear"}
OFFERING_ADJECTIVES = {"willing", "ready", "prepared"}  # "ready to resume talks": an offer (AGREE)
# A party "deeply concerned" or "alarmed by" another's conduct states its disapproval of it: the
# diplomatic complaint (CAMEO 111) that "raised concerns" is (see TriggerFinder._concerned).
CONCERNED_WORDS = frozenset({"concerned", "alarmed", "troubled", "dismayed"})
# What a party's conduct is called when a concern is about it ("concerned by attempts to ...").
CONDUCT_NOUNS = frozenset({
    "conduct", "attempt", "action", "move", "decision", "behavior", "behaviour", "escalation",
    # what a party's conduct does to others: "alarmed by reports of civilian casualties"
    "abuse", "disappearance", "casualty", "killing", "violation",
})  # fmt: skip
# Reports of an act, which a concern may be about: "alarmed by reports of disappearances".
REPORT_NOUNS = frozenset({"report", "account", "news", "allegation"})
# What makes a party's concern a stated complaint rather than a passing worry ("is concerned").
GRAVE_ADVERBS = frozenset({"deeply", "gravely", "seriously", "extremely", "particularly", "greatly"})
# Verbs whose sum of money is the money of their rows ("released 40 million euros", "withheld $300
# million"); a sum "given" is as often a donation to a campaign or a group as aid, and needs "in
# aid" (see _dependent).
SUMS_RELEASED = frozenset({"release", "free", "withhold"})
# What a thing ends with, without or under is its result or its terms, not what is ended (see
# _ends_in_a_result).
ENDING_VERBS = frozenset({"end", "terminate"})
# Bodies that watch, investigate or advise (see _mandate_of_inquiry).
INQUIRY_BODIES = frozenset(
    {"panel", "commission", "committee", "inquiry", "envoy", "rapporteur", "investigator", "expert",
     "monitor", "tribunal", "court", "board", "ombudsman", "mechanism"}
)  # fmt: skip
# What a party withdraws besides its people: forces, their posts and arms (see _pulls_a_thing).
WITHDRAWN = REINFORCED | {
    "weapon", "arm", "tank", "artillery", "missile", "equipment", "hardware", "warship", "ship",
    "aircraft", "jet", "asset", "personnel", "staff", "diplomat", "ambassador", "envoy", "citizen",
}  # fmt: skip
# The fates an ultimatum threatens after "or" ("cooperate or die", "leave or face arrest").
FATE_VERBS = frozenset({"die", "perish", "face", "suffer"})
# Passives that tell what became of people in an act told elsewhere, or how far a plan is paid
# for (see _outcome_without_doer). A rescue stays aid with no rescuer named (test_event_senses_2).
OUTCOME_VERBS = {"ASSAULT": frozenset({"injure", "wound", "hurt"}), "AID": frozenset({"fund"})}


# A denial the parser reads as a plural noun ("a charge Kinshasa rejects"): its verb (the charges
# denied are lexicon.CHARGE_NOUNS).
DENIAL_FORMS = {"rejects": "reject", "denies": "deny", "disputes": "dispute"}
# The words of the party between the charge and its misread denial ("a charge the world body
# rejects", "an allegation Marovia's government denies"), and how many there may be.
PARTY_PHRASE_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "HYPH", "PRP$"})
MISREAD_PARTY_WORDS = 6


class TriggerFinder:
    """The triggers of one parsed text, read with the entity analysis (for who a word stands for)."""

    def __init__(self, doc: Doc, analysis: EntityAnalysis) -> None:
        self.doc = doc
        self.analysis = analysis
        self.table = triggers()
        # which nouns fire (event_noun_triggers), asking this finder who can act and which verbs fire
        self.nouns = NounTriggers(self.table, analysis, self.is_party, self.names_an_act, self.verb_trigger)

    def find(self) -> list[Found]:
        """Every trigger in the text, in text order; a verb's object is not a trigger of its own."""
        found: list[Found] = []
        taken: set[int] = set()
        for token in self.doc:
            object_act = token.i in taken
            if object_act and not self._object_names_parties(token):
                continue
            if _in_a_title(token) or _inside_a_name(token):
                continue  # "said on 'Meet the Press'", "the Collective Security Treaty Organization": a name
            item = self.verb_trigger(token) if token.pos_ in {"VERB", "AUX"} else None
            if item is None and token.pos_ in {"NOUN", "PROPN"}:
                item = self.nouns.noun_trigger(token) or self._denial_misread(token)
            if item is None and token.pos_ == "ADJ" and token.lower_ in OFFERING_ADJECTIVES:
                item = self._willing(token)
            if item is None and token.lower_ in CONCERNED_WORDS:
                item = self._concerned(token)
            warner = warning_named(token) if item is None and token.pos_ == "NOUN" else None
            if warner is not None:  # "called the drill a stern warning" (event_speech_acts)
                entry = Trigger("warning", "NOUN", None, "THREATEN", None)
                item = Found(token, entry, char_span(token, token), warner, through_verb=True)
            if item is not None:
                item.by_parties = item.by_parties or object_act
                found.append(item)
                taken.update(range(item.token.i, item.token.i + 1))
                taken.update(t.i for t in item.token.children if t.dep_ == "dobj")
        return found

    def verb_trigger(self, verb: Token) -> Found | None:
        if (
            (verb.tag_ == "VBN" and verb.dep_ in {"amod", "acl"} or _past_form_relative(verb))
            and not any(c.dep_ == "agent" for c in verb.children)
            and not self._person_held(verb)
            and not self._jailed_party(verb)
            and not _perfect_misread(verb)
            and not _naming_relative(verb)  # "a decision the Front called illegal"
        ):
            return None  # "the disputed channel", "the alleged violations": a modifier, not an act
        if _adjectival_participle(verb):
            return None  # "the negotiating table", "friendly and accepting": a quality, not an act
        if _ultimatum(verb):
            return None  # "cooperate or die", "surrender or be killed": a slogan of threat, no act
        if asks_to_stay_unnamed(verb):
            return None  # "a diplomat who asked not to be named": why a source is unnamed
        if _generic_activity(verb):
            return None  # "bargaining with militias is a crime": an activity judged, done by no one
        if verb.tag_ == "VBG" and qualifies_a_thing(verb):
            return None  # "they have kidnapping insurance": a noun of an act naming a kind of thing
        # "held for a year without trial", "employees held by the Houthis" (event_coercion)
        if holds_a_captive(verb, self.is_party, self._is_person):
            return _verb_act(verb, "COERCE", "arrest")
        if orders_detention(verb, self.is_party):  # "a court ordered the cleric held pending trial"
            return _verb_act(verb, "COERCE", "arrest")
        if crowd_outside(verb):  # "protesters gathered outside the consulate" (event_force_senses)
            return _verb_act(verb, "PROTEST", "demo")
        entries = self._verb_entries(verb)
        if entries:
            for entry in entries:
                dependent = self._dependent(verb, entry.with_) if entry.with_ else None
                if entry.with_ and dependent is None:
                    continue
                if dependent is not None and _ends_in_a_result(verb, dependent):
                    continue  # "talks ended without an agreement", "the war ended with a pact"
                if dependent is not None and _mandate_of_inquiry(dependent):
                    continue  # "extends the mandate of a panel of experts": no force is sent
                if entry.type == "RETREAT" and entry.with_ in {"out", "back"} and self._pulls_a_thing(verb):
                    continue  # "pulling the poison of war out of its soil": nothing withdrawn
                if no_political_violence(verb, entry.type):
                    continue  # "floods killed 40", "beat Pellane 2-1": nature or a game
                if blames_a_condition(verb, entry.type):
                    continue  # "blamed high waves", "complain of soaring costs": no party blamed
                if _outcome_without_doer(verb, entry.type) and not self._harmed_in_an_act(verb):
                    continue  # "two officers were injured", "the hostages were rescued": a result
                if entry.with_ == "from" and not restrains_a_party(verb, self.is_party):
                    continue  # "stopped the fire from spreading": no one kept from acting
                if entry.with_ == "concern" and _voiced_by_onlookers(verb):
                    continue  # "analysts are raising concerns that ...": comment, no complaint
                if entry.type == "CONSULT" and vehicle_travels(verb):
                    return None  # "the train was traveling to Quetta": no visit
                if entry.type == "CONSULT" and talks_to_an_audience(verb, self.analysis):
                    continue  # "speaking to AFP by telephone", "spoke to reporters by phone": interviews
                if entry.type in COOPERATIVE_TYPES and not cooperative_act_holds(
                    verb, entry.type, self.analysis
                ):
                    continue  # "until he resigned", "camps shelter refugees": no act toward a party
                if entry.type == "REQUEST" and not request_sense_holds(verb, self.is_party):
                    continue  # "seeking independence", "public interest demands": asks no party
                if lemma_of(verb) == "stand" and not stands_with_a_party(verb, self.is_party):
                    continue  # "stood with his wife at the back": no party backed (event_speech_acts)
                if lemma_of(verb) == "vote" and electorate_vote(verb):
                    continue  # "voters voted against the mayor": ballots, no motion refused
                if entry.with_ is None and (
                    _is_idiomatic_other(verb)
                    or _seeks_to_act(verb, entry)
                    or self._vows_a_goal(verb, entry)
                    or asks_a_question(verb, self.is_journalist)
                    or not broad_verb_holds(verb, entry.type, self.analysis, self.names_an_act)
                ):
                    continue
                if (
                    entry.type == NOT_AN_EVENT
                    and dependent is not None
                    and _idiom_misread(verb, entry, dependent)
                ):
                    continue  # "seized the tanker on suspicion": a prepositional idiom needs no object
                if entry.type == NOT_AN_EVENT and dependent is not None and fights_over_a_stake(dependent):
                    continue  # "fought for control of the town": a fight, not advocacy (event_force_senses)
                if entry.type == NOT_AN_EVENT:
                    return None  # "offered condolences" is no offer
                span_end = dependent if dependent is not None and dependent.dep_ in {"prt", "dobj"} else verb
                return Found(verb, entry, char_span(verb, span_end), verb, dependent)
        if demands_an_act(verb, self._names_a_demanded_act, self.is_party) or directs_a_party(
            verb, self._names_a_demanded_act, self.is_party
        ):
            return _verb_act(verb, "REQUEST")
        if vows_a_response(verb, self.is_party):  # "would respond to any violation" (event_speech_acts)
            return _verb_act(verb, "THREATEN")
        if critics_say(verb) and not any(  # "critics say the measures have done little" (event_speech_acts)
            c.dep_ == "ccomp" and self.verb_trigger(c) is not None for c in verb.children
        ):  # "critics say police beat detainees" tells the beating, as reported
            return _verb_act(verb, "ACCUSE", "disapprove")
        if legal_challenge(verb):  # "would challenge the arrests in court" (event_speech_acts)
            return _verb_act(verb, "ACCUSE", "legal")
        if refuses_to_be_told(verb):  # "will not take lessons from anyone" (event_speech_acts)
            return _verb_act(verb, "REJECT")
        naming = names_with_blame(verb)  # "called Vale a liar": name-calling (event_naming)
        if naming is not None:
            blame, kind = naming
            entry = Trigger(lemma_of(verb), "VERB", None, kind, "disapprove" if kind == "ACCUSE" else None)
            return Found(verb, entry, char_span(verb, blame), verb)
        return None

    def _names_a_demanded_act(self, clause: Token) -> bool:
        """Whether a clause a verb demands names an act: a verb of the table ('insisted that the
        minister resign'); one whose rows are all senses (SENSE_ONLY_VERBS) only in that sense
        ('demanded that Marovia leave the bloc', not 'said Vale should leave the race')."""
        if not self._verb_entries(clause):
            return False
        return lemma_of(clause) not in SENSE_ONLY_VERBS or self.verb_trigger(clause) is not None

    def _object_names_parties(self, noun: Token) -> bool:
        """'Praised the withdrawal of Marovian troops', 'welcomed talks between Oskel and Pellane':
        the object of a verb of its own names, with its parties, an act of theirs besides the
        verb's; the object of a light verb ('held talks with') is the verb's act itself."""
        if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or {k for k, _ in verb_keys(noun.head)} & LIGHT_VERBS:
            return False
        entries = self.table.get((lemma_of(noun), "NOUN"), [])
        types = [e.type for e in entries if e.with_ is None] + [t for t in [party_noun_type(noun)] if t]
        named = [t for t in types if self._names_parties(noun, t)]
        verb = self.verb_trigger(noun.head) if named and noun.head.pos_ in {"VERB", "AUX"} else None
        # "mobilized protests against Vale": the verb states that same act, once
        return bool(named) and not (verb is not None and verb.entry.type in named)

    def _names_parties(self, noun: Token, event_type: str) -> bool:
        """Whether a noun's phrase names the parties of its act ('talks between Oskel and Pellane') or
        the doer or the victim of its repression ('the arrest of Ann Vale'): see event_named_nouns."""
        return names_its_parties(noun, event_type, self.is_party) or names_doer_or_victim(
            noun, event_type, self.is_party
        )

    def _person_held(self, verb: Token) -> bool:
        """'A reporter arrested over his interviews', 'activists detained last week': a participle
        after a party, with a phrase of its own saying why, where or when, is a passive clause
        cut short, and the coercion it names was done to that party; 'the detained activists'
        only describe them ('the jailed leader' is held: _jailed_party)."""
        if verb.dep_ != "acl" or verb.head.i > verb.i or not self.is_party(verb.head):
            return False
        entries = self._verb_entries(verb) or []
        if not any(e.type == "COERCE" and e.with_ is None for e in entries):
            return False
        return any(c.dep_ in {"prep", "npadvmod"} and c.lower_ != "as" for c in verb.children)

    def _jailed_party(self, verb: Token) -> bool:
        """'Release jailed Kessarian politicians', 'the group's jailed founder': a party named as
        jailed is held, by a state whether or not the sentence says which (coercion done to it).
        Other participles only describe ('the disputed islands', 'the detained activists')."""
        return (
            verb.dep_ == "amod"
            and verb.head.i > verb.i
            and lemma_of(verb) in JAILING
            and (self.is_party(verb.head) or lemma_of(verb.head) in lexicon.ACTOR_NOUNS)
        )

    def _harmed_in_an_act(self, verb: Token) -> bool:
        """'Two soldiers were wounded in the shelling', 'injured during the raid': the harm is
        told as part of a hostile act it names, which the passive reports again with its doer
        implied, unlike a bare 'were injured'."""
        return any(self.names_an_act(t) for t in objects_of(verb, {"in", "during"}))

    def _pulls_a_thing(self, verb: Token) -> bool:
        """'Spent decades pulling the poison of war out of its soil', 'pulled mines out of the
        fields': what is pulled out is no force, no person and no arms, so no one withdraws
        ('pulled its troops out of Oskel', 'pulled the envoy back', and with no object 'pulled
        out of the talks', stay retreats)."""
        things = [c for c in verb.children if c.dep_ == "dobj"]
        return bool(things) and not any(
            self.is_party(t) or lemma_of(t) in WITHDRAWN or lemma_of(t) in lexicon.VEHICLES for t in things
        )

    def is_party(self, token: Token) -> bool:
        """Someone who can act: a person, group, body or country, or a pronoun for one."""
        return self.analysis.is_agent(token, lexicon.ACTOR_NOUNS)

    def _is_person(self, token: Token) -> bool:
        """One person, as the entity analysis has it: the recognizer's PERSON label is overruled
        when the analysis knows the name as a group ('held by the Houthis')."""
        found = self.analysis.mention_at(token.i)
        if found is not None:
            return found[1].type == "PERSON"
        return token.ent_type_ == "PERSON"

    def is_journalist(self, token: Token) -> bool:
        """A journalist: a media role word for a person ("ABC's host") or a person of the media. A
        news outlet is left out: what a paper asks of a party in an editorial may be a demand."""
        found = self.analysis.mention_at(token.i)
        if found is not None:
            return found[1].type == "PERSON" and found[1].sector == "MED"
        role = lexicon.roles().get(token.lower_) or lexicon.roles().get(lemma_of(token))
        return role is not None and role.sector == "MED"

    def names_an_act(self, token: Token) -> bool:
        if token.pos_ in {"VERB", "AUX"}:
            return self.verb_trigger(token) is not None
        return token.pos_ == "NOUN" and (
            (lemma_of(token), "NOUN") in self.table or lemma_of(token) in CONSEQUENCE_NOUNS
        )

    def _vows_a_goal(self, verb: Token, entry: Trigger) -> bool:
        """'Vowed to make the region climate neutral', 'vowed to enforce law and order': a vow of
        a goal of one's own, to no one and of no act toward anyone, is resolve, not a commitment to
        another party (AGREE); 'vowed to withdraw its troops' or 'vowed Kessaria its help' is one."""
        if entry.type != "AGREE" or lemma_of(verb) not in GOAL_VOWS:
            return False
        if any(c.dep_ in {"dative", "dobj"} for c in verb.children) or objects_of(verb, {"to"}):
            return False
        goals = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}]
        return bool(goals) and not any(self.names_an_act(g) for g in goals)

    def _verb_entries(self, verb: Token) -> list[Trigger] | None:
        """The table's rows for the first of the verb's forms it has ('staged', then 'stag')."""
        return next((self.table[k] for k in verb_keys(verb) if k in self.table), None)

    def _dependent(self, verb: Token, lemma: str) -> Token | None:
        if _contact_clause_object(verb, lemma):
            return verb.head  # "the sanctions Washington imposed": the noun it hangs on is its object
        for child in verb.children:
            if child.dep_ in DEPENDENT_DEPS or (
                child.dep_ == "ccomp" and child.pos_ == "ADJ"
            ):  # "found X guilty"
                if lemma_of(child) == lemma and not _setting_phrase(child):
                    return child  # "called on Syria", not "called off the strike on Thursday", "gave a speech in Ohio"
                if child.dep_ in {"dobj", "nsubjpass"} and any(lemma_of(c) == lemma for c in child.conjuncts):
                    return child  # "an air and arms embargo was imposed"
                if child.dep_ == "dobj" and lemma in _antecedents(child, verb):
                    return child  # "its embassy, which it closed": the pronoun stands for its noun
                if child.dep_ in {"prep", "agent"} and any(lemma_of(g) == lemma for g in child.children):
                    return child
                if child.dep_ == "prep" and any(  # "withdrew from the mediation effort"
                    lemma_of(m) == lemma for g in child.children for m in g.children if m.dep_ == "compound"
                ):
                    return child
                if child.dep_ == "prep" and any(  # "pulled out of the talks": a two-word preposition
                    lemma_of(g) == lemma
                    for inner in child.children
                    if inner.dep_ == "prep"
                    for g in inner.children
                    if g.dep_ == "pobj"
                ):
                    return child
            # "peacekeeping troops", "set free twelve hostages"; but "released the aid worker"
            # releases a person, not aid.
            person = lemma_of(child) in CAPTIVE_NOUNS
            if child.dep_ == "dobj" and any(
                lemma_of(g) == lemma
                for g in child.children
                if g.dep_ == "amod" or (g.dep_ == "compound" and not person)
            ):
                return child
            if (
                lemma == "money"
                and lemma_of(verb) in SUMS_RELEASED
                and child.dep_ in {"dobj", "nsubjpass"}
                and sum_of_money(child)
            ):
                return child  # "released 40 million euros", "$5 million was withheld": a sum is money
            if child.dep_ == "dobj" and lemma == "from" and objects_of(child, {"from"}):
                return child  # "barring its employees from offices": the parser hangs "from" on the object
            if child.dep_ == "dobj" and lemma in {lemma_of(g) for g in objects_of(child, {"of", "in"})}:
                return child  # "sent planeloads of food", "deployed thousands of troops", "$5m in aid"
            if (
                child.dep_ == "dobj"
                and lemma == "concern"
                and lemma in map(lemma_of, objects_of(child, {"with"}))
            ):
                return child  # "following developments with concern": the parser hangs it on the object
            if child.dep_ in {"advcl", "ccomp"} and any(
                m.dep_ == "mark" and m.lower_ == lemma for m in child.children
            ):
                return child  # "called for the Velmar Front to end the blockade": a for-to clause
        return None

    def _denial_misread(self, token: Token) -> Found | None:
        """'..., a charge Kinshasa rejects.', '..., a charge the world body rejects.': the parser
        reads the verb that ends the phrase as a plural noun ('rejects', 'denies'), often as the
        last of a run of nouns; after a charge and a party it is the party's denial. The party may
        take several words ('the world body', 'the Taliban government')."""
        if token.lower_ not in DENIAL_FORMS or token.i < 2:
            return None
        # back over the party's own words to the charge it answers
        start = token.i - 1
        while start > token.sent.start and token.i - start < MISREAD_PARTY_WORDS:
            previous = token.doc[start - 1]
            if previous.tag_ not in PARTY_PHRASE_TAGS or previous.lower_.rstrip("s") in lexicon.CHARGE_NOUNS:
                break
            start -= 1
        charge = token.doc[start - 1] if start > 0 else None
        if charge is None or charge.lower_.rstrip("s") not in lexicon.CHARGE_NOUNS:
            return None
        party = token.doc[start : token.i]
        if not (party[0].lower_ == "the" or any(self.is_party(t) or t.pos_ == "PROPN" for t in party)):
            return None  # "the charge sheet denies ...": the words name no party
        entries = self.table.get((DENIAL_FORMS[token.lower_], "VERB"))
        entry = next((e for e in entries or [] if e.with_ is None and e.type == "REJECT"), None)
        return Found(token, entry, char_span(token, token), token) if entry else None

    def _concerned(self, word: Token) -> Found | None:
        """'Said it was deeply concerned by the arrests', 'was alarmed by reports of killings': a
        party's grave concern about an act is a complaint (ACCUSE); a plain 'residents are
        concerned' or 'the countries concerned' is a worry or a phrase, no act."""
        if word.dep_ not in {"acomp", "ROOT", "ccomp", "conj"} and not (
            word.tag_ == "VBN" and word.dep_ != "amod"
        ):
            return None
        grave = any(c.dep_ == "advmod" and c.lower_ in GRAVE_ADVERBS for c in word.children)
        copula = word.head if word.dep_ == "acomp" else word
        # the parser may hang the phrase on the copula ('was "deeply alarmed" by reports of ...')
        phrases = [
            c
            for c in [*word.children, *(copula.children if copula is not word else [])]
            if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "about", "over", "at"}
        ]
        about = any(  # "concerned by the arrests", "alarmed at Oskel's conduct"; not "about her health"
            self.names_an_act(o) or self.is_party(o) or lemma_of(o) in CONDUCT_NOUNS
            for c in phrases
            for o in _through_reports(c)
        )
        stated = copula.dep_ == "ccomp" and copula.head.pos_ == "VERB"  # "said it was concerned by"
        # 'said it was "deeply concerned" and urged ...': a grave concern stated of nothing named is
        # about the act the story reports; one about a named non-act ('about prices') is a worry
        unnamed = grave and stated and not phrases
        if not (about and (grave or stated)) and not unnamed:
            return None  # "residents are concerned about prices": a worry
        subjects = [c for c in copula.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects or not all(self.is_party(s) or self._speaker_pronoun(s, copula) for s in subjects):
            return None
        if _voiced_by_onlookers(copula):
            return None
        entry = Trigger("concern", "ADJ", None, "ACCUSE", "disapprove")
        return Found(word, entry, char_span(word, word), copula)

    def _speaker_pronoun(self, pronoun: Token, clause: Token) -> bool:
        """'The ministry said it was concerned': a pronoun in what a party says stands for it."""
        if pronoun.tag_ != "PRP" or clause.dep_ != "ccomp":
            return False
        return any(c.dep_ == "nsubj" and self.is_party(c) for c in clause.head.children)

    def _willing(self, adjective: Token) -> Found | None:
        """'is willing to withdraw' / 'ready to talk': an offer, which PLOVER codes as AGREE."""
        complement = next((c for c in adjective.children if c.dep_ == "xcomp"), None)
        if complement is None:
            return None
        offered = self.verb_trigger(complement) or next(
            (f for c in complement.children if c.dep_ == "dobj" and (f := self.nouns.noun_trigger(c))), None
        )  # "ready to resume negotiations": the act is the noun
        if offered is None or offered.entry.type in HOSTILE:
            # "ready to impose sanctions" threatens (see event_types.threatens); "prepared to deal
            # with all options" offers no act.
            return None
        agree = self.table.get(("agree", "VERB"))
        if not agree:
            return None
        return Found(adjective, agree[-1], char_span(adjective, adjective), adjective.head)


def _verb_act(verb: Token, event_type: str, mode: str | None = None) -> Found:
    """The act of a verb that fires by a rule of its own, not a row of the table: the verb alone
    is its trigger and its clause."""
    return Found(verb, Trigger(lemma_of(verb), "VERB", None, event_type, mode), char_span(verb, verb), verb)


# Participles that name a party as held for a term: "jailed politicians", "the imprisoned founder"
# ("the detained activists" are most often the story's own arrest told again).
JAILING = frozenset({"jail", "imprison", "incarcerate"})


def _through_reports(preposition: Token) -> list[Token]:
    """What a concern is about: the objects of its preposition, and what a report of it names
    ('alarmed by reports of enforced disappearances' is alarm at the disappearances)."""
    found = [o for o in preposition.children if o.dep_ == "pobj"]
    return found + [g for o in found if lemma_of(o) in REPORT_NOUNS for g in objects_of(o, {"of"})]


def _voiced_by_onlookers(verb: Token) -> bool:
    """'Analysts raised concerns', 'experts are alarmed': onlookers' comment is no complaint of a
    party (a critic's is: critics of a government are a side in the story)."""
    subject = subject_of(verb)
    return subject is not None and lemma_of(subject) in COMMENTATORS - {"critic"}


def _idiom_misread(verb: Token, entry: Trigger, dependent: Token) -> bool:
    """'Seized on the remark' is an idiom of a verb and its preposition ('seize on', 'fight for');
    with an object between them ('seized the tanker on suspicion', 'fought the rebels for hours')
    the preposition is a phrase of its own, and the verb keeps its own sense. A row that asks for
    a noun after the preposition ('asked the minister for comment') is no such idiom."""
    return (
        dependent.dep_ == "prep"
        and lemma_of(dependent) == entry.with_
        and any(c.dep_ == "dobj" and c.i < dependent.i for c in verb.children)
    )


def _ends_in_a_result(verb: Token, dependent: Token) -> bool:
    """'The talks ended without an agreement', 'the war ended with a peace accord', 'the campaign
    ended under an agreement': what a thing ended with, or under, is its result or its terms, and
    no accord, aid or tie was ended ('ended the agreement', 'the pact was ended')."""
    return lemma_of(verb) in ENDING_VERBS and dependent.dep_ in {"prep", "agent"}


def _naming_relative(verb: Token) -> bool:
    """'A decision the Front called illegal': a relative clause of naming, with its own subject,
    which the parser reads as a participle on the noun ('acl'); it names the noun (event_naming)."""
    return (
        verb.dep_ == "acl"
        and lemma_of(verb) in NAMING_VERBS
        and any(c.dep_ == "nsubj" for c in verb.children)
    )


def _mandate_of_inquiry(dependent: Token) -> bool:
    """'Extended the mandate of a panel of experts', 'renewed the commission's mandate': the
    mandate of a body that watches, investigates or advises sends no force and gives no aid,
    as a mission's or a force's mandate does ('extended the mandate of the peacekeeping mission')."""
    if lemma_of(dependent) != "mandate":
        return False
    owners = objects_of(dependent, {"of"}) + [c for c in dependent.children if c.dep_ == "poss"]
    return any(lemma_of(o) in INQUIRY_BODIES for o in owners)


def _ultimatum(verb: Token) -> bool:
    """'Cooperate or die', 'surrender or be killed', 'leave or face arrest': an ultimatum, a bare
    verb with no subject and its threatened consequence after 'or'. Neither the act demanded nor
    the harm threatened took place; the words are a slogan or a threat quoted, whoever says them."""
    if verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.head.children):
        return _threatened_consequence(verb)  # "be killed", "face arrest" after "or"
    if verb.tag_ != "VB" or any(c.dep_ in NOUN_SUBJECTS | {"aux"} for c in verb.children):
        return False
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.children) and any(
        c.dep_ == "conj" and _threatened_consequence(c) for c in verb.children
    )


def _threatened_consequence(verb: Token) -> bool:
    """'Die', 'face arrest': a bare verb of a fate; 'be killed': a bare passive."""
    if any(c.dep_ in NOUN_SUBJECTS | {"aux"} for c in verb.children):
        return False
    if verb.tag_ == "VB":
        return lemma_of(verb) in FATE_VERBS
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in verb.children)


def _outcome_without_doer(verb: Token, event_type: str) -> bool:
    """'Two officers were injured', 'several people were wounded, he said': a passive of harm
    with no one named as doing it tells how people came out of an act the story tells in its own
    words (the clash, the raid), not an act of its own; annotators count the clash or the raid,
    and a doer borrowed from a nearby act is a guess. 'The appeal is a fifth funded' tells how
    far a plan is paid for, and names no donor. 'Wounded by Marovian fire', 'funded by Dorvan',
    'funded with Dorvan grants' name the doer and stay acts."""
    if lemma_of(verb) not in OUTCOME_VERBS.get(event_type, ()):
        return False
    # "were injured", and "is a fifth funded", a participle the parser reads as the complement of "be"
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or (
        verb.dep_ == "acomp" and verb.tag_ == "VBN"
    )
    if not passive or any(c.dep_ == "agent" for c in verb.children):
        return False
    # "was funded with Marovian grants", "funded through a Dorvan loan": the money names its giver
    return event_type != "AID" or not objects_of(verb, {"with", "through", "from"})


def _past_form_relative(verb: Token) -> bool:
    """'A four-year loan agreed in April', 'below the level agreed with the Fund': a participle
    cut from a passive relative clause, which the parser tags as a past tense (VBD) and hangs on
    the noun ('acl') or on the clause's verb ('advcl'). The noun is what was agreed, never who
    agreed, and the phrase describes it as the participle modifiers above do. The noun has a role
    of its own (an object, under a preposition, or a subject the participle is set off after), so
    the verb is not its sentence's predicate ('The general stumped for Vale', a main verb read as
    'acl' on a root noun)."""
    if verb.tag_ != "VBD" or any(c.dep_ in NOUN_SUBJECTS | {"aux", "auxpass", "mark"} for c in verb.children):
        return False
    if verb.dep_ == "acl":
        noun = verb.head
    elif verb.dep_ == "advcl" and verb.i > 0:
        noun = verb.doc[verb.i - 1]  # "below the level agreed": the noun right before it
    else:
        return False
    if noun.i >= verb.i or noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    return noun.dep_ in {"pobj", "dobj"} or _set_off_after_subject(noun, verb)


def _set_off_after_subject(noun: Token, verb: Token) -> bool:
    """'The exchange, agreed during talks in Doha, took place at dawn': the participle stands
    between commas right after a subject whose own verb comes after it."""
    doc = verb.doc
    return (
        noun.dep_ in NOUN_SUBJECTS
        and noun.head.pos_ in {"VERB", "AUX"}
        and noun.head.i > verb.i
        and verb.i == noun.i + 2
        and doc[noun.i + 1].text == ","
    )


def _in_a_title(token: Token) -> bool:
    """A word inside the title of a show, a book or a film ("said on 'Meet the Press'", "the film
    'Talking to Strangers'"): it names the work, and no one does what it says."""
    return token.ent_type_ == "WORK_OF_ART"


# Names of bodies, laws and places, whose words may be words of acts ("Keep the Promise PAC").
NAMED_THINGS = frozenset({"ORG", "LAW", "FAC"})


def _inside_a_name(token: Token) -> bool:
    """A word inside the name of a body, a law or a place, before the name's last word: "the
    Collective Security Treaty Organization", "Keep the Promise PAC", "the Foreign Assistance Act"
    name a thing, and no one agrees, promises or aids. The name's last word may still be an act
    ("the Hanoi Summit", "the Malabar Joint Maritime Exercise"), which its own rules decide."""
    if token.ent_type_ not in NAMED_THINGS:
        return False  # most words: decided without building the next token
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I"


def _perfect_misread(verb: Token) -> bool:
    """'Authorities have since banned civilians from travelling': a perfect with an adverb between
    'have' and its participle, which the parser reads as 'have' + a phrase 'since banned
    civilians'. A participle right after 'have since' is the perfect's, and states the act."""
    if verb.i < 2:
        return False
    adverb, auxiliary = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    return adverb.lower_ in PERFECT_ADVERBS and auxiliary.lower_ in {"have", "has", "had"}


def _adjectival_participle(verb: Token) -> bool:
    """A present participle used as an adjective: before the noun it describes ('the negotiating
    table', 'the ruling party') or coordinated with an adjective ('friendly and accepting',
    'welcoming and supportive'). With an object of its own it is a verb ('accepting the offer')."""
    if verb.tag_ != "VBG" or any(c.dep_ in OBJECTS for c in verb.children):
        return False
    if verb.dep_ in {"amod", "compound"} and verb.head.i > verb.i:
        return True
    coordinated = [*verb.conjuncts, verb.head] if verb.dep_ == "conj" else list(verb.conjuncts)
    return any(t.pos_ == "ADJ" for t in coordinated)


def _generic_activity(verb: Token) -> bool:
    """A gerund that is the subject of its clause, with no doer of its own: 'bargaining with
    militias is deemed unlawful', 'talking to voters is hard'. It names a kind of act to judge,
    not one that took place ('their meeting the envoy angered Dorvan' has its doer)."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in {"csubj", "csubjpass"}
        and not any(c.dep_ in {"nsubj", "poss"} for c in verb.children)
    )


def _is_idiomatic_other(verb: Token) -> bool:
    """'strike' with a deal, 'back' with down: these carry another entry, not the bare one; 'as
    opposed to' is an idiom of comparison."""
    lemma = lemma_of(verb)
    if lemma == "call" and not any(c.dep_ == "dobj" for c in verb.children):
        return True
    if lemma == "oppose" and 0 < verb.i < len(verb.doc) - 1:
        # "as opposed to the plan of her rival": a comparison, no one opposes anything
        return verb.doc[verb.i - 1].lower_ == "as" and verb.doc[verb.i + 1].lower_ == "to"
    return lemma == "back" and any(lemma_of(c) == "down" for c in verb.children)


def _seeks_to_act(verb: Token, entry: Trigger) -> bool:
    """'sought to destroy the tunnels' is an aim, not a request ('sought India's help' is one)."""
    children = list(verb.children)
    return (
        entry.type == "REQUEST"
        and entry.with_ is None
        and lemma_of(verb) in INTENT_VERBS
        and any(c.dep_ == "xcomp" for c in children)
        and not any(c.dep_ in OBJECTS for c in children)
    )


def _contact_clause_object(verb: Token, lemma: str) -> bool:
    """'The sanctions Washington imposed', 'the pact the rebels signed': a relative clause with no
    relative word and no object of its own has for object the noun it hangs on."""
    if verb.dep_ != "relcl" or verb.head.i > verb.i or lemma_of(verb.head) != lemma:
        return False
    return not any(c.dep_ in {"dobj", "nsubjpass"} or c.tag_ in {"WDT", "WP"} for c in verb.children)


def _antecedents(pronoun: Token, verb: Token) -> set[str]:
    """The lemmas a relative pronoun object may stand for: the noun its clause hangs on, and the
    noun before that noun's preposition, where the parser often hangs the clause ('its embassy in
    Pellane, which it closed': the clause hangs on 'Pellane')."""
    if verb.dep_ != "relcl" or pronoun.lower_ not in {"which", "that", "whom"}:
        return set()
    noun = verb.head
    found = {lemma_of(noun)}
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        found.add(lemma_of(noun.head.head))
    return found


def _setting_phrase(preposition: Token) -> bool:
    """'on Thursday', 'in West Virginia': a preposition whose object is a date, a time or a place."""
    kinds = {"DATE", "TIME"} | ({"GPE", "LOC", "FAC"} if preposition.lower_ in LOCATION_PREPS else set())
    return preposition.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ in kinds for g in preposition.children
    )
