"""The sync engine: every payment accepted offline reaches the chain exactly once.

One ``pass_once()`` against a reachable node:

1. **relay preparation** (EIP-3009 items): ``authorizationState`` and the payer's balance are read
   in one batch; used / cancelled / expired / unfunded authorizations become their failure (an
   authorization that another machine already relayed is followed by the hash in its
   ``AuthorizationUsed`` log); the rest get a relay transaction signed with the relay account at a
   locally managed nonce. The signed bytes, the nonce and the hash are committed *before* the
   first broadcast, so a crash at any point resends the same bytes and never leaves a nonce gap;
2. **send**: queued raw transactions (in nonce order per payer) and signed relay transactions go
   out in JSON-RPC batches; every answer is classified (``classify.py``); identical bytes are
   safe to resend; transient errors are retried with back-off forever;
3. **follow**: receipts of submitted items are read in batches: status 1 = included, status 0 =
   reverted (or, for a relay, the reason read back from the chain); no receipt while the payer's
   nonce has moved past ours = double spent (unless the money arrived by a transaction the
   customer's wallet sent again: the nonce is counted only up to the last block the payment
   watcher has read, so that money is recorded before the verdict); no receipt for a while =
   resend the same bytes;
4. **finality, by evidence**: an item is final only when the token's Transfer of its payment has
   been recorded from the chain's logs by the payment watcher, in a final block (``InvoiceService.
   item_payments``): a receipt alone never makes it final (a node can lie). Whoever sent it (this
   till, another till, the customer's wallet), a handed-off item follows its money too. A receipt
   whose block is final while the watcher, past that block, found no such Transfer was a lie: the
   item goes back to submitted and the same bytes are sent again. A final payment that leaves the
   chain (a reorg deeper than finality) sends the item again (``evidence.py``). A receipt that
   vanished or moved goes back to submitted and is resent (a reorg);
5. **stuck**: a signed transfer the network has held unmined past ``Limits.stuck_after_s`` (a
   wallet that skipped transaction numbers) becomes the failure ``stuck``; if it is mined later
   after all, it is followed to final (``stuck.py``);
6. **relay gaps**: a relay transaction number this till reserved and will never use (its
   authorization failed before it was sent) is filled with an empty transaction to the relay
   account itself, so later relay transactions are never held behind it (``relay_numbers.py``); a
   relayed authorization with no receipt past its ``validBefore`` ends as expired. A relay
   transaction still unmined past ``Limits.stuck_after_s`` (held behind numbers this till cannot
   fill: the relay key locked or without BNB) ends in ``needs_attention``, named
   (``relay_held_gap`` / ``relay_not_mined``), never "submitted" for ever; its money's arrival
   still moves it on to final (``evidence.py``).

A batch's state changes commit together and are idempotent: a crash between a send and its record
only means the next pass sends the same bytes again. The engine owns ``relay_nonces``; the
queue's items change only through ``OfflineQueue.apply`` (their owner and lifecycle). No Qt.
"""
from __future__ import annotations

import logging
import time
from typing import Any, Callable

from eth_utils import to_checksum_address

from pos_app.chain import answers as node_answers
from pos_app.chain.rpc import RpcClient, RpcRefused
from pos_app.core.events import EventBus, OfflineChanged, OfflineOutcome, QueueReport, RelayLowBalance
from pos_app.core.money import as_base_units, stored_base_units
from pos_app.core.reasons import R
from pos_app.core.sending import (
    BackInLine, Bookkeeping, Decision, Failed, Failure, Included, NeedsPerson, OutboxItem, Phase, Sent,
)
from pos_app.offline.lifecycle import FAILURES, QueueState
from pos_app.offline.queue import OfflineQueue
from pos_app.chain.profiles import NetworkProfile
from pos_app.store.db import Store
from pos_app.outbox import stuck
from pos_app.outbox.classify import Answer, backoff_seconds, classify_send_error
# MAX_UNPROVEN_SENDS stays importable from here (tests/integration/test_evidence_anvil.py).
from pos_app.outbox.evidence import MAX_UNPROVEN_SENDS, settle_by_evidence, unproven_receipts  # noqa: F401
from pos_app.outbox.held_relays import held_relay_changes
from pos_app.outbox.relay_numbers import fill_relay_gaps, next_relay_nonce
from pos_app.outbox.report import PassReport
from pos_app.chain.calldata import (
    answer_error as _err, answer_field as _get, as_hex as _hex, as_int as _int, authorization_calldata,
    authorization_state_call, authorization_topics, balance_call,
)
from pos_app.chain.rawrpc import BATCH, rpc_batch

log = logging.getLogger(__name__)
Q = QueueState

RESEND_AFTER_S = 20         # no receipt and not in the pool for this long: send the same bytes again
RELAY_GAS = 150_000         # receive/transferWithAuthorization costs ~60-80k; unused gas is not paid


class SyncEngine:
    def __init__(self, store: Store, queue: OfflineQueue, rpc: RpcClient, profile: NetworkProfile, *,
                 token: str, merchant: str, relay: Any = None, events: EventBus | None = None,
                 clock: Callable[[], float] = time.time, resend_after_s: int = RESEND_AFTER_S,
                 stuck_after_s: int | None = None, scanned_to: Callable[[], int | None] | None = None) -> None:
        self.store, self.queue, self.rpc, self.profile = store, queue, rpc, profile
        self.chain_id = profile.chain_id
        self.token = to_checksum_address(token)
        self.merchant = to_checksum_address(merchant)
        self.relay = relay                    # an unlocked eth-account LocalAccount, or None
        self.events = events
        self.clock = clock
        self.resend_after_s = resend_after_s
        self.stuck_after_s = stuck_after_s    # None: the shop's offline limits decide (Limits.stuck_after_s)
        # The first block the payment watcher has not read yet (None: never ran): a receipt in a
        # block it has read, with no Transfer recorded, was a lie.
        self.scanned_to = scanned_to or (lambda: None)
        self.service = queue.service          # the owner of the recorded payments (the evidence)

    # -- reading the queue ---------------------------------------------------------------------
    def outstanding(self) -> int:
        """Items the engine still moves on its own (the queue's ``IN_FLIGHT``, not handed off)."""
        return self.queue.outbox.in_flight(self.chain_id)

    # -- applying decisions (one transaction per batch) ----------------------------------------------
    def _apply(self, changes: list[Decision], report: PassReport, now: int,
               also: Callable[[Any], None] | None = None) -> None:
        # The queue owns the items and their lifecycle: it commits the batch in one transaction.
        done = self.queue.apply(changes, now=now, also=also)
        for item_id in done:
            item = self.queue.get(item_id)
            if item.state == Q.SUBMITTED:
                report.submitted += 1
            elif item.state == Q.INCLUDED:
                report.included += 1
            elif item.state == Q.FINAL:
                report.final += 1
                report.outcomes.append(item)
            elif item.state in FAILURES:
                report.failed += 1
                report.outcomes.append(item)
            if self.events is not None:
                self.events.publish(OfflineChanged(item=item))
                if item.state == Q.FINAL or item.state in FAILURES:
                    self.events.publish(OfflineOutcome(item=item))

    def _batch(self, what: str, calls: list[tuple[str, list[Any]]]) -> list[dict[str, Any]]:
        if not calls:
            return []
        return self.rpc.call(what, lambda w3: rpc_batch(w3, calls))

    # -- the pass ------------------------------------------------------------------------------------
    def pass_once(self) -> PassReport:
        """One pass (module docstring). Raises ``NodeUnavailable`` when no node answers."""
        now = int(self.clock())
        report = PassReport()
        head = self.rpc.block("latest")
        report.head = head["number"]
        # Online now: what was handed to another till and is still unsent after the grace period
        # is this till's to send again (a lost stick must not strand a payment).
        self.queue.take_back_overdue(now=now)
        # 4. first: the money itself, as the payment watcher recorded it (evidence.py)
        self._apply(settle_by_evidence(self.queue.outbox, self.service.item_payments, self.chain_id, now), report, now)
        self._fail_unsettleable(report, now)
        self._prepare_relay(report, now)
        self._send(report, now)
        self._follow(report, now, head["number"])
        self._give_up_stuck(report, now)
        self._held_relays(report, now)
        report.relay_gaps_filled += fill_relay_gaps(self.store, self.queue.outbox, self.rpc, self.relay, self.chain_id,
                                                    self._batch)
        report.outstanding = self.outstanding()
        if self.events is not None:
            self.events.publish(QueueReport(outstanding=report.outstanding, report=report))
        return report

    def _claim(self, r: OutboxItem) -> None:
        """The watcher may have recorded this item's transaction before the item was linked to it."""
        if r.tx_hash:
            self.queue.claim_payment(int(r.id))

    # -- 0. what the token cannot settle ---------------------------------------------------------------
    def _fail_unsettleable(self, report: PassReport, now: int) -> None:
        """Authorizations queued before the token was found to lack EIP-3009 can never be relayed:
        a named failure the cashier can collect again, not a wait for ever. (A paused token is
        waited out: pausing is temporary.)"""
        from pos_app.chain.token_cache import cached_token_info
        info = cached_token_info(self.store, self.chain_id, self.token)
        if info is None or info.features is None or info.features.eip3009:
            return
        rows = self.queue.outbox.unsigned_authorizations(self.chain_id)
        self._apply([Failed(r, R("token_cannot_settle"), failure=Failure.REJECTED)
                     for r in rows], report, now)

    # -- 1. relay preparation --------------------------------------------------------------------------
    def _auth_rows(self, now: int) -> list[OutboxItem]:
        return self.queue.outbox.authorizations_to_relay(self.chain_id, now)

    def _prepare_relay(self, report: PassReport, now: int) -> None:
        rows = self._auth_rows(now)
        if not rows:
            return
        import json
        payloads = {r.id: json.loads(r.payload) for r in rows}
        calls: list[tuple[str, list[Any]]] = []
        for r in rows:
            calls.append(authorization_state_call(self.token, self.merchant, r.payer, r.auth_nonce))
            calls.append(balance_call(self.token, self.merchant, r.payer))
        answers = self._batch("check authorizations", calls)
        changes: list[Decision] = []
        ready: list[OutboxItem] = []
        spent_by_payer: dict[str, int] = {}
        for i, r in enumerate(rows):
            state_resp, bal_resp = answers[2 * i], answers[2 * i + 1]
            if _err(state_resp) or _err(bal_resp):
                changes.append(self._retry(r, _err(state_resp) or _err(bal_resp) or "", now))
                continue
            used = _int(state_resp.get("result") or "0x0") != 0
            if used:
                changes.append(self._authorization_used_elsewhere(r))
                continue
            if int(r.valid_before) <= now + 30:
                changes.append(Failed(r, R("authorization_expired_unsent"), failure=Failure.EXPIRED))
                continue
            balance = as_base_units(_int(bal_resp.get("result") or "0x0"))
            need = spent_by_payer.get(r.payer, 0) + stored_base_units(r.amount_base)
            if balance < need:
                changes.append(Failed(r, R("balance_short"), failure=Failure.INSUFFICIENT_FUNDS))
                continue
            method = payloads[r.id].get("method", "transferWithAuthorization")
            if self.relay is not None and method == "receiveWithAuthorization" \
                    and self.relay.address.lower() != r.payee.lower():
                changes.append(NeedsPerson(r, R("receive_needs_shop_key")))
                continue
            spent_by_payer[r.payer] = need
            ready.append(r)
        also = None
        if ready and self.relay is None:
            report.relay_missing = len(ready)
        elif ready:
            signed, next_nonce = self._sign_relays(ready, payloads, report)
            changes.extend(signed)
            address = self.relay.address

            def also(c: Any) -> None:  # the nonce counter moves with the signed bytes, atomically
                c.execute("INSERT INTO relay_nonces(chain_id, address, next_nonce) VALUES (?,?,?) ON CONFLICT"
                          "(chain_id, address) DO UPDATE SET next_nonce = MAX(next_nonce, excluded.next_nonce)",
                          (self.chain_id, address, next_nonce))
        self._apply(changes, report, now, also)

    def _authorization_used_elsewhere(self, r: OutboxItem) -> Decision:
        """Used or cancelled: the log tells which (and, if used, the transaction that paid)."""
        topics_used, topics_cancel = authorization_topics(r.payer, r.auth_nonce)

        def logs(w3: Any) -> tuple[list[Any], list[Any]]:
            base = {"address": self.token, "fromBlock": 0, "toBlock": "latest"}
            return (node_answers.logs(list(w3.eth.get_logs({**base, "topics": topics_used}))),
                    node_answers.logs(list(w3.eth.get_logs({**base, "topics": topics_cancel}))))
        try:
            used, cancelled = self.rpc.call("find who used an authorization", logs)
        except RpcRefused as exc:  # a node without log search: a person checks the payer's history
            log.warning("cannot search authorization logs: %s", exc.node_message)
            return NeedsPerson(r, R("authorization_used_unknown"))
        if used:
            tx = _hex(used[-1]["transactionHash"])
            # Its own relay number (if it reserved one) will not be used: released, and filled.
            return Sent(r, R("sent_by_another"), {"tx_hash": tx, "last_sent_at": int(self.clock()), "relay_raw": None,
                            "relay_nonce": None, "relay_from": None})
        if cancelled:
            return Failed(r, R("authorization_cancelled"), failure=Failure.CANCELLED)
        return NeedsPerson(r, R("authorization_used_no_record"))

    def _sign_relays(self, ready: list[OutboxItem], payloads: dict[int, dict[str, Any]],
                     report: PassReport) -> tuple[list[Decision], int]:
        gas_price = self.rpc.gas_price()  # checked: -1 or 2**300 from a node fails it over
        balance = self.rpc.balance(self.relay.address, "read the relay balance")
        outstanding_relays = self.queue.outbox.relays_to_send(self.chain_id)
        need = int(outstanding_relays) * RELAY_GAS * gas_price
        report.relay_short_wei = max(0, need - balance)
        if report.relay_short_wei and self.events is not None:
            self.events.publish(RelayLowBalance(short_wei=report.relay_short_wei, address=self.relay.address))
        nonce = next_relay_nonce(self.store, self.rpc, self.chain_id, self.relay.address)
        changes = []
        for r in ready:
            # A relay transaction the node refused (fee too low) keeps its reserved nonce: later
            # relays were signed after it, so a new nonce would leave a gap they wait behind forever.
            reserved = r.relay_nonce is not None and (r.relay_from or "").lower() == self.relay.address.lower()
            use = int(r.relay_nonce) if reserved else nonce
            p = payloads[r.id]
            data = authorization_calldata(method=p.get("method", "transferWithAuthorization"), payer=r.payer,
                                          payee=r.payee, amount=int(stored_base_units(r.amount_base)),
                                          valid_after=int(p["validAfter"]), valid_before=int(p["validBefore"]),
                                          nonce=r.auth_nonce, signature=bytes.fromhex(p["signature"][2:]))
            tx = {"to": self.token, "data": data, "value": 0, "gas": RELAY_GAS, "gasPrice": gas_price,
                  "nonce": use, "chainId": self.chain_id}
            signed = self.relay.sign_transaction(tx)
            changes.append(Bookkeeping(r, columns={
                "relay_raw": "0x" + bytes(signed.raw_transaction).hex(), "relay_from": self.relay.address,
                "relay_nonce": use, "tx_hash": "0x" + bytes(signed.hash).hex()}))
            if not reserved:
                nonce += 1
        return changes, nonce

    # -- 2. send ------------------------------------------------------------------------------------------
    def _sendable(self, now: int) -> list[OutboxItem]:
        return self.queue.outbox.sendable(self.chain_id, now)

    def _send(self, report: PassReport, now: int, rows: list[OutboxItem] | None = None) -> None:
        rows = self._sendable(now) if rows is None else rows
        for i in range(0, len(rows), 5 * BATCH):
            chunk = rows[i:i + 5 * BATCH]
            answers = self._batch("send payments", [("eth_sendRawTransaction", [self._bytes(r)]) for r in chunk])
            changes = [self._on_send_answer(r, a, now, report) for r, a in zip(chunk, answers)]
            self._apply([c for c in changes if c is not None], report, now)

    @staticmethod
    def _bytes(r: OutboxItem) -> str | None:
        return r.signed

    def _on_send_answer(self, r: OutboxItem, a: dict[str, Any], now: int, report: PassReport) -> Decision | None:
        report.sent += 1
        sent = {"last_sent_at": now, "first_sent_at": r.first_sent_at or now, "attempts": r.attempts + 1,
                "last_error": ""}
        message = _err(a)
        if message is None:
            return Sent(r, R("sent"), sent)
        answer = classify_send_error(message)
        relay = r.kind == "eip3009"
        if answer == Answer.SUBMITTED:
            return Sent(r, R("already_known"), sent)
        if answer == Answer.NONCE_USED:
            # Landed earlier (a crash before we recorded it) or replaced: the receipt decides.
            return Sent(r, R("nonce_used_checking"), {**sent, "last_error": message})
        if answer == Answer.INSUFFICIENT_FUNDS and not relay:
            return Failed(r, R("no_gas_money"), sent, failure=Failure.INSUFFICIENT_FUNDS)
        if answer == Answer.UNDERPRICED and not relay:
            return Failed(r, R("fee_too_low"), sent, failure=Failure.REJECTED)
        if answer == Answer.REVERTED and not relay:
            return Failed(r, R("token_refused"), sent, failure=Failure.REVERTED)
        if answer == Answer.REJECTED and not relay:
            return Failed(r, R("network_refuses", message=message[:120]), sent, failure=Failure.REJECTED)
        if relay and answer in (Answer.UNDERPRICED, Answer.REJECTED):
            # Our own relay transaction: sign it again next pass (same nonce, current gas price).
            return Bookkeeping(r, columns={"relay_raw": None, "last_error": message[:300],
                                         "next_try_at": now + backoff_seconds(r.attempts + 1)})
        report.retrying += 1
        # A node answered (e.g. "nonce too high"): the stuck deadline runs from this first hand-over.
        return Bookkeeping(r, columns={"attempts": r.attempts + 1, "last_error": message[:300],
                                     "first_sent_at": r.first_sent_at or now,
                                     "next_try_at": now + backoff_seconds(r.attempts + 1)})

    def _retry(self, r: OutboxItem, message: str, now: int) -> Decision:
        return Bookkeeping(r, columns={"attempts": r.attempts + 1, "last_error": message[:300],
                                     "next_try_at": now + backoff_seconds(r.attempts + 1)})

    # -- 3./4. follow and finality ---------------------------------------------------------------------------
    def _follow(self, report: PassReport, now: int, head: int) -> None:
        rows = self.queue.outbox.followable(self.chain_id, now - stuck.STUCK_WATCH_S)
        if not rows:
            return
        fin = self._finality_point(head)
        for i in range(0, len(rows), 5 * BATCH):
            self._follow_chunk(rows[i:i + 5 * BATCH], report, now, fin, head)

    def _finality_point(self, head: int) -> int:
        if self.profile.finality.rule == "finalized":
            return self.rpc.block("finalized")["number"]
        return head - self.profile.finality.confirmations + 1

    def _follow_chunk(self, rows: list[OutboxItem], report: PassReport, now: int, fin: int, head: int) -> None:
        receipts = self._batch("read receipts", [("eth_getTransactionReceipt", [r.tx_hash]) for r in rows])
        changes: list[Decision] = []
        missing: list[OutboxItem] = []
        final_check: list[OutboxItem] = []
        diagnose: list[OutboxItem] = []
        for r, a in zip(rows, receipts):
            if _err(a):
                changes.append(self._retry(r, _err(a) or "", now)) if r.phase is Phase.SENT else None
                continue
            rc = a.get("result")
            if not rc and r.phase is Phase.STUCK:
                continue  # still held back (or dropped): nothing to do
            if not rc:
                if r.phase is Phase.INCLUDED:
                    changes.append(Sent(r, R("reorg_resend"), {"block_number": None, "block_hash": None, "last_sent_at": 0}))
                else:
                    missing.append(r)
                continue
            number, block_hash, status = _int(_get(rc, "blockNumber")), _hex(_get(rc, "blockHash")), _int(rc["status"])
            if r.phase in (Phase.SENT, Phase.STUCK):
                if status == 1:
                    self._claim(r)
                    changes.append(Included(r, stuck.landed(r, number), {"block_number": number, "block_hash": block_hash}))
                elif r.kind == "raw_tx":
                    changes.append(Failed(r, R("token_refused_reverted"), {"block_number": number, "block_hash": block_hash}, failure=Failure.REVERTED))
                else:
                    diagnose.append(r)
            elif block_hash != r.block_hash or number != r.block_number:
                changes.append(Sent(r, R("reorg_follow"), {"block_number": None, "block_hash": None}))
            elif number <= fin:
                final_check.append(r)
        if final_check:
            # A receipt in a final block the watcher has read past without the Transfer was a lie.
            lies, resend = unproven_receipts(final_check, self.scanned_to(), self.service.item_payments)
            changes.extend(lies)
            missing.extend(resend)
        changes.extend(self._missing(missing, now, head))
        changes.extend(self._diagnose_reverted_relays(diagnose))
        self._apply(changes, report, now)
        # Only bytes of this till's own (an authorization followed on someone else's relay has none).
        resend = [r for r in missing if now - (r.last_sent_at or 0) >= self.resend_after_s and self._bytes(r)
                  and self.queue.outbox.phase_of(r.id) is Phase.SENT]
        if resend:
            answers = self._batch("send payments again", [("eth_sendRawTransaction", [self._bytes(r)]) for r in resend])
            resent = []
            for r, a in zip(resend, answers):
                report.resent += 1
                resent.append(Bookkeeping(r, columns={"last_sent_at": now, "attempts": r.attempts + 1,
                                                    "last_error": (_err(a) or "")[:300]}))
            self._apply(resent, report, now)

    def _give_up_stuck(self, report: PassReport, now: int) -> None:
        """Raw transfers held unmined past the deadline become ``stuck`` (module docstring, 5.)."""
        after = self.stuck_after_s if self.stuck_after_s is not None else self.queue.limits().stuck_after_s
        rows = self.queue.outbox.overdue_raw(self.chain_id, now - after)
        for i in range(0, len(rows), BATCH):
            chunk = rows[i:i + BATCH]
            counts = self._batch("read account nonces", [("eth_getTransactionCount", [r.payer, "latest"])
                                                         for r in chunk])
            # The receipt after the count: one mined in between is followed, not given up.
            receipts = self._batch("read receipts", [("eth_getTransactionReceipt", [r.tx_hash]) for r in chunk])
            changes = []
            for r, cnt, rc in zip(chunk, counts, receipts):
                if _err(cnt) or _err(rc) or rc.get("result"):
                    continue
                reason = stuck.verdict(r, _int(cnt.get("result") or "0x0"), after)
                if reason is not None:
                    changes.append(Failed(r, reason, failure=Failure.STUCK))
            self._apply(changes, report, now)

    def _held_relays(self, report: PassReport, now: int) -> None:
        """Relay transactions held unmined past the deadline wait for a person (``held_relays.py``)."""
        after = self.stuck_after_s if self.stuck_after_s is not None else self.queue.limits().stuck_after_s
        self._apply(held_relay_changes(self.queue.outbox.overdue_relays(self.chain_id, now - after), after,
                                       self._batch), report, now)

    def _missing(self, rows: list[OutboxItem], now: int, head: int) -> list[Decision]:
        """Submitted, no receipt: has the nonce moved on without us (double spend / relay re-sign)?"""
        if not rows:
            return []
        # A payer's number counted only up to the last block the payment watcher has read: a
        # number spent in a block it has not read yet may be the customer's wallet sending the
        # same transfer again (another fee, another hash), whose money the watcher has yet to
        # record; it is judged once the watcher has read that block, never taken for a double spend.
        scanned = self.scanned_to()
        payer_at = "latest" if scanned is None else hex(max(0, min(head, scanned - 1)))
        calls = []
        for r in rows:
            if r.kind == "raw_tx":
                calls.append(("eth_getTransactionCount", [r.payer, payer_at]))
            else:
                calls.append(("eth_getTransactionCount", [r.relay_from or r.payer, "latest"]))
        counts = self._batch("read account nonces", calls)
        # The receipt is read again after the nonce: a transaction that landed in between is not
        # taken for a double spend.
        again = self._batch("read receipts", [("eth_getTransactionReceipt", [r.tx_hash]) for r in rows])
        changes = []
        # Money that arrived and is still on the chain: a payment a reorg removed is no evidence.
        arrived = {i for i, p in self.service.item_payments(r.id for r in rows).items() if p["status"] != "removed"}
        for r, cnt, rc in zip(rows, counts, again):
            if _err(cnt) or _err(rc) or rc.get("result"):
                continue  # decided next pass
            if r.id in arrived:
                continue  # its money arrived by another transaction (the customer's wallet sent it again)
            count = _int(cnt.get("result") or "0x0")
            if r.kind == "eip3009" and r.relay_from is None:
                # Followed on someone else's relay, which is gone: this till relays it itself.
                changes.append(BackInLine(r, R("foreign_relay_dropped"), {"tx_hash": None}))
            elif r.kind == "eip3009" and r.valid_before is not None and now > int(r.valid_before) + 60:
                changes.append(Failed(r, R("authorization_expired_unmined"), failure=Failure.EXPIRED))
            elif r.kind == "raw_tx" and count > int(r.payer_nonce):
                changes.append(Failed(r, R("double_spent"), failure=Failure.DOUBLE_SPENT))
            elif r.kind == "eip3009" and r.relay_nonce is not None and count > int(r.relay_nonce):
                # Our relay nonce went to another transaction: sign again (the authorization's own
                # nonce guarantees it is paid at most once).
                changes.append(BackInLine(r, R("relay_replaced"), {"relay_raw": None, "relay_nonce": None, "relay_from": None, "tx_hash": None}))
        return changes

    def _diagnose_reverted_relays(self, rows: list[OutboxItem]) -> list[Decision]:
        if not rows:
            return []
        calls = []
        for r in rows:
            calls.append(authorization_state_call(self.token, self.merchant, r.payer, r.auth_nonce))
            calls.append(balance_call(self.token, self.merchant, r.payer))
        answers = self._batch("check authorizations", calls)
        changes = []
        for i, r in enumerate(rows):
            used = _int(answers[2 * i].get("result") or "0x0") != 0
            balance = as_base_units(_int(answers[2 * i + 1].get("result") or "0x0"))
            if used:
                changes.append(self._authorization_used_elsewhere(r))
            elif balance < stored_base_units(r.amount_base):
                changes.append(Failed(r, R("balance_was_short"), failure=Failure.INSUFFICIENT_FUNDS))
            else:
                changes.append(Failed(r, R("token_refused_authorization"), failure=Failure.REVERTED))
        return changes
