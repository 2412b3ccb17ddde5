"""The invoice lifecycle as data, modelled on BTCPay Server.

``LIFECYCLE`` (its table also as ``TRANSITIONS``) lists every allowed state change; ``check_transition``
raises on anything else.
``derive_status`` computes where an invoice should be from its payments, its expiry and the
clock, as a pure function: the watcher and the tests both call it, so the rules live in one place.

    new --(paid in full, seen in a block)--> processing --(final)--> settled
     |  \\-(paid in full and already final)-----------------------> settled
     |--(expiry passes unpaid)--> expired --(late full payment)--> processing / settled
     |                               \\--(cashier charges again: a fresh expiry)--> new
     \\--(cashier cancels / marks invalid)--> invalid
    processing --(reorg removes the payment)--> new | expired
    settled (by the chain) --(its final money leaves the chain: a reorg deeper than finality,
                              a node that lied about finality)--> processing | new | expired

Flags (BTCPay's "exception status"): paid partial, paid over, paid late.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Iterable

from pos_app.core.errors import IllegalTransition
from pos_app.core.money import BaseUnits
from pos_app.core.statemachine import Lifecycle, sql_states  # noqa: F401 - sql_states for importers


class InvoiceState(str, enum.Enum):
    NEW = "new"
    PROCESSING = "processing"
    SETTLED = "settled"
    EXPIRED = "expired"
    INVALID = "invalid"


S = InvoiceState


def _refusal(current: InvoiceState, target: InvoiceState) -> IllegalTransition:
    return IllegalTransition(
        "sale.invoice_cannot_become", current=current.value, target=target.value,
        detail=f"{current.value}->{target.value}",
    )


LIFECYCLE: Lifecycle[InvoiceState] = Lifecycle("invoice", {
    S.NEW: frozenset({S.PROCESSING, S.SETTLED, S.EXPIRED, S.INVALID}),
    S.PROCESSING: frozenset({S.SETTLED, S.NEW, S.EXPIRED, S.INVALID}),
    # expired -> new only when a cashier charges the sale again (InvoiceService.charge_again moves
    # its expiry forward; derive_status alone never goes back in time).
    S.EXPIRED: frozenset({S.PROCESSING, S.SETTLED, S.INVALID, S.NEW}),
    # Settled is final for people; only the chain takes it back, when the money it settled on is
    # gone (derive_status ``reopen``: never a sale a cashier marked settled).
    S.SETTLED: frozenset({S.PROCESSING, S.NEW, S.EXPIRED}),
    S.INVALID: frozenset({S.SETTLED}),  # a manager may still accept money that arrived
}, refusal=_refusal)
TRANSITIONS = LIFECYCLE.transitions

# States the watcher may move on its own; SETTLED and INVALID only change by a cashier's action.
AUTOMATIC_FROM = frozenset({S.NEW, S.PROCESSING, S.EXPIRED})
# A sale not finished yet (waiting, or its money seen and not final): watched from the first block.
OPEN_STATES = AUTOMATIC_FROM
# Waiting for money a transfer could bring (the rest of a part-paid sale, a late payment).
WAITING_STATES = frozenset({S.NEW, S.EXPIRED})
# A sale paid offline whose payment may still change it.
UNSETTLED_STATES = frozenset({S.NEW, S.PROCESSING})

# A late payment is still matched to its invoice this long after expiry (BTCPay: 24 h).
LATE_WATCH_SECONDS = 24 * 3600
from pos_app.invoices.defaults import DEFAULT_EXPIRY_SECONDS  # noqa: E402,F401 - re-exported


def check_transition(current: InvoiceState, target: InvoiceState) -> None:
    """Raise ``IllegalTransition`` unless ``current -> target`` is in the table (same state is a no-op)."""
    LIFECYCLE.check(current, target)


@dataclass(frozen=True)
class PaymentView:
    """What the lifecycle needs to know about one on-chain payment to an invoice."""

    value: BaseUnits
    block_time: int      # unix seconds of the block that included it
    final: bool          # at or below the profile's finality point


@dataclass(frozen=True)
class Flags:
    partial: bool = False
    over: bool = False
    late: bool = False

    def labels(self) -> list[str]:
        return [n for n, v in (("paid_partial", self.partial), ("paid_over", self.over),
                               ("paid_late", self.late)) if v]


@dataclass(frozen=True)
class Status:
    state: InvoiceState
    flags: Flags
    paid_seen: BaseUnits     # in non-removed payments
    paid_final: BaseUnits    # in final payments


def derive_status(*, current: InvoiceState, amount_base: BaseUnits, tyiyn_unit: BaseUnits, expires_at: int,
                  payments: Iterable[PaymentView], now: int, reopen: bool = False) -> Status:
    """Where an invoice should be, given its (non-removed) payments and the time.

    ``amount_base`` is the invoice amount in base units without the matching tail: paying it is
    enough (a wallet that rounds away the tail still pays in full). ``tyiyn_unit`` is base units
    per tyiyn: an overpayment counts only from one whole tyiyn up, so the tail is never "over".
    ``reopen``: the invoice is settled and the chain settled it: if its final money no longer
    covers it, it is reopened (processing while the money is still seen, else new or expired).
    """
    pays = list(payments)
    seen = BaseUnits(sum(p.value for p in pays))
    final = BaseUnits(sum(p.value for p in pays if p.final))
    flags = Flags(
        partial=0 < seen < amount_base,
        over=seen // max(tyiyn_unit, 1) > amount_base // max(tyiyn_unit, 1),
        late=any(p.block_time > expires_at for p in pays),
    )
    if current == S.SETTLED and reopen and final < amount_base:
        if seen >= amount_base:
            return Status(S.PROCESSING, flags, seen, final)
        return Status(S.EXPIRED if now >= expires_at else S.NEW, flags, seen, final)
    if current not in AUTOMATIC_FROM:
        return Status(current, flags, seen, final)
    if seen >= amount_base:
        state = S.SETTLED if final >= amount_base else S.PROCESSING
    else:
        # An expired invoice never becomes new again by itself (a clock set back must not reopen
        # it): only a cashier's "charge again" does, as an explicit, audited move.
        state = S.EXPIRED if now >= expires_at or current == S.EXPIRED else S.NEW
    return Status(state, flags, seen, final)
