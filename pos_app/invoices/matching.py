"""Which invoice an incoming transfer pays, when every invoice shares one merchant address.

Each open invoice asks for a unique on-chain amount: the som amount plus a tail below one tyiyn
(``allocate_tail``). A transfer of exactly that amount is matched. A transfer of any other amount
is attributed only when there is no doubt: exactly one unpaid invoice was open when it arrived
(the usual case at a counter, and how partial and over payments are caught). Anything else goes to
the unmatched inbox for the cashier.

A partly paid sale asks the rest by a second unique amount (``rest_base``: the rest plus a fresh
tail of this till, allocated like any invoice's), so paying the rest is an exact match to the same
invoice even when other sales are open or other tills share the address.

Several tills of one shop share the address but not their databases. Each till owns its own
class of tails (``TillSlot``: till k of n takes the tails t with t mod n == k mod n), so two
tills never ask the same amount, and a transfer whose tail belongs to another till is that till's
business (``other_till``), never this one's. With more than one till the "only open invoice takes
any amount" rule is off: an amount without a tail of this till cannot be attributed with
certainty, so it goes to the unmatched inbox.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from pos_app.core.errors import BadInput
from pos_app.core.money import BaseUnits
from pos_app.invoices.lifecycle import LATE_WATCH_SECONDS, InvoiceState


@dataclass(frozen=True)
class TailScheme:
    """How unique amounts are made for a token with ``decimals`` decimals."""

    unit: BaseUnits  # per tail step (0: the token cannot carry a tail)
    max_tail: int    # largest tail (a count of steps); tail * unit stays below one tyiyn

    @classmethod
    def for_decimals(cls, decimals: int) -> "TailScheme":
        if decimals <= 2:
            return cls(BaseUnits(0), 0)
        if decimals >= 6:
            # Steps of 0.000001 som: wallets that show 6 decimals still show the tail.
            return cls(BaseUnits(10 ** (decimals - 6)), 9999)
        return cls(BaseUnits(1), 10 ** (decimals - 2) - 1)

    def tail_of(self, value: BaseUnits, decimals: int) -> int | None:
        """The tail a transfer of ``value`` carries, or None (no room, or not a whole tail)."""
        if self.unit == 0:
            return None
        rest = value % (10 ** (decimals - 2))
        if rest % self.unit:
            return None
        tail = rest // self.unit
        return tail if 1 <= tail <= self.max_tail else None


MAX_TILLS = 20


@dataclass(frozen=True)
class TillSlot:
    """This till's place among the tills sharing the shop's address: till ``number`` of ``count``."""

    number: int = 1
    count: int = 1

    def __post_init__(self) -> None:
        if not (isinstance(self.number, int) and isinstance(self.count, int)
                and 1 <= self.number <= self.count <= MAX_TILLS):
            raise BadInput("The till number must be between 1 and the number of tills ({maximum} at most).",
                           maximum=MAX_TILLS)

    @property
    def shared(self) -> bool:
        return self.count > 1

    def owns(self, tail: int) -> bool:
        return tail % self.count == self.number % self.count

    def tails(self, scheme: TailScheme) -> range:
        """The tails this till may ask for, smallest first."""
        return range(self.number, scheme.max_tail + 1, self.count)

    def describe(self) -> str:
        return f"{self.number} of {self.count}"


def allocate_tail(amount_base: BaseUnits, scheme: TailScheme, taken_amounts: set[BaseUnits],
                  slot: TillSlot = TillSlot()) -> int:
    """Smallest tail of this till whose amount no watched invoice uses; 0 when the token has no room."""
    if scheme.unit == 0:
        if slot.shared:
            raise BadInput("This token has no room below one tyiyn to tell tills apart: give each till its"
                           " own shop address, or use one till.")
        return 0
    for tail in slot.tails(scheme):
        if amount_base + tail * scheme.unit not in taken_amounts:
            return tail
    raise BadInput("Too many open invoices for this same amount; wait for some to finish or expire.")


@dataclass(frozen=True)
class Candidate:
    """An invoice that may receive a payment."""

    id: int
    state: InvoiceState
    due_base: BaseUnits      # amount + tail: the unique amount asked for
    amount_base: BaseUnits
    paid_seen: BaseUnits
    created_at: int
    expires_at: int
    rest_base: BaseUnits | None = None   # the rest of a partly paid sale, asked by its own unique amount

    def asks(self, value: BaseUnits) -> bool:
        return value == self.due_base or (self.rest_base is not None and value == self.rest_base)


@dataclass(frozen=True)
class Match:
    invoice_id: int | None
    method: str          # "exact", "sole", "none", "other_till" (or "offline", by tx hash)


def match_transfer(value: BaseUnits, block_time: int, candidates: Iterable[Candidate], *,
                   slot: TillSlot = TillSlot(), scheme: TailScheme | None = None,
                   decimals: int | None = None) -> Match:
    """Pick the invoice a transfer of ``value`` at ``block_time`` pays, or none."""
    in_window = [c for c in candidates if c.created_at - 120 <= block_time <= c.expires_at + LATE_WATCH_SECONDS]
    if any(c.state == InvoiceState.INVALID and c.asks(value) for c in in_window):
        # An amount a cancelled sale asked (a rest paid late, an old QR) is that customer's money:
        # never another sale's by the "only open sale" rule; the cashier sees it in the inbox.
        return Match(None, "none")
    watched = [c for c in in_window if c.state != InvoiceState.INVALID]
    exact = [c for c in watched if c.asks(value)]
    if len(exact) == 1:
        return Match(exact[0].id, "exact")
    if slot.shared:
        # Several tills share the address: only an amount with this till's tail is ours for sure.
        tail = scheme.tail_of(value, decimals) if scheme is not None and decimals is not None else None
        if tail is not None and not slot.owns(tail):
            return Match(None, "other_till")
        return Match(None, "none")
    unpaid = [c for c in watched
              if c.state in (InvoiceState.NEW, InvoiceState.EXPIRED) and c.paid_seen < c.amount_base]
    if len(exact) > 1:
        # Only possible for tokens without room for a tail: prefer the single unpaid one.
        unpaid = [c for c in exact if c in unpaid]
    if len(unpaid) == 1:
        return Match(unpaid[0].id, "sole")
    return Match(None, "none")
