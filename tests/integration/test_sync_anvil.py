"""The sync engine against a real anvil node over JSON-RPC (automine: one block per transaction).

The scenarios of ``tests/sync/test_engine_demo.py`` on a real node: payments are accepted while the
shop cannot reach the node (a ``Relay`` that is stopped, or a ``FaultyProxy`` that is down), then the
connection returns and the engine runs passes. Every test checks the queue in the database *and* the
chain (balances, receipts, nonces, authorization states).
"""
from __future__ import annotations

import collections
import json
import random
import time

import pytest
from eth_account import Account
from eth_utils import keccak
from web3 import Web3

from pos_app.chain.contract import send_token_call
from pos_app.app.demo.wallet import sign_authorization, sign_raw_transfer
from pos_app.core.errors import ChainError, NodeUnavailable, PosError
from pos_app.core.money import Tyiyn
from pos_app.offline.lifecycle import FAILURES
from pos_app.offline.lifecycle import QueueState as Q
from pos_app.offline.risk import Limits
from pos_app.chain.rawrpc import TOPIC_AUTH_USED

from .conftest import ANVIL_CHAIN_ID, deploy_shop, fund, key, shop_context, start_anvil, stop_anvil
from .faulty_proxy import Faults, FaultyProxy
from .proxy import Relay

pytestmark = pytest.mark.anvil

SOM = 10**6                 # base units per som (6 decimals)
TOKEN_NAME, TOKEN_VERSION = "Som", "1"   # deploy_shop's EIP-712 domain
MERCHANT_KEY = key("merchant")
AUTH_ARGS = "(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)"
BIG_LIMITS = {"per_payment_tyiyn": 10**12, "total_tyiyn": 10**13, "max_items": 10**6,
              "unknown_payer_tyiyn": 10**12}


# -- fixtures and helpers -------------------------------------------------------------------------------

@pytest.fixture
def node():
    n = start_anvil(block_time=None)          # automine: each transaction gets its own block
    yield n
    stop_anvil(n)


class Till:
    """A shop on ``node`` whose till talks to the chain through ``urls`` (a relay or proxy in front)."""

    def __init__(self, tmp_path, node, urls=None, confirmations=2):
        self.node = node
        self.shop = deploy_shop(node)
        self.token = self.shop.token
        self.merchant = self.shop.merchant
        fund(node, self.merchant)             # the relay is the merchant's own key: it pays relay gas
        self.ctx = shop_context(tmp_path, self.shop, urls=urls, confirmations=confirmations)
        self.ctx.token_info()                 # caches the EIP-712 name/version: offline checks need them
        self.ctx.offline.record_sync(ANVIL_CHAIN_ID, at=int(time.time()), gas_price=int(node.w3.eth.gas_price),
                                     base_fee=int(node.w3.eth.get_block("latest")["baseFeePerGas"]))
        self.ctx.offline.set_limits(Limits(**{**Limits().to_dict(), **BIG_LIMITS}))
        self.engine = self.ctx.sync_engine(relay=Account.from_key(MERCHANT_KEY))
        self.watcher = self.ctx.watcher()

    def step(self):
        """One engine pass, then the payment watcher reads the chain: an item is final only by the
        Transfer the watcher recorded (issue 18, 8), as the app's runner does between passes."""
        try:
            report = self.engine.pass_once()
        finally:
            self.watcher.scan_once()     # its own thread in the app: it reads the chain either way
        return report

    # -- payers ------------------------------------------------------------------------------------
    def payer(self, label: str, *, som: int = 10_000, bnb: bool = True) -> bytes:
        k = key(label)
        address = Account.from_key(k).address
        if bnb:
            fund(self.node, address)
        if som:
            send_token_call(self.node.w3, key("issuer"), self.token.functions.mint(address, som * SOM))
        return k

    def payers(self, labels: list[str], *, som: int) -> list[bytes]:
        """Many funded payers quickly: balances set in one batch, mints signed locally and sent raw."""
        w3, keys = self.node.w3, [key(label) for label in labels]
        addresses = [Account.from_key(k).address for k in keys]
        w3.provider.make_batch_request([("anvil_setBalance", [a, hex(10**20)]) for a in addresses])
        issuer = Account.from_key(key("issuer"))
        nonce, price = w3.eth.get_transaction_count(issuer.address), int(w3.eth.gas_price)
        hashes = []
        for i, a in enumerate(addresses):
            tx = self.token.functions.mint(a, som * SOM).build_transaction(
                {"from": issuer.address, "nonce": nonce + i, "gas": 120_000, "gasPrice": 2 * price,
                 "chainId": ANVIL_CHAIN_ID})
            hashes.append(w3.eth.send_raw_transaction(issuer.sign_transaction(tx).raw_transaction))
        assert all(w3.eth.get_transaction_receipt(h)["status"] == 1 for h in hashes)
        assert all(self.balance(a) == som * SOM for a in addresses)
        return keys

    # -- accepting offline -------------------------------------------------------------------------------
    def accept(self, payload_for, som: int):
        inv = self.ctx.create_invoice(Tyiyn(som * 100))
        item, again = self.ctx.offline.accept(payload_for(inv), inv.id, self.ctx.offline_facts())
        assert not again and item.state == Q.QUEUED
        return inv, item

    def raw(self, payer_key: bytes):
        return lambda inv: sign_raw_transfer(self.node.w3, payer_key, self.shop.token_address, self.merchant,
                                             inv.due_base)

    def auth(self, payer_key: bytes, method: str = "receiveWithAuthorization", amount: int | None = None):
        return lambda inv: sign_authorization(payer_key, chain_id=ANVIL_CHAIN_ID, token=self.shop.token_address,
                                              to=self.merchant, amount=amount or inv.due_base, name=TOKEN_NAME,
                                              version=TOKEN_VERSION, method=method)

    # -- reading -----------------------------------------------------------------------------------------
    def balance(self, address: str | None = None) -> int:
        return int(self.token.functions.balanceOf(address or self.merchant).call())

    def relay_nonce(self, tag: str = "latest") -> int:
        return int(self.node.w3.eth.get_transaction_count(self.merchant, tag))

    def row(self, item_id: int) -> dict:
        return self.ctx.store.one("SELECT * FROM offline_payments WHERE id = ?", (item_id,))

    def rows(self) -> list[dict]:
        return self.ctx.store.query("SELECT * FROM offline_payments ORDER BY id")

    def db_snapshot(self) -> tuple:
        return (self.rows(), self.ctx.store.query("SELECT * FROM offline_history ORDER BY id"),
                self.ctx.store.query("SELECT * FROM relay_nonces ORDER BY chain_id, address"))

    def states(self) -> dict[int, Q]:
        return {r["id"]: Q(r["state"]) for r in self.rows()}

    def path(self, item_id: int) -> list[str]:
        return [h["to_state"] for h in self.ctx.offline.history(item_id)]

    def auth_state(self, payer: str, nonce_hex: str) -> bool:
        return bool(self.token.functions.authorizationState(payer, bytes.fromhex(nonce_hex[2:])).call())

    def dump(self) -> list[dict]:
        return self.ctx.store.query("SELECT id, kind, state, reason, last_error, attempts, relay_nonce, tx_hash "
                                    "FROM offline_payments ORDER BY id")

    def run_until(self, done, passes: int = 10, mine: int = 1) -> None:
        """Passes with ``mine`` blocks between them until ``done()``; fails with the queue if never."""
        for _ in range(passes):
            self.step()
            if done():
                return
            self.node.mine(mine)
        raise AssertionError(self.dump())


def receipt(w3: Web3, tx_hash: str):
    try:
        return w3.eth.get_transaction_receipt(tx_hash)
    except Exception:  # noqa: BLE001 - web3 raises TransactionNotFound
        return None


def cancel_on_chain(till: Till, payer_key: bytes, payload: dict) -> None:
    """The payer cancels an authorization with ``cancelAuthorization`` (EIP-3009) before the shop syncs."""
    nonce = bytes.fromhex(payload["nonce"][2:])
    signed = Account.sign_typed_data(
        payer_key,
        {"name": TOKEN_NAME, "version": TOKEN_VERSION, "chainId": ANVIL_CHAIN_ID,
         "verifyingContract": till.shop.token_address},
        {"CancelAuthorization": [{"name": "authorizer", "type": "address"}, {"name": "nonce", "type": "bytes32"}]},
        {"authorizer": payload["from"], "nonce": nonce})
    send_token_call(till.node.w3, payer_key, till.token.functions.cancelAuthorization(
        payload["from"], nonce, signed.v, signed.r.to_bytes(32, "big"), signed.s.to_bytes(32, "big")))


# -- 1. a queue accepted while the node is unreachable -----------------------------------------------------

@pytest.mark.parametrize("link", ["relay", "faulty_proxy_down"])
def test_queue_accepted_while_unreachable_settles_exactly_once(node, tmp_path, link):
    if link == "relay":
        gate = Relay(node.port)
        url = f"http://127.0.0.1:{gate.start()}"
    else:
        gate = FaultyProxy(node.port)
        url = f"http://127.0.0.1:{gate.start()}"
    try:
        till = Till(tmp_path, node, urls=[url])       # token facts and fee floor read through the link
        raw_keys = [till.payer(f"raw payer {i}") for i in range(3)]
        recv_key, xfer_key = till.payer("receive payer"), till.payer("transfer payer")
        before, relay_before = till.balance(), till.relay_nonce()
        payer_nonces = {Account.from_key(k).address: node.w3.eth.get_transaction_count(Account.from_key(k).address)
                        for k in raw_keys + [recv_key, xfer_key]}

        if link == "relay":
            gate.stop()                                   # the node is unreachable for the till
        else:
            gate.down = True
        accepted = []
        for i, k in enumerate(raw_keys):
            accepted.append(till.accept(till.raw(k), som=100 + i))
        for i in range(3):                                # several authorizations from one payer
            accepted.append(till.accept(till.auth(recv_key, "receiveWithAuthorization"), som=50 + i))
        for i in range(2):
            accepted.append(till.accept(till.auth(xfer_key, "transferWithAuthorization"), som=70 + i))
        total = sum(inv.due_base for inv, _ in accepted)
        kinds = collections.Counter(till.row(item.id)["kind"] for _, item in accepted)
        assert kinds == {"raw_tx": 3, "eip3009": 5}

        snap = till.db_snapshot()
        for _ in range(3):
            with pytest.raises(NodeUnavailable):
                till.step()
        assert till.db_snapshot() == snap                 # nothing changed in the database...
        assert set(till.states().values()) == {Q.QUEUED}
        assert all(r["relay_raw"] is None and r["attempts"] == 0 for r in till.rows())
        assert till.balance() == before and till.relay_nonce("pending") == relay_before   # ...nor on chain
        for address, n in payer_nonces.items():
            assert node.w3.eth.get_transaction_count(address, "pending") == n
        if link == "faulty_proxy_down":
            assert gate.counts["down"] >= 3

        if link == "relay":
            gate.start(gate.port)                         # back on the same address
        else:
            gate.down = False
        till.run_until(lambda: set(till.states().values()) == {Q.FINAL}, passes=6)

        assert till.balance() - before == total           # the merchant got exactly the sum
        assert till.relay_nonce() - relay_before == 5     # one relay transaction per authorization
        assert till.relay_nonce("pending") == till.relay_nonce()
        for inv, item in accepted:
            r = till.row(item.id)
            assert till.path(item.id) == ["received", "queued", "submitted", "included", "final"]
            rc = node.w3.eth.get_transaction_receipt(r["tx_hash"])
            assert rc["status"] == 1 and rc["blockNumber"] == r["block_number"]
            assert "0x" + bytes(rc["blockHash"]).hex() == r["block_hash"]
            if r["kind"] == "eip3009":
                assert rc["from"] == till.merchant and rc["to"] == till.shop.token_address
                payload = json.loads(r["payload"])
                tx = node.w3.eth.get_transaction(r["tx_hash"])
                assert bytes(tx["input"][:4]) == keccak(text=f"{payload['method']}{AUTH_ARGS}")[:4]
                assert till.auth_state(r["payer"], r["auth_nonce"])
            else:
                assert rc["from"] == r["payer"]
                assert node.w3.eth.get_transaction_count(r["payer"]) == payer_nonces[r["payer"]] + 1

        # More passes (and blocks) change nothing: no second transfer, no state change.
        snap = till.db_snapshot()
        for _ in range(3):
            till.step()
            node.mine(1)
        assert till.db_snapshot() == snap
        assert till.balance() - before == total and till.relay_nonce() - relay_before == 5
    finally:
        gate.stop()


def test_send_answer_lost_after_the_node_took_the_batch_is_not_paid_twice(node, tmp_path):
    """The node accepts the whole send batch but the answer never reaches the till (reset after forward)."""
    proxy = FaultyProxy(node.port)
    proxy.start()
    try:
        till = Till(tmp_path, node, urls=[proxy.url])
        raw_keys = [till.payer(f"lost answer raw {i}") for i in range(3)]
        auth_key = till.payer("lost answer auth")
        before, relay_before = till.balance(), till.relay_nonce()
        accepted = [till.accept(till.raw(k), som=10 + i) for i, k in enumerate(raw_keys)]
        accepted += [till.accept(till.auth(auth_key, m), som=20 + i)
                     for i, m in enumerate(["receiveWithAuthorization", "transferWithAuthorization"] * 2)]
        total = sum(inv.due_base for inv, _ in accepted)
        real_batch = till.engine._batch

        def lossy(what, calls):      # only the send batch loses its answer, after the node acted on it
            if what != "send payments":
                return real_batch(what, calls)
            proxy.faults = Faults(drop_after_forward=1.0)
            try:
                return real_batch(what, calls)
            finally:
                proxy.faults = Faults()
        till.engine._batch = lossy
        with pytest.raises(NodeUnavailable):
            till.step()
        assert proxy.counts["drop_after_forward"] >= 1
        assert till.balance() - before == total                           # it all landed...
        assert set(till.states().values()) == {Q.QUEUED}                  # ...but the till does not know
        assert till.relay_nonce() - relay_before == 4

        till.engine._batch = real_batch
        till.run_until(lambda: set(till.states().values()) == {Q.FINAL})
        reasons = {till.ctx.store.one("SELECT code FROM offline_history WHERE item_id = ? AND to_state = "
                                      "'submitted'", (item.id,))["code"] for _, item in accepted}
        assert reasons <= {"nonce_used_checking", "already_known",
                           "money_reached_network"}    # seen on the chain by the watcher first
        assert till.balance() - before == total                           # paid once
        assert till.relay_nonce() - relay_before == 4 == till.relay_nonce("pending") - relay_before
        for _, item in accepted:
            r = till.row(item.id)
            assert node.w3.eth.get_transaction_receipt(r["tx_hash"])["status"] == 1
    finally:
        proxy.stop()


def test_relays_signed_before_a_crash_keep_their_nonces_and_later_ones_follow(node, tmp_path):
    """Signed relay bytes were committed but never broadcast; a new authorization must not reuse their nonce."""
    till = Till(tmp_path, node)
    payer = till.payer("crash payer")
    before, relay_before = till.balance(), till.relay_nonce()
    first = [till.accept(till.auth(payer), som=11 + i) for i in range(2)]
    from pos_app.outbox.engine import PassReport
    till.engine._prepare_relay(PassReport(), int(time.time()))           # signed, committed, "killed"
    signed = {item.id: till.row(item.id) for _, item in first}
    assert till.relay_nonce("pending") == relay_before                   # nothing broadcast
    later = till.accept(till.auth(payer, "transferWithAuthorization"), som=13)
    engine = till.ctx.sync_engine(relay=Account.from_key(MERCHANT_KEY))  # the restarted app
    till.engine = engine
    till.run_until(lambda: set(till.states().values()) == {Q.FINAL})
    for item_id, row in signed.items():                                  # the same bytes went out
        assert {k: till.row(item_id)[k] for k in ("relay_raw", "relay_nonce", "tx_hash")} == \
            {k: row[k] for k in ("relay_raw", "relay_nonce", "tx_hash")}
    assert till.row(later[1].id)["relay_nonce"] == relay_before + 2
    assert till.relay_nonce() - relay_before == 3 == till.relay_nonce("pending") - relay_before
    assert till.balance() - before == sum(inv.due_base for inv, _ in first + [later])


# -- 2. double spend ---------------------------------------------------------------------------------------

def test_double_spent_raw_transaction(node, tmp_path):
    till = Till(tmp_path, node)
    cheat, honest = till.payer("cheater"), till.payer("honest")
    before = till.balance()
    _, bad = till.accept(till.raw(cheat), som=300)
    inv_ok, ok = till.accept(till.raw(honest), som=200)
    # Before the shop syncs, the payer spends the same transaction number elsewhere.
    elsewhere = send_token_call(node.w3, cheat, till.token.functions.transfer(till.shop.customer, 5 * SOM))
    assert elsewhere["status"] == 1
    cheater = Account.from_key(cheat).address
    assert node.w3.eth.get_transaction_count(cheater) == 1 == till.row(bad.id)["payer_nonce"] + 1

    till.run_until(lambda: till.states() == {bad.id: Q.DOUBLE_SPENT, ok.id: Q.FINAL})

    got = till.ctx.offline.get(bad.id)
    assert "elsewhere" in got.reason
    assert till.path(bad.id) == ["received", "queued", "submitted", "double_spent"]
    assert receipt(node.w3, got.tx_hash) is None                      # the shop's copy never landed
    assert node.w3.eth.get_transaction_count(cheater) == 1
    assert till.balance() - before == inv_ok.due_base                 # only the honest payment arrived
    node.mine(2)
    till.step()                                           # a failure is final
    assert till.states() == {bad.id: Q.DOUBLE_SPENT, ok.id: Q.FINAL}


# -- 3. insufficient funds -------------------------------------------------------------------------------------

def test_insufficient_funds_raw_reverts_authorization_and_gasless_raw_fail(node, tmp_path):
    till = Till(tmp_path, node)
    poor_tokens = till.payer("few tokens", som=10)                      # holds 10 som, pays 500
    poor_auth = till.payer("few tokens, authorization", som=10)
    no_gas = till.payer("no bnb", som=1_000, bnb=False)                 # tokens, but nothing for gas
    good = till.payer("good payer", som=1_000)
    before, relay_before = till.balance(), till.relay_nonce()
    _, reverted = till.accept(till.raw(poor_tokens), som=500)
    _, unfunded = till.accept(till.auth(poor_auth), som=500)
    _, gasless = till.accept(till.raw(no_gas), som=400)
    inv_ok, ok = till.accept(till.auth(good, "transferWithAuthorization"), som=40)

    want = {reverted.id: Q.REVERTED, unfunded.id: Q.INSUFFICIENT_FUNDS, gasless.id: Q.INSUFFICIENT_FUNDS,
            ok.id: Q.FINAL}
    till.run_until(lambda: till.states() == want)

    # The raw transfer was mined and reverted (status 0): the shop keeps the receipt as evidence.
    r = till.row(reverted.id)
    rc = node.w3.eth.get_transaction_receipt(r["tx_hash"])
    assert rc["status"] == 0 and rc["blockNumber"] == r["block_number"]
    assert till.path(reverted.id) == ["received", "queued", "submitted", "reverted"]
    assert till.balance(Account.from_key(poor_tokens).address) == 10 * SOM
    # The authorization was never relayed: no relay nonce spent on it, its nonce still unused.
    r = till.row(unfunded.id)
    assert r["relay_raw"] is None and r["relay_nonce"] is None
    assert not till.auth_state(r["payer"], r["auth_nonce"])
    assert till.path(unfunded.id) == ["received", "queued", "insufficient_funds"]
    # No BNB for gas: the node refused the bytes, nothing on chain.
    r = till.row(gasless.id)
    assert receipt(node.w3, r["tx_hash"]) is None
    assert node.w3.eth.get_transaction_count(r["payer"], "pending") == 0
    assert till.path(gasless.id) == ["received", "queued", "insufficient_funds"]
    assert "fee" in till.ctx.offline.get(gasless.id).reason
    # The good one went through, with the only relay transaction.
    assert till.balance() - before == inv_ok.due_base
    assert till.relay_nonce() - relay_before == 1 == till.relay_nonce("pending") - relay_before
    assert till.row(ok.id)["relay_nonce"] == relay_before


def test_authorizations_of_one_payer_beyond_the_balance_only_the_covered_one_is_relayed(node, tmp_path):
    till = Till(tmp_path, node)
    payer = till.payer("two for sixty", som=100)                       # 100 som, two authorizations of 60
    before, relay_before = till.balance(), till.relay_nonce()
    inv_a, a = till.accept(till.auth(payer), som=60)
    _, b = till.accept(till.auth(payer, "transferWithAuthorization"), som=61)
    till.run_until(lambda: till.states() == {a.id: Q.FINAL, b.id: Q.INSUFFICIENT_FUNDS})
    assert till.balance() - before == inv_a.due_base
    assert till.row(b.id)["relay_raw"] is None                          # not signed, no gas burnt on it
    assert till.relay_nonce() - relay_before == 1 == till.relay_nonce("pending") - relay_before


def test_relay_that_reverts_because_the_payer_drained_first_leaves_no_nonce_gap(node, tmp_path):
    """Relay transactions signed (then a crash); the payer empties the account before they go out."""
    till = Till(tmp_path, node)
    drainer, other = till.payer("drainer", som=100), till.payer("steady", som=100)
    before, relay_before = till.balance(), till.relay_nonce()
    _, drained = till.accept(till.auth(drainer), som=50)
    inv_ok, ok = till.accept(till.auth(other), som=40)
    from pos_app.outbox.engine import PassReport
    till.engine._prepare_relay(PassReport(), int(time.time()))           # signed and committed, then "killed"
    assert {till.row(i)["relay_nonce"] for i in (drained.id, ok.id)} == {relay_before, relay_before + 1}
    send_token_call(node.w3, drainer, till.token.functions.transfer(till.shop.customer, 100 * SOM))

    till.run_until(lambda: till.states() == {drained.id: Q.INSUFFICIENT_FUNDS, ok.id: Q.FINAL})
    r = till.row(drained.id)
    rc = node.w3.eth.get_transaction_receipt(r["tx_hash"])                # the relay was mined and reverted
    assert rc["status"] == 0 and rc["from"] == till.merchant
    assert not till.auth_state(r["payer"], r["auth_nonce"])
    assert till.path(drained.id) == ["received", "queued", "submitted", "insufficient_funds"]
    assert till.balance() - before == inv_ok.due_base
    assert till.relay_nonce() - relay_before == 2 == till.relay_nonce("pending") - relay_before
    # The relay account carries on without a gap.
    inv_c, c = till.accept(till.auth(other), som=30)
    till.run_until(lambda: till.states()[c.id] == Q.FINAL)
    assert till.row(c.id)["relay_nonce"] == relay_before + 2
    assert till.balance() - before == inv_ok.due_base + inv_c.due_base


def test_relay_refused_as_underpriced_is_signed_again_at_the_same_nonce(node, tmp_path):
    """Signed (then a crash), the network fee rises before it is sent: the node refuses the relay bytes.

    The engine's own comment says "sign it again next pass (same nonce, current gas price)"; a new nonce
    leaves the refused one unused, so the new transaction (and every later relay) waits behind a gap.
    """
    till = Till(tmp_path, node)
    payer = till.payer("fee rise")
    before, relay_before = till.balance(), till.relay_nonce()
    inv, item = till.accept(till.auth(payer), som=20)
    from pos_app.outbox.engine import PassReport
    till.engine._prepare_relay(PassReport(), int(time.time()))
    signed = till.row(item.id)
    assert signed["relay_nonce"] == relay_before
    node.rpc("anvil_setNextBlockBaseFeePerGas", [hex(100 * int(node.w3.eth.gas_price))])
    till.step()
    refused = till.row(item.id)
    assert refused["state"] == Q.QUEUED.value and refused["relay_raw"] is None
    assert "base fee" in refused["last_error"]
    till.engine.clock = lambda: time.time() + 3600                      # past the retry back-off
    till.step()
    resigned = till.row(item.id)
    assert resigned["relay_raw"] is not None and resigned["relay_raw"] != signed["relay_raw"]
    assert resigned["relay_nonce"] == relay_before, "re-signed at a new nonce: nonce gap"
    till.run_until(lambda: till.states() == {item.id: Q.FINAL})
    assert till.balance() - before == inv.due_base
    assert till.relay_nonce() - relay_before == 1


# -- 4. cancelled authorization (and one relayed by another till) ----------------------------------------------

def test_cancelled_authorization(node, tmp_path):
    till = Till(tmp_path, node)
    payer = till.payer("canceller")
    before, relay_before = till.balance(), till.relay_nonce()
    _, item = till.accept(till.auth(payer), som=25)
    payload = json.loads(till.row(item.id)["payload"])
    cancel_on_chain(till, payer, payload)
    assert till.auth_state(payload["from"], payload["nonce"])             # used-or-cancelled on chain

    till.run_until(lambda: till.states() == {item.id: Q.CANCELLED})
    got = till.ctx.offline.get(item.id)
    assert "cancelled" in got.reason
    assert till.path(item.id) == ["received", "queued", "cancelled"]
    assert till.row(item.id)["relay_raw"] is None
    assert till.balance() == before and till.relay_nonce("pending") == relay_before


def test_authorization_already_relayed_by_another_till_is_followed_not_paid_twice(node, tmp_path):
    till = Till(tmp_path, node)
    payer = till.payer("two tills")
    before, relay_before = till.balance(), till.relay_nonce()
    inv, item = till.accept(till.auth(payer, "transferWithAuthorization"), som=33)
    p = json.loads(till.row(item.id)["payload"])
    sig = bytes.fromhex(p["signature"][2:])
    # Anyone may relay a transferWithAuthorization: here the customer's account does it first.
    other = send_token_call(node.w3, till.shop.customer_key, till.token.functions.transferWithAuthorization(
        p["from"], p["to"], int(p["value"]), int(p["validAfter"]), int(p["validBefore"]),
        bytes.fromhex(p["nonce"][2:]), sig[64], sig[:32], sig[32:64]))
    assert other["status"] == 1 and till.balance() - before == inv.due_base

    till.run_until(lambda: till.states() == {item.id: Q.FINAL})
    r = till.row(item.id)
    assert r["tx_hash"] == "0x" + bytes(other["transactionHash"]).hex()   # followed the other till's tx
    assert till.balance() - before == inv.due_base                         # paid once
    assert till.relay_nonce("pending") == relay_before                     # our relay sent nothing


# -- 5. reorg after inclusion ------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["raw_tx", "eip3009"])
@pytest.mark.parametrize("how", ["evm_revert", "reorg_dropped", "reorg_moved"])
def test_reorg_after_inclusion_resends_identical_bytes_and_settles_once(node, tmp_path, kind, how):
    till = Till(tmp_path, node, confirmations=3)       # final at head - 2: room for a shallow reorg
    payer = till.payer("reorg payer")
    before, relay_before = till.balance(), till.relay_nonce()
    inv, item = till.accept(till.raw(payer) if kind == "raw_tx" else till.auth(payer), som=77)
    snapshot = node.rpc("evm_snapshot", [])

    report = till.step()                   # sent and (automine) included
    first = till.row(item.id)
    assert first["state"] == Q.INCLUDED.value and report.included == 1
    assert till.balance() - before == inv.due_base
    node.mine(1)
    till.step()
    assert till.row(item.id)["state"] == Q.INCLUDED.value   # one confirmation short of final
    sent_bytes = first["relay_raw"] if kind == "eip3009" else first["payload"]
    depth = node.w3.eth.block_number - first["block_number"] + 1

    if how == "evm_revert":
        assert node.rpc("evm_revert", [snapshot]) is True
    elif how == "reorg_dropped":
        node.rpc("anvil_reorg", [depth, []])
    else:   # the same transaction lands again, one block later in the new branch
        node.rpc("anvil_reorg", [depth, [[sent_bytes, 1]]])
    moved = receipt(node.w3, first["tx_hash"])
    if how == "reorg_moved":
        assert moved is not None and moved["blockNumber"] != first["block_number"]
    else:
        assert moved is None and till.balance() == before

    till.step()                            # the engine notices: back to submitted
    assert till.row(item.id)["state"] in (Q.SUBMITTED.value, Q.INCLUDED.value)
    till.run_until(lambda: till.states() == {item.id: Q.FINAL}, passes=8)

    last = till.row(item.id)
    path = till.path(item.id)
    assert path[:4] == ["received", "queued", "submitted", "included"] and path[-1] == "final"
    assert ["included", "submitted"] == path[3:5]      # the reorg is in the history
    assert path.count("final") == 1
    # Identical bytes, same hash, same relay nonce: the payment cannot land twice.
    assert last["tx_hash"] == first["tx_hash"]
    assert (last["relay_raw"], last["relay_nonce"], last["payload"]) == \
        (first["relay_raw"], first["relay_nonce"], first["payload"])
    rc = node.w3.eth.get_transaction_receipt(last["tx_hash"])
    assert rc["status"] == 1 and rc["blockNumber"] == last["block_number"]
    assert "0x" + bytes(rc["blockHash"]).hex() == last["block_hash"] != first["block_hash"]
    assert till.balance() - before == inv.due_base      # rose exactly once
    if kind == "eip3009":
        assert till.relay_nonce() - relay_before == 1 == till.relay_nonce("pending") - relay_before
    else:
        assert node.w3.eth.get_transaction_count(Account.from_key(payer).address) == 1
    node.mine(3)
    till.step()
    assert till.states() == {item.id: Q.FINAL} and till.balance() - before == inv.due_base


# -- 6. 1,000 payments through a flaky link ----------------------------------------------------------------------

N_AUTH_PAYERS, AUTHS_PER_PAYER, N_RAW = 8, 100, 200     # 800 authorizations + 200 raw transactions
FLAKY = Faults(delay=0.04, delay_s=(0.02, 0.3), reset=0.04, cut=0.04, garbage=0.04, http_429=0.04,
               http_503=0.04, drop_after_forward=0.04)


def test_a_thousand_payments_through_a_flaky_link(node, tmp_path):
    t0 = time.monotonic()
    proxy = FaultyProxy(node.port, seed=1234)
    proxy.start()
    try:
        till = Till(tmp_path, node, urls=[proxy.url])
        auth_keys = till.payers([f"auth payer {i}" for i in range(N_AUTH_PAYERS)], som=100_000)
        raw_keys = till.payers([f"payer {i}" for i in range(N_RAW)], som=1_000)
        before, relay_before = till.balance(), till.relay_nonce()
        t_setup = time.monotonic()

        proxy.down = True                                  # offline at the counter
        rng = random.Random(7)
        jobs = [("raw", k) for k in raw_keys] + \
               [("auth", k) for k in auth_keys for _ in range(AUTHS_PER_PAYER)]
        rng.shuffle(jobs)
        items, total = [], 0
        for i, (kind, k) in enumerate(jobs):
            if kind == "raw":
                payload_for = till.raw(k)
            else:
                payload_for = till.auth(k, "receiveWithAuthorization" if i % 2 else "transferWithAuthorization")
            inv, item = till.accept(payload_for, som=1 + rng.randrange(300))
            items.append(item)
            total += inv.due_base
        t_accept = time.monotonic()
        assert len(items) == N_RAW + N_AUTH_PAYERS * AUTHS_PER_PAYER
        with pytest.raises(NodeUnavailable):
            till.step()

        proxy.down = False
        proxy.faults = FLAKY
        caught: collections.Counter[str] = collections.Counter()
        passes, deadline = 0, time.monotonic() + 240
        while True:
            passes += 1
            try:
                till.step()
            except PosError as exc:                        # anything else fails the test
                caught[type(exc).__name__] += 1
                assert isinstance(exc, ChainError), exc
            states = collections.Counter(till.states().values())
            assert not (set(states) & (FAILURES | {Q.NEEDS_ATTENTION})), (states, till.dump())
            if states == {Q.FINAL: len(items)}:
                break
            assert time.monotonic() < deadline, (passes, states, dict(proxy.counts), caught)
            node.mine(1)
        t_sync = time.monotonic()
        proxy.faults = Faults()

        # The chain: exactly the sum arrived, each authorization used once, no relay nonce gap.
        assert till.balance() - before == total
        rows = till.rows()
        relayed = [r for r in rows if r["kind"] == "eip3009"]
        raws = [r for r in rows if r["kind"] == "raw_tx"]
        assert len(relayed) == N_AUTH_PAYERS * AUTHS_PER_PAYER and len(raws) == N_RAW
        assert till.relay_nonce() - relay_before == len(relayed)
        assert till.relay_nonce("pending") == till.relay_nonce()
        assert sorted(r["relay_nonce"] for r in relayed) == list(range(relay_before, relay_before + len(relayed)))
        used = node.w3.eth.get_logs({"address": till.shop.token_address, "fromBlock": 0, "toBlock": "latest",
                                     "topics": [TOPIC_AUTH_USED]})
        used_keys = collections.Counter(("0x" + bytes(lg["topics"][1])[-20:].hex(), "0x" + bytes(lg["topics"][2]).hex())
                                        for lg in used)
        assert set(used_keys.values()) == {1}
        assert set(used_keys) == {(r["payer"].lower(), r["auth_nonce"].lower()) for r in relayed}
        for r in rows:
            assert r["state"] == Q.FINAL.value
            assert r["tx_hash"] and r["block_hash"]
        receipts = node.w3.provider.make_batch_request([("eth_getTransactionReceipt", [r["tx_hash"]]) for r in rows])
        for r, rc in zip(rows, receipts):
            rc = rc["result"]
            assert int(rc["status"], 16) == 1 and int(rc["blockNumber"], 16) == r["block_number"]
            assert rc["blockHash"] == r["block_hash"]
            assert Web3.to_checksum_address(rc["from"]) == (till.merchant if r["kind"] == "eip3009" else r["payer"])
        for k in raw_keys:
            assert node.w3.eth.get_transaction_count(Account.from_key(k).address) == 1
        # The faults really happened.
        for fault in ("delay", "reset", "cut", "garbage", "http_429", "http_503", "drop_after_forward"):
            assert proxy.counts[fault] > 0, dict(proxy.counts)
        # Extra passes change nothing.
        snap = till.db_snapshot()
        node.mine(2)
        till.step()
        assert till.db_snapshot() == snap and till.balance() - before == total
        reasons = collections.Counter(h["code"] for h in till.ctx.store.query(
            "SELECT code FROM offline_history WHERE to_state = 'submitted'"))
        attempts = collections.Counter(r["attempts"] for r in rows)
        print(f"\nsubmitted because: {dict(reasons)}; attempts: {dict(attempts)}")
        print(f"1,000 items: setup {t_setup - t0:.1f}s, accept {t_accept - t_setup:.1f}s, "
              f"sync {t_sync - t_accept:.1f}s in {passes} passes; failed passes {dict(caught)}; "
              f"proxy {dict(proxy.counts)}")
    finally:
        proxy.stop()
