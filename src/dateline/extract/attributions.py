"""Attributions: who is given a voice, through which cue, saying what.

Rules on the dependency parse and the quotation marks propose candidates; a learned filter keeps
the ones that are attributions (learned from PolNeAR train and our annotation of real-news VOA
train stories, where an act or a stance is no attribution).

* A cue is a reporting verb with a subject ("said", "told", "warned"; the verbs news uses as
  cues are learned from PolNeAR train into ``data/cue_verbs.tsv`` with how often each is one),
  "according to", a speech noun with its owner ("Alder's claim that ...", "her call for ..."),
  a poll a sentence reports from ("In a new poll, ..."), a passive with no source ("X is
  expected to ...", "It was announced that ..."), a colon closing a paragraph before a quotation
  ("He continued:"), or a headline colon ("X: claim", "claim: X").
* Its content is, in order of trust: the quotation that opens the sentence and closes where
  the reporting clause starts ('"...," said X, who ...'), with the quotation it resumes after a
  comma and those that go on in its paragraph; the clausal complement, with the adverbial or
  coordinated clause the parser hung on the cue; the quotations around the cue, unless prose
  runs into them ('made him a "presenting sponsor."', then the clause is the content); the
  verb's complement ("criticized X for Y"); or the part of the sentence that word order makes
  the content. A quotation that goes on after a closing reporting clause joins the content,
  unless a reporting clause of its own follows it ('"A," X said. "B," she added.').
* A content span never cuts a quotation in two: one that starts or ends inside quotation marks
  (the parser often stops at a bracket or a comma within them) is stretched to the marks.
* A quotation that opens its sentence and that no parsed cue took is closed by a source read
  from the words when the parse missed it: a reporting verb form after or before a short source
  ('"...," Will wrote.', '"...," added Gowdy.'), a document that "read", or a dash and a name
  ('"..." - Michelle Marks').
* A medial reporting clause whose content follows it ('..., Alder said, "..."') also takes the
  part before it when that part opens the sentence with a quotation.
* A reporting clause set inside the quotation marks (', she said, ') splits the quotation
  (``text_spans.quoted_regions``).
* The kind follows from how much of the content is inside quotation marks
  (all: direct, some: mixed, none: indirect).
* A paragraph that is only a quotation, with no cue, right after an attribution continues it:
  one more content span of it. Further away, or with words of its own outside the quotation,
  it is left alone (its speaker would be a guess). Within a paragraph (wire copy often has no line
  breaks), a quotation that ends its sentence with a full stop has no reporting clause of its own
  and goes on with the voice before it; a quoted sentence right after an attribution's sentence
  joins that attribution.
* A pronoun speaker with no person behind it takes the nearest earlier speaker it agrees with
  (``speakers``), a relative pronoun the entity of its noun, and an 'I' or 'we' inside a
  quotation the quotation's speaker; else the speaker keeps its words and no entity.
* The filter (``data/attribution_filter.json``, trained by scripts/train_attribution_filter.py)
  is a logistic regression over each candidate's signals (``_Finder._signals``): cue lemma and
  how often it is a cue, how the content was found, kind, speaker and source type, and whether
  the content says something (a clause with a verb) or names a thing. Then, where
  one attribution's cue sits inside another's content, only the outer one is kept, as PolNeAR
  never annotates both.

The speaker is the mention the text uses at that cue and points to its canonical entity. The
medium is the outlet (by its canonical name when known) or channel that relayed the words:
"told AFP", "in an interview with CNN", "in a televised briefing", "on X"; "told reporters"
names an audience, not a channel, and gives none.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.extract.clusters import Cluster
from dateline.extract.entities import EntityAnalysis
from dateline.extract.learned import LinearFilter, load_filter
from dateline.extract.speakers import Voice, resolve_pronouns
from dateline.extract.text_spans import (
    DOUBLED_APOSTROPHE,
    QUOTE_TOKENS,
    QuotedRegion,
    inside_any,
    paragraphs,
    quoted_regions,
)
from dateline.model import Quote, Span, Speaker

CUE_VERBS = {
    "say", "tell", "add", "warn", "caution", "state", "claim", "announce", "insist", "argue",
    "explain", "note", "report", "write", "ask", "urge", "acknowledge", "admit", "confirm", "deny",
    "declare", "stress", "suggest", "reply", "respond", "recall", "predict", "promise", "vow",
    "pledge", "complain", "contend", "maintain", "assert", "estimate", "indicate", "emphasize",
    "emphasise", "reiterate", "concede", "comment", "tweet", "testify", "allege", "charge", "signal",
    "hint", "boast", "joke", "lament", "observe", "remark", "disclose", "reveal", "assure", "inform",
    "conclude", "continue", "answer", "echo", "shout", "yell", "scream", "whisper", "exclaim", "quip",
    "retort", "counter", "mention", "repeat", "proclaim", "speculate", "recount", "muse", "scoff",
    "snap", "plead", "swear", "object", "opine", "brag", "post", "blog", "insinuate", "imply",
    "question", "wonder", "reason", "recommend", "guess", "point", "lay", "spell", "sum",
    "surmise", "elaborate", "riff", "gush", "confide",
}  # fmt: skip
# Belief, knowledge and agreement: news attributes them as it attributes speech, but only with a
# clause of content ("agreed that ..."), never by standing next to a quotation.
CLAUSE_ONLY_CUES = {
    "believe", "think", "fear", "worry", "expect", "hope", "feel", "doubt", "suspect", "learn",
    "find", "know", "understand", "realize", "recognize", "agree", "concur",
}  # fmt: skip
# Channels a voice reaches the article through. "told reporters" names an audience, not a
# channel: the words reach the reader through the article's own outlet, so it gives no medium.
MEDIUM_NOUNS = {
    "briefing", "interview", "conference", "television", "radio",
    "newspaper", "agency", "broadcast", "address", "podcast", "press", "station", "channel", "show",
    "post", "statement", "speech", "x", "twitter", "facebook", "telegram", "instagram",
}  # fmt: skip
# People and groups by what they do, beyond the role words of data/roles.tsv.
AGENT_NOUNS = {
    "critic", "supporter", "opponent", "voter", "resident", "expert", "analyst", "activist",
    "advocate", "lawmaker", "official", "people", "observer", "witness", "protester", "economist",
    "researcher", "scientist", "lawyer", "attorney", "spokesman", "spokeswoman", "spokesperson",
    "source", "aide", "adviser", "advisor", "campaign", "group", "committee", "administration",
    "court", "judge", "panel", "party", "government", "ministry", "department", "agency", "union",
    "poll", "survey", "report", "statement", "letter", "study", "document", "editorial", "crowd",
    "commentator", "pundit", "columnist", "blogger", "author", "writer", "host", "delegate",
    "candidate", "nominee", "member", "attendee", "audience", "fan", "participant", "respondent",
    "user", "follower", "student", "worker", "parent", "teacher", "conservative", "liberal",
}  # fmt: skip
# Verbs that attribute without a source in the passive: "X is expected to ...", "was asked if ...".
PASSIVE_CUES = {
    "expect", "say", "report", "believe", "think", "know", "consider", "rumor", "rumour", "ask",
    "announce", "estimate", "project", "predict", "allege", "see", "suppose", "tell", "urge",
}  # fmt: skip
# Nouns that report speech or a stance: "Alder's claim that ...", "her call for ...".
SPEECH_NOUNS = {
    "claim", "assertion", "argument", "warning", "promise", "pledge", "suggestion", "allegation",
    "view", "belief", "insistence", "contention", "remark", "comment", "announcement", "call",
    "demand", "request", "complaint", "criticism", "accusation", "threat", "vow", "prediction",
    "proposal", "fear", "concern", "hope", "charge", "denial", "admission", "assurance", "support",
    "opposition", "attack", "endorsement", "decision", "plan", "question",
}  # fmt: skip
NOUN_CUE_PREPOSITIONS = {"for", "of", "on", "about", "against"}
# "In a new poll, ...": the sources a sentence can report from with a bare "in".
STUDY_NOUNS = {"poll", "survey", "study", "analysis", "census", "audit", "forecast"}
# Lemmas, as spaCy gives them: "data" is "datum".
DOCUMENT_NOUNS = {
    "statement", "report", "document", "letter", "study", "poll", "survey", "memo", "filing", "figure",
    "data", "datum", "account", "post", "tweet", "editorial", "communique", "communiqué", "release",
    "assessment", "estimate", "analysis", "index", "website", "message", "announcement", "notice",
    "intelligence", "finding", "record",
}  # fmt: skip
MAX_TOKENS_BACK_TO_DOCUMENT = 300  # how far back "the statement" may find the statement it is
MAX_TAIL_AFTER_CUE = 6  # words after the verb of a closing reporting clause: "told Reuters on Tuesday"
FIRST_PERSON = {"i", "we", "me", "us"}
NON_CUE_VERBS = {"be", "have", "get", "make", "seem", "appear", "become", "do", "go", "come"}
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
COMPLEMENT_DEPS = {"dobj", "ccomp", "xcomp", "prep", "attr", "acomp", "dative", "oprd", "prt"}
# Verbs of doing that PolNeAR also counts as cues for the stance they show; with a bare thing for
# object they report an act, not words ("signed the accord", "passed the budget").
ACT_VERBS = {
    "sign", "issue", "approve", "pass", "launch", "file", "break", "attack", "sentence", "adopt",
    "enact", "veto", "ratify", "impose", "lift", "award", "grant", "release", "order",
}  # fmt: skip
# Verbs whose "to ..." complement is words given, a promise or a threat: "vowed to retaliate".
COMMITMENT_CUES = {"vow", "pledge", "promise", "threaten", "swear", "offer", "undertake"}
WITHHOLDING_VERBS = {"decline", "refuse", "fail", "hesitate"}
QUOTED_SHARE_FOR_DIRECT = 0.8
# A verb the annotated news used as a cue less than one time in five ("use", "try", "open") takes its bare
# complement as content only when it is quoted: "police used water cannon" is an act, not speech.
MIN_COMPLEMENT_CUE_RATE = 0.2
QUOTING_VERBS = {"quote", "cite", "describe", "portray", "depict", "paraphrase"}  # "quoted X as saying"
# '"..." - Michelle Marks' and '"...," the editorial read.': sources that close a quotation
# with no reporting verb the parser recognizes (see _Finder.closing_sources).
DASH_SOURCE = re.compile(
    r"[\s,.]*(?P<cue>[-\u2013\u2014]{1,2})\s*(?P<source>[^\W\d][^,.;:!?\n]{1,60}?)[\s.]*$"
)
SIGNED_BELOW = re.compile(
    r"\s*(?P<cue>[-\u2013\u2014]{1,2})\s*(?P<source>[^\W\d][^,.;:!?\n]{1,60}?)\s*(?:,[^\n]{0,80})?$"
)
CLOSING_CLAUSE = re.compile(
    r"\s*(?P<source>(?:the|a|an|this|that|his|her|its|their)\s+(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+)"
    r"\s+(?P<cue>read|reads|stated|states|declared|declares)\s*\.\s*$"
)
MAX_CLOSING_SOURCE_WORDS = 6
MAX_WORDS_QUOTATION_TO_CUE = 40  # '"...," Trump, the front-runner ... after winning ..., said'
QUOTE_CHARS = {'"', "\u201c", "\u201d", "'"}  # the marks a quotation region sits between
CLOSING_MARKS = " \"'\u201d\u2019"  # what may close a quotation: marks and the spaces between them
FILTER_FILE = "attribution_filter.json"  # written by scripts/train_attribution_filter.py
MIN_PROSE_WORDS = 2  # words between a cue and a quotation that make the quotation part of prose
MAX_WORDS_BEFORE_GOING_ON = 3  # '..., she said on Sunday. "..."'
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'\u201c\u2018A-Z])")  # a full stop, then a new sentence


@dataclass
class _Draft:
    kind: str
    speaker: Speaker | None
    cue: Span | None
    cue_lemma: str | None
    content: list[Span]
    source_type: str | None
    medium: str | None
    signals: dict[str, float] = field(default_factory=dict)  # what the filter weighs (see _signals)


def find_attributions(doc: Doc, analysis: EntityAnalysis) -> list[Quote]:
    """Every attribution in ``doc``, in text order, with speakers resolved through ``analysis``."""
    candidates = candidate_drafts(doc, analysis)
    drafts = [d for d in candidates if _kept(d)]
    drafts = _outermost(drafts + _speech_inside_kept(drafts, candidates))
    drafts.sort(key=lambda d: d.content[0].start if d.content else 0)
    _resolve_pronoun_speakers(drafts, analysis)
    _first_person_in_quotations(drafts, quoted_regions(doc.text))
    return [
        Quote(
            f"Q{n}", d.kind, d.speaker, d.cue, d.cue_lemma, d.content, d.source_type, d.medium, confidence(d)
        )
        for n, d in enumerate(drafts, start=1)
    ]


def candidate_drafts(doc: Doc, analysis: EntityAnalysis) -> list[_Draft]:
    """Every candidate attribution the rules find, before the learned filter and nesting."""
    finder = _Finder(doc, analysis)
    drafts = finder.headline()
    drafts += finder.from_cues()
    drafts += finder.closing_sources()
    drafts += finder.colon_openings({d.cue.start for d in drafts if d.cue is not None})
    finder.continuations(drafts)
    for draft in drafts:
        finder.whole_quotations(draft)
    return drafts


class _Finder:
    def __init__(self, doc: Doc, analysis: EntityAnalysis) -> None:
        self.doc = doc
        self.text = doc.text
        self.analysis = analysis
        self.regions = quoted_regions(doc.text)
        self.claimed: set[QuotedRegion] = set()

    def headline(self) -> list[_Draft]:
        """'John McCain: Populist anger ...' or 'Netanyahu after conflict: Hamas' as a first line."""
        spans = paragraphs(self.text)
        if not spans:
            return []
        start, end = spans[0]
        line = self.text[start:end]
        colon = line.find(": ")
        if colon <= 0 or line.count(": ") > 1 or len(line.split()) > 30:
            return []
        before = (start, start + colon)
        after_start = start + colon + 2
        after = (after_start, start + len(line.rstrip()))
        for source, content in ((before, after), (after, before)):
            speaker = self._headline_source(*source)
            if speaker is not None:
                span = Span.of(self.text, *content)
                cue = Span.of(self.text, start + colon, start + colon + 1)
                kind = _kind_from_share(self._quoted_share(span))
                return [_Draft(kind, speaker[0], cue, ":", [span], speaker[1], None)]
        return []

    def _headline_source(self, start: int, end: int) -> tuple[Speaker, str | None] | None:
        """A short side of a headline colon that names a voice: a person, an organisation, a poll."""
        side = self.doc.char_span(start, end, alignment_mode="contract")
        if side is None or not 0 < len(side) <= 5:
            return None
        named = [t for t in side if t.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}]
        if not named and side[-1].lemma_.lower() not in DOCUMENT_NOUNS | {"poll", "newspaper", "camp"}:
            return None
        if len(named) < len(side) / 2 and side[-1].lemma_.lower() not in DOCUMENT_NOUNS | {
            "poll",
            "newspaper",
            "camp",
        }:
            return None  # a name inside a phrase ("Netanyahu after conflict") is not the source
        found = self.analysis.mention_at(named[0].i) if named else None
        speaker = Speaker(side.start_char, side.end_char, side.text, found[1].id if found else None)
        if found is not None:
            return speaker, _source_type(self.analysis.cluster_of(found[1].id))
        return speaker, "document"

    def from_cues(self) -> list[_Draft]:
        drafts: list[_Draft] = []
        for sent in self.doc.sents:
            found_here = len(drafts)
            for token in sent:
                before = set(self.claimed)
                draft = None
                if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
                    draft = self._according_to(token, sent)
                elif token.lemma_.lower() in all_cue_verbs() and token.pos_ in {"VERB", "AUX"}:
                    draft = self._verb_cue(token, sent)
                elif token.pos_ == "NOUN" and token.lemma_.lower() in SPEECH_NOUNS:
                    draft = self._noun_cue(token, sent)
                if draft is not None:
                    drafts.append(draft)
                self._release_if_dropped(draft, before)
            before = set(self.claimed)
            study = self._study_cue(sent)
            if study is not None:
                drafts.append(study)
            self._release_if_dropped(study, before)
            if not any(_kept(d) for d in drafts[found_here:]):
                before = set(self.claimed)
                colon = self._colon_cue(sent)
                if colon is not None:
                    drafts.append(colon)
                self._release_if_dropped(colon, before)
        return drafts

    def _release_if_dropped(self, draft: _Draft | None, before: set[QuotedRegion]) -> None:
        """A candidate the filter drops gives back the quotations it claimed, so that a later rule
        (another cue in the sentence, a closing source, a colon) can still attribute them."""
        if draft is not None and not _kept(draft):
            self.claimed = before

    def closing_sources(self) -> list[_Draft]:
        """A quotation closed by a source the parse gives no reporting verb: '"...," the editorial
        read.' (the cue tagged as a noun), '"..." - Michelle Marks' (a dash and a name, on the same line
        or signing the paragraph below), or a reporting verb form the parse did not take for one."""
        drafts = []
        for region in self.regions:
            if region in self.claimed or not self._opens_sentence(region):
                continue
            paragraph_end = self._paragraph_end(region.start)
            next_start = next(
                (r.start - 1 for r in self.regions if region.end < r.start <= paragraph_end), paragraph_end
            )
            before = set(self.claimed)
            tail_start = region.end + 1
            tail = self.text[tail_start:next_start]
            if not tail.strip(' ."\u201d') and next_start == paragraph_end:
                # '"..."' then a paragraph '-Michelle Marks, Philadelphia.': the source signs below
                tail_start = paragraph_end
                while tail_start < len(self.text) and self.text[tail_start].isspace():
                    tail_start += 1
                tail = self.text[tail_start : self._paragraph_end(tail_start)]
                found = SIGNED_BELOW.match(tail)
            else:
                found = None
            found = (
                found
                or DASH_SOURCE.match(tail)
                or CLOSING_CLAUSE.match(tail)
                or _closing_verb_clauses()[0].match(tail)
                or _closing_verb_clauses()[1].match(tail)
            )
            if found is None:
                continue
            side = self.doc.char_span(
                tail_start + found.start("source"), tail_start + found.end("source"), alignment_mode="expand"
            )
            if (
                side is None
                or not 0 < len(side) <= MAX_CLOSING_SOURCE_WORDS
                or not self._names_a_voice(side[-1])
            ):
                continue  # the last word heads the phrase: the parse of a misread clause is no guide
            speaker, source_type = self._side_speaker(side, tail_start + found.start("source"))
            cue_start = tail_start + found.start("cue")
            cue = Span.of(self.text, cue_start, tail_start + found.end("cue"))
            self.claimed.add(region)
            going_on = self._following_quotes(tail_start + found.end(), paragraph_end)
            self.claimed.update(going_on)
            content = [Span.of(self.text, r.start, r.end) for r in [region, *going_on]]
            lemma = (
                "-" if found.re is DASH_SOURCE else _REPORTING_FORMS.get(cue.text.lower(), cue.text.lower())
            )
            draft = _Draft("direct", speaker, cue, lemma, content, source_type, None)
            how = (
                "dash" if found.re in {DASH_SOURCE, SIGNED_BELOW} else "closing-clause"
            )  # the parse found no cue
            draft.signals = self._signals(draft, how, side[-1], side[-1], side.sent)
            drafts.append(draft)
            self._release_if_dropped(draft, before)
        return drafts

    def colon_openings(self, cue_starts: set[int]) -> list[_Draft]:
        """'Trump boomed: "Let's defeat her."': a clause ending in a colon right before a quotation,
        whatever its verb (the learned filter weighs the lemma), with an agent as its subject.
        A verb some other rule already took for a cue (``cue_starts``) is not proposed twice."""
        drafts = []
        for region in self.regions:
            width = self._mark_width(region.start, before=True)
            if region in self.claimed or width == 0:
                continue
            mark = region.start - width
            before = self.text[:mark].rstrip(" ")
            if not before.endswith(":"):
                continue
            colon = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
            if colon is None or colon[0].text != ":":
                continue
            verb = self._verb_before_colon(colon[0])
            if (
                verb.pos_ not in {"VERB", "AUX"}
                or verb.lemma_.lower() in NON_CUE_VERBS
                or verb.idx in cue_starts
                or inside_any(verb.idx, self.regions)
                or "\n" in self.text[verb.idx : mark]
            ):
                continue
            subject = self._subject_of(verb)
            if subject is None or not self._is_agent(subject):
                continue
            going_on = self._following_quotes(region.end + 1, self._paragraph_end(region.start))
            self.claimed.add(region)
            self.claimed.update(going_on)
            content = [Span.of(self.text, r.start, r.end) for r in [region, *going_on]]
            cue = Span.of(self.text, verb.idx, verb.idx + len(verb.text))
            draft = self._draft("direct", subject, cue, verb.lemma_.lower(), content, self._medium(verb))
            draft.signals = self._signals(draft, "inline-colon", verb, subject, verb.sent)
            drafts.append(draft)
            if not _kept(draft):
                self.claimed.difference_update([region, *going_on])
        return drafts

    def _verb_before_colon(self, colon: Token) -> Token:
        """The verb of the clause a colon closes. The parser often hangs the colon on the verb of
        the quotation after it ('shot back: "That would be good."'): then the clause is the one
        the word before the colon belongs to."""
        verb = colon.head
        if verb.i < colon.i or colon.i == 0:
            return verb
        node = self.doc[colon.i - 1]
        while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i and node.head.i < colon.i:
            node = node.head
        return node

    def _names_a_voice(self, head: Token) -> bool:
        """A voice by the word alone, whatever tag the misparse gave it ('Will wrote')."""
        return (
            self._is_agent(head)
            or head.lower_ in {"he", "she", "they", "we", "i"}
            or head.text[:1].isupper()
            and head.i > 0
            and head.is_alpha
        )

    def _side_speaker(self, side: SpacySpan, start: int) -> tuple[Speaker, str | None]:
        """The speaker named by a whole phrase ('President Alder', 'the editorial'), from ``start``
        on (a dash the tokenizer glued to the name is no part of it)."""
        found = self.analysis.mention_at(side[-1].i)
        if found is not None:
            return self._speaker(side[-1])
        speaker, source_type = self._speaker(side[-1])
        start = max(start, side.start_char)
        return Speaker(start, side.end_char, self.text[start : side.end_char], speaker.entity), source_type

    def _opens_sentence(self, region: QuotedRegion) -> bool:
        paragraph_start = self.text.rfind("\n", 0, region.start) + 1
        before = self.text[paragraph_start : max(paragraph_start, region.start - 1)].rstrip()
        return not before or before[-1] in '.!?:"\u201d'

    def _noun_cue(self, noun: Token, sent: SpacySpan) -> _Draft | None:
        """'Alder's claim that the dam is safe', 'her call for a ceasefire': a speech noun with its
        owner and what it says."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None or not self._is_agent(owner) or inside_any(noun.idx, self.regions):
            return None
        said = next(
            (
                c for c in noun.children
                if c.i > noun.i and (
                    c.dep_ in {"acl", "ccomp", "relcl"} and any(m.dep_ in {"mark", "aux"} for m in c.children)
                    or c.dep_ == "prep" and c.lower_ in NOUN_CUE_PREPOSITIONS
                )
            ),
            None,
        )  # fmt: skip
        if said is None or (said.dep_ == "relcl" and not any(m.lower_ == "that" for m in said.children)):
            return None
        part = self.doc[said.i + 1 if said.dep_ == "prep" else said.left_edge.i : said.right_edge.i + 1]
        content = self._trimmed(part)
        if content is None:
            return None
        self._claim_inside(content)
        kind = _kind_from_share(self._quoted_share(content))
        cue = Span.of(self.text, noun.idx, noun.idx + len(noun.text))
        draft = self._draft(kind, owner, cue, noun.lemma_.lower(), [content], None)
        draft.signals = self._signals(draft, "noun", noun, owner, sent)
        return draft

    def _study_cue(self, sent: SpacySpan) -> _Draft | None:
        """'In a new poll, Alder leads by four points': a poll or study the sentence reports from."""
        for token in sent:
            if token.lower_ != "in" or token.dep_ != "prep":
                continue
            source = next((c for c in token.children if c.dep_ == "pobj"), None)
            if source is None or source.lemma_.lower() not in STUDY_NOUNS:
                continue
            phrase = sorted(t.i for t in token.subtree)
            parts = (self.doc[sent.start : phrase[0]], self.doc[phrase[-1] + 1 : sent.end])
            spans = [span for span in (self._trimmed(part) for part in parts) if span is not None]
            if not spans:
                return None
            kind = _kind_from_share(max(self._quoted_share(span) for span in spans))
            cue = Span.of(self.text, token.idx, token.idx + len(token.text))
            draft = self._draft(kind, source, cue, "in", spans, None)
            draft.source_type = "document"
            draft.signals = self._signals(draft, "study", token, source, sent)
            return draft
        return None

    def _colon_cue(self, sent: SpacySpan) -> _Draft | None:
        """'Kerry said:' or 'He continued:' closing a paragraph introduces the quotation below it."""
        words = [t for t in sent if not t.is_space]
        if not words or words[-1].text != ":" or inside_any(words[-1].idx, self.regions):
            return None
        verb = sent.root
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in NON_CUE_VERBS:
            return None  # "The rationale is:" introduces a quotation but names no voice
        subject = self._subject_of(verb)
        if subject is None or not self._is_agent(subject):
            return None
        next_start = self.text.find("\n", words[-1].idx)
        while 0 <= next_start < len(self.text) and self.text[next_start].isspace():
            next_start += 1
        if (
            next_start < 0
            or next_start >= len(self.text)
            or self.text[next_start] not in {'"', "\u201c", "'"}
        ):
            return None
        regions = [
            r for r in self.regions if next_start < r.start <= next_start + 2 and r not in self.claimed
        ]
        if not regions:
            return None
        regions += self._following_quotes(regions[0].end + 1, self._paragraph_end(regions[0].start))
        self.claimed.update(regions)
        content = [Span.of(self.text, r.start, r.end) for r in regions]
        cue = Span.of(self.text, verb.idx, verb.idx + len(verb.text))
        draft = self._draft("direct", subject, cue, verb.lemma_.lower(), content, self._medium(verb))
        draft.signals = self._signals(draft, "colon", verb, subject, sent)
        return draft

    def whole_quotations(self, draft: _Draft) -> None:
        """A content span that starts or ends inside a quotation is stretched to take all of it.

        The parser often ends a subtree inside a quotation ('blamed the court's "four liberal
        justices [who] blocked ..."' stops at the bracket): a quotation is not cut in two by the
        writer's attribution, so the content runs on to its closing mark.
        """
        spans = []
        for span in draft.content:
            start, end = span.start, span.end
            for region in self.regions:
                if region.start < start < region.end:
                    start = region.start - self._mark_width(region.start, before=True)
                if region.start < end < region.end:
                    end = region.end + self._mark_width(region.end, before=False)
            spans.append(span if (start, end) == (span.start, span.end) else Span.of(self.text, start, end))
        if spans != draft.content:
            draft.content = spans
            if draft.kind != "direct":
                draft.kind = _kind_from_share(max(self._quoted_share(c) for c in spans))

    def _mark_width(self, at: int, before: bool) -> int:
        """How many characters the quotation mark just before (or at) ``at`` takes: 2 for '', else
        1, or 0 when there is no mark."""
        mark = self.text[max(0, at - 2) : at] if before else self.text[at : at + 2]
        if mark == DOUBLED_APOSTROPHE:
            return 2
        return int((mark[-1:] if before else mark[:1]) in QUOTE_CHARS)

    # -- cues ----------------------------------------------------------------------------------

    def _verb_cue(self, verb: Token, sent: SpacySpan) -> _Draft | None:
        subject = self._subject_of(verb)
        if subject is None and verb.lemma_.lower() in PASSIVE_CUES:
            return self._passive_cue(verb, sent)
        if subject is None or inside_any(verb.idx, self.regions) or self._withheld(verb):
            return None
        clauses = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i != subject.i]
        if any(c.dep_ == "mark" and c.i < verb.i for c in verb.children):
            # "X called for Y, after reports indicated Z": a subordinate cue says what follows it,
            # never the main clause the parser hung on it.
            clauses = [c for c in clauses if c.i > verb.i]
        # Two clauses hung on the cue: the one after it is what is said ('Airstrikes kill 50
        # militants [a subheading] ... NISA said the forces killed dozens').
        clause = next((c for c in clauses if c.i > verb.i), clauses[0] if clauses else None)
        content: list[Span] = []
        kind, how = "indirect", "clause"
        leading = self._quote_closing_at_clause(verb, subject)
        if leading is not None:
            # '"...," said Beck, who said ...': the quotation is the content, whatever the parse says.
            resumed = [  # '"A," Thiel wrote in a statement, "but B."': the quotation resumes after a comma
                r for r in self.regions
                if verb.idx < r.start < sent.end_char and r not in self.claimed
                and self.text[: max(0, r.start - 1)].rstrip().endswith(",")
            ][:1]  # fmt: skip
            regions = [leading, *resumed]
            regions += self._following_quotes(
                max(sent.end_char, regions[-1].end + 1), self._paragraph_end(verb.idx)
            )
            self.claimed.update(regions)
            content = [Span.of(self.text, r.start, r.end) for r in regions]
            kind, how = "direct", "quotes"
        elif clause is not None:
            span = self._with_semicolon_clause(self._clause_span(clause), verb, sent)
            quoted = self._quoted_share(span)
            if quoted >= QUOTED_SHARE_FOR_DIRECT:
                kind, content = "direct", self._quotes_near(sent, verb, subject)
            elif quoted > 0:
                kind, content = "mixed", [span]
                self._claim_inside(span)
            else:
                content = [span]
        lemma = verb.lemma_.lower()
        if not content and lemma in CLAUSE_ONLY_CUES:
            return None
        if not content and lemma not in CUE_VERBS:
            # A verb learned from annotated news ("criticized X for Y", "called for Z"):
            # what it takes after it is what is attributed, when someone (not something) does it.
            complement = self._complement_span(verb) if self._is_agent(subject) else None
            if complement is None:
                return None
            quoted = self._quoted_share(complement)
            if not quoted and learned_cue_rates().get(lemma, 0.0) < MIN_COMPLEMENT_CUE_RATE:
                return None  # "troops opened fire on ...", "police used water cannon": acts, not speech
            if not quoted and lemma in ACT_VERBS and not self._says_something(complement):
                return None  # "signed the agreement", "issued a decree": a thing done, not words
            content, kind, how = [complement], _kind_from_share(quoted), "complement"
            self._claim_inside(complement)
        that_clause = None if content else self._content_after_that(verb, sent)
        if that_clause is not None:
            content, kind, how = [that_clause], _kind_from_share(self._quoted_share(that_clause)), "that"
            self._claim_inside(that_clause)
        if not content:
            content, kind, how = self._quotes_near(sent, verb, subject), "direct", "quotes"
        if not content:
            # The small parser often misses the complement: fall back on the word order news uses.
            tail, how = self._content_before_tail(verb, subject, sent), "before"
            if tail is None and lemma in CUE_VERBS:
                tail, how = self._content_after_verb(verb, sent), "after"
            if tail is None and lemma in CUE_VERBS and self._is_agent(subject):
                # "emphasized the need for an "unshakeable commitment""
                tail, how = self._complement_span(verb), "speech-complement"
            if tail is not None:
                content, kind = [tail], _kind_from_share(self._quoted_share(tail))
                self._claim_inside(tail)
        if not content and lemma in CUE_VERBS:
            # 'X said in a statement. "..."': the quotation right after the cue's sentence.
            content, kind, how = [], "direct", "quotes-after"
        if not content and how != "quotes-after":
            return None
        after = self._quotes_after_clause(verb, content)
        if after:
            content += [Span.of(self.text, r.start, r.end) for r in after]
            kind = "mixed" if kind == "indirect" else kind
        if not content:
            return None
        opening = self._quoted_opening_before(verb, subject, sent, content)
        if opening is not None:
            content.insert(0, opening)
            kind = "mixed" if kind == "indirect" else kind
        cue = Span.of(self.text, verb.idx, verb.idx + len(verb.text))
        draft = self._draft(kind, subject, cue, verb.lemma_.lower(), content, self._medium(verb))
        draft.signals = self._signals(draft, how, verb, subject, sent)
        return draft

    def _passive_cue(self, verb: Token, sent: SpacySpan) -> _Draft | None:
        """'The report is expected to name the officers', 'It was announced that ...': no source,
        the subject and the clause are the content."""
        if inside_any(verb.idx, self.regions) or self._withheld(verb):
            return None
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        clause = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.i > verb.i), None)
        if patient is None or clause is None or any(c.dep_ == "agent" for c in verb.children):
            return None
        content: list[Span | None] = []
        if patient.lower_ not in {"it", "this", "that"}:
            first, last = patient.left_edge, patient.right_edge
            content.append(Span.of(self.text, first.idx, last.idx + len(last.text)))
        content.append(self._clause_span(clause) if clause.dep_ == "ccomp" else self._xcomp_span(clause))
        spans = [c for c in content if c is not None]
        if not spans:
            return None
        for span in spans:
            self._claim_inside(span)
        kind = _kind_from_share(max(self._quoted_share(c) for c in spans))
        cue = Span.of(self.text, verb.idx, verb.idx + len(verb.text))
        draft = _Draft(kind, None, cue, verb.lemma_.lower(), spans, None, self._medium(verb))
        draft.signals = self._signals(draft, "passive", verb, patient, sent)
        return draft

    def _xcomp_span(self, clause: Token) -> Span | None:
        return self._trimmed(self.doc[clause.left_edge.i : clause.right_edge.i + 1])

    def _outside(self, start: int, end: int) -> str:
        """The text between ``start`` and ``end`` with every quotation taken out."""
        kept, at = [], start
        for region in self.regions:
            if region.end <= start or region.start >= end:
                continue
            kept.append(self.text[at : max(at, region.start - 1)])
            at = max(at, region.end + 1)
        kept.append(self.text[at:end])
        return " ".join(kept)

    def _quote_closing_at_clause(self, verb: Token, subject: Token) -> QuotedRegion | None:
        """The unclaimed quotation that ends right where the reporting clause starts, if any."""
        left = min(verb.idx, next(iter(subject.subtree)).idx)
        for region in self.regions:
            if region in self.claimed or region.end > left or left - region.end > 4:
                continue
            between = self.text[region.end : left]
            if "\n" in between or any(ch.isalnum() for ch in between) or self._ends_sentence(region):
                continue  # '"... anyone." The survey took years': a full stop closed it
            paragraph_start = self.text.rfind("\n", 0, region.start) + 1
            before = self.text[paragraph_start : max(paragraph_start, region.start - 1)].rstrip()
            if not before or before[-1] in '.!?:"\u201d':
                return region  # the quotation opens its sentence: no prose runs into it
        return None

    def _quoted_opening_before(
        self, verb: Token, subject: Token, sent: SpacySpan, content: list[Span]
    ) -> Span | None:
        """'"If there had not been that dam" on the river, Alder said, "we would ..."': a medial
        reporting clause whose content follows it also takes the part before it, when that part
        opens the sentence with a quotation and meets the clause at a comma."""
        left = min(verb.idx, next(iter(subject.subtree)).idx)
        if any(c.start < verb.idx for c in content) or subject.i > verb.i:
            return None
        before = self.text[sent.start_char : left].rstrip()
        if not before.endswith(",") or "\n" in before:
            return None
        end = sent.start_char + len(before) - 1
        opening = next(
            (r for r in self.regions if sent.start_char <= r.start <= sent.start_char + 1 and r.end <= end),
            None,
        )
        if opening is None or opening in self.claimed:
            return None
        self._claim_inside(Span.of(self.text, sent.start_char, end))
        return Span.of(self.text, sent.start_char, end)

    def _quotes_after_clause(self, verb: Token, content: list[Span]) -> list[QuotedRegion]:
        """'"People were celebrating" before the blast, she said. "It was peaceful."': the
        quotation that goes on after a medial or closing reporting clause belongs to its content."""
        if any(c.end > verb.idx for c in content):
            return []
        start = verb.idx + len(verb.text)
        paragraph_end = self._paragraph_end(verb.idx)
        first = next(
            (r for r in self.regions if start <= r.start <= paragraph_end and r not in self.claimed), None
        )
        if first is None or _words_in(self.text[start : first.start - 1]) > MAX_WORDS_BEFORE_GOING_ON:
            return []
        rest = self.text[first.end + 1 : paragraph_end].lstrip(" ,.;:!?\"'\u201d\u2019")
        if rest[:1].isalnum():
            return []  # '"...," Obel told reporters': the quotation has a reporting clause of its own
        found = [first, *self._following_quotes(first.end + 1, paragraph_end)]
        self.claimed.update(found)
        return found

    def _according_to(self, according: Token, sent: SpacySpan) -> _Draft | None:
        to = next(c for c in according.children if c.lower_ == "to")
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        source = self._name_after_role(source)
        phrase = sorted([according.i, *[t.i for t in to.subtree]])
        before = self.doc[sent.start : phrase[0]]
        after = self.doc[phrase[-1] + 1 : sent.end]
        content = [self._trimmed(part) for part in (before, after) if self._trimmed(part) is not None]
        spans = [c for c in content if c is not None]
        if not spans:
            return None
        kind = _kind_from_share(max(self._quoted_share(s) for s in spans))
        cue = Span.of(self.text, according.idx, to.idx + len(to.text))
        draft = self._draft(kind, source, cue, "according to", spans, None)
        draft.signals = self._signals(draft, "according", according, source, sent)
        return draft

    def _name_after_role(self, noun: Token) -> Token:
        """'according to local resident Abel Warrow', parsed with the name apart from the role
        noun: the person named right after it is the source."""
        following = self.doc[noun.i + 1] if noun.i + 1 < len(self.doc) else None
        if noun.pos_ != "NOUN" or following is None or following.ent_type_ != "PERSON":
            return noun
        end = following.i
        while end + 1 < len(self.doc) and self.doc[end + 1].ent_iob_ == "I":
            end += 1
        return self.doc[end]

    @staticmethod
    def _withheld(verb: Token) -> bool:
        """'declined to say whether ...' and 'did not say' report no content."""
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in WITHHOLDING_VERBS

    def _subject_of(self, verb: Token) -> Token | None:
        subject = self._parsed_subject(verb)
        if (
            subject is not None
            and inside_any(subject.idx, self.regions)
            and not inside_any(verb.idx, self.regions)
        ):
            # '"Anybody who ...," said Sunshine', '"We were wrong," Ramos, 58, told AFP': the parser
            # took a word of the quotation; the voice is named between the quotation and the verb,
            # or right after the verb.
            return (
                self._name_after_quotation(verb)
                or self._subject_before_outside_quotations(verb)
                or self._name_after(verb)
                or subject
            )
        return subject

    def _subject_before_outside_quotations(self, verb: Token) -> Token | None:
        """'Clinton seemed ready to riff on it, telling the crowd, "..."', where the parser hung
        'telling' on a verb of the quotation: the nearest subject before it outside quotations."""
        for token in reversed(self.doc[verb.sent.start : verb.i]):
            if token.dep_ == "nsubj" and not inside_any(token.idx, self.regions) and self._is_agent(token):
                return token
        return None

    def _parsed_subject(self, verb: Token) -> Token | None:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            # Two subjects are a misparse ('Speaking in Salem, New Hampshire, Trump went ...',
            # 'Washington (AFP) - Clinton has ...'): the one nearest the verb on its left speaks.
            before = [c for c in subjects if c.i < verb.i]
            child = before[-1] if before else subjects[0]
            if verb.dep_ == "conj" and child.i > verb.i and verb.head.i != verb.i:
                # "called the center a place ..., but also said the base's center would be
                # expanded": a subject after a coordinated cue is what is said, not who says it.
                return self._parsed_subject(verb.head)
            person = self._person_of_organisation(verb, child) or self._person_for_office(child, verb)
            if person is not None:
                return person
            if child.ent_type_ in {"DATE", "TIME"}:
                # 'X said Monday': the parser took the day for the subject; the name is the voice.
                return self._name_before(verb) or self._name_after(verb)
            # A noun with a subject of its own is a misparse of "X, doing Y, Z said": X speaks.
            inner = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
            return inner or child
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            # 'After a host was fired over comments, the anchor reacted': a passive verb's speaker
            # is its agent ('was called a liar by X'), never the subject of the clause it hangs on.
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if verb.dep_ == "conj" and (closing := self._name_set_off_before(verb)) is not None:
            return closing
        if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head.i != verb.i:
            return self._parsed_subject(verb.head)  # "... and added": the subject of the first verb
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"VERB", "AUX"}:
            governor = verb.head.head
            if verb.head.lower_ == "as" and governor.lemma_.lower() in QUOTING_VERBS:
                # "quoted the president as saying ...": the one quoted speaks, not the quoter
                quoted = next((c for c in governor.children if c.dep_ == "dobj"), None)
                if quoted is not None:
                    return quoted
            return self._parsed_subject(governor)  # "ended the speech by saying ...": who ended it
        if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" and verb.head.i < verb.i:
            return verb.head  # "Beruff, a Scott ally, called ...", parsed as a clause on the name
        if verb.dep_ == "acl":
            # "X is making a pitch to voters, saying ...": the subject of the verb the noun hangs on.
            node = verb.head
            while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
                node = node.head
            if node.pos_ in {"VERB", "AUX"} and node.i != verb.i:
                return next((c for c in node.children if c.dep_ == "nsubj"), None)
        if verb.dep_ == "ROOT":
            return self._actor_right_before(verb) or self._name_after_closing_quotation(verb)
        return None

    def _name_after_closing_quotation(self, verb: Token) -> Token | None:
        """'"... distinctive flavour," said Kristian, who prefers ...' parsed with no subject: the
        name right after a verb that follows a closing quotation."""
        before = self.text[max(0, verb.idx - 3) : verb.idx].strip()
        if not before or before[-1] not in QUOTE_CHARS:
            return None
        return self._name_after(verb)

    def _person_of_organisation(self, verb: Token, subject: Token) -> Token | None:
        """'Andrew Lebovich of the Dutch think tank Clingendael said', parsed with the think tank
        as the subject: a person named earlier in the clause with an 'of' or 'at' phrase speaks."""
        found = self.analysis.mention_at(subject.i)
        if found is None or found[1].type == "PERSON":
            return None
        for token in self.doc[verb.sent.start : subject.i]:
            person = self.analysis.mention_at(token.i)
            if (
                token.dep_ == "nsubj"
                and token.head.i != verb.i
                and token.head.i in {t.i for t in verb.subtree}
                # the misparse: a word of the name's phrase taken for its verb ("think" of "think
                # tank"), not a clause of its own ("After Smith of the UN met officials, ...")
                and (token.head.pos_ not in {"VERB", "AUX"} or token.head.dep_ in {"dep", "compound"})
                and person is not None
                and person[1].type == "PERSON"
                and any(c.dep_ == "prep" and c.lower_ in {"of", "at", "from", "with"} for c in token.children)
            ):
                return token
        return None

    def _person_for_office(self, subject: Token, verb: Token) -> Token | None:
        """'U.N. Resident Coordinator for Myanmar Andrew Kirkwood said', parsed with the title as
        the subject: the person named at the end of its 'for' or 'of' phrase, right before the verb."""
        for prep in subject.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"for", "of", "in", "to"}:
                continue
            for name in prep.children:
                found = self.analysis.mention_at(name.i)
                if (
                    name.dep_ == "pobj"
                    and name.right_edge.i == verb.i - 1
                    and found is not None
                    and found[1].type == "PERSON"
                    and found[0].end == name.idx + len(name.text)
                ):
                    return name
        return None

    def _name_set_off_before(self, verb: Token) -> Token | None:
        """'Programs are feeling the strain, Glenn Jusnes, a spokesperson for UNHCR, told VOA',
        parsed with the name as a conjunct of the last noun: a person named between commas right
        before the verb is its subject."""
        if verb.i < 2 or self.doc[verb.i - 1].text != ",":
            return None
        for token in reversed(self.doc[verb.sent.start : verb.i - 1]):
            if (
                token.dep_ in {"conj", "appos"}
                and token.pos_ == "PROPN"
                and token.right_edge.i in {verb.i - 2, verb.i - 1}
            ):
                opening = token.left_edge.i - 1
                found = self.analysis.mention_at(token.i)
                if (
                    opening >= verb.sent.start
                    and self.doc[opening].text == ","
                    and found is not None
                    and found[1].type == "PERSON"
                    and not inside_any(token.idx, self.regions)
                ):
                    return token
        return None

    def _actor_right_before(self, verb: Token) -> Token | None:
        """'Hours after the siege ended, Somalia's intelligence agency, or NISA, said ...' parsed
        with the agency as an object of the clause before: the actor named right before the
        verb, across a comma, is its subject."""
        before = [t for t in self.doc[max(verb.sent.start, verb.i - 2) : verb.i] if t.text != ","]
        if not before or before[-1].pos_ != "PROPN" or inside_any(before[-1].idx, self.regions):
            return None
        found = self.analysis.mention_at(before[-1].i)
        return before[-1] if found is not None and found[1].type in {"PERSON", "ORG", "GPE"} else None

    def _name_after_quotation(self, verb: Token) -> Token | None:
        """The first name between the quotation that closes before ``verb`` and the verb:
        '"...," Ramos, 58, told AFP', '"...," Trump, the front-runner in the polls, said'."""
        closing = [r for r in self.regions if r.end <= verb.idx]
        if not closing:
            return None
        region = max(closing, key=lambda r: r.end)
        if "\n" in self.text[region.end : verb.idx]:
            return None
        for token in self.doc[max(0, verb.i - MAX_WORDS_QUOTATION_TO_CUE) : verb.i]:
            if token.idx < region.end or token.is_punct or token.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
                continue
            if token.pos_ in {"PROPN", "PRON"} or self._is_agent(token):
                return _name_head(token)
        return None

    def _name_before(self, verb: Token) -> Token | None:
        """The name right before a verb ('... campaign manager Jeff Weaver said Monday')."""
        for token in reversed(self.doc[max(0, verb.i - 4) : verb.i]):
            if token.is_punct or inside_any(token.idx, self.regions):
                return None
            if token.pos_ in {"PROPN", "NOUN", "PRON"} and token.ent_type_ not in {"DATE", "TIME"}:
                return token
        return None

    def _name_after(self, verb: Token) -> Token | None:
        """The speaker of an inverted reporting clause ('said Louise Sunshine, who ...')."""
        for token in self.doc[verb.i + 1 : min(verb.i + 6, len(self.doc))]:
            if token.is_punct or inside_any(token.idx, self.regions):
                return None
            if token.pos_ in {"PROPN", "NOUN", "PRON"} and token.ent_type_ not in {"DATE", "TIME"}:
                return _name_head(token)
        return None

    # -- content -------------------------------------------------------------------------------

    def _clause_span(self, clause: Token) -> Span:
        tokens = sorted(t.i for t in clause.subtree)
        start, end = tokens[0], tokens[-1] + 1
        verb = clause.head
        for sibling in verb.children:
            # "Polls show that X, while Y": the parser hangs the rest of the claim on the cue.
            if (
                verb.i < clause.i < sibling.i
                and sibling.dep_ in CLAIM_SIBLING_DEPS
                and (not self._is_cue(sibling) or self._second_that_clause(sibling))
            ):
                end = max(end, max(t.i for t in sibling.subtree) + 1)
        end = min([end, *self._sourced_conjuncts(clause)])
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

    def _with_semicolon_clause(self, span: Span, verb: Token, sent: SpacySpan) -> Span:
        """'He says people are subject to attacks; women are victims of rape.': the parser makes
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

    def _misparsed_as_complement(self, cue: Token) -> bool:
        """A reporting verb the parser made the complement of a later verb: one across a
        semicolon, or one inside the quotation it reports ('He told reporters that the situation
        "is so catastrophic ..."')."""
        head = cue.head
        if cue.dep_ != "ccomp" or head.i <= cue.i:
            return False
        return self._after_semicolon(cue) or (
            inside_any(head.idx, self.regions) and not inside_any(cue.idx, self.regions)
        )

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
        return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in all_cue_verbs()

    def _is_agent(self, subject: Token) -> bool:
        return self.analysis.is_agent(subject, AGENT_NOUNS)

    def _complement_span(self, verb: Token) -> Span | None:
        """From just after the verb to the end of its last complement: 'for a ban on imports'."""
        complements = [c for c in verb.children if c.i > verb.i and c.dep_ in COMPLEMENT_DEPS]
        if not complements:
            return None
        # What else the verb takes on its right ("signed a deal in 2012, granting ...") belongs
        # to it too, up to a coordinated verb or a reporting clause of its own.
        right = [
            c for c in verb.children
            if c.i > complements[0].i and c.dep_ not in {"conj", "cc", "punct"}
            and not (c.lemma_.lower() in all_cue_verbs() and c.pos_ == "VERB")
        ]  # fmt: skip
        end = max(t.i for c in complements + right for t in c.subtree) + 1
        if all(c.dep_ in {"prep", "npadvmod"} and c.lower_ in SETTING_PREPOSITIONS for c in complements):
            return None  # "spoke in Phoenix on Wednesday": where and when, not what
        span = self._trimmed(self.doc[verb.i + 1 : end])
        says_to = self.doc[verb.i + 1].lower_ == "to" and verb.lemma_.lower() not in COMMITMENT_CUES
        if says_to and (span is None or not self._quoted_share(span)):
            return None  # "hoped to get loans", "refused to attend", "reports to the council"
        return span

    def _content_after_verb(self, verb: Token, sent: SpacySpan) -> Span | None:
        """'He said legalizing it could put ...' parsed without a complement: the rest of the sentence,
        when it holds a clause of its own."""
        rest = self.doc[verb.i + 1 : sent.end]
        while len(rest) and (rest[0].dep_ in {"dative", "npadvmod"} or rest[0].is_punct):
            rest = rest[1:]
        if not any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "acl"} for t in rest):
            return None
        return self._trimmed(rest)

    def _content_after_that(self, verb: Token, sent: SpacySpan) -> Span | None:
        """'told a televised briefing that ...': content runs from after 'that' to the sentence end."""
        for token in self.doc[verb.i + 1 : min(verb.i + 8, sent.end)]:
            if token.lower_ == "that":
                return self._trimmed(self.doc[token.i + 1 : sent.end])
            if token.pos_ in {"VERB", "AUX"} and token.dep_ != "amod" or token.is_punct:
                return None
        return None

    def _content_before_tail(self, verb: Token, subject: Token, sent: SpacySpan) -> Span | None:
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
        return self._trimmed(self.doc[sent.start : left - 1])

    def _trimmed(self, part: SpacySpan) -> Span | None:
        tokens = [t for t in part if not t.is_space and not (t.is_punct and t.text not in QUOTE_TOKENS)]
        if len(tokens) < 3:
            return None
        return Span.of(self.text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))

    def _quoted_share(self, span: Span) -> float:
        length = span.end - span.start
        if length <= 0:
            return 0.0
        inside = sum(max(0, min(r.end, span.end) - max(r.start, span.start)) for r in self.regions)
        return inside / length

    def _quotes_near(self, sent: SpacySpan, verb: Token, subject: Token) -> list[Span]:
        """The unclaimed quotations that share the cue's sentence, outside the speaker's words."""
        speaker_tokens = list(subject.subtree)
        speaker_start, speaker_end = (
            speaker_tokens[0].idx,
            speaker_tokens[-1].idx + len(speaker_tokens[-1].text),
        )
        found = []
        for region in self.regions:
            if region in self.claimed or region.start >= sent.end_char:
                continue
            if region.end <= sent.start_char and not self._right_before(region, sent.start_char):
                continue
            if speaker_start <= region.start and region.end <= speaker_end:
                continue  # a quoted phrase inside the speaker's description
            if self._is_phrase_quote(region):
                continue
            if region.end <= speaker_start and (
                self._ends_sentence(region) or self._question_before_new_sentence(region, speaker_start)
            ):
                continue  # '"... anyone." The survey took years': the parser ran two sentences together
            found.append(region)
        if found and self._runs_into_prose(found, verb, sent):
            return []  # 'said the gift made him a "presenting sponsor."': the sentence is the content
        if found:
            found += self._following_quotes(max(found[-1].end, sent.end_char), self._paragraph_end(verb.idx))
        self.claimed.update(found)
        return [Span.of(self.text, r.start, r.end) for r in found]

    def _runs_into_prose(self, found: list[QuotedRegion], verb: Token, sent: SpacySpan) -> bool:
        """Whether the quotation nearest the cue is set inside the writer's own words.

        A direct quotation meets its reporting clause at a comma, a colon or the sentence edge
        ('"...," X said', 'X said: "..."'); one that a word runs into ('made him a "presenting
        sponsor."', '"People were celebrating" before the attack, she said') is part of a
        mixed sentence, whose content is the whole clause.
        """
        after = [r for r in found if r.start > verb.idx and r.start < sent.end_char]
        before = [r for r in found if r.end <= verb.idx and r.start >= sent.start_char]
        if after:
            opening = after[0].start - 1
            left = self.text[sent.start_char : opening].rstrip()
            if (
                left
                and left[-1].isalpha()
                and not left.endswith(" that")
                and _words_in(self.text[verb.idx + len(verb.text) : opening]) >= MIN_PROSE_WORDS
            ):
                return True
        if before:
            closing = before[-1].end + 1
            right = self.text[closing : sent.end_char].lstrip()
            first_word = right.split(" ", 1)[0] if right else ""
            if (
                first_word
                and first_word[0].islower()
                and first_word != verb.text
                and _words_in(self.text[closing : verb.idx]) >= MIN_PROSE_WORDS + 2
            ):
                return True
        return False

    def _right_before(self, region: QuotedRegion, position: int) -> bool:
        """'"... Three?" Clinton asks': the parser ended the sentence inside the quotation. A
        quotation that closes its own sentence with a full stop ('"... vacant." President Alder
        took ...') is no part of the next sentence."""
        between = self.text[region.end : position]
        if "\n" in between or any(ch.isalnum() for ch in between):
            return False
        return not self._ends_sentence(region)

    def _quotation_words(self, region: QuotedRegion) -> str:
        """The quotation's text without the marks and spaces that close it."""
        return self.text[region.start : region.end].rstrip(CLOSING_MARKS)

    def _ends_sentence(self, region: QuotedRegion) -> bool:
        """Whether the quotation closes with a full stop, inside or right after its marks."""
        inner = self._quotation_words(region)
        after = self.text[region.end : region.end + 3].lstrip(CLOSING_MARKS)
        return inner.endswith((".", "\u2026")) or after.startswith(".")

    def _question_before_new_sentence(self, region: QuotedRegion, speaker_start: int) -> bool:
        """'"... after the New Year?" Earlier this month, North Korea said': a quotation closing with
        a question or exclamation mark and followed by a capitalised word other than the speaker's
        own ('"Is it?" Smith asked') ends its sentence."""
        inner = self._quotation_words(region)
        rest = self.text[region.end : speaker_start]
        following = rest.lstrip(CLOSING_MARKS)
        return (
            inner.endswith(("?", "!"))
            and following[:1].isupper()
            and region.end + len(rest) - len(following) < speaker_start
        )

    def _is_phrase_quote(self, region: QuotedRegion) -> bool:
        """'called it "a silver standard"': a few quoted words inside the writer's sentence."""
        words = self.text[region.start : region.end].split()
        return len(words) < 4 and not self.text[region.start : region.end].rstrip().endswith(
            (",", ".", "?", "!")
        )

    def _paragraph_end(self, position: int) -> int:
        end = self.text.find("\n", position)
        return len(self.text) if end < 0 else end

    def _following_quotes(self, after: int, paragraph_end: int) -> list[QuotedRegion]:
        """'"A," he said. "B. C."': quotations that go on after the cue, in the same paragraph."""
        found = []
        for region in self.regions:
            if region.start < after or region.start > paragraph_end or region in self.claimed:
                continue
            if any(ch.isalnum() for ch in self.text[after : region.start]):
                break  # words outside quotation marks: someone else's voice or the writer's
            if self._has_own_clause(region, paragraph_end):
                break  # '"A," he said. "B," he added.': the next quotation has a cue of its own
            found.append(region)
            after = region.end + 1
        return found

    def _has_own_clause(self, region: QuotedRegion, paragraph_end: int) -> bool:
        """Whether a reporting clause of its own follows the quotation: '"B," she added.',
        '"Three?" Clinton asks.'. A quotation that ends its sentence and is followed by the
        writer's next sentence ('"B." The court met ...') has none: it goes on with the voice
        before it. Words that run on from it ('"..." of repatriation') count as a clause."""
        next_start = next(
            (r.start - 1 for r in self.regions if region.end < r.start <= paragraph_end), paragraph_end
        )
        after = self.text[region.end + 1 : next_start]
        if not any(ch.isalnum() for ch in after):
            return False
        inner = self._quotation_words(region)
        closing = after.lstrip(CLOSING_MARKS)
        if not (inner.endswith((".", "!", "?", "\u2026")) or closing.startswith((".", "!", "?"))):
            return True  # the sentence goes on past the closing mark
        if inner.endswith((".", "\u2026")) or closing.startswith("."):
            return False  # a full stop: a reporting clause would have had a comma ('"B," she added')
        sentence = SENTENCE_END.split(closing.lstrip(" .!?"), maxsplit=1)[0]
        words = [w.strip(",.;:!?").lower() for w in sentence.split()]
        verb_at = next((i for i, w in enumerate(words) if w in _REPORTING_FORMS), None)
        if verb_at is None or len(words) > MAX_CLOSING_SOURCE_WORDS + 2:
            return False
        # '"... after the New Year?" Earlier this month, North Korea said, "..."': words set off by a
        # comma before the verb open the writer's next sentence, not a clause closing this quotation.
        return "," not in " ".join(sentence.split()[:verb_at])

    def _claim_inside(self, span: Span) -> None:
        self.claimed.update(r for r in self.regions if r.start < span.end and span.start < r.end)

    # -- speaker, medium, source type ----------------------------------------------------------

    def _signals(
        self, draft: _Draft, how: str, cue: Token, subject: Token, sent: SpacySpan
    ) -> dict[str, float]:
        """What the attribution filter weighs: the cue, how the content was found, the speaker."""
        lemma = draft.cue_lemma or ""
        lexicon_kind = (
            "core" if lemma in CUE_VERBS else "clause-only" if lemma in CLAUSE_ONLY_CUES else "learned"
        )
        length = sum(c.end - c.start for c in draft.content)
        speaker = draft.speaker
        speaker_kind = (
            "none" if speaker is None
            else "relative" if subject.tag_ in {"WP", "WDT"}
            else "pronoun" if subject.pos_ == "PRON"
            else "entity" if speaker.entity is not None
            else "other"
        )  # fmt: skip
        found = {
            "bias": 1.0,
            f"lemma={lemma}": 1.0,
            f"lexicon={lexicon_kind}": 1.0,
            "cue rate": learned_cue_rates().get(lemma, 0.0),
            f"how={how}": 1.0,
            f"kind={draft.kind}": 1.0,
            f"how={how}&kind={draft.kind}": 1.0,
            f"source={draft.source_type}": 1.0,
            f"speaker={speaker_kind}": 1.0,
            f"cue dep={'ROOT' if self._misparsed_as_complement(cue) else cue.dep_}": 1.0,
            f"cue tag={cue.tag_}": 1.0,
            f"subject dep={subject.dep_}": 1.0,
            "speaker after cue": float(subject.i > cue.i),
            "agent": float(self._is_agent(subject)),
            "medium": float(draft.medium is not None),
            "content length": min(math.log1p(length) / 6, 1.5),
            "content spans": min(len(draft.content), 5) / 5,
            "first paragraph": float(sent.start_char < self._paragraph_end(0)),
            "quoted share": max((self._quoted_share(c) for c in draft.content), default=0.0),
            **self._content_shape(draft.content),
        }
        return found

    def _says_something(self, span: Span) -> bool:
        """Whether ``span`` holds a verb: a claim ("signed a letter urging ...") rather than a thing."""
        tokens: SpacySpan | list[Token] = (
            self.doc.char_span(span.start, span.end, alignment_mode="expand") or []
        )
        return any(t.pos_ in {"VERB", "AUX"} for t in tokens)

    def _content_shape(self, content: list[Span]) -> dict[str, float]:
        """Whether the content says something (a clause with a verb) or names a thing ("condemned
        the violence", "launched an operation", "referred to the pact", "refused to attend")."""
        if not content:
            return {}
        tokens = [
            t for c in content for t in self.doc.char_span(c.start, c.end, alignment_mode="expand") or []
        ]
        if not tokens:
            return {}
        first = tokens[0]
        return {
            "content has verb": float(any(t.pos_ in {"VERB", "AUX"} for t in tokens)),
            "content opens with to": float(first.lower_ == "to"),
            "content opens with preposition": float(first.pos_ == "ADP" and first.lower_ != "to"),
        }

    def _draft(
        self, kind: str, subject: Token, cue: Span, lemma: str, content: list[Span], medium: str | None
    ) -> _Draft:
        speaker, source_type = self._speaker(subject)
        return _Draft(kind, speaker, cue, lemma, content, source_type, medium)

    def _speaker(self, subject: Token) -> tuple[Speaker, str | None]:
        if subject.tag_ in {"WP", "WDT"}:
            # "Swanson, who vowed ...": the span is "who", the entity the noun the clause hangs on;
            # a noun the analysis knows no entity for is the speaker itself, never "who".
            noun = self._relative_antecedent(subject)
            if noun is None:
                return Speaker(subject.idx, subject.idx + len(subject.text), subject.text, None), None
            speaker, source_type = self._speaker(noun)
            return Speaker(
                subject.idx, subject.idx + len(subject.text), subject.text, speaker.entity
            ), source_type
        found = self.analysis.mention_at(subject.i)
        if found is not None:
            span, entity = found
            cluster = self.analysis.cluster_of(entity.id)
            return Speaker(span.start, span.end, span.text, entity.id), _source_type(cluster)
        tokens = [t for t in subject.subtree if t.i <= subject.i or t.dep_ in {"compound", "amod"}]
        start, end = tokens[0].idx, subject.idx + len(subject.text)
        kind = "document" if subject.lemma_.lower() in DOCUMENT_NOUNS else None
        if kind == "document":
            # "the NISA statement", "a statement from the ISPR", "Matiangi's account": the document
            # speaks for its author
            return Speaker(start, end, self.text[start:end], self._author(subject)), kind
        if kind is None and subject.pos_ == "PROPN":
            kind = "named_person"  # a name the recognizer missed; organisations it rarely misses
        if kind is None and subject.pos_ == "NOUN":
            kind = "unnamed_group" if subject.tag_ in {"NNS", "NNPS"} else "anonymous_person"
        return Speaker(start, end, self.text[start:end], None), kind

    def _author(self, document: Token) -> str | None:
        """The entity a document belongs to: its owner, a name compounded with it, or the body in
        its 'from / by / of' phrase; never a place it is about."""
        owners = [c for c in document.children if c.dep_ in {"poss", "compound"}]
        owners += [  # "a statement from the ISPR", "a statement posted by the government's agency"
            token
            for token in document.subtree
            if token.i > document.i and token.dep_ == "pobj" and token.head.lower_ in {"from", "by", "of"}
        ]
        for owner in owners:
            found = self.analysis.mention_at(owner.i)
            if found is not None and found[1].type in {"PERSON", "ORG", "GROUP", "GPE"}:
                return found[1].id
        if any(c.lower_ in {"the", "this", "that"} for c in document.children):
            return self._earlier_author(document)
        return None

    def _earlier_author(self, document: Token) -> str | None:
        """'The ministry issued a statement on Monday. ... The statement said': a document the
        story has already introduced belongs to whoever issued it (its owner, or the subject of
        the verb it was the object of)."""
        lemma = document.lemma_.lower()
        for earlier in reversed(self.doc[max(0, document.i - MAX_TOKENS_BACK_TO_DOCUMENT) : document.i]):
            if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
                continue
            owners = [c for c in earlier.children if c.dep_ in {"poss", "compound"}]
            owners += [
                t for t in earlier.subtree if t.dep_ == "pobj" and t.head.lower_ in {"from", "by", "of"}
            ]
            if earlier.dep_ == "dobj":
                owners += [c for c in earlier.head.children if c.dep_ == "nsubj"]
            for owner in owners:
                found = self.analysis.mention_at(owner.i)
                if found is not None and found[1].type in {"PERSON", "ORG", "GROUP", "GPE"}:
                    return found[1].id
            return None  # the nearest earlier mention of the document decides
        return None

    def _relative_antecedent(self, pronoun: Token) -> Token | None:
        """The noun a relative pronoun stands for: the one its clause hangs on, or (when the parse
        hung the clause elsewhere) the noun right before it; through an apposition to the name
        ('Brant, a farmer who said ...' -> Brant) when only the name is a known entity."""
        if pronoun.head.dep_ == "relcl" and pronoun.head.head.i < pronoun.i:
            noun: Token | None = pronoun.head.head
        else:
            noun = next(
                (t for t in reversed(self.doc[max(0, pronoun.i - 3) : pronoun.i]) if not t.is_punct), None
            )
            if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
                return None
        while (
            noun is not None
            and noun.dep_ == "appos"
            and self.analysis.mention_at(noun.i) is None
            and noun.head.i < noun.i
        ):
            noun = noun.head
        return noun

    def _medium(self, verb: Token) -> str | None:
        """'told AFP', 'told a televised briefing', 'in an interview with CNN', 'on X'."""
        for child in verb.children:
            if child.dep_ in {"dobj", "dative"} and verb.lemma_ == "tell":
                medium = self._medium_noun(child)
                if medium:
                    return medium
            if child.dep_ == "prep" and child.lower_ in {"in", "on", "during", "to"}:
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    medium = self._medium_noun(obj)
                    if medium:
                        return medium
        return None

    def _medium_noun(self, noun: Token) -> str | None:
        found = self.analysis.mention_at(noun.i)
        if found is not None:
            _, entity = found
            if entity.sector == "MED" and entity.type == "ORG":  # an outlet, not "reporters"
                return entity.name
        if noun.lower_ in MEDIUM_NOUNS or noun.lemma_.lower() in MEDIUM_NOUNS:
            with_org = [
                obj
                for prep in noun.children
                if prep.dep_ == "prep" and prep.lower_ in {"with", "on", "to"}
                for obj in prep.children
                if obj.dep_ == "pobj"
            ]
            for obj in with_org:
                nested = self._medium_noun(obj)
                if nested:
                    return nested
            tokens = [t for t in noun.subtree if t.i <= noun.i]
            return self.text[tokens[0].idx : noun.idx + len(noun.text)]
        return None

    # -- continuation paragraphs ---------------------------------------------------------------

    def continuations(self, drafts: list[_Draft]) -> None:
        """A paragraph that is one quotation with no cue goes on with the previous speaker.

        Right after that speaker's attribution it extends the same attribution (one
        attribution, several content spans). Further away the speaker is a guess that was
        almost always wrong on PolNeAR train, so such a paragraph gets no attribution.
        """
        spans = paragraphs(self.text)
        starts = [start for start, _ in spans]
        for index, (para_start, para_end) in enumerate(spans):
            stripped = self.text[para_start:para_end].strip()
            if not stripped or not stripped.startswith(('"', "\u201c", "''")):
                continue
            regions = [r for r in self.regions if para_start <= r.start < para_end and r not in self.claimed]
            if not regions or any(d.cue and para_start <= d.cue.start < para_end for d in drafts):
                continue
            if _words_in(self._outside(para_start, para_end)) > 0:
                continue  # '"...," the editorial read.': a voice of its own that no cue caught
            previous = [
                d for d in drafts if d.content and d.content[-1].end <= para_start and d.speaker and _kept(d)
            ]
            if not previous:
                continue
            last = max(previous, key=lambda d: d.content[-1].end)
            self.claimed.update(regions)
            content = [Span.of(self.text, r.start, r.end) for r in regions]
            last_paragraph = bisect.bisect_right(starts, last.content[-1].start) - 1
            if last_paragraph == index - 1:
                last.content.extend(content)
                if last.kind == "indirect":
                    last.kind = "mixed"  # paraphrase, then the speaker's own words
        self._sentence_continuations(drafts)

    def _sentence_continuations(self, drafts: list[_Draft]) -> None:
        """A quoted sentence with no reporting clause of its own, right after an attribution's
        sentence in the same paragraph ('Alder said the dam is safe. "We checked it twice."'),
        goes on with that attribution: the same speaker, one more content span."""
        for region in self.regions:
            if region in self.claimed or not self._opens_sentence(region):
                continue
            paragraph_end = self._paragraph_end(region.start)
            if self._has_own_clause(region, paragraph_end):
                continue
            if any(d.cue and region.start <= d.cue.start < region.end for d in drafts):
                continue
            previous = [
                d for d in drafts if d.content and d.speaker and _kept(d) and _end_of(d) <= region.start
            ]
            if not previous:
                continue
            last = max(previous, key=_end_of)
            opening = region.start - self._mark_width(region.start, before=True)
            if not self._rest_of_sentence(self.text[_end_of(last) : opening]):
                continue
            regions = [region, *self._following_quotes(region.end + 1, paragraph_end)]
            self.claimed.update(regions)
            last.content.extend(Span.of(self.text, r.start, r.end) for r in regions)
            if last.kind == "indirect":
                last.kind = "mixed"

    @staticmethod
    def _rest_of_sentence(between: str) -> bool:
        """Whether ``between`` (from an attribution's last word to an opening quotation mark) is
        only the end of that attribution's sentence: no new sentence, no other quotation."""
        if "\n" in between or any(ch in between for ch in '"\u201c\u201d'):
            return False
        body = between.rstrip(" '\u2018")
        if any(ch.isalnum() for ch in body) and not body.endswith((".", "!", "?")):
            return False
        return not SENTENCE_END.search(body.rstrip(".!?"))


# Past and present forms of the core cues that plain suffixing gets wrong.
_IRREGULAR_FORMS = {
    "said": "say", "told": "tell", "wrote": "write", "swore": "swear", "quipped": "quip",
    "snapped": "snap", "admitted": "admit", "fretted": "fret", "spoke": "speak",
}  # fmt: skip


def _forms_of(lemma: str) -> list[str]:
    past = (
        lemma + "d"
        if lemma.endswith("e")
        else lemma[:-1] + "ied"
        if lemma.endswith("y") and lemma[-2] not in "aeiou"
        else lemma + "ed"
    )
    present = (
        lemma + "es"
        if lemma.endswith(("s", "sh", "ch", "x"))
        else lemma[:-1] + "ies"
        if lemma.endswith("y") and lemma[-2] not in "aeiou"
        else lemma + "s"
    )
    return [past, present]


_REPORTING_FORMS = {form: lemma for lemma in CUE_VERBS for form in _forms_of(lemma)} | _IRREGULAR_FORMS


@lru_cache(maxsize=1)
def _closing_verb_clauses() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'"...," screenwriter Cole Haddon wrote on Twitter.' and '"...," added Gowdy.': a closing
    reporting clause read from the word forms when the parse found no reporting verb in it."""
    forms = "|".join(sorted(_REPORTING_FORMS, key=len, reverse=True))
    source_first = re.compile(
        rf"\s*(?P<source>[^\W\d][^,.;:!?\"\u201c\u201d\n]{{0,60}}?)(?:,\s+(?:who|which)\b[^.!?\"\n]{{0,120}}?,)?"
        rf"\s+(?P<cue>{forms})\b[^.!?\"\u201c\n]{{0,60}}[.!?]\s*$"
    )
    verb_first = re.compile(
        rf"\s*(?P<cue>{forms})\s+(?P<source>[^\W\d][^,.;:!?\"\u201c\u201d\n]{{0,60}}?)(?:,[^.!?\n]{{0,100}})?\s*[.!?]\s*$"
    )
    return source_first, verb_first


@lru_cache(maxsize=1)
def learned_cue_rates() -> dict[str, float]:
    """Verb lemma -> how often PolNeAR train annotates it as a cue (scripts/learn_cue_lexicon.py)."""
    text = resources.files("dateline.data").joinpath("cue_verbs.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0]: float(row[1]) for row in rows}


@lru_cache(maxsize=1)
def learned_cue_verbs() -> frozenset[str]:
    """Verbs PolNeAR train annotates as cues often enough to be worth a look."""
    return frozenset(learned_cue_rates())


@lru_cache(maxsize=1)
def all_cue_verbs() -> frozenset[str]:
    return frozenset(CUE_VERBS | CLAUSE_ONLY_CUES | learned_cue_verbs())


def attribution_filter() -> LinearFilter:
    """The learned filter (data/attribution_filter.json): weights, threshold and calibration."""
    return load_filter(FILTER_FILE)


def filter_model() -> tuple[dict[str, float], float]:
    """The learned filter's weights and threshold, or none at all."""
    found = attribution_filter()
    return found.weights, found.threshold


def filter_score(signals: dict[str, float]) -> float:
    """Log-odds that a candidate is an attribution, speaker included."""
    return attribution_filter().score(signals)


def confidence(draft: _Draft) -> float | None:
    """How likely the candidate is an attribution: the filter's calibrated log-odds; a candidate the
    filter does not weigh (a headline's "X: ...") gets the precision such candidates had."""
    return attribution_filter().confidence(draft.signals)


def _kept(draft: _Draft) -> bool:
    """Candidates the filter scores below its threshold are dropped; those it has no signals for stay."""
    return attribution_filter().keeps(draft.signals)


def _speech_inside_kept(kept: list[_Draft], candidates: list[_Draft]) -> list[_Draft]:
    """Speech-verb candidates the filter dropped that sit in the content a kept quoting verb takes
    as its object: 'A statement quoted the governor as saying "..."' is the governor's words
    whatever the filter made of the participle, so ``_outermost`` may hand them over."""
    outers = [d for d in kept if "how=complement" in d.signals and d.cue_lemma in QUOTING_VERBS]
    kept_ids = {id(d) for d in kept}
    return [
        inner
        for inner in candidates
        if id(inner) not in kept_ids
        and inner.cue is not None
        and inner.cue_lemma in CUE_VERBS
        and any(c.start <= inner.cue.start < c.end for outer in outers for c in outer.content)
    ]


def _outermost(drafts: list[_Draft]) -> list[_Draft]:
    """One attribution where one sits in another's content: 'X said he believes Y' is X's.

    PolNeAR annotates the outer one, unless the outer one is only a verb learned from the
    annotations taking its object and the inner one a speech verb ('X is making a pitch to
    farmers, saying Y'): then the speech verb's attribution stays.
    """
    dropped: set[int] = set()
    for inner in drafts:
        cue = inner.cue
        if cue is None:
            continue
        for outer in drafts:
            if outer is inner or not any(c.start <= cue.start < c.end for c in outer.content):
                continue
            if _voice_before_according(inner, outer):
                # 'X says A, but according to Y, B': Y is given B only.
                outer.content = [c for c in outer.content if outer.cue and c.start > outer.cue.start]
                continue
            if (inner.cue_lemma in CUE_VERBS or inner.cue_lemma == "according to") and (
                "how=complement" in outer.signals
            ):
                dropped.add(id(outer))
            else:
                dropped.add(id(inner))
    return [d for d in drafts if id(d) not in dropped]


def _voice_before_according(inner: _Draft, outer: _Draft) -> bool:
    """Whether ``inner`` is a reporting clause of its own ahead of the 'according to' that
    ``outer`` is, with what it reports ending before that phrase."""
    if outer.cue_lemma != "according to" or outer.cue is None or inner.cue is None:
        return False
    return (
        inner.cue_lemma in CUE_VERBS
        and inner.speaker is not None
        and inner.cue.start < outer.cue.start
        and all(c.end <= outer.cue.start for c in inner.content)
        and any(c.start > outer.cue.start for c in outer.content)
    )


def _resolve_pronoun_speakers(drafts: list[_Draft], analysis: EntityAnalysis) -> None:
    """A pronoun speaker the entity analysis left without a person ('he' for none, or for a
    place) takes the voice it stands for (see ``speakers``), or no entity."""
    spoken = [d for d in drafts if d.speaker is not None]
    voices = [Voice(d.speaker.start, d.speaker.text, d.speaker.entity) for d in spoken if d.speaker]
    order = sorted(range(len(voices)), key=lambda k: voices[k].at)
    spoken, voices = [spoken[k] for k in order], [voices[k] for k in order]
    for draft, voice, entity in zip(spoken, voices, resolve_pronouns(voices, analysis), strict=True):
        if entity != voice.entity and draft.speaker is not None:
            draft.speaker = Speaker(draft.speaker.start, draft.speaker.end, draft.speaker.text, entity)
            if entity is not None:
                draft.source_type = _source_type(analysis.cluster_of(entity))


def _first_person_in_quotations(drafts: list[_Draft], regions: list[QuotedRegion]) -> None:
    """'"I told them we would stay," ...': an 'I' or 'we' the parse took for a speaker inside a
    quotation is the quotation's own speaker, the one whose content holds it; else no one."""
    for draft in drafts:
        speaker = draft.speaker
        if speaker is None or speaker.text.lower() not in FIRST_PERSON:
            continue
        region = next((r for r in regions if r.start <= speaker.start < r.end), None)
        if region is None:
            continue
        holder = next(
            (
                d for d in drafts
                if d is not draft and d.speaker is not None
                and any(c.start <= speaker.start < c.end for c in d.content)
            ),
            None,
        )  # fmt: skip
        entity = holder.speaker.entity if holder is not None and holder.speaker is not None else None
        draft.speaker = Speaker(speaker.start, speaker.end, speaker.text, entity)
        draft.source_type = holder.source_type if holder is not None else None


def _end_of(draft: _Draft) -> int:
    """Where the attribution's words end: its last content span, cue or speaker."""
    ends = [c.end for c in draft.content]
    ends += [span.end for span in (draft.cue, draft.speaker) if span is not None]
    return max(ends)


def _name_head(token: Token) -> Token:
    """The last word of the name ``token`` starts ('Louise' -> 'Sunshine'), which heads its mention."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


def _words_in(text: str) -> int:
    return sum(any(ch.isalnum() for ch in word) for word in text.split())


def _kind_from_share(share: float) -> str:
    if share >= QUOTED_SHARE_FOR_DIRECT:
        return "direct"
    return "mixed" if share > 0 else "indirect"


def _source_type(cluster: Cluster) -> str | None:
    if cluster.sector == "MED" and cluster.type == "ORG":
        return "media"
    if cluster.type == "PERSON":
        return "anonymous_person" if cluster.anonymous else "named_person"
    if cluster.type == "GROUP":
        return "unnamed_group"
    return "named_organization"
