"""Descriptions and pronouns: the mentions of an actor that are not its name.

A description is a noun phrase headed by a role word ("an Egyptian official", "Israeli troops",
"the group"): an anonymous actor of its own, or one named before ("the minister" for the minister
the story named). A pronoun ("he", "their") goes to the nearest agreeing mention before it,
preferring the subject of its clause. ``DescriptionReader`` reads both into the clusters of one
article; ``entities`` reads the names first and makes the entities at the end.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline import knowledge
from dateline.extract import lexicon
from dateline.extract.actor_codes import org_sector as sector_of_org_name
from dateline.extract.clusters import (
    NAME_LABELS,
    RANK_WORDS,
    SUBJECT_DEPS,
    Cluster,
    name_text,
    opens_sentence,
    role_of,
    same_office,
    same_rank,
)
from dateline.extract.entity_links import ClusterLinks
from dateline.extract.gazetteer import load_gazetteer, lookup
from dateline.extract.text_spans import RegionIndex

# Words before a collective head that say what kind of body it is, and the sectors that fit it.
_AID_SECTORS = frozenset({"NGO", "IGO", "CVL"})
_ARMED_SECTORS = frozenset({"REB", "MIL"})
COLLECTIVE_KINDS = {
    "aid": _AID_SECTORS, "humanitarian": _AID_SECTORS, "relief": _AID_SECTORS, "charity": _AID_SECTORS,
    "militant": _ARMED_SECTORS, "armed": _ARMED_SECTORS, "rebel": _ARMED_SECTORS, "jihadist": _ARMED_SECTORS,
    "insurgent": _ARMED_SECTORS, "separatist": _ARMED_SECTORS, "extremist": _ARMED_SECTORS,
    "terror": frozenset({"REB"}), "terrorist": frozenset({"REB"}), "resistance": _ARMED_SECTORS,
    "guerrilla": _ARMED_SECTORS, "paramilitary": _ARMED_SECTORS, "islamist": _ARMED_SECTORS,
}  # fmt: skip
COLLECTIVE_ORG_HEADS = {
    "group", "movement", "organization", "organisation", "party", "faction", "militia", "agency", "body",
    "company", "firm", "council", "commission", "committee", "institute", "association", "foundation",
}  # fmt: skip
INDEFINITE = {"a", "an", "another", "one", "some", "several", "two", "three", "many"}
DEFINITE = {"the", "this", "that", "these", "those"}

PRONOUNS: dict[str, tuple[str, bool]] = {
    # pronoun -> (gender or "n" for things / "p" for plural, is a person)
    "he": ("m", True), "him": ("m", True), "his": ("m", True), "himself": ("m", True),
    "she": ("f", True), "her": ("f", True), "hers": ("f", True), "herself": ("f", True),
    "they": ("p", False), "them": ("p", False), "their": ("p", False), "themselves": ("p", False),
    "its": ("n", False), "itself": ("n", False),
}  # fmt: skip
SENTENCE_WINDOW = 3
# Marks of a clause that may open a sentence before its subject is named ("Since she took office").
FRONTED_MARKS = frozenset({
    "since", "after", "when", "while", "before", "although", "though", "because", "as", "once",
    "until", "whenever",
})  # fmt: skip
# Who speaks or works for a person ("Veld's spokesman"), and the sectors such staff share with them.
STAFF_ROLES = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "envoy", "deputy"}
POLITICAL_STAFF_SECTORS = {"GOV", "MIL", "REB", "OPP", "LEG", "JUD", "IGO", "PTY"}


class DescriptionReader(ClusterLinks):
    """Reads an article's descriptions and pronouns into its clusters (after its names)."""

    # Set by the entity builder before anything is read (see ``entities``).
    described: dict[tuple[str, ...], Cluster]  # role words -> a qualified description
    sentence_of: list[int]  # token index -> sentence number
    ent_at: dict[int, SpacySpan]  # token index -> the recognizer's name holding it
    quoted: RegionIndex  # the article's quotations
    unnamed: set[int]  # words the recognizer named that are common words in lower case
    place_country: dict[int, str]  # start offset of a place mention -> its country

    # -- descriptions --------------------------------------------------------------------------

    def collect_descriptions(self) -> None:
        for chunk in self.doc.noun_chunks:
            head = chunk.root
            if head.i in self.used_tokens or head.ent_type_ == "PERSON" or head.pos_ == "PRON":
                continue
            word = head.lower_
            role = role_of(head)
            # "the ruling party" the story named no party for: a body a role word says (roles.tsv)
            if word in COLLECTIVE_ORG_HEADS and (
                self._collective(chunk) or role is None or " " not in role.phrase
            ):
                continue
            named = head.ent_type_ and head.i not in self.unnamed
            if role is None or word in {"mr.", "mrs.", "ms.", "dr."} or named:
                continue
            self._description(chunk, role)

    def _description(self, chunk: SpacySpan, role: lexicon.Role) -> None:
        head = chunk.root
        plural = head.tag_ in {"NNS", "NNPS"} or not role.single_person
        determiner = chunk[0].lower_ if chunk[0].dep_ in {"det", "nummod", "predet"} else ""
        code, org_sector = self._affiliation_in(chunk)
        sector = person_sector(role.sector, org_sector)
        lemma = head.lemma_.lower()
        span = self._strip_possessive(chunk)
        # "the", "an", "his war cabinet": the name starts after the determiner or possessive pronoun
        first = span.start
        while first < head.i and self.doc[first].is_punct:
            first += 1  # '"their leaders', ', baffled residents': no name opens with punctuation
        opening = self.doc[first]
        first += (
            opening.lower_ in INDEFINITE | DEFINITE | {"whose", "which", "what"} or opening.tag_ == "PRP$"
        )
        while first < head.i and (self.doc[first].lower_ in lexicon.TIME_WORDS or self.doc[first].is_punct):
            first += 1  # "Tonight parliament voted": when, not which parliament; 'a "reporter
        words = tuple(t.lower_ for t in self.doc[first : span.end] if t.pos_ != "DET")
        employer = self._organisation_after(head)
        cluster = None
        if determiner in DEFINITE or (not determiner and plural and chunk[0].dep_ != "poss"):
            cluster = self._antecedent_for_description(lemma, words, code, plural, head.i)
            known = cluster.affiliation if cluster is not None else None
            if known is not None and employer is not None and known is not employer:
                cluster = None  # "the head of UNICEF" and "the head of MSF" are two people
        cluster = cluster or self._same_description(words)  # "Gachagua's lawyers" twice: one group
        if cluster is None and determiner in DEFINITE and not plural and role.gender:
            cluster = self._person_just_named(role.gender, head.i, self._coarguments(head))
        if cluster is None:
            name = name_text(self.doc[first : span.end]) if first < span.end else head.text
            cluster = self.new_cluster("GROUP" if plural else "PERSON", name, f"desc:{len(self.clusters)}")
            cluster.anonymous, cluster.plural = True, plural
            cluster.set_head_lemma(lemma)
            cluster.plural_noun = head.tag_ in {"NNS", "NNPS"}
            cluster.qualified = any(
                _is_name(named) and named.i not in self.unnamed
                for t in chunk
                if t.i != head.i and (named := _antecedent_of_whose(t))
            )
            cluster.role_words = words
            if cluster.qualified:
                self.described.setdefault(words, cluster)
            cluster.proper_words = frozenset(
                folded
                for t in chunk
                if t.pos_ == "PROPN" and t.i != head.i and (folded := knowledge.fold(t.text))
            )
            cluster.gender = role.gender
        cluster.affiliation = cluster.affiliation or employer
        cluster.adopt(code, sector)
        self._add_mention(cluster, span.start_char, span.end_char, head.i, "description", span)

    def _person_just_named(self, gender: str, before: int, others: set[int]) -> Cluster | None:
        """The person a gendered definite description ('the mother', 'the father') takes up: the
        last person mentioned, named, of no other gender, within the last two sentences ("Bilai
        Abdi ... The mother of four"). Never one of ``others``, the ids of the clusters its own
        verb names beside it: in 'the businessman has praised Veld', the businessman is not Veld."""
        for cluster in self._recent(before):
            if cluster.type != "PERSON" or cluster.plural or id(cluster) in others:
                continue
            last = max(m.head for m in cluster.mentions if m.head < before)
            near = self.sentence_of[before] - self.sentence_of[last] <= 2
            if near and not cluster.anonymous and cluster.gender in {None, gender}:
                return cluster
            return None  # the last person mentioned is someone else
        return None

    def _coarguments(self, head: Token) -> set[int]:
        """The ids of the clusters named as other arguments of the verb whose subject ``head`` is
        (its objects, and the objects of its prepositions): a description and a name that are two
        arguments of one verb are two people, unless one is a reflexive."""
        if head.dep_ not in SUBJECT_DEPS:
            return set()
        verb = head.head
        others = [c for c in verb.children if c.dep_ in {"dobj", "dative", "attr", "oprd"}]
        others += [
            g for c in verb.children if c.dep_ in {"prep", "agent"} for g in c.children if g.dep_ == "pobj"
        ]
        found = (self._cluster_at(t.i) for t in others if t.i != head.i)
        return {id(c) for c in found if c is not None}

    def _same_description(self, words: tuple[str, ...]) -> Cluster | None:
        """An earlier description in the very same words, when they name whose it is (the first
        one: ``described`` holds it, filed where ``_description`` sets what this asks)."""
        if len(words) < 2:
            return None
        return self.described.get(words)

    def _organisation_after(self, head: Token) -> Cluster | None:
        """The organisation in a description's complement, the last one named: 'the head of the
        Harbour Relief Fund', 'the chief of the Marovian food agency, MFA'."""
        for token in reversed(list(head.subtree)):
            if token.i > head.i:
                found = self._cluster_at(token.i)
                if found is not None and found.type == "ORG":
                    return found
        return None

    def _collective(self, chunk: SpacySpan) -> bool:
        """'the Hamas group' is Hamas; 'the Palestinian resistance group' is the nearest Palestinian
        org. False when it names none (nor holds a name)."""
        if any(t.ent_type_ == "ORG" and t.i not in self.unnamed for t in chunk):
            return True  # the name inside was already taken as a mention of the organisation
        if chunk[0].lower_ not in DEFINITE:
            return False
        code, _ = self._affiliation_in(chunk)
        kinds = [COLLECTIVE_KINDS[t.lower_] for t in chunk if t.lower_ in COLLECTIVE_KINDS]
        topics = _topic_words(chunk)
        for cluster in self._recent(chunk.root.i):
            if cluster.sector == "MED":
                continue  # the agency relaying a story is seldom "the group" it reports on
            sector = cluster.sector or sector_of_org_name(cluster.name)
            if sector and any(sector not in sectors for sectors in kinds):
                continue  # "the aid group" is no armed group, "the militant group" no charity
            if topics and not topics & set(knowledge.fold(cluster.name).split()):
                continue  # "the opposition party", "the world body": a body the name does not say
            if cluster.type == "ORG" and (code is None or cluster.code in {code, None}):
                span = self._strip_possessive(chunk)
                self._add_mention(cluster, span.start_char, span.end_char, chunk.root.i, "description", span)
                return True
        return False

    def _antecedent_for_description(
        self, lemma: str, words: tuple[str, ...], code: str | None, plural: bool, before: int
    ) -> Cluster | None:
        # The same office at the same tenure first; then "the former president" for the president
        # the story named (or "the deputy president" for its "former Deputy President X"). The
        # nearest cluster of the first kind wins, else the nearest of the second.
        then_or_now: Cluster | None = None
        for cluster in self._recent_among(before, self._offices_named(lemma)):
            if cluster.plural != plural or (code and cluster.code and cluster.code != code):
                continue
            if plural and _other_kind(words, cluster.role_words):
                continue  # "rights groups" ... "the opposition groups": two groups
            if plural and _other_count(words, cluster.role_words):
                continue  # "several thousand people" ... "at least 60 people": two groups
            if _holds_office(cluster, lemma, words, then_or_now=False):
                return cluster
            if then_or_now is None and _holds_office(cluster, lemma, words, then_or_now=True):
                then_or_now = cluster
        return then_or_now

    # -- titles and their holders ------------------------------------------------------------------

    def _affiliation_in(self, chunk: SpacySpan) -> tuple[str | None, str | None]:
        """Country code and organisation sector written inside a noun phrase or its 'of' phrase."""
        code = org_sector = None
        # "families of/from/in Hebron", and those "living in Hebron" or "sheltering across Gaza"
        described = [chunk.root, *(t for t in chunk.root.children if t.dep_ == "acl")]
        tokens = list(chunk) + [
            t
            for word in described
            for t in word.children
            if t.dep_ == "prep" and t.lower_ in PLACE_PREPOSITIONS
        ]
        for token in tokens:
            if token.dep_ == "prep":
                objects = [c for c in token.children if c.dep_ == "pobj"]
                if not objects:
                    continue
                token = objects[0]
            if token.i == chunk.root.i and token.ent_type_ == "":
                continue
            token = _antecedent_of_whose(token)
            ent = self._ent_of(token)
            text = ent.text if ent is not None else token.text
            # Only a name names an organisation: "national police" is no paper called The National,
            # nor is a sentence's opening "Independent" the paper of that name.
            capital = token.text[:1].isupper() and not opens_sentence(token)
            named = ent is not None or token.pos_ == "PROPN" or capital
            org = lexicon.org_as_written(text) if named else None
            if org is not None:
                code, org_sector = code or org.code, org_sector or org.sector
            elif token.ent_type_ in {"NORP", "GPE"} or token.lower_ in lexicon.demonyms():
                code = code or lexicon.country_code(text) or people_of_place(text)
                if code is None and token.ent_type_ == "GPE":
                    code = place_country(text)  # "residents in Hebron": the city's country
        if code is None and org_sector is None and chunk.root.lemma_.lower() in STAFF_ROLES:
            code, org_sector = self._principal_of(chunk.root)
        return code, org_sector

    def _principal_of(self, staffer: Token) -> tuple[str | None, str | None]:
        """'Veld's spokesman', 'the president's adviser': one who speaks or works for a person
        serves that person's side, of the same country and, when political, the same sector."""
        owner = next((c for c in staffer.children if c.dep_ == "poss"), None)
        principal = self._cluster_at(owner.i) if owner is not None else None
        if principal is None or principal.type != "PERSON":
            return None, None
        sector = principal.sector if principal.sector in POLITICAL_STAFF_SECTORS else None
        return principal.code, sector

    def _ent_of(self, token: Token) -> SpacySpan | None:
        return self.ent_at.get(token.i)

    def _strip_possessive(self, chunk: SpacySpan) -> SpacySpan:
        end = chunk.end
        while end > chunk.start + 1 and self.doc[end - 1].tag_ == "POS":
            end -= 1
        return self.doc[chunk.start : end]

    def _noun_phrase(self, noun: Token) -> SpacySpan:
        tokens = [t for t in noun.subtree if t.i <= noun.i and t.dep_ != "punct"]
        start = min(t.i for t in tokens)
        return self.doc[start : noun.i + 1]

    # -- pronouns ------------------------------------------------------------------------------

    def resolve_pronouns(self) -> None:
        for token in self.doc:
            agreement = PRONOUNS.get(token.lower_)
            if agreement is None or token.pos_ != "PRON" or self.quoted.contains(token.idx):
                continue
            cluster = self._named_after(token, *agreement) or self._antecedent_for_pronoun(token, *agreement)
            if cluster is None:
                continue
            if agreement[0] in {"m", "f"} and cluster.gender is None:
                cluster.gender = agreement[0]
            self._add_mention(cluster, token.idx, token.idx + len(token.text), token.i, "pronoun", None)

    def _named_after(self, pronoun: Token, gender: str, person: bool) -> Cluster | None:
        """'Ever since she endorsed Vale, Ms. Ruto has been ...', 'After he was sworn in, Veld
        named ...': the subject of a fronted time or reason clause is, in news writing, the named
        subject of the clause it opens, not whoever the sentence before named. Not when the main
        clause has an agreeing pronoun of its own ("When he arrived, Veld greeted him")."""
        clause = pronoun.head
        if pronoun.dep_ not in SUBJECT_DEPS or clause.dep_ != "advcl" or clause.i > clause.head.i:
            return None
        if not any(c.dep_ == "mark" and c.lower_ in FRONTED_MARKS for c in clause.children):
            return None
        main = clause.head
        subject = next((c for c in main.children if c.dep_ in SUBJECT_DEPS and c.i > clause.i), None)
        if subject is None or subject.pos_ != "PROPN":
            return None
        cluster = next((c for m, c in self.mentions if m.head == subject.i and m.kind == "name"), None)
        if cluster is None or not _agrees(cluster, gender, person):
            return None
        inside = range(clause.left_edge.i, clause.right_edge.i + 1)
        if any(
            PRONOUNS.get(t.lower_, ("", False))[0] == gender and t.i not in inside
            for t in main.subtree
            if t.pos_ == "PRON"
        ):
            return None
        return cluster

    def _antecedent_for_pronoun(self, pronoun: Token, gender: str, person: bool) -> Cluster | None:
        here = self.sentence_of[pronoun.i]
        best: tuple[float, Cluster] | None = None
        # Mentions starting after the pronoun also end after it: the walk back starts before them.
        for at in range(bisect.bisect_right(self.mention_starts, pronoun.idx) - 1, -1, -1):
            mention, cluster = self.mentions[at]
            if mention.end > pronoun.idx:
                continue
            distance = here - self.sentence_of[mention.head]
            if distance > SENTENCE_WINDOW:
                break  # mentions are in text order: everything further back is further away
            if not _agrees(cluster, gender, person):
                continue
            head = self.doc[mention.head]
            if distance == 0 and head.head == pronoun.head and pronoun.dep_ not in {"poss"}:
                continue  # "Blinken met him": one verb's two arguments are not the same person
            score = -3.0 * distance - (pronoun.idx - mention.end) / 1000
            if head.dep_ in SUBJECT_DEPS:
                score += 2.0 + (1.0 if head.head.dep_ == "ROOT" else 0.0)
            if cluster.type == "PERSON" and not cluster.anonymous:
                score += 1.0
            if distance > 0 and _source_of_claim(head):
                # "..., according to her lawyer, Tomas Brell. She denied the charge": the source
                # of a report is an aside; the story goes on about the one it reports on
                score -= 2.0
            if self.quoted.contains(mention.start):
                continue  # a name quoted is the speaker's words, not the narration a pronoun goes on
            if best is None or score > best[0]:
                best = (score, cluster)
        return best[1] if best else None


def _source_of_claim(head: Token) -> bool:
    """Whether a mention is (in) the source an "according to" phrase names: "according to" comes
    before it in its sentence with no verb between (read on the words, as the parser hangs the
    phrase and the name after it in several ways)."""
    doc = head.doc
    for at in range(head.i - 1, head.sent.start - 1, -1):
        word = doc[at]
        if word.lower_ == "according" and at + 1 < len(doc) and doc[at + 1].lower_ == "to":
            return True
        if word.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _other_kind(words: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two plural descriptions name groups of different kinds: both say what kind, and
    share no word of it ("rights groups", "the opposition groups"). "The groups" and "human rights
    groups" take up "rights groups"."""
    kinds, other_kinds = _kind_words(words), _kind_words(other)
    return bool(kinds) and bool(other_kinds) and not kinds & other_kinds


# Words before a group's noun that count or point back, not say what kind it is: "seven other
# people" and "at least 25 people", "such bloggers" and "foreign bloggers" may be one group.
NOT_KINDS = {
    "such", "other", "more", "most", "first", "last", "many", "few", "several", "some", "at", "least",
    "nearly", "about", "almost", "over", "all", "both", "same", "further", "new", "additional",
    "remaining", "those", "these", "dozens", "hundreds", "thousands", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "its", "their", "his", "her", "our",
}  # fmt: skip


# Words that say how many a group counts ("60 people", "several thousand people", "dozens of ..."):
# every cardinal, and the nouns that count with their plurals but "score(s)", which before a group's
# noun is more often a match's result than a count.
COUNT_WORDS = set(lexicon.number_words("cardinal")) | lexicon.with_plurals(
    set(lexicon.number_words("collective")) - {"score"}
)


def _other_count(words: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether two plural descriptions count their groups differently ("several thousand people",
    "at least 60 people"): two groups, though the same kind. One that gives no count ("the
    people") may be either."""
    counts, other_counts = _count_words(words), _count_words(other)
    return bool(counts) and bool(other_counts) and counts != other_counts


def _count_words(words: tuple[str, ...]) -> set[str]:
    return {w for w in words[:-1] if w in COUNT_WORDS or w.replace(",", "").isdigit()}


def _kind_words(words: tuple[str, ...]) -> set[str]:
    return {w for w in words[:-1] if w.isalpha() and w not in NOT_KINDS and w not in RANK_WORDS}


def person_sector(role_sector: str | None, org_sector: str | None) -> str | None:
    """An official of an armed group belongs to the group's sector, not to government."""
    if org_sector and role_sector in {None, "GOV"}:
        return org_sector
    return role_sector or org_sector


def _holds_office(cluster: Cluster, lemma: str, words: tuple[str, ...], *, then_or_now: bool) -> bool:
    """Whether a description (head ``lemma``, ``words``) names the cluster's office: its own
    description's, at the same rank, or one of its titles."""
    if cluster.head_lemma == lemma and same_rank(words, cluster.role_words, then_or_now=then_or_now):
        return True
    return any(same_office(lemma, words, t, then_or_now=then_or_now) for t in cluster.titles)


def _agrees(cluster: Cluster, gender: str, person: bool) -> bool:
    if gender in {"m", "f"}:
        return cluster.type == "PERSON" and not cluster.plural and cluster.gender in {None, gender}
    if gender == "p":
        return cluster.plural or cluster.type in {"ORG", "GROUP"} or cluster.key.startswith("country:")
    return cluster.type in {"ORG", "GPE"} and not cluster.plural


# Words before a collective head that rank or size a body rather than say which one it is.
SIZE_WORDS = {
    "main", "new", "powerful", "major", "notorious", "banned", "outlawed", "shadowy", "little-known",
    "small", "big", "local", "regional", "international", "global", "largest", "biggest", "same",
}  # fmt: skip


def _topic_words(chunk: SpacySpan) -> set[str]:
    """The words of a collective description that say what the body is about, which an
    organisation it names must share ("the trade body" for a trade organisation; "the civil rights
    movement" is no council). Nationality and kind words ("the Marovian aid group") say none."""
    return {
        knowledge.fold(t.text)
        for t in chunk
        if t.i != chunk.root.i
        and t.head.i == chunk.root.i
        and t.dep_ in {"amod", "compound"}
        and t.is_alpha
        and t.tag_ not in {"JJS", "JJR"}
        and not t.ent_type_
        and t.lower_ not in COLLECTIVE_KINDS.keys() | NOT_KINDS | SIZE_WORDS | RANK_WORDS
        and t.lower_ not in lexicon.demonyms()
    }


# Prepositions that place the people a description names: "families in Hebron", "from Gaza".
PLACE_PREPOSITIONS = {"of", "from", "in", "across", "inside", "throughout"}
# Endings that make a place's name its people's: "Gazans", "Hebronites", "Berliners", "Baghdadis".
PEOPLE_ENDINGS = ("ns", "ites", "ers", "is", "n")
# How large a city must be for its people to be named after it in the news.
MIN_POPULATION_FOR_PEOPLE = 100_000


def people_of_place(word: str) -> str | None:
    """The country of the place a people's name is made from, when no nationality list has it:
    "Gazans" are of Gaza (PSE), "Hebronites" of Hebron; only a region, a state or a large city,
    found under that very name, counts."""
    if not word[:1].isupper():
        return None
    gazetteer = load_gazetteer()
    for ending in PEOPLE_ENDINGS:
        if not word.endswith(ending) or len(word) <= len(ending) + 2:
            continue
        for candidate in gazetteer.candidates(word[: -len(ending)])[:1]:
            entry = candidate.entry
            large = entry.feature != "city" or (entry.population or 0) >= MIN_POPULATION_FOR_PEOPLE
            if not candidate.alternate and entry.country and large:
                return entry.country
    return None


def _is_name(token: Token) -> bool:
    """A word of a name, recognised or not ("Lusara's health ministry", "whose" for "Kessaria")."""
    return token.ent_type_ in NAME_LABELS or (token.pos_ == "PROPN" and not token.ent_type_)


def _antecedent_of_whose(token: Token) -> Token:
    """The noun a relative "whose" stands for ("Kessaria, whose farmers ...": Kessaria), else the
    token itself: the people of a place are that place's, wherever the story is set."""
    if token.tag_ != "WP$":
        return token
    clause = token
    while clause.dep_ != "relcl" and clause.head.i != clause.i:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else token


def place_country(name: str) -> str | None:
    candidates = lookup(name)
    return candidates[0].country if candidates else None
