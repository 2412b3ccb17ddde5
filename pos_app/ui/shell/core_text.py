"""The core's error messages in the GUI's language: ``error_text(err)``.

The core (everything under ``pos_app/`` outside ``pos_app/ui/``) never imports Qt: it raises
``PosError("sale.there_invoice_number", invoice=7)``, a key from ``pos_app/core/messages.py`` and its
parameters. The one renderer (``pos_app/text/render.py`` ``Words``) turns it into words; here it
is given Qt's translator (the .qm files the app installed) and ``QLocale``'s way of writing
numbers, so the screens and the CLI read the same catalogue.

A test (``tests/core/test_messages.py``) fails when the core raises a key missing from the list.
"""
from __future__ import annotations

from pos_app.core.messages import CONTEXT, MESSAGES, NOUNS  # noqa: F401 - the catalogue, for tests
from pos_app.ui.shell.words import qt_translate, words  # noqa: F401


def error_text(err: BaseException) -> str:
    """``err`` in the installed language; its English ``user_message`` when that is not possible.

    Never raises: an unknown key, a missing or broken translation (a field lost or renamed) all
    give the English text the core wrote.
    """
    return words().error(err)


# Histories and the queue's reasons (pos_app/ui/shell/reasons.py).
from pos_app.ui.shell.reasons import history_text, queue_history_text, reason_text  # noqa: E402,F401


def queue_reason_text(reason: object) -> str:
    """An offline payment's last reason (``QueueItem.why``: a code and its parameters) in the
    cashier's words and language."""
    return reason_text(reason)  # type: ignore[arg-type]
