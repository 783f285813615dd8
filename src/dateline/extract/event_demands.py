"""Requests whatever their verb, and the asking that is no request.

Decided here: whether a verb demands an act with no request word in the trigger table — a
mandative that-clause ("insisted that the minister resign"), wanting or hoping that another party
acts ("Kenya wants Somalia to withdraw"; a party, not a thing: "hopes the project will allow"
asks no one), another party's must or should in what a speaker says
("Egypt said Israel must withdraw") — and whether "ask" asks a question rather than for something,
or for a source's own anonymity, and whether asking or pressing is an interview's question (a
journalist's, one asked in passing, 'pressed on why') or one asked for effect ('I ask, for who?').
The trigger finder (``event_triggers``) asks these questions; which clauses name an act and who
is a party are its answers, passed in as ``names_an_act`` and ``is_party``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.extract.event_parse import NOUN_SUBJECTS, SUBJECTS, by_agent, lemma_of, passive_voice, verb_keys

# "Egypt said Israel must withdraw": a speaker's must/should about another party's act is a demand.
SAYING_VERBS = {"say", "tell", "insist", "stress", "declare", "state", "add", "argue", "write", "reiterate"}
DEONTIC_AUX = {"must", "should", "ought"}
DEONTIC_VERBS = {"have", "need"}  # "has to withdraw", "needs to release"
# "Kenya wants Somalia to withdraw": wanting another party's act is asking for it.
WANTING = {"want", "wish"}
HOPING = {"hope", "desire"}  # hoping that another party acts is an appeal (CAMEO 020)
# "helped Beijing tighten control", "let the convoy pass", "saw troops enter": a bare infinitive
# after these is no mandative subjunctive, and demands nothing.
BARE_INFINITIVE_VERBS = {"help", "let", "see", "watch", "hear", "feel", "notice"}
# Verbs that take a mandative that-clause ("insisted that the minister resign").
MANDATIVE = {
    "demand", "insist", "propose", "recommend", "ask", "urge", "order", "require", "suggest", "request",
    "stipulate", "decree", "move", "command", "direct",
}  # fmt: skip


# Verbs that direct a party to act ("instructed Niamey not to sell the stockpile", "the police are
# instructed to take all measures", "tasked the army with collecting weapons"): an order is a
# demand (CAMEO 10) when what it orders is no act of the table; an ordered act ("ordered the
# government to release the activists") stands for the order. "Tell" directs only toward an act
# ("told the council to impose a ban"), as it is more often said of what someone was told than of
# an order; "task" with what the task is ("tasked the army with"); "charged him with fraud" accuses.
DIRECTING_VERBS = frozenset({"order", "instruct", "direct", "command"})


# Words for states and sides, which act though no name or role says who they are.
STATE_NOUNS = frozenset({"country", "nation", "state", "government", "side", "party", "power", "ally"})


# Who asks questions for a living, beyond the media's role words ("ABC's host", "the reporter").
INTERVIEWERS = frozenset({"interviewer", "moderator", "presenter", "questioner", "panelist", "panellist"})
# "when asked to pick a running mate", "if pressed": an answer's occasion, not a request.
INTERVIEW_MARKS = frozenset({"when", "if", "whenever", "once"})
# "pressed on why", "asked about whether", "for who exactly?": what a question is about.
QUESTION_PREPS = frozenset({"on", "about", "over", "for", "as"})


# Asking not to be named or identified is a source's condition (asks_to_stay_unnamed).
UNNAMED_WORDS = frozenset({"name", "identify", "quote", "cite"})
# How a source's name is kept back without a negation ("withheld", "identified only as Zarga").
KEPT_BACK = frozenset({"withhold", "only", "partially", "first"})


def asks_to_stay_unnamed(verb: Token) -> bool:
    """'Who asked not to be named', 'asked that her name not be used', 'asked for anonymity': a
    source's condition, told to say why no name is given; no request to anyone."""
    if lemma_of(verb) not in {"ask", "request"}:
        return False
    for child in verb.children:
        asked_for = [child] if child.dep_ == "dobj" else [g for g in child.children if g.dep_ == "pobj"]
        if child.dep_ in {"dobj", "prep"} and any(lemma_of(t) == "anonymity" for t in asked_for):
            return True  # "asked for anonymity", not "asked the court to protect witnesses' anonymity"
        phrase = list(child.subtree)
        words = {lemma_of(t) for t in phrase}
        negated = any(t.dep_ == "neg" for t in phrase)
        if child.dep_ in {"xcomp", "ccomp"} and negated and words & UNNAMED_WORDS:
            return True
        # "asked that his name be withheld", "asked to be identified only by her first name"
        if child.dep_ in {"xcomp", "ccomp"} and words & UNNAMED_WORDS and words & KEPT_BACK:
            return True
        if (
            child.dep_ == "xcomp"
            and lemma_of(child) == "identify"
            and any(c.dep_ == "auxpass" for c in child.children)
        ):
            return True  # "asked to be identified only as Zarga": how the source is named
    return False


def asks_a_question(verb: Token, is_journalist: Callable[[Token], bool]) -> bool:
    """'asked Rubio which states he could win', 'when asked about the crisis', a quoted question:
    a question, not a request. 'asked the campaign to stop', 'asked for help', 'asked India's help' request.
    What a journalist asks or presses a politician for is an interview question (``is_journalist``: a
    word or name for one), and so is being asked or pressed in passing ('when asked to pick
    a running mate', 'pressed on why he had said it')."""
    lemma = lemma_of(verb)
    if lemma not in {"ask", "press"}:
        return False
    if _interviewer(verb, is_journalist) or _asked_in_passing(verb) or _asked_which(verb):
        return True
    if lemma != "ask":
        return False
    children = list(verb.children)
    if any(c.dep_ == "xcomp" or _asks_for(c) for c in children):
        return False
    sentence = verb.sent
    if any(t.text == "?" for t in verb.doc[max(0, sentence.start - 3) : sentence.end]):
        return True  # '"Why do you still back the plan?" Veld asked': the parser may split it off
    clauses = [c for c in children if c.dep_ == "ccomp"]
    if any(_mandative(c, after_demand_verb=True) for c in clauses):
        return False  # "asked that the convoy be let through"
    things = [c for c in children if c.dep_ == "dobj" and c.ent_type_ == "" and c.pos_ == "NOUN"]
    return bool(clauses) or not any(lemma_of(t) != "question" for t in things)


def _asks_for(child: Token) -> bool:
    """'asked for help', and 'asked Brell for sanctions relief', where the parser hangs "for" on
    the one asked: both ask for something."""
    if child.dep_ == "prep" and child.lower_ == "for":
        return True
    return child.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ == "for" for g in child.children)


def _interviewer(verb: Token, is_journalist: Callable[[Token], bool]) -> bool:
    """'Pressed by ABC's host, Brell said', 'was pressed by the anchor about his remarks': the one
    who asks or presses is a journalist, whose questions ask nothing of a party. What a journalist
    asks someone to do ('the moderator asked the candidates to raise their hands') is a request."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False
    passive = verb.tag_ == "VBN" and (passive_voice(verb) or verb.dep_ in {"advcl", "acl", "conj"})
    asker = by_agent(verb) if passive else next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    return asker is not None and (is_journalist(asker) or lemma_of(asker) in INTERVIEWERS)


def _asked_in_passing(verb: Token) -> bool:
    """'Brell named Veld when asked to pick a running mate', 'if pressed, he says': a clause of
    time or condition with no asker and no subject of its own is the interview the answer came in."""
    if verb.dep_ != "advcl" or verb.tag_ not in {"VBN", "VBD"} or by_agent(verb) is not None:
        return False
    if any(c.dep_ in NOUN_SUBJECTS or c.dep_ in {"aux", "auxpass"} for c in verb.children):
        return False
    return any(c.dep_ in {"mark", "advmod"} and c.lower_ in INTERVIEW_MARKS for c in verb.children)


def _asked_which(verb: Token) -> bool:
    """'Pressed on why he had praised Veld', 'pressed about whether', '"I ask, for who exactly?"':
    what is asked is a question (a wh-word opens it), not an act. After 'for' only a question
    asked with its mark is one: 'asked for what they are owed' asks for something."""
    doc = verb.doc
    asked = [
        c
        for c in verb.children
        if c.dep_ == "prep"
        and c.lower_ in QUESTION_PREPS
        and c.i + 1 < len(doc)
        and (doc[c.i + 1].tag_ in {"WP", "WRB", "WDT"} or doc[c.i + 1].lower_ == "whether")
    ]
    return any(c.lower_ != "for" or any(t.text == "?" for t in doc[c.i : c.sent.end]) for c in asked)


def demands_an_act(
    verb: Token, names_an_act: Callable[[Token], bool], is_party: Callable[[Token], bool]
) -> bool:
    """A demand whatever its verb: a that-clause in the mandative subjunctive ('insisted that the
    minister resign', 'ordered that the journalists be freed'), or wanting another party to act
    ('Kenya wants Somalia to withdraw'; not 'Kenya wants to buy wheat'). The demanded act must be
    an event ('I want you to know' demands nothing), and what is wanted or hoped of must be a party
    that can act (``is_party``): 'hopes the fund will help others to study', 'hopes a ceasefire
    could take place' ask no one."""
    for clause in verb.children:
        if clause.dep_ not in {"ccomp", "xcomp"} or clause.pos_ not in {"VERB", "AUX"}:
            continue
        subjects = [c for c in clause.children if c.dep_ in NOUN_SUBJECTS]
        if (
            clause.dep_ == "ccomp"
            and lemma_of(verb) in SAYING_VERBS
            and _obliges_another(verb, clause, subjects)
        ):
            obliged = _obligation_verb(clause)
            # '"This violence must stop," Veld said' wishes a thing ended and asks no one: the one
            # obliged must be a party, or whoever is to do a passive act ("must be freed")
            if obliged is not None and (
                (names_an_act(obliged) and _obliges_a_party(subjects[0], obliged, is_party))
                or _party_told(verb, subjects[0], is_party)
            ):
                return True
        if not names_an_act(clause):
            continue
        wanted = subjects + [c for c in verb.children if c.dep_ == "dobj"]
        if lemma_of(verb) in WANTING and wanted and _asked_of(wanted[0], clause, is_party):
            return True
        hoping = any(form in HOPING for form, _ in verb_keys(verb))  # the small model says 'hop'
        if (
            hoping
            and subjects
            and _another_party(verb, subjects[0])
            and _asked_of(subjects[0], clause, is_party)
        ):
            return True  # "Japan hopes China will release the businessmen" (CAMEO 020, an appeal)
        if (
            clause.dep_ == "ccomp"
            and subjects
            and lemma_of(verb) not in BARE_INFINITIVE_VERBS
            and _mandative(clause, lemma_of(verb) in MANDATIVE)
        ):
            return True
    return False


def directs_a_party(
    verb: Token, names_an_act: Callable[[Token], bool], is_party: Callable[[Token], bool]
) -> bool:
    """'A tribunal instructed Dorvan not to sell', 'the police are instructed to take measures',
    'told council members to impose a ban', 'tasked the army with collecting weapons': a party
    directed to act. An order whose content is itself an act ('the court ordered the government
    to release the activists', 'ordered him to be released') is told by that act, as done; one
    told to act is asked to ('told council members to impose a ban'). Not 'ordered the
    evacuation', 'told reporters to expect a long night', 'charged him with fraud' (a charge, no task)."""
    lemma = lemma_of(verb)
    directed = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and is_party(c)]
    if not directed:
        return False
    if lemma == "task":
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    if lemma not in DIRECTING_VERBS | {"tell"}:
        return False
    for clause in verb.children:
        if clause.dep_ != "xcomp" or clause.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        if any(c.dep_ == "auxpass" for c in clause.children):
            continue  # "ordered him to be released": the order's act is the release
        if (lemma == "tell") == names_an_act(clause):
            return True
    return False


def _asked_of(subject: Token, clause: Token, is_party: Callable[[Token], bool]) -> bool:
    """Whether wanting or hoping that ``subject`` does ``clause`` asks something of someone: a party
    that can act ('hopes China will release them'), or whoever is to do a passive act ('wants the
    hostages released', 'hopes sanctions will be lifted'); not a thing that is to happen ('hopes
    the project will allow', 'wants the war to end')."""
    passive = clause.tag_ == "VBN" or any(c.dep_ == "auxpass" for c in clause.children)
    return passive or is_party(subject)


def _obliges_a_party(subject: Token, obliged: Token, is_party: Callable[[Token], bool]) -> bool:
    """Whether a must or a should falls on someone who can act: a party, a word for states ("all
    countries in the region need to"), or whoever is to do a passive act ("must be freed"); not a
    thing that is to end ("this violence must stop")."""
    return any(
        _asked_of(s, obliged, is_party) or lemma_of(s) in STATE_NOUNS for s in (subject, *subject.conjuncts)
    )  # "statesmen and leaders must come together": either word may say who


def _obliges_another(verb: Token, clause: Token, subjects: list[Token]) -> bool:
    """'Egypt said Israel must withdraw', '"The prisoners should be freed," Abbas said': what
    another party must or should do. 'I must go', 'he said he should resign' oblige the speaker."""
    if not subjects:
        return False
    subject = subjects[0]
    if subject.pos_ == "PRON" and subject.lower_ != "you":
        return False
    if subject.lower_ == "you" and not any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return False  # '"You have to ask the river," Brell said': anyone; 'told Vale' names who
    speakers = [c for c in verb.children if c.dep_ in SUBJECTS]
    if speakers and lemma_of(speakers[0]) == lemma_of(subject):
        return False
    return _obligation_verb(clause) is not None


def _party_told(verb: Token, obliged: Token, is_party: Callable[[Token], bool]) -> bool:
    """'Balkhi said Islamabad must address its own failings', 'says Washington needs to act': a
    party speaking of what another named party must or should do asks it to, whatever the act
    ('must maintain', 'should be careful' are no acts of their own). Only a party on both sides,
    named or a common noun for one ('said the council should heed the bloc'; not a pronoun, not
    'the economy should grow', not 'analysts say prices must fall'), so the speaker is an actor
    telling another actor what to do."""
    if obliged.pos_ not in {"PROPN", "NOUN"} or not is_party(obliged):
        return False
    speakers = [c for c in verb.children if c.dep_ in SUBJECTS]
    return bool(speakers) and speakers[0].pos_ in {"PROPN", "PRON", "NOUN"} and is_party(speakers[0])


def _another_party(verb: Token, subject: Token) -> bool:
    """'Japan hopes China will ...': not 'we hope we can ...' nor 'he hopes he will ...'."""
    speakers = [c for c in verb.children if c.dep_ in SUBJECTS]
    return subject.lower_ not in {"i", "we"} and not (speakers and lemma_of(speakers[0]) == lemma_of(subject))


def _obligation_verb(clause: Token) -> Token | None:
    """The verb a must/should/ought clause obliges: 'must withdraw' -> withdraw, 'has to release'
    -> release, 'ought to allow' -> allow; None when the clause states no obligation."""
    helpers = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
    if "have" in helpers and clause.tag_ == "VBN":
        return None  # 'should have closed': a judgement of the past, not a demand
    if helpers & DEONTIC_AUX:
        return clause
    if lemma_of(clause) in DEONTIC_VERBS | {"ought"}:
        return next(
            (c for c in clause.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)),
            None,
        )
    return None


def _mandative(clause: Token, after_demand_verb: bool) -> bool:
    """'(that) the minister resign', '(that) they be freed': a bare verb with no tense or modal.
    A plural present looks the same ('that the rebels withdraw'), so a base form the tagger calls
    a present or past counts only after a verb of demanding; after 'said' it is a plain present
    ('said that the rebels withdraw each winter')."""
    helpers = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if helpers:
        return len(helpers) == 1 and helpers[0].lower_ == "be" and helpers[0].tag_ == "VB"
    base_form = clause.tag_ in {"VBP", "VBD"} and clause.lower_ == lemma_of(clause)  # tagger's guess aside
    return clause.tag_ == "VB" or (after_demand_verb and base_form)
