"""Whether a cooperative act (AID, AGREE, CONCEDE, SUPPORT, COOPERATE) holds between parties
(``cooperative_act_holds``, which the trigger finder asks once a trigger is typed): not a payment to
a private cause, work with scholars or the press, words or a breach taken for support, the end of a
term of office, an eased epidemic rule, a court's ruling on one's own acts, a pledge of one's own
policy to no one. Which everyday sense an agreeing or meeting verb has is decided before, in
``event_cooperative_senses``.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract.entities import EntityAnalysis
from dateline.extract.event_non_political import thanks_no_party
from dateline.extract.event_parse import (
    is_person,
    lemma_of,
    objects_of,
    subject_of,
    things_done_to,
)
from dateline.extract.event_trigger_table import triggers
from dateline.extract.lexicon import NON_GIFTS

# -- whether a cooperative act is one a party does to another here ------------------------------
#
# The cooperative types are the least precise on real news: their verbs also tell of a career, a
# public-health rule, a court's ruling, what a camp is, a bribe or the reach of a weapon. An analyst
# counts an AID when a party gives aid, an AGREE when parties agree, a CONCEDE when one yields to
# another; these are the senses that are none of those (see ``cooperative_act_holds``).
COOPERATIVE_TYPES = frozenset({"AID", "AGREE", "CONCEDE", "SUPPORT", "COOPERATE"})
# Scholars and the press, whom one works with on a study or a story (_works_with_scholars_or_press).
SCHOLARS_AND_PRESS = frozenset(
    {"archaeologist", "archeologist", "researcher", "scientist", "scholar", "academic", "historian",
     "anthropologist", "university", "outlet", "newspaper", "journalist", "reporter", "magazine"}
)  # fmt: skip
# Leaving an office: a concession only when it yields to someone (CAMEO 0831, leadership change
# demanded); told as the end of a period of one's career ("until he resigned in October", "who
# stepped down in 2019") it is a fact of a biography, and the story's act is elsewhere.
LEAVING_OFFICE = frozenset({"resign", "step", "quit"})
BIOGRAPHY_MARKS = frozenset({"until", "till", "before", "since"})
# What makes a resignation one under pressure, which a relative clause may tell too.
PRESSURE_WORDS = frozenset({
    "pressure", "protest", "demand", "call", "scandal", "outcry", "criticism", "allegation", "amid",
    "force", "ultimatum", "resignation",
})  # fmt: skip
# Easing measures against an epidemic yields to no party: a government relaxes its own rules for
# its own people ("relaxing pandemic restrictions", "lifted its COVID-19 lockdown").
EASING_VERBS = frozenset({"ease", "lift", "relax", "loosen"})
EPIDEMIC_WORDS = frozenset({
    "pandemic", "covid", "covid-19", "coronavirus", "virus", "lockdown", "quarantine", "epidemic",
    "sanitary", "mask", "distancing", "outbreak",
})  # fmt: skip
# A court that lifts or grants something rules in law; it yields to no one ("a court lifted orders
# blocking the swearing-in").
COURTS = frozenset({"court", "judge", "tribunal", "justice", "magistrate"})
RULING_VERBS = frozenset({"lift", "grant", "ease", "waive", "allow", "permit", "authorize", "authorise"})
# What a leader or a body authorizes that is its own act, which no one asked of it ("authorized
# the deletion of the emails", "authorized a strike"): an order, not a concession. Authorizing a
# release, an entry or aid lets another party have what it wanted; authorizing a force or mission
# for a country is aid (``event_types``).
OWN_ACTS_AUTHORIZED = frozenset({
    "deletion", "destruction", "use", "deployment", "operation", "strike", "raid",
    "surveillance", "spending", "purchase", "search", "wiretap", "construction",
})  # fmt: skip
# Words, which help no one materially ("praise from Putin helps the U.S.").
SPOKEN_WORDS = frozenset({"praise", "criticism", "word", "rhetoric", "endorsement", "tweet", "attention"})
# What an act is done in breach of: no aid, a violation ("helped them obtain chips in violation of").
BREACHES = frozenset({"violation", "breach", "defiance", "contravention"})
# Who pays for a group, told of it as a participle ("the group, funded by major donors").
FUNDING_VERBS = frozenset({"fund", "finance", "bankroll", "sponsor"})
# Places that house people: what a camp "shelters" or "offers" is what it is, no one's aid.
HOUSING_PLACES = frozenset({
    "camp", "centre", "center", "shelter", "facility", "hospital", "clinic", "settlement", "site",
    "compound", "haven",
})  # fmt: skip
# Verbs of giving money: to a campaign, a candidate, a foundation or a school it is a political
# contribution or a gift, which PLOVER does not count as aid between political actors.
MONEY_VERBS = frozenset({
    "donate", "fund", "finance", "bankroll", "lend", "loan", "give", "contribute", "provide",
})  # fmt: skip
# Who receives a contribution or a gift rather than aid: a campaign and its committees, a
# charity or a foundation (a hospital or a school a state pays for abroad may well be aid).
PRIVATE_CAUSES = frozenset({
    "campaign", "pac", "candidacy", "candidate", "nominee", "convention", "fundraiser", "foundation",
    "charity",
})  # fmt: skip
# What makes a campaign an electoral one, not a vaccination or a relief campaign.
ELECTORAL_WORDS = frozenset({
    "presidential", "election", "electoral", "reelection", "re-election", "senate", "congressional",
    "primary", "political", "his", "her", "their", "its", "my", "our",
})  # fmt: skip
# What a weapon delivers is its payload ("able to deliver nuclear weapons"): with no one to receive
# them, a delivery of arms is a reach, not military aid.
PAYLOADS = frozenset({"weapon", "bomb", "warhead", "missile", "payload", "munition", "strike"})
# Delegates bound by a primary's result: "pledged delegates" are a kind, and nobody pledges here.
PLEDGED_KINDS = frozenset({"delegate", "superdelegate", "elector"})


def cooperative_act_holds(verb: Token, event_type: str, analysis: EntityAnalysis) -> bool:
    """Whether a verb of a cooperative type tells of an act a party does toward another here.

    Not so: a court's ruling; a relative clause that says what kind of people a plural means; a
    resignation that closes a period of one's career; easing measures against an epidemic;
    authorizing one's own act; words that 'help'; help given in breach of rules; the interviews one
    'granted'; who funds a group, told as a participle; a camp that shelters people; a weapon's
    reach; an offer to pay someone to do a deed (a hire or a bribe, no agreement); 'pledged
    delegates' (a kind of delegate: no one pledges anything)."""
    lemma = lemma_of(verb)
    if lemma in RULING_VERBS and event_type in {"CONCEDE", "AID"} and _court_rules(verb):
        return False  # "a court lifted orders", "in granting the group a right to discovery, a judge"
    if _defines_a_class(verb):
        return False  # "bloggers who praise China": a kind of people, no act of theirs
    if event_type == "CONCEDE":
        return not (
            (lemma in LEAVING_OFFICE and _ends_a_period(verb))
            or (lemma in EASING_VERBS and _eases_epidemic_rules(verb))
            or (lemma in {"authorize", "authorise"} and _orders_own_act(verb))
        )
    if event_type == "SUPPORT" and thanks_no_party(verb):
        return False  # "thanked the drivers", "praised the nurses", "thank God": no party backed
    if event_type in {"AID", "SUPPORT"} and _words_or_a_breach(verb):
        return False  # "praise from Putin helps the U.S.", "helped them obtain chips in violation of"
    if event_type == "AID" and verb.dep_ == "relcl" and lemma_of(verb.head) in NON_GIFTS:
        return False  # "the interviews she has granted"
    if event_type == "AID" and lemma in MONEY_VERBS and _pays_a_private_cause(verb, analysis):
        return False  # "donated $5,000 to Brell's campaign", "gave money to the Vale Foundation"
    if event_type == "AID" and lemma in FUNDING_VERBS and verb.dep_ == "acl" and verb.tag_ == "VBN":
        return False  # "the Future45 group, funded by major donors": who pays for a group, no act
    if event_type in {"AID", "AGREE"}:
        doer = subject_of(verb)
        if doer is not None and lemma_of(doer) in HOUSING_PLACES and doer.ent_type_ not in {"ORG", "GPE"}:
            return False  # "the two camps shelter 300,000 refugees"
    if event_type == "AID" and lemma == "deliver":
        payload = any(lemma_of(t) in PAYLOADS for t in things_done_to(verb))
        return not payload or bool(objects_of(verb, {"to"})) or any(c.dep_ == "dative" for c in verb.children)
    if event_type == "AGREE" and lemma in {"promise", "pledge"} and _pledges_own_policy(verb):
        return False  # "promised to review the concessions", "the aid she was promised": no pact
    if event_type == "AGREE" and lemma in {"offer", "promise"}:
        return not _offers_to_hire(verb)
    if event_type == "COOPERATE" and _works_with_scholars_or_press(verb):
        return False  # "an NGO that worked with the archaeologists", "worked with news outlets"
    # "won 300 pledged delegates" (read as a past tense): a kind of delegate, no pledge
    return not (event_type == "AGREE" and verb.dep_ == "amod" and lemma_of(verb.head) in PLEDGED_KINDS)


def _works_with_scholars_or_press(verb: Token) -> bool:
    """'An NGO that worked with the archaeologists', 'Vale worked with The Oskel Courier and other
    news outlets to expose the scheme': working with scholars or with the press on a dig, a study
    or a story is no cooperation between political parties ('worked with the Dorvan police')."""
    partners = objects_of(verb, {"with", "alongside"})
    partners += [c for t in partners for c in t.conjuncts]
    return any(lemma_of(t) in SCHOLARS_AND_PRESS for t in partners)


def _pays_a_private_cause(verb: Token, analysis: EntityAnalysis) -> bool:
    """'Donated $5,000 to Brell's campaign', 'gave money to Tomas Brell', 'funded the party's
    convention', 'was self-funding his campaign', 'funded a school in Oskel': money to a campaign,
    a candidate, a foundation or an institution is a contribution or a gift, not aid to a party
    ('donated vaccines to Dorvan', 'funded the UN's relief campaign')."""
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "self":
        return True  # "self-funding his campaign": a candidate's own money
    datives = [c for c in verb.children if c.dep_ == "dative"]  # "gave money to X" is read as one
    receivers = objects_of(verb, {"to", "for"}) + [
        g for d in datives for g in [d, *d.children] if g.dep_ != "dative" or g.pos_ != "ADP"
    ]
    if lemma_of(verb) in FUNDING_VERBS:
        receivers += things_done_to(verb)  # what is funded
    receivers += [c for r in receivers for c in r.children if c.dep_ == "poss"]  # "Brell's campaign"
    return any(_private_cause(r, analysis) for r in receivers)


def _private_cause(token: Token, analysis: EntityAnalysis) -> bool:
    lemma = lemma_of(token)
    if lemma == "campaign":
        return any(
            lemma_of(c) in ELECTORAL_WORDS or c.lower_ in ELECTORAL_WORDS or is_person(c, analysis)
            for c in token.children
        )
    if lemma in PRIVATE_CAUSES or token.lower_ in {"pac", "pacs"}:
        return True
    return is_person(token, analysis) and token.dep_ != "poss"


def _defines_a_class(verb: Token) -> bool:
    """'Foreign bloggers who praise China gain followers', 'firms that supply the army': a relative
    clause in the present that says which people a bare plural means describes a kind of people,
    not an act done ('the envoys who praised Dorvan on Monday' tell of one)."""
    head = verb.head
    return (
        verb.dep_ == "relcl"
        and verb.tag_ in {"VBP", "VBZ"}
        and head.tag_ in {"NNS", "NNPS"}
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in head.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


def _words_or_a_breach(verb: Token) -> bool:
    """'Praise from Putin helps the U.S.': words help no one materially. 'Had helped China's
    military obtain chips in violation of export controls': what is told is a breach of rules."""
    doer = subject_of(verb)
    if doer is not None and lemma_of(doer) in NON_GIFTS | SPOKEN_WORDS:
        return True
    return any(
        lemma_of(t) in BREACHES
        for c in verb.subtree
        if c.dep_ == "prep" and c.lower_ == "in"
        for t in c.children
    )


def _ends_a_period(verb: Token) -> bool:
    """'Headed the party until he resigned in October', 'Veld, who stepped down in 2019': the
    resignation dates a career. 'The minister, who resigned amid protests' still yields."""
    if verb.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in BIOGRAPHY_MARKS for c in verb.children)
    if verb.dep_ == "relcl":
        return not any(lemma_of(t) in PRESSURE_WORDS for t in verb.subtree)
    return False


def _eases_epidemic_rules(verb: Token) -> bool:
    things = things_done_to(verb) + [
        g for c in verb.children if c.dep_ == "dobj" for g in objects_of(c, {"of"})
    ]
    words = [w for t in things for w in (t, *t.children)]
    return any(lemma_of(w) in EPIDEMIC_WORDS or w.lower_ in EPIDEMIC_WORDS for w in words)


def _court_rules(verb: Token) -> bool:
    """The doer is a court or a judge, also of a subjectless 'in granting ...' before the clause."""
    doer = subject_of(verb)
    if doer is None and verb.dep_ in {"pcomp", "advcl"}:
        main = verb.head.head if verb.dep_ == "pcomp" else verb.head
        doer = subject_of(main)
    return doer is not None and lemma_of(doer) in COURTS


def _orders_own_act(verb: Token) -> bool:
    if any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children):
        return False  # "authorized the aid agencies to enter": leave given to another party
    return any(lemma_of(t) in OWN_ACTS_AUTHORIZED for t in things_done_to(verb))


# A party named in what is pledged makes it a pledge toward that party ("deepen ties with Oskel").
NAMED_PARTIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def _pledges_own_policy(verb: Token) -> bool:
    """'Has promised to review all mining concessions', 'pledged that he would not run': a pledge
    to no one of a step that is no political act (no verb of the trigger table) is a stated plan,
    not an agreement; so is 'the compensation she was promised' (no one named as promising). A
    pledge to or naming a party ('promised Dorvan to withdraw', 'pledged to deepen ties with
    Oskel'), of a thing ('promised a ceasefire') or of an act ('pledged to free them') agrees."""
    children = list(verb.children)
    if any(c.dep_ in {"dative", "iobj"} for c in children) or objects_of(verb, {"to"}):
        return False
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in children)
    if passive or (verb.tag_ == "VBN" and verb.dep_ in {"relcl", "acl"}):
        return not any(c.dep_ in {"agent", "nsubj"} for c in children)
    steps = [c for c in children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"}]
    table = triggers()
    return (
        bool(steps)
        and not any(c.dep_ == "dobj" for c in children)
        and all((lemma_of(c), "VERB") not in table for c in steps)
        and not any(t.ent_type_ in NAMED_PARTIES for c in steps for t in c.subtree)
    )


def _offers_to_hire(verb: Token) -> bool:
    """'Offered to pay two men $500,000 to kill the journalist', 'promised to pay her relatives to
    lure her abroad': money for a deed someone is to do is a hire or a bribe, not an agreement
    between parties ('offered to pay Pellane's debts' gives aid)."""
    for paid in (c for c in verb.children if c.dep_ == "xcomp" and lemma_of(c) == "pay"):
        # the deed hangs on the payment or on the sum ("$500,000 to plan the murder")
        deeds = [t for t in paid.subtree if t.i > paid.i and t.dep_ in {"advcl", "xcomp", "relcl"}]
        if any(any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children) for t in deeds):
            return True
    return False
