"""The sync engine on the in-process EVM (eth-tester + py-evm, the demo network).

Payments are accepted while the shop's connection is cut (the chain keeps running, as a
customer's phone still reaches it), then the connection returns and the engine runs passes.
"""
from __future__ import annotations

import time

import pytest
from eth_account import Account

from pos_app.app.demo import accounts as A
from pos_app.app.demo.chain import DemoChain
from pos_app.app.demo.headless import open_demo_context
from pos_app.app.demo.wallet import sign_authorization
from pos_app.core.errors import NodeUnavailable
from pos_app.core.money import Tyiyn
from pos_app.offline.lifecycle import QueueState as Q
from pos_app.outbox.classify import Answer, classify_send_error


@pytest.fixture(scope="module")
def chain():
    c = DemoChain(block_time=1.0)
    yield c
    c.stop()


@pytest.fixture()
def shop(tmp_path, chain):
    chain.set_network(True)
    ctx = open_demo_context(str(tmp_path), chain)
    ctx.offline.record_sync(chain.chain_id, at=int(time.time()), gas_price=int(chain.w3.eth.gas_price))
    yield ctx
    chain.set_network(True)
    ctx.close()


def accept(ctx, payload_for, som=150):
    """A sale of ``som`` paid offline with the payload ``payload_for(invoice)`` returns."""
    inv = ctx.create_invoice(Tyiyn(som * 100))
    item, _ = ctx.offline.accept(payload_for(inv), inv.id, ctx.offline_facts())
    return inv, item


def raw(chain, customer):
    return lambda inv: chain.sign_offline(customer, "raw_tx", inv.merchant, inv.due_base)


def auth(chain, customer):
    return lambda inv: chain.sign_offline(customer, "eip3009", inv.merchant, inv.due_base)


_WATCHERS: dict[int, object] = {}


def watch(ctx):
    """The payment watcher reads the chain: an item is final only by the Transfer it recorded
    (issue 18, 8), as the app's watcher thread or ``sompos sync`` does between engine passes."""
    w = _WATCHERS.get(id(ctx))
    if w is None or w.store is not ctx.store:
        w = _WATCHERS[id(ctx)] = ctx.watcher()
    w.scan_once()


def run_until(engine, ctx, chain, done, passes=8):
    for _ in range(passes):
        engine.pass_once()
        chain.mine(1)
        watch(ctx)
        if done():
            return
    raise AssertionError(ctx.store.query("SELECT id, state, reason, last_error, attempts FROM offline_payments"))


def test_queue_accepted_offline_settles_once_the_connection_returns(shop, chain):
    ctx = shop
    chain.set_network(False)
    before = chain.balance(A.MERCHANT)
    inv1, raw_item = accept(ctx, raw(chain, "Aigul"))
    inv2, auth_item = accept(ctx, auth(chain, "Bakyt"), som=70)
    engine = ctx.sync_engine()
    with pytest.raises(NodeUnavailable):
        engine.pass_once()
    assert {i.state for i in ctx.offline.list()} == {Q.QUEUED}
    chain.set_network(True)
    run_until(engine, ctx, chain, lambda: all(i.state == Q.FINAL for i in ctx.offline.list()))
    assert chain.balance(A.MERCHANT) - before == inv1.due_base + inv2.due_base
    # History walks the whole life, in order, and the relay transaction hash is the one that paid.
    states = [h["to_state"] for h in ctx.offline.history(auth_item.id)]
    assert states == ["received", "queued", "submitted", "included", "final"]
    relay = ctx.offline.get(auth_item.id)
    assert relay.tx_hash and chain.w3.eth.get_transaction_receipt(relay.tx_hash)["status"] == 1
    # More passes change nothing: no second transfer, no state change.
    for _ in range(3):
        engine.pass_once()
    assert chain.balance(A.MERCHANT) - before == inv1.due_base + inv2.due_base


def test_double_spent_raw_transaction(shop, chain):
    ctx = shop
    chain.set_network(False)
    _, item = accept(ctx, raw(chain, "Cholpon"))
    # The customer spends the same nonce elsewhere before the shop syncs.
    chain.pay("Cholpon", A.CUSTOMERS["Aigul"], 1)
    chain.set_network(True)
    engine = ctx.sync_engine()
    run_until(engine, ctx, chain, lambda: ctx.offline.get(item.id).state == Q.DOUBLE_SPENT)
    got = ctx.offline.get(item.id)
    assert "elsewhere" in got.reason


def test_cancelled_authorization_and_unfunded_authorization(shop, chain):
    ctx = shop
    chain.set_network(False)
    _, cancelled = accept(ctx, auth(chain, "Aigul"), som=10)
    poor_key = A.CUSTOMER_KEYS["Bakyt"]
    # An authorization for more than the payer holds (checked offline only against a snapshot).
    ctx.offline.set_limits(ctx.offline.limits().__class__.from_dict(
        {**ctx.offline.limits().to_dict(), "per_payment_tyiyn": 10**12, "total_tyiyn": 10**12,
         "unknown_payer_tyiyn": 10**12}))
    # A sale of one som more than Bakyt holds; he signs its exact amount.
    inv = ctx.create_invoice(Tyiyn((chain.balance(A.CUSTOMERS["Bakyt"]) // 10**6 + 1) * 100))
    too_much = sign_authorization(poor_key, chain_id=chain.chain_id, token=chain.token.address, to=A.MERCHANT,
                                  amount=inv.due_base, name=A.DEMO_TOKEN_NAME, version=A.DEMO_TOKEN_VERSION)
    poor, _ = ctx.offline.accept(too_much, inv.id, ctx.offline_facts())
    # Aigul cancels her authorization on chain before the shop syncs.
    import json
    p = json.loads(ctx.offline.get(cancelled.id).payload)
    from eth_utils import keccak  # noqa: F401 - (typed data below)
    signed = Account.sign_typed_data(
        A.CUSTOMER_KEYS["Aigul"],
        {"name": A.DEMO_TOKEN_NAME, "version": A.DEMO_TOKEN_VERSION, "chainId": chain.chain_id,
         "verifyingContract": chain.token.address},
        {"CancelAuthorization": [{"name": "authorizer", "type": "address"}, {"name": "nonce", "type": "bytes32"}]},
        {"authorizer": p["from"], "nonce": bytes.fromhex(p["nonce"][2:])})
    from pos_app.chain.contract import send_token_call
    send_token_call(chain.w3, A.CUSTOMER_KEYS["Aigul"], chain.token.functions.cancelAuthorization(
        p["from"], bytes.fromhex(p["nonce"][2:]), signed.v, signed.r.to_bytes(32, "big"), signed.s.to_bytes(32, "big")))
    chain.set_network(True)
    engine = ctx.sync_engine()
    run_until(engine, ctx, chain, lambda: ctx.offline.get(cancelled.id).state == Q.CANCELLED
              and ctx.offline.get(poor.id).state == Q.INSUFFICIENT_FUNDS)


def test_relay_signed_but_never_sent_is_resent_with_the_same_bytes(shop, chain):
    """A crash after signing the relay transaction: the restart sends those bytes, no new nonce."""
    ctx = shop
    chain.set_network(False)
    _, item = accept(ctx, auth(chain, "Cholpon"), som=5)
    chain.set_network(True)
    engine = ctx.sync_engine()
    from pos_app.outbox.engine import PassReport
    engine._prepare_relay(PassReport(), int(time.time()))       # signed and committed, then "killed"
    signed = ctx.store.one("SELECT relay_raw, relay_nonce, tx_hash FROM offline_payments WHERE id = ?", (item.id,))
    assert signed["relay_raw"] and signed["tx_hash"]
    engine2 = ctx.sync_engine()                                   # the restarted app
    run_until(engine2, ctx, chain, lambda: ctx.offline.get(item.id).state == Q.FINAL)
    after = ctx.store.one("SELECT relay_raw, relay_nonce, tx_hash FROM offline_payments WHERE id = ?", (item.id,))
    assert after == signed
    relay = Account.from_key(A.MERCHANT_KEY).address
    assert chain.w3.eth.get_transaction_count(relay) == signed["relay_nonce"] + 1


@pytest.mark.parametrize("message, answer", [
    ("already known", Answer.SUBMITTED),
    ("ALREADY IMPORTED", Answer.SUBMITTED),
    ("nonce too low: next nonce 5, tx nonce 4", Answer.NONCE_USED),
    ("nonce too high", Answer.RETRY),
    ("Invalid transaction nonce: Expected 1, but got 0", Answer.NONCE_USED),
    ("Invalid transaction nonce: Expected 1, but got 3", Answer.RETRY),
    ("replacement transaction underpriced", Answer.RETRY),
    ("insufficient funds for gas * price + value: balance 0", Answer.INSUFFICIENT_FUNDS),
    ("transaction underpriced: tip needed 1, tip permitted 0", Answer.UNDERPRICED),
    ("max fee per gas less than block base fee", Answer.UNDERPRICED),
    ("execution reverted: SomToken: transfer amount exceeds balance", Answer.REVERTED),
    ("invalid sender", Answer.REJECTED),
    ("only replay-protected (EIP-155) transactions allowed over RPC", Answer.REJECTED),
    ("header not found", Answer.RETRY),
    ("", Answer.RETRY),
])
def test_node_answers_are_classified(message, answer):
    assert classify_send_error(message) == answer


def test_runner_reconciles_after_a_gap_and_refreshes_snapshots(shop, chain):
    """While the shop was offline a customer paid a sale online and another paid offline: when the
    network returns, the headless loop sends the queue, scans the missed blocks (the online sale
    settles too) and refreshes the payers' balance snapshots used by the offline limits."""
    from pos_app.invoices.lifecycle import InvoiceState
    from pos_app.outbox.runner import SyncRunner
    ctx = shop
    watcher = ctx.watcher()
    watcher.ensure_cursor()
    online_sale = ctx.create_invoice(Tyiyn(3300))
    chain.set_network(False)
    _, item = accept(ctx, raw(chain, "Aigul"), som=12)
    chain.pay("Cholpon", A.MERCHANT, online_sale.due_base)          # paid online; the shop cannot see it
    runner = SyncRunner(ctx.sync_engine(), watcher=watcher, offline_probe_s=0.05, online_interval_s=0.05)
    assert runner.step() == "offline"
    chain.set_network(True)
    started = int(time.time())
    chain.start_mining()
    assert runner.run_until(60)
    assert ctx.offline.get(item.id).state == Q.FINAL
    assert ctx.service.get(online_sale.id).state == InvoiceState.SETTLED
    snap = ctx.store.one("SELECT balance_base, at FROM payer_snapshots WHERE payer = ?", (A.CUSTOMERS["Aigul"],))
    assert snap is not None and snap["at"] >= started
    assert int(snap["balance_base"]) == chain.balance(A.CUSTOMERS["Aigul"])
