"""One exception root for the app.

Every error the app raises on purpose is a ``PosError`` carrying ``user_message``: one sentence a
cashier can act on. The CLI prints it on stderr and the GUI shows it in place; neither shows a
traceback. Subclasses say which layer failed, so callers can decide whether to retry.

Messages are written as templates with named fields, ``NotFound("There is no invoice number
{invoice}.", invoice=7)``: ``user_message`` is the English text, while ``template`` and ``params``
let the GUI show the same sentence in Kyrgyz or Russian (the UI holds the translations; the core
never imports Qt).
"""
from __future__ import annotations


class PosError(Exception):
    """Base of every deliberate error; ``user_message`` is safe to show to a cashier."""

    def __init__(self, template: str, *, detail: str | None = None, **params: object) -> None:
        message = template.format(**params) if params else template
        super().__init__(message)
        self.template = template
        self.params = params
        self.user_message = message
        self.detail = detail  # technical context for logs, never shown as-is

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.user_message


class BadInput(PosError, ValueError):
    """Something typed, scanned, configured or loaded is not acceptable; nothing was changed."""


class ConfigError(BadInput):
    """A setting or network profile is invalid."""


class ChainError(PosError):
    """The blockchain node could not be used (down, refused, wrong network, odd answer)."""


class NodeUnavailable(ChainError):
    """No RPC URL of the profile answered; retry later."""


class WrongNetwork(ChainError):
    """The node belongs to another chain than the profile says."""


class StorageError(PosError):
    """The local database could not be opened, checked or written."""


class IllegalTransition(PosError):
    """A lifecycle change that the transition table forbids (a programming or data error)."""


class NotFound(BadInput):
    """The invoice, payment or profile named does not exist."""
