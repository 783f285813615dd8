"""Who a word refers to: the speaker for "we" in a quotation, a pronoun's antecedent, a name given
again, the two sides "both countries" stands for.

``ArgumentFinder`` (``event_arguments``) asks a ``References`` for the entity a word stands for
where no mention of the entity stage covers it:

* "we", "I", "us" or "our" in a quotation: its speaker, and for "we" of a spokesperson also the
  body the speaker's own words name (``first_person_referents``);
* a pronoun the entity stage leaves alone (in quotations, and "it"): the nearest agreeing name
  before it (``antecedent``); in a speaker's own words "he" or "they" is never the speaker
  (``quoted_other``);
* an acronym or a name the parser missed: the entity the text already gave it to (``named_again``,
  ``name_of_word``);
* "both countries", "the two sides", "the two countries' leaders", "both" alone, "all three
  governments", "the sides": the ones named just before, ones named together first
  (``pair_referents``).
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

from dateline.extract import lexicon
from dateline.extract.entities import EntityAnalysis
from dateline.extract.entity_descriptions import PRONOUNS
from dateline.extract.event_parse import SUBJECTS, in_location_phrase, objects_of
from dateline.extract.text_spans import SpanOwners
from dateline.knowledge import capital_of
from dateline.model import Entity, Quote, Span

# First-person pronouns: in a quotation they stand for its speaker.
FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my", "myself"})

SINGULAR_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})  # only ever the speaker
COUNTRY_US = "US"  # in capitals the country, never "us"

# Third-person pronouns -> (gender, or "n" for things and "p" for plural; whether a person).
THIRD_PERSON = {**PRONOUNS, "it": ("n", False)}

# Words that are a mention of an entity but never its name: pronouns, also capitalised.
NOT_NAMES = frozenset(PRONOUNS) | FIRST_PERSON | {"it"}

# Last words of names that, after "the", most often mean a thing of their own: "the state" is
# seldom the Islamic State, "the house" seldom the White House.
NOT_NAME_HEADS = frozenset({
    "state", "house", "city", "country", "nation", "people", "world", "times", "post", "news",
    "office", "government", "republic", "kingdom", "coast", "east", "west", "north", "south",
})  # fmt: skip


# Plural nouns that, as "both ...", "the two ..." or "all three ...", stand for the actors named
# before: countries (a country or its capital: "Ankara ... Israel ... both countries"; a country's
# rulers or lawmakers stand for it: "both parliaments ratified", "the three juntas"), any sides,
# or armed ones ("both forces are to stay at their positions": a country, an armed group, a
# government; not "elders of the Warsangeli and Isaaq clans" named in between).
PAIR_NOUNS = {  # noun -> the kind of the ones it stands for
    "countries": "country", "nations": "country", "states": "country", "governments": "country",
    "neighbors": "country", "neighbours": "country", "capitals": "country",
    "parliaments": "country", "juntas": "country", "regimes": "country",
    "sides": "side", "parties": "side", "rivals": "side", "adversaries": "side", "groups": "side",
    "factions": "side", "camps": "side",
    "forces": "force", "armies": "force", "militaries": "force",
}  # fmt: skip
# Sectors of a named body that has forces of its own: an army, an armed group, the police, a government.
FORCE_SECTORS = frozenset({"MIL", "REB", "POL", "GOV"})
# "the sides", "the parties" with no number: the two named together before ("A and B ... the
# sides met"), never two names that merely come last ("the parties" is as often a story's
# political parties).
DEFINITE_PAIR_NOUNS = frozenset({"sides", "parties"})
# How many a counted reference stands for: "the two countries", "all three governments". Two to
# five, in words or digits: a larger count is seldom a list of names given before.
COUNT_WORDS = {
    form: value
    for word, value in lexicon.number_words("cardinal", least=2, most=5).items()
    for form in (word, str(value))
}
# Singular nouns that, as "each side" or "either country", stand for each of two actors named
# before: "with each side accusing the other" is an act of both.
EACH_NOUNS = {
    "side": "side",
    "party": "side",
    "country": "country",
    "nation": "country",
    "government": "country",
}


class References:
    """Who the words of one text refer to. ``quotes``: the attributions by their content spans ("we"
    in a quotation is its speaker)."""

    def __init__(self, analysis: EntityAnalysis, quotes: SpanOwners[Quote]) -> None:
        self.analysis = analysis
        self.quotes = quotes
        self._names: dict[str, str] | None = None  # one-word names -> their entity, read when first asked

    def first_person_referents(self, head: Token) -> list[str]:
        """'"We will keep working with the ministry," Veld said': "we", "I", "us" or "our" in a
        quotation is the one quoted (of the first quote holding it with a known speaker); "we" of a
        spokesperson is also the body the speaker's own words name ("a DHS spokesperson")."""
        if not first_person(head.text):
            return []
        quote = next((q for q in self.quotes.holding(head.idx) if q.speaker and q.speaker.entity), None)
        if quote is None or quote.speaker is None or quote.speaker.entity is None:
            return []
        speaker, words = quote.speaker.entity, quote.speaker
        span = head.doc.char_span(words.start, words.end, alignment_mode="expand")
        plural = span is not None and head.lower_ not in SINGULAR_FIRST_PERSON
        body = [b for w in (span if plural and span is not None else []) if (b := self.named_again(w))]
        return list(dict.fromkeys([speaker, *(b for b in body if b != speaker)]))

    def antecedent(self, pronoun: Token) -> str | None:
        """The name a pronoun the entity stage left alone stands for: the nearest agreeing name
        before it, never the speaker nor another argument of its own verb ("Veld told him").

        In words quoted verbatim, a name in the same quotation ('"The Taliban barring her shows that
        their crackdown goes on," Barr said'), and for a person also in the sentence before it ('Veld
        was killed. "He opened fire on a patrol," the chief said'). An unquoted "it" as subject, a
        body that acted in its own or the sentence before ("the agency received less than it sought"),
        and for an "It" opening its sentence the main subject of the sentence before."""
        agreement = THIRD_PERSON.get(pronoun.lower_)
        if agreement is None or pronoun.lower_.endswith(("self", "selves")):
            return None  # a reflexive is its own clause's subject ("blew themselves up")
        quote = next((q for q in self.quotes.holding(pronoun.idx) if q.kind == "direct"), None)
        if quote is not None:
            start = max(c.start for c in quote.content if c.start <= pronoun.idx)
            start = _sentence_before(pronoun.doc, start) if agreement[1] else start
        elif pronoun.lower_ == "it" and pronoun.dep_ in SUBJECTS:
            start = _sentence_before(pronoun.doc, pronoun.sent.start_char)
        else:
            return None
        speaker = quote.speaker.entity if quote is not None and quote.speaker else None
        types = {"PERSON"} if agreement[1] else {"ORG", "GPE", "GROUP"}
        before = [
            (mention.start, entity.id)
            for entity in self.analysis.entities
            if entity.type in types and entity.id != speaker and not entity.generic
            for mention in entity.mentions
            if start <= mention.start and mention.end <= pronoun.idx
            and not _same_verb(pronoun, mention) and (agreement[1] or _subject_mention(pronoun, mention))
        ]  # fmt: skip
        if quote is None and _opens_sentence(pronoun):
            # 'The ministry said the audit office had filed charges. It urged calm': an "it" that opens
            # its sentence goes on with the body the sentence before is about (the subject of its
            # main verb), not the last body named in what that one reported.
            before = [m for m in before if _main_subject(pronoun.doc, m[0])] or before
        return max(before)[1] if before else None

    def named_again(self, head: Token) -> str | None:
        """'Regional Asylum and Immigration Network ... Last month, RAIN deported 40 detainees': a
        name or acronym the text already gave one entity names it again where the parser tagged it
        no name (the small model reads a bare acronym as a common noun, and a family name opening a sentence:
        "Brell has accused Veld of ...")."""
        if not (
            head.pos_ == "PROPN"
            or (head.is_upper and len(head.text) > 1 and head.is_alpha)
            or (head.pos_ == "NOUN" and head.is_title and head.is_alpha)
        ):
            return None
        return self.name_of_word(head)

    def name_of_word(self, word: Token) -> str | None:
        """The entity a one-word name or acronym stands for, whatever the parser tagged it."""
        if self._names is None:
            self._names = _names_of(self.analysis.entities)
        return self._names.get(word.text)

    def name_head_again(self, head: Token) -> str | None:
        """'the Pellane Orthodox Church ... an accusation the church has rejected': a subject that is
        "the" and the last word of an organisation's name said before, and nothing else, is that
        organisation (the nearest one so named)."""
        words = [c for c in head.children if c.dep_ != "punct"]
        if head.tag_ != "NN" or head.lower_ in NOT_NAME_HEADS or [w.lower_ for w in words] != ["the"]:
            return None
        before = [
            (mention.start, entity.id)
            for entity in self.analysis.entities
            if entity.type == "ORG" and len(entity.name.split()) > 1
            and entity.name.split()[-1].lower() == head.lower_
            for mention in entity.mentions
            if mention.end <= head.idx
        ]  # fmt: skip
        return max(before)[1] if before else None

    def quoted_other(self, pronoun: Token) -> bool:
        """'"He opened fire on a patrol," the police chief said': in a speaker's own words, quoted
        verbatim, "he", "she", "it" or "they" is someone else (the speaker would say "I" or "we")."""
        return not first_person(pronoun.text) and any(
            q.kind == "direct" for q in self.quotes.holding(pronoun.idx)
        )

    def pair_referents(self, head: Token) -> list[str]:
        """'Both countries withdrew ambassadors', 'officials of the two sides met', 'the two
        countries' leaders met', 'a charge both deny', 'all three governments expelled': the ones
        named just before (in this sentence or the one before it), not the one who says so; ones
        named together ("A and B", "A, B and C") first."""
        found = self.analysis.mention_at(head.i)
        if found is not None and found[1].type != "GROUP":
            return []
        owners = [c for c in head.children if c.dep_ == "poss"]
        for noun in [head, *objects_of(head, {"of", "from"}), *owners]:
            word = _group_word(noun)
            if word is not None:
                return self._named_before(noun, word)
        return self._group_again(head, found[1]) if found is not None else []

    def _group_again(self, head: Token, entity: Entity) -> list[str]:
        """'Both governments have tried to calm things ... "The governments fight about maps"': the
        same noun said again, or a pronoun, of a group the entity stage made of "both ..." stands
        for the ones its first mention does."""
        first = entity.mentions[0] if entity.generic and entity.mentions else None
        span = head.doc.char_span(first.start, first.end, alignment_mode="expand") if first else None
        if span is None or span.root.i == head.i or span.root.idx > head.idx:
            return []
        if head.pos_ != "PRON" and head.lower_ != span.root.lower_:
            return []
        word = _group_word(span.root)
        return self._named_before(span.root, word) if word is not None else []

    def _named_before(self, head: Token, word: GroupWord) -> list[str]:
        """The entities of the word's kind (``PAIR_NOUNS``) it stands for, named before
        ``head``: in its sentence or the one before, and for countries also the one before that
        (only a country can be one of "the two countries"; any named body can be a side)."""
        sentence = head.sent
        start = _sentence_before(head.doc, sentence.start_char)
        if word.kind == "country":
            start = _sentence_before(head.doc, start)
        found = self._named_from(head, word, start)
        if not found and (word.kind == "country" or word.listed_only):
            # "relations between the two neighbors ... The two countries are negotiating": a story
            # about two countries may name only one of them, or their nationality words, in the
            # sentences just before; the two it named last anywhere before are the two. A word
            # that only ever means ones named together means them however far back ("killings in
            # Mali, Burkina Faso and Niger ... all three governments have expelled journalists";
            # "A and B clashed ... the sides accuse each other"). Not "both sides": "officers from
            # both sides" are as often two the nearby sentences name one by one, and a pair
            # named together far back is then others (the United States and Japan, not the Koreas).
            found = self._named_from(head, word, 0)
        return found

    def _named_from(self, head: Token, word: GroupWord, start: int) -> list[str]:
        """``_named_before`` within the text from character ``start``."""
        speakers = [
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
            for clause in [head, *head.ancestors]
            if clause.dep_ == "ccomp"
            for c in clause.head.children
            if c.dep_ in SUBJECTS
        ]
        # "The centre's director said both sides had agreed": the one who says so, and the body
        # his words name him by, are no side, wherever else they are named.
        saying = {
            entity.id
            for entity in self.analysis.entities
            for mention in entity.mentions
            if any(a <= mention.start < b for a, b in speakers)
        }
        with_places = sorted(
            (
                (mention.start, entity)
                for entity in self.analysis.entities
                if entity.id not in saying
                for mention in entity.mentions
                if start <= mention.start and mention.end <= head.idx
            ),
            key=lambda found: -found[0],
        )  # fmt: skip
        # "talks began in Doha", "a Doha-based centre": a place where something happened or is
        # based is no side; countries listed where something happened are still the countries
        # ("killings in Mali, Burkina Faso and Niger ... the three governments").
        places = {
            t.idx for t in head.doc if start <= t.idx < head.idx and (in_location_phrase(t) or _based_in(t))
        }
        named = [(position, entity) for position, entity in with_places if position not in places]
        listed = named if word.kind != "country" else with_places
        coordinated = self._coordinated(head.doc, listed, word)
        if coordinated or word.listed_only:
            return coordinated
        chosen: dict[str, tuple[int, Entity]] = {}
        for position, entity in named:
            key = _pair_key(entity, word.kind)
            if key is not None and key not in chosen:
                chosen[key] = (position, entity)
            if len(chosen) == 2:
                return [entity.id for _, entity in sorted(chosen.values(), key=lambda found: found[0])]
        return []

    def _coordinated(self, doc: Doc, named: list[tuple[int, Entity]], word: GroupWord) -> list[str]:
        """'accuse Marovia and Kessaria of arming the Front, a charge both deny': as many sides as
        the word says named together ("A and B", "A, B and C", nothing else conjoined) are the
        ones, though another name comes between them and the word for them. The last such list in
        ``named`` (latest first)."""
        positions = {position for position, _ in named}  # not a place, a speaker, or after the word
        tried: set[int] = set()
        for position, entity in named:
            end = next(m.end for m in entity.mentions if m.start == position)
            span = doc.char_span(position, end, alignment_mode="expand")
            members = _list_members(span.root) if span is not None else []
            if not members or members[0].i in tried or len(members) != word.number:
                continue
            tried.add(members[0].i)
            found = [self.analysis.mention_at(member.i) for member in members]
            mentions = [f for f in found if f is not None and f[0].start in positions]
            keys = {_pair_key(listed, word.kind) for _, listed in mentions}
            if len(mentions) == word.number and None not in keys and len(keys) == word.number:
                return [listed.id for _, listed in mentions]
        return []


def first_person(word: str) -> bool:
    """Whether a word is "we", "us", "our", "I", ... in any case but "US", the country."""
    return word.lower() in FIRST_PERSON and word != COUNTRY_US


def _sentence_before(doc: Doc, start: int) -> int:
    """Where the sentence before the one at character ``start`` begins (or that one, if first)."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.sent.start == 0:
        return start
    return doc[span.sent.start - 1].sent.start_char


def _subject_mention(pronoun: Token, mention: Span) -> bool:
    """Whether ``mention`` is a subject or its owner ("Kenya's announcement came"): "it" and "they"
    go on with a name that acted, not with one acted on or a place ("the deal has language where
    it talks")."""
    found = pronoun.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    root = found.root if found is not None else None
    subjects = SUBJECTS | {"nsubjpass"}
    return root is not None and (
        root.dep_ in subjects or (root.dep_ == "poss" and root.head.dep_ in subjects)
    )


def _opens_sentence(pronoun: Token) -> bool:
    """Whether the pronoun is the first word of its sentence ("It urged calm"), so that it carries
    on the topic of the sentence before, not a body named inside a clause of its own sentence."""
    return pronoun.i == pronoun.sent.start


def _main_subject(doc: Doc, start: int) -> bool:
    """Whether the mention at ``start`` is (or owns) the subject of its sentence's main verb, or of
    a verb joined to it ("Kenya's ministry said ... and added ..."), not of a clause it reports."""
    found = doc.char_span(start, start + 1, alignment_mode="expand")
    if found is None:
        return False
    root = found[0]
    while root.dep_ in {"compound", "amod", "det", "poss", "nmod"} and root.head != root:
        root = root.head
    if root.dep_ not in SUBJECTS | {"nsubjpass"}:
        return False
    verb = root.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _same_verb(pronoun: Token, mention: Span) -> bool:
    """Whether ``mention`` is another argument of the verb the (non-possessive) pronoun belongs to."""
    found = pronoun.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return found is not None and pronoun.dep_ != "poss" and found.root.head == pronoun.head


def _names_of(entities: list[Entity]) -> dict[str, str]:
    """One-word names -> the one entity that has them as a mention, or whose initials they are
    ('RAIN' for Regional Asylum and Immigration Network); a word two entities share names neither."""
    owners: dict[str, set[str]] = {}
    for entity in entities:
        if entity.type not in {"PERSON", "ORG", "GPE"}:
            continue
        words = [m.text for m in entity.mentions if " " not in m.text and m.text[:1].isupper()]
        if entity.type == "PERSON":
            # "Victor Manuel Quispe Alarcon ... Quispe rejected the ruling": any family name of a
            # person, not only the last (names with two family names, or a middle name used alone)
            words += [w for w in entity.name.split()[1:] if len(w) > 2 and w[:1].isupper() and w.isalpha()]
        capitals = [w[0] for w in entity.name.split() if w[:1].isupper()]
        if entity.type == "ORG" and len(capitals) > 1:
            words.append("".join(capitals))
        for word in words:
            if word.lower() not in NOT_NAMES or word == COUNTRY_US:
                owners.setdefault(word, set()).add(entity.id)
    return {word: next(iter(ids)) for word, ids in owners.items() if len(ids) == 1}


class GroupWord(NamedTuple):
    """What a word for several parties says of them: their kind ('country', 'side' or 'force'), how many
    they are, and whether only ones named together count ("the sides", "all three governments")."""

    kind: str
    number: int
    listed_only: bool


def _group_word(noun: Token) -> GroupWord | None:
    """'both countries', 'the two sides', 'all three governments', 'the sides': the parties a
    plural noun stands for; else None."""
    if noun.lower_ == "both" and noun.dep_ in SUBJECTS | {"nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"}:
        # "an accusation both deny", "both have denied it": the two sides, no noun said
        return GroupWord("side", 2, listed_only=False)
    words = {c.lower_ for c in noun.children if c.dep_ in {"det", "predet", "nummod"}}
    if noun.lower_ in EACH_NOUNS and words & {"each", "either"}:
        return GroupWord(EACH_NOUNS[noun.lower_], 2, listed_only=False)
    kind = PAIR_NOUNS.get(noun.lower_)
    # "both Afghan rivals" says whose they are itself.
    national = any(c.ent_type_ in {"NORP", "GPE"} for c in noun.children if c.dep_ in {"amod", "compound"})
    if kind is None or national:
        return None
    counts = [COUNT_WORDS[w] for w in words if w in COUNT_WORDS]
    if "both" in words:
        return GroupWord(kind, 2, listed_only=False)
    if len(counts) == 1 and words & {"the", "all", "these", "those"}:
        # "three countries abstained" is any three; "the three countries" are three named before,
        # and more than two only as a list ("Mali, Burkina Faso and Niger")
        return GroupWord(kind, counts[0], listed_only=counts[0] > 2)
    if noun.lower_ in DEFINITE_PAIR_NOUNS and words == {"the"}:
        return GroupWord(kind, 2, listed_only=True)
    return None


def _based_in(token: Token) -> bool:
    """'Doha' in 'the Doha-based centre': where a body is based."""
    rest = token.doc[token.i + 1 : token.i + 3]
    return len(rest) == 2 and rest[0].text == "-" and rest[1].lower_ == "based"


def _list_members(token: Token) -> list[Token]:
    """The names listed with ``token`` ("A and B", "A, B and C"), first to last: its conjuncts,
    also where the parser read the names after the first as its apposition ("Mali, Burkina Faso
    and Niger"). A name listed with no other is a list of one."""
    first = token
    while first.dep_ == "conj" or (first.dep_ == "appos" and first.head.pos_ == "PROPN"):
        first = first.head
    if first.dep_ in {"compound", "amod", "nmod"}:
        return []  # "elders from the Warsangeli and Isaaq clans": names that only say which clans
    members = [first, *first.conjuncts]
    for appos in (c for c in first.children if c.dep_ == "appos" and c.pos_ == "PROPN"):
        members += [appos, *appos.conjuncts]
    return sorted(dict.fromkeys(members), key=lambda member: member.i)


def _pair_key(entity: Entity, kind: str) -> str | None:
    """What makes two referents of a pair different: a country's code, else the entity."""
    if kind == "country":
        is_country = entity.type == "GPE" and bool(
            lexicon.country_code(entity.name) or capital_of(entity.name)
        )
        # a country's own name is the country whatever the entity stage typed it ("Tajikistan" as a
        # group), though its people ("Armenians") are not
        is_country = is_country or (entity.type in {"ORG", "GROUP"} and _country_name(entity.name))
        return entity.code if is_country and entity.code else None
    if entity.type not in {"GPE", "ORG", "GROUP"} or entity.generic:
        return None
    if kind == "force" and entity.type != "GPE" and entity.sector not in FORCE_SECTORS:
        return None
    return entity.code if entity.type == "GPE" and entity.code else entity.id


def _country_name(name: str) -> bool:
    """Whether ``name`` is a country's name, not a word for its people."""
    return lexicon.normalize(name) not in lexicon.demonyms() and lexicon.country_code(name) is not None
