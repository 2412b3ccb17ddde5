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
passed in.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from eth_utils import to_checksum_address
from web3 import Web3

from pos_app.chain import answers
from pos_app.chain.rawrpc import TOPIC_AUTH_USED, rpc_batch
from pos_app.chain.rpc import RpcClient, RpcRefused
from pos_app.core.errors import ChainError, NodeUnavailable, PosError
from pos_app.core.loop import BackgroundLoop
from pos_app.core.events import (
    AuditProblem, ChainStatus, ClockSkewed, EventBus, PaymentFinal, PaymentRemoved, PaymentSeen, ScanProgress,
)
from pos_app.invoices.matching import Held
from pos_app.invoices.service import InvoiceService, Transfer
from pos_app.chain.profiles import NetworkProfile
from pos_app.store.db import Store

if TYPE_CHECKING:
    from pos_app.offline.queue import OfflineQueue

log = logging.getLogger(__name__)

TRANSFER_TOPIC = "0x" + Web3.keccak(text="Transfer(address,address,uint256)").hex().removeprefix("0x")
TRANSFER_SELECTOR = "0xa9059cbb"  # transfer(address,uint256)
KEEP_CHECKPOINTS = 256
CLOCK_SKEW_SECONDS = 120


def _topic_for(address: str) -> str:
    return "0x" + "0" * 24 + address.lower()[2:]


def _hex(value: Any) -> str:
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    s = str(value)
    return s if s.startswith("0x") else "0x" + s


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
# This till's clock and the chain's: below this difference they are taken to agree (block
# intervals, polling); above SKEW_WARN_S the cashier is told to set the clock.
SKEW_TOLERANCE_S = 120
SKEW_WARN_S = 300
# On the first pass, a head older than the tolerance may be a stale chain or a fast clock: wait
# this long at most for a newer block to tell which.
FIRST_HEAD_WAIT_S = 3.0


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
                 clock: Callable[[], float] = time.time) -> None:
        self.store, self.rpc, self.profile = store, rpc, profile
        self.token = to_checksum_address(token)
        self.merchant = to_checksum_address(merchant)
        self.service = service
        # Where online contact, the fee floor and payer snapshots are noted (offline acceptance
        # reads them); passed in, so this package never reaches into the queue's tables.
        self.offline = offline
        self.events = events or service.events
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
        self._last_head: int | None = None
        # Network time minus this till's time (0 when they agree), as last measured; every
        # payment's time is read in this till's clock (``Transfer.till_time``).
        self.skew = int(store.get_setting(self._skew_key(), 0) or 0)

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
        row = self.store.one("SELECT MIN(created_at) AS t FROM invoices WHERE chain_id=? AND token=? AND merchant=?"
                             " AND state IN ('new','processing','expired')", self._key())
        start = head if not row or row["t"] is None else self._first_block_after(
            int(row["t"]) + self.skew - CLOCK_SKEW_SECONDS, head)
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
            # A block above the head is gone (the node switched to a shorter branch).
            if cp["block_number"] <= head and self._canonical_hash(cp["block_number"]) == cp["block_hash"]:
                if i:  # some newer checkpoints were reorged away
                    rewind_to = cp["block_number"] + 1
                break
        else:
            if checkpoints:
                rewind_to = checkpoints[-1]["block_number"] - self.max_range
        pending = self.store.query(
            "SELECT DISTINCT block_number, block_hash FROM payments WHERE chain_id=? AND token=? AND payee=?"
            " AND status='seen'", self._key())
        fresh = self._canonical_hashes([p["block_number"] for p in pending if p["block_number"] <= head])
        bad_blocks = [p["block_number"] for p in pending
                      if p["block_number"] > head or fresh.get(p["block_number"]) != p["block_hash"]]
        if bad_blocks:
            low = min(bad_blocks)
            rewind_to = low if rewind_to is None else min(rewind_to, low)
        if rewind_to is None:
            return
        rewind_to = max(0, rewind_to)
        log.warning("chain reorganisation: rescanning from block %s", rewind_to)
        with self.store.transaction() as c:
            # The payments and their invoices change in this commit, with the cursor moved back.
            rows, changes = self.service.remove_payments_in(c, *self._key(), rewind_to,
                                                            "payment dropped by a chain reorganisation",
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
            return self._logs_from_blocks(a, b)
        params = {"fromBlock": a, "toBlock": b, "address": self.token,
                  "topics": [TRANSFER_TOPIC, None, _topic_for(self.merchant)]}
        # Checked as a whole (answers.logs): a nonsense log fails the node over, it is not skipped.
        return self.rpc.call("list token transfers", lambda w3: answers.logs(list(w3.eth.get_logs(params))))

    def _logs_from_blocks(self, a: int, b: int) -> list[dict[str, Any]]:
        """Fallback where ``eth_getLogs`` is disabled (public BSC endpoints): read each block's
        transactions, pick direct ``transfer(merchant, ..)`` calls to the token, and take the
        Transfer logs from their receipts. Transfers made through other contracts are not seen
        this way; the watcher says so in the log when it switches to this mode.
        """
        token, merchant_word = self.token.lower(), self.merchant.lower()[2:].rjust(64, "0")
        found: list[dict[str, Any]] = []
        for n in range(a, b + 1):
            blk = self.rpc.call(f"give block {n}", lambda w3, n=n: answers.full_block(
                w3.eth.get_block(n, full_transactions=True), n))  # checked: nonsense fails the node over
            for tx in blk["transactions"]:
                data = _hex(tx.get("input", b""))
                if (str(tx.get("to") or "").lower() == token and data[:10] == TRANSFER_SELECTOR
                        and data[10:74].lower() == merchant_word):
                    rcpt = self.rpc.call("give a receipt", lambda w3, h=tx["hash"]: answers.receipt(
                        w3.eth.get_transaction_receipt(h)))
                    if rcpt["status"] == 1:
                        found.extend(dict(lg) for lg in rcpt["logs"]
                                     if str(lg["address"]).lower() == token)
        return found

    def _parse_log(self, entry: dict[str, Any]) -> Transfer | None:
        """Turn a log into a Transfer, or None if the node sent something that is not one."""
        try:
            if entry.get("removed"):
                return None
            topics = [_hex(t) for t in entry["topics"]]
            if len(topics) != 3 or topics[0].lower() != TRANSFER_TOPIC.lower():
                return None
            if to_checksum_address(entry["address"]) != self.token:
                return None
            payee = to_checksum_address("0x" + topics[2][-40:])
            if payee != self.merchant:
                return None
            data = _hex(entry["data"])
            if len(data) != 66:
                return None
            # answers.BadAnswer is a ValueError: a log with a nonsense field is ignored below.
            number = answers.block_number(entry["blockNumber"], "log block number")
            block_hash = answers.as_hash(entry["blockHash"], "log block hash")
            tx_hash = answers.as_hash(entry["transactionHash"], "log transaction hash")
            log_index = answers.as_uint(entry["logIndex"], "log index", maximum=answers.MAX_LOG_INDEX)
            block = self._block(number)
            if block["hash"] != block_hash:
                return None  # the block changed under us; the next pass rescans it
            return Transfer(self.profile.chain_id, self.token, tx_hash,
                            log_index, number, block_hash, block["timestamp"],
                            to_checksum_address("0x" + topics[1][-40:]), payee, int(data, 16),
                            till_time=block["timestamp"] - self.skew)
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("ignoring a malformed log from the node: %s", exc)
            return None

    # -- evidence: which offline payment of this till a transfer settles ------------------------
    def _network_evidence(self, transfers: list[Transfer]) -> dict[str, tuple[list[str], int | None]]:
        """For transfers that might settle an item this till holds without it knowing the hash (an
        authorization sent by another till, a signed transfer the customer's wallet sent again):
        tx hash -> (authorization nonces the token says were used, the sender's transaction number).
        Read before the write transaction (no lock held over the network), only for those."""
        out: dict[str, tuple[list[str], int | None]] = {}
        chain_id = self.profile.chain_id
        for t in transfers:
            if t.tx_hash in out or self.offline.held_by_hash(chain_id, t.tx_hash, t.payee) is not None:
                continue
            wanted = self.offline.evidence_wanted(chain_id, t.payer, t.payee, t.value)
            if not wanted:
                continue
            nonces: list[str] = []
            tx_nonce = None
            if "eip3009" in wanted:
                rc = self.rpc.call("read a payment's receipt", lambda w3, h=t.tx_hash: answers.receipt(
                    w3.eth.get_transaction_receipt(h)))
                payer_topic = _topic_for(t.payer)
                for lg in rc["logs"]:
                    topics = [_hex(x).lower() for x in lg["topics"]]
                    if (str(lg["address"]).lower() == self.token.lower() and len(topics) == 3
                            and topics[0] == TOPIC_AUTH_USED.lower() and topics[1] == payer_topic):
                        nonces.append(topics[2])
            if "raw_tx" in wanted:
                tx = self.rpc.call("read a payment's transaction", lambda w3, h=t.tx_hash: w3.eth.get_transaction(h))
                if to_checksum_address(tx["from"]) == t.payer:
                    tx_nonce = answers.nonce(tx["nonce"])
            out[t.tx_hash] = (nonces, tx_nonce)
        return out

    def _held(self, t: Transfer, evidence: dict[str, tuple[list[str], int | None]]) -> Held | None:
        """The strongest evidence that ``t`` settles an offline payment this till holds (or None)."""
        chain_id = self.profile.chain_id
        held = self.offline.held_by_hash(chain_id, t.tx_hash, t.payee)
        if held is not None or t.tx_hash not in evidence:
            return held
        nonces, tx_nonce = evidence[t.tx_hash]
        for nonce in nonces:
            held = self.offline.held_by_authorization(chain_id, t.payer, nonce)
            if held is not None:
                return held
        if tx_nonce is not None:
            return self.offline.held_by_replacement(chain_id, t.payer, tx_nonce, t.payee, t.value)
        return None

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
        transfers = [t for t in (self._parse_log(e) for e in logs) if t is not None]
        transfers.sort(key=lambda t: (t.block_number, t.log_index))
        evidence = self._network_evidence(transfers)
        end_hash = self._block(b)["hash"]
        new_ids = []
        with self.store.transaction() as c:
            for t in transfers:
                # Looked up inside the write: an item accepted a moment ago is found.
                pid, is_new = self.service.record_transfer(t, held=self._held(t, evidence))
                if is_new:
                    new_ids.append(pid)
            # The invoices these payments belong to change in the same commit as the payments.
            touched = sorted({int(r[0]) for r in c.execute(
                f"SELECT invoice_id FROM payments WHERE invoice_id IS NOT NULL AND id IN"
                f" ({','.join('?' * len(new_ids))})", new_ids)}) if new_ids else []
            changes = self.service.recompute_in(c, touched, "payment update from the chain")
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
                        raise ChainError("The node refuses to give blocks and receipts.",
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
        rows = self.store.query("SELECT id, block_number, block_hash, invoice_id FROM payments WHERE chain_id=?"
                                " AND token=? AND payee=? AND status='seen' AND block_number <= ?",
                                (*self._key(), fin))
        canonical = self._canonical_hashes([r["block_number"] for r in rows])  # fresh, once per block
        # A payment whose block changed is left to the reorg check of the next pass.
        final = [r for r in rows if canonical.get(r["block_number"]) == r["block_hash"]]
        if not final:
            return
        touched = sorted({int(r["invoice_id"]) for r in final if r["invoice_id"] is not None})
        with self.store.transaction() as c:
            # One commit: a payment is never final while its invoice still says otherwise.
            changes = self.service.finalize_payments_in(c, [r["id"] for r in final], touched,
                                                        "payment final on the chain", now=int(self.clock()))
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
                refresh_token_info(self.store, self.rpc, self.token)  # the contract exists; decimals cached
                self._token_checked = True
            except PosError as exc:
                # Facts read before (decimals, the contract there) let payments be recorded now; a
                # flaky link must not hold up detection for a probe the next pass makes again.
                if cached_token_info(self.store, self.profile.chain_id, self.token) is None:
                    raise
                log.info("token facts not refreshed yet: %s", exc.user_message)
        head_block = self._head_block()
        head_block = self._measure_clock(head_block)
        head = result.head = head_block["number"]
        self._check_reorg(result, head)
        self._scan_to(head, result)
        self._finalize(head, result)
        self.service.expire_due()
        self._record_online(head_block)
        self.last_error = None
        self.events.publish(ChainStatus(online=True, head=head, head_time=head_block["timestamp"],
                            endpoint=self.rpc.status().endpoint, error=None))
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

    # -- this till's clock against the chain's ---------------------------------------------------
    def _skew_key(self) -> str:
        return f"clock_skew:{self.profile.chain_id}"

    def _measure_clock(self, head_block: dict) -> dict:
        """Measure network time minus this till's time from the newest block (issue 18, 7).

        A head newer than the last one seen is the chain's "now" (within a block interval); a head
        ahead of this till's clock proves the clock slow. On the first pass a head that looks old
        may be a stale chain or a fast clock: a newer block is waited for briefly to tell which.
        Returns the head block to scan to.
        """
        number, stamp = head_block["number"], head_block["timestamp"]
        fresh = self._last_head is not None and number > self._last_head
        if not fresh and self._last_head is None and stamp - self.clock() < -SKEW_TOLERANCE_S:
            waited_until = time.monotonic() + FIRST_HEAD_WAIT_S
            while time.monotonic() < waited_until and not self._stop.is_set():
                time.sleep(0.5)
                newer = self.rpc.block("latest")
                if newer["number"] > number:
                    head_block, number, stamp, fresh = newer, newer["number"], newer["timestamp"], True
                    break
        self._last_head = number
        diff = int(stamp - self.clock())
        if not fresh and diff <= SKEW_TOLERANCE_S:
            return head_block
        skew = diff if abs(diff) > SKEW_TOLERANCE_S else 0
        if skew != self.skew:
            log.warning("this till's clock differs from the network's by %s s", skew)
            self.store.set_setting(self._skew_key(), skew)
            if (abs(skew) > SKEW_WARN_S) != (abs(self.skew) > SKEW_WARN_S):
                self.events.publish(ClockSkewed(seconds=skew if abs(skew) > SKEW_WARN_S else 0))
            self.skew = skew
        return head_block

    def _say_silent(self) -> None:
        problem = NodeUnavailable("The network has not answered for {seconds} seconds.", seconds=int(LINK_SILENT_S))
        self.events.publish(ChainStatus(online=False, head=None, head_time=None, endpoint=None,
                                        error=problem.user_message, problem=problem))

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
            refresh_features(self.store, self.rpc, self.token)
            self._snapshots_at = now

    def refresh_snapshots(self, queue: "OfflineQueue | None" = None, *, at: int) -> int:
        """Balance and nonce of the payers we know (offline payers, recent customers), for the risk caps.

        ``queue``: the offline queue the snapshots are kept in (this watcher's own by default).
        """
        queue = self.offline if queue is None else queue
        since = at - 30 * 24 * 3600
        recent = self.store.query(
            "SELECT payer FROM (SELECT payer, MAX(block_time) AS t FROM payments "
            "WHERE chain_id = ? GROUP BY payer HAVING t >= ? ORDER BY t DESC LIMIT ?)",
            (self.profile.chain_id, since, MAX_SNAPSHOT_PAYERS))
        # The queue's payers and the recent customers, each once, in a stable order (what SQL's
        # UNION gave when this was one query).
        payers = sorted(set(queue.known_payers(self.profile.chain_id)) | {r["payer"] for r in recent})
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
                self.events.publish(ChainStatus(online=False, head=None, head_time=None,
                                    endpoint=None, error=exc.user_message, problem=exc))
            except Exception as exc:  # noqa: BLE001 - the watcher must outlive any surprise
                log.exception("watcher pass failed")
                problem = ChainError("Unexpected error while checking payments ({kind}); see the log.",
                                     kind=type(exc).__name__)
                self.last_error = problem.user_message
                self.events.publish(ChainStatus(online=False, head=None, head_time=None,
                                    endpoint=None, error=self.last_error, problem=problem))
            self._wake.wait(self.profile.poll_seconds)
            self._wake.clear()

