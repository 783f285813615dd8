"""What the event filter reads off the spaCy parse around an event's trigger.

``event_filter.event_signals`` describes an event by its record; these signals add how its trigger
is said: after a modal ("could strike"), in a perfect ("has imposed", "had expelled"), under a
negation it is still counted with ("will not allow" as a REJECT), with an object of its own. Each
was kept because, added to the record's signals and trained by ``scripts/train_event_filter.py``,
it raised the out-of-fold ranking area on the held-out stories annotated by others AND lowered the
best held-out calibrated log loss, without lowering the area on the held-out real news (figures
below, each alone; the five together: area 0.736 -> 0.741, on the held-out real news 0.696 ->
0.699, log loss 0.5187 -> 0.5150).

Tried and dropped for failing one or both (area, log loss): the trigger's part of speech and
dependency label (0.732, 0.5213; crossed with the type 0.728, 0.5196); the verb's tag (0.7364,
0.5160, but real news 0.696 -> 0.685; crossed with the type 0.740, 0.5160, but real news 0.692
and 80 signals more: over-fitting the invented stories); "to" before it (0.736, 0.5185); a passive with or without a by-agent (0.736,
0.5194); an explicit subject and whether an actor covers it (0.734, 0.5191); the sentence's index,
length and events, a second event of its type in it (0.733, 0.5198); a relative, time or
conditional clause, a noun after "of"/"for" (0.733, 0.5201); a question, a sentence opening with
a quotation mark (0.735, 0.5192); beyond the list, the verb governing the trigger (0.733), an
adjective trigger (0.734) and a month or a year in its clause (0.732).

The gain is small beside the noise: resampling the held-out stories, the five add 0.005 to the
area, 90% of draws between -0.005 and +0.013.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.model import Event

# Auxiliary dependencies of a verb: "could" and "has" in "could have struck", "was" in "was struck".
_AUXILIARIES = frozenset({"aux", "auxpass"})


def parse_signals(event: Event, doc: Doc) -> dict[str, float]:
    """The parse signals of one event, read at its trigger's syntactic head (for "held talks", the
    verb); none when the trigger's offsets cover no word of ``doc``."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.is_space:
        return {}
    head = span.root
    # The trigger's word by its lemma ("denied" and "denies" one signal) and crossed with its type:
    # "fired" is right more often as an ASSAULT than as a COERCE. Replacing the record's last word
    # of the trigger ("assistance" of "provided technical assistance"), out of fold this raised the
    # ranking area from 0.752 to 0.766 on the held-out stories annotated by others, from 0.743 to
    # 0.756 on the held-out real news, and lowered the calibrated log loss from 0.5355 to 0.5251.
    # By modality too ("attack" reported is a claim, "attack" future a plan): with the sets grown to
    # 3,200 events, 0.759 -> 0.762 and 0.720 -> 0.729, log loss 0.5370 -> 0.5340.
    lemma = head.lemma_.lower()
    signals: dict[str, float] = {
        f"trigger={lemma}&type={event.type}": 1.0,
        f"trigger={lemma}&type={event.type}&modality={event.modality}": 1.0,
    }
    if _is_verb(head):
        auxiliaries = [c for c in head.children if c.dep_ in _AUXILIARIES]
        if any(c.tag_ == "MD" for c in auxiliaries):
            # "could strike", "would impose" left asserted by the modality: a possibility more
            # often than an act (weight -0.86). Area 0.7361 -> 0.7367, log loss 0.5187 -> 0.5176.
            signals["modal before the trigger"] = 1.0
        have = [c for c in auxiliaries if c.lemma_ == "have"]
        if head.tag_ == "VBN" and have:
            # "has imposed", "had expelled". Alone: area -> 0.7370, log loss -> 0.5184; beside the
            # past perfect its own weight is about nil, but the pair split the perfect in two.
            signals["perfect"] = 1.0
            if any(c.tag_ == "VBD" for c in have):
                # "had expelled": a story tells the steps that led to its news in the past perfect,
                # and analysts count them more often than the record's signals say (weight +0.58).
                # Area -> 0.7376, log loss -> 0.5171.
                signals["past perfect"] = 1.0
    if any(c.dep_ == "neg" for c in head.children):
        # A negation at a trigger still counted: mostly one the type took in instead of the
        # modality ("did not agree", "will not allow" coded as a REJECT), right less often (weight
        # -0.67). Area -> 0.7381, log loss -> 0.5174.
        signals["negation at the trigger"] = 1.0
    if any(c.dep_ == "dobj" for c in head.children):
        # An act done to something named ("imposed sanctions", "expelled the envoy"), not a verb
        # used alone: right more often (weight +0.28). Area -> 0.7369, log loss -> 0.5182.
        signals["trigger has an object"] = 1.0
    return signals


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")
