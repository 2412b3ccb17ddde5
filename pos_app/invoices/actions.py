"""What a cashier may do to a sale now: one answer for the service and the screens.

``allowed_actions(inv, now, short_tolerance=...)`` runs the very refusals the service runs inside
its write transaction (``invoices/refusals.py``) on the sale as the caller sees it, and returns the
actions none of them refuses. The payment screen shows a button for an action only when it is in
that set, so a button never offers what the service would then refuse (a two-day-old sale, another
till's sale, a sale paid offline), and a rule changed in ``refusals.py`` changes both at once.

The service still decides again on the row inside its transaction: another till or process may
have changed the sale since the screen read it.
"""
from __future__ import annotations

from enum import Enum
from typing import Callable

from pos_app.core.errors import BadInput
from pos_app.invoices.model import Invoice
from pos_app.invoices.refusals import refuse_cancel, refuse_charge_again, refuse_short


class SaleAction(str, Enum):
    CHARGE_AGAIN = "charge_again"    # ask again, the same sale, a fresh time to pay
    CANCEL = "cancel"                # the cashier cancels the sale
    ACCEPT_SHORT = "accept_short"    # accept a part-paid sale as paid, within the owner's tolerance


def _rules(now: int, short_tolerance: int) -> dict[SaleAction, Callable[[Invoice], None]]:
    return {
        SaleAction.CHARGE_AGAIN: lambda inv: refuse_charge_again(inv, now),
        SaleAction.CANCEL: refuse_cancel,
        SaleAction.ACCEPT_SHORT: lambda inv: refuse_short(inv, short_tolerance),
    }


def allowed_actions(inv: Invoice, now: int, *, short_tolerance: int = 0) -> frozenset[SaleAction]:
    """The cashier actions the service would take on ``inv`` at ``now`` (seconds)."""
    allowed = set()
    for action, refuse in _rules(int(now), int(short_tolerance)).items():
        try:
            refuse(inv)
        except BadInput:
            continue
        allowed.add(action)
    return frozenset(allowed)


def refusal(inv: Invoice, action: SaleAction, now: int, *, short_tolerance: int = 0) -> BadInput | None:
    """Why ``action`` is refused on ``inv`` (the service's own error), or None when it is allowed."""
    try:
        _rules(int(now), int(short_tolerance))[action](inv)
    except BadInput as exc:
        return exc
    return None
