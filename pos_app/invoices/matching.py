"""Which invoice an incoming transfer pays, when every invoice shares one merchant address.

Each open invoice asks for a unique on-chain amount: the som amount plus a tail below one tyiyn
(``allocate_tail``). A transfer of exactly that amount is matched. A transfer of any other amount
is attributed only when there is no doubt: exactly one unpaid invoice was open when it arrived
(the usual case at a counter, and how partial and over payments are caught). Anything else goes to
the unmatched inbox for the cashier.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from pos_app.errors import BadInput
from pos_app.invoices.lifecycle import LATE_WATCH_SECONDS, InvoiceState


@dataclass(frozen=True)
class TailScheme:
    """How unique amounts are made for a token with ``decimals`` decimals."""

    unit: int      # base units per tail step (0: the token cannot carry a tail)
    max_tail: int  # largest tail; tail * unit stays below one tyiyn

    @classmethod
    def for_decimals(cls, decimals: int) -> "TailScheme":
        if decimals <= 2:
            return cls(0, 0)
        if decimals >= 6:
            # Steps of 0.000001 som: wallets that show 6 decimals still show the tail.
            return cls(10 ** (decimals - 6), 9999)
        return cls(1, 10 ** (decimals - 2) - 1)


def allocate_tail(amount_base: int, scheme: TailScheme, taken_amounts: set[int]) -> int:
    """Smallest tail whose amount no watched invoice uses; 0 when the token has no room."""
    if scheme.unit == 0:
        return 0
    for tail in range(1, scheme.max_tail + 1):
        if amount_base + tail * scheme.unit not in taken_amounts:
            return tail
    raise BadInput("Too many open invoices for this same amount; wait for some to finish or expire.")


@dataclass(frozen=True)
class Candidate:
    """An invoice that may receive a payment."""

    id: int
    state: InvoiceState
    due_base: int        # amount + tail: the unique amount asked for
    amount_base: int
    paid_seen: int
    created_at: int
    expires_at: int


@dataclass(frozen=True)
class Match:
    invoice_id: int | None
    method: str          # "exact", "sole", or "none"


def match_transfer(value: int, block_time: int, candidates: Iterable[Candidate]) -> Match:
    """Pick the invoice a transfer of ``value`` at ``block_time`` pays, or none."""
    watched = [c for c in candidates
               if c.state != InvoiceState.INVALID
               and c.created_at - 120 <= block_time <= c.expires_at + LATE_WATCH_SECONDS]
    exact = [c for c in watched if c.due_base == value]
    if len(exact) == 1:
        return Match(exact[0].id, "exact")
    unpaid = [c for c in watched
              if c.state in (InvoiceState.NEW, InvoiceState.EXPIRED) and c.paid_seen < c.amount_base]
    if len(exact) > 1:
        # Only possible for tokens without room for a tail: prefer the single unpaid one.
        unpaid = [c for c in exact if c in unpaid]
    if len(unpaid) == 1:
        return Match(unpaid[0].id, "sole")
    return Match(None, "none")
