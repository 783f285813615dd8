"""Counted events that were no act that took place (invented sentences): an act in an indirect
question is still being decided or found out."""

from event_support import main_at


def test_act_someone_decides_whether_to_do_is_not_counted() -> None:
    assert (
        main_at(
            "Prosecutors in Oskel have two days to decide whether to seek Tomas Brell's detention.", "seek"
        )
        == []
    )
    assert (
        main_at(
            "Police in Dorvan said they would decide on Friday whether to seek warrants for the men.", "seek"
        )
        == []
    )
    assert (
        main_at(
            "The Pellane cabinet is weighing whether to expel the Kessarian ambassador.",
            "expel the Kessarian ambassador",
        )
        == []
    )
    # the whether clause is a condition of another verb: the act itself is told as done
    assert main_at(
        "Kessaria expelled the Marovian envoy on Monday, whether or not Dorvan objected.",
        "expelled the Marovian envoy",
    ) == ["SANCTION"]


def test_act_in_an_open_question_is_not_counted() -> None:
    assert (
        main_at(
            "Officials in Velmar are examining whether the Oskel Brigade attacked the convoy.", "attacked"
        )
        == []
    )
    assert (
        main_at("Marovia has not said whether it will impose sanctions on Dorvan.", "impose sanctions") == []
    )
    assert main_at("Lena Ruto asked if Kessaria would withdraw its troops from the border.", "withdraw") == []
    # an act told as done beside a question about another
    assert main_at(
        "Arno Veld said Pellane attacked the convoy and asked whether Dorvan would respond.", "attacked"
    ) == ["ASSAULT"]
