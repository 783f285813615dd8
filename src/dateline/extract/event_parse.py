"""Reading the dependency parse for the event stage: who is a verb's subject and a passive's agent,
which verb governs a clause, what is done to whom.

No event decision lives here: these are the questions about the parse that the trigger, type,
argument, modality and place modules all ask, answered once. The word lists kept here are the
grammar's (subjects, objects, verbs whose object controls their complement, verbs whose complement
is an intention, nouns whose infinitive or participle is their owner's act), not an event type's.
Whether a word names one person (``is_person``) or a person or group (``is_people``, with the
people nouns it knows, ``CAPTIVE_NOUNS``), and who a verb says acts (``who_acts``, in either voice),
are answered here too, for the broad verbs and their cooperative and force senses.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.entity_descriptions import DEFINITE

SUBJECTS = {"nsubj", "csubj"}
# The noun subject of a clause in either voice: "Peru attacked", "the town was shelled".
NOUN_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
OBJECTS = {"dobj", "dative", "attr", "oprd"}
# Words from the comma to a denial that names the charge it answers: "a charge the Taliban
# government in Kabul denies".
DENIAL_REACH = 9
# "urged Israel to allow": the object of these verbs is the subject of their complement.
OBJECT_CONTROL = {
    "urge", "ask", "order", "tell", "force", "persuade", "call", "press", "invite", "allow", "help",
    "encourage", "compel", "instruct", "request", "want", "expect", "pressure", "push", "appeal", "direct",
    # what makes another act: "crossed the line, prompting South Korean troops to fire warning shots"
    "prompt", "spur", "provoke", "drive", "oblige",
}  # fmt: skip
# Prepositions of place ("in Gaza", "a post at Busia").
LOCATION_PREPS = {"in", "at", "near", "inside", "outside", "around", "throughout", "across"}
# Verbs whose complement is an intention, a plan or a wish, not something that happened.
INTENT_VERBS = {
    "plan", "intend", "expect", "hope", "want", "aim", "seek", "prepare", "set", "schedule",
    "wish", "vow", "decide", "threaten", "propose", "consider", "ready",
}  # fmt: skip


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def verb_keys(verb: Token) -> list[tuple[str, str]]:
    """Table keys for a verb: its lemma, then the forms the small model's lemmatizer sometimes
    misses ('staged' -> 'stag' instead of 'stage')."""
    word, lemma = verb.lower_, verb.lemma_.lower()
    forms = [lemma]
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and not doc[verb.i - 1].whitespace_:
        # 'test-fired' is three tokens: the hyphenated verb comes first, then the bare one
        forms.insert(0, f"{doc[verb.i - 2].lower_}-{lemma}")
    if verb.tag_ in {"VBD", "VBN"} and word.endswith("ed") or verb.tag_ == "VBZ" and word.endswith("s"):
        forms += [word[:-1], word[:-2]]
    elif verb.tag_ == "VBG" and word.endswith("ing"):
        forms += [word[:-3] + "e", word[:-3]]
    return [(form, "VERB") for form in dict.fromkeys(forms)]


def by_agent(verb: Token) -> Token | None:
    """The noun of a passive verb's ``by`` phrase ('backed by the army': the army), if it has one."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


# Conjunctions before a subjectless participle that leave its subject the main clause's.
SHARED_SUBJECT_MARKS = {"while", "whilst", "when", "after", "before", "since", "upon", "by"}


def passive_voice(verb: Token) -> bool:
    """'Was attacked', 'had been rescued', 'who was killed': the verb has a passive subject or
    auxiliary of its own."""
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def passive_described(verb: Token) -> Token | None:
    """The noun a passive participle or passive relative clause describes, which undergoes the act:
    'the Front, attacked by Marovian troops', 'the leader who was killed'."""
    if verb.dep_ not in {"acl", "relcl"} or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in SUBJECTS for c in verb.children):
        return None if misread_main_verb(verb) else verb.head
    return verb.head if verb.dep_ == "relcl" and passive_voice(verb) else None


def misread_main_verb(verb: Token) -> bool:
    """'The Fund's executive board approved on Monday a loan to Marovia': the parser, finding no
    verb, hangs the sentence's past verb on its subject as a participle describing it. A participle
    that has an object of its own and describes a noun standing as the whole sentence is that
    noun's act, in the active: a passive participle takes no direct object."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.dep_ == "ROOT"
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def misread_reduced_passive(verb: Token) -> tuple[Token, Token] | None:
    """'The Front, designated a terrorist group by Marovia and Dorvan, took up arms in 1984': the
    parser takes the participle set off after a noun for the sentence's past verb, with the noun as
    its subject and the true main verb as its conjunct. A past form right after its subject and a
    comma, with a by-phrase, and a conjunct verb of no subject of its own after another comma, is a
    passive describing that noun: the noun (done to) and the by-agent (who did it)."""
    doc = verb.doc
    if verb.tag_ not in {"VBD", "VBN"} or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.right_edge.i not in {verb.i - 2, verb.i - 1}:
        return None
    # the parser hangs the by-phrase on the verb or on its second object ("a group by Marovia")
    holders = [verb, *(c for c in verb.children if c.dep_ in OBJECTS)]
    agents = [
        g for h in holders for c in h.children if c.lower_ == "by" for g in c.children if g.dep_ == "pobj"
    ]
    if not agents:
        return None
    main = [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ in {"VERB", "AUX"}
        and c.i > agents[0].i
        and doc[c.left_edge.i - 1].text == ","
        and not any(g.dep_ in NOUN_SUBJECTS for g in c.children)
    ]
    return (subject, agents[0]) if main else None


def bare_participle(verb: Token) -> bool:
    """'aided by the Russians', 'opposed by Dorvan': a passive participle adjunct or conjunct with
    no subject of its own."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in {"advcl", "conj", "acl"}
        and not any(c.dep_ in NOUN_SUBJECTS or c.dep_ == "aux" for c in verb.children)
    )


def passive_agent(verb: Token) -> Token | None:
    """The by-agent of a passive, or of the passive it shares its subject with: 'Brell was arrested
    and charged by the police', 'the envoys were expelled by Marovia and banned from returning'."""
    if not passive_subjects(verb):
        return None
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        shared = [
            t for t in verb.conjuncts if not any(c.dep_ in SUBJECTS | {"nsubjpass"} for c in t.children)
        ]
    else:
        shared = [verb.head]  # the verb that holds the subject it shares
    return by_agent(verb) or next((a for t in shared if (a := by_agent(t)) is not None), None)


def passive_subjects(verb: Token) -> list[Token]:
    """A passive verb's subject, also for a second passive sharing it ('was arrested and charged')."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if own or verb.dep_ != "conj" or verb.tag_ != "VBN" or any(c.dep_ in SUBJECTS for c in verb.children):
        return own
    return [c for c in verb.head.children if c.dep_ == "nsubjpass"]


def participle_agents(noun: Token, verbs: frozenset[str] | None = None) -> list[Token]:
    """'attacks carried out by the Front', 'the raids, conducted by police', 'an offensive launched
    by the army': the by-agent of a passive participle describing a noun trigger is who did it
    (with ``verbs``, only the agent of one of these verbs)."""
    return [
        agent
        for child in noun.children
        if child.dep_ in {"acl", "relcl"} and child.tag_ == "VBN"
        and (verbs is None or lemma_of(child) in verbs)
        and not any(c.dep_ in SUBJECTS for c in child.children)
        and (agent := by_agent(child)) is not None
    ]  # fmt: skip


def subject_of(verb: Token) -> Token | None:
    subjects = _nearest_first(verb, [c for c in verb.children if c.dep_ in SUBJECTS])
    if subjects:
        child = subjects[0]
        if child.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            # "militants who attacked a hotel", "an NGO that worked with them"
            return _coordinated_antecedent(verb)
        return child
    # "X urged Y to allow": Y. "X has tried to hack", "X agreed to withdraw": X.
    if verb.dep_ == "xcomp" and lemma_of(verb.head) in OBJECT_CONTROL:
        for child in verb.head.children:
            if child.dep_ == "dobj":
                return child
            if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
                return next((g for g in child.children if g.dep_ == "pobj"), None) or subject_of(verb.head)
    hired = _hired_doer(verb)
    if hired is not None:
        return hired
    speaker = speaker_going_on(verb) or _stranded_subject(verb)
    if speaker is not None:
        return speaker
    if verb.dep_ == "xcomp":
        # "the Front is believed to have attacked", "Marovia was forced to withdraw": the one a
        # passive is about does what its complement says.
        passive = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and passive.tag_ not in {"WP", "WDT"}:
            return passive
    if verb.dep_ in {"xcomp", "conj", "acomp"} and verb.head != verb:
        return subject_of(verb.head)
    if _kept_so(verb):
        # "the Commission has kept the funds frozen", "had the roads closed": who keeps a thing
        # in that state is who put it there
        return subject_of(verb.head)
    named = verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and named.dep_ in NOUN_SUBJECTS and named.i < verb.i:
        # "Trump, later alleging that ...": the parser hangs a participle set off after a subject
        # on it as a clause of its own; the subject is the one it describes
        return named
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and all(c.lower_ in SHARED_SUBJECT_MARKS for c in verb.children if c.dep_ == "mark")
    ):
        # "Trump wrote to the company, threatening a lawsuit", "Casin, while condemning the violence,
        # says": a participle with no subject of its own shares the clause's.
        return subject_of(verb.head)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in {"of", "for", "from"}:
        # "accused Israel of attacking the camp", "blamed the rebels for shelling", "stopped them
        # from attacking": the one the verb is about does the act, not the verb's subject.
        # Only someone can act: "took credit for attacking" leaves the act to the subject. In the
        # passive the one accused is the subject: "operatives were accused of planning".
        done_by = next((c for c in verb.head.head.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        if done_by is not None and verb.head.head.pos_ == "VERB" and _someone(done_by):
            return done_by
    claimed = verb.head.head
    if verb.dep_ == "pcomp" and lemma_of(claimed) in CLAIMED_NOUNS and claimed.dep_ == "dobj":
        # "the Front claimed responsibility for attacking the post": who claims the act did it
        return subject_of(claimed.head)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return subject_of(verb.head.head)  # "Suga will visit India after meeting with Biden"
    purpose = _purpose_doer(verb) or _author_of(verb)
    if purpose is not None:
        return purpose
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return verb.head
    return None


# Auxiliaries of a plural subject: "which have called", "who were detained".
PLURAL_AUXILIARIES = frozenset({"have", "are", "were", "do"})


def _coordinated_antecedent(relative: Token) -> Token:
    """The noun a relative clause describes: 'the Oskel League and the Velmar Union, which have
    called for': the parser hangs the clause on the last of several names, and a plural verb after
    a singular one says it describes them all (the first one, with its conjuncts)."""
    noun = relative.head
    plural = relative.tag_ == "VBP" or any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in PLURAL_AUXILIARIES for c in relative.children
    )
    if noun.dep_ != "conj" or noun.tag_ not in {"NN", "NNP"} or not plural:
        return noun
    while noun.dep_ == "conj" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head
    return noun


# Verbs that keep what they take in the state their object predicate says ("kept the funds
# frozen"): their subject does what the participle says.
KEEPING_VERBS = frozenset({"keep", "hold", "have", "get"})


def _kept_so(verb: Token) -> bool:
    """'kept the funds frozen': a participle after the object of a keeping verb, which the parser
    reads as its object predicate or as a clause of its own."""
    keeper = verb.head
    if verb.tag_ != "VBN" or lemma_of(keeper) not in KEEPING_VERBS or keeper.i > verb.i:
        return False
    if verb.dep_ == "oprd":
        return True
    kept = [c for c in keeper.children if c.dep_ == "dobj" and c.i < verb.i]
    return verb.dep_ == "advcl" and bool(kept) and not any(c.dep_ in NOUN_SUBJECTS for c in verb.children)


# Verbs that report speech, and the acts done by speaking that a report goes on with: "Ruto said
# the talks were stalled and urged Dorvan to withdraw".
REPORTING_VERBS = frozenset({
    "say", "tell", "add", "state", "announce", "note", "write", "declare", "insist", "respond", "reply",
})  # fmt: skip
SPEECH_ACTS = frozenset({
    "urge", "call", "accuse", "demand", "ask", "appeal", "warn", "criticize", "criticise", "condemn",
    "blame", "deny", "reject", "praise", "welcome", "vow", "pledge", "promise", "threaten", "denounce",
    "dismiss", "thank", "invite", "press", "implore", "charge", "slam", "hail", "rebuke", "plead",
})  # fmt: skip


def speaker_going_on(verb: Token) -> Token | None:
    """The speaker, for a speech act the parser conjoined to what the speaker said: 'Ruto said the
    talks were stalled and urged Dorvan to withdraw', 'Veld said his government "answers to no one"
    and accused Kessaria'. A state ("were stalled", "was concerned") or a present ("answers") does
    not go on into a past act of its own, so the act is the speaker's, who goes on speaking; after a
    past act of the reported subject the subject goes on ("said the protesters marched to the
    palace and demanded his resignation")."""
    said = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or said.dep_ != "ccomp" or lemma_of(verb) not in SPEECH_ACTS:
        return None
    if any(c.dep_ in NOUN_SUBJECTS | {"expl"} for c in verb.children):
        return None
    if not any(c.dep_ in NOUN_SUBJECTS for c in said.children):
        return None
    reporting = said.head
    # "said the arrests showed the government was settling scores and called on prosecutors": the
    # speaker's verb is the one whose that-clause holds the others
    while (
        lemma_of(reporting) not in REPORTING_VERBS
        and reporting.dep_ == "ccomp"
        and reporting.head != reporting
    ):
        reporting = reporting.head
    if lemma_of(reporting) not in REPORTING_VERBS:
        return None
    reported = next((c for c in said.children if c.dep_ in NOUN_SUBJECTS), None)
    # "said the ruling showed that protest has limits and warned residents": a thing reported
    # ("the ruling", "the arrests") cannot go on to warn or urge anyone; its speaker does
    thing = reported is not None and not _someone(reported) and lemma_of(reported) not in lexicon.who_nouns()
    going_on = _no_past_act(said) or thing
    return next((c for c in reporting.children if c.dep_ in SUBJECTS), None) if going_on else None


def _no_past_act(verb: Token) -> bool:
    """A state ("were stalled", "was concerned", "had sovereignty"), a present ("answers"), an act
    under way ("was conducting patrols") or one to come ("would issue"): nothing a past act of the
    same subject goes on from."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    going_on = verb.tag_ == "VBG" and bool(aux & {"was", "were", "is", "are"})
    holding = lemma_of(verb) == "have" and not aux and any(c.dep_ == "dobj" for c in verb.children)
    return (
        lemma_of(verb) == "be"
        or passive_voice(verb)
        or verb.tag_ in {"VBZ", "VBP"}
        or going_on
        or holding
        or bool(aux & MODALS)
    )


MODALS = frozenset({"would", "will", "could", "can", "may", "might", "should", "must", "shall"})


def _stranded_subject(verb: Token) -> Token | None:
    """'In a reply sent to Radio Oskel, the Dorvan Embassy dismissed the charges': after a fronted
    phrase ending in a name, the parser hangs the subject on that name as its apposition and leaves
    the main verb none. The apposition that ends right before a finite main verb is its subject."""
    if verb.dep_ != "ROOT" or verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i == 0:
        return None
    if any(c.dep_ in NOUN_SUBJECTS | {"csubj", "expl"} for c in verb.children):
        return None
    before = verb.doc[verb.i - 1]
    for noun in [before, *before.ancestors]:
        if noun.i == verb.i:
            return None
        if noun.dep_ == "appos" and noun.right_edge.i == verb.i - 1 and noun.head.i < noun.i:
            fronted = [a for a in noun.ancestors if a.dep_ == "prep" and a.head.i == verb.i and a.i < verb.i]
            return noun if fronted else None
    return None


# What one claims or takes for an act of one's own: "claimed responsibility for", "took credit for".
CLAIMED_NOUNS = frozenset({"responsibility", "credit", "blame"})


def _nearest_first(verb: Token, subjects: list[Token]) -> list[Token]:
    """A verb's subjects, the noun nearest before it first. Two subjects before one verb are a
    misparse, mostly of a heading run into the sentence ("Recent attacks Since May, the Front
    has ramped up attacks"): the noun next to the verb is its subject, not the heading; a
    quantifier set off between them ("hundreds of people, many holding flags, massed") is not."""
    before = [s for s in subjects if s.i < verb.i]
    nearest = sorted(before, key=lambda s: (s.pos_ not in {"NOUN", "PROPN"} and s.tag_ != "PRP", -s.i))
    return nearest + [s for s in subjects if s.i > verb.i]


# Verbs by which someone gets another to act for them: "hired a gunman to kill", "recruited
# teenagers to attack". The one hired does the act (a thing used, "paid money to", does not).
HIRING_VERBS = frozenset({"hire", "recruit", "pay", "commission", "enlist", "train", "contract", "bribe"})


def _hired_doer(verb: Token) -> Token | None:
    """The someone hired to do an infinitive: 'Amirov hired Mehdiyev to kill' -> Mehdiyev."""
    if verb.dep_ not in {"xcomp", "advcl"} or lemma_of(verb.head) not in HIRING_VERBS:
        return None
    if infinitive_to(verb) is None:
        return None
    hired = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    return hired if hired is not None and _someone(hired) else None


# Nouns of what someone issues, sends or passes, whose participle is its author's act: "issued
# warnings demanding", "passed a resolution condemning", "Kenya's letter urging".
MESSAGE_NOUNS = frozenset({
    "statement", "warning", "letter", "resolution", "message", "note", "petition", "report", "post",
    "tweet", "video", "decree", "order", "bill", "motion", "communique", "declaration", "ultimatum",
    "appeal", "complaint", "lawsuit", "suit", "memo", "notice", "directive",
})  # fmt: skip


def _author_of(verb: Token) -> Token | None:
    """Who does what a message's participle says: its owner ('Kenya's letter urging'), else whoever
    issued, sent or passed it ('Pyongyang issued a series of warnings demanding': Pyongyang)."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or lemma_of(noun) not in MESSAGE_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head != noun.head:
        noun = noun.head.head  # "a series of warnings", "a number of letters"
    return _doer_of(noun.head) if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None


# Verbs by which a message is put down to its author: "a statement attributed to the Front".
ATTRIBUTING_VERBS = frozenset({"attribute", "ascribe", "credit"})
# Verbs by which a message is put out: "a statement issued by the army".
ISSUING_VERBS = frozenset({"issue", "release", "post", "publish", "send", "sign", "put"})


def message_author(subject: Token) -> Token | None:
    """'A message attributed to the Front denied any involvement', 'a statement issued by the army
    rejected': what a message does, its author does."""
    if lemma_of(subject) not in MESSAGE_NOUNS:
        return None
    for child in subject.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and lemma_of(child) in ATTRIBUTING_VERBS:
            return next(iter(objects_of(child, {"to"})), None)
    return next(iter(participle_agents(subject, ISSUING_VERBS)), None)


# Participles that make a nation or body the leader or backer of another: "a Kenyan-led mission".
LEADING_PARTICIPLES = frozenset({"led", "backed", "sponsored", "funded", "brokered", "supported"})


def leader_of(word: Token, head: Token) -> bool:
    """'the Kenyan-led security mission', 'a U.S.-backed force': who leads or backs a body is not
    the body; the phrase says who acts (``_phrase_entity``)."""
    participle = word.head
    return (
        participle.lower_ in LEADING_PARTICIPLES
        and participle.head == head
        and word.i + 1 < len(word.doc)
        and word.doc[word.i + 1].text == "-"
    )


# Nouns of an intention whose infinitive is done by whoever has the intention: "in an effort to
# capture", "announced plans to attack", "Kenya's decision to close" (not an offer or a call, which
# ask someone else to act).
INTENTION_NOUNS = frozenset({
    "effort", "attempt", "bid", "move", "plan", "decision", "step", "pledge", "promise", "commitment",
    "campaign", "drive", "push", "intention", "determination", "readiness", "refusal", "failure",
    "willingness", "availability", "desire", "wish", "resolve",
})  # fmt: skip


def _purpose_doer(verb: Token) -> Token | None:
    """Who does a subjectless infinitive of purpose or intention: the subject of the clause it serves
    ("Japan held drills to demonstrate its strength", "the army attacked in an effort to capture
    Brell": Japan, the army), the one sent or made to do it ("troops were sent to quell the riots"),
    or whoever owns the intention ("Kenya's decision to close the camps")."""
    to = infinitive_to(verb)
    if to is None:
        return None
    if verb.dep_ == "advcl" and verb.head.pos_ in {"VERB", "AUX"}:
        # "a proposal made for the Council to lift sanctions": the for-phrase just before says who.
        named = [g for g in objects_of(verb.head, {"for"}) if g.right_edge.i + 1 == to.i]
        return named[0] if named else _doer_of(verb.head)
    noun = verb.head
    if verb.dep_ != "acl" or lemma_of(noun) not in INTENTION_NOUNS:
        return None
    if noun.dep_ == "conj":
        noun = noun.head  # "my willingness and availability to travel": the first one's owner
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"VERB", "AUX"}:
        return _doer_of(noun.head.head)  # "in a bid to", "in an effort to"
    if noun.dep_ == "dobj":
        return _doer_of(noun.head)  # "announced plans to", "made an attempt to"
    return None


def infinitive_to(verb: Token) -> Token | None:
    """The 'to' of an infinitive ('to withdraw'); None for any other verb form."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "TO"), None)


def _doer_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or the subject of its passive ('troops were sent')."""
    return subject_of(verb) or next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _someone(noun: Token) -> bool:
    """Whether a noun can name who acts: a name, a pronoun, a role word ("the army") or people of a
    nation ("Iranian operatives")."""
    return (
        noun.pos_ in {"PROPN", "PRON"}
        or noun.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        or noun.lower_ in lexicon.roles()
        or lemma_of(noun) in lexicon.roles()
        or any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in noun.children)
    )


def governor_of(clause: Token) -> Token | None:
    """The verb or adjective whose complement this clause is ('tried' in 'tried to hack')."""
    if clause.dep_ in {"xcomp", "ccomp"} and clause.head != clause and not answered_after(clause):
        return clause.head
    if clause.dep_ == "pcomp" and clause.head.head != clause.head:
        return clause.head.head
    return None


def answered_after(clause: Token) -> bool:
    """Whether the parser hung a reported act on the answer to it, as the answer's complement:
    'has accused the UAE of arming the RSF, a charge Abu Dhabi denies' read as if Abu Dhabi
    denied that anyone accused. The answer names the report by a charge noun after a comma
    (within ``DENIAL_REACH`` words); the report is the sentence's own statement, no content of
    the denial."""
    head = clause.head
    if clause.dep_ != "ccomp" or head.i <= clause.i:
        return False
    comma = max((t.i for t in clause.doc[clause.i : head.i] if t.text == ","), default=None)
    if comma is None or head.i - comma > DENIAL_REACH:
        return False
    return any(
        {lemma_of(t), t.lower_.rstrip("s")} & lexicon.CHARGE_NOUNS for t in clause.doc[comma + 1 : head.i]
    )


def objects_of(noun: Token, prepositions: set[str]) -> list[Token]:
    return [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in prepositions
        for g in c.children
        if g.dep_ == "pobj"
    ]


def dated(noun: Token, prepositions: set[str]) -> bool:
    """Whether a noun is named with a date: its own modifier ("the 2021 coup") or the object of one
    of ``prepositions`` ("protests in 2018", "the attack of 11 September")."""
    return any(t.ent_type_ == "DATE" for t in [*noun.children, *objects_of(noun, prepositions)])


def complement_subjects(verb: Token) -> list[Token]:
    """Who does what the verb's complement says: 'helped Syria retake', 'allowed the refugees to enter'."""
    return [
        s for c in verb.children if c.dep_ in {"ccomp", "xcomp"} for s in c.children if s.dep_ in SUBJECTS
    ]


def things_done_to(verb: Token) -> list[Token]:
    """The verb's objects, its passive subject, the noun a passive participle describes ("East
    Jerusalem, captured by Israel"), their conjuncts and what they count ("three of his co-defendants")."""
    things = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        things.append(verb.head)
    things += [c for t in things for c in t.conjuncts]
    return things + [g for t in things if t.pos_ in {"NUM", "PRON", "ADJ"} for g in objects_of(t, {"of"})]


def new_referent(noun: Token) -> bool:
    """A bare plural or an indefinite noun brings in someone not named before ("Lenders froze",
    "a court ordered"); a definite or owned one ("the group", "its army") may be a name said
    before in other words."""
    return not any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in noun.children)


def own_thing(noun: Token) -> bool:
    """'recalled its ambassador', 'withdrew their observers': the actor's own, not a target."""
    return any(c.dep_ == "poss" and c.lower_ in {"its", "their", "his", "her", "our"} for c in noun.children)


def descendants(head: Token, leave_out: Callable[[Token, int], bool]) -> list[Token]:
    """``head``'s descendants, depth first, without the subtrees ``leave_out(child, preps)``
    rejects; ``preps`` counts the prepositions between ``head`` and the child, itself included."""
    tokens: list[Token] = []
    stack = [(head, 0)]
    while stack:
        token, depth = stack.pop()
        for child in token.children:
            preps = depth + (child.dep_ == "prep")
            if leave_out(child, preps):
                continue
            tokens.append(child)
            stack.append((child, preps))
    return tokens


def in_location_phrase(token: Token) -> bool:
    """The object of 'in', 'at', 'near', ... ('a curfew in Port Moresby', 'a post at Busia')."""
    while token.dep_ in {"compound", "amod"} and token.head != token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATION_PREPS


def is_person(token: Token, analysis: EntityAnalysis) -> bool:
    """One named person ("helped Clinton" is campaigning, not aid)."""
    found = analysis.mention_at(token.i)
    return token.ent_type_ == "PERSON" or (found is not None and found[1].type == "PERSON")


# People held or freed: role nouns a person or group goes by ('released the journalist'), which
# ``is_people`` knows and "release" needs (event_broad_verbs).
CAPTIVE_NOUNS = {
    "prisoner", "hostage", "detainee", "captive", "inmate", "dissident", "activist", "journalist",
    "reporter", "soldier", "sailor", "fisherman", "worker", "national", "citizen", "person", "people",
    "man", "woman", "child", "student", "leader", "official", "crew", "passenger", "tourist", "suspect",
    "businessman", "diplomat", "missionary", "pilot", "officer", "policeman", "priest", "nun", "monk",
    "employee", "staff", "member", "hiker", "athlete", "refugee", "migrant", "civilian", "fighter",
    "wounded", "injured", "resident", "villager", "family", "personnel", "cleric",
}  # fmt: skip
# "the detained businessmen", "kidnapped engineers": whoever is held is a captive, whatever the noun.
CAPTIVITY_PARTICIPLES = {
    "detain",
    "kidnap",
    "jail",
    "abduct",
    "capture",
    "imprison",
    "arrest",
    "hold",
    "seize",
}


def is_people(token: Token, analysis: EntityAnalysis) -> bool:
    """A person or group: a name, a role word ('the opposition leader'), a personal pronoun."""
    if token.lower_ in {"him", "her", "them", "he", "she", "they"}:
        return True
    found = analysis.mention_at(token.i)
    if found is not None:
        return found[1].type in {"PERSON", "GROUP", "NORP"}
    held = any(c.dep_ in {"amod", "acl"} and lemma_of(c) in CAPTIVITY_PARTICIPLES for c in token.children)
    return held or lemma_of(token) in CAPTIVE_NOUNS or lexicon.roles().get(token.lower_) is not None


def who_acts(verb: Token) -> Token | None:
    """Who the verb says acts: its subject, or in a passive clause its ``by`` agent ('but is
    threatened by the high consumption': the consumption, not the subject of the clause before);
    None when a passive names no one."""
    if passive_clause(verb):
        return by_agent(verb)
    doer = subject_of(verb)
    if doer is not None and doer.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        doer = verb.head  # "a deal that supports ...", "Iraq, which threatened": the noun it is about
    return doer


def passive_clause(verb: Token) -> bool:
    """'Was threatened', 'had been rescued': a passive clause (not a participle modifying a noun,
    'refugees allowed to enter', whose noun is who the verb is about)."""
    return verb.tag_ == "VBN" and passive_voice(verb)


# Currencies named as the noun of a sum ("40 million euros", "20 million pounds"); the parser often
# leaves such a sum without the MONEY label it gives "$90 million".
CURRENCY_NOUNS = frozenset({
    "dollar", "euro", "pound", "yen", "yuan", "renminbi", "rupee", "franc", "shilling", "naira",
    "rand", "dirham", "riyal", "dinar", "peso", "real", "ruble", "rouble", "hryvnia", "lira", "won",
    "krona", "krone", "cedi", "birr", "taka", "ringgit", "rupiah", "baht", "dong", "afghani",
})  # fmt: skip
CURRENCY_SIGNS = frozenset({"$", "£", "€", "¥", "US$"})


def sum_of_money(token: Token) -> bool:
    """A sum of money: '$90 million', '40 million euros', 'a $2 billion'. A count of pounds of
    something ('2,000 pounds of rice') is a weight, and a bare 'dollars' or 'euros' no sum."""
    if token.pos_ not in {"NOUN", "NUM"}:
        return False
    # "$90 million", "US$5 billion" (not "a $20 billion loan program", whose head is the program)
    signed = any(c.text in CURRENCY_SIGNS for c in token.subtree if c.i <= token.i)
    if signed and (token.ent_type_ == "MONEY" or token.pos_ == "NUM"):
        return True
    counted = any(c.dep_ == "nummod" or c.pos_ == "NUM" for c in token.children)
    if lemma_of(token) in CURRENCY_NOUNS and counted:
        return not (lemma_of(token) == "pound" and objects_of(token, {"of"}))
    return False


# Participles that take an object in the passive too ("she's given a week", "he's denied bail",
# "he's called a liar"): with these "'s" may well be "is".
OBJECT_PASSIVES = frozenset({
    "give", "grant", "offer", "award", "hand", "tell", "ask", "send", "show", "deny", "promise",
    "pay", "lend", "allow", "charge", "fine", "sentence", "name", "call", "elect", "appoint",
    "make", "consider", "leave", "teach", "owe", "refuse", "spare", "assign",
})  # fmt: skip


def reattach_finite_conjuncts(doc: Doc) -> None:
    """'Accused the government of making farmers pay and called for the governor to resign': the
    parser joins the finite verb to the gerund under "of", as if the government called. A verb in
    the past tense with no subject of its own cannot share a gerund's; it is the second act of the
    verb the gerund's preposition hangs on, and is hung there (with its "and") for every rule
    that reads subjects, governors and modality."""
    for verb in doc:
        if verb.dep_ != "conj" or verb.tag_ != "VBD":
            continue
        gerund = verb.head
        if gerund.tag_ != "VBG" or gerund.dep_ != "pcomp":
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
            continue
        main = gerund.head.head
        if main.pos_ not in {"VERB", "AUX"} or main.tag_ not in {"VBD", "VBZ", "VBP"}:
            continue  # "the charge of taking bribes and ...": no finite verb to share
        for word in [c for c in gerund.children if c.dep_ == "cc" and c.i < verb.i]:
            word.head = main
        verb.head = main


def reread_contracted_perfects(doc: Doc) -> None:
    """'Ann Vale, who's accused Marovia of arming the Front', 'he's criticized the plan': the
    parser reads "'s" before a participle as "is", a passive whose subject is done to. A participle
    with a direct object of its own is active, and "'s" is "has": its subject is who acts. The
    dependency labels are set right here, for every rule that reads subjects and passives."""
    for verb in doc:
        if verb.tag_ != "VBN" or lemma_of(verb) in OBJECT_PASSIVES:
            continue
        aux = [c for c in verb.children if c.dep_ == "auxpass"]
        if len(aux) != 1 or aux[0].lower_ not in {"'s", "\u2019s"}:
            continue  # "who's been accused" is a passive
        if not any(c.dep_ == "dobj" for c in verb.children):
            continue
        aux[0].dep_ = "aux"
        for subject in (c for c in verb.children if c.dep_ == "nsubjpass"):
            subject.dep_ = "nsubj"
