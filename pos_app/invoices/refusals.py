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
        raise BadInput("sale.invoice_expiry_must_between")


def refuse_carried(inv: Invoice) -> None:
    """A carried sale is another till's: no cashier action here changes it."""
    if inv.carried:
        raise BadInput("sale.invoice_another_till_s", invoice=inv.id)


def refuse_assign(pay: dict[str, Any], inv: Invoice, payment_id: int) -> None:
    """An unmatched payment goes to a sale of this till, on its network, token and address."""
    refuse_carried(inv)
    if pay["invoice_id"] is not None:
        raise BadInput("sale.payment_already_belongs_invoice",
                       payment=payment_id, invoice=pay["invoice_id"])
    if pay["status"] == "removed":
        raise BadInput("sale.payment_dropped_from_chain")
    if (pay["chain_id"], pay["token"], pay["payee"]) != (inv.chain_id, inv.token, inv.merchant):
        raise BadInput("sale.payment_made_another_network")


def refuse_charge_again(inv: Invoice, now: int) -> None:
    """Only a sale of this till still owed money on the network, less than a day old, is asked again."""
    refuse_carried(inv)
    if inv.offline_id is not None:
        raise BadInput("sale.sale_paid_offline_sent")
    if inv.state not in (InvoiceState.NEW, InvoiceState.EXPIRED) or inv.paid_seen >= inv.amount_base:
        raise BadInput("sale.only_sale_still_waiting")
    if now - inv.created_at > CHARGE_AGAIN_WITHIN:
        raise BadInput("sale.sale_more_than_day")


def refuse_cancel(inv: Invoice, *, offline_pending: bool = True) -> None:
    """Only a sale of this till still waiting for money is cancelled; a sale the customer paid
    offline is not while that payment is still to be sent (it would arrive for a cancelled sale).
    ``offline_pending``: whether the sale's offline payment is still on its way (the service reads
    it in its transaction; the screens assume it is, as they show such a sale as paid offline)."""
    refuse_carried(inv)
    if inv.state not in (InvoiceState.NEW, InvoiceState.EXPIRED):
        raise BadInput("sale.only_sale_still_waiting_money")
    if inv.offline_id is not None and not inv.paid_seen and offline_pending:
        raise BadInput("sale.sale_paid_offline_sent")


def refuse_short(inv: Invoice, tolerance: int) -> None:
    """Only a sale paid in part on the network, short by no more than the owner's tolerance
    (tyiyn; 0: never), is accepted as paid."""
    if tolerance <= 0:
        raise BadInput("sale.owner_allowed_accepting_short")
    if inv.carried or inv.offline_id is not None:
        raise BadInput("sale.only_sale_paid_network")
    if inv.state not in (InvoiceState.NEW, InvoiceState.EXPIRED) or inv.paid_seen <= 0 \
            or inv.paid_seen >= inv.owed_base:
        raise BadInput("sale.only_sale_partly_paid")
    if inv.still_due_tyiyn > tolerance:
        raise BadInput("sale.sale_short_more_than",
                       limit=tolerance)
