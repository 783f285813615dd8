"""The candidate attributions the rules propose, before the learned filter and nesting.

A ``Finder`` walks one parsed article and proposes a ``Draft`` for every place a rule reads a
voice: a headline colon ("X: claim"); in each sentence, a reporting verb with its subject, a
passive with no source, "according to", a speech noun with its owner, a poll the sentence
reports from, a colon closing a paragraph before a quotation; a quotation no parsed cue took,
closed by a source read from the words ('"...," Will wrote.', '"..." - Michelle Marks'); a
clause ending in a colon right before a quotation; and the quotations that go on with the voice
before them (a paragraph that is only a quotation, a quoted sentence with no reporting clause
of its own). Content spans are stretched so that no quotation is cut in two.

Each rule decides here which content it takes (in order of trust) and which candidates it gives
up; the helpers it asks are ``attribution_quotations`` (which quotation is whose),
``attribution_content`` (spans from the parse) and ``attribution_speakers`` (who speaks). A
candidate the learned filter drops (``kept``, given by ``attributions``) gives back the
quotations it claimed, so that a later rule can still attribute them. ``Finder.signals`` is
what the filter weighs.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.extract.attribution_content import ContentSpans, reaches_someone_only, sees_as
from dateline.extract.attribution_lexicon import (
    ACT_VERBS,
    CLAUSE_ONLY_CUES,
    CONTACT_VERBS,
    CUE_VERBS,
    NON_CUE_VERBS,
    NOUN_CUE_PREPOSITIONS,
    PASSIVE_CUES,
    REPORTING_FORMS,
    SPEECH_NOUNS,
    STUDY_NOUNS,
    WITHHOLDING_VERBS,
    all_cue_verbs,
    learned_cue_rates,
)
from dateline.extract.attribution_quotations import (
    MAX_CLOSING_SOURCE_WORDS,
    QUOTED_SHARE_FOR_DIRECT,
    SENTENCE_END,
    Quotations,
    kind_from_share,
    words_in,
)
from dateline.extract.attribution_speakers import SpeakerFinder
from dateline.extract.entities import EntityAnalysis
from dateline.extract.text_spans import paragraphs, quotations_of, text_of
from dateline.model import Span, Speaker

# A verb the annotated news used as a cue less than one time in five ("use", "try", "open") takes its bare
# complement as content only when it is quoted: "police used water cannon" is an act, not speech.
MIN_COMPLEMENT_CUE_RATE = 0.2
# '"..." - Michelle Marks' and '"...," the editorial read.': sources that close a quotation
# with no reporting verb the parser recognizes (see Finder.closing_sources).
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


@dataclass
class Draft:
    """One candidate attribution, as the rules found it."""

    kind: str
    speaker: Speaker | None
    cue: Span | None
    cue_lemma: str | None
    content: list[Span]
    source_type: str | None
    medium: str | None
    signals: dict[str, float] = field(default_factory=dict)  # what the filter weighs (see Finder.signals)


class Finder:
    """The rules over one parsed article; ``kept`` is the learned filter's keep-or-drop."""

    def __init__(self, doc: Doc, analysis: EntityAnalysis, kept: Callable[[Draft], bool]) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.quotes = Quotations(self.text, quotations_of(doc))
        self.speakers = SpeakerFinder(doc, analysis, self.quotes.regions)
        self.spans = ContentSpans(doc, self.quotes)
        self.kept = kept

    def headline(self) -> list[Draft]:
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
            speaker = self.speakers.headline_source(*source)
            if speaker is not None:
                span = Span.of(self.text, *content)
                cue = Span.of(self.text, start + colon, start + colon + 1)
                kind = kind_from_share(self.quotes.quoted_share(span))
                return [Draft(kind, speaker[0], cue, ":", [span], speaker[1], None)]
        return []

    # -- cues in a sentence ------------------------------------------------------------------------

    def from_cues(self) -> list[Draft]:
        """Each sentence's cues: "according to", a reporting verb, a speech noun, a poll it reports
        from and, when none of these is kept, a colon closing the paragraph."""
        drafts: list[Draft] = []
        for sent in self.doc.sents:
            found_here = len(drafts)
            for token in sent:
                before = self.quotes.claimed.mark()
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
            before = self.quotes.claimed.mark()
            study = self._study_cue(sent)
            if study is not None:
                drafts.append(study)
            self._release_if_dropped(study, before)
            if not any(self.kept(d) for d in drafts[found_here:]):
                before = self.quotes.claimed.mark()
                colon = self._colon_cue(sent)
                if colon is not None:
                    drafts.append(colon)
                self._release_if_dropped(colon, before)
        return drafts

    def _release_if_dropped(self, draft: Draft | None, before: int) -> None:
        """A candidate the filter drops gives back the quotations it claimed (since the mark
        ``before``), so that a later rule (another cue in the sentence, a closing source, a colon)
        can still attribute them."""
        if draft is not None and not self.kept(draft):
            self.quotes.claimed.release_since(before)

    def _verb_cue(self, verb: Token, sent: SpacySpan) -> Draft | None:
        subject = self.speakers.subject_of(verb)
        if subject is None and verb.lemma_.lower() in PASSIVE_CUES:
            return self._passive_cue(verb, sent)
        if subject is None or self.quotes.index.contains(verb.idx) or self._withheld(verb):
            return None
        if sees_as(verb) and not self.quotes.quoted_share(self.spans.clause_span(verb)):
            return None  # "Analysts see the vote as a test": a view, not words
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
        leading = self.quotes.quote_closing_at_clause(verb, subject)
        if leading is not None:
            # '"...," said Beck, who said ...': the quotation is the content, whatever the parse says.
            resumed = [  # '"A," Thiel wrote in a statement, "but B."': the quotation resumes after a comma
                r for r in self.quotes.index.starting(verb.idx + 1, sent.end_char - 1)
                if r not in self.quotes.claimed and _last_visible(self.text, max(0, self.quotes.opening_at(r))) == ","
            ][:1]  # fmt: skip
            regions = [leading, *resumed]
            regions += self.quotes.following_quotes(
                max(sent.end_char, regions[-1].end + 1), self.quotes.paragraph_end(verb.idx)
            )
            self.quotes.claimed.update(regions)
            content = [Span.of(self.text, r.start, r.end) for r in regions]
            kind, how = "direct", "quotes"
        elif clause is not None:
            span = self.spans.with_semicolon_clause(self.spans.clause_span(clause), verb, sent)
            quoted = self.quotes.quoted_share(span)
            if quoted >= QUOTED_SHARE_FOR_DIRECT:
                kind, content = "direct", self.quotes.quotes_near(sent, verb, subject)
            elif quoted > 0:
                kind, content = "mixed", [span]
                self.quotes.claim_inside(span)
            else:
                content = [span]
        lemma = verb.lemma_.lower()
        if not content and lemma in CLAUSE_ONLY_CUES:
            return None
        if not content and lemma not in CUE_VERBS:
            # A verb learned from annotated news ("criticized X for Y", "called for Z"):
            # what it takes after it is what is attributed, when someone (not something) does it.
            complement = (
                self.spans.complement_span(verb, aims=True) if self.speakers.is_agent(subject) else None
            )
            if complement is None:
                return None
            quoted = self.quotes.quoted_share(complement)
            rarely_speech = learned_cue_rates().get(lemma, 0.0) < MIN_COMPLEMENT_CUE_RATE
            if rarely_speech and (not quoted or self.spans.reports_inside(complement)):
                # "troops opened fire on ...", "police used water cannon": acts, not speech; "began
                # sending what officials described as "..."": the quotation is the inner cue's
                return None
            if not quoted and lemma in ACT_VERBS and not self.spans.says_something(complement):
                return None  # "signed the agreement", "issued a decree": a thing done, not words
            if not quoted and lemma in CONTACT_VERBS and reaches_someone_only(verb):
                return None  # "called Marrow on Tuesday": a contact, not words
            content, kind, how = [complement], kind_from_share(quoted), "complement"
            self.quotes.claim_inside(complement)
        that_clause = None if content else self.spans.content_after_that(verb, sent)
        if that_clause is not None:
            content, kind, how = [that_clause], kind_from_share(self.quotes.quoted_share(that_clause)), "that"
            self.quotes.claim_inside(that_clause)
        if not content and lemma in CUE_VERBS:
            content, how = self.spans.around_medial_clause(verb, sent), "medial"
            kind = kind_from_share(self.quotes.quoted_share_of(content))
            for span in content:
                self.quotes.claim_inside(span)
        if not content:
            content, kind, how = self.quotes.quotes_near(sent, verb, subject), "direct", "quotes"
        if not content:
            # The small parser often misses the complement: fall back on the word order news uses.
            tail, how = self.spans.content_before_tail(verb, subject, sent), "before"
            if tail is None and lemma in CUE_VERBS:
                tail, how = self.spans.content_after_verb(verb, sent), "after"
            if tail is None and lemma in CUE_VERBS and self.speakers.is_agent(subject):
                # "emphasized the need for an "unshakeable commitment""
                tail, how = self.spans.complement_span(verb), "speech-complement"
            if tail is not None:
                content, kind = [tail], kind_from_share(self.quotes.quoted_share(tail))
                self.quotes.claim_inside(tail)
        if not content and lemma in CUE_VERBS:
            # 'X said in a statement. "..."': the quotation right after the cue's sentence.
            content, kind, how = [], "direct", "quotes-after"
        if not content and how != "quotes-after":
            return None
        after = self.quotes.quotes_after_clause(verb, content)
        if after:
            content += [Span.of(self.text, r.start, r.end) for r in after]
            kind = "mixed" if kind == "indirect" else kind
        if not content:
            return None
        opening = self.quotes.quoted_opening_before(verb, subject, sent, content)
        if opening is not None:
            content.insert(0, opening)
            kind = "mixed" if kind == "indirect" else kind
        elif (prose := self.spans.before_medial_clause(verb, subject, sent, content)) is not None:
            self.quotes.claim_inside(prose)
            content.insert(0, prose)
            kind = kind_from_share(self.quotes.quoted_share_of(content))
        cue = Span.of(self.text, verb.idx, verb.idx + len(verb.text))
        draft = self._draft(kind, subject, cue, verb.lemma_.lower(), content, self.speakers.medium(verb))
        draft.signals = self.signals(draft, how, verb, subject, sent)
        return draft

    def _passive_cue(self, verb: Token, sent: SpacySpan) -> Draft | None:
        """'The report is expected to name the officers', 'It was announced that ...': no source,
        the subject and the clause are the content."""
        if self.quotes.index.contains(verb.idx) or self._withheld(verb):
            return None
        patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        clause = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} and c.i > verb.i), None)
        if patient is None or clause is None or any(c.dep_ == "agent" for c in verb.children):
            return None
        content: list[Span | None] = []
        if patient.lower_ not in {"it", "this", "that"}:
            first, last = patient.left_edge, patient.right_edge
            content.append(Span.of(self.text, first.idx, last.idx + len(last.text)))
        content.append(
            self.spans.clause_span(clause) if clause.dep_ == "ccomp" else self.spans.xcomp_span(clause)
        )
        spans = [c for c in content if c is not None]
        if not spans:
            return None
        for span in spans:
            self.quotes.claim_inside(span)
        kind = kind_from_share(max(self.quotes.quoted_share(c) for c in spans))
        cue = Span.of(self.text, verb.idx, verb.idx + len(verb.text))
        draft = Draft(kind, None, cue, verb.lemma_.lower(), spans, None, self.speakers.medium(verb))
        draft.signals = self.signals(draft, "passive", verb, patient, sent)
        return draft

    def _according_to(self, according: Token, sent: SpacySpan) -> Draft | None:
        to = next(c for c in according.children if c.lower_ == "to")
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return None
        source = self.speakers.name_after_role(source)
        phrase = sorted([according.i, *[t.i for t in to.subtree]])
        before = self.doc[sent.start : phrase[0]]
        after = self.doc[phrase[-1] + 1 : sent.end]
        content = [
            self.spans.trimmed(part) for part in (before, after) if self.spans.trimmed(part) is not None
        ]
        spans = [c for c in content if c is not None]
        if not spans:
            return None
        kind = kind_from_share(max(self.quotes.quoted_share(s) for s in spans))
        cue = Span.of(self.text, according.idx, to.idx + len(to.text))
        draft = self._draft(kind, source, cue, "according to", spans, None)
        draft.signals = self.signals(draft, "according", according, source, sent)
        return draft

    def _noun_cue(self, noun: Token, sent: SpacySpan) -> Draft | None:
        """'Alder's claim that the dam is safe', 'her call for a ceasefire': a speech noun with its
        owner and what it says."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None or not self.speakers.is_agent(owner) or self.quotes.index.contains(noun.idx):
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
        content = self.spans.trimmed(part)
        if content is None:
            return None
        self.quotes.claim_inside(content)
        kind = kind_from_share(self.quotes.quoted_share(content))
        cue = Span.of(self.text, noun.idx, noun.idx + len(noun.text))
        draft = self._draft(kind, owner, cue, noun.lemma_.lower(), [content], None)
        draft.signals = self.signals(draft, "noun", noun, owner, sent)
        return draft

    def _study_cue(self, sent: SpacySpan) -> Draft | None:
        """'In a new poll, Alder leads by four points': a poll or study the sentence reports from."""
        for token in sent:
            if token.lower_ != "in" or token.dep_ != "prep":
                continue
            source = next((c for c in token.children if c.dep_ == "pobj"), None)
            if source is None or source.lemma_.lower() not in STUDY_NOUNS:
                continue
            phrase = sorted(t.i for t in token.subtree)
            parts = (self.doc[sent.start : phrase[0]], self.doc[phrase[-1] + 1 : sent.end])
            spans = [span for span in (self.spans.trimmed(part) for part in parts) if span is not None]
            if not spans:
                return None
            kind = kind_from_share(max(self.quotes.quoted_share(span) for span in spans))
            cue = Span.of(self.text, token.idx, token.idx + len(token.text))
            draft = self._draft(kind, source, cue, "in", spans, None)
            draft.source_type = "document"
            draft.signals = self.signals(draft, "study", token, source, sent)
            return draft
        return None

    def _colon_cue(self, sent: SpacySpan) -> Draft | None:
        """'Kerry said:' or 'He continued:' closing a paragraph introduces the quotation below it."""
        words = [t for t in sent if not t.is_space]
        if not words or words[-1].text != ":" or self.quotes.index.contains(words[-1].idx):
            return None
        verb = sent.root
        if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in NON_CUE_VERBS:
            return None  # "The rationale is:" introduces a quotation but names no voice
        subject = self.speakers.subject_of(verb)
        if subject is None or not self.speakers.is_agent(subject):
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
            r
            for r in self.quotes.index.starting(next_start + 1, next_start + 2)
            if r not in self.quotes.claimed
        ]
        if not regions:
            return None
        regions += self.quotes.following_quotes(
            regions[0].end + 1, self.quotes.paragraph_end(regions[0].start)
        )
        self.quotes.claimed.update(regions)
        content = [Span.of(self.text, r.start, r.end) for r in regions]
        cue = Span.of(self.text, verb.idx, verb.idx + len(verb.text))
        draft = self._draft("direct", subject, cue, verb.lemma_.lower(), content, self.speakers.medium(verb))
        draft.signals = self.signals(draft, "colon", verb, subject, sent)
        return draft

    @staticmethod
    def _withheld(verb: Token) -> bool:
        """'declined to say whether ...' and 'did not say' report no content."""
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in WITHHOLDING_VERBS

    # -- quotations no parsed cue took -------------------------------------------------------------

    def closing_sources(self) -> list[Draft]:
        """A quotation closed by a source the parse gives no reporting verb: '"...," the editorial
        read.' (the cue tagged as a noun), '"..." - Michelle Marks' (a dash and a name, on the same line
        or signing the paragraph below), or a reporting verb form the parse did not take for one."""
        drafts = []
        for region in self.quotes.regions:
            if region in self.quotes.claimed or not self.quotes.opens_sentence(region):
                continue
            paragraph_end = self.quotes.paragraph_end(region.start)
            following = self.quotes.index.first_starting_after(region.end, paragraph_end)
            next_start = self.quotes.opening_at(following) if following is not None else paragraph_end
            before = self.quotes.claimed.mark()
            tail_start = self.quotes.closing_end(region)
            tail = self.text[tail_start:next_start]
            if not tail.strip(' ."\u201d') and next_start == paragraph_end:
                # '"..."' then a paragraph '-Michelle Marks, Philadelphia.': the source signs below
                tail_start = paragraph_end
                while tail_start < len(self.text) and self.text[tail_start].isspace():
                    tail_start += 1
                tail = self.text[tail_start : self.quotes.paragraph_end(tail_start)]
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
                or not self.speakers.names_a_voice(side[-1])
            ):
                continue  # the last word heads the phrase: the parse of a misread clause is no guide
            speaker, source_type = self.speakers.side_speaker(side, tail_start + found.start("source"))
            cue_start = tail_start + found.start("cue")
            cue = Span.of(self.text, cue_start, tail_start + found.end("cue"))
            self.quotes.claimed.add(region)
            going_on = self.quotes.following_quotes(tail_start + found.end(), paragraph_end)
            self.quotes.claimed.update(going_on)
            content = [Span.of(self.text, r.start, r.end) for r in [region, *going_on]]
            lemma = (
                "-" if found.re is DASH_SOURCE else REPORTING_FORMS.get(cue.text.lower(), cue.text.lower())
            )
            draft = Draft("direct", speaker, cue, lemma, content, source_type, None)
            how = (
                "dash" if found.re in {DASH_SOURCE, SIGNED_BELOW} else "closing-clause"
            )  # the parse found no cue
            draft.signals = self.signals(draft, how, side[-1], side[-1], side.sent)
            drafts.append(draft)
            self._release_if_dropped(draft, before)
        return drafts

    def colon_openings(self, cue_starts: set[int]) -> list[Draft]:
        """'Trump boomed: "Let's defeat her."': a clause ending in a colon right before a quotation,
        whatever its verb (the learned filter weighs the lemma), with an agent as its subject.
        A verb some other rule already took for a cue (``cue_starts``) is not proposed twice."""
        drafts = []
        for region in self.quotes.regions:
            width = self.quotes.mark_width(region.start, before=True)
            if region in self.quotes.claimed or width == 0:
                continue
            mark = region.start - width
            before_end = _spaces_before(self.text, mark)  # len(self.text[:mark].rstrip(" ")), uncopied
            if before_end == 0 or self.text[before_end - 1] != ":":
                continue
            colon = self.doc.char_span(before_end - 1, before_end, alignment_mode="expand")
            if colon is None or colon[0].text != ":":
                continue
            verb = self._verb_before_colon(colon[0])
            if (
                verb.pos_ not in {"VERB", "AUX"}
                or verb.lemma_.lower() in NON_CUE_VERBS
                or verb.idx in cue_starts
                or self.quotes.index.contains(verb.idx)
                or "\n" in self.text[verb.idx : mark]
            ):
                continue
            subject = self.speakers.subject_of(verb)
            if subject is None or not self.speakers.is_agent(subject):
                continue
            going_on = self.quotes.following_quotes(region.end + 1, self.quotes.paragraph_end(region.start))
            self.quotes.claimed.add(region)
            self.quotes.claimed.update(going_on)
            content = [Span.of(self.text, r.start, r.end) for r in [region, *going_on]]
            cue = Span.of(self.text, verb.idx, verb.idx + len(verb.text))
            draft = self._draft(
                "direct", subject, cue, verb.lemma_.lower(), content, self.speakers.medium(verb)
            )
            draft.signals = self.signals(draft, "inline-colon", verb, subject, verb.sent)
            drafts.append(draft)
            if not self.kept(draft):
                self.quotes.claimed.difference_update([region, *going_on])
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

    # -- quotations that go on with the voice before them ------------------------------------------

    def continuations(self, drafts: list[Draft]) -> None:
        """A paragraph that is one quotation with no cue goes on with the previous speaker.

        Right after that speaker's attribution it extends the same attribution (one
        attribution, several content spans). Further away the speaker is a guess that was
        almost always wrong on PolNeAR train, so such a paragraph gets no attribution.
        """
        spans = paragraphs(self.text)
        starts = [start for start, _ in spans]
        cues = _CueStarts(drafts)
        voices = _LastVoice(
            [d for d in drafts if d.content and d.speaker and self.kept(d)], _last_content_end
        )
        for index, (para_start, para_end) in enumerate(spans):
            stripped = self.text[para_start:para_end].strip()
            if not stripped or not stripped.startswith(('"', "\u201c", "''")):
                continue
            regions = [
                r
                for r in self.quotes.index.starting(para_start, para_end - 1)
                if r not in self.quotes.claimed
            ]
            if not regions or cues.any_in(para_start, para_end):
                continue
            if words_in(self.quotes.outside(para_start, para_end)) > 0:
                continue  # '"...," the editorial read.': a voice of its own that no cue caught
            last = voices.ending_by(para_start)
            if last is None:
                continue
            self.quotes.claimed.update(regions)
            content = [Span.of(self.text, r.start, r.end) for r in regions]
            last_paragraph = bisect.bisect_right(starts, last.content[-1].start) - 1
            if last_paragraph == index - 1:
                with voices.moving(last):
                    last.content.extend(content)
                if last.kind == "indirect":
                    last.kind = "mixed"  # paraphrase, then the speaker's own words
        self._sentence_continuations(drafts)

    def _sentence_continuations(self, drafts: list[Draft]) -> None:
        """A quoted sentence with no reporting clause of its own, right after an attribution's
        sentence in the same paragraph ('Alder said the dam is safe. "We checked it twice."'),
        goes on with that attribution: the same speaker, one more content span."""
        cues = _CueStarts(drafts)
        voices = _LastVoice([d for d in drafts if d.content and d.speaker and self.kept(d)], _end_of)
        for region in self.quotes.regions:
            if region in self.quotes.claimed or not self.quotes.opens_sentence(region):
                continue
            paragraph_end = self.quotes.paragraph_end(region.start)
            if self.quotes.has_own_clause(region, paragraph_end):
                continue
            if cues.any_in(region.start, region.end):
                continue
            last = voices.ending_by(region.start)
            if last is None:
                continue
            opening = region.start - self.quotes.mark_width(region.start, before=True)
            if not self._rest_of_sentence(self.text[_end_of(last) : opening]):
                continue
            regions = [region, *self.quotes.following_quotes(region.end + 1, paragraph_end)]
            self.quotes.claimed.update(regions)
            with voices.moving(last):
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

    # -- the finished candidate --------------------------------------------------------------------

    def whole_quotations(self, draft: Draft) -> None:
        """A content span that starts or ends inside a quotation is stretched to take all of it.

        The parser often ends a subtree inside a quotation ('blamed the board's "three timid
        members [who] stalled ..."' stops at the bracket): a quotation is not cut in two by the
        writer's attribution, so the content runs on to its closing mark.
        """
        spans = []
        for span in draft.content:
            start, end = self.quotes.whole(span.start, span.end)
            spans.append(span if (start, end) == (span.start, span.end) else Span.of(self.text, start, end))
        if spans != draft.content:
            draft.content = spans
            if draft.kind != "direct":
                draft.kind = kind_from_share(max(self.quotes.quoted_share(c) for c in spans))

    def signals(
        self, draft: Draft, how: str, cue: Token, subject: Token, sent: SpacySpan
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
            f"cue dep={'ROOT' if self.spans.misparsed_as_complement(cue) else cue.dep_}": 1.0,
            f"cue tag={cue.tag_}": 1.0,
            f"subject dep={subject.dep_}": 1.0,
            "speaker after cue": float(subject.i > cue.i),
            "agent": float(self.speakers.is_agent(subject)),
            "medium": float(draft.medium is not None),
            "content length": min(math.log1p(length) / 6, 1.5),
            "content spans": min(len(draft.content), 5) / 5,
            "first paragraph": float(sent.start_char < self.quotes.paragraph_end(0)),
            "quoted share": max((self.quotes.quoted_share(c) for c in draft.content), default=0.0),
            **self.spans.content_shape(draft.content),
        }
        return found

    def _draft(
        self, kind: str, subject: Token, cue: Span, lemma: str, content: list[Span], medium: str | None
    ) -> Draft:
        speaker, source_type = self.speakers.speaker(subject)
        return Draft(kind, speaker, cue, lemma, content, source_type, medium)


@lru_cache(maxsize=1)
def _closing_verb_clauses() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'"...," screenwriter Cole Haddon wrote on Twitter.' and '"...," added Gowdy.': a closing
    reporting clause read from the word forms when the parse found no reporting verb in it."""
    forms = "|".join(sorted(REPORTING_FORMS, key=len, reverse=True))
    source_first = re.compile(
        rf"\s*(?P<source>[^\W\d][^,.;:!?\"\u201c\u201d\n]{{0,60}}?)(?:,\s+(?:who|which)\b[^.!?\"\n]{{0,120}}?,)?"
        rf"\s+(?P<cue>{forms})\b[^.!?\"\u201c\n]{{0,60}}[.!?]\s*$"
    )
    verb_first = re.compile(
        rf"\s*(?P<cue>{forms})\s+(?P<source>[^\W\d][^,.;:!?\"\u201c\u201d\n]{{0,60}}?)(?:,[^.!?\n]{{0,100}})?\s*[.!?]\s*$"
    )
    return source_first, verb_first


class _CueStarts:
    """Where the drafts' cues start, sorted: whether one starts in a range, by bisection."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.starts = sorted(d.cue.start for d in drafts if d.cue)

    def any_in(self, start: int, end: int) -> bool:
        """Whether a cue starts at ``start`` or after, before ``end``."""
        i = bisect.bisect_left(self.starts, start)
        return i < len(self.starts) and self.starts[i] < end


class _LastVoice:
    """Drafts by where ``end_of`` says each one ends, for the one that ends last by a position
    (the first of the list among equals, as ``max`` picks). Sorted once, then kept sorted as a
    draft grows (``moving``): asking per paragraph or quotation costs no scan of every draft."""

    def __init__(self, drafts: list[Draft], end_of: Callable[[Draft], int]) -> None:
        self.drafts, self.end_of = drafts, end_of
        self.position = {id(d): -i for i, d in enumerate(drafts)}
        self.order = sorted((end_of(d), -i) for i, d in enumerate(drafts))

    def ending_by(self, position: int) -> Draft | None:
        """``max((d for d in drafts if end_of(d) <= position), key=end_of, default=None)``."""
        i = bisect.bisect_right(self.order, (position, math.inf)) - 1
        return self.drafts[-self.order[i][1]] if i >= 0 else None

    @contextmanager
    def moving(self, draft: Draft) -> Iterator[None]:
        """Keep the order right while ``draft``'s content changes in the block."""
        self.order.remove((self.end_of(draft), self.position[id(draft)]))
        try:
            yield
        finally:
            bisect.insort(self.order, (self.end_of(draft), self.position[id(draft)]))


def _last_content_end(draft: Draft) -> int:
    return draft.content[-1].end


def _last_visible(text: str, end: int) -> str:
    """The last character of ``text[:end].rstrip()``, or "": found without copying the text before."""
    at = end - 1
    while at >= 0 and text[at].isspace():
        at -= 1
    return text[at] if at >= 0 else ""


def _spaces_before(text: str, end: int) -> int:
    """``len(text[:end].rstrip(" "))``, found without copying the text before."""
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return end


def _end_of(draft: Draft) -> int:
    """Where the attribution's words end: its last content span, cue or speaker."""
    ends = [c.end for c in draft.content]
    ends += [span.end for span in (draft.cue, draft.speaker) if span is not None]
    return max(ends)
