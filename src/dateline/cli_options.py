"""Checks shared by the command-line apps (``dateline`` and ``dateline actors``)."""

from __future__ import annotations

import datetime as dt

import typer


def check_iso_date(value: str | None, option: str) -> None:
    """A date option is YYYY-MM-DD or absent; anything else is a usage error naming the option."""
    if value is None:
        return
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; write it as YYYY-MM-DD", param_hint=option
        ) from None
