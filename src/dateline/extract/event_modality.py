"""Modality: whether an event happened, is negated, hypothetical, future, or reported in a quote.

Decided here, in this order (``modality_of``): negated ('did not agree', 'will no longer grant',
'reached no agreement', 'failed to', 'refrained from', 'was almost killed', 'no country has
recognized'), hypothetical (a
modal, an if/unless clause, an indirect question ('will decide whether to seek'), 'would' outside
reported speech, the complement of a wish, a plan, an expectation ('were supposed to sign'), a permission, a pressing, an asking or another event, a
disposition ('bent on attacking', 'determined to punish', 'reluctant to make concessions'), a wish
to see it ('would love to see X endorse'), an obligation ('we have to support'), a time clause of
an unreal act ('wants to wait until he meets'), a future with its own condition ('would host the
talks if', 'will be released once'), a for-to clause, an infinitive of 'threats to', 'time to',
'it is important to', the aim of an unreal act, 'it is like', what something 'means', a by-gerund under a modal, what one side
expects another to do, what an offered payment is to buy, the act a than-clause measures by),
future ('will', 'going to', 'said talks would start', a governing plan or decision), else asserted. Which quote a trigger lies in
(``quote_at``) is decided here too: an asserted event inside a quote is reported. How a negation
or a future changes the event's type (refusals, promises, threats) is ``event_types``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract.event_parse import (
    INTENT_VERBS,
    NOUN_SUBJECTS,
    SUBJECTS,
    governor_of,
    infinitive_to,
    lemma_of,
)
from dateline.extract.event_trigger_table import Found
from dateline.extract.text_spans import SpanOwners
from dateline.model import Quote

NEGATIONS = {"not", "n't", "never", "no"}
NEGATING_VERBS = {"fail", "refuse", "decline"}  # "failed to agree": no agreement happened
# "refrained from discussing", "avoided meeting the envoy": the act was held back, not done.
HELD_BACK = {"refrain", "avoid"}
# "was almost gunned down", "nearly signed": the act came close and did not happen.
NEAR_MISS = {"almost", "nearly"}
# "threats to use force", "it is time to stop the raids", "the right to protest": an infinitive
# that describes one of these nouns names an act wanted, offered or allowed, not one done.
UNDONE_NOUNS = {
    "threat", "plan", "proposal", "offer", "call", "time", "need", "right", "readiness",
    "willingness", "chance", "opportunity", "pledge", "promise", "vow",
    # a freedom is a right ("freedom to seek information"); a bill or a draft rule only proposes
    # what it would do ("draft regulations to ban the sale", "a bill to cut aid")
    "freedom", "liberty", "bill", "draft", "regulation", "legislation", "motion", "amendment", "ordinance",
}  # fmt: skip
# Words that compare amounts, with a than-clause that gives the amount measured against.
AMOUNTS = frozenset({
    "more", "less", "fewer", "much", "many", "little", "few", "long", "longer", "great", "greater",
    "high", "higher", "low", "lower", "large", "larger", "small", "smaller", "big", "bigger", "far", "further",
})  # fmt: skip
# "it is like the government is prosecuting a case": a likeness, not a report.
LIKENING_VERBS = {"be", "look", "seem", "feel", "sound"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# Helpers that give a conjoined verb a modality of its own (see modality_of).
OWN_TENSE_AUX = frozenset({"will", "would", "wo", "'ll", "could", "might", "may", "should", "must", "can"})
HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must", "can", "ought"}
FUTURE_INTENT = {"plan", "intend", "expect", "schedule", "set", "prepare", "decide", "due"}
# "were supposed to sign a deal": what was expected, not what was done.
EXPECTED = {"suppose"}
# The modalities of an act the story does not state as happening: denied, or only supposed. A later
# mention tells no such act again.
UNSTATED = frozenset({"negated", "hypothetical"})
# "to pressure the U.S. to grant relief": what one is pressed to do is not done yet (unlike "forced
# them to withdraw" or "persuaded them to sign", which say it was done).
PRESSING = {"urge", "press", "pressure", "push", "encourage"}
# So is what one is asked to do, also where the asking is an interviewer's question and no event
# ("his equivocation when asked to condemn the group": no condemnation); what a question asks
# about ("asked why he had criticized her") is the question's, and keeps its own modality.
ASKING = {"ask", "request"}
# "militants bent on attacking", "intent on destroying", "determined to punish": a disposition
# towards an act, which states no act done; so do a reluctance, a readiness, an interest or an
# unlikelihood ("governments were reluctant to make concessions", "are interested in talking",
# "was prepared to provide transport", "is unlikely to recognize").
DISPOSED = {
    "bent", "hell-bent", "intent", "determined", "eager", "keen", "resolved", "desperate", "anxious",
    "itching", "inclined", "reluctant", "unwilling", "hesitant", "loath", "loth", "disinclined",
    "averse", "ready", "willing", "prepared", "interested", "unlikely", "unable",
}  # fmt: skip
# "I would love to see Brell endorse", "we want to see Dorvan withdraw": what one wishes to see
# done is wished, not done.
WISHING = {"love", "like", "want", "wish", "hope", "prefer"}
SEEING = {"see", "watch"}
# "a law that authorizes firing on vessels": what is permitted is not yet done (when the permission
# is an event itself, its complement is hypothetical anyway).
PERMITTING = {"allow", "permit", "authorize", "authorise", "legalize", "legalise"}


def modality_of(item: Found, trigger_tokens: set[int]) -> str:
    """'negated', 'hypothetical', 'future' or 'asserted' (a quote makes it 'reported' later).

    ``trigger_tokens``: the head tokens of every trigger in the text (an event that is the
    complement of another event is hypothetical)."""
    clause = item.clause
    while clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:
        if any(c.dep_ in SUBJECTS | NOUN_SUBJECTS for c in clause.children):
            break  # a clause of its own ("Peru attacked and Chile retreated", "and no one was held")
        if any(c.dep_ == "aux" and c.lower_ in OWN_TENSE_AUX for c in clause.children):
            break  # its own tense ("had run out of patience and would hit them"): not the first verb's
        clause = clause.head  # "urged Uganda to reopen the border and release the traders"
    words = [clause, clause.head] if clause.dep_ == "xcomp" else [clause]
    means_of = _means_of(clause)
    if means_of is not None:
        words.append(means_of)  # "could end it by withdrawing": the means is as sure as the end
    if any(c.lower_ in NEGATIONS and c.dep_ == "neg" for w in (clause, item.token) for c in w.children):
        return "negated"
    if any(c.dep_ == "advmod" and c.lower_ == "longer" and _negated_word(c) for c in clause.children):
        return "negated"  # "will no longer grant her access"
    if _no_object(item) or _no_one_did(clause) or _no_one_did(item.clause):
        return "negated"
    governor = governor_of(clause)
    if governor is not None and lemma_of(governor) in NEGATING_VERBS | HELD_BACK:
        return "negated"
    if any(c.dep_ == "advmod" and c.lower_ in NEAR_MISS for c in clause.children):
        return "negated"
    auxiliaries = {c.lower_ for w in words for c in w.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & HYPOTHETICAL_AUX or in_condition(clause) or _asked_whether(clause):
        return "hypothetical"
    if _open_question(clause):
        return "hypothetical"  # "will decide whether to seek warrants": not yet done, maybe never
    if _when_unreal(clause) or _obliged(clause, governor) or conditioned_future(clause):
        return "hypothetical"  # "wants to wait until he meets", "we have to support", "will host if"
    if auxiliaries & FUTURE_AUX or _going_to(clause):
        return "future"
    if "would" in auxiliaries:
        return "future" if _reported_clause(clause) else "hypothetical"
    if _for_to(clause):
        return "hypothetical"  # "a proposal for the Council to lift sanctions": wanted, not done
    if _infinitive_of_undone(clause) or _judged_act(clause) or _aim_of_unreal(clause):
        return "hypothetical"  # "threats to use force", "it is important to back them"
    if _compared_with(clause):
        return "hypothetical"  # "less than it had sought": a measure for another amount, not news
    if _likened(clause) or _what_it_means(clause, governor) or _set_against(clause):
        return "hypothetical"  # "it is like they are prosecuting", "means speaking out"
    if clause.dep_ == "acl" and clause.head.i in trigger_tokens:
        return "hypothetical"  # "expressed readiness to resume talks"
    if governor is not None:
        lemma = lemma_of(governor)
        if lemma in FUTURE_INTENT:
            return "hypothetical" if _expected_of_another(clause, governor) else "future"
        if lemma in INTENT_VERBS | EXPECTED | PERMITTING | PRESSING or governor.i in trigger_tokens:
            return "hypothetical"
        if lemma in ASKING and infinitive_to(clause) is not None:
            return "hypothetical"  # "when asked to condemn the group"
        if _disposed(clause, governor) or _wished_to_see(governor):
            return "hypothetical"  # "bent on attacking", "would love to see Brell endorse"
    return "asserted"


# "wants to wait until he meets Brell", "would be released once Dorvan met the terms": a time
# clause of an act only wished, planned or supposed tells an act no more real than it.
TEMPORAL = {"until", "till", "once", "when", "whenever", "before", "after"}
# "we have to support", "Marovia needs to help": an obligation now, not an act done ('had to
# evacuate' may tell one that was, and keeps its own modality).
OBLIGING = {"have", "need"}


def _when_unreal(clause: Token) -> bool:
    """'I want to wait until I meet Brell', 'the army would act whenever provocations demand it': a
    time clause hung on a verb with a modal or future, or on the complement of a wish or a plan."""
    if clause.dep_ != "advcl" or not any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in TEMPORAL for c in clause.children
    ):
        return False
    head = clause.head
    auxiliaries = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & (HYPOTHETICAL_AUX | FUTURE_AUX | {"would"}):
        return True
    governor = governor_of(head)
    return governor is not None and lemma_of(governor) in INTENT_VERBS | WISHING


def _obliged(clause: Token, governor: Token | None) -> bool:
    """'We have to support renewable energy', 'all countries need to recognize': the infinitive of a
    present 'have to' or 'need to' is what one must do, not what one did."""
    return (
        governor is not None
        and clause.dep_ == "xcomp"
        and infinitive_to(clause) is not None
        and lemma_of(governor) in OBLIGING
        and governor.tag_ in {"VB", "VBP", "VBZ"}
    )


def conditioned_future(clause: Token) -> bool:
    """'Kessaria would host the talks if both sides agreed', 'the funds will be released once Dorvan
    meets the terms': a future or a 'would' with its own if, unless or once clause is only as real
    as the condition. (A hostile act so announced by its own side is still a threat: see
    ``event_types.threatens``.)"""
    auxiliaries = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
    if clause.dep_ == "xcomp":
        auxiliaries |= {c.lower_ for c in clause.head.children if c.dep_ in {"aux", "auxpass"}}
    if not (auxiliaries & (FUTURE_AUX | {"would"}) or _going_to(clause)):
        return False
    if in_condition(clause, own=True):
        return True
    return any(
        c.dep_ == "advcl" and any(m.dep_ in {"mark", "advmod"} and m.lower_ == "once" for m in c.children)
        for c in clause.children
    )


def _asked_whether(clause: Token) -> bool:
    """'Do you support Veld?', 'Will Marovia attack Dorvan?', 'Have you talked to Brell?': a question
    whose auxiliary comes before its subject asks whether the act is so, and tells no act. 'Why did
    Dorvan reject the plan?' takes the rejection as done."""
    sentence = clause.sent
    if sentence[-1].text != "?" and not (len(sentence) > 1 and sentence[-2].text == "?"):
        return False
    if any(t.tag_ in {"WDT", "WP", "WP$", "WRB"} for t in sentence[:2]):
        return False
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    return subject is not None and any(
        c.dep_ in {"aux", "auxpass"} and c.i < subject.i for c in clause.children
    )


# Verbs whose "if" clause is an open question ("decide if", "asked if"), not a condition.
QUESTIONING = frozenset({
    "ask", "decide", "wonder", "know", "determine", "see", "consider", "weigh", "examine",
    "investigate", "check",
})  # fmt: skip


def _open_question(clause: Token) -> bool:
    """'Police will decide whether to seek warrants', 'Pellane is weighing whether to expel the
    envoy', 'Dorvan asked if Marovia would withdraw': an act in an indirect question is one
    somebody is still deciding or finding out, not one that took place."""
    for word in (clause, clause.head) if clause.dep_ in {"xcomp", "conj"} else (clause,):
        for child in word.children:
            if child.dep_ not in {"mark", "advmod", "dep"} or child.i > word.i:
                continue
            if child.lower_ == "whether":
                return True
            if child.lower_ == "if" and word.dep_ == "ccomp" and lemma_of(word.head) in QUESTIONING:
                return True
    return False


def _negated_word(word: Token) -> bool:
    """'no longer', 'not longer': the word is negated."""
    return any(c.dep_ in {"neg", "det", "advmod"} and c.lower_ in NEGATIONS for c in word.children)


def _for_to(clause: Token) -> bool:
    """'A proposal for the Council to lift sanctions', 'it is time for Israel to withdraw': a for-to
    infinitive names an act someone wants or judges, not one that took place."""
    to = infinitive_to(clause)
    if to is None:
        return False
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
        return True
    # Parsed apart: "a proposal made for the Council to lift sanctions", the doer a "for" object
    # just before the "to" and the infinitive hung on the same head as the "for".
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and c.right_edge.i == to.i - 1 for c in clause.head.children
    )


def _disposed(clause: Token, governor: Token) -> bool:
    """'Militants bent on attacking Marovia', 'the Front is intent on destroying the dam', 'remains
    determined to punish Dorvan': an adjective of will governs the act, which is willed, not done
    (the parser may read 'bent on' as a verb)."""
    if governor.lower_ not in DISPOSED and lemma_of(governor) not in DISPOSED:
        return False
    return governor.pos_ == "ADJ" or (clause.dep_ == "pcomp" and clause.head.lower_ == "on")


def _wished_to_see(governor: Token) -> bool:
    """'I would love to see Brell endorse', 'we want to see Dorvan withdraw': an act one wishes to
    see done is not reported as done."""
    wish = governor_of(governor) if lemma_of(governor) in SEEING else None
    return wish is not None and lemma_of(wish) in WISHING


def _infinitive_of_undone(clause: Token) -> bool:
    """'Threats to use force', 'it is time to stop the raids': an infinitive describing a noun of
    ``UNDONE_NOUNS`` (parsed as acl or relcl) is wanted or allowed, not done."""
    return (
        clause.dep_ in {"acl", "relcl"}
        and lemma_of(clause.head) in UNDONE_NOUNS
        and infinitive_to(clause) is not None
    )


def _judged_act(clause: Token) -> bool:
    """'It is important to support Dorvan', 'it makes sense to assist them': an infinitive after
    'it is ...' or 'it makes ...' is an act judged good or bad, not one reported."""
    head = clause.head
    return (
        clause.dep_ in {"xcomp", "ccomp", "advcl"}
        and infinitive_to(clause) is not None
        and lemma_of(head) in {"be", "make"}
        and any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in head.children)
    )


def _aim_of_unreal(clause: Token) -> bool:
    """'The next step is for Veld to come back to sign the accord', 'could travel there to sign':
    what one would go somewhere to do is as unreal as the going (a purpose of an act that took
    place keeps its own modality)."""
    head = clause.head
    is_aim = clause.dep_ == "advcl" and infinitive_to(clause) is not None
    # "offered to pay two men to kill the journalist": what a payment only offered is to buy
    offered_pay = lemma_of(head) == "pay" and governor_of(head) is not None
    return is_aim and (has_modal(head) or _for_to(head) or offered_pay)


def _compared_with(clause: Token) -> bool:
    """'$40 million less than it had sought', 'longer than Dorvan is ready to wait', 'more
    troops than it had promised': an act in a than-clause is the measure another amount is set
    against, which the story does not tell as an act of its own."""
    words = [clause, clause.head] if clause.dep_ in {"acomp", "xcomp"} else [clause]
    measured = [w for w in words if any(c.dep_ == "mark" and c.lower_ == "than" for c in w.children)]
    # an amount is compared ("less than", "longer than"), not a pace ("rebuilding faster than it is
    # being disarmed" tells both acts)
    # "fewer weapons than Marovia had promised": the amount word qualifies the thing measured
    return any(
        lemma_of(t) in AMOUNTS or t.lower_ in AMOUNTS
        for w in measured
        for t in [w.head, *(c for c in w.head.children if c.dep_ in {"amod", "advmod"})]
    )


def _likened(clause: Token) -> bool:
    """'It is like the government is prosecuting its own case', 'it looks like they are being
    punished': a 'like' clause after 'be', 'look' or 'seem' is a comparison, not a report ('attacked
    the town like they did in 2019' keeps its own)."""
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "like" for c in clause.children)
        and (lemma_of(clause.head) in LIKENING_VERBS or clause.head.lower_ in {"'s", "\u2019s"})
    )


def _set_against(clause: Token) -> bool:
    """'Boosting his own campaign, as opposed to attacking his rivals': an act named after 'as
    opposed to' is the one set aside in a comparison, not one that took place."""
    start = clause.left_edge.i
    return start >= 3 and [t.lower_ for t in clause.doc[start - 3 : start]] == ["as", "opposed", "to"]


def _what_it_means(clause: Token, governor: Token | None) -> bool:
    """'Being in opposition means speaking out against the powerful': a gerund complement of
    'mean' says what something amounts to in general, not an act that took place."""
    return governor is not None and lemma_of(governor) == "mean" and clause.tag_ == "VBG"


def _means_of(clause: Token) -> Token | None:
    """The verb a by-gerund is the means of: 'end' in 'can end the war by withdrawing his troops'.
    The means shares that verb's modal: what one could or should do by an act is not done."""
    preposition = clause.head
    if clause.dep_ == "pcomp" and preposition.lower_ == "by" and preposition.head.pos_ in {"VERB", "AUX"}:
        return preposition.head
    return None


def _expected_of_another(clause: Token, governor: Token) -> bool:
    """'Pakistan expects the Velmar Front to uphold its pledges': what one side expects another to
    do is a demand or a hope, not a plan of the doer ('the talks are expected to start', 'Oskel
    expects to sign' are)."""
    if lemma_of(governor) != "expect":
        return False
    return any(c.dep_ == "dobj" for c in governor.children) or any(
        c.dep_ in SUBJECTS for c in clause.children
    )


def quote_at(quotes: list[Quote] | SpanOwners[Quote], position: int) -> str | None:
    """The id of the (first) quote whose content holds the character ``position``. Asked for every
    event, pass ``quote_contents(quotes)``: it finds the quote by bisection, not a scan of all."""
    if isinstance(quotes, SpanOwners):
        holding = quotes.holding(position)
        return holding[0].id if holding else None
    for quote in quotes:
        if any(c.start <= position < c.end for c in quote.content):
            return quote.id
    return None


def quote_contents(quotes: list[Quote]) -> SpanOwners[Quote]:
    """The quotes by their content spans (for ``quote_at``)."""
    return SpanOwners((c.start, c.end, quote) for quote in quotes for c in quote.content)


def negated_here(item: Found) -> bool:
    """Negated by its own 'not' or 'never', by 'no' on what it reached ('reached no agreement') or by
    a governing 'failed to'; not by a governing 'refused to' (a trigger itself)."""
    governor = governor_of(item.clause)
    return (
        any(c.dep_ == "neg" for w in (item.clause, item.token) for c in w.children)
        or _no_object(item)
        or (governor is not None and lemma_of(governor) == "fail")
    )


def _no_object(item: Found) -> bool:
    """'reached no agreement', 'no talks were held': the act's own noun says none happened;
    'sent pupils home without warning', 'took the town without a fight': so does 'without'."""
    nouns = [item.token] if item.token.pos_ == "NOUN" else []
    nouns += [item.dependent] if item.dependent is not None and item.dependent.pos_ == "NOUN" else []
    without = [n for n in (item.token, item.dependent) if n is not None and n.head.lower_ == "without"]
    return any(_with_no(n) for n in nouns) or any(n.dep_ in {"pobj", "pcomp"} for n in without)


def _no_one_did(clause: Token) -> bool:
    """'No country has recognized the junta', 'nobody was hurt': the subject says none did it;
    'police arrested no one': the object says it was done to none."""
    return any(
        c.dep_ in NOUN_SUBJECTS and (c.lower_ in NONE_WORDS or _with_no(c)) for c in clause.children
    ) or any(c.dep_ == "dobj" and _no_one(c) for c in clause.children)


# Words that by themselves say none: "nobody was hurt", "arrested none".
NONE_WORDS = frozenset({"nobody", "none"})


def _no_one(word: Token) -> bool:
    """'nobody', 'none', 'no one' (not 'no fewer than', which counts some)."""
    return word.lower_ in NONE_WORDS or (word.lower_ == "one" and _with_no(word))


def _with_no(noun: Token) -> bool:
    """Whether 'no' is the noun's determiner: 'no agreement', 'no country', 'no one'."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def in_condition(clause: Token, own: bool = False) -> bool:
    """Inside an 'if' or 'unless' clause; with ``own``, the clause has one of its own instead
    ('would strike if the shelling continued')."""
    tokens = list(clause.children) if own else [clause, *clause.ancestors]
    for token in tokens:
        if token.dep_ == "advcl" and any(c.lower_ in {"if", "unless"} for c in token.children):
            return True
        # "hoped to resume convoys, but only if both parties guaranteed passage": the parser may
        # hang the condition on as a conjunct, its "if" still its mark
        if token.dep_ == "conj" and any(
            c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children
        ):
            return True
    return False


def has_modal(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in clause.children)


def _going_to(clause: Token) -> bool:
    head = clause.head
    return (
        clause.dep_ == "xcomp"
        and head.lower_ == "going"
        and any(c.lower_ in {"is", "are", "was", "were", "'s", "'re"} for c in head.children)
    )


def _reported_clause(clause: Token) -> bool:
    """'would' under a speech verb is the future of reported speech ('said talks would start'), as
    in a verb joined to it ('said it had run out of patience and would hit them')."""
    while clause.dep_ == "conj" and clause.head.pos_ in {"VERB", "AUX"}:
        clause = clause.head
    return clause.dep_ == "ccomp"
