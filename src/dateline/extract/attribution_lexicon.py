"""The words attributions are found by: which verbs and nouns can be cues, who can be a voice.

Which verb can report speech (``CUE_VERBS``; the verbs annotated news uses as cues, learned from
PolNeAR train into ``data/cue_verbs.tsv`` with how often each is one: ``learned_cue_rates``), which
report a belief only with a clause of content, which attribute in the passive with no source;
which nouns report speech, name people and groups by what they do, or name a document or a
channel; and the inflected forms a closing reporting clause is read by when the parse missed it.
The rules that use these tables live in ``attribution_candidates`` and its helpers.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

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
    "ally", "donor", "backer", "colleague", "moderator", "operative", "contender",
    "superdelegate", "staffer", "man", "woman", "guy", "progressive", "millennial", "team",
    "legislature", "board", "company", "network",
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
NON_CUE_VERBS = {"be", "have", "get", "make", "seem", "appear", "become", "do", "go", "come"}
# Verbs of doing that PolNeAR also counts as cues for the stance they show; with a bare thing for
# object they report an act, not words ("signed the accord", "passed the budget").
ACT_VERBS = {
    "sign", "issue", "approve", "pass", "launch", "file", "break", "attack", "sentence", "adopt",
    "enact", "veto", "ratify", "impose", "lift", "award", "grant", "release", "order",
    # force used: "police fired tear gas at ...", "gunmen shot two guards" ("fired back at critics,
    # saying ..." still says something)
    "fire", "shoot", "hit", "throw", "hurl", "target",
}  # fmt: skip
# Verbs that also mean reaching someone: with only who was reached (and when or where) they report a
# contact, not words ("called Marrow on Tuesday", "called off the strike"); naming, asking and
# quoting keep them cues ("called the plan "reckless"", "called for talks", "called on X to ...").
CONTACT_VERBS = {"call", "phone", "telephone", "ring", "summon"}
# Verbs whose "to ..." complement is words given, a promise or a threat: "vowed to retaliate".
COMMITMENT_CUES = {"vow", "pledge", "promise", "threaten", "swear", "offer", "undertake"}
WITHHOLDING_VERBS = {"decline", "refuse", "fail", "hesitate"}
# Seeing or regarding something as something is a view, not words given: "Analysts see the vote as a
# test", "Marovia views the port as vital" (a quotation after it is still attributed).
SEEING_AS_VERBS = {"see", "view", "regard"}
QUOTING_VERBS = {"quote", "cite", "describe", "portray", "depict", "paraphrase"}  # "quoted X as saying"


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


# Inflected form -> lemma, to read a closing reporting clause the parse missed ('"...," added Gowdy.').
REPORTING_FORMS = {form: lemma for lemma in CUE_VERBS for form in _forms_of(lemma)} | _IRREGULAR_FORMS


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
    """Every verb lemma worth proposing a candidate for: the core cues, belief verbs, learned cues."""
    return frozenset(CUE_VERBS | CLAUSE_ONLY_CUES | learned_cue_verbs())
