"""Invoice and offline-payment histories, and every state's label, in the GUI's language.

The core stores why a sale or an offline payment changed as a code and its parameters
(``pos_app/core/reasons.py``). The words for each code and state live once, in
``pos_app/text/words.py``; ``pos_app/text/render.py`` renders them. Here they are rendered with
Qt's installed translator (``pos_app.ui.shell.words``). Nothing is parsed: a text
without a code (a note a person typed, an old row the migration did not recognise) is shown as it
is.
"""
from __future__ import annotations

from typing import Any, Mapping

from pos_app.core.reasons import Reason
from pos_app.ui.shell.words import words
from pos_app.text.words import (  # noqa: F401 - the catalogue, for the screens and tests
    ACTORS, CONTEXT, DISPLAY, INVOICE_STATES, QUEUE_FAILURES, QUEUE_STATES, STATES_CONTEXT)


def _words():
    return words()


def actor_text(actor: str) -> str:
    return _words().actor(actor)


def reason_text(reason: "Reason | str | None") -> str:
    """A stored reason (a ``Reason``: code and parameters) in the cashier's words and language."""
    return _words().reason(reason)


def queue_failure_text(state: Any) -> str:
    """Why an offline payment in a failed ``state`` failed ("the network refused it" for any other)."""
    return _words().queue_failure(state)


def invoice_state_text(state: Any) -> str:
    """A sale's state as the cashier reads it (one label per state, everywhere)."""
    return _words().invoice_state(state)


def queue_state_text(state: Any) -> str:
    """An offline payment's state as the cashier reads it (one label per state, everywhere)."""
    return _words().queue_state(state)


def history_text(row: Mapping[str, Any]) -> str:
    """One invoice history row as a cashier reads it: "Waiting → Confirming: A payment arrived"."""
    return _words().history(row)


def queue_history_text(row: Mapping[str, Any]) -> str:
    """One offline payment's history row, like ``history_text`` with the queue's state words."""
    return _words().queue_history(row)
