"""Event actors, fourth round, on invented sentences: "we", "I", "us" and "our" in a quotation are its
speaker, and "he" or "it" in words quoted verbatim is not.
"""

from __future__ import annotations

import pytest

from event_support import actor_names, event_at, record_of


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # "we" as subject, the attribution in a later sentence of the same quotation
        ('"We condemn the attack on the border post. We have urged Dorvan to punish the attackers," '
         "Marovian Foreign Minister Arno Veld said on Monday.", "condemn", "Arno Veld"),
        # a pronoun speaker resolved by the attribution stage stands behind "we" too
        ("Interior Minister Lena Brell spoke to reporters on Friday. \"We will keep working with the "
         'ministry of justice. These lawsuits are baseless," she said.', "working", "Lena Brell"),
        # "our" as the owner of a noun trigger
        ('Interior Minister Lena Brell spoke on Friday. "Our talks with Dorvan will resume next '
         'week," she said.', "talks", "Lena Brell"),
        # "I" as the doer of an infinitive of purpose
        ('"I went to the harbour to shoot the editor," Tomas Brell told the judges on Tuesday.', "shoot",
         "Tomas Brell"),
    ],
)  # fmt: skip
def test_the_first_person_in_a_quotation_is_its_speaker(text: str, trigger: str, actor: str) -> None:
    assert actor in actor_names(text, trigger)


def test_a_third_person_pronoun_quoted_verbatim_is_not_the_speaker() -> None:
    # the person the sentence before the quotation was about
    text = (
        'Arno Veld died on Sunday. "He opened fire on the soldiers at the gate," the district governor said.'
    )
    assert actor_names(text, "opened fire") == ["Arno Veld"]
    # or nobody named
    text = (
        'Gunmen stormed the market. "He opened fire on the soldiers at the gate," the district governor said.'
    )
    assert "district governor" not in actor_names(text, "opened fire")


@pytest.mark.parametrize(
    "text",
    [
        # the acronym is given in parentheses, then used alone (the parser reads it as a common noun)
        "The Marovian Border Agency (MBA) runs the camp. Last month, MBA at one point deported 40 "
        "detainees to Dorvan.",
        # or never spelt out as such: its initials say whose it is
        "Regional Asylum and Immigration Network runs the base. RAIN at one point deported 40 detainees "
        "to Dorvan.",
    ],
)
def test_an_acronym_names_the_organisation_again(text: str) -> None:
    record = record_of(text)
    names = {e.id: e.name for e in record.entities}
    assert [names[i] for i in event_at(record, "deported").actors] == [record.entities[0].name]


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # "their" as the owner of a noun trigger, the name earlier in the same quotation
        ('"The Kessarian army stopping Lena Ruto from entering Oskel shows that their crackdown on '
         'critics is widening," said Ann Vale of Press Watch.', "crackdown", "Kessarian army"),
        # "it" as subject, in the quotation's second sentence
        ('"Marovia has rejected the plan. It attacked the border posts on Sunday," Dorvan Foreign '
         "Minister Arno Veld said.", "attacked", "Marovia"),
    ],
)  # fmt: skip
def test_a_quoted_pronoun_is_the_name_before_it_in_the_quotation(text: str, trigger: str, actor: str) -> None:
    assert actor_names(text, trigger) == [actor]


def test_a_body_of_people_as_subject_is_an_actor() -> None:
    text = "Foreign and local aid organizations have condemned the detention of the doctor Tomas Brell."
    assert actor_names(text, "condemned") == ["Foreign and local aid organizations"]


def test_we_of_a_spokesperson_is_also_the_body_named_in_the_speaker() -> None:
    text = (
        'The Marovian Border Agency (MBA) runs the camp. "We will keep working with the ministry of '
        'justice. These lawsuits are baseless," an MBA spokesperson said.'
    )
    assert "Marovian Border Agency" in actor_names(text, "working")


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        # the one accused in the passive does what he is accused of
        ("Last year, Syrian agents were accused of plotting to kidnap the blogger Ann Vale.", "kidnap",
         "SYR"),
        # people of a nation are someone who can act
        ("Kenya accused Somali agents of attacking the border post.", "attacking", "SOM"),
    ],
)  # fmt: skip
def test_the_one_accused_of_an_act_does_it(text: str, trigger: str, code: str) -> None:
    record = record_of(text)
    codes = {e.id: e.code for e in record.entities}
    assert [codes[i] for i in event_at(record, trigger).actors] == [code]


def test_a_description_set_off_by_a_name_is_that_name() -> None:
    # the parser hangs the name on "agreements", not on "group"
    text = (
        "Veld said that new agreements between Kenya’s interim government and an armed group, the "
        "Velmar Liberation Front (VLF), are a welcome step."
    )
    assert "Velmar Liberation Front" in actor_names(text, "agreements")


@pytest.mark.parametrize(
    ("text", "trigger", "actor"),
    [
        # the owner of the subject just before
        ("Dorvan’s announcement came a day after it expelled two Marovian diplomats.",
         "expelled two Marovian diplomats", "Dorvan"),
        # the subject of the sentence before
        ("The Velmar Front held the town for a week. Then it attacked the army posts near Oskel.",
         "attacked", "Velmar Front"),
    ],
)  # fmt: skip
def test_it_as_subject_is_the_body_that_acted_just_before(text: str, trigger: str, actor: str) -> None:
    assert actor_names(text, trigger) == [actor]
