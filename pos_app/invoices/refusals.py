"""What a cashier action may not do to a sale: the refusals of ``InvoiceService``'s cashier actions.

Pure checks, no database: each takes the sale (and the payment) as the service read it inside the
action's write transaction, and raises ``BadInput`` with the sentence the cashier sees. The
service stays the one writer of the sale; its order of checks is kept here, so the same case is
refused with the same words.
"""
from __future__ import annotations

from typing import Any

from pos_app.core.errors import BadInput
from pos_app.invoices.asks import MAX_EXPIRY_SECONDS, MIN_EXPIRY_SECONDS
from pos_app.invoices.lifecycle import InvoiceState
from pos_app.invoices.model import Invoice

# A sale can be charged again this long after it was made (its amounts stay reserved meanwhile).
CHARGE_AGAIN_WITHIN = 24 * 3600


def refuse_expiry(expiry_seconds: int) -> None:
    """A sale's time to pay is between a minute and a week."""
    if not MIN_EXPIRY_SECONDS <= expiry_seconds <= MAX_EXPIRY_SECONDS:
        raise BadInput("Invoice expiry must be between 1 minute and 7 days.")


def refuse_carried(inv: Invoice) -> None:
    """A carried sale is another till's: no cashier action here changes it."""
    if inv.carried:
        raise BadInput("Invoice {invoice} is another till's sale; this till only sends its payment.", invoice=inv.id)


def refuse_assign(pay: dict[str, Any], inv: Invoice, payment_id: int) -> None:
    """An unmatched payment goes to a sale of this till, on its network, token and address."""
    refuse_carried(inv)
    if pay["invoice_id"] is not None:
        raise BadInput("Payment {payment} already belongs to invoice {invoice}.",
                       payment=payment_id, invoice=pay["invoice_id"])
    if pay["status"] == "removed":
        raise BadInput("That payment was dropped from the chain and cannot be assigned.")
    if (pay["chain_id"], pay["token"], pay["payee"]) != (inv.chain_id, inv.token, inv.merchant):
        raise BadInput("That payment was made on another network, token or address than the invoice.")


def refuse_charge_again(inv: Invoice, now: int) -> None:
    """Only a sale of this till still owed money on the network, less than a day old, is asked again."""
    refuse_carried(inv)
    if inv.offline_id is not None:
        raise BadInput("This sale was paid offline; it is sent when a connection appears.")
    if inv.state not in (InvoiceState.NEW, InvoiceState.EXPIRED) or inv.paid_seen >= inv.amount_base:
        raise BadInput("Only a sale still waiting for money can be charged again.")
    if now - inv.created_at > CHARGE_AGAIN_WITHIN:
        raise BadInput("This sale is more than a day old: start a new sale for it.")


def refuse_cancel(inv: Invoice, *, offline_pending: bool = True) -> None:
    """Only a sale of this till still waiting for money is cancelled; a sale the customer paid
    offline is not while that payment is still to be sent (it would arrive for a cancelled sale).
    ``offline_pending``: whether the sale's offline payment is still on its way (the service reads
    it in its transaction; the screens assume it is, as they show such a sale as paid offline)."""
    refuse_carried(inv)
    if inv.state not in (InvoiceState.NEW, InvoiceState.EXPIRED):
        raise BadInput("Only a sale still waiting for money can be cancelled.")
    if inv.offline_id is not None and not inv.paid_seen and offline_pending:
        raise BadInput("This sale was paid offline; it is sent when a connection appears.")


def refuse_short(inv: Invoice, tolerance: int) -> None:
    """Only a sale paid in part on the network, short by no more than the owner's tolerance
    (tyiyn; 0: never), is accepted as paid."""
    if tolerance <= 0:
        raise BadInput("The owner has not allowed accepting a short payment (Settings).")
    if inv.carried or inv.offline_id is not None:
        raise BadInput("Only a sale paid on the network can be accepted short.")
    if inv.state not in (InvoiceState.NEW, InvoiceState.EXPIRED) or inv.paid_seen <= 0 \
            or inv.paid_seen >= inv.owed_base:
        raise BadInput("Only a sale partly paid and still waiting for the rest can be accepted short.")
    if inv.still_due_tyiyn > tolerance:
        raise BadInput("This sale is short by more than the owner allows to accept ({limit} tyiyn).",
                       limit=tolerance)
