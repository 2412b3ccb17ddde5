"""What other packages may know of the sales and payments this package owns: typed queries.

``invoices``, ``invoice_history`` and ``payments`` are written by ``InvoiceService`` only, and read
outside ``pos_app/invoices/`` only through these functions (tests/core/test_table_owners.py checks
reads too), so every question another room asks of them is named here once: the payment watcher's
(where to start scanning, which blocks to check again, which payments to make final, recent
payers), the shop settings' (is any amount still watched?), the payer book's (which sales a wallet
paid), the screens' (sales reopened by the chain). Plain reads; none writes or locks for long.
"""
from __future__ import annotations

from typing import Any, Iterable

from pos_app.invoices.lifecycle import LATE_WATCH_SECONDS, OPEN_STATES, InvoiceState, sql_states
from pos_app.invoices.model import Invoice
from pos_app.store.db import Store


def oldest_open_created_at(store: Store, chain_id: int, token: str, merchant: str) -> int | None:
    """When the oldest sale still waiting or in progress was made (the watcher's first block)."""
    row = store.one(f"SELECT MIN(created_at) AS t FROM invoices WHERE chain_id=? AND token=? AND merchant=?"
                    f" AND state IN {sql_states(OPEN_STATES)}", (chain_id, token, merchant))
    return None if row is None or row["t"] is None else int(row["t"])


def unfinal_blocks(store: Store, chain_id: int, token: str, payee: str) -> list[dict[str, Any]]:
    """(block_number, block_hash) of every payment seen but not final yet: the reorg check's."""
    return store.query("SELECT DISTINCT block_number, block_hash FROM payments WHERE chain_id=? AND token=?"
                       " AND payee=? AND status='seen'", (chain_id, token, payee))


def finality_candidates(store: Store, chain_id: int, token: str, payee: str, up_to: int) -> list[dict[str, Any]]:
    """Payments seen (not final) at or below block ``up_to``: id, block_number, block_hash, invoice_id."""
    return store.query("SELECT id, block_number, block_hash, invoice_id FROM payments WHERE chain_id=?"
                       " AND token=? AND payee=? AND status='seen' AND block_number <= ?",
                       (chain_id, token, payee, up_to))


def invoices_of_payments(c: Any, payment_ids: Iterable[int]) -> list[int]:
    """Inside the caller's transaction: the sales these payments went to (sorted, each once)."""
    ids = list(payment_ids)
    if not ids:
        return []
    return sorted({int(r[0]) for r in c.execute(
        f"SELECT invoice_id FROM payments WHERE invoice_id IS NOT NULL AND id IN ({','.join('?' * len(ids))})",
        ids)})


def recent_payers(store: Store, chain_id: int, since: int, limit: int) -> list[str]:
    """Wallets that paid the shop since ``since``, most recent first (the offline limits' snapshots)."""
    rows = store.query("SELECT payer FROM (SELECT payer, MAX(block_time) AS t FROM payments WHERE chain_id = ?"
                       " GROUP BY payer HAVING t >= ? ORDER BY t DESC LIMIT ?)", (chain_id, since, limit))
    return [r["payer"] for r in rows]


def any_amount_watched(store: Store, now: int) -> bool:
    """Is any sale's amount still watched (open, or up to 24 h after its expiry, paid or not)?"""
    return store.one(f"SELECT 1 FROM invoices WHERE state != '{InvoiceState.INVALID.value}'"
                     " AND expires_at + ? > ? LIMIT 1", (LATE_WATCH_SECONDS, now)) is not None


def sales_first_paid_by(c: Any, payer_key: str) -> list[int]:
    """When a wallet (lower-case address) first paid each sale it paid (sales only, dropped ones not)."""
    return [int(r[0]) for r in c.execute(
        "SELECT MIN(first_seen_at) FROM payments WHERE lower(payer) = ? AND status != 'removed'"
        " AND invoice_id IS NOT NULL GROUP BY invoice_id", (payer_key,))]


def reopened_sales(store: Store, limit: int = 20) -> list[Invoice]:
    """This till's sales the network had settled whose money then left it, still not paid again
    (newest first). A cancelled sale has been dealt with; a carried one is another till's."""
    rows = store.query(
        f"SELECT * FROM invoices WHERE reopened_at IS NOT NULL AND state IN {sql_states(OPEN_STATES)}"
        " AND carried_for IS NULL ORDER BY reopened_at DESC, id DESC LIMIT ?", (limit,))
    return [Invoice.from_row(r) for r in rows]


def sale_summaries(store: Store, invoice_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """invoice id -> its number, price (tyiyn), memo and when it was made (what a hand-over file
    tells the other till about each sale)."""
    ids = sorted({int(i) for i in invoice_ids})
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in store.query(f"SELECT id, amount_tyiyn, memo, created_at FROM invoices"
                             f" WHERE id IN ({','.join('?' * len(chunk))})", tuple(chunk)):
            out[int(r["id"])] = r
    return out
