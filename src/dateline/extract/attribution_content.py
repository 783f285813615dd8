"""What a cue says, read from the parse: the span of its clause, complement or sentence.

A ``ContentSpans`` turns the parser's tree around a cue into a content span: the clausal
complement with the adverbial or coordinated clause the parser hung on the cue, up to a conjunct
that names a source of its own ('..., but according to MSF ...') and on across a semicolon the
parser split off; the verb's complement ("criticized X for Y"), never a bare where and when or a
"to" that is no promise; or, when the parse missed the complement, the part of the sentence that
word order makes the content ('..., X told Reuters.', 'X said legalizing it could ...', 'told a
briefing that ...'); with a reporting clause set in commas inside the claim, the words on both
sides of it ('The plan, he said, is dead'). It also says whether content says something (a
clause with a verb) or names a thing, which the learned filter weighs. And it reads what a
verb reports: speech (``reports_speech``), a view ("sees the vote as a test": ``sees_as``), or
only a contact ("called Marrow on Tuesday": ``reaches_someone_only``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.extract.attribution_lexicon import (
    COMMITMENT_CUES,
    CUE_VERBS,
    SEEING_AS_VERBS,
    WITHHOLDING_VERBS,
    learned_cue_rates,
)
from dateline.extract.attribution_quotations import Quotations
from dateline.extract.text_spans import QUOTE_TOKENS, text_of
from dateline.model import Span

MAX_TAIL_AFTER_CUE = 6  # words after the verb of a closing reporting clause: "told Reuters on Tuesday"
SETTING_PREPOSITIONS = {
    "in",
    "on",
    "at",
    "during",
    "from",
    "by",
    "after",
    "before",
    "into",
    "onto",
    "while",
    "near",
}
CLAIM_SIBLING_DEPS = {"advcl", "conj"}
# A verb PolNeAR's annotators take for a cue at least this often is a reporting verb of its own.
MOSTLY_SPEECH = 0.5
# The subject of the clause a medial reporting clause sits in ("The plan, he said, is dead").
MAIN_SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj"}
NOMINAL_POS = {"NOUN", "PROPN", "PRON", "NUM"}
COMPLEMENT_DEPS = {"dobj", "ccomp", "xcomp", "prep", "attr", "acomp", "dative", "oprd", "prt"}


def reports_speech(token: Token) -> bool:
    """Whether the word is a reporting verb of its own: a core cue, or one the annotated news takes
    for a cue at least half the time (``MOSTLY_SPEECH``)."""
    lemma = token.lemma_.lower()
    return lemma in CUE_VERBS or learned_cue_rates().get(lemma, 0.0) >= MOSTLY_SPEECH


# What someone hopes, plans or intends is a state of mind, not words given (real-news annotation
# counts none: "hoped to get loans"); the parser's lemma of "hopes" is "hop".
INTENTION_VERBS = {"hope", "plan", "intend", "wish"}
INTENTION_FORMS = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}


def aimed_infinitive(verb: Token) -> bool:
    """Whether the verb takes, right after it, an infinitive its subject aims at ('sought to curb
    imports', 'decided to run'): PolNeAR attributes that aim. A "to" that is a preposition
    ("referred to the pact") is none, and neither is what is refused or declined ("declined to
    comment"), which reports no words, nor an intention ("plans to")."""
    to = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    lemma = INTENTION_FORMS.get(verb.lower_, verb.lemma_.lower())
    return (
        to is not None
        and to.lower_ == "to"
        and to.dep_ == "aux"
        and to.head.dep_ == "xcomp"
        and to.head.head.i == verb.i
        and lemma not in WITHHOLDING_VERBS | INTENTION_VERBS
    )


class ContentSpans:
    """Content spans of one parsed text, measured against its quotations."""

    def __init__(self, doc: Doc, quotes: Quotations) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.quotes = quotes

    def clause_span(self, clause: Token) -> Span:
        """The span of a clausal complement, with the rest of the claim the parser hung on the cue."""
        tokens = sorted(t.i for t in clause.subtree)
        start, end = tokens[0], tokens[-1] + 1
        verb = clause.head
        if verb.dep_ == "relcl" and start < verb.i < clause.i:
            # 'the tax, which he said would cost ...': the relative pronoun the claim opens with sits
            # before the cue and its speaker; what is said is the clause after the cue.
            start = verb.i + 1
        for sibling in verb.children:
            # "Polls show that X, while Y": the parser hangs the rest of the claim on the cue.
            if (
                verb.i < clause.i < sibling.i
                and (sibling.dep_ in CLAIM_SIBLING_DEPS or self._run_on_clause(sibling, end))
                and (not self._is_cue(sibling) or self._second_that_clause(sibling))
            ):
                end = max(end, max(t.i for t in sibling.subtree) + 1)
        end = min([end, *self._sourced_conjuncts(clause), self.before_own_voice(verb, end)])
        while start < end and (self.doc[start].dep_ == "mark" or self.doc[start].text in {",", "-", ":"}):
            start += 1
        while end > start and (
            self.doc[end - 1].is_space
            or self.doc[end - 1].pos_ == "CCONJ"
            or self.doc[end - 1].is_punct
            and self.doc[end - 1].text not in QUOTE_TOKENS
        ):
            end -= 1
        first, last = self.doc[start], self.doc[end - 1]
        return Span.of(self.text, first.idx, last.idx + len(last.text))

    def with_semicolon_clause(self, span: Span, verb: Token, sent: SpacySpan) -> Span:
        """'She says farmers face raids at night; their wells are poisoned.': the parser makes
        the clause after the semicolon the sentence's head, but it goes on with what he says."""
        if not self._after_semicolon(verb):
            return span
        last = next(t for t in reversed(sent) if not (t.is_punct or t.is_space) or t.text in QUOTE_TOKENS)
        return Span.of(self.text, span.start, max(span.end, last.idx + len(last.text)))

    @staticmethod
    def _after_semicolon(verb: Token) -> bool:
        """Whether the cue is a clause the parser hung on a later head across a semicolon."""
        head = verb.head
        return (
            verb.dep_ == "ccomp"
            and head.i > verb.i
            and any(t.text == ";" and t.head.i == head.i for t in verb.doc[verb.i : head.i])
        )

    def misparsed_as_complement(self, cue: Token) -> bool:
        """A reporting verb the parser made the complement of a later verb: one across a
        semicolon, or one inside the quotation it reports ('He told reporters that the situation
        "is so catastrophic ..."')."""
        head = cue.head
        if cue.dep_ != "ccomp" or head.i <= cue.i:
            return False
        return self._after_semicolon(cue) or (
            self.quotes.index.contains(head.idx) and not self.quotes.index.contains(cue.idx)
        )

    def _run_on_clause(self, sibling: Token, end: int) -> bool:
        """'said it would "have gone well" had X voted sooner': a second clausal complement
        the parser hung on the cue right where the first one stops is the same claim going on."""
        if sibling.dep_ != "ccomp":
            return False
        gap = self.doc[end : sibling.left_edge.i]
        return all(t.is_punct or t.is_space for t in gap)

    @staticmethod
    def _sourced_conjuncts(clause: Token) -> list[int]:
        """Where a conjunct with a source of its own starts: '... it has the upper hand, but
        according to MSF the situation is dire' gives the second clause to MSF, not the cue's speaker."""
        return [
            conjunct.left_edge.i
            for conjunct in clause.subtree
            if conjunct.dep_ == "conj"
            and conjunct.left_edge.i > clause.i
            and any(c.lower_ == "according" for c in conjunct.children)
        ]

    @staticmethod
    def _second_that_clause(sibling: Token) -> bool:
        """'said that A and that B': a coordinated clause opened by its own 'that' is more content,
        whatever its verb."""
        return sibling.dep_ == "conj" and any(
            c.dep_ == "mark" and c.lower_ == "that" and c.i < sibling.i for c in sibling.children
        )

    @staticmethod
    def _is_cue(token: Token) -> bool:
        """A verb that reports a voice of its own ('mercy is good, but sometimes the law takes over'
        goes on with the claim)."""
        return token.pos_ in {"VERB", "AUX"} and reports_speech(token)

    def complement_span(self, verb: Token, aims: bool = False) -> Span | None:
        """From just after the verb to the end of its last complement: 'for a ban on imports'.
        With ``aims``, an infinitive the verb's subject aims at is one too ('sought to curb ...')."""
        complements = [c for c in verb.children if c.i > verb.i and c.dep_ in COMPLEMENT_DEPS]
        if not complements:
            return None
        # What else the verb takes on its right ("signed a deal in 2012, granting ...", "cited old
        # maps to back its claim") belongs to it too, up to a coordinated verb or a verb that
        # reports speech of its own (``reports_speech``; a verb learned as a rare cue is no voice).
        # A nominal conjunct the parser hung on the verb is a second object ('questioned X and his
        # readiness to lead'), not a second act.
        right = [
            c for c in verb.children
            if c.i > complements[0].i
            and (c.dep_ not in {"conj", "cc", "punct"} or c.dep_ == "conj" and c.pos_ in NOMINAL_POS)
            and not (reports_speech(c) and c.pos_ == "VERB")
        ]  # fmt: skip
        end = max(t.i for c in complements + right for t in c.subtree) + 1
        if all(c.dep_ in {"prep", "npadvmod"} and c.lower_ in SETTING_PREPOSITIONS for c in complements):
            return None  # "spoke in Phoenix on Wednesday": where and when, not what
        span = self.trimmed(self.doc[verb.i + 1 : end])
        says_to = self.doc[verb.i + 1].lower_ == "to" and verb.lemma_.lower() not in COMMITMENT_CUES
        if (
            says_to
            and not (aims and aimed_infinitive(verb))
            and (span is None or not self.quotes.quoted_share(span))
        ):
            return None  # "hoped to get loans", "refused to attend", "reports to the council"
        return span

    def xcomp_span(self, clause: Token) -> Span | None:
        return self.trimmed(self.doc[clause.left_edge.i : clause.right_edge.i + 1])

    def content_after_verb(self, verb: Token, sent: SpacySpan) -> Span | None:
        """'He said legalizing it could put ...' parsed without a complement: the rest of the sentence,
        when it holds a clause of its own."""
        rest = self.doc[verb.i + 1 : self.before_own_voice(verb, sent.end)]
        while len(rest) and (rest[0].dep_ in {"dative", "npadvmod"} or rest[0].is_punct):
            rest = rest[1:]
        if not any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "acl"} for t in rest):
            return None
        return self.trimmed(rest)

    def content_after_that(self, verb: Token, sent: SpacySpan) -> Span | None:
        """'told a televised briefing that ...': content runs from after 'that' to the sentence end."""
        for token in self.doc[verb.i + 1 : min(verb.i + 8, sent.end)]:
            if token.lower_ == "that":
                return self.trimmed(self.doc[token.i + 1 : self.before_own_voice(verb, sent.end)])
            if token.pos_ in {"VERB", "AUX"} and token.dep_ != "amod" or token.is_punct:
                return None
        return None

    def before_own_voice(self, verb: Token, end: int) -> int:
        """Where a reporting verb of the cue's own subject starts after it ('announced a budget and
        said the city would ...'): a coordinated cue with no subject of its own and a clause of its
        own reports that clause, not the cue's. An opening participle ('Asked about X, Y said ...')
        stops where the reporting clause it hangs on starts. Else ``end``."""
        head = verb.head
        if verb.dep_ == "advcl" and verb.i < verb.right_edge.i < head.i and self._is_cue(head):
            end = min(end, verb.right_edge.i + 1)
        for token in self.doc[verb.i + 1 : end]:
            if self._own_voice(token, verb):
                start = token.left_edge.i
                while start > verb.i + 1 and (
                    self.doc[start - 1].dep_ == "cc" or self.doc[start - 1].is_punct
                ):
                    start -= 1
                return start
        return end

    def _own_voice(self, token: Token, verb: Token) -> bool:
        """A reporting verb hung on the claim as a conjunct, sharing the cue's subject and taking a
        clause of its own; one inside quotation marks is part of the quoted words. A conjunct of
        the cue itself may take a 'to' ('said A and vowed to B'); one the parser hung inside the
        claim needs a clause ('said A and noted that B'), as 'said he met X and asked him to Y'
        goes on with what was said."""
        clausal = {"ccomp", "xcomp"} if token.head.i == verb.i else {"ccomp"}
        return (
            token.dep_ == "conj"
            and token.pos_ == "VERB"
            and self._is_cue(token)
            and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
            and any(c.dep_ in clausal and c.i > token.i for c in token.children)
            and not self.quotes.index.contains(token.idx)
        )

    def content_before_tail(self, verb: Token, subject: Token, sent: SpacySpan) -> Span | None:
        """'..., senior official X told Reuters.': the reporting clause closes the sentence."""
        left = min(t.i for t in [verb, *subject.subtree])
        tail = self.doc[left : sent.end]
        if left <= sent.start or self.doc[left - 1].text not in QUOTE_TOKENS | {","}:
            return None
        if any(t.pos_ in {"VERB", "AUX"} and t.i != verb.i and t.dep_ not in {"amod", "aux"} for t in tail):
            return None
        opens_with_quote = self.doc[sent.start].text in QUOTE_TOKENS
        if (
            not opens_with_quote  # '"...," after the truce, X said after talks in Jerusalem with ...'
            and sum(not t.is_punct and not t.is_space for t in self.doc[verb.i + 1 : sent.end])
            > MAX_TAIL_AFTER_CUE
        ):
            return None  # "In her speech, X emphasized the need for ...": the content follows the cue
        return self.trimmed(self.doc[sent.start : left - 1])

    def around_medial_clause(self, verb: Token, sent: SpacySpan) -> list[Span]:
        """'The new tax plan, Alder said, "would hurt farmers" in the west.': a reporting clause set
        in commas inside the clause it reports (the parser hangs it there as parataxis, after that
        clause's subject). The content is that clause on both sides of it, quoted or not."""
        head = verb.head
        if verb.dep_ != "parataxis" or head.i < verb.i or head.pos_ not in {"VERB", "AUX"}:
            return []
        words = [t.i for t in verb.subtree if not (t.is_punct or t.is_space)]
        left, right = words[0], words[-1]
        if left <= sent.start or self.doc[left - 1].text != ",":
            return []
        if not any(c.dep_ in MAIN_SUBJECT_DEPS and sent.start <= c.i < left for c in head.children):
            return []  # 'On Monday, X said, "We ..."': the clause after it is what is said
        # The part before may be the bare subject ("The plan, he said, is dead"): no minimum length.
        before = self.trimmed(self.doc[sent.start : left], min_tokens=1)
        after = self.trimmed(self.doc[right + 1 : sent.end])
        if before is None or after is None or self.doc[sent.start].text in QUOTE_TOKENS:
            return []  # a sentence opened by a quotation is the quotation rules' to read
        return [before, after]

    def before_medial_clause(
        self, verb: Token, subject: Token, sent: SpacySpan, content: list[Span]
    ) -> Span | None:
        """'If only a few delegates are at stake, he said, the party may not bother': a reporting
        clause set in commas after the opening of the claim, whose content follows it, also takes
        what opens the sentence before it."""
        first = min(verb.i, subject.left_edge.i)
        last = max(verb.i, subject.right_edge.i)
        if not content or first <= sent.start or self.doc[first - 1].text != ",":
            return None
        if any(c.start < self.doc[last].idx for c in content):
            return None
        closing = next((t for t in self.doc[last + 1 : sent.end] if not t.is_space), None)
        if closing is None or closing.text != "," or content[0].start < closing.idx:
            return None  # 'In Iowa, X said the plan ...': no comma closes the clause, it opens the claim
        opening = self.doc[sent.start : first - 1]
        if self.doc[sent.start].text in QUOTE_TOKENS or any(self._is_cue(t) for t in opening):
            return None  # a quotation opening the sentence, or a voice of its own before the clause
        return self.trimmed(opening, min_tokens=1)

    def trimmed(self, part: SpacySpan, min_tokens: int = 3) -> Span | None:
        """``part`` without the spaces and punctuation at its edges; None under ``min_tokens`` words."""
        tokens = [t for t in part if not t.is_space and not (t.is_punct and t.text not in QUOTE_TOKENS)]
        if len(tokens) < min_tokens or not tokens:
            return None
        return Span.of(self.text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))

    def tokens_of(self, span: Span) -> SpacySpan | list[Token]:
        """The tokens ``span`` covers, widened to whole tokens."""
        return self.doc.char_span(span.start, span.end, alignment_mode="expand") or []

    def says_something(self, span: Span) -> bool:
        """Whether ``span`` holds a verb: a claim ("signed a letter urging ...") rather than a thing."""
        return any(t.pos_ in {"VERB", "AUX"} for t in self.tokens_of(span))

    def reports_inside(self, span: Span) -> bool:
        """Whether ``span`` holds a reporting verb of its own, with its own subject ("began sending
        what officials described as ..."): a quotation there is that verb's, not the outer one's."""
        return any(
            reports_speech(t)
            and t.pos_ == "VERB"
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
            for t in self.tokens_of(span)
        )

    def content_shape(self, content: list[Span]) -> dict[str, float]:
        """Whether the content says something (a clause with a verb) or names a thing ("condemned
        the violence", "launched an operation", "referred to the pact", "refused to attend")."""
        if not content:
            return {}
        tokens = [t for c in content for t in self.tokens_of(c)]
        if not tokens:
            return {}
        first = tokens[0]
        return {
            "content has verb": float(any(t.pos_ in {"VERB", "AUX"} for t in tokens)),
            "content opens with to": float(first.lower_ == "to"),
            "content opens with preposition": float(first.pos_ == "ADP" and first.lower_ != "to"),
        }


# What a contact verb takes when it says something: a name or label for its object ("called the
# plan reckless"), a clause, a request ("called for talks", "called on them to ..."). A clause
# hung on it says something only with a "to" or as a verb of saying ("called Veld, saying ..."):
# "called a strike starting Wednesday" calls a strike.
_SAYING_DEPS = {"oprd", "ccomp", "xcomp", "attr", "acomp"}
_SAYING_PREPOSITIONS = {"for", "on", "upon"}


def sees_as(verb: Token) -> bool:
    """'See the dispute as a test', 'views the port as vital': a verb of ``SEEING_AS_VERBS`` with
    an "as" for what its object is taken to be, and no clause of its own."""
    if verb.lemma_.lower() not in SEEING_AS_VERBS or any(c.dep_ == "ccomp" for c in verb.children):
        return False
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return any(c.dep_ == "prep" and c.lower_ == "as" for h in holders for c in h.children)


def _says_or_asks(clause: Token) -> bool:
    """'..., saying the plan was dead', '... to hold talks': a clause that is words, not a time."""
    return clause.lemma_.lower() in CUE_VERBS or any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def reaches_someone_only(verb: Token) -> bool:
    """Whether a contact verb (``CONTACT_VERBS``) reports only a contact: whom it reached, when and
    where ("called Marrow on Tuesday", "called both candidates"), or a thing called off."""
    deps = {c.dep_ for c in verb.children}
    # A name given needs something named: "called the plan reckless", "was called a hero"; a lone
    # "oprd" ("called Marrow") is the parser's guess at whom was called.
    named = bool(deps & {"dobj", "nsubjpass", "auxpass"})
    said = [
        c
        for c in verb.children
        if c.i > verb.i
        and (
            (c.dep_ in _SAYING_DEPS and (c.dep_ != "oprd" or named))
            or (c.dep_ == "advcl" and _says_or_asks(c))
            or (c.dep_ == "prep" and c.lower_ in _SAYING_PREPOSITIONS and verb.i + 1 == c.i)
            or (c.dep_ == "dobj" and any(g.dep_ in _SAYING_DEPS for g in c.children))
        )
    ]
    return not said
