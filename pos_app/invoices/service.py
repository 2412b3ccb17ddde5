"""Creating invoices, recording on-chain payments against them, and cashier actions.

Every write commits as one unit through ``Store.transaction()`` (an invoice with its unique amount,
a payment with its match, a state change with its history row). Payments are keyed by (chain id,
tx hash, log index): seeing a log twice changes nothing. This module is the only writer of
``invoices``, ``invoice_history`` and ``payments`` (tests/core/test_table_owners.py): no payment
row changes without its invoice being recomputed in the same transaction, whoever changes it (the
watcher's ``*_in`` calls next to its scan cursor, a cashier's decision, the outbox's claim). Every
state change goes through ``check_transition`` (``_move_in``, ``_recompute_in``). Which sale a
transfer pays is ``matching.attribute`` over what ``evidence`` reads; what a cashier action refuses
is in ``refusals.py``.
"""
from __future__ import annotations

import logging
import time
from typing import Any, Callable, Iterable

from pos_app.core.errors import BadInput, IllegalTransition, NotFound
from pos_app.core.events import EventBus, InvoiceChanged, InvoiceCreated
from pos_app.invoices.lifecycle import (
    OPEN_STATES, UNSETTLED_STATES, sql_states, DEFAULT_EXPIRY_SECONDS, InvoiceState, PaymentView, check_transition,
    derive_status,
)
from pos_app.chain.token_cache import cached_token_info
from pos_app.core.reasons import R, Reason, as_text
from pos_app.invoices import evidence
from pos_app.invoices.views import SaleViews
from pos_app.invoices.matching import Held, TailScheme, TillSlot, allocate_tail, attribute
from pos_app.core.money import BaseUnits, Tyiyn, tyiyn_to_base_units
from pos_app.invoices.asks import rest_in, taken_in
from pos_app.invoices.model import Invoice, Transfer
from pos_app.invoices.refusals import (refuse_assign, refuse_cancel, refuse_carried, refuse_charge_again, refuse_expiry,
                                      refuse_short)
from pos_app.store.db import Store

__all__ = ["Invoice", "InvoiceService", "Transfer"]   # the records live in model.py; importers find them here too

log = logging.getLogger(__name__)


class InvoiceService(SaleViews):
    def __init__(self, store: Store, *, events: EventBus | None = None,
                 clock: Callable[[], float] = time.time,
                 till: Callable[[], TillSlot] = TillSlot,
                 short_tolerance: Callable[[], int] = lambda: 0) -> None:
        self.store = store
        self.events = events or EventBus()
        self.clock = clock
        self.till = till  # this till's place among the shop's tills (read when used: settings change)
        # The shortfall (tyiyn) the owner lets a cashier accept as paid (read when used); 0: never.
        self.short_tolerance = short_tolerance
        self.twins = evidence.TwinAlarm(store, self._publish)
        # Is this offline payment still on its way (inside the caller's transaction)? The offline
        # queue, which owns those rows, answers (``OfflineQueue`` sets it); none: no queue here.
        self.offline_pending: Callable[[Any, int], bool] = lambda c, item_id: False

    def _now(self) -> int:
        return int(self.clock())

    # -- invoices ----------------------------------------------------------------------------
    def _publish(self, event) -> None:
        """Tell the screens once the change is committed (the outermost transaction, when this runs
        inside a caller's), and never if it is rolled back."""
        self.store.after_commit(lambda: self.events.publish(event))

    def create(self, amount: Tyiyn, *, chain_id: int, token: str, merchant: str, decimals: int,
               expiry_seconds: int = DEFAULT_EXPIRY_SECONDS, memo: str = "", carried_for: str | None = None) -> Invoice:
        """A new invoice asking for a unique on-chain amount; committed before it is returned.

        ``carried_for``: not a sale of this till but another till's ("<device>:<its invoice>"),
        whose customer-signed payment this till only carries to the network (a hand-over file). It
        asks no amount of its own (it is linked to its payment by evidence only) and is never in
        this till's sales figures: the sale is counted once, on the till that made it.
        """
        refuse_expiry(expiry_seconds)
        if len(memo) > 200:
            raise BadInput("sale.note_too_long_200")
        amount_base = tyiyn_to_base_units(amount, decimals)
        scheme = TailScheme.for_decimals(decimals)
        now = self._now()
        with self.store.transaction() as c:
            tail = 0 if carried_for is not None else allocate_tail(
                amount_base, scheme, taken_in(c, chain_id, token, merchant, now), self.till())
            due = amount_base + tail * scheme.unit
            cur = c.execute(
                "INSERT INTO invoices(created_at, expires_at, chain_id, token, merchant, decimals, amount_tyiyn,"
                " amount_base, due_base, tail, state, memo, updated_at, carried_for)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (now, now + expiry_seconds, chain_id, token, merchant, decimals, int(amount), str(amount_base),
                 str(due), tail, InvoiceState.NEW.value, memo, now, carried_for))
            inv_id = int(cur.lastrowid)
            self._history_in(c, inv_id, now, None, InvoiceState.NEW.value, R("created"))
        inv = self.get(inv_id)
        self._publish(InvoiceCreated(invoice=inv))
        return inv

    def get(self, invoice_id: int) -> Invoice:
        row = self.store.one("SELECT * FROM invoices WHERE id = ?", (invoice_id,))
        if row is None:
            raise NotFound("sale.there_invoice_number", invoice=invoice_id)
        return Invoice.from_row(row)

    # -- twins: another till uses this till's number (``evidence.TwinAlarm``) --------------------
    def twin_alarm(self) -> dict[str, Any] | None:
        """The evidence that another till uses this till's number (``None``: no alarm)."""
        return self.twins.get()

    def resolve_twin_alarm(self, *, actor: str, note: str = "") -> None:
        """A manager has given each till its own number: settling by amount resumes (audited)."""
        self.twins.resolve(actor=actor, note=note)

    def _recompute_in(self, c: Any, invoice_id: int, reason: Reason, now: int) -> tuple[Invoice, Invoice | None]:
        """Inside an open transaction: (invoice before, invoice after or None if unchanged)."""
        inv = self._read_in(c, invoice_id)
        # Times in this till's clock (till_time): the sale's expiry was written in it too.
        pays = [PaymentView(int(p["value"]), p["till_time"] if p["till_time"] is not None else p["block_time"],
                            p["status"] == "final")
                for p in c.execute("SELECT value, block_time, till_time, status FROM payments"
                                   " WHERE invoice_id = ? AND status != 'removed'", (invoice_id,))]
        unit = 10 ** max(inv.decimals - 2, 0)
        expires_at = inv.expires_at
        if inv.offline_id is not None and self.offline_pending(c, inv.offline_id):
            # Paid offline, pending network: the customer paid in time, so the invoice neither
            # expires nor counts the transfer as late while the queue carries it to the chain.
            expires_at = max(expires_at, now + 1)
        st = derive_status(current=inv.state, amount_base=inv.owed_base, tyiyn_unit=unit,
                           expires_at=expires_at, payments=pays, now=now,
                           reopen=evidence.settled_by_chain(c, inv))
        check_transition(inv.state, st.state)
        rest = inv.rest_base
        if st.flags.partial and st.state in (InvoiceState.NEW, InvoiceState.EXPIRED) and inv.offline_id is None:
            rest = rest_in(c, inv, st.paid_seen, now, self.till())
        settled_by, reopened_at = inv.settled_by, inv.reopened_at
        if st.state == InvoiceState.SETTLED and inv.state != InvoiceState.SETTLED:
            settled_by = "chain"
        elif inv.state == InvoiceState.SETTLED and st.state != InvoiceState.SETTLED:
            # The chain had settled it and its money is gone again (a reorg deeper than finality,
            # a node that lied about finality): reopened, and the cashier is told (``reopened``).
            settled_by = None
            log.warning("invoice %s: its final payment left the chain; reopened as %s", invoice_id, st.state.value)
            if st.paid_seen < inv.owed_base:
                reopened_at = now
        if (st.state, st.flags, st.paid_seen, st.paid_final, rest, settled_by, reopened_at) == (
                inv.state, inv.flags, inv.paid_seen, inv.paid_final, inv.rest_base, inv.settled_by, inv.reopened_at):
            return inv, None
        c.execute("UPDATE invoices SET state=?, paid_seen=?, paid_final=?, flag_partial=?, flag_over=?,"
                  " flag_late=?, rest_base=?, settled_by=?, reopened_at=?, updated_at=? WHERE id=?",
                  (st.state.value, str(st.paid_seen), str(st.paid_final), int(st.flags.partial),
                   int(st.flags.over), int(st.flags.late), None if rest is None else str(rest), settled_by,
                   reopened_at, now, invoice_id))
        if st.state != inv.state:
            self._history_in(c, invoice_id, now, inv.state.value, st.state.value, reason)
        new = Invoice.from_row(dict(c.execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone()))
        return inv, new

    def recompute_in(self, c: Any, invoice_ids: Iterable[int], reason: Reason) -> list[tuple[Invoice, Invoice]]:
        """Inside the caller's open transaction: bring invoices in line with their payments.

        Whoever changes a payment calls this in the same transaction, so a crash can never leave a
        final payment next to an invoice that does not know it. Returns the (old, new) changes for
        ``publish_changes`` after the commit.
        """
        now = self._now()
        changes = []
        for invoice_id in invoice_ids:
            try:
                old, new = self._recompute_in(c, invoice_id, reason, now)
            except IllegalTransition as exc:
                # E.g. a clock set back: the invoice keeps its state; the payments it belongs with
                # are still recorded in this transaction (never hold up payment detection for it).
                log.warning("invoice %s left as it is: %s", invoice_id, exc.user_message)
                continue
            if new is not None:
                changes.append((old, new))
        return changes

    def publish_changes(self, changes: Iterable[tuple[Invoice, Invoice]]) -> list[Invoice]:
        """Announce committed invoice changes (never before the commit: a crash could undo them)."""
        out = []
        for old, new in changes:
            self._publish(InvoiceChanged(invoice=new, previous=old.state))
            out.append(new)
        return out

    def recompute_many(self, invoice_ids: Iterable[int], reason: Reason) -> list[Invoice]:
        """Bring invoices in line with their payments in one transaction (idempotent)."""
        with self.store.transaction() as c:
            changes = self.recompute_in(c, invoice_ids, reason)
        return self.publish_changes(changes)

    def repair(self) -> list[Invoice]:
        """At start: recompute every invoice its payments may disagree with (idempotent).

        A payment changed after its invoice was last written (``updated_at``), or an open invoice
        with payments: after a crash between two commits of an older version, or a database
        restored from a backup, these are brought in line. Settled history is not re-read.
        """
        ids = [r["id"] for r in self.store.query(
            "SELECT DISTINCT i.id AS id FROM invoices i JOIN payments p ON p.invoice_id = i.id"
            f" WHERE p.updated_at > i.updated_at OR i.state IN {sql_states(OPEN_STATES)}"
            f" UNION SELECT id FROM invoices WHERE offline_id IS NOT NULL AND state IN {sql_states(UNSETTLED_STATES)}"
            " ORDER BY id")]
        ids = sorted(set(ids) | set(self.unbacked_settled()))
        return self.recompute_many(ids, R("repaired")) if ids else []

    def unbacked_settled(self) -> list[int]:
        """Sales the chain settled whose final payments no longer cover them (``evidence``)."""
        return evidence.unbacked_settled(self.store)

    def recompute(self, invoice_id: int, reason: Reason) -> Invoice:
        """Recompute one invoice; returns it (changed or not)."""
        changed = self.recompute_many([invoice_id], reason)
        return changed[0] if changed else self.get(invoice_id)

    def expire_due(self) -> list[Invoice]:
        """Move unpaid invoices past their expiry to expired."""
        ids = [r["id"] for r in self.store.query(
            "SELECT id FROM invoices WHERE state = 'new' AND expires_at <= ? AND offline_id IS NULL",
            (self._now(),))]
        return self.recompute_many(ids, R("expired")) if ids else []

    @staticmethod
    def _history_in(c: Any, invoice_id: int, now: int, before: str | None, after: str, reason: Reason) -> None:
        """Inside the caller's transaction: one history row, its reason stored as a code (never words)."""
        if not isinstance(reason, Reason):
            raise TypeError(f"a history reason is a Reason, not {type(reason).__name__}")
        c.execute("INSERT INTO invoice_history(invoice_id, at, from_state, to_state, reason, code, params)"
                  " VALUES (?,?,?,?,'',?,?)", (invoice_id, now, before, after, reason.code, reason.to_json()))

    # -- payments ----------------------------------------------------------------------------
    def record_transfer(self, t: Transfer, *, held: Held | None = None) -> tuple[int, bool]:
        """Store a transfer once and attribute it (``matching.attribute``); returns (payment id, is_new).

        ``held``: the offline payment of this till the transfer settles, as the watcher found it
        (by transaction hash, authorization identity or the same signed transaction number); the
        strongest evidence there is. A re-seen removed log is revived.
        """
        now = self._now()
        with self.store.transaction() as c:
            old = c.execute("SELECT id, status, invoice_id FROM payments WHERE chain_id=? AND tx_hash=? AND log_index=?",
                            (t.chain_id, t.tx_hash, t.log_index)).fetchone()
            if old is not None:
                if old["status"] == "removed":
                    c.execute("UPDATE payments SET status='seen', block_number=?, block_hash=?, block_time=?,"
                              " till_time=?, updated_at=? WHERE id=?",
                              (t.block_number, t.block_hash, t.block_time, t.at, now, old["id"]))
                    return int(old["id"]), True
                return int(old["id"]), False
            info = cached_token_info(self.store, t.chain_id, t.token)
            decimals = info.decimals if info is not None else None
            scheme = TailScheme.for_decimals(decimals) if decimals is not None else None
            slot = self.till()
            alarm = self.twins.get()
            match = attribute(evidence.gather_in(c, t, held, slot, scheme, decimals), slot=slot, scheme=scheme,
                              decimals=decimals, twin_alarm=alarm is not None)
            cur = c.execute(
                "INSERT INTO payments(chain_id, token, tx_hash, log_index, block_number, block_hash, block_time,"
                " till_time, payer, payee, value, status, invoice_id, matched_by, offline_id, hint_invoice_id,"
                " first_seen_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (t.chain_id, t.token, t.tx_hash, t.log_index, t.block_number, t.block_hash, t.block_time, t.at,
                 t.payer, t.payee, str(t.value), "seen", match.invoice_id, match.method,
                 held.item_id if held is not None else None, match.hint, now, now))
            pid = int(cur.lastrowid)
            if match.invoice_id is not None:
                # Keep paid_seen current inside the transaction so the next log in this batch sees it.
                self._refresh_paid_seen(c, match.invoice_id)
            if match.method == "twin" and alarm is None:
                self.twins.raise_in({"payment": pid, "value": str(t.value), "tx_hash": t.tx_hash, "at": now,
                                     "till": slot.describe()})
        return pid, True

    @staticmethod
    def _refresh_paid_seen(c: Any, invoice_id: int) -> None:
        total = sum(int(r[0]) for r in c.execute(
            "SELECT value FROM payments WHERE invoice_id=? AND status != 'removed'", (invoice_id,)))
        c.execute("UPDATE invoices SET paid_seen=? WHERE id=?", (str(total), invoice_id))

    def item_payments(self, item_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """item id -> its transfer as recorded from the chain's logs (``evidence.item_payments``)."""
        return evidence.item_payments(self.store, item_ids)

    def item_links(self, item_ids: list[int]) -> dict[int, tuple[str, int]]:
        """item id -> the transfer already linked to it (``evidence.item_links``)."""
        return evidence.item_links(self.store, item_ids)

    def claim_for_item(self, chain_id: int, tx_hash: str, held: Held, value: BaseUnits) -> bool:
        """A transfer recorded before this till knew it settles ``held`` (an offline payment accepted
        while its transaction was being recorded, or imported after): link it now, one transfer of
        exactly ``value`` that went to no sale, if the item has none yet. Returns whether it linked
        one. One that went to another sale is left to a person (logged)."""
        with self.store.transaction() as c:
            if c.execute("SELECT 1 FROM payments WHERE offline_id = ? AND status != 'removed'",
                         (held.item_id,)).fetchone():
                return False
            rows = c.execute("SELECT id, invoice_id FROM payments WHERE chain_id = ? AND tx_hash = ? AND value = ?"
                             " AND status != 'removed' AND offline_id IS NULL ORDER BY log_index",
                             (chain_id, tx_hash.lower(), str(int(value)))).fetchall()
            free = [r for r in rows if r["invoice_id"] in (None, held.invoice_id)]
            for r in rows:
                if r not in free:
                    log.warning("payment %s settles offline payment %s but was counted on sale %s", r["id"],
                                held.item_id, r["invoice_id"])
            if not free:
                return False
            c.execute("UPDATE payments SET offline_id = ?, invoice_id = ?, matched_by = ?, hint_invoice_id = NULL,"
                      " updated_at = ? WHERE id = ?", (held.item_id, held.invoice_id, held.how, self._now(),
                                                      free[0]["id"]))
            self._refresh_paid_seen(c, held.invoice_id)
            changes = self.recompute_in(c, [held.invoice_id], R("offline_money_linked"))
        self.publish_changes(changes)
        return True

    def payment(self, payment_id: int) -> dict[str, Any]:
        row = self.store.one("SELECT * FROM payments WHERE id = ?", (payment_id,))
        if row is None:
            raise NotFound("sale.there_payment_number", payment=payment_id)
        return row

    # -- cashier actions (audited) -----------------------------------------------------------
    def assign_payment(self, payment_id: int, invoice_id: int, *, actor: str) -> Invoice:
        """Attach an unmatched payment to an invoice (a cashier's decision, audited)."""
        # Read and decide inside the write transaction: another till process (the CLI, the window)
        # assigning the same payment at the same moment must find it taken, not move it.
        with self.store.transaction() as c:
            row = c.execute("SELECT * FROM payments WHERE id = ?", (payment_id,)).fetchone()
            if row is None:
                raise NotFound("sale.there_payment_number", payment=payment_id)
            pay = dict(row)
            inv = self._read_in(c, invoice_id)
            refuse_assign(pay, inv, payment_id)
            c.execute("UPDATE payments SET invoice_id=?, matched_by='cashier', updated_at=? WHERE id=?"
                      " AND invoice_id IS NULL", (invoice_id, self._now(), payment_id))
            self._refresh_paid_seen(c, invoice_id)
            self.store.audit(actor, "assign_payment", f"payment:{payment_id}",
                             {"invoice": invoice_id, "tx_hash": pay["tx_hash"], "value": pay["value"]})
            old, new = self._recompute_in(c, invoice_id, R("payment_assigned", payment=payment_id, actor=actor),
                                          self._now())
        if new is not None:
            self._publish(InvoiceChanged(invoice=new, previous=old.state))
        return new or old

    def mark(self, invoice_id: int, target: InvoiceState, *, actor: str, reason: Reason | str = "") -> Invoice:
        """A cashier marks an invoice settled or invalid (cancel sale); audited, table-checked.

        ``reason``: a ``Reason`` (e.g. ``R("sale_cancelled")``) or a person's own words, kept as typed."""
        if target not in (InvoiceState.SETTLED, InvoiceState.INVALID):
            raise BadInput("sale.cashier_only_mark_invoice")
        now = self._now()
        with self.store.transaction() as c:
            # Decided on the row as it is now (a payment recorded a moment ago may have settled it).
            inv = self._read_in(c, invoice_id)
            if target == InvoiceState.INVALID:
                # The rule the screens show (invoices/actions.py); a sale whose offline payment
                # failed may be cancelled (its payment will never arrive).
                refuse_cancel(inv, offline_pending=inv.offline_id is not None
                              and self.offline_pending(c, inv.offline_id))
            else:
                refuse_carried(inv)
            self._move_in(c, inv, target, R("marked_because", actor=actor, reason=reason) if reason
                          else R("marked", actor=actor), now)
            if target == InvoiceState.SETTLED:
                # A person's decision: never reopened by the chain (derive_status ``reopen``).
                c.execute("UPDATE invoices SET settled_by = 'cashier' WHERE id = ?", (invoice_id,))
            self.store.audit(actor, f"mark_{target.value}", f"invoice:{invoice_id}",
                             {"from": inv.state.value, "reason": as_text(reason)})
        new = self.get(invoice_id)
        self._publish(InvoiceChanged(invoice=new, previous=inv.state))
        return new

    def charge_again(self, invoice_id: int, *, actor: str, expiry_seconds: int = DEFAULT_EXPIRY_SECONDS) -> Invoice:
        """Ask again for an expired or partly paid sale: the same invoice, a fresh expiry (audited).

        The same invoice keeps its number, its payments and the amount it asks (the rest, once part
        is paid), so the day's totals count the sale once. Only a sale still owed money and less
        than a day old (its amounts are still reserved among watched invoices) can be asked again.
        """
        refuse_expiry(expiry_seconds)
        now = self._now()
        with self.store.transaction() as c:
            # Every check on the row as it is inside the write lock: a sale cancelled or paid by
            # another process a moment ago is not reopened.
            inv = self._read_in(c, invoice_id)
            refuse_charge_again(inv, now)
            c.execute("UPDATE invoices SET expires_at = ?, updated_at = ? WHERE id = ?",
                      (now + expiry_seconds, now, invoice_id))
            why = R("charged_again", actor=actor)
            if inv.state == InvoiceState.EXPIRED:
                self._move_in(c, inv, InvoiceState.NEW, why, now)
            else:
                # Still waiting: the history says the cashier asked again (no state changed).
                self._history_in(c, invoice_id, now, inv.state.value, inv.state.value, why)
            self._recompute_in(c, invoice_id, why, now)   # the rest, if part was paid
            self.store.audit(actor, "charge_again", f"invoice:{invoice_id}",
                             {"from": inv.state.value, "expires_at": now + expiry_seconds,
                              "still_due_tyiyn": int(inv.still_due_tyiyn)})
        after = self.get(invoice_id)
        self._publish(InvoiceChanged(invoice=after, previous=inv.state))
        return after

    def accept_short(self, invoice_id: int, *, actor: str) -> Invoice:
        """Accept a part-paid sale as paid in full: the customer paid from an exchange that kept its
        fee. Only within the tolerance the owner set; the shortfall is recorded on the sale (and in
        its digest), audited, and the sale settles once what arrived is final."""
        tolerance = int(self.short_tolerance())
        now = self._now()
        with self.store.transaction() as c:
            inv = self._read_in(c, invoice_id)
            refuse_short(inv, tolerance)
            short = BaseUnits(inv.amount_base - inv.paid_seen)
            c.execute("UPDATE invoices SET short_base = ?, updated_at = ? WHERE id = ?", (str(short), now, invoice_id))
            self._history_in(c, invoice_id, now, inv.state.value, inv.state.value, R("accepted_short", actor=actor))
            self.store.audit(actor, "accept_short", f"invoice:{invoice_id}",
                             {"short_base": str(short), "short_tyiyn": int(inv.still_due_tyiyn),
                              "tolerance_tyiyn": tolerance, "paid_seen": str(inv.paid_seen)})
            old, new = self._recompute_in(c, invoice_id, R("accepted_short", actor=actor), now)
        after = new or self.get(invoice_id)
        self._publish(InvoiceChanged(invoice=after, previous=inv.state))
        return after

    # -- for the offline queue (inside its transaction) ----------------------------------------
    @staticmethod
    def _read_in(c: Any, invoice_id: int) -> Invoice:
        row = c.execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
        if row is None:
            raise NotFound("sale.there_invoice_number", invoice=invoice_id)
        return Invoice.from_row(dict(row))

    def _move_in(self, c: Any, inv: Invoice, target: InvoiceState, reason: Reason, now: int) -> None:
        """Inside an open transaction: the one place an invoice's state is set, table-checked.

        Only from the state ``inv`` was read in: a row another writer moved meanwhile is refused,
        never overwritten (``IllegalTransition``, the transaction rolls back).
        """
        check_transition(inv.state, target)
        cur = c.execute("UPDATE invoices SET state=?, updated_at=? WHERE id=? AND state=?",
                        (target.value, now, inv.id, inv.state.value))
        if cur.rowcount != 1:
            raise IllegalTransition("sale.sale_changed_meanwhile_look", detail=f"{inv.id} moved")
        self._history_in(c, inv.id, now, inv.state.value, target.value, reason)

    def invalidate_in(self, c: Any, invoice_id: int, reason: Reason, *, now: int) -> Invoice:
        """Inside the caller's transaction: cancel a sale (e.g. to charge the customer again after
        an offline payment failed). Raises ``IllegalTransition`` where the table forbids it; the
        caller audits and publishes after its commit."""
        inv = Invoice.from_row(dict(c.execute("SELECT * FROM invoices WHERE id = ?", (invoice_id,)).fetchone()))
        self._move_in(c, inv, InvoiceState.INVALID, reason, now)
        return inv

    def link_offline(self, c: Any, invoice_id: int, item_id: int, *, note: Reason, now: int,
                     due_base: int | None = None) -> None:
        """Inside the caller's transaction: the invoice is paid by offline payment ``item_id``.

        Its state does not change (the history row says why nothing moved: pending network).
        ``due_base``: what the customer signed, for an invoice made for a handed-over payment.
        """
        row = c.execute("SELECT state FROM invoices WHERE id = ?", (invoice_id,)).fetchone()
        if row is None:
            raise NotFound("sale.there_invoice_number", invoice=invoice_id)
        if due_base is None:
            c.execute("UPDATE invoices SET offline_id = ?, updated_at = ? WHERE id = ?", (item_id, now, invoice_id))
        else:
            c.execute("UPDATE invoices SET offline_id = ?, due_base = ?, updated_at = ? WHERE id = ?",
                      (item_id, str(due_base), now, invoice_id))
        self._history_in(c, invoice_id, now, row[0], row[0], R("paid_offline_pending", note=note, item=item_id))

    # -- for the payment watcher (inside its transaction) --------------------------------------
    def remove_payments_in(self, c: Any, chain_id: int, token: str, payee: str, from_block: int, reason: Reason,
                           *, now: int) -> tuple[list[dict[str, Any]], list[tuple[Invoice, Invoice]]]:
        """Inside the caller's transaction: payments at or above ``from_block`` left the chain (a
        reorg). Returns the removed rows (id, invoice_id) and the invoice changes to publish."""
        rows = [dict(r) for r in c.execute(
            "SELECT id, invoice_id FROM payments WHERE chain_id=? AND token=? AND payee=?"
            " AND block_number >= ? AND status != 'removed'", (chain_id, token, payee, from_block)).fetchall()]
        c.execute("UPDATE payments SET status='removed', updated_at=? WHERE chain_id=? AND token=? AND payee=?"
                  " AND block_number >= ? AND status != 'removed'", (now, chain_id, token, payee, from_block))
        touched = sorted({int(r["invoice_id"]) for r in rows if r["invoice_id"] is not None})
        for invoice_id in touched:
            self._refresh_paid_seen(c, invoice_id)
        return rows, self.recompute_in(c, touched, reason)

    def finalize_payments_in(self, c: Any, payment_ids: Iterable[int], invoice_ids: Iterable[int], reason: Reason,
                             *, now: int) -> list[tuple[Invoice, Invoice]]:
        """Inside the caller's transaction: these seen payments are final; their invoices follow in
        the same commit. Returns the invoice changes to publish."""
        c.executemany("UPDATE payments SET status='final', updated_at=? WHERE id=? AND status='seen'",
                      [(now, pid) for pid in payment_ids])
        return self.recompute_in(c, invoice_ids, reason)
