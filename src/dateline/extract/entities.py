"""Canonical actors: every way an article refers to one person, organisation, place or group.

Three kinds of mention are gathered from one parsed ``Doc`` and clustered per article:

* names, from spaCy's entity recognizer ("Benjamin Netanyahu", "Netanyahu", "Hamas");
* descriptions, noun phrases headed by a role word ("an Egyptian official", "Israeli
  troops", "the group"), which are anonymous actors or point back to a named one;
* pronouns ("he", "their"), resolved to the nearest compatible antecedent, preferring the
  subject of the governing clause, with gender and number agreement.

No coreference model ships on PyPI, so resolution is rule-based and lives here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline import knowledge
from dateline.extract import lexicon
from dateline.extract.actor_codes import apply_knowledge, code_actors
from dateline.extract.gazetteer import lookup
from dateline.extract.places import resolve_country_code
from dateline.extract.text_spans import QuotedRegion, inside_any, quoted_regions
from dateline.model import Entity, Place, Span

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
# Labels spaCy sometimes gives a surname it has already seen as a PERSON.
RELABEL_AS_PERSON = {"GPE", "ORG", "LOC", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
TITLE_QUALIFIERS = {
    "senior", "former", "deputy", "acting", "top", "veteran", "interim", "outgoing", "incoming",
    "then", "junior", "assistant", "chief", "high-ranking", "retired", "army", "military",
}  # fmt: skip
COLLECTIVE_ORG_HEADS = {
    "group", "movement", "organization", "organisation", "party", "faction", "militia", "agency", "body",
    "company", "firm", "council", "commission", "committee", "institute", "association", "foundation",
}  # fmt: skip
INDEFINITE = {"a", "an", "another", "one", "some", "several", "two", "three", "many"}
DEFINITE = {"the", "this", "that", "these", "those"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}

PRONOUNS: dict[str, tuple[str, bool]] = {
    # pronoun -> (gender or "n" for things / "p" for plural, is a person)
    "he": ("m", True), "him": ("m", True), "his": ("m", True), "himself": ("m", True),
    "she": ("f", True), "her": ("f", True), "hers": ("f", True), "herself": ("f", True),
    "they": ("p", False), "them": ("p", False), "their": ("p", False), "themselves": ("p", False),
    "its": ("n", False), "itself": ("n", False),
}  # fmt: skip
SENTENCE_WINDOW = 3
# Verbs whose subject speaks: an unrecognised name as their subject is an actor.
SPEECH_VERBS = {
    "say", "tell", "add", "note", "write", "explain", "argue", "warn", "claim", "insist", "state",
    "ask", "respond", "reply", "recall", "acknowledge", "suggest", "testify", "announce", "declare",
}  # fmt: skip
# "a fellow at / with / of / for the X Institute", "an analyst from X": the organisation one works for.
AFFILIATION_PREPOSITIONS = {"at", "with", "of", "for", "from"}


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
    qualified: bool = False  # a description naming whose it is ("Lusara's health ministry")
    coded_by: str | None = None  # what gave ``code``: one of model.CODE_EVIDENCE
    generic: bool = False
    mentions: list[Mention] = field(default_factory=list)
    id: str = ""

    def add_title(self, title: str) -> None:
        if title and title.lower() not in {t.lower() for t in self.titles}:
            self.titles.append(title)

    def adopt(self, code: str | None, sector: str | None, evidence: str = "phrase") -> None:
        """Fill the code and sector this cluster lacks; the first evidence for a code names it."""
        if self.code is None and code:
            self.code, self.coded_by = code, evidence
        self.sector = self.sector or sector


@dataclass
class EntityAnalysis:
    """The entities of one article, and a way back from any token to the mention covering it."""

    text: str
    entities: list[Entity]
    clusters: list[Cluster]
    token_mentions: dict[int, tuple[Mention, Cluster]]

    def __post_init__(self) -> None:
        self._entities = {e.id: e for e in self.entities}
        self._clusters = {c.id: c for c in self.clusters}

    def mention_at(self, token_index: int) -> tuple[Span, Entity] | None:
        found = self.token_mentions.get(token_index)
        if found is None:
            return None
        mention, cluster = found
        span = Span(mention.start, mention.end, self.text[mention.start : mention.end])
        return span, self._entities[cluster.id]

    def by_id(self, entity_id: str) -> Entity:
        return self._entities[entity_id]

    def is_agent(self, token: Token, agent_nouns: Collection[str] = ()) -> bool:
        """A person, organisation, group or country, or a pronoun for one ('the truce calls for',
        'technology threatens' have none); ``agent_nouns`` are further nouns for people."""
        if token.pos_ == "PRON":
            return token.lower_ not in {"it", "this", "that", "what", "which"}
        if token.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
            return True
        if token.pos_ == "PROPN" and not token.ent_type_:
            return True  # a name the recognizer missed ("Mayor Brant")
        lemma = token.lemma_.lower()
        if lemma in lexicon.roles() or lemma in agent_nouns:
            return True  # "the official", "critics", "voters"
        found = self.mention_at(token.i)
        return found is not None and found[1].type in {"PERSON", "ORG", "GROUP", "GPE", "NORP"}

    def cluster_of(self, entity_id: str) -> Cluster:
        return self._clusters[entity_id]


def find_entities(
    doc: Doc, places: Sequence[Place] = (), published: str | None = None, outlet: str | None = None
) -> EntityAnalysis:
    """Cluster every name, description and pronoun of ``doc`` into canonical entities, coded as of
    the ``published`` date; ``places`` (from ``find_places``) give cities their countries and the
    article the country it is set in; the ``outlet`` that published it gives its reporters theirs."""
    builder = _Builder(doc, places)
    builder.collect_names()
    builder.link_affiliations()
    apply_knowledge(builder.clusters, published)
    builder.credit_reporters(outlet)
    builder.collect_descriptions()
    builder.resolve_pronouns()
    builder.join_title_holders()
    code_actors(builder.clusters, [*places, *builder.nationality_places()], len(doc.text))
    builder.join_governments()
    builder.join_armed_groups()
    builder.join_armed_forces()
    return builder.finish()


class _Builder:
    def __init__(self, doc: Doc, places: Sequence[Place] = ()) -> None:
        self.doc = doc
        # Where find_places resolved a mention: its country, by the mention's start offset.
        self.place_country: dict[int, str] = {
            m.start: p.country for p in places if p.country for m in p.mentions
        }
        self.place_starts = {m.start for p in places for m in p.mentions}
        self.shown_places: set[str] = set()  # names the article shows to be places (folded)
        self.clusters: list[Cluster] = []
        self.mentions: list[tuple[Mention, Cluster]] = []
        self.mention_spans: set[tuple[int, int]] = set()
        self.used_tokens: set[int] = set()  # tokens already part of a mention or a title
        self.quotes: list[QuotedRegion] = quoted_regions(doc.text)
        self.sentence_of: list[int] = [0] * len(doc)
        for number, sent in enumerate(doc.sents):
            self.sentence_of[sent.start : sent.end] = [number] * (sent.end - sent.start)
        self.ent_at: dict[int, SpacySpan] = {t: e for e in doc.ents for t in range(e.start, e.end)}

    # -- names ---------------------------------------------------------------------------------

    def collect_names(self) -> None:
        ents = [e for e in self.doc.ents if e.label_ in NAME_LABELS | RELABEL_AS_PERSON]
        spans = [self._labelled(span, ent.label_) for ent in ents if len(span := self._trim(ent))]
        # A name the article once shows to be a place is a place wherever spaCy took it for a person.
        spans = [
            (span, "GPE" if label == "PERSON" and knowledge.fold(span.text) in self.shown_places else label)
            for span, label in spans
        ]
        # Longest names first, so "Netanyahu" later joins "Benjamin Netanyahu" whatever the order.
        surnames = {_words(span) for span, label in spans if label == "PERSON"}
        labelled = []
        for span, label in spans:
            if self._inside_title(span):
                continue
            words = _words(span)
            if label not in {"PERSON", "KNOWN_ORG"} and lexicon.country_code(span.text) is None:
                if any(
                    words == name or _is_suffix(words, name) or _first_name_of(words, name)
                    for name in surnames
                ):
                    label = "PERSON"  # a person's name, elsewhere a PERSON, taken for a place or a work
                elif _names_a_person(span) and any(_is_suffix(name, words) for name in surnames):
                    label = "PERSON"  # "Mesut Casin" taken for a place, "Casin" a person elsewhere
            labelled.append((span, "ORG" if label == "KNOWN_ORG" else label))
        # People first: their titles claim the affiliations before them ("U.S." in "U.S. Secretary
        # of State Antony Blinken"), which are then no actors of their own.
        for span, label in labelled:
            if label == "PERSON":
                self._add_person(span)
        self._unlabelled_surnames()
        self._unlabelled_speakers()
        for span, label in labelled:
            if label in NAME_LABELS - {"PERSON"} and not self.used_tokens.intersection(
                range(span.start, span.end)
            ):
                self._add_named(span, label)
        self._join_acronyms()
        self._join_same_names()
        self._join_nationality_words()
        self._join_short_forms()

    def _join_same_names(self) -> None:
        """One name is one actor in an article, however spaCy labelled each mention: 'Hamas' as an
        organisation and as a place, a capital acting once and named as a place elsewhere."""
        by_name: dict[str, Cluster] = {}
        capitals = {c.code: c for c in self.clusters if c.key.startswith("country:")}
        organisations = {knowledge.fold(c.name): c for c in self.clusters if c.type == "ORG" and c.mentions}
        for person in [c for c in self.clusters if c.type == "PERSON" and c.mentions and not c.anonymous]:
            same = organisations.get(knowledge.fold(person.name))
            if same is not None:
                self._merge(person, same)  # "Zanu PF" read once as a person, once as a party
        for cluster in [c for c in self.clusters if c.mentions and c.type != "PERSON" and not c.anonymous]:
            names = {_state_name(knowledge.fold(self.doc.text[m.start : m.end])) for m in cluster.mentions}
            union = organisations.get("european union")
            if (
                union is not None
                and names == {"europe"}
                and any(_acts(self.doc[m.head]) for m in cluster.mentions)
            ):
                self._merge(cluster, union)  # "Europe will respond" in a story about the EU
                continue
            if cluster.key.startswith("place:"):
                code = knowledge.capital_of(cluster.name)
                country = capitals.get(code) if code else None
                if country is not None and any(_acts(self.doc[m.head]) for m in country.mentions):
                    self._merge(cluster, country)  # "Washington warned ... talks in Washington"
                    continue
            target = next((by_name[n] for n in names if n in by_name), None)
            if target is None:
                by_name.update(dict.fromkeys(names, cluster))
                continue
            state = any(_STATE_FORM.match(knowledge.fold(c.name)) for c in (cluster, target))
            if _rank(cluster) > _rank(target):
                self._merge(target, cluster)
                by_name.update(dict.fromkeys(names | {k for k, v in by_name.items() if v is target}, cluster))
                target = cluster
            else:
                self._merge(cluster, target)
            if state and target.code is None:
                target.type = "GPE"  # "the Republic of Drosna ... Drosna": a state, however labelled

    def _join_nationality_words(self) -> None:
        """'Karesh ... Kareshi soldiers': a name with a nationality word of its own in the article is a
        country (dateline's tables know the real ones; this catches the rest), and the word is it."""
        named = [c for c in self.clusters if c.mentions and not c.anonymous and c.type != "PERSON" or (
            c.type == "PERSON" and c.mentions and len(c.words) == 1
        )]  # fmt: skip
        by_name = {knowledge.fold(c.name): c for c in named if " " not in c.name.strip()}
        for name, cluster in list(by_name.items()):
            for suffix in DEMONYM_SUFFIXES:
                country = by_name.get(name[: -len(suffix)]) if name.endswith(suffix) else None
                if country is not None and country is not cluster and len(name) - len(suffix) >= 4:
                    self._merge(cluster, country)
                    country.type = "GPE"
                    country.key = country.key if country.key.startswith("country:") else f"place:{name}"
                    break

    def _join_short_forms(self) -> None:
        """'the Wall Street Journal ... the Journal', 'the International Monetary Fund ... the Fund',
        'VOA ... VOA Urdu': an organisation's last word, or its name and one more word, is it."""
        orgs = [c for c in self.clusters if c.type == "ORG" and c.mentions]
        for cluster in orgs:
            words = knowledge.fold(cluster.name).split()
            if len(words) > 1 and words[-1] in ORG_LAST_WORDS:
                # "Central Command" for "U.S. Central Command", "Communist Party" for "Chinese Communist Party"
                fuller = [
                    c
                    for c in orgs
                    if c is not cluster and _is_suffix(tuple(words), tuple(knowledge.fold(c.name).split()))
                ]
            elif len(words) == 1:
                fuller = [
                    c for c in orgs if c is not cluster and knowledge.fold(c.name).split()[-1:] == words
                ]
            elif len(words) == 2 and words[1] not in ORG_LAST_WORDS:
                fuller = [c for c in orgs if c is not cluster and knowledge.fold(c.name) == words[0]]
            else:
                continue
            if len(fuller) == 1 and fuller[0].mentions:
                self._merge(cluster, fuller[0])

    def _join_acronyms(self) -> None:
        """'the National Intelligence and Security Agency ... NISA': an acronym of an organisation
        the article names in full is that organisation."""
        orgs = [c for c in self.clusters if c.type == "ORG" and c.mentions]
        by_initials: dict[str, list[Cluster]] = {}
        for cluster in orgs:
            by_initials.setdefault(_initials(cluster.name), []).append(cluster)
        named = [c for c in self.clusters if c.mentions and not c.anonymous and c.type != "GPE"]
        for cluster in named:  # "ICE" read as a group or a person is still the acronym
            acronym = cluster.name.replace(".", "")
            if not (2 <= len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()):
                continue
            full = [c for c in by_initials.get(acronym, []) if c is not cluster]
            if len(full) == 1:
                self._merge(cluster, full[0])

    def _unlabelled_speakers(self) -> None:
        """A name the recognizer missed that speaks ('Mehdiyev told jurors', 'said Oh Ei Sun') is a
        person, or an organisation when its last word says so ('the Lowy Institute wrote')."""
        for token in self.doc:
            if (
                token.pos_ != "PROPN"
                or token.ent_type_
                or token.i in self.used_tokens
                or token.dep_ not in SUBJECT_DEPS
                or token.head.lemma_.lower() not in SPEECH_VERBS
            ):
                continue
            start = token.i
            while (
                start > 0 and self.doc[start - 1].dep_ == "compound" and self.doc[start - 1].pos_ == "PROPN"
            ):
                start -= 1
            span = self.doc[start : token.i + 1]
            if (
                lexicon.country_code(span.text)
                or lookup(span.text)
                or self.used_tokens.intersection(range(start, token.i))
            ):
                continue
            if span[-1].lower_ in ORG_LAST_WORDS or _known_org(span.text) is not None:
                self._add_named(span, "ORG")
            else:
                self._add_person(span)

    def _labelled(self, span: SpacySpan, label: str) -> tuple[SpacySpan, str]:
        """A name and what it names. Beyond ``_label``: a person spaCy took for something else when
        the article says who they are ("Drosnan President Mirko Tessal" read as a work of art: the
        name after the title; "its leader, Samira Ostel," read as an organisation)."""
        if label == "PERSON" or _known_label(span, label) != label:
            return span, self._label(span, label)
        for i, token in enumerate(span[:-1]):
            role = lexicon.roles().get(token.lower_)
            rest = span[i + 1 :]
            if role is not None and role.single_person and all(t.text[:1].isupper() for t in rest):
                return rest, "PERSON"
        root = span.root
        described = [c for c in root.children if c.dep_ == "appos"] + (
            [root.head] if root.dep_ == "appos" else []
        )
        if _names_a_person(span) and any(_person_role(noun) for noun in described):
            return span, "PERSON"
        return span, self._label(span, label)

    def _label(self, span: SpacySpan, label: str) -> str:
        """What the shipped knowledge says the name is, else a place where find_places resolved one
        ("residents of Dadaab" that spaCy took for a person), else spaCy's label."""
        known = _known_label(span, label)
        before = self.doc[max(span.start - 2, 0) : span.start]
        realm = len(before) == 2 and before[1].lower_ == "of" and before[0].lower_ in REALM_WORDS
        resolved = span.start_char in self.place_starts and knowledge.known_actor(span.text, "PERSON") is None
        if (realm or resolved) and known in {"PERSON", "ORG", "GPE", "LOC"}:
            # "the kingdom of Kaabu", "residents of Dadaab" (found by find_places): shown a place
            self.shown_places.add(knowledge.fold(span.text))
            return known if known in {"GPE", "LOC"} else "GPE"
        return known

    def _unlabelled_surnames(self) -> None:
        """A surname the recognizer missed ('Quillon said...') still names the person seen before."""
        people = [c for c in self.clusters if c.type == "PERSON"]
        for token in self.doc:
            if token.pos_ != "PROPN" or token.ent_type_ or token.i in self.used_tokens:
                continue
            for width in (2, 1):
                span = self.doc[token.i : token.i + width]
                if span.end > len(self.doc) or any(t.ent_type_ or t.pos_ != "PROPN" for t in span):
                    continue
                if any(
                    _is_suffix(_words(span), c.words) or _same_person(_words(span), c.words) for c in people
                ):
                    self._add_person(span)
                    break

    def _trim(self, ent: SpacySpan) -> SpacySpan:
        start, end = ent.start, ent.end
        while start < end and self.doc[start].lower_ in {"the", "a", "an"}:
            start += 1
        while end > start and (self.doc[end - 1].tag_ == "POS" or self.doc[end - 1].is_punct):
            end -= 1
        return self.doc[start:end]

    def _inside_title(self, span: SpacySpan) -> bool:
        """'State' in 'Secretary of State' is part of a role, not an organisation."""
        before = " ".join(t.lower_ for t in self.doc[max(span.start - 2, 0) : span.start])
        return before.endswith(("secretary of", "minister of", "ministry of")) and len(span) == 1

    def _add_person(self, span: SpacySpan) -> None:
        lowered = _words(span)
        cluster = self._find_person(lowered)
        if cluster is None:
            cluster = self._new_cluster("PERSON", _name_text(span), "person:" + " ".join(lowered))
            cluster.words = lowered
        elif len(lowered) > len(cluster.words):
            cluster.name, cluster.words = _name_text(span), lowered  # the fullest form names the entity
        title, code, sector, gender, title_start = self._title_before(span)
        if title:
            cluster.add_title(title)
        cluster.adopt(code, sector)
        cluster.gender = cluster.gender or gender
        self._apply_appositive(span, cluster)
        self.used_tokens.update(range(title_start, span.start))
        self._add_mention(cluster, span.start_char, span.end_char, span.root.i, "name", span)

    def _find_person(self, words: tuple[str, ...]) -> Cluster | None:
        for cluster in reversed(self.clusters):
            if cluster.type != "PERSON" or cluster.anonymous:
                continue
            if _same_person(words, cluster.words):
                return cluster
        return None

    def _title_before(self, span: SpacySpan) -> tuple[str, str | None, str | None, str | None, int]:
        """Roles and affiliations written before a name: 'U.S. Secretary of State Antony Blinken'."""
        doc, sent_start = self.doc, span.sent.start
        i = span.start - 1
        title_tokens: list[Token] = []
        code = sector = gender = None
        org_sector = None
        role_sector = None
        while i >= sent_start:
            role, width = self._role_ending_at(i, sent_start)
            if role is not None:
                title_tokens[:0] = list(doc[i - width + 1 : i + 1])
                role_sector = role_sector or role.sector
                gender = gender or role.gender
                i -= width
                continue
            token = doc[i]
            if token.lower_ in TITLE_QUALIFIERS and title_tokens:
                title_tokens.insert(0, token)
                i -= 1
                continue
            if token.tag_ == "POS" and i - 1 >= sent_start and doc[i - 1].ent_type_ in {"GPE", "ORG", "NORP"}:
                i -= 1  # "Israel's Prime Minister ...": the possessive joins the affiliation
                continue
            if token.ent_type_ in {"NORP", "GPE", "ORG"} and token.ent_type_ != "PERSON":
                ent_start = i
                while ent_start - 1 >= sent_start and doc[ent_start - 1].ent_iob_ == "I":
                    ent_start -= 1
                if doc[ent_start].ent_iob_ != "B" and ent_start > sent_start:
                    break
                affiliation = doc[ent_start : i + 1]
                org = lexicon.org_info(affiliation.text)
                found = org.code if org else lexicon.country_code(affiliation.text)
                code = code or found
                if org is not None:
                    org_sector = org_sector or org.sector
                i = ent_start - 1
                continue
            break
        honorifics = {"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "dr"}
        shown = [t for t in title_tokens if t.lower_ not in honorifics]
        title = " ".join(t.text for t in shown) if shown else ""
        if title_tokens or code:
            sector = _person_sector(role_sector, org_sector)
        return title, code, sector, gender, i + 1

    def _role_ending_at(self, i: int, floor: int) -> tuple[lexicon.Role | None, int]:
        table = lexicon.roles()
        for width in range(min(lexicon.longest_role_words(), i - floor + 1), 0, -1):
            phrase = " ".join(t.lower_ for t in self.doc[i - width + 1 : i + 1])
            role = table.get(phrase)
            if role is not None and role.single_person:
                return role, width
        return None, 0

    def _apply_appositive(self, span: SpacySpan, cluster: Cluster) -> None:
        """'Sami Abu Zuhri, a senior Hamas official,' and 'the group's leader, X,' give titles."""
        root = span.root
        candidates = _descriptions_of(root)
        for noun in candidates:
            role = lexicon.roles().get(noun.lower_) or lexicon.roles().get(noun.lemma_.lower())
            if role is None or noun.i in self.used_tokens:
                continue
            chunk = self._noun_phrase(noun)
            words = [t for t in chunk if t.lower_ in TITLE_QUALIFIERS or t.i == noun.i]
            cluster.add_title(" ".join(t.text for t in words))
            code, org_sector = self._affiliation_in(chunk)
            cluster.adopt(code, _person_sector(role.sector, org_sector))
            cluster.gender = cluster.gender or role.gender
            self.used_tokens.update(t.i for t in chunk)
            self._add_mention(cluster, chunk.start_char, chunk.end_char, noun.i, "description", chunk)

    def _add_named(self, span: SpacySpan, label: str) -> None:
        text = _name_text(span)
        if label == "NORP":
            if span.root.dep_ in {"amod", "compound", "poss"} or span.root.pos_ == "ADJ":
                return  # "Israeli troops": a nationality that qualifies, not an actor by itself
            code = lexicon.country_code(text)
            cluster = self._find_or_new(f"norp:{code or lexicon.normalize(text)}", "GROUP", text)
            cluster.plural = True
            cluster.adopt(code, None)
        elif label == "ORG":
            known = _known_org(text)
            # One cluster for all of a known organisation's names ("VOA", "Voice of America"),
            # named, like every entity, by the fullest form the article uses.
            cluster = self._find_or_new(f"org:{knowledge.fold(known.name if known else text)}", "ORG", text)
            if len(text) > len(cluster.name):
                cluster.name = text
            if known is not None:
                cluster.adopt(known.code, known.sector, "knowledge")
        else:
            code = lexicon.country_code(text)
            if code is None and label == "GPE" and _acts(span.root):
                code = knowledge.capital_of(text)  # "Washington warned": the capital for the country
            if code is not None:
                cluster = self._find_or_new(f"country:{code}", "GPE", text)
                cluster.adopt(code, None, "knowledge")
            else:
                cluster = self._find_or_new(f"place:{knowledge.fold(text)}", label, text)
                place_code = self.place_country.get(span.start_char) or _place_country(text)
                cluster.adopt(place_code, None, "name")
            if len(text) > len(cluster.name):
                cluster.name = text
        self._add_mention(cluster, span.start_char, span.end_char, span.root.i, "name", span)

    # -- affiliations --------------------------------------------------------------------------

    def credit_reporters(self, outlet: str | None) -> None:
        """'X contributed to this report', 'X reported from Washington': the outlet's journalists."""
        known = _known_org(outlet) if outlet else None
        for mention, cluster in self.mentions:
            if cluster.type != "PERSON" or mention.kind != "name":
                continue
            verb = self.doc[mention.head]
            while verb.dep_ == "conj":
                verb = verb.head
            if verb.dep_ not in SUBJECT_DEPS:
                continue
            verb = verb.head
            lemma = verb.lemma_.lower()
            tail = {t.lower_ for t in verb.subtree if t.i > mention.head}
            if (lemma == "contribute" and tail & {"report", "reporting", "from"}) or (
                lemma == "report" and "from" in {c.lower_ for c in verb.children if c.dep_ == "prep"}
            ):
                cluster.sector = cluster.sector or "MED"
                if known is not None:
                    cluster.adopt(known.code, None, "phrase")

    def nationality_places(self) -> list[Place]:
        """Nationality words ("Kenyan court") as pseudo-places for finding where the story is set."""
        found: dict[str, list[Span]] = {}
        for ent in self.doc.ents:
            code = lexicon.country_code(ent.text) if ent.label_ == "NORP" else None
            if code:
                found.setdefault(code, []).append(Span(ent.start_char, ent.end_char, ent.text))
        return [
            Place("", code, None, None, None, code, "nationality", spans) for code, spans in found.items()
        ]

    def link_affiliations(self) -> None:
        """'X, a senior fellow at the Y Institute': the person works for the organisation;
        'the Y Center in Honolulu': the organisation is where the phrase places it."""
        orgs = {
            token.i: c
            for m, c in self.mentions
            if c.type == "ORG"
            for token in self.doc.char_span(m.start, m.end, alignment_mode="expand") or []
        }
        for mention, cluster in list(self.mentions):
            root = self.doc[mention.head]
            if cluster.type == "PERSON" and mention.kind == "name" and cluster.affiliation is None:
                cluster.affiliation = self._employer(root, orgs)
            elif cluster.type == "ORG":
                owner = next((orgs.get(c.i) for c in root.children if c.dep_ == "poss"), None)
                if owner is not None and owner is not cluster:
                    cluster.affiliation = owner  # "VOA's Somali Service" is part of VOA
                if cluster.code is None:
                    cluster.adopt(self._seat(root), None)

    def _employer(self, root: Token, orgs: dict[int, Cluster]) -> Cluster | None:
        """The organisation named in a person's appositive ('X, a fellow at the Y Institute', 'X,
        former CIA analyst') or 'of/from' phrase ('X of the think tank Y')."""
        phrases = _descriptions_of(root)
        phrases += [c for c in root.children if c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPOSITIONS]
        for phrase in phrases:
            for token in phrase.subtree:
                if token.i in orgs and token.i != root.i:
                    return orgs[token.i]
                ent = self.ent_at.get(token.i)
                if ent is not None and ent.label_ == "ORG" and token.i in self.used_tokens:
                    # taken into the person's title ("UNICEF's executive director"), still the employer
                    known = _known_org(ent.text)
                    named = self._cluster_keyed(f"org:{knowledge.fold(known.name if known else ent.text)}")
                    if named is not None:
                        return named
        return None

    def _cluster_keyed(self, key: str) -> Cluster | None:
        return next((c for c in self.clusters if c.key == key and c.mentions), None)

    def _seat(self, root: Token) -> str | None:
        for prep in root.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for place in prep.children:
                if place.dep_ == "pobj" and place.ent_type_ in {"GPE", "LOC"}:
                    ent = self._ent_of(place)
                    text = ent.text if ent is not None else place.text
                    start = ent.start_char if ent is not None else place.idx
                    return self.place_country.get(start) or lexicon.country_code(text)
        return None

    # -- descriptions --------------------------------------------------------------------------

    def collect_descriptions(self) -> None:
        for chunk in self.doc.noun_chunks:
            head = chunk.root
            if head.i in self.used_tokens or head.ent_type_ == "PERSON" or head.pos_ == "PRON":
                continue
            word = head.lower_
            if word in COLLECTIVE_ORG_HEADS:
                self._collective(chunk)
                continue
            role = lexicon.roles().get(word) or lexicon.roles().get(head.lemma_.lower())
            if role is None or word in {"mr.", "mrs.", "ms.", "dr."} or head.ent_type_:
                continue
            self._description(chunk, role)

    def _description(self, chunk: SpacySpan, role: lexicon.Role) -> None:
        head = chunk.root
        plural = head.tag_ in {"NNS", "NNPS"} or not role.single_person
        determiner = chunk[0].lower_ if chunk[0].dep_ in {"det", "nummod", "predet"} else ""
        code, org_sector = self._affiliation_in(chunk)
        sector = _person_sector(role.sector, org_sector)
        lemma = head.lemma_.lower()
        span = self._strip_possessive(chunk)
        first = span.start + (span[0].lower_ in INDEFINITE | DEFINITE)
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
            cluster = self._person_just_named(role.gender, head.i)  # "Bilai Abdi ... The mother of four"
        if cluster is None:
            name = _name_text(self.doc[first : span.end]) if first < span.end else head.text
            cluster = self._new_cluster("GROUP" if plural else "PERSON", name, f"desc:{len(self.clusters)}")
            cluster.anonymous, cluster.plural, cluster.head_lemma = True, plural, lemma
            cluster.plural_noun = head.tag_ in {"NNS", "NNPS"}
            cluster.qualified = any(
                t.ent_type_ in NAME_LABELS or (t.pos_ == "PROPN" and not t.ent_type_)
                for t in chunk
                if t.i != head.i
            )
            cluster.role_words = words
            cluster.gender = role.gender
        cluster.affiliation = cluster.affiliation or employer
        cluster.adopt(code, sector)
        self._add_mention(cluster, span.start_char, span.end_char, head.i, "description", span)

    def _person_just_named(self, gender: str, before: int) -> Cluster | None:
        """The person a gendered definite description ('the mother', 'the father') takes up: the
        last person mentioned, named, of no other gender, within the last two sentences."""
        for cluster in self._recent_clusters(before):
            if cluster.type != "PERSON" or cluster.plural:
                continue
            last = max(m.head for m in cluster.mentions if m.head < before)
            near = self.sentence_of[before] - self.sentence_of[last] <= 2
            if near and not cluster.anonymous and cluster.gender in {None, gender}:
                return cluster
            return None  # the last person mentioned is someone else
        return None

    def _same_description(self, words: tuple[str, ...]) -> Cluster | None:
        """An earlier description in the very same words, when they name whose it is."""
        if len(words) < 2:
            return None
        return next((c for c in self.clusters if c.anonymous and c.qualified and c.role_words == words), None)

    def _organisation_after(self, head: Token) -> Cluster | None:
        """The organisation in a description's complement, the last one named: 'the head of Doctors
        Without Borders', 'the head of the U.N. children's program, UNICEF'."""
        for token in reversed(list(head.subtree)):
            if token.i > head.i:
                found = self._cluster_at(token.i)
                if found is not None and found.type == "ORG":
                    return found
        return None

    def _cluster_at(self, token_index: int) -> Cluster | None:
        char = self.doc[token_index].idx
        for mention, cluster in self.mentions:
            if mention.start <= char < mention.end:
                return cluster
        return None

    def _collective(self, chunk: SpacySpan) -> None:
        """'the Hamas group' is Hamas; 'the Palestinian resistance group' is the nearest Palestinian org."""
        if any(t.ent_type_ == "ORG" for t in chunk):
            return  # the name inside was already taken as a mention of the organisation
        if chunk[0].lower_ not in DEFINITE:
            return
        code, _ = self._affiliation_in(chunk)
        for cluster in self._recent_clusters(chunk.root.i):
            if cluster.sector == "MED":
                continue  # the agency relaying a story is seldom "the group" it reports on
            if cluster.type == "ORG" and (code is None or cluster.code in {code, None}):
                span = self._strip_possessive(chunk)
                self._add_mention(cluster, span.start_char, span.end_char, chunk.root.i, "description", span)
                return

    def _antecedent_for_description(
        self, lemma: str, words: tuple[str, ...], code: str | None, plural: bool, before: int
    ) -> Cluster | None:
        for cluster in self._recent_clusters(before):
            if cluster.plural != plural or (code and cluster.code and cluster.code != code):
                continue
            if cluster.head_lemma == lemma and _same_rank(words, cluster.role_words):
                return cluster
            if any(_same_office(lemma, words, title) for title in cluster.titles):
                return cluster
        return None

    # -- titles and their holders ------------------------------------------------------------------

    def join_title_holders(self) -> None:
        """'The president' before the article names him, or never repeated with the name, is the one
        person the article gives that title: the description joins the named holder."""
        named = [c for c in self.clusters if c.type == "PERSON" and not c.anonymous and c.mentions]
        for cluster in [c for c in self.clusters if c.type == "PERSON" and c.anonymous and c.head_lemma]:
            lemma = cluster.head_lemma or ""
            holders = [
                person
                for person in named
                if any(_same_office(lemma, cluster.role_words, title) for title in person.titles)
                and not (cluster.code and person.code and cluster.code != person.code)
            ]
            if len(holders) == 1:
                self._merge(cluster, holders[0])
                continue
            holder = (
                self._named_right_after(cluster)
                or self._head_of(cluster, named)
                or self._office_holder(cluster, named)
            )
            if holder is not None:
                self._merge(cluster, holder)

    def _head_of(self, cluster: Cluster, named: list[Cluster]) -> Cluster | None:
        """'The head of UNICEF' is the one person the article names as working for UNICEF
        ('Catherine Russell, UNICEF's executive director')."""
        orgs = {
            token.i: c
            for m, c in self.mentions
            if c.type == "ORG"
            for token in self.doc.char_span(m.start, m.end, alignment_mode="expand") or []
        }
        for mention in cluster.mentions:
            head = self.doc[mention.head]
            if (lexicon.roles().get(head.lower_) or lexicon.roles().get(head.lemma_.lower())) is None:
                continue
            of = [t for t in head.subtree if t.i > head.i and t.i in orgs]
            employers = {id(orgs[t.i]) for t in of}
            staff = [p for p in named if p.affiliation is not None and id(p.affiliation) in employers]
            if len(staff) == 1:
                return staff[0]
        return None

    def _office_holder(self, cluster: Cluster, named: list[Cluster]) -> Cluster | None:
        """'The Israeli leader' is the one Israeli the article names with a leader's title ('Prime
        Minister Benjamin Netanyahu'); 'the Pakistani envoy' the one Pakistani ambassador or envoy."""
        offices = GENERIC_OFFICES.get(cluster.head_lemma or "")
        if offices is None or cluster.code is None or cluster.coded_by != "phrase":
            return None
        holders = [
            person
            for person in named
            if person.code == cluster.code
            and any(offices & set(title.lower().replace("-", " ").split()) for title in person.titles)
        ]
        return holders[0] if len(holders) == 1 else None

    def _named_right_after(self, cluster: Cluster) -> Cluster | None:
        """'The head of UNICEF, Catherine Russell, said': the person named right after a description
        (and its 'of' phrase), set off by a comma, is the one it describes."""
        starts = {
            m.start: c
            for m, c in self.mentions
            if c.type == "PERSON" and not c.anonymous and m.kind == "name"
        }
        for mention in cluster.mentions:
            head = self.doc[mention.head]
            end = max(t.idx + len(t.text) for t in head.subtree)
            gap = self.doc.text[end : end + 3]
            for width in (2, 3):
                if gap[:width].strip() == "," and end + width in starts:
                    return starts[end + width]
        return None

    def join_armed_groups(self) -> None:
        """'Boko Haram ... the Islamist insurgents', 'al-Shabab ... the militants': fighters the article
        does not attribute to anyone else belong to the one armed group it names."""
        groups = [c for c in self.clusters if c.type == "ORG" and c.sector == "REB" and c.mentions]
        if len(groups) != 1:
            return
        for cluster in list(self.clusters):
            fighters = cluster.anonymous and cluster.sector == "REB"
            if fighters and cluster.code in {None, groups[0].code}:
                self._merge(
                    cluster, groups[0]
                )  # "the militants", "Islamist militants", "al-Shabab terrorists"

    def join_armed_forces(self) -> None:
        """'The Myanmar military ... the army ... the junta': unqualified armed forces are the one
        country's armed forces the article names; 'police' the one police force it names."""
        self._join_force(ARMED_FORCES, "MIL")
        self._join_force({"police"}, "POL")

    def _join_force(self, heads: set[str], sector: str) -> None:
        named_forces = [
            c for c in self.clusters
            if c.mentions and c.type == "ORG" and c.sector == sector and c.code and not c.anonymous
        ]  # fmt: skip
        forces = named_forces or [
            c for c in self.clusters
            if c.mentions and c.sector == sector and c.head_lemma in heads and c.code and c.coded_by == "phrase"
        ]  # fmt: skip
        if len({c.code for c in forces}) != 1:
            return
        target = forces[0]
        for cluster in list(self.clusters):
            if cluster is target or not cluster.mentions or cluster.head_lemma not in heads:
                continue
            if (
                cluster.anonymous
                and cluster.code in {None, target.code}
                and cluster.coded_by != "phrase"
                or (cluster in forces)
            ):
                self._merge(cluster, target)

    def join_governments(self) -> None:
        """A country's government is the country as an actor ("Kenya's government", "the Philippine
        government", "the regime" in a story set in North Korea): coders count them as one."""
        countries = {c.code: c for c in self.clusters if c.key.startswith("country:") and c.mentions}
        for cluster in list(self.clusters):
            words = knowledge.fold(cluster.name).split()
            if cluster.type == "ORG" and len(words) == 2 and words[1] in GOVERNMENT_HEADS and cluster.code:
                cluster.head_lemma = words[1]  # "the Iraqi Government" named as an organisation
            elif not (cluster.anonymous and cluster.head_lemma in GOVERNMENT_HEADS and cluster.code):
                continue
            if set(cluster.role_words) & RANK_WORDS or cluster.code in {"IGO", "NGO"}:
                continue  # "the former government", "the interim government": another actor
            country = countries.get(cluster.code)
            if country is None:
                known = knowledge.country_actor(cluster.code)
                if known is None:
                    continue
                country = self._new_cluster("GPE", known.name, f"country:{cluster.code}")
                country.code, country.sector, country.coded_by = known.code, known.sector, cluster.coded_by
                countries[cluster.code] = country
            self._merge(cluster, country)

    def _merge(self, source: Cluster, target: Cluster) -> None:
        for mention in source.mentions:
            target.mentions.append(mention)
        source.mentions = []
        self.mentions = [(m, target if c is source else c) for m, c in self.mentions]
        target.adopt(source.code, source.sector, source.coded_by or "phrase")
        for title in source.titles:
            target.add_title(title)
        if target.type == source.type == "PERSON" and source.anonymous and source.head_lemma:
            target.add_title(source.head_lemma)  # "Pakistan's permanent representative, Munir Akram"

    def _affiliation_in(self, chunk: SpacySpan) -> tuple[str | None, str | None]:
        """Country code and organisation sector written inside a noun phrase or its 'of' phrase."""
        code = org_sector = None
        tokens = list(chunk) + [
            t for t in chunk.root.children if t.dep_ == "prep" and t.lower_ in {"of", "from", "in"}
        ]
        for token in tokens:
            if token.dep_ == "prep":
                objects = [c for c in token.children if c.dep_ == "pobj"]
                if not objects:
                    continue
                token = objects[0]
            if token.i == chunk.root.i and token.ent_type_ == "":
                continue
            ent = self._ent_of(token)
            text = ent.text if ent is not None else token.text
            org = lexicon.org_info(text)
            if org is not None:
                code, org_sector = code or org.code, org_sector or org.sector
            elif token.ent_type_ in {"NORP", "GPE"} or token.lower_ in lexicon.demonyms():
                code = code or lexicon.country_code(text)
                if code is None and token.ent_type_ == "GPE":
                    code = _place_country(text)  # "residents in Hebron": the city's country
        return code, org_sector

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
            if agreement is None or token.pos_ != "PRON" or inside_any(token.idx, self.quotes):
                continue
            cluster = self._antecedent_for_pronoun(token, *agreement)
            if cluster is None:
                continue
            if agreement[0] in {"m", "f"} and cluster.gender is None:
                cluster.gender = agreement[0]
            self._add_mention(cluster, token.idx, token.idx + len(token.text), token.i, "pronoun", None)

    def _antecedent_for_pronoun(self, pronoun: Token, gender: str, person: bool) -> Cluster | None:
        here = self.sentence_of[pronoun.i]
        best: tuple[float, Cluster] | None = None
        for mention, cluster in reversed(self.mentions):
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
            if inside_any(mention.start, self.quotes):
                score -= 2.0
            if best is None or score > best[0]:
                best = (score, cluster)
        return best[1] if best else None

    # -- bookkeeping ---------------------------------------------------------------------------

    def _new_cluster(self, type_: str, name: str, key: str) -> Cluster:
        cluster = Cluster(type=type_, name=name, key=key)
        self.clusters.append(cluster)
        return cluster

    def _find_or_new(self, key: str, type_: str, name: str) -> Cluster:
        for cluster in self.clusters:
            if cluster.key == key:
                return cluster
        return self._new_cluster(type_, name, key)

    def _recent_clusters(self, before: int) -> list[Cluster]:
        """Clusters by their latest mention before token ``before``, nearest first."""
        latest: dict[int, tuple[int, Cluster]] = {}
        for mention, cluster in self.mentions:
            if mention.head < before:
                latest[id(cluster)] = (mention.head, cluster)
        return [c for _, c in sorted(latest.values(), key=lambda pair: -pair[0])]

    def _add_mention(
        self, cluster: Cluster, start: int, end: int, head: int, kind: str, span: SpacySpan | None
    ) -> None:
        if (start, end) in self.mention_spans:
            return
        self.mention_spans.add((start, end))
        mention = Mention(start, end, head, kind)
        cluster.mentions.append(mention)
        bisect.insort(self.mentions, (mention, cluster), key=lambda pair: pair[0].start)
        self.used_tokens.update(range(span.start, span.end) if span is not None else [head])

    def finish(self) -> EntityAnalysis:
        live = [c for c in self.clusters if c.mentions]
        live.sort(key=lambda c: min(m.start for m in c.mentions))
        text = self.doc.text
        entities = []
        token_mentions: dict[int, tuple[Mention, Cluster]] = {}
        for number, cluster in enumerate(live, start=1):
            cluster.id = f"E{number}"
            cluster.mentions.sort(key=lambda m: m.start)
            entities.append(
                Entity(
                    id=cluster.id,
                    name=cluster.name,
                    type=cluster.type,
                    code=cluster.code,
                    sector=cluster.sector,
                    titles=list(cluster.titles),
                    mentions=[Span(m.start, m.end, text[m.start : m.end]) for m in cluster.mentions],
                    coded_by=cluster.coded_by if cluster.code else None,
                    generic=cluster.generic,
                )
            )
            for mention in cluster.mentions:
                for token in self.doc.char_span(mention.start, mention.end, alignment_mode="expand") or []:
                    token_mentions.setdefault(token.i, (mention, cluster))
        return EntityAnalysis(text, entities, live, token_mentions)


def _same_person(words: tuple[str, ...], known: tuple[str, ...]) -> bool:
    """'Netanyahu' and 'Benjamin Netanyahu'; 'Donald J. Trump' and 'Donald Trump' (the same given
    name and surname, a middle name or initial more or less); never two different given names."""
    if not words or not known:
        return False
    if words == known or _is_suffix(words, known) or _is_suffix(known, words):
        return True
    if _first_name_of(words, known) or _first_name_of(known, words):
        return True  # "Kim" for "Kim Jong Un", "Mahathir" for "Mahathir Mohamad": family name first
    if len(words) == 1 and len(known) > 1 and _one_letter_off(words[0], known[-1]):
        return True  # "Equiluz" for "Luis Eguiluz": a misspelt surname
    if len(words) == 1 or len(known) == 1:
        return False
    return words[0] == known[0] and words[-1] == known[-1]


_STATE_FORM = re.compile(
    r"^(?:(?:federal|islamic|democratic|people s|socialist|united|arab|hashemite|plurinational)\s+)*"
    r"(?:republic|kingdom|state|federation|sultanate|emirate|principality|commonwealth) of "
)


def _state_name(folded: str) -> str:
    """'republic of drosna' -> 'drosna': a state's formal name and its short name are one actor."""
    return _STATE_FORM.sub("", folded)


def _person_role(noun: Token) -> bool:
    role = lexicon.roles().get(noun.lower_) or lexicon.roles().get(noun.lemma_.lower())
    return role is not None and role.single_person


def _descriptions_of(name: Token) -> list[Token]:
    """The nouns that describe a name: its appositives ('X, a senior fellow,'), the noun it is an
    appositive of, and what it is said to be ('X is the former director of Y')."""
    nouns = [c for c in name.children if c.dep_ == "appos"]
    if name.dep_ == "appos":
        nouns.append(name.head)
    if name.dep_ == "nsubj" and name.head.lemma_ == "be":
        nouns += [c for c in name.head.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"}]
    return nouns


def _one_letter_off(a: str, b: str) -> bool:
    """Two long words that differ by one letter replaced (a typo, not another name)."""
    return len(a) == len(b) >= 6 and a[0] == b[0] and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _first_name_of(word: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """'Sun' for 'Sun Lijun', 'Mahathir' for 'Mahathir Mohamad'."""
    return len(word) == 1 and len(name) > 1 and word[0] == name[0]


def _is_suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """'Netanyahu' ends 'Benjamin Netanyahu'; 'Abu Zuhri' ends 'Sami Abu Zuhri'."""
    return 0 < len(short) < len(long) and long[-len(short) :] == short


def _person_sector(role_sector: str | None, org_sector: str | None) -> str | None:
    """An official of an armed group belongs to the group's sector, not to government."""
    if org_sector and role_sector in {None, "GOV"}:
        return org_sector
    return role_sector or org_sector


def _agrees(cluster: Cluster, gender: str, person: bool) -> bool:
    if gender in {"m", "f"}:
        return cluster.type == "PERSON" and not cluster.plural and cluster.gender in {None, gender}
    if gender == "p":
        return cluster.plural or cluster.type in {"ORG", "GROUP"} or cluster.key.startswith("country:")
    return cluster.type in {"ORG", "GPE"} and not cluster.plural


# Endings that make a nationality word of a country's name: Karesh -> Kareshi, Valdoria -> Valdorian.
DEMONYM_SUFFIXES = ("ian", "an", "ese", "ish", "i", "n")
# Words naming a kind of place before "of": "the kingdom of Kaabu", "the town of Beledweyne".
REALM_WORDS = {
    "kingdom", "empire", "town", "city", "village", "region", "province", "district", "state", "island",
    "islands", "republic", "capital", "port", "county", "emirate", "sultanate",
}  # fmt: skip
# Descriptions of a country's armed forces as a whole ("the army", "the military", "the junta").
ARMED_FORCES = {"army", "military", "junta", "forces"}
# Descriptions that name an office loosely ("the Israeli leader", "the Pakistani envoy") and the
# title words of the offices they can stand for.
_LEADERS = frozenset(
    {"president", "prime", "premier", "chancellor", "king", "emir", "leader", "chief", "head", "ayatollah"}
)
_ENVOYS = frozenset({"ambassador", "envoy", "representative", "rapporteur", "diplomat", "mediator"})
GENERIC_OFFICES = {
    "leader": _LEADERS,
    "chief": _LEADERS,
    "head": _LEADERS,
    "envoy": _ENVOYS,
    "diplomat": _ENVOYS,
}
# Descriptions that are a country's government, hence the country as an actor.
GOVERNMENT_HEADS = {"government", "regime", "administration"}
# Words that make one office another: "the deputy president" is not "the president".
RANK_WORDS = {"deputy", "vice", "former", "acting", "interim", "assistant", "ex", "under"}


def _same_rank(words: Sequence[str], other: Sequence[str]) -> bool:
    return RANK_WORDS.intersection(words) == RANK_WORDS.intersection(other)


def _same_office(lemma: str, words: Sequence[str], title: str) -> bool:
    """Whether a description ('the deputy president', words without determiners) names the office of
    ``title`` ('Deputy President'): the same head word, and the same rank words."""
    title_words = title.lower().replace("-", " ").split()
    return lemma in title_words and _same_rank(words, title_words)


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


def _acts(token: Token) -> bool:
    """Whether a place name stands for an actor: a subject, object or owner ("Washington warned",
    "sanctions on Moscow", "Beijing's response"), not where something happens ("in Beijing")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head  # "Washington and Moscow agreed": as the first conjunct
    if token.dep_ in SUBJECT_DEPS | {"poss", "dobj", "agent", "nsubjpass"}:
        return True
    return token.dep_ == "pobj" and token.head.lower_ not in LOCATIVE_PREPOSITIONS


def _initials(name: str) -> str:
    words = name.replace("-", " ").split()
    return "".join(w[0].upper() for w in words if w.lower() not in ACRONYM_SKIPS and w[0].isalpha())


def _names_a_person(span: SpacySpan) -> bool:
    """Two or more capitalised words, none of an organisation's: the shape of a person's name."""
    return (
        len(span) >= 2 and all(t.text[:1].isupper() for t in span) and span[-1].lower_ not in ORG_LAST_WORDS
    )


def _rank(cluster: Cluster) -> tuple[bool, bool, int]:
    """Which of two clusters of one name to keep: a coded one, an organisation, the most mentioned."""
    return (cluster.code is not None, cluster.type == "ORG", len(cluster.mentions))


def _words(span: SpacySpan) -> tuple[str, ...]:
    """A name's words for matching: folded, so that "Erdogan" is "Erdoğan" and "al-Sudani" is
    "Al Sudani"; hyphens and other punctuation are no words."""
    return tuple(folded for t in span if (folded := knowledge.fold(t.text)))


def _name_text(span: SpacySpan) -> str:
    """A name as the article writes it, spaces as single spaces: "al-Assad", not "al - Assad"."""
    return " ".join(span.text.split())


def _known_org(text: str) -> knowledge.KnownActor | None:
    """A known organisation, also by its office in a country ("UNHCR Kenya" is UNHCR)."""
    known = knowledge.known_actor(text, "ORG")
    if known is None and " " in text:
        body, last = text.rsplit(" ", 1)
        if resolve_country_code(last) is not None:
            known = knowledge.known_actor(body, "ORG")
    return known if known is not None and known.type == "ORG" else None


def _known_label(span: SpacySpan, label: str) -> str:
    """spaCy's label, or what the shipped knowledge says the name is: "KNOWN_ORG" for an organisation
    spaCy took for a person or a place ("Boko Haram", "al-Shabab"), PERSON for a known person."""
    text = _name_text(span)
    if label != "ORG" and _known_org(text) is not None and lexicon.country_code(text) is None:
        return "KNOWN_ORG"
    if label == "PERSON" and len(span) > 1 and span[-1].lower_ in ORG_LAST_WORDS:
        return "ORG"  # "U.S. Central Command"
    if label in {"ORG", "PERSON", "LOC", "FAC"} and resolve_country_code(text) is not None:
        return "GPE"  # "U.S." taken for an organisation, "Jordan" for a person: a country's name
    if label == "ORG" and len(span) > 1:
        known = knowledge.known_actor(text, "PERSON")
        if known is not None and known.type == "PERSON":
            return "PERSON"
    return label


def _place_country(name: str) -> str | None:
    candidates = lookup(name)
    return candidates[0].country if candidates else None
