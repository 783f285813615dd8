"""How one article's clusters link up: one actor under several names, titles and descriptions
joined to the person they describe, a person to the organisation they work for.

``ClusterLinks`` is a part of the entity builder (the builder in ``entities`` inherits it): it works on
the builder's clusters and mentions once the names are collected, and again once the descriptions
and pronouns are. Each join says in its docstring which news usage it reads.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Set as AbstractSet

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline import knowledge
from dateline.extract import lexicon
from dateline.extract.clusters import (
    AFFILIATION_PREPOSITIONS,
    ORG_LAST_WORDS,
    RANK_WORDS,
    STATE_FORM,
    SUBJECT_DEPS,
    Cluster,
    Mention,
    acts_as_agent,
    cluster_rank,
    descriptions_of,
    initials,
    known_org,
    same_office,
    state_name,
    title_words,
)
from dateline.extract.entity_book import EntityBook

# Endings that make a nationality word of a country's name: Karesh -> Kareshi, Valdoria -> Valdorian.
DEMONYM_SUFFIXES = ("ian", "an", "ese", "ish", "i", "n")
# Descriptions of a country's armed forces as a whole ("the army", "the military", "the junta").
ARMED_FORCES = {"army", "military", "junta", "forces"}
# Descriptions that name an office loosely ("the Israeli leader", "the Pakistani envoy") and the
# title words of the offices they can stand for.
_LEADERS = frozenset(
    {"president", "prime", "premier", "chancellor", "king", "emir", "leader", "chief", "head", "ayatollah"}
)
_ENVOYS = frozenset({"ambassador", "envoy", "representative", "rapporteur", "diplomat", "mediator"})
_HEADS_OF_ORGANISATIONS = frozenset({"director", "chairman", "chairwoman", "chairperson", "ceo"})
GENERIC_OFFICES = {
    "leader": _LEADERS,
    "chief": _LEADERS,
    "head": _LEADERS,
    "envoy": _ENVOYS,
    "diplomat": _ENVOYS,
}
# Descriptions that are a country's government, hence the country as an actor.
GOVERNMENT_HEADS = {"government", "regime", "administration", "authority"}
DOMINANT_GROUP_RATIO = 3
# "X, also known as Y", "X, known in China as Y", "X (a.k.a. Y)": Y is another name of X.
KNOWN_AS = re.compile(
    r",?\s*\(?(?:(?:also\s+)?known(?:\s+also)?(?:\s+in\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)?\s+as|a\.?k\.?a\.?)\s+"
)


def _name_words_and_initials(name: str) -> set[str]:
    """'Baloch Liberation Army' -> {'baloch', 'liberation', 'army', 'bla'}: what 'BLA insurgents'
    may call the group."""
    return {*knowledge.fold(name).split(), initials(name).lower()}


def _dominant(groups: list[Cluster]) -> list[Cluster]:
    """The armed group a story is about, when it names others in passing: the one mentioned at
    least ``DOMINANT_GROUP_RATIO`` times as often as any other (and at least that many times)."""
    if len(groups) < 2:
        return groups
    ranked = sorted(groups, key=lambda g: len(g.mentions), reverse=True)
    top, second = len(ranked[0].mentions), len(ranked[1].mentions)
    return ranked[:1] if top >= DOMINANT_GROUP_RATIO * max(second, 1) else ranked


def _offices_of(title: str) -> set[str]:
    """The offices a title holds: its words, and 'head' for an organisation's secretary-general,
    director or chair ('the head of MSF' is its Secretary General)."""
    words = set(title_words(title))
    if {"secretary", "general"} <= words or words & _HEADS_OF_ORGANISATIONS:
        words.add("head")
    return words


class _Offices:
    """Named people by the words of their titles (``_offices_of``, which holds ``title_words``):
    who may hold an office, looked up instead of asked of everyone. Titles only grow: ``refile``
    a person whose titles may have."""

    def __init__(self, people: list[Cluster]) -> None:
        self.people = people
        self.position = {id(p): at for at, p in enumerate(people)}
        self.words: dict[str, set[int]] = {}
        for person in people:
            self.refile(person)

    def refile(self, person: Cluster) -> None:
        at = self.position.get(id(person))
        if at is not None:
            for title in person.titles:
                for word in _offices_of(title):
                    self.words.setdefault(word, set()).add(at)

    def having(self, words: AbstractSet[str]) -> list[Cluster]:
        """The people with one of ``words`` in a title, in the order given (and only those may hold
        an office named by those words: see ``same_office``)."""
        found = set().union(*(self.words.get(word, set()) for word in words))
        return [self.people[at] for at in sorted(found)]


class _Staff:
    """Named people by the organisation they work for (``affiliation``, fixed by then)."""

    def __init__(self, people: list[Cluster]) -> None:
        self.people = people
        self.by_employer: dict[int, list[int]] = {}
        for at, person in enumerate(people):
            if person.affiliation is not None:
                self.by_employer.setdefault(id(person.affiliation), []).append(at)

    def working_for(self, employers: set[int]) -> list[Cluster]:
        """The people whose employer's id is one of ``employers``, in the order given."""
        found = sorted(at for employer in employers for at in self.by_employer.get(employer, []))
        return [self.people[at] for at in found]


class _NameForms:
    """Names (as words) by place, filed by their words, by what ends them (``is_suffix``) and by what
    starts them (a proper prefix): ``same[w]``, ``ending[w]`` and ``starting[w]`` are the places of
    the names that are, end with or start with ``w``, in order."""

    def __init__(self, names: list[tuple[str, ...]]) -> None:
        self.words = names
        self.same: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
        self.ending: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
        self.starting: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
        for at, words in enumerate(names):
            self.same[words].append(at)
            for k in range(1, len(words)):
                self.ending[words[-k:]].append(at)
                self.starting[words[:k]].append(at)


def _named_people_by_start(mentions: list[tuple[Mention, Cluster]]) -> dict[int, Cluster]:
    return {m.start: c for m, c in mentions if c.type == "PERSON" and not c.anonymous and m.kind == "name"}


def _person_names_by_head(mentions: list[tuple[Mention, Cluster]]) -> dict[int, Cluster]:
    return {m.head: c for m, c in mentions if c.type == "PERSON" and m.kind == "name"}


class ClusterLinks(EntityBook):
    """The joins and links of the entity builder; it holds the state they work on."""

    ent_at: dict[int, SpacySpan]
    place_country: dict[int, str]
    sentence_of: list[int]  # token index -> the number of its sentence

    def join_same_names(self) -> None:
        """One name is one actor in an article, however spaCy labelled each mention: 'Hamas' as an
        organisation and as a place, a capital acting once and named as a place elsewhere."""
        by_name: dict[str, Cluster] = {}
        capitals = {c.code: c for c in self.clusters if c.key.startswith("country:")}
        organisations = {knowledge.fold(c.name): c for c in self.clusters if c.type == "ORG" and c.mentions}
        for person in [c for c in self.clusters if c.type == "PERSON" and c.mentions and not c.anonymous]:
            same = organisations.get(knowledge.fold(person.name))
            if same is not None:
                self.merge(person, same)  # "Zanu PF" read once as a person, once as a party
        union = organisations.get("european union")
        for cluster in [c for c in self.clusters if c.mentions and c.type != "PERSON" and not c.anonymous]:
            names = {state_name(knowledge.fold(self.text[m.start : m.end])) for m in cluster.mentions}
            if (
                union is not None
                and names == {"europe"}
                and any(acts_as_agent(self.doc[m.head]) for m in cluster.mentions)
            ):
                self.merge(cluster, union)  # "Europe will respond" in a story about the EU
                continue
            if cluster.key.startswith("place:"):
                code = knowledge.capital_of(cluster.name)
                country = capitals.get(code) if code else None
                if country is not None and self._named_in(country, cluster.name):
                    self.merge(cluster, country)  # "Washington warned ... talks in Washington"
                    continue
            target = next((by_name[n] for n in names if n in by_name), None)
            if target is None:
                by_name.update(dict.fromkeys(names, cluster))
                continue
            state = any(STATE_FORM.match(knowledge.fold(c.name)) for c in (cluster, target))
            if cluster_rank(cluster) > cluster_rank(target):
                self.merge(target, cluster)
                by_name.update(dict.fromkeys(names | {k for k, v in by_name.items() if v is target}, cluster))
                target = cluster
            else:
                self.merge(cluster, target)
            if state and target.code is None:
                target.type = "GPE"  # "the Republic of Drosna ... Drosna": a state, however labelled

    def _named_in(self, cluster: Cluster, name: str) -> bool:
        """Whether one of the cluster's mentions is ``name``: a capital that stood for its country."""
        folded = knowledge.fold(name)
        return any(knowledge.fold(self.text[m.start : m.end]) == folded for m in cluster.mentions)

    def join_nationality_words(self) -> None:
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
                    self.merge(cluster, country)
                    country.type = "GPE"
                    if not country.key.startswith("country:"):
                        self.rekey(country, f"place:{knowledge.fold(country.name)}")
                    break

    def join_peoples_as_states(self) -> None:
        """'The Russians cannot abide by the ceasefire' in a story where Russia acts: a people named
        with 'the' and the plural of its nationality word is its country as an actor."""
        countries = {c.code: c for c in self.clusters if c.key.startswith("country:") and c.mentions}
        for cluster in list(self.clusters):
            country = countries.get(cluster.code or "")
            if (
                country is None
                or cluster is country
                or cluster.type not in {"GROUP", "NORP"}
                or not cluster.mentions
                or not all(self._as_the_people(m) for m in cluster.mentions)
            ):
                continue
            self.merge(cluster, country)

    def _as_the_people(self, mention: Mention) -> bool:
        """'the Russians': the mention is a plural nationality word, and 'the' comes right before it."""
        words = self.text[mention.start : mention.end]
        before = self.text[max(0, mention.start - 4) : mention.start].lower()
        return (
            before == "the "
            and " " not in words
            and words.endswith("s")
            and lexicon.country_code(words) is not None
        )

    def join_short_forms(self) -> None:
        """'the Wall Street Journal ... the Journal', 'U.S. Central Command ... Central Command',
        'VOA ... VOA Urdu', 'NATO ... the NATO alliance', 'the Democratic Alliance party ... the
        Democratic Alliance': a shorter form of the one organisation the article names in full."""
        orgs = [c for c in self.clusters if c.type == "ORG" and c.mentions]
        # The names (which merging leaves alone) by their words, the words that end them and those that
        # start them: each organisation looks up the others its name may be a form of.
        named = _NameForms([tuple(knowledge.fold(c.name).split()) for c in orgs])
        for at, cluster in enumerate(orgs):
            words = named.words[at]
            if not words:
                continue  # a name of no letters (a stray zero-width character spaCy took for a name)
            if len(words) == 2:
                whole = [orgs[k] for k in named.same[words[:1]] if k != at]  # "VOA Urdu", "NATO alliance"
                if len(whole) == 1 and whole[0].mentions:
                    self.merge(cluster, whole[0])
                    continue
            if len(words) == 1 or words[-1] in ORG_LAST_WORDS:
                fuller = [orgs[k] for k in named.ending[words] if k != at]  # "the Fund", "Central Command"
            else:
                fuller = [orgs[k] for k in named.starting[words] if k != at]
            if len(fuller) == 1 and fuller[0].mentions:
                self.merge(cluster, fuller[0])

    def join_acronyms(self) -> None:
        """'the National Intelligence and Security Agency ... NISA': an acronym of an organisation
        the article names in full is that organisation."""
        orgs = [c for c in self.clusters if c.type == "ORG" and c.mentions]
        by_initials: dict[str, list[Cluster]] = {}
        for cluster in orgs:
            by_initials.setdefault(initials(cluster.name), []).append(cluster)
        named = [c for c in self.clusters if c.mentions and not c.anonymous and c.type != "GPE"]
        for cluster in named:  # "ICE" read as a group or a person is still the acronym
            acronym = cluster.name.replace(".", "")
            if not (2 <= len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()):
                continue
            full = [c for c in by_initials.get(acronym, []) if c is not cluster]
            if len(full) == 1:
                self.merge(cluster, full[0])

    def join_known_as(self) -> None:
        """'Tomas Brell, also known as Abu Tarek', 'Arno Veld, known in Dorvan as
        the Fox': the name after 'known as' is another name of the one before it."""
        starts = {m.start: c for m, c in self.mentions if m.kind == "name"}
        for mention, cluster in list(self.mentions):
            if mention.kind != "name" or cluster.type not in {"PERSON", "ORG"}:
                continue
            link = KNOWN_AS.match(self.text, mention.end)
            other = starts.get(link.end()) if link else None
            if other is not None and other is not cluster and other.type in {"PERSON", "ORG", "GPE"}:
                self.merge(other, cluster)
                starts = {m.start: c for m, c in self.mentions if m.kind == "name"}

    def join_title_holders(self) -> None:
        """'The president' before the article names him, or never repeated with the name, is the one
        person the article gives that title: the description joins the named holder."""
        named = [c for c in self.clusters if c.type == "PERSON" and not c.anonymous and c.mentions]
        orgs = self._organisation_tokens()
        # The named people by the words of their titles and by employer, looked up per description
        # instead of scanned (a long article's descriptions times its people); titles grow below.
        offices, staff = _Offices(named), _Staff(named)
        for cluster in [c for c in self.clusters if c.type == "PERSON" and c.anonymous and c.head_lemma]:
            lemma = cluster.head_lemma or ""
            holders = [
                person
                for person in offices.having({lemma})
                if any(same_office(lemma, cluster.role_words, title) for title in person.titles)
                and not (cluster.code and person.code and cluster.code != person.code)
                and not self._owned_by_another(cluster, person)
            ]
            if len(holders) == 1:
                self.merge(cluster, holders[0])
                offices.refile(holders[0])
                continue
            holder = (
                self._named_right_after(cluster)
                or self._head_of(cluster, staff, orgs)
                or self._office_holder(cluster, offices)
                or self._named_after_lead(cluster, named)
                or self._named_in_coordinated_titles(cluster)
            )
            if holder is not None:
                self.merge(cluster, holder)
                offices.refile(holder)

    def _owned_by_another(self, description: Cluster, person: Cluster) -> bool:
        """Whether a description names whose office it is ("Valdoria's envoy") and the person's own
        descriptions name another owner ("Karesh's envoy ..., Faisal Dareen"): two envoys. The
        codes tell real countries apart; an uncoded party (a small group, an invented country) has
        only its name."""
        if not description.proper_words:
            return False
        owners = {
            folded
            for mention in person.mentions
            if mention.kind == "description"
            for token in self.doc.char_span(mention.start, mention.end, alignment_mode="expand") or []
            if token.pos_ == "PROPN" and token.i != mention.head and (folded := knowledge.fold(token.text))
        }
        # "Kareshi" and "Karesh", "Pakistani" and "Pakistan": one owner, named two ways
        return bool(owners) and not any(
            a.startswith(b) or b.startswith(a) for a in description.proper_words for b in owners
        )

    def _organisation_tokens(self) -> dict[int, Cluster]:
        """Token index -> the organisation whose mention covers the token."""
        return {
            token.i: c
            for m, c in self.mentions
            if c.type == "ORG"
            for token in self.doc.char_span(m.start, m.end, alignment_mode="expand") or []
        }

    def _head_of(self, cluster: Cluster, named: _Staff, orgs: dict[int, Cluster]) -> Cluster | None:
        """'The head of UNICEF' is the one person the article names as working for UNICEF
        ('Catherine Russell, UNICEF's executive director'); ``orgs`` maps tokens to organisations."""
        for mention in cluster.mentions:
            head = self.doc[mention.head]
            if (lexicon.roles().get(head.lower_) or lexicon.roles().get(head.lemma_.lower())) is None:
                continue
            of = [t for t in head.subtree if t.i > head.i and t.i in orgs]
            employers = {id(orgs[t.i]) for t in of}
            staff = named.working_for(employers)
            if len(staff) == 1:
                return staff[0]
        return None

    def _office_holder(self, cluster: Cluster, named: _Offices) -> Cluster | None:
        """'The Israeli leader' is the one Israeli the article names with a leader's title ('Prime
        Minister Benjamin Netanyahu'); 'the Pakistani envoy' the one Pakistani ambassador or envoy."""
        offices = GENERIC_OFFICES.get(cluster.head_lemma or "")
        if offices is None or cluster.code is None or cluster.coded_by != "phrase":
            return None
        titled = [p for p in named.having(offices) if any(offices & _offices_of(title) for title in p.titles)]
        holders = [p for p in titled if p.code == cluster.code]
        if len(holders) > 1 and cluster.sector:  # 'the Taliban chief', not the Afghan president
            holders = [p for p in holders if p.sector == cluster.sector]
        if not holders:  # the one titled person the article gives no country: 'Secretary General X'
            holders = [p for p in titled if p.code is None]
        return holders[0] if len(holders) == 1 else None

    def _named_after_lead(self, cluster: Cluster, named: list[Cluster]) -> Cluster | None:
        """'The U.N. mediator for Kessaria is urging ... . Arno Veld made his plea
        Tuesday': a lead that opens the story with a description as its subject names that person
        in the next sentence, as the next sentence's subject."""
        first = min(cluster.mentions, key=lambda m: m.start)
        if self.sentence_of[first.head] != 0 or self.doc[first.head].dep_ not in SUBJECT_DEPS:
            return None
        for person in named:
            opening = min(person.mentions, key=lambda m: m.start)
            if (
                self.sentence_of[opening.head] == 1
                and opening.kind == "name"
                and self.doc[opening.head].dep_ in SUBJECT_DEPS
                and not (cluster.code and person.code and cluster.code != person.code)
                and (cluster.gender is None or person.gender in {None, cluster.gender})
            ):
                return person
        return None

    def _named_in_coordinated_titles(self, cluster: Cluster) -> Cluster | None:
        """'the Dorvanian Canadian novelist and radio host Ann Vale': two titles joined by
        'and' before one name describe one person."""
        names = self._mention_table("coordinated", _person_names_by_head)
        for mention in cluster.mentions:
            head = self.doc[mention.head]
            for conjunct in head.children:
                holder = names.get(conjunct.i)
                if (
                    conjunct.dep_ == "conj"
                    and holder is not None
                    and any(
                        c.dep_ == "compound" and lexicon.roles().get(c.lower_) is not None
                        for c in conjunct.children
                    )
                ):
                    return holder
        return None

    def _named_right_after(self, cluster: Cluster) -> Cluster | None:
        """'The head of UNICEF, Catherine Russell, said': the person named right after a description
        (and its 'of' phrase), set off by a comma, is the one it describes."""
        starts = self._mention_table("right after", _named_people_by_start)
        for mention in cluster.mentions:
            head = self.doc[mention.head]
            end = max(t.idx + len(t.text) for t in head.subtree)
            gap = self.text[end : end + 3]
            for width in (2, 3):
                if gap[:width].strip() == "," and end + width in starts:
                    return starts[end + width]
        return None

    def join_armed_groups(self) -> None:
        """'Boko Haram ... the Islamist insurgents', 'al-Shabab ... the militants', 'Islamic State
        militants': fighters belong to the armed group their phrase names, or, named by no group, to
        the one armed group the article names."""
        groups = [c for c in self.clusters if c.type == "ORG" and c.sector == "REB" and c.mentions]
        for cluster in list(self.clusters):
            if not (cluster.anonymous and cluster.plural and cluster.sector == "REB"):
                continue  # not "a Hamas source"
            if cluster.proper_words:
                fits = [g for g in groups if cluster.proper_words <= _name_words_and_initials(g.name)]
            else:
                fits = _dominant(groups)
            if len(fits) == 1 and cluster.code in {None, fits[0].code}:
                self.merge(cluster, fits[0])

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
                self.merge(cluster, target)

    def code_by_owners(self) -> None:
        """'Somalia's foreign minister said his government would deploy police': a description a
        pronoun owns is of the country of whom the pronoun stands for, whatever country the story
        is set in. Run once pronouns are resolved, before the story's own country codes the rest."""
        pronouns = {m.head: c for m, c in self.mentions if m.kind == "pronoun"}
        for cluster in self.clusters:
            if cluster.code is not None or not cluster.anonymous:
                continue
            owners = [
                pronouns.get(c.i)
                for m in cluster.mentions
                if m.kind == "description"
                for c in self.doc[m.head].children
                if c.dep_ == "poss" and c.tag_ == "PRP$"
            ]
            code = next((o.code for o in owners if o is not None and o is not cluster and o.code), None)
            cluster.adopt(code, None)

    def join_governments(self) -> None:
        """A country's government is the country as an actor ("Kenya's government", "the Philippine
        government", "the regime" in a story set in North Korea): coders count them as one."""
        countries = {c.code: c for c in self.clusters if c.key.startswith("country:") and c.mentions}
        for cluster in list(self.clusters):
            words = knowledge.fold(cluster.name).split()
            if cluster.type == "ORG" and len(words) == 2 and words[1] in GOVERNMENT_HEADS and cluster.code:
                cluster.set_head_lemma(words[1])  # "the Iraqi Government" named as an organisation
            elif not (cluster.anonymous and cluster.head_lemma in GOVERNMENT_HEADS and cluster.code):
                continue
            if set(cluster.role_words) & RANK_WORDS or cluster.code in {"IGO", "NGO"}:
                continue  # "the former government", "the interim government": another actor
            if cluster.plural_noun and cluster.head_lemma != "authority":
                continue  # "both governments", "the two administrations" (not "the authorities")
            country = countries.get(cluster.code)
            if country is None:
                known = knowledge.country_actor(cluster.code)
                if known is None:
                    continue
                country = self.new_cluster("GPE", known.name, f"country:{cluster.code}")
                country.code, country.sector, country.coded_by = known.code, known.sector, cluster.coded_by
                countries[cluster.code] = country
            self.merge(cluster, country)

    def merge(self, source: Cluster, target: Cluster) -> None:
        moved = source.mentions
        for mention in moved:
            target.mentions.append(mention)
        source.mentions = []
        self._relabel(moved, source, target)
        target.adopt(source.code, source.sector, source.coded_by or "phrase")
        for title in source.titles:
            target.add_title(title)
        if target.type == source.type == "PERSON" and source.anonymous and source.head_lemma:
            target.add_title(source.head_lemma)  # "Pakistan's permanent representative, Munir Akram"

    def credit_reporters(self, outlet: str | None) -> None:
        """'X contributed to this report', 'X reported from Washington': the outlet's journalists."""
        known = known_org(outlet) if outlet else None
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

    def nationality_mentions(self) -> list[tuple[str, int]]:
        """(country, offset) of the nationality words ("Kenyan court"), for finding where the story is set."""
        return [
            (code, ent.start_char)
            for ent in self.doc.ents
            if ent.label_ == "NORP" and (code := lexicon.country_code(ent.text))
        ]

    def link_affiliations(self) -> None:
        """'X, a senior fellow at the Y Institute': the person works for the organisation;
        'the Y Center in Honolulu': the organisation is where the phrase places it."""
        orgs = self._organisation_tokens()
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
        phrases = descriptions_of(root)
        phrases += [c for c in root.children if c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPOSITIONS]
        for phrase in phrases:
            for token in phrase.subtree:
                if token.i in orgs and token.i != root.i:
                    return orgs[token.i]
                ent = self.ent_at.get(token.i)
                if ent is not None and ent.label_ == "ORG" and token.i in self.used_tokens:
                    # taken into the person's title ("UNICEF's executive director"), still the employer
                    known = known_org(ent.text)
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
                    ent = self.ent_at.get(place.i)
                    text = ent.text if ent is not None else place.text
                    start = ent.start_char if ent is not None else place.idx
                    return self.place_country.get(start) or lexicon.country_code(text)
        return None
