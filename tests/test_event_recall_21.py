"""Material acts stated in two constructions the trigger table missed: prolonging emergency rule
('extended a state of emergency') imposes it anew (COERCE), and a relative pronoun object stands
for the noun its clause hangs on, so 'its embassy in Pellane, which it closed' closes an embassy
(SANCTION) as 'closed its embassy' does. Invented sentences."""

from event_support import main_types


def test_extending_a_state_of_emergency_is_coercion() -> None:
    assert "COERCE" in main_types("Marovia extended a state of emergency in four provinces on Monday.")


def test_prolonging_the_state_of_emergency_is_coercion() -> None:
    assert "COERCE" in main_types("Dorvan prolonged the state of emergency in Pellane for thirty days.")


def test_extending_a_deadline_is_no_coercion() -> None:
    assert "COERCE" not in main_types("Marovia extended the deadline for the new election law.")


def test_embassy_closed_in_an_aside_clause_is_a_sanction() -> None:
    text = "Dorvan has no plans to reopen its embassy in Pellane, which it closed last year."
    assert "SANCTION" in main_types(text)


def test_embassy_a_state_closed_in_a_relative_clause_is_a_sanction() -> None:
    assert "SANCTION" in main_types("The embassy that Kessaria closed in March still stands empty.")


def test_a_closed_meeting_is_no_sanction() -> None:
    assert "SANCTION" not in main_types("The meeting, which Oskel closed with a short speech, ran late.")
