"""One exception root for the app.

Every error the app raises on purpose is a ``PosError``: a **key** from the one list of what can
go wrong (``pos_app/core/messages.py``) and its parameters, ``NotFound("sale.there_invoice_number",
invoice=7)``. ``user_message`` is the English sentence (logs, tests); the words a cashier reads come
from the catalogue (``pos_app/text/``), which renders the key in the shop's language for the
screens and the CLI. Neither shows a traceback. Subclasses say which layer failed, so callers can
decide whether to retry.

A key missing from ``MESSAGES`` is a programming error: under the test suite (``SOMPOS_STRICT_TEXT=1``)
it raises at once; in a shop the text given is shown as it is rather than hiding the real error.
"""
from __future__ import annotations

import os
from typing import Any, Mapping

from pos_app.core.messages import MESSAGES

STRICT = os.environ.get("SOMPOS_STRICT_TEXT") == "1"


class UnknownMessage(KeyError):
    """An error was raised with a key ``pos_app/core/messages.py`` does not list."""


class PosError(Exception):
    """Base of every deliberate error; ``key`` and ``params`` say what, ``user_message`` in English."""

    def __init__(self, key: str, /, *, detail: str | None = None, **params: object) -> None:
        template = MESSAGES.get(key)
        if template is None:
            if STRICT:
                raise UnknownMessage(f"{key!r} is not a key of pos_app/core/messages.py")
            template = key          # a shop never loses the error over a missing key: its words
        message = template.format(**params) if params else template
        super().__init__(message)
        self.key = key
        self.template = template
        self.params = params
        self.user_message = message
        self.detail = detail  # technical context for logs, never shown as-is

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.user_message

    def as_json(self) -> dict[str, Any]:
        """The error as data: its key, its parameters (as JSON values) and the English line."""
        return {"code": self.key, "params": json_params(self.params), "message": self.user_message}


def json_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """A message's parameters as JSON values: numbers, text, true/false and null as they are,
    anything else (an amount as ``Decimal``, a path) as its text."""
    return {k: v if v is None or isinstance(v, (bool, int, str)) else str(v) for k, v in params.items()}


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
