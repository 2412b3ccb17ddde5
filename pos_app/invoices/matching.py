"""Which sale an incoming transfer pays, when every sale shares one merchant address.

Each open invoice asks for a unique on-chain amount: the som amount plus a tail below one tyiyn
(``allocate_tail``). Attribution is one rule set (``attribute``) over the evidence a till has
about a transfer, strongest first; a weaker rule is never used once a stronger one has spoken
(docs/architecture.md, "Which sale a payment belongs to", and tests/core/test_attribution.py
state the same rules as a table):

1. **Held**: the transfer settles an offline payment this till holds: its transaction hash, the
   token's ``AuthorizationUsed`` event for an authorization this till holds, or the same signed
   transaction number of the same customer (a wallet that sent it again with another fee). It is
   that sale's, whoever sent it.
2. **Asked**: a sale of this till asked exactly this amount within its watch window. It is that
   sale's if the sale is still waiting for money; otherwise (paid in full, paid offline,
   cancelled) it goes to the unmatched inbox with that sale as a hint, never to another sale.
3. **Tail**: the amount carries a tail. Another till's tail: that till's business. This till's
   tail, ever asked by this till: the inbox, with that sale as a hint. This till's tail on an amount
   within a fifth of what the one open sale asking with that tail still owes: that sale's (its
   customer typed a tip, or an exchange kept its fee: ``edited``). One of the first tails this
   till hands out, on an amount it never asked and near no open sale: another till uses this
   till's number (a twin): the inbox, and an alarm that stops settling by amount until a manager
   resolves it.
4. **Sole**: only at a shop with one till, with no alarm: the only unpaid sale open when the
   transfer was made takes any other amount (an edited, rounded or partial payment).
5. Anything else goes to the unmatched inbox for the cashier.

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
from pos_app.invoices.defaults import MAX_TILLS, TillSlot  # noqa: F401 - re-exported
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




def allocate_tail(amount_base: BaseUnits, scheme: TailScheme, taken_amounts: set[BaseUnits],
                  slot: TillSlot = TillSlot()) -> int:
    """Smallest tail of this till whose amount no watched invoice uses; 0 when the token has no room."""
    if scheme.unit == 0:
        if slot.shared:
            raise BadInput("sale.token_room_below_one")
        return 0
    for tail in slot.tails(scheme):
        if amount_base + tail * scheme.unit not in taken_amounts:
            return tail
    raise BadInput("sale.too_many_open_invoices")


@dataclass(frozen=True)
class Candidate:
    """A sale of this till that may receive a payment."""

    id: int
    state: InvoiceState
    due_base: BaseUnits      # amount + tail: the unique amount asked for
    amount_base: BaseUnits
    paid_seen: BaseUnits
    created_at: int
    expires_at: int
    rest_base: BaseUnits | None = None   # the rest of a partly paid sale, asked by its own unique amount
    offline: bool = False    # paid by a customer-signed payment this till holds (linked by evidence only)
    short_base: BaseUnits = BaseUnits(0)  # a shortfall a cashier accepted as paid

    def asks(self, value: BaseUnits) -> bool:
        return value == self.due_base or (self.rest_base is not None and value == self.rest_base)

    @property
    def waiting(self) -> bool:
        """Still waiting for money that a transfer could bring."""
        return (self.state in (InvoiceState.NEW, InvoiceState.EXPIRED) and not self.offline
                and self.paid_seen < self.amount_base - self.short_base)

    def watches(self, at: int) -> bool:
        """``at`` (this till's clock) falls in this sale's watch window."""
        return self.created_at - OPEN_SLACK_SECONDS <= at <= self.expires_at + LATE_WATCH_SECONDS


# A sale counts as open for a transfer made up to this long before it was created (two clocks).
OPEN_SLACK_SECONDS = 120
# A transfer with this till's tail is taken for a twin's only if the tail is one this till hands
# out early (the smallest free tails go first): a customer's own odd amount is not a twin's.
TWIN_TAIL_PLACES = 20


@dataclass(frozen=True)
class Held:
    """An offline payment this till holds that the transfer settles (see ``invoices.model.Held``)."""

    item_id: int
    invoice_id: int
    how: str                 # "offline" (tx hash), "authorization", "replaced"


@dataclass(frozen=True)
class Evidence:
    """What this till knows about one transfer, gathered by ``InvoiceService`` for ``attribute``."""

    value: BaseUnits
    at: int                                    # when it was made, in this till's clock
    held: Held | None = None
    asked: tuple[Candidate, ...] = ()          # sales that asked exactly ``value``, in their watch window
    asked_before: int | None = None            # the newest sale of this till that ever asked ``value``
    open_unpaid: tuple[Candidate, ...] = ()    # (up to two) sales open and unpaid when it was made
    same_tail: tuple[Candidate, ...] = ()      # open unpaid sales asking their price with this tail


@dataclass(frozen=True)
class Match:
    invoice_id: int | None
    # "offline", "authorization", "replaced" (held), "exact", "edited", "sole", "none", "other_till", "twin"
    method: str
    hint: int | None = None  # a sale that asked this amount but cannot take it (the cashier decides)


def attribute(ev: Evidence, *, slot: TillSlot = TillSlot(), scheme: TailScheme | None = None,
              decimals: int | None = None, twin_alarm: bool = False) -> Match:
    """The one rule set (module docstring): the strongest evidence decides, never a weaker rule."""
    if ev.held is not None:
        return Match(ev.held.invoice_id, ev.held.how)
    if ev.asked:
        newest = max(ev.asked, key=lambda c: (c.created_at, c.id))
        # Several sales ask one amount only where the token has no room for a tail: the one
        # still waiting takes it.
        waiting = [c for c in ev.asked if c.waiting]
        if not twin_alarm and len(waiting) == 1:
            return Match(waiting[0].id, "exact")
        return Match(None, "none", hint=waiting[0].id if len(waiting) == 1 else newest.id)
    tail = scheme.tail_of(ev.value, decimals) if scheme is not None and decimals is not None else None
    if tail is not None:
        if not slot.owns(tail):
            return Match(None, "other_till")
        if ev.asked_before is not None:
            return Match(None, "none", hint=ev.asked_before)
        # One open sale asks with this tail and the amount is within a fifth of what it still owes:
        # its customer changed the request's amount (a tip, an exchange that kept its fee).
        edited = [c for c in ev.same_tail if c.waiting and _near(ev.value, c)]
        if len(edited) == 1 and len(ev.same_tail) == 1:
            return Match(None, "none", hint=edited[0].id) if twin_alarm else Match(edited[0].id, "edited")
        # A tail this till hands out early, on an amount it never asked and no open sale of it is
        # near: another till asks with this till's number (a twin).
        if not edited and (tail - slot.number) // slot.count < TWIN_TAIL_PLACES:
            return Match(None, "twin")
    if twin_alarm or slot.shared:
        return Match(None, "none")
    if len(ev.open_unpaid) == 1:
        return Match(ev.open_unpaid[0].id, "sole")
    return Match(None, "none")


def _near(value: BaseUnits, c: Candidate) -> bool:
    """``value`` is within a fifth of what ``c`` still owes (a tip, or an exchange's fee, not a price)."""
    owed = c.amount_base - c.short_base - c.paid_seen
    return owed > 0 and abs(value - owed) * 5 <= owed


def match_transfer(value: BaseUnits, at: int, candidates: Iterable[Candidate], *,
                   slot: TillSlot = TillSlot(), scheme: TailScheme | None = None,
                   decimals: int | None = None, held: Held | None = None, asked_before: int | None = None,
                   twin_alarm: bool = False) -> Match:
    """``attribute`` over a plain list of this till's sales (tests, small callers): the evidence
    is sorted out here as ``InvoiceService`` gathers it from the database."""
    cands = [c for c in candidates if c.watches(at)]
    asked = tuple(c for c in cands if c.asks(value))
    unpaid = tuple(c for c in cands if c.waiting and c.created_at <= at + OPEN_SLACK_SECONDS)
    tail = scheme.tail_of(value, decimals) if scheme is not None and decimals is not None else None
    same = tuple(c for c in unpaid if tail is not None and scheme.tail_of(c.due_base, decimals) == tail)
    return attribute(Evidence(value, at, held, asked, asked_before, unpaid[:2], same),
                     slot=slot, scheme=scheme, decimals=decimals, twin_alarm=twin_alarm)
