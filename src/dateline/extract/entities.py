"""Canonical actors: every way an article refers to one person, organisation, place or group.

Three kinds of mention are gathered from one parsed ``Doc`` and clustered per article:

* names, from spaCy's entity recognizer ("Benjamin Netanyahu", "Netanyahu", "Hamas");
* descriptions, noun phrases headed by a role word ("an Egyptian official", "Israeli
  troops", "the group"), which are anonymous actors or point back to a named one;
* pronouns ("he", "their"), resolved to the nearest compatible antecedent, preferring the
  subject of the governing clause, with gender and number agreement.

No coreference model ships on PyPI, so resolution is rule-based: names here, descriptions and
pronouns in ``entity_descriptions``, the joins of one actor's names and descriptions in
``entity_links`` and the name rules in ``clusters``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans
from spacy.vocab import Vocab

from dateline import knowledge
from dateline.extract import lexicon
from dateline.extract.actor_codes import apply_knowledge, code_actors, country_mentions, org_sector_words
from dateline.extract.actor_codes import org_sector as sector_of_org_name
from dateline.extract.clusters import (
    ABBREVIATED_TITLES,
    NAME_LABELS,
    ORG_LAST_WORDS,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    Cluster,
    Mention,
    acts_as_agent,
    described_as_organisation,
    descriptions_of,
    known_org,
    name_text,
    name_words,
    names_a_person,
    opens_sentence,
    person_role,
    role_of,
)
from dateline.extract.entity_descriptions import (
    DescriptionReader,
    people_of_place,
    person_sector,
    place_country,
)
from dateline.extract.gazetteer import lookup
from dateline.extract.name_index import Surnames
from dateline.extract.places import resolve_country_code
from dateline.extract.text_spans import QuotedRegion, RegionIndex, quotations_of
from dateline.model import Entity, Place, Span

# Labels spaCy sometimes gives a surname it has already seen as a PERSON.
RELABEL_AS_PERSON = {"GPE", "ORG", "LOC", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
TITLE_QUALIFIERS = {
    "senior", "former", "deputy", "acting", "top", "veteran", "interim", "outgoing", "incoming",
    "then", "junior", "assistant", "chief", "high-ranking", "retired", "army", "military",
}  # fmt: skip
# Parts of speech no word of a name has, except when a sentence's start capitalises it.
NOT_NAME_WORDS = {"ADJ", "VERB", "ADV", "AUX", "NOUN", "ADP", "SCONJ", "CCONJ", "PRON", "INTJ", "PART"}
# Words no name ends in: "President Moise Shortly (before ...)", "the Nationality Act of (1952)".
TRAILING_WORDS = {"ADV", "ADP", "CCONJ", "SCONJ", "DET"}
# Words a sentence opens with before a name: "Beyond Ukraine, ...", "Despite Drosna's ...".
FUNCTION_WORDS = {"ADP", "ADV", "SCONJ", "CCONJ", "INTJ", "PART"}


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
    builder.join_known_as()
    apply_knowledge(builder.clusters, published)
    builder.credit_reporters(outlet)
    builder.collect_descriptions()
    builder.resolve_pronouns()
    builder.code_by_owners()
    builder.join_title_holders()
    code_actors(
        builder.clusters, [*country_mentions(places), *builder.nationality_mentions()], len(builder.text)
    )
    builder.join_governments()
    builder.join_peoples_as_states()
    builder.join_armed_groups()
    builder.join_armed_forces()
    return builder.finish()


class _Builder(DescriptionReader):
    def __init__(self, doc: Doc, places: Sequence[Place] = ()) -> None:
        super().__init__(doc)
        # Where find_places resolved a mention: its country, by the mention's start offset.
        self.place_country: dict[int, str] = {
            m.start: p.country for p in places if p.country for m in p.mentions
        }
        self.place_starts = {m.start for p in places for m in p.mentions}
        self.shown_places: set[str] = set()  # names the article shows to be places (folded)
        self.quotes: list[QuotedRegion] = quotations_of(doc)
        self.quoted = RegionIndex(self.quotes)
        self.sentence_of: list[int] = [0] * len(doc)
        for number, sent in enumerate(doc.sents):
            self.sentence_of[sent.start : sent.end] = [number] * (sent.end - sent.start)
        self.ent_at: dict[int, SpacySpan] = {t: e for e in doc.ents for t in range(e.start, e.end)}
        self.described: dict[tuple[str, ...], Cluster] = {}  # role words -> a qualified description
        self.unnamed: set[int] = set()  # words the recognizer named that are common words in lower case

    # -- names ---------------------------------------------------------------------------------

    def collect_names(self) -> None:
        ents = [e for e in self.doc.ents if e.label_ in NAME_LABELS | RELABEL_AS_PERSON]
        ents = _with_known_organisations(self.doc, ents)
        spans = [self._labelled(span, ent.label_) for ent in ents for span in self._name_parts(ent)]
        # A name the article once shows to be a place is a place wherever spaCy took it for a person.
        spans = [
            (span, "GPE" if label == "PERSON" and knowledge.fold(span.text) in self.shown_places else label)
            for span, label in spans
        ]
        # Longest names first, so "Netanyahu" later joins "Benjamin Netanyahu" whatever the order.
        surnames = Surnames(name_words(span) for span, label in spans if label == "PERSON")
        labelled = []
        for span, label in spans:
            if self._inside_title(span):
                continue
            words = name_words(span)
            if label not in {"PERSON", "KNOWN_ORG"} and not _known_body(span):
                if surnames.named_by(words):
                    label = "PERSON"  # a person's name, elsewhere a PERSON, taken for a place or a work
                elif names_a_person(span) and surnames.ending(words):
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
        self.join_acronyms()
        self.join_same_names()
        self.join_nationality_words()
        self.join_short_forms()

    def _unlabelled_speakers(self) -> None:
        """A name the recognizer missed that speaks ('Mehdiyev told jurors', 'said Oh Ei Sun') is a
        person, or an organisation when its last word or its description says so ('the Lowy
        Institute wrote', 'Open Hands, a rights group, said')."""
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
            body = described_as_organisation(token)
            if body and start > 0 and self.doc[start - 1].dep_ == "amod" and self.doc[start - 1].is_title:
                start -= 1  # "Open Hands, a rights group, said": the parser's adjective is the name's
            span = self.doc[start : token.i + 1]
            if (
                lexicon.country_code(span.text)
                or lookup(span.text)
                or self.used_tokens.intersection(range(start, token.i))
            ):
                continue
            if body or span[-1].lower_ in ORG_LAST_WORDS or known_org(span.text) is not None:
                self._add_named(span, "ORG")
            else:
                self._add_person(span)

    def _labelled(self, span: SpacySpan, label: str) -> tuple[SpacySpan, str]:
        """A name and what it names. Beyond ``_label``: a person spaCy took for something else when
        the article says who they are ("Drosnan President Mirko Tessal" read as a work of art: the
        name after the title; "its leader, Samira Ostel," read as an organisation)."""
        known = _known_label(span, label)
        unknown_person = label == "PERSON" and knowledge.known_actor(span.text, "PERSON") is None
        if unknown_person and known == label and described_as_organisation(span.root):
            return span, "ORG"  # "Velmar Watch, a rights group," read as a person
        if label == "PERSON" or known != label:
            return span, self._place_or(span, known)
        for i, token in enumerate(span[:-1]):
            role = lexicon.roles().get(token.lower_)
            rest = span[i + 1 :]
            if role is not None and role.single_person and all(t.text[:1].isupper() for t in rest):
                return rest, "PERSON"
        root = span.root
        described = [c for c in root.children if c.dep_ == "appos"] + (
            [root.head] if root.dep_ == "appos" else []
        )
        if names_a_person(span) and any(person_role(noun) for noun in described):
            return span, "PERSON"
        if self._titled_name(span) and span.start_char not in self.place_starts:
            return span, "PERSON"  # "Solo Mayor Hadi Rudyatmo" read as a place
        return span, self._place_or(span, known)

    def _titled_name(self, span: SpacySpan) -> bool:
        """A name shaped like a person's right after a capitalised title: 'Mayor Hadi Rudyatmo'."""
        if span.start == 0 or not names_a_person(span):
            return False
        before = self.doc[span.start - 1]
        role = lexicon.roles().get(before.lower_)
        return role is not None and role.single_person and before.text[:1].isupper()

    def _place_or(self, span: SpacySpan, known: str) -> str:
        """A place where find_places resolved one or the article says so ("residents of Dadaab",
        "the kingdom of Kaabu", which spaCy took for people), else ``known``: what the shipped
        knowledge says the name is, else spaCy's label."""
        before = self.doc[max(span.start - 3, 0) : span.start]
        of = len(before) >= 2 and before[-1].lower_ == "of"
        owner = before[-2].lower_ if of else ""  # "the kingdom of Kaabu", "the people of Drosna"
        owner_phrase = " ".join(t.lower_ for t in before[:-1]) if of and len(before) == 3 else ""
        resolved = span.start_char in self.place_starts and knowledge.known_actor(span.text, "PERSON") is None
        possessed = span.end < len(self.doc) and self.doc[span.end].tag_ == "POS"
        located = len(before) > 0 and before[-1].lower_ in LOCATIVE_PREPOSITIONS and not possessed
        # Only a country has a government or a central bank; an organisation may well be "in Congress".
        of_a_state = owner in STATE_WORDS or owner_phrase in STATE_WORDS
        placed = of_a_state and known in {"PERSON", "ORG"} or located and known == "PERSON"
        if (owner in REALM_WORDS or resolved or placed) and known in {"PERSON", "ORG", "GPE", "LOC"}:
            # "the kingdom of Kaabu", "residents of Dadaab" (found by find_places): shown a place
            self.shown_places.add(knowledge.fold(span.text))
            return known if known in {"GPE", "LOC"} else "GPE"
        return known

    def _unlabelled_surnames(self) -> None:
        """A surname the recognizer missed ('Quillon said...') still names the person seen before."""
        # The people known before this pass, matched by their words as they are at each question.
        people = {id(c) for c in self.clusters if c.type == "PERSON"}
        for token in self.doc:
            if token.pos_ != "PROPN" or token.ent_type_ or token.i in self.used_tokens:
                continue
            for width in (2, 1):
                span = self.doc[token.i : token.i + width]
                if span.end > len(self.doc) or any(t.ent_type_ or t.pos_ != "PROPN" for t in span):
                    continue
                # is_suffix(words, known) is one of the ways same_person matches: the index finds both.
                if any(id(c) in people for c in self.people.matches(name_words(span))):
                    self._add_person(span)
                    break

    def _trim(self, ent: SpacySpan) -> SpacySpan:
        start, end = ent.start, ent.end
        while start < end and self.doc[start].lower_ in {"the", "a", "an"}:
            start += 1
        while end > start and (self.doc[end - 1].tag_ == "POS" or self.doc[end - 1].is_punct):
            end -= 1
        if ent.label_ == "PERSON" and end - start >= 3 and lexicon.country_code(self.doc[start].text):
            start += 1  # "Resident Coordinator for Myanmar Andrew Kirkwood": the country ends the title
        return self.doc[start:end]

    def _name_parts(self, ent: SpacySpan) -> list[SpacySpan]:
        """The names in a recognised span: trimmed (``_trim``), cut where a sentence the parser ran
        on into the next one starts ("posted on X. The Taliban"), each part without the words only
        its place at a sentence's start capitalised ("Beyond Ukraine", "Moise Shortly"), and none
        that is no name at all (``_no_name``)."""
        span = self._trim(ent)
        parts = []
        start = span.start
        for token in span[1:] if ent.label_ != "PERSON" else []:
            before = self.doc[token.i - 1]
            opens = token.text[:1].isupper() and (token.pos_ == "DET" or token.pos_ in NOT_NAME_WORDS)
            if before.text.endswith(".") and before.lower_ not in ABBREVIATED_TITLES and opens:
                parts.append(self.doc[start : token.i])
                start = token.i
        parts.append(self.doc[start : span.end])
        trimmed = [self._trim(self._without_stray_words(part)) for part in parts]
        return [part for part in trimmed if len(part) and not self._no_name(part, ent)]

    def _without_stray_words(self, span: SpacySpan) -> SpacySpan:
        """A name without a sentence's opening preposition or adverb ("Beyond Marovia") or a
        trailing word of what follows ("President Veld Shortly before ...", "the Pellane Act of")."""
        start, end = span.start, span.end
        while start < end - 1 and opens_sentence(self.doc[start]) and self.doc[start].pos_ in FUNCTION_WORDS:
            start += 1
        while end > start + 1 and self.doc[end - 1].pos_ in TRAILING_WORDS and self.doc[end - 2].text != "-":
            end -= 1
        return self.doc[start:end]

    def _no_name(self, span: SpacySpan, ent: SpacySpan) -> bool:
        """What the recognizer took for a name but is none: no letter ("104"), no capital ("dawn",
        "salami"; unless a known name is written so), a disease or faith ("COVID-19"), or one word
        capitalised only because it opens a sentence and is no proper noun ("Coordinated raids")."""
        text = name_text(span)
        if not any(c.isalpha() for c in text) or lexicon.normalize(text) in lexicon.NOT_ACTOR_NAMES:
            return True
        if lexicon.country_code(text) is not None:
            return False  # "Kenyan", "Somali": a nationality word, whatever its part of speech
        known = known_org(text)
        # A known name of several words is one in lower case too ("the world court"); one word is
        # the common word ("age", "salami"), unless the name itself is written so ("dpa"); other
        # words in lower case describe ("the education ministry"): a description takes them up.
        several = known is not None and len(span) > 1
        if not several and not lexicon.written_as_name(text, known.name if known else "A"):
            self.unnamed.update(range(ent.start, ent.end))  # "the" too: a description takes it up
            return True
        word, label = span[0], ent.label_
        return (
            len(span) == 1
            and label not in {"NORP", "GPE", "LOC"}  # "Kembaran": a nationality word all the same
            and word.pos_ in NOT_NAME_WORDS
            and (word.pos_ != "NOUN" or label != "PERSON")  # a surname the tagger took for a noun
            and opens_sentence(word)
            and known is None
            and not lookup(text)
        )

    def _inside_title(self, span: SpacySpan) -> bool:
        """'State' in 'Secretary of State' is part of a role, not an organisation."""
        before = " ".join(t.lower_ for t in self.doc[max(span.start - 2, 0) : span.start])
        return before.endswith(("secretary of", "minister of", "ministry of")) and len(span) == 1

    def _add_person(self, span: SpacySpan) -> None:
        lowered = name_words(span)
        cluster = self._find_person(lowered)
        if cluster is None:
            cluster = self.new_cluster("PERSON", name_text(span), "person:" + " ".join(lowered))
            cluster.words = lowered
        elif len(lowered) > len(cluster.words):
            cluster.name, cluster.words = name_text(span), lowered  # the fullest form names the entity
        self.people.rename(cluster)
        title, code, sector, gender, title_start = self._title_before(span)
        if title:
            cluster.add_title(title)
        cluster.adopt(code, sector)
        cluster.gender = cluster.gender or gender
        self._apply_appositive(span, cluster)
        self.used_tokens.update(range(title_start, span.start))
        self._add_mention(cluster, span.start_char, span.end_char, span.root.i, "name", span)

    def _find_person(self, words: tuple[str, ...]) -> Cluster | None:
        """The latest named person ``same_person`` as ``words`` (every PERSON cluster is indexed)."""
        for cluster in reversed(self.people.matches(words)):
            if cluster.type == "PERSON" and not cluster.anonymous:
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
            alone = token.ent_iob_ != "I" and doc[i + 1].ent_iob_ != "I"  # not part of a longer name
            if title_tokens and alone and token.lower_ in org_sector_words():
                # "Army spokesperson X", "police chief X": the body the role serves, named by its kind
                title_tokens.insert(0, token)
                org_sector = org_sector or org_sector_words()[token.lower_]
                i -= 1
                continue
            if token.lower_ in TITLE_QUALIFIERS and title_tokens and token.ent_iob_ != "I":
                title_tokens.insert(0, token)
                i -= 1
                continue
            if token.tag_ == "POS" and i - 1 >= sent_start and doc[i - 1].ent_type_ in {"GPE", "ORG", "NORP"}:
                i -= 1  # "Israel's Prime Minister ...": the possessive joins the affiliation
                continue
            if token.ent_type_ in {"NORP", "GPE", "ORG"} and token.ent_type_ != "PERSON":
                ent_start = i
                while ent_start > sent_start and doc[ent_start].ent_iob_ == "I":
                    ent_start -= 1  # back to the name's first word
                if doc[ent_start].ent_iob_ != "B" and ent_start > sent_start:
                    break
                affiliation = doc[ent_start : i + 1]
                org = lexicon.org_as_written(affiliation.text)
                found = org.code if org else lexicon.country_code(affiliation.text)
                code = code or found
                if org is not None:
                    org_sector = org_sector or org.sector
                if title_tokens:  # "Army spokesperson X": the sector its kind of body gives
                    org_sector = org_sector or sector_of_org_name(affiliation.text)
                i = ent_start - 1
                continue
            break
        honorifics = {"mr.", "mrs.", "ms.", "mr", "mrs", "ms", "dr.", "dr"}
        shown = [t for t in title_tokens if t.lower_ not in honorifics]
        title = " ".join(t.text for t in shown) if shown else ""
        if title_tokens or code:
            sector = person_sector(role_sector, org_sector)
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
        candidates = descriptions_of(root)
        for noun in candidates:
            role = role_of(noun)
            if role is None or noun.i in self.used_tokens:
                continue
            chunk = self._noun_phrase(noun)
            words = [t for t in chunk if t.lower_ in TITLE_QUALIFIERS or t.i == noun.i]
            cluster.add_title(" ".join(t.text for t in words))
            code, org_sector = self._affiliation_in(chunk)
            cluster.adopt(code, person_sector(role.sector, org_sector))
            cluster.gender = cluster.gender or role.gender
            self.used_tokens.update(t.i for t in chunk)
            self._add_mention(cluster, chunk.start_char, chunk.end_char, noun.i, "description", chunk)

    def _add_named(self, span: SpacySpan, label: str) -> None:
        text = name_text(span)
        if label == "NORP":
            if span.root.dep_ in {"amod", "compound", "poss"} or span.root.pos_ == "ADJ":
                return  # "Israeli troops": a nationality that qualifies, not an actor by itself
            code = lexicon.country_code(text) or people_of_place(text)
            cluster = self._find_or_new(f"norp:{code or lexicon.normalize(text)}", "GROUP", text)
            cluster.plural = True
            cluster.adopt(code, None)
        elif label == "ORG":
            known = known_org(text)
            # One cluster for all of a known organisation's names ("VOA", "Voice of America"),
            # named, like every entity, by the fullest form the article uses.
            cluster = self._find_or_new(f"org:{knowledge.fold(known.name if known else text)}", "ORG", text)
            if len(text) > len(cluster.name):
                cluster.name = text
            if known is not None:
                cluster.adopt(known.code, known.sector, "knowledge")
        else:
            code = lexicon.country_code(text)
            if code is None and label == "GPE" and acts_as_agent(span.root):
                code = knowledge.capital_of(text)  # "Washington warned": the capital for the country
            if code is not None:
                cluster = self._find_or_new(f"country:{code}", "GPE", text)
                cluster.adopt(code, None, "knowledge")
            else:
                cluster = self._find_or_new(f"place:{knowledge.fold(text)}", label, text)
                place_code = self.place_country.get(span.start_char) or place_country(text)
                cluster.adopt(place_code, None, "name")
            if len(text) > len(cluster.name):
                cluster.name = text
        self._add_mention(cluster, span.start_char, span.end_char, span.root.i, "name", span)

    # -- affiliations --------------------------------------------------------------------------

    # -- the entities --------------------------------------------------------------------------

    def finish(self) -> EntityAnalysis:
        live = [c for c in self.clusters if c.mentions]
        live.sort(key=lambda c: min(m.start for m in c.mentions))
        text = self.text
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


# Words naming a kind of place before "of": "the kingdom of Kaabu", "the town of Beledweyne".
REALM_WORDS = {
    "kingdom", "empire", "town", "city", "village", "region", "province", "district", "state", "island",
    "islands", "republic", "capital", "port", "county", "emirate", "sultanate",
}  # fmt: skip
# What only a country or a place has: "the central bank of Karesh", "the people of Drosna".
STATE_WORDS = {
    "government", "people", "citizens", "parliament", "border", "borders", "territory", "north",
    "south", "east", "west", "central bank", "foreign ministry", "interior ministry", "defence ministry",
    "defense ministry",
}  # fmt: skip
# Prepositions of place no person is the object of: "smuggled in from Karesh", "troops in Drosna".
LOCATIVE_PREPOSITIONS = {"in", "into", "across", "throughout", "inside"}


def _known_label(span: SpacySpan, label: str) -> str:
    """spaCy's label, or what the shipped knowledge says the name is: "KNOWN_ORG" for an organisation
    spaCy took for a person or a place ("Boko Haram", "al-Shabab"), PERSON for a known person."""
    text = name_text(span)
    if label != "ORG" and known_org(text) is not None and lexicon.country_code(text) is None:
        return "KNOWN_ORG"
    if label == "PERSON" and len(span) > 1 and span[-1].lower_ in ORG_LAST_WORDS:
        return "ORG"  # "U.S. Central Command"
    if label in {"ORG", "PERSON", "LOC", "FAC"} and resolve_country_code(text) is not None:
        return "GPE"  # "U.S." taken for an organisation, "Jordan" for a person: a country's name
    if label == "PERSON" and len(span) == 1 and knowledge.capital_of(text) is not None:
        return "GPE"  # "warned Kyiv": a capital, unless the article names a person so (see collect_names)
    if label == "ORG" and len(span) > 1:
        known = knowledge.known_actor(text, "PERSON")
        if known is not None and known.type == "PERSON":
            return "PERSON"
    return label


@lru_cache(maxsize=4)
def _organisation_matcher(vocab: Vocab) -> PhraseMatcher:
    """The shipped organisations' names of two words or more, matched case-insensitively."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    names = {n for e in knowledge.organizations() for n in (e.name, *e.aliases) if len(n.split()) >= 2}
    matcher.add("ORG", [Doc(vocab, words=name.split()) for name in sorted(names)])
    return matcher


@lru_cache(maxsize=4)
def _one_word_organisation_matcher(vocab: Vocab) -> PhraseMatcher:
    """The shipped organisations' one-word names ("Fidesz", "Hezbollah", "PTI"), matched as
    written: folded to lower case, some would be common words."""
    matcher = PhraseMatcher(vocab, attr="ORTH")
    names = {n for e in knowledge.organizations() for n in (e.name, *e.aliases) if len(n.split()) == 1}
    matcher.add("ORG", [Doc(vocab, words=[name]) for name in sorted(names)])
    return matcher


def _name_in_running_text(token: Token) -> bool:
    """A capitalised word inside a sentence that the tagger reads as a name or, for a party or
    a group before a noun ("Fidesz spokesman"), as a modifier; at a sentence's start a capital
    says nothing ("Dawn broke", "Memorial services")."""
    return not token.is_sent_start and token.pos_ in {"PROPN", "ADJ"}


def _with_known_organisations(doc: Doc, ents: list[SpacySpan]) -> list[SpacySpan]:
    """spaCy's names, with the known organisations it split or missed ("Doctors" + "Without
    Borders" is "Doctors Without Borders", "Fidesz" left unnamed); where they overlap, spaCy's
    name stands against a one-word match and the longer name wins otherwise."""
    known = [
        SpacySpan(doc, start, end, label="ORG") for _, start, end in _organisation_matcher(doc.vocab)(doc)
    ]
    taken = {i for span in ents for i in range(span.start, span.end)}
    known += [
        SpacySpan(doc, start, end, label="ORG")
        for _, start, end in _one_word_organisation_matcher(doc.vocab)(doc)
        if start not in taken and _name_in_running_text(doc[start])
    ]
    if not known:
        return ents
    return sorted(filter_spans([*known, *ents]), key=lambda span: span.start)


def _known_body(span: SpacySpan) -> bool:
    """A country, a known organisation or an abbreviation ("U.N."): never a person's surname,
    though one be spelt the same ("Un")."""
    text = span.text
    dotted = len(text) > 2 and text.count(".") >= 2 and " " not in text
    return dotted or lexicon.country_code(text) is not None or known_org(name_text(span)) is not None
