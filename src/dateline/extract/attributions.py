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
* A reporting clause set in commas inside the claim ('The plan, he said, "is dead" for now.',
  'If few delegates are at stake, he said, the party may wait.') takes the words on both sides.
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
  is a logistic regression over each candidate's signals (``Finder.signals``): cue lemma and
  how often it is a cue, how the content was found, kind, speaker and source type, and whether
  the content says something (a clause with a verb) or names a thing. Then, where
  one attribution's cue sits inside another's content, only the outer one is kept, as PolNeAR
  never annotates both.

The speaker is the mention the text uses at that cue and points to its canonical entity. The
medium is the outlet (by its canonical name when known) or channel that relayed the words:
"told AFP", "in an interview with CNN", "in a televised briefing", "on X"; "told reporters"
names an audience, not a channel, and gives none.

Where each decision lives:

* ``attribution_lexicon``: which words can be cues, agents, documents, media; learned cue rates.
* ``attribution_candidates``: the rules that propose candidates (``Finder``) and the signals
  the filter weighs.
* ``attribution_quotations``: which quotation belongs to which reporting clause, and the kind.
* ``attribution_content``: the content span a cue takes from the parse.
* ``attribution_speakers``: who speaks at a cue, its entity, source type and medium.
* here: the order the rules run in, the learned filter (keep or drop, confidence), one
  attribution where one sits in another's content, and pronoun speakers.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract.attribution_candidates import Draft, Finder
from dateline.extract.attribution_lexicon import (
    AGENT_NOUNS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    QUOTING_VERBS,
    all_cue_verbs,
    learned_cue_rates,
    learned_cue_verbs,
)
from dateline.extract.attribution_speakers import source_type_of
from dateline.extract.entities import EntityAnalysis
from dateline.extract.learned import LinearFilter, load_filter
from dateline.extract.speakers import Voice, resolve_pronouns
from dateline.extract.text_spans import (
    QuotedRegion,
    RegionIndex,
    SpanOwners,
    quotations_of,
)
from dateline.model import Quote, Span, Speaker

__all__ = [
    "AGENT_NOUNS",
    "Draft",
    "CUE_VERBS",
    "DOCUMENT_NOUNS",
    "FILTER_FILE",
    "all_cue_verbs",
    "attribution_filter",
    "candidate_drafts",
    "confidence",
    "filter_model",
    "filter_score",
    "find_attributions",
    "learned_cue_rates",
    "learned_cue_verbs",
]

FILTER_FILE = "attribution_filter.json"  # written by scripts/train_attribution_filter.py
FIRST_PERSON = {"i", "we", "me", "us"}


def find_attributions(doc: Doc, analysis: EntityAnalysis) -> list[Quote]:
    """Every attribution in ``doc``, in text order, with speakers resolved through ``analysis``."""
    candidates = candidate_drafts(doc, analysis)
    drafts = [d for d in candidates if _kept(d)]
    drafts = _outermost(drafts + _speech_inside_kept(drafts, candidates))
    drafts.sort(key=lambda d: d.content[0].start if d.content else 0)
    _resolve_pronoun_speakers(drafts, analysis)
    _first_person_in_quotations(drafts, quotations_of(doc))
    return [
        Quote(
            f"Q{n}", d.kind, d.speaker, d.cue, d.cue_lemma, d.content, d.source_type, d.medium, confidence(d)
        )
        for n, d in enumerate(drafts, start=1)
    ]


def candidate_drafts(doc: Doc, analysis: EntityAnalysis) -> list[Draft]:
    """Every candidate attribution the rules find, before the learned filter and nesting."""
    # ``_kept`` asks this module's ``attribution_filter`` at every call: the rules give back what a
    # dropped candidate claimed, so they run against the filter as it is now.
    finder = Finder(doc, analysis, _kept)
    drafts = finder.headline()
    drafts += finder.from_cues()
    drafts += finder.closing_sources()
    drafts += finder.colon_openings({d.cue.start for d in drafts if d.cue is not None})
    finder.continuations(drafts)
    for draft in drafts:
        finder.whole_quotations(draft)
    return drafts


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


def confidence(draft: Draft) -> float | None:
    """How likely the candidate is an attribution: the filter's calibrated log-odds; a candidate the
    filter does not weigh (a headline's "X: ...") gets the precision such candidates had."""
    return attribution_filter().confidence(draft.signals)


def _kept(draft: Draft) -> bool:
    """Candidates the filter scores below its threshold are dropped; those it has no signals for stay."""
    return attribution_filter().keeps(draft.signals)


def _speech_inside_kept(kept: list[Draft], candidates: list[Draft]) -> list[Draft]:
    """Speech-verb candidates the filter dropped that sit in the content a kept quoting verb takes
    as its object: 'A statement quoted the governor as saying "..."' is the governor's words
    whatever the filter made of the participle, so ``_outermost`` may hand them over."""
    outers = [d for d in kept if "how=complement" in d.signals and d.cue_lemma in QUOTING_VERBS]
    contents = _contents(outers)
    kept_ids = {id(d) for d in kept}
    return [
        inner
        for inner in candidates
        if id(inner) not in kept_ids
        and inner.cue is not None
        and inner.cue_lemma in CUE_VERBS
        and contents.holding(inner.cue.start)
    ]


def _contents(drafts: list[Draft]) -> SpanOwners[Draft]:
    """The drafts by their content spans, for the ones whose content holds a position."""
    return SpanOwners((c.start, c.end, d) for d in drafts for c in d.content)


def _outermost(drafts: list[Draft]) -> list[Draft]:
    """One attribution where one sits in another's content: 'X said he believes Y' is X's.

    PolNeAR annotates the outer one, unless the outer one is only a verb learned from the
    annotations taking its object and the inner one a speech verb ('X is making a pitch to
    farmers, saying Y'): then the speech verb's attribution stays. Two that hold each other's
    cue (a verb whose content runs on into a closing 'according to X') keep one (``_mutual_loser``).
    """
    dropped: set[int] = set()
    # Contents only shrink below: the drafts whose content held a cue at the start are all that may.
    contents = _contents(drafts)
    for inner in drafts:
        cue = inner.cue
        if cue is None:
            continue
        for outer in contents.holding(cue.start):
            if outer is inner or not _holds(outer, cue) or _relative_voice(inner, outer):
                continue
            if _voice_before_according(inner, outer):
                # 'X says A, but according to Y, B': Y is given B only.
                outer.content = [c for c in outer.content if outer.cue and c.start > outer.cue.start]
                continue
            if (inner.cue_lemma in CUE_VERBS or inner.cue_lemma == "according to") and (
                "how=complement" in outer.signals
            ):
                dropped.add(id(outer))
            elif _holds(inner, outer.cue):
                # Each holds the other's cue, and each would drop the other: one of them stays.
                dropped.add(id(_mutual_loser(inner, outer)))
            else:
                dropped.add(id(inner))
    return [d for d in drafts if id(d) not in dropped]


def _relative_voice(draft: Draft, outer: Draft) -> bool:
    """'... the tax, which he said would cost families dearly': a reporting verb in a relative clause
    gives a voice of its own to what it says of that noun, which PolNeAR annotates besides the
    outer claim."""
    return (
        draft.kind == "indirect"
        and draft.cue_lemma in CUE_VERBS
        and draft.signals.get("cue dep=relcl", 0.0) > 0
        and not _same_voice(draft, outer)
    )


def _same_voice(first: Draft, second: Draft) -> bool:
    """Whether two drafts' speakers are the same words or the same entity."""
    a, b = first.speaker, second.speaker
    if a is None or b is None:
        return False
    return a.text.lower() == b.text.lower() or (a.entity is not None and a.entity == b.entity)


def _holds(draft: Draft, cue: Span | None) -> bool:
    """Whether one of the draft's content spans holds the start of ``cue``."""
    return cue is not None and any(c.start <= cue.start < c.end for c in draft.content)


def _mutual_loser(first: Draft, second: Draft) -> Draft:
    """Of two drafts that hold each other's cue, the one to drop. An 'according to' attributes
    its whole sentence ('..., X was signaling support by ..., according to an official'); else
    the one whose content is the wider is the outer voice ('X warned Y not to ..., officials said')."""
    for according, other in ((first, second), (second, first)):
        if according.cue_lemma == "according to":
            return other
    return min((first, second), key=lambda d: sum(c.end - c.start for c in d.content))


def _voice_before_according(inner: Draft, outer: Draft) -> bool:
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


def _resolve_pronoun_speakers(drafts: list[Draft], analysis: EntityAnalysis) -> None:
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
                draft.source_type = source_type_of(analysis.cluster_of(entity))


def _first_person_in_quotations(drafts: list[Draft], regions: list[QuotedRegion]) -> None:
    """'"I told them we would stay," ...': an 'I' or 'we' the parse took for a speaker inside a
    quotation is the quotation's own speaker, the one whose content holds it; else no one."""
    quoted, contents = RegionIndex(regions), _contents(drafts)
    for draft in drafts:
        speaker = draft.speaker
        if speaker is None or speaker.text.lower() not in FIRST_PERSON:
            continue
        if quoted.holding(speaker.start) is None:
            continue
        holder = next(
            (d for d in contents.holding(speaker.start) if d is not draft and d.speaker is not None), None
        )
        entity = holder.speaker.entity if holder is not None and holder.speaker is not None else None
        draft.speaker = Speaker(speaker.start, speaker.end, speaker.text, entity)
        draft.source_type = holder.source_type if holder is not None else None
