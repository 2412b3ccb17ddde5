"""What a till knows about a transfer, read from its database for ``matching.attribute``, and the
reads that check money by evidence (sales the chain settled; an offline payment's recorded Transfer).

Read-only over the tables ``InvoiceService`` owns (it calls these, inside its transactions where
the rules need it), plus the twin alarm: a setting written through ``Store``. Apart from
``service.py`` so the rules of evidence read in one place (docs/architecture.md, "Which sale a
payment belongs to").
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any, Callable, Iterable

from pos_app.core.errors import BadInput
from pos_app.core.events import TwinTillSuspected
from pos_app.core.money import BaseUnits, stored_base_units
from pos_app.invoices.asks import WATCH_HORIZON
from pos_app.invoices.lifecycle import LATE_WATCH_SECONDS, WAITING_STATES, InvoiceState, sql_states
from pos_app.invoices.matching import OPEN_SLACK_SECONDS, Candidate, Evidence, Held, TailScheme, TillSlot
from pos_app.invoices.model import Invoice, Transfer
from pos_app.store.db import Store

log = logging.getLogger(__name__)

CANDIDATE_COLS = ("id, state, due_base, amount_base, paid_seen, created_at, expires_at, rest_base, offline_id,"
                  " short_base")


def candidate(r: Any) -> Candidate:
    return Candidate(r["id"], InvoiceState(r["state"]), stored_base_units(r["due_base"]),
                     stored_base_units(r["amount_base"]), stored_base_units(r["paid_seen"]),
                     r["created_at"], r["expires_at"],
                     stored_base_units(r["rest_base"]) if r["rest_base"] is not None else None,
                     r["offline_id"] is not None,
                     stored_base_units(r["short_base"]) if r["short_base"] is not None else BaseUnits(0))


def candidates(store: Store, chain_id: int, token: str, merchant: str, at: int) -> list[Candidate]:
    """This till's own sales watched at ``at`` (a carried sale is another till's)."""
    rows = store.query(
        f"SELECT {CANDIDATE_COLS} FROM invoices WHERE chain_id = ? AND token = ? AND merchant = ?"
        " AND expires_at + ? >= ? AND created_at <= ? AND carried_for IS NULL",
        (chain_id, token, merchant, LATE_WATCH_SECONDS, at, at + 3600))
    return [candidate(r) for r in rows]


def gather_in(c: Any, t: Transfer, held: Held | None, slot: TillSlot, scheme: TailScheme | None,
          decimals: int | None) -> Evidence:
    """What this till's database says about transfer ``t`` (``matching.attribute`` decides).

    Only the rows the rules can use: sales that asked exactly this amount, and (only when they
    can matter) the newest sale that ever asked it, the open sales asking with the same tail and
    up to two unpaid open sales. Matching stays O(1) in the number of open sales (a catch-up can
    meet thousands).
    """
    at, value = t.at, t.value
    if held is not None:
        return Evidence(value, at, held)
    window = ("merchant = ? AND created_at >= ? AND created_at <= ? AND chain_id = ? AND token = ?"
              " AND expires_at + ? >= ? AND carried_for IS NULL")
    args = (t.payee, at - WATCH_HORIZON, at + 3600, t.chain_id, t.token, LATE_WATCH_SECONDS, at)
    cols = CANDIDATE_COLS
    earlier = {int(r[0]) for r in c.execute("SELECT invoice_id FROM invoice_asks WHERE amount_base = ?",
                                            (str(value),))}
    marks = ",".join("?" * len(earlier)) or "NULL"
    asked = []
    for r in c.execute(f"SELECT {cols} FROM invoices WHERE {window} AND"
                       f" (due_base = ? OR rest_base = ? OR id IN ({marks}))",
                       (*args, str(value), str(value), *earlier)):
        cand = candidate(r)
        if not cand.asks(value):
            cand = replace(cand, rest_base=value)   # an earlier rest of this sale
        if cand.watches(at):
            asked.append(cand)
    if asked:
        return Evidence(value, at, None, tuple(asked))
    tail = scheme.tail_of(value, decimals) if scheme is not None and decimals is not None else None
    asked_before = None
    same_tail: list[Candidate] = []
    if tail is not None and slot.owns(tail):
        # Ever asked by this till, whenever (no time bound: a clock set wrong must not make this
        # till's own old request look like a twin's); two index lookups, not a walk of history.
        mine = "carried_for IS NULL AND merchant = ? AND chain_id = ? AND token = ?"
        newest = [tuple(r) for r in c.execute(
            f"SELECT created_at, id FROM invoices WHERE merchant = ? AND due_base = ? AND {mine}"
            f" ORDER BY created_at DESC LIMIT 1", (t.payee, str(value), t.payee, t.chain_id, t.token))]
        if earlier:
            newest += [tuple(r) for r in c.execute(
                f"SELECT created_at, id FROM invoices WHERE id IN ({marks}) AND {mine}"
                f" ORDER BY created_at DESC LIMIT 1", (*earlier, t.payee, t.chain_id, t.token))]
        asked_before = max(newest)[1] if newest else None
        # Open sales of this till asking their price with this same tail: a customer who typed a
        # tip, or an exchange that kept its fee, sends that request's amount changed.
        for r in c.execute(f"SELECT {cols} FROM invoices WHERE {window} AND created_at <= ? AND tail = ?"
                           f" AND state IN {sql_states(WAITING_STATES)} AND offline_id IS NULL ORDER BY id DESC LIMIT 3",
                           (*args, at + OPEN_SLACK_SECONDS, tail)):
            cand = candidate(r)
            if cand.waiting and cand.watches(at):
                same_tail.append(cand)
    unpaid: list[Candidate] = []
    if tail is None or slot.owns(tail):
        # Only sales open when the transfer was made (created up to OPEN_SLACK after it): a
        # sale charged during a catch-up must not take an older payment.
        for r in c.execute(f"SELECT {cols} FROM invoices WHERE {window} AND created_at <= ?"
                           f" AND state IN {sql_states(WAITING_STATES)} AND offline_id IS NULL ORDER BY id DESC",
                           (*args, at + OPEN_SLACK_SECONDS)):
            cand = candidate(r)
            if cand.waiting and cand.watches(at):
                unpaid.append(cand)
                if len(unpaid) == 2:
                    break
    return Evidence(value, at, None, (), asked_before, tuple(unpaid), tuple(same_tail))


# A history row of a person's mark: its code (schema step 10 turned the old "marked by ..." texts
# into these codes; a text it kept is a person's own words, never the core's).
_MARKED = "code IN ('marked', 'marked_because')"


def settled_by_chain(c: Any, inv: Invoice) -> bool:
    """Settled because its payments were final (not marked by a person): the chain can take it back."""
    if inv.state != InvoiceState.SETTLED:
        return False
    if inv.settled_by is not None:
        return inv.settled_by == "chain"
    # Settled before schema step 9 wrote who did it: a cashier's mark is in the history.
    return c.execute("SELECT 1 FROM invoice_history WHERE invoice_id = ? AND to_state = 'settled'"
                     f" AND {_MARKED}", (inv.id,)).fetchone() is None


def unbacked_settled(store: Store) -> list[int]:
    """Sales the chain settled whose final payments no longer cover them (issue 18, 9: a reorg
    deeper than finality, a node that lied about finality, a database edited outside the
    app): the check at start reopens them, and ``audit verify`` names them."""
    out = []
    rows = store.query(
        "SELECT i.id, i.amount_base, i.short_base, i.settled_by, group_concat(p.value) AS finals"
        " FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id AND p.status = 'final'"
        " WHERE i.state = 'settled' AND (i.settled_by IS NULL OR i.settled_by = 'chain')"
        " AND i.carried_for IS NULL GROUP BY i.id")
    for r in rows:
        final = sum(int(v) for v in (r["finals"] or "").split(",") if v)
        owed = int(r["amount_base"]) - int(r["short_base"] or 0)
        if final >= owed:
            continue
        if r["settled_by"] is None and store.one(
                "SELECT 1 FROM invoice_history WHERE invoice_id = ? AND to_state = 'settled'"
                f" AND {_MARKED}", (r["id"],)):
            continue   # a cashier settled it before step 9 recorded who did
        out.append(int(r["id"]))
    return out


def item_payments(store: Store, item_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """item id -> its transfer as recorded from the chain's logs (status seen/final/removed,
    block, value), for items whose transfer this till has seen. An outbox item is final only
    when this says final: a receipt alone (a node can lie) never makes it so."""
    ids = sorted({int(i) for i in item_ids})
    out: dict[int, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in store.query(
                f"SELECT offline_id, status, block_number, block_hash, value, invoice_id, tx_hash, log_index"
                f" FROM payments"
                f" WHERE offline_id IN ({','.join('?' * len(chunk))}) ORDER BY status = 'removed', id",
                tuple(chunk)):
            out.setdefault(int(r["offline_id"]), r)
    return out


def item_links(store: Store, item_ids: list[int]) -> dict[int, tuple[str, int]]:
    """item id -> (tx hash, log index) of the transfer (still on the chain) already linked to it: an
    offline payment is paid by one transfer, never two."""
    return {i: (p["tx_hash"], int(p["log_index"])) for i, p in item_payments(store, item_ids).items()
            if p["status"] != "removed"}


class TwinAlarm:
    """Another till uses this till's number: raised by a payment that carried this till's tail
    though this till never asked it (``matching.attribute``); kept in the settings until a manager
    resolves it; while it stands, nothing is settled by amount."""

    KEY = "twin_alarm"

    def __init__(self, store: Store, publish: Callable[[Any], None]) -> None:
        self.store, self.publish = store, publish

    def get(self) -> dict[str, Any] | None:
        return self.store.get_setting(self.KEY)

    def raise_in(self, alarm: dict[str, Any]) -> None:
        """Inside the caller's transaction (the payment that is the evidence commits with it)."""
        self.store.set_setting(self.KEY, alarm)
        self.store.audit("system", "twin_alarm.raise", "settings:till", alarm)
        log.error("a payment carries this till's tail but this till never asked it: another till uses number %s",
                  alarm.get("till"))
        self.publish(TwinTillSuspected(alarm=alarm))

    def resolve(self, *, actor: str, note: str = "") -> None:
        """A manager has given each till its own number: settling by amount resumes (audited)."""
        with self.store.transaction():
            alarm = self.get()
            if alarm is None:
                raise BadInput("sale.there_warning_about_another")
            self.store.delete_setting(self.KEY)
            self.store.audit(actor, "twin_alarm.resolve", "settings:till", {"alarm": alarm, "note": note[:200]})
        self.publish(TwinTillSuspected(alarm=None))
