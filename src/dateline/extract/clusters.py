"""One actor while an article is being read, and the name rules the entity stage shares.

``Cluster`` and ``Mention`` are the working form of an ``Entity`` (``entities.find_entities`` builds
them, ``entity_links`` joins them, ``actor_codes`` codes them). The functions here compare names the
way news writes them: folded ("Erdogan" = "Erdoğan"), family names and given names, acronyms, a
state's formal name, a capital standing for its country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline import knowledge
from dateline.extract import lexicon
from dateline.extract.places import resolve_country_code

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Verbs whose subject speaks: an unrecognised name as their subject is an actor.
SPEECH_VERBS = {
    "say", "tell", "add", "note", "write", "explain", "argue", "warn", "claim", "insist", "state",
    "ask", "respond", "reply", "recall", "acknowledge", "suggest", "testify", "announce", "declare",
}  # fmt: skip
# "a fellow at / with / of / for the X Institute", "an analyst from X": the organisation one works for.
AFFILIATION_PREPOSITIONS = {"at", "with", "of", "for", "from"}
STATE_FORM = re.compile(
    r"^(?:(?:federal|islamic|democratic|people s|socialist|united|arab|hashemite|plurinational)\s+)*"
    r"(?:republic|kingdom|state|federation|sultanate|emirate|principality|commonwealth) of "
)
# Words that make one office another: "the deputy president" is not "the president".
RANK_WORDS = {"deputy", "vice", "former", "acting", "interim", "assistant", "ex", "under"}
TENURE_WORDS = {"former", "ex"}  # when the office was held, not which office
# Title words as news abbreviates them, and the office each stands for.
TITLE_ABBREVIATIONS = {
    "gen.": "general", "gen": "general", "lt.": "lieutenant", "col.": "colonel", "maj.": "major",
    "capt.": "captain", "adm.": "admiral", "sgt.": "sergeant", "sen.": "senator",
    "rep.": "representative", "gov.": "governor", "justice": "judge", "pres.": "president",
}  # fmt: skip
# Words that end an organisation's name, never a person's: a PERSON span ending so is an organisation.
ORG_LAST_WORDS = {
    "command", "ministry", "department", "council", "agency", "university", "institute", "party",
    "army", "forces", "police", "court", "parliament", "assembly", "commission", "authority",
    "organization", "organisation", "association", "society", "foundation", "bank", "company",
    "corporation", "news", "committee", "union", "front", "brigade", "brigades", "group", "center",
    "centre", "service", "office", "program", "programme", "fund", "network", "movement", "daily",
    "times", "herald", "tribune", "gazette", "journal", "wire",
}  # fmt: skip
# Words an acronym skips: "Ministry of Foreign Affairs" is MFA.
ACRONYM_SKIPS = {"of", "and", "the", "for", "on", "in", "&", "de", "des", "du", "la", "le"}
# Prepositions whose object is a place, not an actor: "talks in Washington", "a flight to Moscow".
LOCATIVE_PREPOSITIONS = {
    "in", "at", "near", "to", "from", "into", "outside", "around", "across", "through", "toward",
    "towards", "via", "inside", "throughout", "within", "beyond", "over", "for",
}  # fmt: skip


@dataclass
class Mention:
    start: int  # character offsets into the article text
    end: int
    head: int  # index of the token that carries the mention's grammatical role
    kind: str  # "name", "description" or "pronoun"


@dataclass
class Cluster:
    """One actor while the article is being read; becomes an ``Entity`` at the end."""

    type: str
    name: str
    key: str
    code: str | None = None
    sector: str | None = None
    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    plural: bool = False
    anonymous: bool = False
    head_lemma: str | None = None  # the role noun of a description ("official")
    role_words: tuple[str, ...] = ()  # a description's words without determiners ("deputy", "president")
    plural_noun: bool = False  # a description headed by a plural noun ("officials", not "the government")
    words: tuple[str, ...] = ()  # a person's name as lower-case tokens, for surname matching
    affiliation: Cluster | None = (
        None  # the organisation a person works for ("a fellow at X"), or an org is part of
    )
    known: bool = False  # found in the shipped actor knowledge (whose code may be None)
    proper_words: frozenset[str] = frozenset()  # a description's proper-noun words, folded ("al shabab")
    qualified: bool = False  # a description naming whose it is ("Lusara's health ministry")
    coded_by: str | None = None  # what gave ``code``: one of model.CODE_EVIDENCE
    generic: bool = False
    mentions: list[Mention] = field(default_factory=list)
    id: str = ""
    # Told when the words of the cluster's office change: the entity builder files clusters by them
    # (see entities._Builder.file_office). Hence ``titles`` and ``head_lemma`` change only through
    # ``add_title`` and ``set_head_lemma``.
    on_office: Callable[[Cluster], None] | None = field(default=None, repr=False, compare=False)

    def add_title(self, title: str) -> None:
        if title and title.lower() not in {t.lower() for t in self.titles}:
            self.titles.append(title)
            if self.on_office is not None:
                self.on_office(self)

    def set_head_lemma(self, lemma: str | None) -> None:
        self.head_lemma = lemma
        if self.on_office is not None:
            self.on_office(self)

    def adopt(self, code: str | None, sector: str | None, evidence: str = "phrase") -> None:
        """Fill the code and sector this cluster lacks; the first evidence for a code names it."""
        if self.code is None and code:
            self.code, self.coded_by = code, evidence
        self.sector = self.sector or sector


# Words of a name with a given name and two family names ("Laura Villalobos Monge").
FIRST_SURNAME_NAME_WORDS = 3


def same_person(words: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """'Netanyahu' and 'Benjamin Netanyahu'; 'Donald J. Trump' and 'Donald Trump' (the same given
    name and surname, a middle name or initial more or less); never two different given names."""
    if not words or not known:
        return False
    if words == known or is_suffix(words, known) or is_suffix(known, words):
        return True
    if first_name_of(words, known) or first_name_of(known, words):
        return True  # "Kim" for "Kim Jong Un", "Mahathir" for "Mahathir Mohamad": family name first
    if len(words) == 1 and len(known) > 1 and one_letter_off(words[0], known[-1]):
        return True  # "Equiluz" for "Luis Eguiluz": a misspelt surname
    if first_surname_of(words, known):
        return True  # "Villalobos" for "Laura Villalobos Monge": the first of two family names
    if len(words) == 1 or len(known) == 1:
        return False
    return words[0] == known[0] and words[-1] == known[-1]


def state_name(folded: str) -> str:
    """'republic of drosna' -> 'drosna': a state's formal name and its short name are one actor."""
    return STATE_FORM.sub("", folded)


def one_letter_off(a: str, b: str) -> bool:
    """Two long words that differ by one letter replaced (a typo, not another name)."""
    return len(a) == len(b) >= 6 and a[0] == b[0] and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def first_name_of(word: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """'Sun' for 'Sun Lijun', 'Mahathir' for 'Mahathir Mohamad'."""
    return len(word) == 1 and len(name) > 1 and word[0] == name[0]


def first_surname_of(word: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """'Villalobos' for 'Laura Villalobos Monge': Spanish and Portuguese names give a father's then
    a mother's family name, and a story names the person again by the first alone. Only a name of
    exactly three words ("Mawlawi Abdul Qahar Sadiq" has a title and a given name or two)."""
    return (
        len(word) == 1 and len(name) == FIRST_SURNAME_NAME_WORDS and len(word[0]) > 2 and word[0] == name[1]
    )


def is_suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """'Netanyahu' ends 'Benjamin Netanyahu'; 'Abu Zuhri' ends 'Sami Abu Zuhri'."""
    return 0 < len(short) < len(long) and long[-len(short) :] == short


def same_rank(words: Sequence[str], other: Sequence[str], *, then_or_now: bool = False) -> bool:
    """Whether two namings of an office hold the same rank words. ``then_or_now`` lets "former"
    differ: "the former president" is the president the story named, fallen since."""
    ignored = TENURE_WORDS if then_or_now else set()
    return RANK_WORDS.intersection(words) - ignored == RANK_WORDS.intersection(other) - ignored


def title_words(title: str) -> list[str]:
    """The words of a title, abbreviations written out: 'Gen.' is a general, 'Justice' a judge."""
    words = title.lower().replace("-", " ").split()
    return words + [TITLE_ABBREVIATIONS[w] for w in words if w in TITLE_ABBREVIATIONS]


def same_office(lemma: str, words: Sequence[str], title: str, *, then_or_now: bool = False) -> bool:
    """Whether a description ('the deputy president', words without determiners) names the office of
    ``title`` ('Deputy President'): the same head word, and the same rank words."""
    office = title_words(title)
    return lemma in office and same_rank(words, office, then_or_now=then_or_now)


def acts_as_agent(token: Token) -> bool:
    """Whether a place name stands for an actor: a subject, object or owner ("Washington warned",
    "sanctions on Moscow", "Beijing's response"), not where something happens ("in Beijing")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head  # "Washington and Moscow agreed": as the first conjunct
    if token.dep_ in SUBJECT_DEPS | {"poss", "dobj", "agent", "nsubjpass"}:
        return True
    return token.dep_ == "pobj" and token.head.lower_ not in LOCATIVE_PREPOSITIONS


def initials(name: str) -> str:
    words = name.replace("-", " ").split()
    return "".join(w[0].upper() for w in words if w.lower() not in ACRONYM_SKIPS and w[0].isalpha())


def names_a_person(span: SpacySpan) -> bool:
    """Two or more capitalised words, none of an organisation's: the shape of a person's name."""
    return (
        len(span) >= 2 and all(t.text[:1].isupper() for t in span) and span[-1].lower_ not in ORG_LAST_WORDS
    )


def cluster_rank(cluster: Cluster) -> tuple[bool, bool, int]:
    """Which of two clusters of one name to keep: a coded one, an organisation, the most mentioned."""
    return (cluster.code is not None, cluster.type == "ORG", len(cluster.mentions))


def name_words(span: SpacySpan) -> tuple[str, ...]:
    """A name's words for matching: folded, so that "Erdogan" is "Erdoğan" and "al-Sudani" is
    "Al Sudani"; hyphens and other punctuation are no words."""
    return tuple(folded for t in span if (folded := knowledge.fold(t.text)))


def name_text(span: SpacySpan) -> str:
    """A name as the article writes it, spaces as single spaces: "al-Assad", not "al - Assad"; an
    editor's square brackets dropped ("the [U.N.] Security Council" is the U.N. Security Council)."""
    return " ".join(span.text.replace("[", " ").replace("]", " ").split())


def known_org(text: str) -> knowledge.KnownActor | None:
    """A known organisation, also by its office in a country ("UNHCR Kenya" is UNHCR)."""
    known = knowledge.known_actor(text, "ORG")
    if known is None and " " in text:
        body, last = text.rsplit(" ", 1)
        if resolve_country_code(last) is not None:
            known = knowledge.known_actor(body, "ORG")
    return known if known is not None and known.type == "ORG" else None


def descriptions_of(name: Token) -> list[Token]:
    """The nouns that describe a name: its appositives ('X, a senior fellow,'), the noun it is an
    appositive of, and what it is said to be ('X is the former director of Y')."""
    nouns = [c for c in name.children if c.dep_ == "appos"]
    if name.dep_ == "appos":
        nouns.append(_subject_described(name) or name.head)
    if name.dep_ == "nsubj" and name.head.lemma_ == "be":
        nouns += [c for c in name.head.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}]
    return nouns


# How the parser may hang a name set off after a subject on a noun inside the subject's phrase:
# as the object of its preposition or in its relative clause.
INSIDE_PHRASE = frozenset({"pobj", "prep", "relcl", "dobj", "compound", "amod", "poss", "pcomp"})


def _subject_described(name: Token) -> Token | None:
    """'A spokesman for the Kyrgyz president, Daniyar Toktogulov, rejected the criticism', 'A
    lawmaker who represents part of Oskel, Lena Ruto, said': a name set off by commas at the end
    of a subject whose head is a person's role describes that head, not the noun nearest to it,
    where the parser hung it (news writing names the president before his spokesman, never
    after)."""
    doc = name.doc
    end = max(t.i for t in name.subtree)
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return None
    top = name.head
    while top.dep_ in INSIDE_PHRASE and top.head.i != top.i:
        top = top.head
    if top.pos_ != "NOUN" or top.dep_ not in {"nsubj", "nsubjpass"} or top.i == name.head.i:
        return None
    verb = top.head
    between = doc[end + 2 : verb.i] if verb.i > end else None
    if between is None or any(t.dep_ not in {"aux", "auxpass", "advmod", "neg"} for t in between):
        return None
    return top if person_role(top) else None


# Head nouns of a description that make the name it describes an organisation ("Velmar Watch, a
# rights group,"), whatever the recognizer took it for.
ORGANISATION_NOUNS = frozenset(
    {
        "group", "charity", "organisation", "organization", "agency", "company", "firm", "party",
        "movement", "network", "coalition", "association", "foundation", "union", "alliance",
        "watchdog", "ngo", "nonprofit", "non-profit", "militia", "broadcaster", "newspaper", "outlet",
        "institute", "think-tank", "bank", "monitor", "consortium", "federation", "syndicate",
    }
)  # fmt: skip


def described_as_organisation(name: Token) -> bool:
    """'Velmar Watch, a rights group based in Oskel,': a description says the name is a body."""
    nouns = descriptions_of(name)
    return any(n.lemma_.lower() in ORGANISATION_NOUNS for n in nouns) and not any(
        person_role(n) for n in nouns
    )


def role_of(head: Token) -> lexicon.Role | None:
    """The role a noun phrase's head names: with the word before it when the two are a role of
    their own ("opposition parties", where "parties" alone is none; "director general", which is
    no general), else the head alone."""
    table = lexicon.roles()
    before = head.doc[head.i - 1] if head.i > 0 else None
    if before is not None and before.head.i == head.i and before.dep_ in {"compound", "amod"}:
        for noun in (head.lower_, head.lemma_.lower()):
            role = table.get(f"{before.lower_} {noun}")
            if role is not None:
                return role
    return table.get(head.lower_) or table.get(head.lemma_.lower())


def person_role(noun: Token) -> bool:
    role = lexicon.roles().get(noun.lower_) or lexicon.roles().get(noun.lemma_.lower())
    return role is not None and role.single_person


# The recognizer's labels that name an actor or a place.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
# Abbreviated titles, whose full stop ends no sentence: "Gen. Brell", "Dr. Vale".
ABBREVIATED_TITLES = {*TITLE_ABBREVIATIONS, "mr.", "mrs.", "ms.", "dr.", "st.", "prof.", "sgt.", "rev."}


def opens_sentence(token: Token) -> bool:
    """Whether a word is its sentence's first, after any quotation marks or brackets, or follows
    a full stop the parser took for an abbreviation's ("posted on X. Militants ...")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.text.endswith(".") and before.lower_ not in ABBREVIATED_TITLES:
        return token.text[:1].isupper()
    return all(not t.is_alpha and not t.like_num for t in token.doc[token.sent.start : token.i])
