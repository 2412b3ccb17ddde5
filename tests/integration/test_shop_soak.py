"""Shop soak: two or three tills of one shop on one anvil chain, driven by a seeded random walk.

Each till is a real ``AppContext`` on its own data folder (as on separate PCs), set as till k of n,
and talks to the node through its own ``FaultyProxy`` (no faults; ``down`` cuts the till from the
network). They share the shop's receiving address, the token and the relay key (the shop's own
key: ``receiveWithAuthorization`` must come from the payee). A ``random.Random(seed)`` picks the
steps:

- sales of random amounts, often the same price on several tills (tails must keep them apart);
  the customer pays exactly the QR amount online, or a round part of it that the cashier assigns
  from the inbox and then the rest (asked by its own unique amount), or a round amount over the
  price typed by hand (assigned by the cashier), or never pays;
- round payments that no till asked for ("nobody's": an exchange's hot wallet), for the inbox;
- offline payments: the till is cut from the node, the customer signs a raw transfer
  (``sign_raw_transfer``) or an EIP-3009 authorization (``sign_authorization``) for the sale's
  exact amount and the till accepts it (``ctx.offline.accept``); some signed transfers are also
  broadcast by the customer straight to the node, now or a few steps later;
- hand-over: a till exports its unsent queue to a file, a paired till imports it (and sends it
  when online); sometimes the same file is imported twice;
- reorgs (``anvil_reorg`` of 1-3 blocks; each sender keeps a prefix of its transactions, the rest
  are dropped; the kept ones may move one block later);
- kill -9: a till's passes (``soak_till.py``) or ``sompos sync --once`` run in a child process
  that is killed with SIGKILL after a random short delay; the database must pass
  ``integrity_check`` and agree with itself, and the till goes on from there (reopened);
- in-process passes of each till's watcher and sync engine between steps.

At the end every till is brought online and runs passes until quiet (bounded); then the
invariants are checked against the chain (the token's Transfer logs read from anvil directly):

(a) every Transfer to the shop is counted on exactly one sale across all tills (a payment row on a
    non-carried invoice), and on the sale the test meant it for; or, uncounted, it waits in some
    till's unmatched inbox, and then it is one of the round amounts the test sent as nobody's or
    left for a cashier; no Transfer is counted twice and every till recorded every Transfer;
(b) no sale settled by the chain without final payments covering its price; and every sale whose
    final payments cover its price is settled;
(c) every offline item on every till is final or a named failure;
(d) the merchant's balance rose by the sum of the Transfers, which is the money credited to
    non-carried sales plus the inbox (each Transfer once).

``SOMPOS_SOAK_SEED`` (default 1) and ``SOMPOS_SOAK_STEPS`` (default 250) choose the walk; each
step draws from its own ``random.Random`` seeded by (seed, step), so the walk is deterministic given
the seed except for what a killed child got done before the kill (recorded in the step log, with
the delay). A one-line summary is printed; the whole step log is written to ``soak-log.txt`` in
the test's temporary folder, and on failure its tail and path are in the message. Longer run:
``SOMPOS_SOAK_SEED=7 SOMPOS_SOAK_STEPS=400 pytest tests/integration/test_shop_soak.py``.
``SOMPOS_SOAK_BASE_FEE`` (default 0) and ``SOMPOS_SOAK_HAND_BACK`` (default 1) are explained below.

Any violation fails it. The bugs it found are kept as tests of their own
(tests/integration/test_soak_findings.py): a fee floor without the base fee, a hand-over file
that came back leaving nobody to send, a copy imported after its transfer was recorded.
"""
from __future__ import annotations

import collections
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from eth_account import Account
from web3 import Web3

from pos_app.app.context import AppContext
from pos_app.app.demo.wallet import sign_authorization, sign_raw_transfer
from pos_app.chain.contract import send_token_call
from pos_app.chain.rawrpc import TOPIC_AUTH_USED
from pos_app.core.errors import BadInput, NodeUnavailable
from pos_app.core.money import Tyiyn
from pos_app.handover.pairing import Pairings
from pos_app.keys.device import device_key, public_key_hex
from pos_app.offline.lifecycle import FAILURES, QueueState as Q
from pos_app.offline.payload import PayloadRefused
from pos_app.offline.risk import Limits
from pos_app.shop.config import set_till

from .conftest import ROOT, deploy_shop, fund, key, shop_context, start_anvil, stop_anvil
from .faulty_proxy import FaultyProxy

pytestmark = pytest.mark.anvil

SEED = int(os.environ.get("SOMPOS_SOAK_SEED", "1"))
STEPS = int(os.environ.get("SOMPOS_SOAK_STEPS", "250"))
# The chain's base fee. 0 is BSC's (EIP-1559 transactions, base fee 0, a minimum gas price); e.g.
# SOMPOS_SOAK_BASE_FEE=1000000000 walks a chain with a base fee (the fee floor keeps it).
BASE_FEE = os.environ.get("SOMPOS_SOAK_BASE_FEE", "0")
# 0: a hand-over file never goes to a till that already holds some of its payments (a file that
# comes back makes the receiving till take its own copies back).
HAND_BACK = os.environ.get("SOMPOS_SOAK_HAND_BACK", "1") != "0"

SOM = 10**6                       # base units per som (deploy_shop: 6 decimals)
CONFIRMATIONS = 3                 # final at head - 2: a 1-2 block reorg stays above finality
RESEND_S = 2                      # the engines resend a vanished transaction after this (default 20 s)
HELPER = Path(__file__).with_name("soak_till.py")
TOKEN_NAME, TOKEN_VERSION = "Som", "1"
BIG_LIMITS = {"per_payment_tyiyn": 10**12, "total_tyiyn": 10**13, "max_items": 10**6,
              "unknown_payer_tyiyn": 10**12}
PRICES = [15000, 15000, 15000, 7700, 7700, 2500, 100]      # tyiyn: equal prices on several tills
NAMED_ENDS = {Q.FINAL} | set(FAILURES)
UNSENT_STATES = ("received", "queued", "needs_attention")
TRANSFER_TOPIC = Web3.keccak(text="Transfer(address,address,uint256)")
WEIGHTS = {"sale": 18, "pay": 18, "assign": 6, "nobody": 3, "offline": 12, "link": 6, "broadcast": 3,
           "handover": 4, "passes": 20, "mine": 4, "reorg": 2, "kill": 3}


def hx(value) -> str:
    s = value.hex() if isinstance(value, (bytes, bytearray)) else str(value)
    return (s if s.startswith("0x") else "0x" + s).lower()


@dataclass
class Sale:
    till: int                   # index into Soak.tills
    inv: int                    # invoice id on that till
    amount: int                 # tyiyn
    how: str                    # exact, partial, over, never, raw, auth


class SoakTill:
    """One till: its data folder, its link to the node (a proxy that can be cut), watcher and engine."""

    def __init__(self, soak: "Soak", index: int, count: int) -> None:
        self.index, self.number = index, index + 1
        self.folder = soak.tmp / f"till{self.number}"
        self.data_dir = self.folder / "data"
        self.proxy = FaultyProxy(soak.node.port)
        self.proxy.start()
        self.back_at = 0                                 # the step at which a cut link comes back
        ctx = shop_context(self.folder, soak.shop, urls=[self.proxy.url], confirmations=CONFIRMATIONS)
        set_till(ctx.store, f"{self.number}/{count}")
        ctx.token_info(refresh=True)
        ctx.offline.set_limits(Limits(**{**Limits().to_dict(), **BIG_LIMITS}))
        self.ctx = ctx
        self._build()

    def _build(self) -> None:
        self.watcher = self.ctx.watcher()
        self.engine = self.ctx.sync_engine(relay=Account.from_key(key("merchant")))
        self.engine.resend_after_s = RESEND_S

    @property
    def online(self) -> bool:
        return not self.proxy.down

    def step(self) -> str:
        """One scan and one engine pass, as the app's watcher and runner threads do."""
        out = []
        for name, run in (("scan", self.watcher.scan_once), ("pass", self.engine.pass_once)):
            try:
                run()
                out.append(name)
            except NodeUnavailable:
                if self.online:
                    raise
                out.append(f"{name}:offline")
        return ",".join(out)

    def reopen(self) -> None:
        """The till is started again on its data folder (after a child process worked on it)."""
        self.ctx = AppContext(self.data_dir)
        self._build()

    def close(self) -> None:
        self.ctx.close()

    def q(self, sql: str, args: tuple = ()) -> list[dict]:
        return self.ctx.store.query(sql, args)


class Soak:
    def __init__(self, node, tmp: Path, seed: int) -> None:
        self.node, self.w3, self.tmp, self.seed = node, node.w3, tmp, seed
        self.tills: list[SoakTill] = []
        try:
            self._set_up()
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        for t in self.tills:
            try:
                t.close()
            except Exception as exc:  # noqa: BLE001 - closed already (a reopen that failed)
                print(f"till{t.number}: {exc}")
            t.proxy.stop()

    def _set_up(self) -> None:
        node, seed = self.node, self.seed
        self.rng = rng = random.Random(f"sompos soak {seed} set-up")
        self.shop = deploy_shop(node)
        self.token = self.shop.token
        self.merchant = self.shop.merchant
        fund(node, self.merchant)                       # the relay is the shop's own key: it pays gas
        self.balance_before = self.balance()
        self.issuer = Account.from_key(key("issuer")).address
        self.online_payers = self._payers([f"soak online payer {i}" for i in range(3)])
        self.auth_payers = self._payers([f"soak auth payer {i}" for i in range(3)])
        self.exchange = self._payers(["soak exchange hot wallet"])[0]
        self.raw_count = 0
        self.count = rng.choice([2, 3])
        for i in range(self.count):
            self.tills.append(SoakTill(self, i, self.count))
        for t in self.tills:                             # a manager paired every till with every other
            for other in self.tills:
                if other is not t:
                    Pairings(t.ctx.store).pair(public_key_hex(device_key(other.data_dir)), actor="manager")
        for t in self.tills:
            t.step()                                     # online once: fee floor, snapshots, cursor
        self.start_block = self.w3.eth.block_number      # reorgs never reach below the set-up
        self.stats: collections.Counter[str] = collections.Counter()
        self.log: list[str] = []
        self.to_pay: list[Sale] = []                     # online sales waiting for the customer
        self.to_assign: list[tuple[Sale, str]] = []      # round payments a cashier will assign
        self.rest_due: list[Sale] = []                   # part paid and assigned: the rest comes next
        self.later: list[str] = []                       # signed transfers the customer sends later
        self.nobody: set[str] = set()                    # tx hashes of round payments nobody asked for
        self.left_for_cashier: set[str] = set()          # round payments never assigned (inbox)
        self.intended: dict[str, tuple[int, int]] = {}   # tx hash -> (till, invoice)
        self.intended_auth: dict[tuple[str, str], tuple[int, int]] = {}   # (payer, nonce) -> (till, invoice)
        self.sales: list[Sale] = []
        self.errors: list[str] = []                      # violations noticed during the walk
        self.n = 0                                       # the step being run

    # -- the customers' side (talking to the node directly) -----------------------------------------
    def refund(self) -> None:
        addresses = [self.merchant] + [Account.from_key(key(f"soak raw payer {i}")).address
                                       for i in range(1, self.raw_count + 1)]
        addresses += [Account.from_key(k).address for k in self.online_payers + self.auth_payers + [self.exchange]]
        self.w3.provider.make_batch_request([("anvil_setBalance", [a, hex(10**20)]) for a in addresses])

    def _payers(self, labels: list[str]) -> list[bytes]:
        keys = [key(label) for label in labels]
        for k in keys:
            address = Account.from_key(k).address
            fund(self.node, address)
            send_token_call(self.w3, key("issuer"), self.token.functions.mint(address, 10**7 * SOM))
        return keys

    def balance(self) -> int:
        return int(self.token.functions.balanceOf(self.merchant).call())

    def pay(self, k: bytes, value: int) -> str:
        r = send_token_call(self.w3, k, self.token.functions.transfer(self.merchant, int(value)), gas=100_000)
        self.stats["online_transfers"] += 1
        return hx(r["transactionHash"])

    def broadcast(self, raw: str) -> str:
        try:
            return hx(self.w3.eth.send_raw_transaction(raw))
        except Exception as exc:  # noqa: BLE001 - already known / nonce too low: the till was first
            return f"refused ({str(exc)[:60]})"

    def new_raw_payer(self) -> bytes:
        self.raw_count += 1
        return self._payers([f"soak raw payer {self.raw_count}"])[0]

    # -- steps ----------------------------------------------------------------------------------------
    def price(self) -> int:
        return self.rng.choice(PRICES) if self.rng.random() < 0.7 else self.rng.randrange(100, 50_000)

    def till(self) -> SoakTill:
        return self.rng.choice(self.tills)

    def step_sale(self) -> str:
        t, amount = self.till(), self.price()
        how = self.rng.choices(["exact", "partial", "over", "never"], [6, 2, 2, 1])[0]
        if how == "partial" and amount < 200:
            how = "exact"
        inv = t.ctx.create_invoice(Tyiyn(amount))
        sale = Sale(t.index, inv.id, amount, how)
        self.sales.append(sale)
        self.stats["sales"] += 1
        if how != "never":
            self.to_pay.append(sale)
        return f"till{t.number} sale {inv.id} {amount} tyiyn asks {inv.asked_base} ({how})"

    def _inv(self, sale: Sale):
        return self.tills[sale.till].ctx.service.get(sale.inv)

    def step_pay(self) -> str:
        if self.rest_due and (not self.to_pay or self.rng.random() < 0.4):
            sale = self.rest_due.pop(self.rng.randrange(len(self.rest_due)))
            inv = self._inv(sale)
            if inv.state.value not in ("new", "expired") or inv.paid_seen >= inv.owed_base:
                return f"rest of till{sale.till + 1} sale {sale.inv}: nothing left to pay ({inv.state.value})"
            tx = self.pay(self.rng.choice(self.online_payers), inv.asked_base)
            self.intended[tx] = (sale.till, sale.inv)
            return f"customer pays the rest {inv.asked_base} of till{sale.till + 1} sale {sale.inv}: {tx[:10]}"
        if not self.to_pay:
            return "nobody to pay"
        sale = self.to_pay.pop(self.rng.randrange(len(self.to_pay)))
        inv = self._inv(sale)
        if inv.offline_id is not None or inv.paid_seen:
            return f"till{sale.till + 1} sale {sale.inv} was paid meanwhile"
        som = -(-sale.amount // 100)
        if sale.how == "exact":
            value = inv.asked_base
        elif sale.how == "partial":
            value = max(1, (sale.amount // 100) // 2) * SOM
        else:   # over: a round amount typed by hand
            value = (som + self.rng.choice([1, 5, 10, 50])) * SOM
        tx = self.pay(self.rng.choice(self.online_payers), value)
        if sale.how == "exact":
            self.intended[tx] = (sale.till, sale.inv)
        else:
            self.to_assign.append((sale, tx))
        return f"customer pays {value} for till{sale.till + 1} sale {sale.inv} ({sale.how}): {tx[:10]}"

    def step_assign(self) -> str:
        if not self.to_assign:
            return "nothing to assign"
        i = self.rng.randrange(len(self.to_assign))
        sale, tx = self.to_assign[i]
        t = self.tills[sale.till]
        rows = t.q("SELECT id, invoice_id, status, matched_by FROM payments WHERE tx_hash = ?", (tx,))
        if not rows:
            return f"till{t.number} has not seen {tx[:10]} yet"
        row = rows[0]
        if row["status"] == "removed":
            return f"till{t.number}: {tx[:10]} left the chain; nothing to assign"
        self.to_assign.pop(i)
        if row["invoice_id"] is not None:
            self.errors.append(f"round amount {tx} was attributed by till{t.number} to invoice "
                               f"{row['invoice_id']} ({row['matched_by']}), not left for the cashier")
            return "round amount attributed by the till itself"
        if self.rng.random() < 0.15:
            self.left_for_cashier.add(tx)
            return f"cashier leaves {tx[:10]} in the inbox of till{t.number}"
        inv = t.ctx.service.assign_payment(int(row["id"]), sale.inv, actor="cashier")
        self.intended[tx] = (sale.till, sale.inv)
        self.stats["assigned"] += 1
        if sale.how == "partial" and inv.paid_seen < inv.owed_base:
            self.rest_due.append(sale)
        return f"cashier assigns {tx[:10]} to till{t.number} sale {sale.inv}: {inv.state.value}, asks {inv.asked_base}"

    def step_nobody(self) -> str:
        value = self.rng.choice([100, 250, 400, 1000]) * SOM
        tx = self.pay(self.exchange, value)
        self.nobody.add(tx)
        return f"exchange wallet sends {value} nobody asked for: {tx[:10]}"

    def cut(self, t: SoakTill) -> None:
        """The till loses its link; it comes back by itself a few steps later (or by step_link)."""
        t.proxy.down = True
        t.back_at = self.n + self.rng.randint(2, 12)

    def step_link(self) -> str:
        down = [t for t in self.tills if not t.online]
        if down and self.rng.random() < 0.7:
            t = self.rng.choice(down)
            t.proxy.down = False
        else:
            t = self.till()
            if t.online:
                self.cut(t)
            else:
                t.proxy.down = False
        return f"till{t.number} {'cut from' if t.proxy.down else 'back on'} the network"

    def step_offline(self) -> str:
        t = self.till()
        if t.online:
            self.cut(t)
        reuse = [s for s in self.to_pay if s.till == t.index]
        sale = None
        if reuse and self.rng.random() < 0.3:
            sale = reuse[self.rng.randrange(len(reuse))]
            inv = self._inv(sale)
            if inv.state.value != "new" or inv.paid_seen or inv.offline_id is not None:
                sale = None
            else:
                self.to_pay.remove(sale)
        if sale is None:
            amount = self.price()
            inv = t.ctx.create_invoice(Tyiyn(amount))
            sale = Sale(t.index, inv.id, amount, "")
            self.sales.append(sale)
            self.stats["sales"] += 1
        kind = self.rng.choice(["raw", "raw", "auth"])
        sale.how = kind
        if kind == "raw":
            k = self.new_raw_payer()
            text = sign_raw_transfer(self.w3, k, self.shop.token_address, self.merchant, inv.asked_base)
        else:
            k = self.rng.choice(self.auth_payers)
            method = self.rng.choice(["receiveWithAuthorization", "transferWithAuthorization"])
            text = sign_authorization(k, chain_id=self.w3.eth.chain_id, token=self.shop.token_address,
                                      to=self.merchant, amount=inv.asked_base, name=TOKEN_NAME,
                                      version=TOKEN_VERSION, method=method)
        try:
            item, again = t.ctx.offline.accept(text, sale.inv, t.ctx.offline_facts())
        except (PayloadRefused, BadInput) as exc:
            from pos_app.offline.payload import parse_payload
            p = parse_payload(text)
            what = (f"till{t.number} refused an offline {kind} for sale {sale.inv}: {exc.user_message}"
                    f" (floor {t.ctx.offline_facts().fee_floor}, offered max {getattr(p, 'max_fee', None)}"
                    f" tip {getattr(p, 'max_priority_fee', None)})")
            self.errors.append(what)
            return f"till{t.number} REFUSED offline {kind}: {exc.user_message}"
        assert not again and item.state == Q.QUEUED
        self.stats[f"offline_{kind}"] += 1
        note = ""
        if kind == "raw":
            self.intended[item.tx_hash.lower()] = (t.index, sale.inv)
            r = self.rng.random()
            if r < 0.2:
                note = f"; the customer also sends it now: {self.broadcast(text)[:10]}"
                self.stats["customer_broadcasts"] += 1
            elif r < 0.4:
                self.later.append(text)
                note = "; the customer will also send it later"
        else:
            row = t.q("SELECT payer, auth_nonce FROM offline_payments WHERE id = ?", (item.id,))[0]
            self.intended_auth[(row["payer"].lower(), row["auth_nonce"].lower())] = (t.index, sale.inv)
        return f"till{t.number} (offline) accepts {kind} item {item.id} for sale {sale.inv} ({inv.asked_base}){note}"

    def step_broadcast(self) -> str:
        if not self.later:
            return "no signed transfer left with a customer"
        raw = self.later.pop(self.rng.randrange(len(self.later)))
        self.stats["customer_broadcasts"] += 1
        return f"a customer sends their signed transfer: {self.broadcast(raw)[:40]}"

    def unsent(self, t: SoakTill) -> int:
        return t.q("SELECT COUNT(*) AS n FROM offline_payments WHERE state IN ('received', 'queued',"
                   " 'needs_attention') AND handed_off_at IS NULL")[0]["n"]

    def step_handover(self) -> str:
        senders = [t for t in self.tills if self.unsent(t)]
        if not senders:
            return "no unsent queue to hand over"
        a = self.rng.choice(senders)
        takers = [t for t in self.tills if t is not a]
        if not HAND_BACK:
            mine = {r["idem_key"] for r in a.q("SELECT idem_key FROM offline_payments WHERE handed_off_at IS NULL"
                                              " AND state IN ('received', 'queued', 'needs_attention')")}
            takers = [t for t in takers
                      if not mine & {r["idem_key"] for r in t.q("SELECT idem_key FROM offline_payments")}]
            if not takers:
                return f"till{a.number} has no till to hand its queue to that does not hold it already"
        b = self.rng.choice(takers)
        self.stats["handovers"] += 1
        path = self.tmp / "stick" / f"handover-{self.stats['handovers']}-till{a.number}-to-till{b.number}.jsonl"
        path.parent.mkdir(exist_ok=True)
        res = a.ctx.export_handover(path)
        keys = [r["idem_key"] for r in a.q(f"SELECT idem_key FROM offline_payments WHERE id IN"
                                           f" ({','.join('?' * len(res.item_ids))})", tuple(res.item_ids))]
        imp = b.ctx.import_handover(path)
        note = ""
        if imp.refused or imp.added + imp.already_there != res.items:
            self.errors.append(f"hand-over {path.name}: exported {res.items}, imported {imp.added}, already there "
                               f"{imp.already_there}, refused {imp.refused}")
        if imp.already_there:
            # Payments that came back to a till that had handed them off: it takes them back.
            back = b.q(f"SELECT id FROM offline_payments WHERE handed_off_at IS NOT NULL AND idem_key IN"
                       f" ({','.join('?' * len(keys))})", tuple(keys))
            self.stats["handed_back"] += len(back)
            note = f"; {imp.already_there} already there ({len(back)} handed off there: back where they came from)"
        if self.rng.random() < 0.2:
            again = b.ctx.import_handover(path)
            note = f"; imported again: added {again.added}, already there {again.already_there}"
            if again.added:
                self.errors.append(f"hand-over {path.name} imported twice added {again.added} items")
        self.stats["handed_items"] += imp.added
        return f"till{a.number} hands {res.count} item(s) {list(res.item_ids)} to till{b.number}{note}"

    def step_passes(self) -> str:
        out = []
        for t in self.tills:
            if self.rng.random() < 0.75:
                out.append(f"till{t.number}:{t.step()}")
        if self.rng.random() < 0.5:
            self.node.mine(1)
        return "passes " + " ".join(out)

    def step_mine(self) -> str:
        n = self.rng.randint(1, 3)
        self.node.mine(n)
        return f"mined {n}"

    def step_reorg(self) -> str:
        depth = self.rng.choice([1, 2, 2, 3])
        head = self.w3.eth.block_number
        before = ""
        if not any(self.w3.eth.get_block(n)["transactions"] for n in range(max(1, head - depth + 1), head + 1)):
            # Nothing to reorganise in the last blocks: a payment first, seen by the tills.
            before = (self.step_pay() if self.to_pay or self.rest_due else self.step_nobody()) + "; "
            before += " ".join(f"till{t.number}:{t.step()}" for t in self.tills) + "; "
            head = self.w3.eth.block_number
        depth = min(depth, head - self.start_block)
        if depth < 1:
            self.node.mine(1)
            return before + "no block to reorganise yet"
        blocks = [self.w3.eth.get_block(n, full_transactions=True) for n in range(head - depth + 1, head + 1)]
        entries = [(off, tx) for off, b in enumerate(blocks) for tx in b["transactions"]]
        by_sender: dict[str, list[int]] = collections.defaultdict(list)
        for i, (_off, tx) in enumerate(entries):
            by_sender[tx["from"]].append(i)
        keep: set[int] = set()
        for sender, idx in by_sender.items():
            # A sender keeps a prefix of its transactions (no nonce gap); the issuer keeps all
            # (the customers' money comes from its mints).
            n = len(idx) if sender == self.issuer or self.rng.random() < 0.5 else self.rng.randint(0, len(idx) - 1)
            keep.update(idx[:n])
        shift = self.rng.choice([0, 1])
        txs, dropped = [], []
        for i, (off, tx) in enumerate(entries):
            h = hx(tx["hash"])
            if i in keep:
                txs.append([self.node.rpc("eth_getRawTransactionByHash", [h]), min(off + shift, depth - 1)])
            else:
                dropped.append(h)
        self.node.rpc("anvil_reorg", [depth, txs])
        # anvil rewinds the state to the fork point, balances set since (anvil_setBalance) included:
        # the customers still have their coins for fees in the world this test plays.
        self.refund()
        self.stats["reorgs"] += 1
        self.stats["dropped_txs"] += len(dropped)
        return (f"{before}reorg depth {depth} at {head}: {len(entries)} tx, kept {len(txs)} (shift {shift}), "
                f"dropped {[d[:10] for d in dropped]}")

    def step_kill(self, forced: bool = False) -> str:
        t = self.till()
        cli = self.rng.random() < 0.3 and not forced     # sync --once may end before the kill
        delay = self.rng.uniform(1.0, 5.0)     # start-up and the first (catch-up) scan: 1.5-3 s
        if cli:
            cmd = [sys.executable, "-m", "pos_app", "--data-dir", str(t.data_dir), "sync", "--once"]
        else:
            cmd = [sys.executable, str(HELPER), "--data-dir", str(t.data_dir), "--passes", "500"]
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        env.pop("SOMPOS_RELAY_PASSPHRASE", None)
        t.close()
        proc = subprocess.Popen(cmd, env=env, cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        time.sleep(delay)
        killed = proc.poll() is None
        if killed:
            proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=60)
        if not killed and proc.returncode not in ((0, 3, 4) if cli else (0,)):
            self.errors.append(f"child {' '.join(cmd[2:4])} on till{t.number} exited {proc.returncode}: "
                               f"{err[-2000:]}")
        if killed:
            self.stats["kills"] += 1
        done = sum(1 for line in out.splitlines() if line.startswith("pass "))
        problems = db_problems(t.data_dir / "sompos.db")
        if problems:
            self.errors.append(f"till{t.number} after kill: {problems}")
        t.reopen()
        what = "sync --once" if cli else "soak_till"
        return (f"till{t.number} {what} {'KILLED' if killed else 'finished'} after {delay:.2f}s "
                f"({done} pass(es) done, exit {proc.returncode}, online {t.online})")

    # -- the walk ------------------------------------------------------------------------------------------
    def run(self, steps: int) -> None:
        names = list(WEIGHTS)
        # At least one of each, whatever the draws: forced where none happened yet.
        forced = {max(1, steps // 4): "handover", max(2, steps // 2): "reorg", max(3, (2 * steps) // 3): "kill"}
        for n in range(steps):
            self.n = n
            # Each step draws from its own stream: what a killed child happened to do changes the
            # state later steps see, but not the random numbers they draw.
            self.rng = random.Random(f"sompos soak {self.seed} step {n}")
            for t in self.tills:
                if not t.online and t.back_at <= n:
                    t.proxy.down = False
                    self.log.append(f"{n:4d} till{t.number} is back on the network")
            name = self.rng.choices(names, [WEIGHTS[k] for k in names])[0]
            want = forced.get(n)
            force = bool(want) and not self.stats[{"handover": "handovers", "reorg": "reorgs", "kill": "kills"}[want]]
            if force:
                if want == "handover" and not any(self.unsent(t) for t in self.tills):
                    self.log.append(f"{n:4d} offline: " + self.step_offline())
                name = want
            step = getattr(self, f"step_{name}")
            self.log.append(f"{n:4d} {name}: " + (step(forced=True) if name == "kill" and force else step()))
            self.stats["steps"] += 1

    def settle(self, *, rounds: int = 80, budget_s: float = 90.0) -> int:
        """Everyone online; passes until quiet (bounded). Returns the number of rounds it took."""
        for t in self.tills:
            t.proxy.down = False
        while self.later:
            self.log.append("end broadcast: " + self.step_broadcast())
        self.node.mine(CONFIRMATIONS)
        self.rng = random.Random(f"sompos soak {self.seed} settle")
        late = True
        start = time.monotonic()
        for r in range(rounds):
            for t in self.tills:
                t.step()
            if self.quiet() and late:
                # Every till has seen everything: the cashiers decide what still waits for them.
                late = False
                left = []
                for entry in list(self.to_assign):
                    self.to_assign = [entry]
                    self.log.append("late " + self.step_assign())
                    left += self.to_assign           # gone from the chain: nothing to assign
                self.to_assign = left
                continue
            if self.quiet():
                # One more round over a fresh block: nothing may move any more.
                self.node.mine(CONFIRMATIONS)
                for t in self.tills:
                    t.step()
                if self.quiet():
                    return r + 1
            if time.monotonic() - start > budget_s:
                break
            self.node.mine(1)
            time.sleep(0.25)
        return -1

    def quiet(self) -> bool:
        head = self.w3.eth.block_number
        stranded = self.stranded()
        for t in self.tills:
            if t.q("SELECT 1 FROM payments WHERE status = 'seen' LIMIT 1"):
                return False
            if any(r["idem_key"] not in stranded for r in t.q(
                    f"SELECT idem_key FROM offline_payments WHERE state NOT IN ({_states(NAMED_ENDS)})")):
                return False
            if (t.watcher.cursor() or 0) <= head - CONFIRMATIONS:
                return False
        return True

    def stranded(self) -> set[str]:
        """Offline payments (by idempotency key) whose copies still open are all handed off and
        unsent, while every other copy is final: no till would move them before the hand-over grace
        period (counted in the summary; each such item is a violation of (c))."""
        holders: dict[str, list[dict]] = collections.defaultdict(list)
        for t in self.tills:
            for r in t.q("SELECT idem_key, state, handed_off_at FROM offline_payments"):
                holders[r["idem_key"]].append(r)
        return {k for k, rows in holders.items()
                if any(r["state"] != "final" for r in rows)
                and all(r["state"] == "final" or (r["handed_off_at"] is not None and r["state"] in UNSENT_STATES)
                        for r in rows)}


def _states(states) -> str:
    return ",".join(f"'{s.value}'" for s in states)


def db_problems(db: Path) -> list:
    """integrity_check, and invoices whose stored totals disagree with their payments (read-only)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        bad: list = [] if check == "ok" else [f"integrity_check: {check}"]
        for inv_id, seen, final in conn.execute("SELECT id, paid_seen, paid_final FROM invoices"):
            pays = conn.execute("SELECT value, status FROM payments WHERE invoice_id = ? AND status != 'removed'",
                                (inv_id,)).fetchall()
            want_seen = sum(int(v) for v, _ in pays)
            want_final = sum(int(v) for v, st in pays if st == "final")
            if int(seen) != want_seen or int(final) != want_final:
                bad.append(("invoice totals", inv_id, seen, final, want_seen, want_final))
        return bad
    finally:
        conn.close()


# -- the invariants ----------------------------------------------------------------------------------------

def check_invariants(soak: Soak) -> tuple[list[str], list[tuple[str, str]], dict[str, int]]:
    """(violations, numbers for the summary)."""
    w3, bad = soak.w3, list(soak.errors)
    merchant_topic = "0x" + "0" * 24 + soak.merchant[2:].lower()
    logs = w3.eth.get_logs({"address": soak.shop.token_address, "fromBlock": 0, "toBlock": "latest",
                            "topics": [TRANSFER_TOPIC, None, merchant_topic]})
    chain = {(hx(lg["transactionHash"]), int(lg["logIndex"])): int.from_bytes(bytes(lg["data"]), "big") for lg in logs}
    auth_logs = w3.eth.get_logs({"address": soak.shop.token_address, "fromBlock": 0, "toBlock": "latest",
                                 "topics": [TOPIC_AUTH_USED]})
    for lg in auth_logs:
        payer = "0x" + hx(lg["topics"][1])[-40:]
        who = soak.intended_auth.get((payer, hx(lg["topics"][2])))
        if who is not None:
            soak.intended.setdefault(hx(lg["transactionHash"]), who)

    credits: dict[tuple[str, int], list[tuple[int, int]]] = collections.defaultdict(list)
    inbox: dict[tuple[str, int], list[int]] = collections.defaultdict(list)
    credited_total = 0
    for t in soak.tills:
        rows = t.q("SELECT p.tx_hash, p.log_index, p.value, p.status, p.invoice_id, p.matched_by, p.block_hash,"
                   " i.carried_for FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id")
        live = {(r["tx_hash"], r["log_index"]): r for r in rows if r["status"] != "removed"}
        # Every till recorded every Transfer of the canonical chain, and nothing else.
        if set(live) != set(chain):
            bad.append(f"till{t.number} payments differ from the chain: missing "
                       f"{sorted(set(chain) - set(live))}, extra {sorted(set(live) - set(chain))}")
        for k, r in live.items():
            if r["status"] != "final":
                bad.append(f"till{t.number}: payment {k} still {r['status']} after settling")
            if k in chain and int(r["value"]) != chain[k]:
                bad.append(f"till{t.number}: payment {k} value {r['value']} != chain {chain[k]}")
            if r["invoice_id"] is not None and r["carried_for"] is None:
                credits[k].append((t.index, int(r["invoice_id"])))
                credited_total += int(r["value"])
            elif r["invoice_id"] is None and r["matched_by"] != "other_till":
                inbox[k].append(t.index)

    expected_inbox = soak.nobody | soak.left_for_cashier | {tx for _s, tx in soak.to_assign}
    counted = in_inbox = echoes = 0
    inbox_total = 0
    for k, value in chain.items():
        got = credits.get(k, [])
        if len(got) > 1:
            bad.append(f"(a) transfer {k} ({value}) counted on {len(got)} sales: {got}")
        want = soak.intended.get(k[0])
        if got:
            counted += 1
            if want is not None and got[0] != want:
                bad.append(f"(a) transfer {k} ({value}) counted on till{got[0][0] + 1} invoice {got[0][1]}, "
                           f"meant for till{want[0] + 1} invoice {want[1]}")
            if want is None:
                bad.append(f"(a) transfer {k} ({value}) counted on {got} but the test never meant it for a sale")
            echoes += len(inbox.get(k, []))
        elif inbox.get(k):
            in_inbox += 1
            inbox_total += value
            if k[0] not in expected_inbox:
                meant = f"meant for till{want[0] + 1} invoice {want[1]}" if want else "sent by nobody the test knows"
                bad.append(f"(a) transfer {k} ({value}) is only in the inbox of till(s) "
                           f"{[i + 1 for i in inbox[k]]}, {meant}")
        else:
            bad.append(f"(a) transfer {k} ({value}) is counted nowhere and in no inbox (lost)")

    # (b) settled by the chain only when covered; covered sales are settled.
    for t in soak.tills:
        for inv in t.ctx.service.list(limit=100_000):
            pays = t.q("SELECT value, status FROM payments WHERE invoice_id = ? AND status != 'removed'", (inv.id,))
            final = sum(int(p["value"]) for p in pays if p["status"] == "final")
            if inv.state.value == "settled" and inv.settled_by == "chain" and final < inv.amount_base - inv.short_base:
                bad.append(f"(b) till{t.number} invoice {inv.id} settled with final {final} < "
                           f"{inv.amount_base - inv.short_base}")
            if final >= inv.owed_base and inv.state.value != "settled" and inv.state.value != "invalid":
                bad.append(f"(b) till{t.number} invoice {inv.id} has final payments {final} >= {inv.owed_base} "
                           f"but is {inv.state.value}{' (carried)' if inv.carried else ''}")

    # (c) every offline item ended, final or a named failure.
    failures = collections.Counter()
    items = 0
    stranded = soak.stranded()
    for t in soak.tills:
        for r in t.q("SELECT id, kind, state, reason, invoice_id, handed_off_at, imported_from, idem_key,"
                     " tx_hash FROM offline_payments"):
            items += 1
            if Q(r["state"]) not in NAMED_ENDS:
                what = (f"(c) till{t.number} offline item {r['id']} ({r['kind']}, invoice {r['invoice_id']}) left "
                        f"{r['state']}{', handed off' if r['handed_off_at'] else ''}: {r['reason']}")
                bad.append(what + (" (every open copy handed off)" if r["idem_key"] in stranded else ""))
            elif r["state"] != "final":
                # A named failure is an allowed end (the shop collects again), unless its money arrived.
                failures[r["state"]] += 1
                soak.log.append(f"note: till{t.number} offline item {r['id']} ({r['kind']}, invoice "
                                f"{r['invoice_id']}) failed: {r['state']}: {r['reason']}")
                if r["tx_hash"] and any(k[0] == r["tx_hash"].lower() for k in chain):
                    bad.append(f"(c) till{t.number} offline item {r['id']} failed ({r['state']}) but its "
                               f"transaction {r['tx_hash']} paid the shop")

    # (d) the money.
    rise = soak.balance() - soak.balance_before
    on_chain = sum(chain.values())
    if rise != on_chain:
        bad.append(f"(d) the merchant's balance rose by {rise}, the Transfers to it sum to {on_chain}")
    if credited_total + inbox_total != on_chain:
        bad.append(f"(d) credited {credited_total} + inbox {inbox_total} != Transfers {on_chain}")
    numbers = {"transfers": len(chain), "counted": counted, "inbox": in_inbox, "echoes": echoes,
               "offline_items": items, "failed_items": sum(failures.values()), "stranded": len(stranded)}
    return bad, numbers


def test_shop_soak(tmp_path, capsys):
    # Automine: deterministic blocks, one per transaction.
    node = start_anvil(block_time=None, extra=["--base-fee", BASE_FEE])
    t0 = time.monotonic()
    soak = None
    try:
        soak = Soak(node, tmp_path, SEED)
        soak.run(STEPS)
        rounds = soak.settle()
        soak.log.append(f"settled in {rounds} round(s)")
        bad, numbers = check_invariants(soak)
        if rounds < 0:
            bad.insert(0, "the tills did not get quiet within the bound")
        s = soak.stats
        summary = (f"SOAK seed={SEED} steps={STEPS} tills={soak.count} sales={s['sales']} "
                   f"transfers={numbers['transfers']} (online {s['online_transfers']}, counted {numbers['counted']}, "
                   f"inbox {numbers['inbox']}, echoes {numbers['echoes']}) assigned={s['assigned']} "
                   f"offline={numbers['offline_items']} (raw {s['offline_raw']}, auth {s['offline_auth']}, "
                   f"also sent by customer {s['customer_broadcasts']}, failed {numbers['failed_items']}, "
                   f"stranded {numbers['stranded']}) "
                   f"handovers={s['handovers']} ({s['handed_items']} items, {s['handed_back']} back) "
                   f"kills={s['kills']} reorgs={s['reorgs']} (dropped {s['dropped_txs']} tx) settle_rounds={rounds} "
                   f"time={time.monotonic() - t0:.0f}s violations={len(bad)}")
        log_path = tmp_path / "soak-log.txt"
        log_path.write_text("\n".join([summary, *soak.log, "", *bad]) + "\n",
                            encoding="utf-8")
        with capsys.disabled():
            print("\n" + summary)
        assert not bad, (f"{summary}\n" + "\n".join(bad[:40]) + "\n-- last steps --\n"
                         + "\n".join(soak.log[-40:]) + f"\nfull log: {log_path}")
    finally:
        if soak is not None:
            soak.stop()
        stop_anvil(node)
