"""Payment detection: scan the token's Transfer logs to the merchant and settle invoices.

One ``scan_once()`` pass:
1. reorg check: the last checkpoint's block hash must still be canonical, and so must the block
   of every payment not yet final; otherwise those payments are marked removed and the cursor
   moves back to the last block both sides agree on;
2. scan from the persisted cursor to the head in bounded ranges (``eth_getLogs``), halving the
   range when the node refuses and growing it back after successes; each range is committed with
   its checkpoint, so a crash or restart resumes exactly there; payments are keyed by
   (chain, tx hash, log index), so overlap never double-counts;
3. finality: payments at or below the profile's finality point (the ``finalized`` tag or N
   confirmations) whose block is still canonical become final; invoices are recomputed.

``PaymentWatcher.start()`` runs passes on its own thread until ``stop()``. Plain Python, no Qt.

The watcher owns ``scan_cursor`` and ``scan_checkpoints``. Payments and invoices are written by
``InvoiceService`` (their owner), called inside the watcher's transactions so a range's payments,
their invoices and the cursor commit together; payer snapshots go through the ``OfflineQueue``
passed in. Beside it: ``logs.py`` (reading a log as a ``Transfer``), ``evidence.py`` (which offline
payment of this till a transfer settles) and ``clock.py`` (this till's clock against the chain's).
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from eth_utils import to_checksum_address

from pos_app.core.reasons import R
from pos_app.chain import answers
from pos_app.chain.rawrpc import rpc_batch
from pos_app.chain.rpc import RpcClient, RpcRefused
from pos_app.core.connectivity import Connectivity
from pos_app.core.errors import ChainError, NodeUnavailable, PosError
from pos_app.core.loop import BackgroundLoop
from pos_app.core.events import (
    AuditProblem, EventBus, PaymentFinal, PaymentRemoved, PaymentSeen, ScanProgress,
)
from pos_app.invoices import reads
from pos_app.invoices.service import InvoiceService
from pos_app.chain.profiles import NetworkProfile
from pos_app.payments import evidence
from pos_app.payments.clock import ClockMeter
from pos_app.payments.logs import TRANSFER_TOPIC, _topic_for, logs_from_blocks, parse_log
from pos_app.store.db import Store

if TYPE_CHECKING:
    from pos_app.offline.queue import OfflineQueue

log = logging.getLogger(__name__)

KEEP_CHECKPOINTS = 256
CLOCK_SKEW_SECONDS = 120


@dataclass
class ScanResult:
    head: int = 0
    scanned_to: int = 0
    new_payments: int = 0
    removed_payments: int = 0
    finalized_payments: int = 0
    changed_invoices: set[int] = field(default_factory=set)


RECORD_ONLINE_EVERY_S = 60      # how often a pass notes "online" and the fee floor (one fsync)
SNAPSHOT_EVERY_S = 600          # how often payer balances / nonces are re-read
MAX_SNAPSHOT_PAYERS = 500
# The newest block unanswered this long: the link is reported down at once (issue 12: the red bar
# within 2 s), without waiting for the read timeout of a node that hangs.
LINK_SILENT_S = 2.0


def scanned_to(store: Store, chain_id: int, token: str, merchant: str) -> int | None:
    """The first block the watcher has not read yet for this shop (None: it never ran)."""
    row = store.one("SELECT next_block FROM scan_cursor WHERE chain_id=? AND token=? AND merchant=?",
                    (chain_id, to_checksum_address(token), to_checksum_address(merchant)))
    return None if row is None else int(row["next_block"])


class PaymentWatcher(BackgroundLoop):
    thread_name = "payment-watcher"

    def __init__(self, store: Store, rpc: RpcClient, profile: NetworkProfile, *, token: str,
                 merchant: str, service: InvoiceService, offline: "OfflineQueue",
                 events: EventBus | None = None, max_range: int | None = None,
                 clock: Callable[[], float] = time.time, link: Connectivity | None = None) -> None:
        self.store, self.rpc, self.profile = store, rpc, profile
        self.token = to_checksum_address(token)
        self.merchant = to_checksum_address(merchant)
        self.service = service
        # Where online contact, the fee floor and payer snapshots are noted (offline acceptance
        # reads them); passed in, so this package never reaches into the queue's tables.
        self.offline = offline
        self.events = events or service.events
        # The till's one link state: every pass says whether the network answered (issue 19, 6).
        self.link = link if link is not None else Connectivity(self.events)
        self.max_range = max_range or profile.max_log_range
        self.range = self.max_range
        self.clock = clock
        BackgroundLoop.__init__(self)
        self.last_error: str | None = None
        self.use_block_scan = not profile.logs_enabled
        self._token_checked = False
        self._repaired = False
        self._block_cache: dict[int, dict[str, Any]] = {}
        self._recorded_at: float | None = None
        self._snapshots_at: float | None = None
        # Network time minus this till's time (0 when they agree), as last measured; every
        # payment's time is read in this till's clock (``Transfer.till_time``).
        self.clock_meter = ClockMeter(store, profile.chain_id, self.events)

    @property
    def skew(self) -> int:
        """Network time minus this till's time in seconds, as last measured (``clock.py``)."""
        return self.clock_meter.skew

    # -- cursor ------------------------------------------------------------------------------
    def _key(self) -> tuple[int, str, str]:
        return (self.profile.chain_id, self.token, self.merchant)

    def cursor(self) -> int | None:
        row = self.store.one("SELECT next_block FROM scan_cursor WHERE chain_id=? AND token=? AND merchant=?",
                             self._key())
        return None if row is None else int(row["next_block"])

    def _set_cursor(self, c: Any, next_block: int) -> None:
        c.execute("INSERT INTO scan_cursor(chain_id, token, merchant, next_block) VALUES (?,?,?,?)"
                  " ON CONFLICT(chain_id, token, merchant) DO UPDATE SET next_block=excluded.next_block",
                  (*self._key(), next_block))

    def _block(self, number: int) -> dict[str, Any]:
        b = self._block_cache.get(number)
        if b is None:
            b = self.rpc.block(number)
            if len(self._block_cache) > 4096:
                self._block_cache.clear()
            self._block_cache[number] = b
        return b

    def _first_block_after(self, ts: int, head: int) -> int:
        """Binary search for the first block with timestamp >= ts (where scanning must start)."""
        lo, hi = 0, head
        if self._block(head)["timestamp"] < ts:
            return head
        while lo < hi:
            mid = (lo + hi) // 2
            if self._block(mid)["timestamp"] < ts:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def ensure_cursor(self, head: int | None = None) -> int:
        """Start scanning at the block where the oldest watched invoice was created (or the head)."""
        cur = self.cursor()
        if cur is not None:
            return cur
        head = self.rpc.block_number() if head is None else head
        oldest = reads.oldest_open_created_at(self.store, *self._key())
        start = head if oldest is None else self._first_block_after(oldest + self.skew - CLOCK_SKEW_SECONDS, head)
        with self.store.transaction() as c:
            self._set_cursor(c, start)
        return start

    # -- reorgs ------------------------------------------------------------------------------
    def _canonical_hash(self, number: int) -> str:
        self._block_cache.pop(number, None)  # never trust a cached hash for a reorg check
        return self._block(number)["hash"]

    def _read_blocks(self, numbers: list[int]) -> dict[int, dict[str, Any] | None]:
        """Many blocks' ``{number, hash, timestamp}`` in JSON-RPC batches of 100 (None: the node has
        no such block); each batch is kept in the cache as it arrives, so a flaky link that cuts a
        later batch loses only that one. A catch-up over many payments costs a few requests, not
        one per block."""
        out: dict[int, dict[str, Any] | None] = {}
        wanted = sorted(set(numbers))
        for i in range(0, len(wanted), 100):
            chunk = wanted[i:i + 100]
            got = self.rpc.call("give blocks", lambda w3, chunk=chunk: [
                None if not (a.get("result") if isinstance(a, dict) else None)
                else answers.block(a["result"], f"block {n}")
                for n, a in zip(chunk, rpc_batch(w3, [("eth_getBlockByNumber", [hex(n), False]) for n in chunk]))])
            for n, b in zip(chunk, got):
                if b is not None and b["number"] != n:
                    raise answers.BadAnswer(f"asked for block {n}, got block {b['number']}")
                out[n] = b
                if b is not None:
                    if len(self._block_cache) > 4096:
                        self._block_cache.clear()
                    self._block_cache[n] = b
        return out

    def _canonical_hashes(self, numbers: list[int]) -> dict[int, str | None]:
        """Fresh hashes of many blocks, batched (never from the cache: this is the reorg check)."""
        for n in numbers:
            self._block_cache.pop(n, None)
        return {n: (b["hash"] if b is not None else None) for n, b in self._read_blocks(numbers).items()}

    def _check_reorg(self, result: ScanResult, head: int) -> None:
        chain_id = self.profile.chain_id
        rewind_to: int | None = None
        checkpoints = self.store.query(
            "SELECT block_number, block_hash FROM scan_checkpoints WHERE chain_id=? ORDER BY block_number DESC",
            (chain_id,))
        for i, cp in enumerate(checkpoints):
            # Checkpoints above the head are not judged (scan_once waits for a node that is behind).
            if cp["block_number"] > head:
                continue
            if self._canonical_hash(cp["block_number"]) == cp["block_hash"]:
                if i:  # some newer checkpoints were reorged away
                    rewind_to = cp["block_number"] + 1
                break
        else:
            if checkpoints:
                rewind_to = checkpoints[-1]["block_number"] - self.max_range
        pending = reads.unfinal_blocks(self.store, *self._key())
        fresh = self._canonical_hashes([p["block_number"] for p in pending if p["block_number"] <= head])
        bad_blocks = [p["block_number"] for p in pending
                      if p["block_number"] <= head and fresh.get(p["block_number"]) != p["block_hash"]]
        if bad_blocks:
            low = min(bad_blocks)
            rewind_to = low if rewind_to is None else min(rewind_to, low)
        if rewind_to is None:
            return
        rewind_to = max(0, rewind_to)
        log.warning("chain reorganisation: rescanning from block %s", rewind_to)
        with self.store.transaction() as c:
            # The payments and their invoices change in this commit, with the cursor moved back.
            rows, changes = self.service.remove_payments_in(c, *self._key(), rewind_to, R("payment_dropped"),
                                                            now=int(self.clock()))
            result.changed_invoices.update(int(r["invoice_id"]) for r in rows if r["invoice_id"] is not None)
            c.execute("DELETE FROM scan_checkpoints WHERE chain_id=? AND block_number >= ?", (chain_id, rewind_to))
            cur = self.cursor()
            if cur is None or cur > rewind_to:
                self._set_cursor(c, rewind_to)
        result.removed_payments += len(rows)
        self._block_cache.clear()
        for r in rows:
            self.events.publish(PaymentRemoved(payment_id=r["id"], invoice_id=r["invoice_id"]))
        self.service.publish_changes(changes)

    # -- scanning ----------------------------------------------------------------------------
    def _get_logs(self, a: int, b: int) -> list[dict[str, Any]]:
        if self.use_block_scan:
            return logs_from_blocks(self.rpc, self.token, self.merchant, a, b)
        params = {"fromBlock": a, "toBlock": b, "address": self.token,
                  "topics": [TRANSFER_TOPIC, None, _topic_for(self.merchant)]}
        # Checked as a whole (answers.logs): a nonsense log fails the node over, it is not skipped.
        return self.rpc.call("list token transfers", lambda w3: answers.logs(list(w3.eth.get_logs(params))))

    def _scan_range(self, a: int, b: int, result: ScanResult) -> None:
        logs = self._get_logs(a, b)
        # Every block the logs name, and the range's end, read in batches before parsing.
        numbers = {b}
        for e in logs:
            try:
                numbers.add(answers.block_number(e["blockNumber"], "log block number"))
            except (KeyError, TypeError, ValueError):
                pass
        self._read_blocks([n for n in numbers if n not in self._block_cache])
        transfers = [t for t in (parse_log(e, chain_id=self.profile.chain_id, token=self.token, merchant=self.merchant,
                                           block=self._block, skew=self.skew) for e in logs) if t is not None]
        transfers.sort(key=lambda t: (t.block_number, t.log_index))
        held = self.offline.evidence          # which offline payment of this till a transfer settles
        found = evidence.network_evidence(self.rpc, held, self.profile.chain_id, self.token, transfers)
        end_hash = self._block(b)["hash"]
        new_ids = []
        with self.store.transaction() as c:
            for t in transfers:
                # Looked up inside the write: an item accepted a moment ago is found.
                pid, is_new = self.service.record_transfer(
                    t, held=evidence.held(held, self.profile.chain_id, t, found, self.service.item_links))
                if is_new:
                    new_ids.append(pid)
            # The invoices these payments belong to change in the same commit as the payments.
            touched = reads.invoices_of_payments(c, new_ids)
            changes = self.service.recompute_in(c, touched, R("payment_seen"))
            self._set_cursor(c, b + 1)
            c.execute("INSERT OR REPLACE INTO scan_checkpoints(chain_id, block_number, block_hash) VALUES (?,?,?)",
                      (self.profile.chain_id, b, end_hash))
            c.execute("DELETE FROM scan_checkpoints WHERE chain_id=? AND block_number NOT IN (SELECT block_number"
                      " FROM scan_checkpoints WHERE chain_id=? ORDER BY block_number DESC LIMIT ?)",
                      (self.profile.chain_id, self.profile.chain_id, KEEP_CHECKPOINTS))
        result.new_payments += len(new_ids)
        result.changed_invoices.update(touched)
        for pid in new_ids:
            self.events.publish(PaymentSeen(payment=self.service.payment(pid)))
        self.service.publish_changes(changes)

    def _scan_to(self, head: int, result: ScanResult) -> None:
        a = self.ensure_cursor(head)
        while a <= head and not self._stop.is_set():
            b = min(head, a + self.range - 1)
            try:
                self._scan_range(a, b, result)
            except RpcRefused as exc:
                msg = exc.node_message.lower()
                if not self.use_block_scan and (exc.code == -32601 or "not available" in msg
                                                or "not supported" in msg or "does not exist" in msg):
                    self.range = 1  # the method itself is off: no range will help
                if self.range == 1:
                    if self.use_block_scan:
                        raise ChainError("watcher.node_refuses_give_blocks",
                                         detail=exc.node_message) from exc
                    log.warning("node refuses eth_getLogs (%s): reading blocks and receipts instead",
                                exc.node_message)
                    self.use_block_scan = True
                    continue
                self.range = max(1, self.range // 2)
                log.info("node refused %s blocks of logs (%s); trying %s", b - a + 1, exc.node_message, self.range)
                continue
            result.scanned_to = b
            if b < head:  # catching up over several ranges: tell the status bar how far along
                self.events.publish(ScanProgress(scanned_to=b, head=head))
            a = b + 1
            self.range = min(self.max_range, self.range * 2)

    def _finality_point(self, head: int) -> int:
        if self.profile.finality.rule == "finalized":
            return self.rpc.block("finalized")["number"]
        return head - self.profile.finality.confirmations + 1

    def _finalize(self, head: int, result: ScanResult) -> None:
        fin = self._finality_point(head)
        rows = reads.finality_candidates(self.store, *self._key(), fin)
        canonical = self._canonical_hashes([r["block_number"] for r in rows])  # fresh, once per block
        # A payment whose block changed is left to the reorg check of the next pass.
        final = [r for r in rows if canonical.get(r["block_number"]) == r["block_hash"]]
        if not final:
            return
        touched = sorted({int(r["invoice_id"]) for r in final if r["invoice_id"] is not None})
        with self.store.transaction() as c:
            # One commit: a payment is never final while its invoice still says otherwise.
            changes = self.service.finalize_payments_in(c, [r["id"] for r in final], touched, R("payment_final"),
                                                        now=int(self.clock()))
        result.finalized_payments += len(final)
        result.changed_invoices.update(touched)
        for r in final:
            self.events.publish(PaymentFinal(payment_id=r["id"], invoice_id=r["invoice_id"]))
        self.service.publish_changes(changes)

    def scan_once(self) -> ScanResult:
        """One detection pass (see the module docstring). Raises ``PosError`` subclasses only."""
        result = ScanResult()
        if not self._repaired:
            # Before any network access, so a till that starts offline is repaired too.
            self.service.repair()
            self._repaired = True
            self._verify_audit()
        if not self._token_checked:
            from pos_app.chain.token import refresh_token_info
            from pos_app.chain.token_cache import cached_token_info
            try:
                refresh_token_info(self.store, self.rpc, self.token,  # the contract exists; decimals cached
                                   payers=self.offline.snapshot_payers(self.profile.chain_id, self.token))
                self._token_checked = True
            except PosError as exc:
                # Facts read before (decimals, the contract there) let payments be recorded now; a
                # flaky link must not hold up detection for a probe the next pass makes again.
                if cached_token_info(self.store, self.profile.chain_id, self.token) is None:
                    raise
                log.info("token facts not refreshed yet: %s", exc.user_message)
        head_block = self._head_block()
        head_block = self.clock_meter.measure(head_block, now=self.clock, latest=lambda: self.rpc.block("latest"),
                                              by_number=self.rpc.block, stop=self._stop)
        head = result.head = head_block["number"]
        cursor = self.cursor()
        if cursor is not None and head < cursor - 1:
            # The node is behind what this till has read (a lagging or load-balanced endpoint): its
            # missing blocks are not a reorg. Nothing is removed; the next pass asks again.
            log.info("the node's newest block %s is behind the %s already read; waiting", head, cursor - 1)
            self.link.ok(source="watcher", endpoint=self.rpc.status().endpoint, head=head,
                         head_time=head_block["timestamp"])
            return result
        self._check_reorg(result, head)
        self._scan_to(head, result)
        self._finalize(head, result)
        self.service.expire_due()
        self._record_online(head_block)
        self.last_error = None
        self.link.ok(source="watcher", endpoint=self.rpc.status().endpoint, head=head,
                     head_time=head_block["timestamp"])
        return result

    def _head_block(self) -> dict:
        """The chain's newest block; if no node has answered within ``LINK_SILENT_S`` the screens are
        told at once that the link is down (a node that hangs would otherwise keep them waiting for
        its read timeout), and told again when the pass completes."""
        watchdog = threading.Timer(LINK_SILENT_S, self._say_silent)
        watchdog.daemon = True
        watchdog.start()
        try:
            return self.rpc.block("latest")
        finally:
            watchdog.cancel()

    def _say_silent(self) -> None:
        problem = NodeUnavailable("watcher.network_answered_seconds", seconds=int(LINK_SILENT_S))
        self.link.down(source="watcher", problem=problem)

    def _verify_audit(self) -> None:
        """Once per start: the audit chain, its anchor and the invoices (reported, never blocking)."""
        from pos_app.store.audit import verify
        try:
            rep = verify(self.store, self.store.path.parent)
        except Exception:  # noqa: BLE001 - a check must never stop payments
            log.exception("audit check failed")
            return
        if not rep.ok:
            for p in rep.problems[:20]:
                log.warning("audit check: %s", p)
            self.events.publish(AuditProblem(problems=rep.problems))

    # -- what offline acceptance needs from the last time we were online -------------------------
    def _record_online(self, head_block: dict[str, Any]) -> None:
        """Note the successful contact (30-day clock), the fee floor and payer snapshots, now and then."""
        now = self.clock()
        if self._recorded_at is not None and now - self._recorded_at < RECORD_ONLINE_EVERY_S:
            return
        gas_price = self.rpc.gas_price("the gas price")  # checked: -1 or 2**300 never becomes the fee floor
        queue = self.offline
        queue.record_sync(self.profile.chain_id, at=int(now), gas_price=gas_price,
                          base_fee=int(head_block.get("baseFeePerGas") or 0))
        self._recorded_at = now
        if self._snapshots_at is None or now - self._snapshots_at >= SNAPSHOT_EVERY_S:
            self.refresh_snapshots(queue, at=int(now))
            # A pause, an unpause or a payer newly blacklisted reaches offline acceptance without
            # a restart (after the snapshots: their payers are the ones checked).
            from pos_app.chain.token import refresh_features
            refresh_features(self.store, self.rpc, self.token,
                             payers=self.offline.snapshot_payers(self.profile.chain_id, self.token))
            self._snapshots_at = now

    def refresh_snapshots(self, queue: "OfflineQueue | None" = None, *, at: int) -> int:
        """Balance and nonce of the payers we know (offline payers, recent customers), for the risk caps.

        ``queue``: the offline queue the snapshots are kept in (this watcher's own by default).
        """
        queue = self.offline if queue is None else queue
        since = at - 30 * 24 * 3600
        recent = reads.recent_payers(self.store, self.profile.chain_id, since, MAX_SNAPSHOT_PAYERS)
        # The queue's payers and the recent customers, each once, in a stable order (what SQL's
        # UNION gave when this was one query).
        payers = sorted(set(queue.known_payers(self.profile.chain_id)) | set(recent))
        from pos_app.chain.contract import token_abi
        count = 0
        for raw_payer in payers[:MAX_SNAPSHOT_PAYERS]:
            payer = to_checksum_address(raw_payer)

            def read(w3, payer=payer):
                c = w3.eth.contract(address=self.token, abi=token_abi())
                return (answers.token_amount(c.functions.balanceOf(payer).call(), "a payer's token balance"),
                        answers.nonce(w3.eth.get_transaction_count(payer)))
            balance, nonce = self.rpc.call("a payer's balance", read)
            queue.save_snapshot(self.profile.chain_id, self.token, payer, balance_base=balance, nonce=nonce, at=at)
            count += 1
        return count

    # -- thread ------------------------------------------------------------------------------
    def run_forever(self) -> None:
        while not self._stop.is_set():
            try:
                self.scan_once()
            except PosError as exc:
                self.last_error = exc.user_message
                try:
                    self.service.expire_due()  # expiry works offline too
                except PosError:
                    log.exception("expiring invoices failed")
                # ``problem`` carries the template so the screen can show it in its language.
                self.link.down(source="watcher", problem=exc)
            except Exception as exc:  # noqa: BLE001 - the watcher must outlive any surprise
                log.exception("watcher pass failed")
                problem = ChainError("watcher.unexpected_error_while_checking",
                                     kind=type(exc).__name__)
                self.last_error = problem.user_message
                self.link.down(source="watcher", problem=problem)
            self._wake.wait(self.profile.poll_seconds)
            self._wake.clear()

