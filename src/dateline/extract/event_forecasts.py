"""Forecasts: a warning of what a thing may bring about is no threat. 'The steel makers' group
warned that further quota cuts could force layoffs', 'rights groups warned that the warrant could
prove hollow', 'senators warned that a merger could weaken the command': the warner foresees a
consequence no party in the clause carries out, so no one is threatened (PLOVER's THREATEN needs
an act someone says they or another party will do). On the train sets four such warnings were
extras, none counted. Decided here, for ``event_broad_verbs``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from dateline.extract.event_modality import FUTURE_AUX
from dateline.extract.event_parse import lemma_of, subject_of

# Helpers of what may come, as against what someone will do ('would retaliate', 'will close').
POSSIBILITY_AUX = frozenset({"could", "might", "may", "can"})
INTENT_AUX = frozenset(FUTURE_AUX | {"would", "'d"})
# Verbs that say how something turns out, not what anyone does: 'could prove hollow'.
OUTCOME_VERBS = frozenset({"prove", "be", "become", "remain", "turn", "end"})


def forecasts_a_thing(said: Token, is_party: Callable[[Token], bool]) -> bool:
    """Whether the content of a warning says what may come of a thing: a helper of possibility
    ('could', 'might', 'may') with a verb of how things turn out ('could prove hollow') or a
    subject that is no party ('quota cuts could force layoffs', 'several plants could face
    bankruptcy'). 'Warned that it could seize the refinery' (a party's 'it') and 'warned that
    the army would respond' stay threats."""
    helpers = {c.lower_ for c in said.children if c.dep_ == "aux"}
    if not helpers & POSSIBILITY_AUX or helpers & INTENT_AUX:
        return False
    if lemma_of(said) in OUTCOME_VERBS:
        return True
    subject = subject_of(said)
    return subject is not None and subject.pos_ in {"NOUN", "PROPN"} and not is_party(subject)
