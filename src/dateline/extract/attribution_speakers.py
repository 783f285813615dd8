"""Who speaks at a cue: the subject behind it, the entity it names, its source type and medium.

A ``SpeakerFinder`` reads the voice of a reporting clause off the parse and mends the parser's
usual misreadings: a subject taken from inside the quotation ('"Anybody who ...," said
Sunshine'), a day taken for the subject ('X said Monday'), a think tank for the person of it, a
title for the person holding it, a name set off by commas, the subject of the first of two
coordinated verbs, the one quoted in 'quoted X as saying'. It then gives the speaker's span and
entity: a relative pronoun speaks for the noun its clause hangs on, a document for its author
(its owner, the body in its 'from' phrase, or whoever issued it earlier in the story); and the
source type (``source_type_of``) and the medium the words reached the article through ("told AFP",
"in an interview with CNN"; "told reporters" names an audience, not a channel). Pronouns a
speaker is left with are resolved later, across the article (``speakers``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.extract.attribution_lexicon import (
    AGENT_NOUNS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    MEDIUM_NOUNS,
    QUOTING_VERBS,
)
from dateline.extract.attribution_quotations import QUOTE_CHARS
from dateline.extract.clusters import Cluster
from dateline.extract.entities import EntityAnalysis
from dateline.extract.text_spans import QuotedRegion, RegionIndex, text_of
from dateline.model import Speaker

MAX_TOKENS_BACK_TO_DOCUMENT = 300  # how far back "the statement" may find the statement it is
MAX_WORDS_QUOTATION_TO_CUE = 40  # '"...," Trump, the front-runner ... after winning ..., said'


# Words for a share of a whole: someone when the whole is people ("most of the voters").
SHARE_WORDS = {
    "many", "most", "several", "some", "few", "other", "none", "majority", "minority", "half",
    "percent", "both", "all", "each", "third", "quarter", "plurality",
}  # fmt: skip
# Shares that stand for people on their own: "Many said ...", "Others argued ...".
PEOPLE_SHARES = {"many", "most", "several", "some", "few", "other", "majority", "minority", "plurality"}


class SpeakerFinder:
    """The speakers of one parsed text, with its entity analysis and quotations."""

    def __init__(self, doc: Doc, analysis: EntityAnalysis, regions: list[QuotedRegion]) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.analysis = analysis
        self.regions = regions
        self.quoted = RegionIndex(regions)  # asked at every cue: bisection, not a scan of all

    def subject_of(self, verb: Token) -> Token | None:
        """Who speaks at ``verb``: its parsed subject, mended where the parse is known to misread."""
        subject = self._parsed_subject(verb)
        if subject is not None and self.quoted.contains(subject.idx) and not self.quoted.contains(verb.idx):
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
            if token.dep_ == "nsubj" and not self.quoted.contains(token.idx) and self.is_agent(token):
                return token
        return None

    def _parsed_subject(self, verb: Token) -> Token | None:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            # Two subjects are a misparse ('Speaking in Oskel, Pellane, Brell went ...',
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
        if (reporter := _reporter_of_claim(verb)) is not None:
            return self._parsed_subject(reporter)
        if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
            # "voters were more likely to say ...", "Others were quick to say ...": who is so speaks.
            return self._parsed_subject(verb.head.head)
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
        """'U.N. Relief Chief for Kessaria Lena Ruto said', parsed with the title as
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
                    and not self.quoted.contains(token.idx)
                ):
                    return token
        return None

    def _actor_right_before(self, verb: Token) -> Token | None:
        """'Hours after the siege ended, Somalia's intelligence agency, or NISA, said ...' parsed
        with the agency as an object of the clause before: the actor named right before the
        verb, across a comma, is its subject."""
        before = [t for t in self.doc[max(verb.sent.start, verb.i - 2) : verb.i] if t.text != ","]
        if not before or before[-1].pos_ != "PROPN" or self.quoted.contains(before[-1].idx):
            return None
        found = self.analysis.mention_at(before[-1].i)
        return before[-1] if found is not None and found[1].type in {"PERSON", "ORG", "GPE"} else None

    def _name_after_quotation(self, verb: Token) -> Token | None:
        """The first name between the quotation that closes before ``verb`` and the verb:
        '"...," Ramos, 58, told AFP', '"...," Trump, the front-runner in the polls, said'."""
        region = self.quoted.last_ending_by(verb.idx)
        if region is None:
            return None
        if "\n" in self.text[region.end : verb.idx]:
            return None
        for token in self.doc[max(0, verb.i - MAX_WORDS_QUOTATION_TO_CUE) : verb.i]:
            if token.idx < region.end or token.is_punct or token.ent_type_ in {"DATE", "TIME", "CARDINAL"}:
                continue
            if token.pos_ in {"PROPN", "PRON"} or self.is_agent(token):
                return _name_head(token)
        return None

    def _name_before(self, verb: Token) -> Token | None:
        """The name right before a verb ('... campaign manager Jeff Weaver said Monday')."""
        for token in reversed(self.doc[max(0, verb.i - 4) : verb.i]):
            if token.is_punct or self.quoted.contains(token.idx):
                return None
            if token.pos_ in {"PROPN", "NOUN", "PRON"} and token.ent_type_ not in {"DATE", "TIME"}:
                return token
        return None

    def _name_after(self, verb: Token) -> Token | None:
        """The speaker of an inverted reporting clause ('said Louise Sunshine, who ...')."""
        for token in self.doc[verb.i + 1 : min(verb.i + 6, len(self.doc))]:
            if token.is_punct or self.quoted.contains(token.idx):
                return None
            if token.pos_ in {"PROPN", "NOUN", "PRON"} and token.ent_type_ not in {"DATE", "TIME"}:
                return _name_head(token)
        return None

    def name_after_role(self, noun: Token) -> Token:
        """'according to local resident Abel Warrow', parsed with the name apart from the role
        noun: the person named right after it is the source."""
        following = self.doc[noun.i + 1] if noun.i + 1 < len(self.doc) else None
        if noun.pos_ != "NOUN" or following is None or following.ent_type_ != "PERSON":
            return noun
        end = following.i
        while end + 1 < len(self.doc) and self.doc[end + 1].ent_iob_ == "I":
            end += 1
        return self.doc[end]

    def names_a_voice(self, head: Token) -> bool:
        """A voice by the word alone, whatever tag the misparse gave it ('Will wrote')."""
        return (
            self.is_agent(head)
            or head.lower_ in {"he", "she", "they", "we", "i"}
            or head.text[:1].isupper()
            and head.i > 0
            and head.is_alpha
        )

    def is_agent(self, subject: Token) -> bool:
        """Whether ``subject`` is someone (a person, a body, an agent noun), not something."""
        lemma = subject.lemma_.lower()
        if lemma in SHARE_WORDS:
            # 'Many of the delegates agreed', '62 percent of voters said', 'Most want ...': a share
            # of people is someone; of what, its "of" says, and a bare "many" or "most" means people.
            whole = next(
                (g for c in subject.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
                None,
            )
            return self.is_agent(whole) if whole is not None else lemma in PEOPLE_SHARES
        return self.analysis.is_agent(subject, AGENT_NOUNS)

    def speaker(self, subject: Token) -> tuple[Speaker, str | None]:
        """The speaker ``subject`` names (its span and entity) and its source type."""
        if subject.tag_ in {"WP", "WDT"}:
            # "Swanson, who vowed ...": the span is "who", the entity the noun the clause hangs on;
            # a noun the analysis knows no entity for is the speaker itself, never "who".
            noun = self._relative_antecedent(subject)
            if noun is None:
                return Speaker(subject.idx, subject.idx + len(subject.text), subject.text, None), None
            speaker, source_type = self.speaker(noun)
            return Speaker(
                subject.idx, subject.idx + len(subject.text), subject.text, speaker.entity
            ), source_type
        found = self.analysis.mention_at(subject.i)
        if found is not None:
            span, entity = found
            cluster = self.analysis.cluster_of(entity.id)
            return Speaker(span.start, span.end, span.text, entity.id), source_type_of(cluster)
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

    def side_speaker(self, side: SpacySpan, start: int) -> tuple[Speaker, str | None]:
        """The speaker named by a whole phrase ('President Alder', 'the editorial'), from ``start``
        on (a dash the tokenizer glued to the name is no part of it)."""
        found = self.analysis.mention_at(side[-1].i)
        if found is not None:
            return self.speaker(side[-1])
        speaker, source_type = self.speaker(side[-1])
        start = max(start, side.start_char)
        return Speaker(start, side.end_char, self.text[start : side.end_char], speaker.entity), source_type

    def headline_source(self, start: int, end: int) -> tuple[Speaker, str | None] | None:
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
            return speaker, source_type_of(self.analysis.cluster_of(found[1].id))
        return speaker, "document"

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

    def medium(self, verb: Token) -> str | None:
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


def source_type_of(cluster: Cluster) -> str | None:
    """The kind of source an entity is: media, a named or anonymous person, a group, an organisation."""
    if cluster.sector == "MED" and cluster.type == "ORG":
        return "media"
    if cluster.type == "PERSON":
        return "anonymous_person" if cluster.anonymous else "named_person"
    if cluster.type == "GROUP":
        return "unnamed_group"
    return "named_organization"


def _name_head(token: Token) -> Token:
    """The last word of the name ``token`` starts ('Louise' -> 'Sunshine'), which heads its mention."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


def _reporter_of_claim(verb: Token) -> Token | None:
    """'Lopez said the bridge was safe and noted that ...': a reporting verb with a clause of its own
    that the parser coordinated with the verb of the claim goes with the verb reporting that claim."""
    claim = verb.head
    if verb.dep_ != "conj" or claim.dep_ != "ccomp" or not claim.head.i < claim.i < verb.i:
        return None
    if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    reporter = claim.head
    return reporter if reporter.lemma_.lower() in CUE_VERBS and reporter.pos_ == "VERB" else None
