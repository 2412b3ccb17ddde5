"""Outbox items decided by the money itself: the token's Transfer as the payment watcher recorded
it from the chain's logs (``InvoiceService.item_payments``), never a node's word alone.

``settle_by_evidence``: items whose payment was recorded move on by it (included while seen,
final once final; a failure the money's arrival overturns too), and a final item whose payment
left the chain is sent again. ``unproven_receipts``: a receipt in a final block the watcher has
read past with no Transfer recorded was a lie, and the same bytes go out again. Both only read;
they return the engine's decisions (``core/sending.py``), which the engine commits through the queue
(``OfflineQueue.apply``; the engine's step 4 in ``engine.py``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable

from pos_app.core.reasons import R
from dataclasses import replace

from pos_app.core.sending import BackInLine, Decision, Final, Included, NeedsPerson, OutboxItem, Phase, Sent

if TYPE_CHECKING:
    from pos_app.offline.outbox_reads import OutboxReads

# item ids -> each one's transfer as recorded from the logs (``InvoiceService.item_payments``)
ItemPayments = Callable[[Iterable[int]], dict[int, dict[str, Any]]]

# A node that keeps answering "included" for a payment that never reaches the logs: after this many
# sends the item waits for a person (needs attention) instead of cycling for ever.
MAX_UNPROVEN_SENDS = 10
# Failures a payment's arrival overturns are the owner's to name (offline/lifecycle.py OVERTURNABLE):
# ``outbox.moving`` gives them with the items in flight.
EVIDENCE_WATCH_S = 30 * 24 * 3600


def settle_by_evidence(outbox: "OutboxReads", item_payments: ItemPayments, chain_id: int, now: int) -> list[Decision]:
    """Items whose payment the watcher recorded move on by that evidence alone: included while
    seen, final once final (handed-off items too: whoever sent it, the money arrived); a final
    item whose payment left the chain goes back to submitted and is sent again."""
    rows = outbox.moving(chain_id, now - EVIDENCE_WATCH_S)
    pays = item_payments(r.id for r in rows)
    changes: list[Decision] = []
    for r in rows:
        pay = pays.get(r.id)
        if pay is None or pay["status"] == "removed":
            continue
        where = {"block_number": pay["block_number"], "block_hash": pay["block_hash"], "tx_hash": pay["tx_hash"]}
        if r.relay_nonce is not None and _own_relay_hash(r) != pay["tx_hash"]:
            # Relayed by someone else: this till's own relay number will never be used by it; it is
            # released (and filled, ``relay_numbers``) so later relays are not held behind it.
            where.update(relay_raw=None, relay_nonce=None, relay_from=None)
        if r.phase is Phase.TO_SEND:
            # Sent by someone (the customer's wallet, another till, this till before a lost answer).
            changes.append(Sent(r, R("money_reached_network"), where))
        if r.phase is not Phase.INCLUDED:
            # Included first (the queue's table: nothing is final without being included).
            changes.append(Included(r, R("money_seen"), where))
        if pay["status"] == "final":
            changes.append(Final(r, R("money_final"), where))
    lost = outbox.final_since(chain_id, now - EVIDENCE_WATCH_S)
    if lost:
        final_pays = item_payments(r.id for r in lost)
        for r in lost:
            pay = final_pays.get(r.id)
            if pay is not None and pay["status"] == "removed":
                changes.append(Sent(r, R("final_money_left"), {"block_number": None, "block_hash": None, "last_sent_at": 0}))
                if r.kind == "eip3009" and _own_relay_hash(r) != r.tx_hash:
                    # Someone else's relay carried it and is gone: this till relays it itself
                    # (the authorization's own nonce keeps it from being paid twice).
                    changes.append(BackInLine(r, R("foreign_relay_dropped"), {"tx_hash": None, "relay_raw": None, "relay_nonce": None,
                                            "relay_from": None}))
    return changes


def _own_relay_hash(r: OutboxItem) -> str | None:
    """The hash of this till's own signed relay of an authorization (None: it has none)."""
    if not r.relay_raw:
        return None
    from eth_utils import keccak
    return "0x" + keccak(bytes.fromhex(r.relay_raw[2:])).hex()


def unproven_receipts(rows: list[OutboxItem], scanned: int | None,
                      item_payments: ItemPayments) -> tuple[list[Decision], list[OutboxItem]]:
    """Items whose receipt is in a final block: final is the watcher's evidence to give
    (``settle_by_evidence``). Here: a receipt in a final block the watcher has read past
    (``scanned``: the first block it has not read) without finding the Transfer was a lie.

    Returns the decisions and the items to treat as sent without a receipt (sent again).
    """
    changes: list[Decision] = []
    missing: list[OutboxItem] = []
    pays = item_payments(r.id for r in rows)
    for r in rows:
        if scanned is None or scanned <= int(r.block_number) or r.id in pays:
            continue
        if r.attempts >= MAX_UNPROVEN_SENDS:
            changes.append(Sent(r, R("receipt_lied")))
            changes.append(NeedsPerson(r, R("receipt_keeps_lying")))
            continue
        changes.append(Sent(r, R("receipt_lied"), {"block_number": None, "block_hash": None, "last_sent_at": 0}))
        missing.append(replace(r, phase=Phase.SENT, last_sent_at=0))
    return changes, missing
