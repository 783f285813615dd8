"""Reading the dependency parse for the event stage: who is a verb's subject, which verb governs a
clause, what is done to whom.

No event decision lives here: these are the questions about the parse that the trigger, type,
argument, modality and place modules all ask, answered once. The word lists kept here are the
grammar's (subjects, objects, verbs whose object controls their complement, verbs whose complement
is an intention), not an event type's.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.extract import lexicon

SUBJECTS = {"nsubj", "csubj"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
# "urged Israel to allow": the object of these verbs is the subject of their complement.
OBJECT_CONTROL = {
    "urge", "ask", "order", "tell", "force", "persuade", "call", "press", "invite", "allow", "help",
    "encourage", "compel", "instruct", "request", "want", "expect", "pressure", "push", "appeal", "direct",
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


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            if child.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
                return verb.head  # "militants who attacked a hotel", "an NGO that worked with them"
            return child
    # "X urged Y to allow": Y. "X has tried to hack", "X agreed to withdraw": X.
    if verb.dep_ == "xcomp" and lemma_of(verb.head) in OBJECT_CONTROL:
        for child in verb.head.children:
            if child.dep_ == "dobj":
                return child
            if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
                return next((g for g in child.children if g.dep_ == "pobj"), None) or subject_of(verb.head)
    if verb.dep_ in {"xcomp", "conj", "acomp"} and verb.head != verb:
        return subject_of(verb.head)
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
        # Only someone can act: "took credit for attacking" leaves the act to the subject.
        done_by = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        if done_by is not None and verb.head.head.pos_ == "VERB" and _someone(done_by):
            return done_by
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return subject_of(verb.head.head)  # "Suga will visit India after meeting with Biden"
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
        return verb.head
    return None


def _someone(noun: Token) -> bool:
    """Whether a noun can name who acts: a name, a pronoun, or a role word ("the army")."""
    return (
        noun.pos_ in {"PROPN", "PRON"}
        or noun.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        or noun.lower_ in lexicon.roles()
        or lemma_of(noun) in lexicon.roles()
    )


def governor_of(clause: Token) -> Token | None:
    """The verb or adjective whose complement this clause is ('tried' in 'tried to hack')."""
    if clause.dep_ in {"xcomp", "ccomp"} and clause.head != clause:
        return clause.head
    if clause.dep_ == "pcomp" and clause.head.head != clause.head:
        return clause.head.head
    return None


def objects_of(noun: Token, prepositions: set[str]) -> list[Token]:
    return [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in prepositions
        for g in c.children
        if g.dep_ == "pobj"
    ]


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
