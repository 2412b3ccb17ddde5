"""The amounts a sale asks: its own unique amount and, once part is paid, the rest's.

Every open sale asks an amount no other watched sale asks (``matching.allocate_tail``); this
module knows which amounts are taken and asks the rest of a partly paid sale by a fresh one. Each
rest asked is kept in ``invoice_asks`` for the sale's whole watch window, so a rest replaced by a
later one (a second part paid) is never handed to a new sale, and a transfer of it still pays the
sale that asked it. Called by ``InvoiceService`` inside its transactions; the only writer of
``invoice_asks`` (tests/core/test_table_owners.py).
"""
from __future__ import annotations

import logging
from typing import Any

from pos_app.core.errors import BadInput
from pos_app.core.money import BaseUnits
from pos_app.invoices.lifecycle import LATE_WATCH_SECONDS
from pos_app.invoices.matching import TailScheme, TillSlot, allocate_tail
from pos_app.invoices.model import Invoice

log = logging.getLogger(__name__)

MIN_EXPIRY_SECONDS = 60
MAX_EXPIRY_SECONDS = 7 * 24 * 3600
# No invoice created longer ago than this is still watched for payments by amount.
WATCH_HORIZON = MAX_EXPIRY_SECONDS + LATE_WATCH_SECONDS


def taken_in(c: Any, chain_id: int, token: str, merchant: str, now: int) -> set[BaseUnits]:
    """Every amount a still-watched invoice asks (the sale's and each rest's): a new ask avoids them.

    Only invoices recent enough to still be watched (the created_at bound keeps this an index
    range however long the shop's history grows).
    """
    taken: set[BaseUnits] = set()
    window = (merchant, now - WATCH_HORIZON, chain_id, token, LATE_WATCH_SECONDS, now)
    for due, rest in c.execute(
            "SELECT due_base, rest_base FROM invoices WHERE merchant = ? AND created_at >= ? AND chain_id = ?"
            " AND token = ? AND expires_at + ? > ? AND carried_for IS NULL", window):
        taken.add(BaseUnits(int(due)))
        if rest is not None:
            taken.add(BaseUnits(int(rest)))
    for (asked,) in c.execute(
            "SELECT a.amount_base FROM invoice_asks a JOIN invoices i ON i.id = a.invoice_id"
            " WHERE i.merchant = ? AND i.created_at >= ? AND i.chain_id = ? AND i.token = ? AND i.expires_at + ? > ?",
            window):
        taken.add(BaseUnits(int(asked)))
    return taken


def rest_in(c: Any, inv: Invoice, paid_seen: BaseUnits, now: int, till: TillSlot) -> BaseUnits | None:
    """The amount asking the rest of a partly paid ``inv`` (kept while the rest is the same).

    The rest is rounded up to a whole tyiyn and given a tail of this till like a new sale, so a
    transfer of exactly it is this sale's, whatever else is open and whichever till sees it. When
    no tail is free, None: the QR asks the bare rest (``Invoice.asked_base``) and earlier asks stay
    reserved; matching never fails for it.
    """
    unit = inv.tyiyn_unit
    rest = BaseUnits(-(-(inv.amount_base - paid_seen) // unit) * unit)
    if inv.rest_base is not None and inv.rest_base // unit * unit == rest:
        return inv.rest_base
    scheme = TailScheme.for_decimals(inv.decimals)
    try:
        tail = allocate_tail(rest, scheme, taken_in(c, inv.chain_id, inv.token, inv.merchant, now), till)
    except BadInput as exc:
        log.warning("invoice %s: the rest cannot be asked by its own amount: %s", inv.id, exc.user_message)
        return None
    asked = BaseUnits(rest + tail * scheme.unit)
    # Kept for the whole watch window, even once a later rest replaces it.
    c.execute("INSERT OR IGNORE INTO invoice_asks(invoice_id, amount_base, asked_at) VALUES (?,?,?)",
              (inv.id, str(asked), now))
    return asked
