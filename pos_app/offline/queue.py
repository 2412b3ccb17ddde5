"""The durable offline queue: check a payload, accept it for an invoice, list what waits.

``evaluate`` changes nothing (the CLI's ``payload check`` and the screen's verdict). ``accept``
re-runs every check inside one ``BEGIN IMMEDIATE`` transaction and commits the payload, its
hash, the verdict, the queue item (received -> queued), its history, the invoice link and an
audit record together, before anyone is told "accepted". Accepting the same payload for the
same invoice again returns the stored item (idempotent by tx hash / authorization nonce).

``OfflineQueue`` is the only writer of ``offline_payments``, ``offline_history`` and
``payer_snapshots`` (tests/core/test_table_owners.py). Every state change goes through ``_move``
and so through the lifecycle table (``offline/lifecycle.py``); the others call public methods:
the hand-over file adds items with ``import_item`` and marks exported ones with
``mark_handed``, the sync engine commits its decisions with ``apply``. The invoice side of an
item goes through ``InvoiceService`` (``link_offline``, ``invalidate_in``). The payment watcher
reads which held payment a transfer settles through ``evidence`` (``offline/evidence.py``).
"""
from __future__ import annotations

import json
import logging
import time
from typing import Any, Callable, Iterable, Mapping

from pos_app.core.reasons import R, Reason, as_text
from pos_app.core.statemachine import sql_states
from pos_app.core.errors import BadInput, NotFound, PosError
from pos_app.core.events import EventBus, InvoiceChanged, OfflineChanged
from pos_app.invoices.lifecycle import InvoiceState
from pos_app.invoices.matching import Held
from pos_app.invoices.service import Invoice, InvoiceService
from pos_app.core.money import BaseUnits, Tyiyn, base_units_to_tyiyn
from pos_app.offline.evidence import QueueEvidence
from pos_app.offline.outbox_reads import OutboxReads
from pos_app.core.sending import SENDING_COLUMNS, Decision
from pos_app.offline.lifecycle import (
    FAILURES, PENDING, TRANSITIONS, UNSENT, QueueState, check_transition, decision_state,
)
from pos_app.offline.payload import Payload, PayloadRefused, RawTransfer, parse_payload
# The queue's records live in records.py; importable from here as before.
from pos_app.offline.queue_views import QueueViews
from pos_app.offline.records import QueueItem, QueueSummary, Verdict, refused  # noqa: F401
from pos_app.offline.risk import Exposure, Limits, PayerStanding, check_limits, sync_deadline
from pos_app.offline.verify import FeeFloor, ShopFacts, verify_payload
from pos_app.store.db import Store

log = logging.getLogger(__name__)

OPEN_INVOICE_STATES = (InvoiceState.NEW,)  # an expired sale is started again, not paid offline
LIMITS_KEY = "offline_limits"
# A handed-off payment no other till has sent this long after the hand-over is sent by this till
# again (a lost stick, a dropped line, a file nobody imported); the chain keeps it from landing twice.
HANDOFF_GRACE_S = 6 * 3600
# A signed transfer in these states has used (or will use) its transaction number on the chain.
NONCE_TAKEN = PENDING | {QueueState.FINAL, QueueState.REVERTED, QueueState.DOUBLE_SPENT}


class OfflineQueue(QueueViews):
    def __init__(self, store: Store, service: InvoiceService, events: EventBus | None = None) -> None:
        self.store = store
        self.service = service
        self.events = events
        # Which held payment a transfer settles (the payment watcher's evidence): reads of our table.
        self.evidence = QueueEvidence(store)
        # What the sync engine asks of our table (its typed queries: the outbox reads only these).
        self.outbox = OutboxReads(store)
        # The invoice service asks us whether a sale's offline payment is still on its way.
        service.offline_pending = self._pending_in

    @staticmethod
    def _pending_in(c: Any, item_id: int) -> bool:
        """Inside the caller's transaction: is this item still on its way to the chain?"""
        return c.execute(f"SELECT 1 FROM offline_payments WHERE id = ? AND state IN {sql_states(PENDING)}",
                         (item_id,)).fetchone() is not None

    # -- settings the queue depends on ---------------------------------------------------------
    def _publish(self, event) -> None:
        """After the commit that made it true (see ``Store.after_commit``); never on a rollback."""
        events = self.events
        if events is not None:
            self.store.after_commit(lambda: events.publish(event))

    def limits(self) -> Limits:
        return Limits.from_dict(self.store.get_setting(LIMITS_KEY))

    def set_limits(self, limits: Limits) -> None:
        self.store.set_setting(LIMITS_KEY, limits.to_dict())

    def last_sync_at(self, chain_id: int) -> int | None:
        return self.store.get_setting(f"last_sync_at:{chain_id}")

    def fee_floor(self, chain_id: int) -> FeeFloor | None:
        d = self.store.get_setting(f"fee_floor:{chain_id}")
        return FeeFloor(int(d["gas_price"]), int(d["base_fee"]), int(d["at"])) if d else None

    def record_sync(self, chain_id: int, *, at: int, gas_price: int | None = None, base_fee: int = 0) -> None:
        """A successful contact with the network: resets the 30-day clock, refreshes the fee floor."""
        with self.store.transaction():
            self.store.set_setting(f"last_sync_at:{chain_id}", int(at))
            if gas_price is not None:
                self.store.set_setting(f"fee_floor:{chain_id}", {"gas_price": int(gas_price),
                                                                 "base_fee": int(base_fee), "at": int(at)})

    def save_snapshot(self, chain_id: int, token: str, payer: str, *, balance_base: BaseUnits, nonce: int,
                      at: int) -> None:
        self.store.execute(
            "INSERT INTO payer_snapshots(chain_id, token, payer, balance_base, nonce, at) VALUES (?,?,?,?,?,?)"
            " ON CONFLICT(chain_id, token, payer) DO UPDATE SET balance_base=excluded.balance_base,"
            " nonce=excluded.nonce, at=excluded.at", (chain_id, token, payer, str(int(balance_base)), nonce, at))

    def snapshot_payers(self, chain_id: int, token: str, limit: int = 50) -> list[str]:
        """Payers with a balance snapshot for this token (newest first): the ones offline risk caps
        know, and whose blacklisting the token probe checks."""
        from eth_utils import to_checksum_address
        rows = self.store.query("SELECT payer FROM payer_snapshots WHERE chain_id = ? AND lower(token) = lower(?)"
                                " ORDER BY at DESC LIMIT ?", (chain_id, token, limit))
        return [to_checksum_address(r["payer"]) for r in rows]

    def known_payers(self, chain_id: int) -> list[str]:
        rows = self.store.query("SELECT DISTINCT payer FROM offline_payments WHERE chain_id = ? UNION "
                                "SELECT payer FROM payer_snapshots WHERE chain_id = ?", (chain_id, chain_id))
        return [r["payer"] for r in rows]

    # -- what the device holds -------------------------------------------------------------------
    def exposure(self, chain_id: int) -> Exposure:
        r = self.store.one(
            f"SELECT COUNT(*) AS n, COALESCE(SUM(amount_tyiyn), 0) AS total FROM offline_payments "
            f"WHERE chain_id = ? AND state IN {sql_states(PENDING)}", (chain_id,))
        first = self.store.one(f"SELECT MIN(received_at) AS t FROM offline_payments WHERE chain_id = ? "
                               f"AND state IN {sql_states(UNSENT)}", (chain_id,))
        return Exposure(int(r["total"]), int(r["n"]), first["t"], self.last_sync_at(chain_id))

    def standing(self, chain_id: int, token: str, payer: str, decimals: int) -> PayerStanding:
        snap = self.store.one("SELECT * FROM payer_snapshots WHERE chain_id = ? AND token = ? AND payer = ?",
                              (chain_id, token, payer))
        q = self.store.one(
            f"SELECT COALESCE(SUM(kind = 'raw_tx' AND state IN {sql_states(UNSENT | {QueueState.SUBMITTED})}), 0) AS raw, "
            f"COALESCE(SUM(state IN {sql_states(FAILURES)}), 0) AS failed, "
            f"MAX(CASE WHEN kind = 'raw_tx' AND state IN {sql_states(NONCE_TAKEN)} THEN payer_nonce END) AS raw_top "
            f"FROM offline_payments WHERE chain_id = ? AND payer = ?", (chain_id, payer))
        queued = self.store.one(f"SELECT COALESCE(SUM(amount_tyiyn), 0) AS total FROM offline_payments "
                                f"WHERE chain_id = ? AND payer = ? AND state IN {sql_states(PENDING)}", (chain_id, payer))
        balance = None
        if snap is not None:
            balance = int(base_units_to_tyiyn(int(snap["balance_base"]), decimals)[0])
        return PayerStanding(balance, snap["nonce"] if snap else None, snap["at"] if snap else None,
                             int(queued["total"]), int(q["raw"]), int(q["failed"]),
                             None if q["raw_top"] is None else int(q["raw_top"]) + 1)

    # -- a transfer recorded before its item was linked (the engine, the hand-over import) ------------
    def claim_payment(self, item_id: int) -> bool:
        """Link the transfer of this item's transaction to it, if the watcher recorded the transfer
        before the item was linked (``InvoiceService.claim_for_item``)."""
        item = self.get(item_id)
        if not item.tx_hash:
            return False
        return self.service.claim_for_item(self.store.one("SELECT chain_id FROM offline_payments WHERE id = ?",
                                                          (item_id,))["chain_id"], item.tx_hash,
                                           Held(item.id, item.invoice_id, "offline"), item.amount_base)

    # -- checking and accepting -------------------------------------------------------------------
    def evaluate(self, text: str | bytes, facts: ShopFacts, *, due_base: BaseUnits, now: int | None = None,
                 exact: bool = False) -> Verdict:
        """The verdict for ``text`` against a sale asking ``due_base``; writes nothing.

        ``exact``: the payment must be for exactly ``due_base`` (a sale's own amount, as ``accept``
        demands); otherwise at least it (``sompos payload check`` without a sale).
        """
        now = int(time.time()) if now is None else now
        payload = None
        try:
            payload = parse_payload(text)
            warnings = self._check(payload, facts, due_base=due_base, now=now, exact=exact)
        except PosError as err:
            return refused(err, payload)
        return Verdict(True, "ok", "The payment is valid; accept it.", kind=payload.kind, payer=payload.payer,
                       amount_base=payload.amount, key=payload.key, warnings=tuple(warnings), payload=payload)

    def _check(self, p: Payload, facts: ShopFacts, *, due_base: BaseUnits, now: int, exact: bool = False) -> list[str]:
        limits = self.limits()
        exposure = self.exposure(facts.chain_id)
        # A payment shown twice is named as such first (which sale has it), before any other rule.
        self._check_seen(p, facts.chain_id)
        verify_payload(p, facts, due_base=due_base, now=now, sync_deadline=sync_deadline(limits, exposure, now),
                       exact=exact)
        standing = self.standing(facts.chain_id, facts.token, p.payer, facts.decimals)
        amount_tyiyn = int(base_units_to_tyiyn(p.amount, facts.decimals)[0])
        return check_limits(limits, exposure, standing, amount_tyiyn=amount_tyiyn, kind=p.kind,
                            raw_nonce=p.nonce if isinstance(p, RawTransfer) else None, now=now)

    def _check_seen(self, p: Payload, chain_id: int, *, same_bytes_ok: bool = False) -> bool:
        """Refuse a payment accepted before (the same key) or a signed transfer with a number this
        payer already used here. ``same_bytes_ok``: the identical payload is no refusal but True (a
        hand-over file brought it again)."""
        prior = self.store.one("SELECT id, invoice_id, payload FROM offline_payments WHERE chain_id = ?"
                               " AND idem_key = ?", (chain_id, p.key))
        if prior is not None:
            if same_bytes_ok and prior["payload"] == p.text:
                return True
            raise PayloadRefused("seen_before", "offline.payment_already_accepted_offline", item=prior["id"], invoice=prior["invoice_id"])
        if isinstance(p, RawTransfer):
            same_nonce = self.store.one("SELECT id FROM offline_payments WHERE chain_id = ? AND kind = 'raw_tx' "
                                        "AND payer = ? AND payer_nonce = ?", (chain_id, p.payer, p.nonce))
            if same_nonce is not None:
                raise PayloadRefused("nonce_seen", "offline.customer_already_gave_payment")
        return False

    # -- for the hand-over file (pos_app/handover): the queue's own reads ----------------------------
    def already_here(self, p: Payload, chain_id: int) -> bool:
        """True when exactly this signed payment is already in the queue; raises ``PayloadRefused``
        when another one has its key or (a signed transfer) its payer's number."""
        return self._check_seen(p, chain_id, same_bytes_ok=True)

    def by_keys(self, chain_id: int, keys: list[str]) -> list[dict[str, Any]]:
        """The items with these idempotency keys (id, handed_off_at, invoice_id, idem_key)."""
        if not keys:
            return []
        return self.store.query(f"SELECT id, handed_off_at, invoice_id, idem_key FROM offline_payments"
                                f" WHERE chain_id = ? AND idem_key IN ({','.join('?' * len(keys))})", (chain_id, *keys))

    def unsent_rows(self, chain_id: int, *, include_handed_off: bool) -> list[dict[str, Any]]:
        """What a hand-over file carries: the unsent items (with those already handed off, if asked)."""
        return self.store.query(
            "SELECT id, kind, payload, idem_key, tx_hash, received_at, amount_tyiyn, token, payee, state,"
            f" handed_off_at, invoice_id FROM offline_payments WHERE chain_id = ? AND state IN {sql_states(UNSENT)}"
            + ("" if include_handed_off else " AND handed_off_at IS NULL") + " ORDER BY id", (chain_id,))

    def accept(self, text: str | bytes, invoice_id: int, facts: ShopFacts, *, now: int | None = None,
               source: str = "scan", actor: str = "cashier") -> tuple[QueueItem, bool]:
        """Check again and commit; returns the item and whether it was already there (a retry)."""
        now = int(time.time()) if now is None else now
        payload = parse_payload(text)
        with self.store.transaction() as c:
            prior = self.store.one("SELECT * FROM offline_payments WHERE chain_id = ? AND idem_key = ?",
                                   (facts.chain_id, payload.key))
            if prior is not None and prior["invoice_id"] == invoice_id and prior["payload"] == payload.text:
                return QueueItem.from_row(prior), True
            inv = self.service.get(invoice_id)
            self._check_invoice(inv, facts)
            warnings = self._check(payload, facts, due_base=inv.asked_base, now=now, exact=True)
            verdict = {"code": "ok", "warnings": warnings, "checked_at": now}
            item_id = self._insert(c, payload, chain_id=facts.chain_id, decimals=facts.decimals,
                                   invoice_id=invoice_id, verdict=verdict, source=source, now=now,
                                   received_reason=R("received_from", kind=payload.kind, source=source),
                                   queued_reason=R("verified_offline"))
            self.service.link_offline(c, invoice_id, item_id, note=R("accepted_offline"), now=now)
            self.store.audit(actor, "offline.accept", f"invoice:{invoice_id}",
                             {"item": item_id, "kind": payload.kind, "payer": payload.payer,
                              "amount_base": str(payload.amount), "key": payload.key, "warnings": warnings})
            row = self.store.one("SELECT * FROM offline_payments WHERE id = ?", (item_id,))
        item = QueueItem.from_row(row)
        if self.events is not None:
            self._publish(OfflineChanged(item=item))
            self._publish(InvoiceChanged(invoice=self.service.get(invoice_id)))
        return item, False

    def _check_invoice(self, inv: Invoice, facts: ShopFacts) -> None:
        if inv.carried:
            raise BadInput("sale.invoice_another_till_s",
                           invoice=inv.id)
        if inv.state not in OPEN_INVOICE_STATES or inv.paid_seen:
            raise BadInput("offline.invoice_longer_waiting_payment", invoice=inv.id)
        if inv.offline_id is not None:
            active = self.store.one(f"SELECT id FROM offline_payments WHERE id = ? AND state IN {sql_states(PENDING)}",
                                    (inv.offline_id,))
            if active is not None:
                raise BadInput("offline.invoice_already_offline_payment",
                               invoice=inv.id)
        if (inv.chain_id, inv.token.lower(), inv.merchant.lower()) != \
                (facts.chain_id, facts.token.lower(), facts.merchant.lower()):
            raise BadInput("offline.invoice_made_another_network", invoice=inv.id)

    def _insert(self, c: Any, payload: Payload, *, chain_id: int, decimals: int, invoice_id: int,
                verdict: dict[str, Any], source: str, now: int, received_reason: Reason, queued_reason: Reason,
                device: str | None = None) -> int:
        """Inside a transaction: a new item, received and (checked) queued, with its history."""
        raw = isinstance(payload, RawTransfer)
        tyiyn = int(base_units_to_tyiyn(payload.amount, decimals)[0])
        cur = c.execute(
            "INSERT INTO offline_payments(kind, payload, payload_hash, idem_key, chain_id, token, payer, payee,"
            " amount_base, amount_tyiyn, payer_nonce, auth_nonce, valid_before, tx_hash, invoice_id, state,"
            " verdict, source, received_at, updated_at, imported_from, imported_device)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (payload.kind, payload.text, _hash(payload.text), payload.key, chain_id, payload.token,
             payload.payer, payload.recipient, str(payload.amount), tyiyn,
             payload.nonce if raw else None, None if raw else payload.nonce,
             None if raw else payload.valid_before, payload.tx_hash if raw else None, invoice_id,
             QueueState.RECEIVED.value, json.dumps(verdict), source, now, now, device, device))
        item_id = int(cur.lastrowid)
        self._history_in(c, item_id, now, None, QueueState.RECEIVED.value, received_reason)
        self._move(c, item_id, QueueState.RECEIVED, QueueState.QUEUED, queued_reason, now)
        return item_id

    # -- items from another till's hand-over file --------------------------------------------------
    def import_item(self, payload: Payload, *, invoice_id: int, chain_id: int, decimals: int,
                    verdict: dict[str, Any], device: str, reason: Reason, due_base: BaseUnits, now: int) -> int:
        """Queue a payment another till accepted (already re-checked by the importer) for this till's
        new invoice ``invoice_id``; joins the caller's transaction (a file is imported whole).

        ``device``: the fingerprint of the till that signed the file; ``due_base``: what the
        customer signed for, which becomes the invoice's due amount. Returns the new item's id.
        """
        with self.store.transaction() as c:
            item_id = self._insert(c, payload, chain_id=chain_id, decimals=decimals, invoice_id=invoice_id,
                                   verdict=verdict, source="import", now=now, received_reason=reason,
                                   queued_reason=reason, device=device)
            self.service.link_offline(c, invoice_id, item_id, note=R("handed_over_from", device=device),
                                      now=now, due_base=due_base)
        return item_id

    def mark_handed(self, read: Mapping[int, tuple[str, int | None]], *, file_digest: str,
                    now: int) -> list[int]:
        """Exported items become the other till's to send; joins the caller's transaction.

        ``read``: item id -> (state, handed_off_at) as read for the file. Only items still that way
        are marked: one this till sent (or a person resolved) while the file was being written
        stays this till's (identical bytes sent by both land once). Returns the ids marked.
        """
        marked = []
        with self.store.transaction() as c:
            for item_id, (state, handed_off_at) in read.items():
                cur = c.execute("UPDATE offline_payments SET handed_off_at = ?, handed_file = ?, updated_at = ?"
                                " WHERE id = ? AND state = ? AND handed_off_at IS ?",
                                (now, file_digest, now, item_id, state, handed_off_at))
                if cur.rowcount:
                    marked.append(item_id)
        return marked

    # -- state changes (the sync engine) -----------------------------------------------------------
    def apply(self, changes: Iterable[Decision], *, now: int,
              also: Callable[[Any], None] | None = None) -> list[int]:
        """Commit a batch of the engine's decisions in one transaction; the ids whose state moved.

        A decision means a state (``lifecycle.decision_state``). A target the lifecycle does not allow
        from the item's state now is reached through ``submitted`` where it allows that (a receipt read
        before the send was recorded), else left alone (changed meanwhile, e.g. resolved by a person).
        ``also`` runs first in the same transaction (the relay nonce counter moves with the signed bytes).
        """
        changes = list(changes)
        if not changes:
            return []
        done: list[int] = []
        with self.store.transaction() as c:
            if also is not None:
                also(c)
            for ch in changes:
                item_id = ch.item_id
                target = decision_state(ch)
                row = c.execute("SELECT state FROM offline_payments WHERE id = ?", (item_id,)).fetchone()
                current = QueueState(row[0])
                if target is not None and target != current:
                    if target in TRANSITIONS[current]:
                        path = [target]
                    elif QueueState.SUBMITTED in TRANSITIONS[current] \
                            and target in TRANSITIONS[QueueState.SUBMITTED]:
                        path = [QueueState.SUBMITTED, target]
                    else:
                        log.warning("item %s: not moving %s -> %s", item_id, current.value, target.value)
                        continue
                    for step in path:
                        self._move(c, item_id, current, step, ch.reason, now)
                        current = step
                    done.append(item_id)
                if ch.columns:
                    self._set_columns(c, item_id, ch.columns)
        return done

    @staticmethod
    def _set_columns(c: Any, item_id: int, columns: Mapping[str, Any]) -> None:
        """The engine's bookkeeping columns (hashes, attempts, relay bytes); never the state."""
        if not set(columns) <= SENDING_COLUMNS:
            raise ValueError(f"not bookkeeping columns: {sorted(columns)} (states move through the lifecycle)")
        cols = ", ".join(f"{k} = ?" for k in columns)
        c.execute(f"UPDATE offline_payments SET {cols} WHERE id = ?", (*columns.values(), item_id))

    def _move(self, c, item_id: int, current: QueueState, target: QueueState, reason: Reason, now: int) -> None:
        check_transition(current, target)
        c.execute("UPDATE offline_payments SET state = ?, reason = '', reason_code = ?, reason_params = ?,"
                  " updated_at = ? WHERE id = ?", (target.value, reason.code, reason.to_json(), now, item_id))
        self._history_in(c, item_id, now, current.value, target.value, reason)

    @staticmethod
    def _history_in(c: Any, item_id: int, now: int, before: str | None, after: str, reason: Reason) -> None:
        """Inside the caller's transaction: one history row, its reason stored as a code (never words)."""
        if not isinstance(reason, Reason):
            raise TypeError(f"a history reason is a Reason, not {type(reason).__name__}")
        c.execute("INSERT INTO offline_history(item_id, at, from_state, to_state, reason, code, params)"
                  " VALUES (?,?,?,?,'',?,?)", (item_id, now, before, after, reason.code, reason.to_json()))

    def transition(self, item_id: int, target: QueueState, reason: Reason, *,
                   now: int | None = None) -> QueueItem:
        now = int(time.time()) if now is None else now
        with self.store.transaction() as c:
            item = self.get(item_id)
            self._move(c, item_id, item.state, target, reason, now)
        item = self.get(item_id)
        if self.events is not None:
            self._publish(OfflineChanged(item=item))
        return item

    # -- hand-over to another till, and taking it back ---------------------------------------------
    def take_back(self, item_ids: list[int] | None = None, *, actor: str, reason: Reason | str,
                  now: int | None = None) -> list[int]:
        """Make handed-off payments this till's to send again (all of them when ``item_ids`` is None).

        Harmless if the other till sent them meanwhile: identical signed bytes land once, and an
        authorization already used is followed to its final state, not paid twice.
        """
        now = int(time.time()) if now is None else now
        where = "" if item_ids is None else f" AND id IN ({','.join('?' * len(item_ids))})"
        with self.store.transaction() as c:
            ids = [int(r[0]) for r in c.execute(
                "SELECT id FROM offline_payments WHERE handed_off_at IS NOT NULL" + where + " ORDER BY id",
                tuple(item_ids or ()))]
            if not ids:
                return []
            c.executemany("UPDATE offline_payments SET handed_off_at = NULL, taken_back_at = ?, updated_at = ?"
                          " WHERE id = ?", [(now, now, i) for i in ids])
            why = R("taken_back", reason=reason)
            for i in ids:
                state = c.execute("SELECT state FROM offline_payments WHERE id = ?", (i,)).fetchone()[0]
                self._history_in(c, i, now, state, state, why)
            self.store.audit(actor, "offline.take_back", "offline_payments", {"items": ids, "reason": as_text(reason)})
        if self.events is not None:
            for i in ids:
                self._publish(OfflineChanged(item=self.get(i)))
        return ids

    def take_back_overdue(self, *, now: int | None = None, grace_s: int = HANDOFF_GRACE_S) -> list[int]:
        """Handed-off payments still unsent ``grace_s`` after the hand-over: this till sends them itself."""
        now = int(time.time()) if now is None else now
        rows = self.store.query(
            f"SELECT id FROM offline_payments WHERE handed_off_at IS NOT NULL AND handed_off_at <= ?"
            f" AND state IN {sql_states(UNSENT)}", (now - grace_s,))
        if not rows:
            return []
        return self.take_back([r["id"] for r in rows], actor="system", now=now,
                              reason=R("not_sent_in_time"))

    def send_again(self, item_id: int, *, actor: str, now: int | None = None) -> QueueItem:
        """A payment waiting for a person (``needs_attention``: the engine could not decide, or a
        relay transaction the network never took) goes back in line: the engine sends the same
        signed bytes again (an authorization is paid at most once whatever happens). Audited."""
        now = int(time.time()) if now is None else now
        with self.store.transaction() as c:
            row = c.execute("SELECT state FROM offline_payments WHERE id = ?", (item_id,)).fetchone()
            if row is None:
                raise NotFound("offline.there_offline_payment_number", item=item_id)
            current = QueueState(row[0])
            if current != QueueState.NEEDS_ATTENTION:
                raise BadInput("offline.only_offline_payment_needs")
            self._move(c, item_id, current, QueueState.QUEUED, R("sent_again_by", actor=actor), now)
            c.execute("UPDATE offline_payments SET next_try_at = ?, first_sent_at = NULL, updated_at = ?"
                      " WHERE id = ?", (now, now, item_id))
            self.store.audit(actor, "offline.send_again", f"offline_payment:{item_id}", {"from": current.value})
        item = self.get(item_id)
        self._publish(OfflineChanged(item=item))
        return item

    # -- outcomes a person settles ----------------------------------------------------------------
    RESOLUTIONS = ("collect_again", "resolved")

    def resolve(self, item_id: int, action: str, *, actor: str = "cashier", note: str = "",
                now: int | None = None) -> QueueItem:
        """Close a failed offline payment: ``collect_again`` (its sale is cancelled so the cashier
        charges again) or ``resolved`` (settled another way, e.g. in cash). Audited; once only."""
        now = int(time.time()) if now is None else now
        if action not in self.RESOLUTIONS:
            raise BadInput("offline.choose_what_happened_collect")
        with self.store.transaction() as c:
            item = self.get(item_id)
            row = self.store.one("SELECT resolved_at FROM offline_payments WHERE id = ?", (item_id,))
            if item.state not in FAILURES:
                raise BadInput("offline.offline_payment_failed_there", item=item_id)
            if row["resolved_at"] is not None:
                raise BadInput("offline.offline_payment_already_resolved", item=item_id)
            c.execute("UPDATE offline_payments SET resolved_at = ?, resolution = ?, updated_at = ? WHERE id = ?",
                      (now, action, now, item_id))
            code = {"collect_again": "collected_again", "resolved": "resolved"}[action]
            why = R(f"{code}_note", actor=actor, note=note.strip()) if note.strip() else R(code, actor=actor)
            self._history_in(c, item_id, now, item.state.value, item.state.value, why)
            inv = self.service.get(item.invoice_id)
            if action == "collect_again" and inv.state == InvoiceState.NEW:
                self.service.invalidate_in(c, inv.id, R("offline_failed_collect_again", item=item_id,
                                                        state=item.state.value), now=now)
            self.store.audit(actor, f"offline.{action}", f"offline:{item_id}",
                             {"invoice": item.invoice_id, "state": item.state.value, "note": note})
        item = self.get(item_id)
        if self.events is not None:
            self._publish(OfflineChanged(item=item))
            self._publish(InvoiceChanged(invoice=self.service.get(item.invoice_id)))
        return item


def _hash(text: str) -> str:
    import hashlib
    return hashlib.sha256(text.encode()).hexdigest()


def tyiyn_of(amount_base: BaseUnits, decimals: int) -> Tyiyn:
    return base_units_to_tyiyn(amount_base, decimals)[0]
