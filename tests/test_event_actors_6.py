"""Event actors, sixth round, on invented sentences: the by-agent of a participle with no subject
of its own, a body of people named as the owner of a noun trigger, and a plural description in
apposition to coordinated names."""

from __future__ import annotations

import pytest

from event_support import actor_names


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        ("Backed by Marovia, the Velmar Front seized the Oskel airport on Monday.", "Backed", "Marovia"),
        ("Supported by Dorvan and funded by Kessaria, the rebels attacked Oskel.", "funded", "Kessaria"),
    ],
)  # fmt: skip
def test_a_participle_without_a_subject_is_done_by_its_by_agent(text: str, trigger: str, actor: str) -> None:
    assert actor_names(text, trigger) == [actor]


def test_a_body_owning_a_noun_trigger_acts() -> None:
    text = "The committee's demands for documents were ignored by the Dorvan ministry."
    assert actor_names(text, "demands") == ["committee"]


def test_a_plural_description_of_coordinated_names_stands_for_them_all() -> None:
    text = "Lena Ruto and Tomas Brell, two wealthy donors who are backing Arno Veld, met in Pellane."
    assert actor_names(text, "backing") == ["Lena Ruto", "Tomas Brell"]
    # a singular description is of the one name it follows
    text = "Lena Ruto met Tomas Brell, a wealthy donor who is backing Arno Veld, in Pellane."
    assert actor_names(text, "backing") == ["Tomas Brell"]
