"""End-to-end payment detection against a real anvil node over JSON-RPC (1 s blocks)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from pos_app.core.errors import NodeUnavailable, WrongNetwork
from pos_app.invoices.lifecycle import InvoiceState as S
from pos_app.core.money import Tyiyn
from pos_app.core.events import InvoiceChanged, LinkChanged

from .conftest import ROOT, deploy_shop, shop_context, start_anvil, stop_anvil
from .proxy import Relay

pytestmark = pytest.mark.anvil
UNIT = 10**4  # 6 decimals: base units per tyiyn


def wait_for(predicate, timeout=20.0, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def test_sale_from_invoice_to_settled_with_watcher_thread(anvil, tmp_path):
    shop = deploy_shop(anvil)
    ctx = shop_context(tmp_path, shop)
    info = ctx.token_info(refresh=True)
    assert (info.decimals, info.symbol, info.eip712_name, info.eip712_version) == (6, "KGST", "Som", "1")
    w = ctx.watcher()
    w.ensure_cursor()
    inv = ctx.create_invoice(Tyiyn(15000))
    states: list[str] = []
    processing, settled = threading.Event(), threading.Event()

    def on_event(e):
        if e.invoice.id == inv.id:
            states.append(e.invoice.state.value)
            {S.PROCESSING: processing, S.SETTLED: settled}.get(e.invoice.state, threading.Event()).set()
    ctx.events.subscribe(on_event, InvoiceChanged)
    w.start()
    try:
        shop.pay(inv.due_base)
        assert processing.wait(10), states
        assert settled.wait(15), states
    finally:
        w.stop()
    assert states == ["processing", "settled"]
    got = ctx.service.get(inv.id)
    assert got.paid_final == inv.due_base and not got.flags.labels()


def test_finalized_tag_rule(anvil, tmp_path):
    shop = deploy_shop(anvil)
    ctx = shop_context(tmp_path, shop, rule="finalized", confirmations=0)
    w = ctx.watcher()
    w.ensure_cursor()
    inv = ctx.create_invoice(Tyiyn(700))
    shop.pay(inv.due_base)
    w.scan_once()
    assert ctx.service.get(inv.id).state == S.PROCESSING   # finalized = head - 2 with 1 slot/epoch
    assert wait_for(lambda: (w.scan_once(), ctx.service.get(inv.id).state)[1] == S.SETTLED, 10)


def test_underpaid_overpaid_late_and_unmatched(anvil, tmp_path):
    shop = deploy_shop(anvil)
    ctx = shop_context(tmp_path, shop)
    w = ctx.watcher()
    w.ensure_cursor()
    under = ctx.create_invoice(Tyiyn(10000))
    shop.pay(under.amount_base - 100 * UNIT)          # one som short
    anvil.mine(2)
    w.scan_once()
    got = ctx.service.get(under.id)
    assert got.state == S.NEW and got.flags.partial
    shop.pay(100 * UNIT)                              # the customer pays the rest
    anvil.mine(2)
    w.scan_once()
    assert ctx.service.get(under.id).state == S.SETTLED

    over = ctx.create_invoice(Tyiyn(2000))
    shop.pay(over.amount_base + 500 * UNIT)           # 5 som too much, typed by hand; the only open invoice
    anvil.mine(2)
    w.scan_once()
    got = ctx.service.get(over.id)
    assert got.state == S.SETTLED and got.flags.over

    real = ctx.service.clock
    ctx.service.clock = lambda: real() - 1800         # made 30 min ago: already expired
    late = ctx.create_invoice(Tyiyn(3000))
    ctx.service.clock = real
    ctx.service.expire_due()
    shop.pay(late.due_base)
    anvil.mine(2)
    w.scan_once()
    got = ctx.service.get(late.id)
    assert got.state == S.SETTLED and got.flags.late

    ctx.create_invoice(Tyiyn(4000))
    ctx.create_invoice(Tyiyn(5000))
    shop.pay(123 * UNIT)                              # matches neither open invoice
    anvil.mine(2)
    w.scan_once()
    unmatched = ctx.service.unmatched()
    assert [int(u["value"]) for u in unmatched] == [123 * UNIT]


def test_reorg_removes_a_payment(anvil, tmp_path):
    shop = deploy_shop(anvil)
    ctx = shop_context(tmp_path, shop, confirmations=5)
    w = ctx.watcher()
    w.ensure_cursor()
    inv = ctx.create_invoice(Tyiyn(12345))
    tx = shop.pay(inv.due_base)
    w.scan_once()
    assert ctx.service.get(inv.id).state == S.PROCESSING
    anvil.rpc("anvil_reorg", [2, []])                 # the last 2 blocks are replaced, payment dropped
    with pytest.raises(Exception):
        anvil.w3.eth.get_transaction_receipt(tx)
    r = w.scan_once()
    assert r.removed_payments == 1
    got = ctx.service.get(inv.id)
    assert got.state == S.NEW and got.paid_seen == 0
    anvil.mine(6)
    w.scan_once()
    assert ctx.service.get(inv.id).state == S.NEW     # never settled on a dropped payment


def test_node_down_then_up_and_failover(anvil, tmp_path):
    shop = deploy_shop(anvil)
    relay = Relay(anvil.port)
    relay_port = relay.start()
    dead = f"http://127.0.0.1:{relay_port}"
    ctx = shop_context(tmp_path, shop, urls=[dead])
    ctx.token_info(refresh=True)
    w = ctx.watcher()
    w.ensure_cursor()
    inv = ctx.create_invoice(Tyiyn(800))
    relay.stop()                                      # the only node goes away
    shop.pay(inv.due_base)                            # ...while the customer pays (direct to anvil)
    statuses = []
    ctx.events.subscribe(lambda e: statuses.append(e.link), LinkChanged)
    with pytest.raises(NodeUnavailable) as e:
        w.scan_once()
    assert "No blockchain node answered" in e.value.user_message
    relay.start(relay_port)                           # back up on the same address
    w.rpc.endpoints[0].retry_at = 0                   # skip the back-off wait in the test
    anvil.mine(2)
    w.scan_once()
    assert ctx.service.get(inv.id).state == S.SETTLED
    relay.stop()
    # Failover: first URL dead, second alive.
    ctx2 = shop_context(tmp_path / "b", shop, urls=[dead, anvil.url])
    assert ctx2.token_info(refresh=True).decimals == 6
    assert ctx2.rpc().status().endpoint == anvil.url
    assert ctx2.rpc().endpoints[0].failures >= 1


def test_wrong_chain_is_refused(anvil, tmp_path):
    shop = deploy_shop(anvil)
    ctx = shop_context(tmp_path, shop, chain_id=56)
    with pytest.raises(WrongNetwork) as e:
        ctx.token_info(refresh=True)
    assert "31337" in e.value.user_message and "56" in e.value.user_message


def test_killed_sync_process_restarts_without_missing_or_doubling(tmp_path):
    node = start_anvil(block_time=None)               # manual mining: a fixed history to catch up on
    try:
        shop = deploy_shop(node)
        ctx = shop_context(tmp_path, shop, max_range=3)
        ctx.token_info(refresh=True)
        ctx.watcher().ensure_cursor()
        invs = [ctx.create_invoice(Tyiyn(100 + i)) for i in range(12)]
        for inv in invs:
            shop.pay(inv.due_base)
            node.mine(25)
        ctx.close()
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        cmd = [sys.executable, "-m", "pos_app", "sync", "--data-dir", str(tmp_path / "data")]
        watch = cmd + ["--watch"]
        proc = subprocess.Popen(watch, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        # Kill -9 as soon as the first payment has been reported, i.e. in the middle of catching up.
        line = proc.stdout.readline()
        assert "payment." in line or "invoice." in line, line
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        out = subprocess.run(cmd[:4] + ["--once", "--json"] + cmd[4:], env=env, capture_output=True,
                             text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        from pos_app.app.context import AppContext
        ctx = AppContext(tmp_path / "data")
        rows = ctx.store.query("SELECT tx_hash, invoice_id, status FROM payments")
        assert len(rows) == 12 and len({r["tx_hash"] for r in rows}) == 12
        assert all(ctx.service.get(i.id).state == S.SETTLED for i in invs)
        assert all(ctx.service.get(i.id).paid_seen == i.due_base for i in invs)
        ctx.close()
    finally:
        stop_anvil(node)


def test_detection_without_eth_getlogs(anvil, tmp_path):
    """Where a node refuses eth_getLogs (public BSC RPC), blocks and receipts are read instead."""
    shop = deploy_shop(anvil)
    ctx = shop_context(tmp_path, shop)
    w = ctx.watcher()
    w.ensure_cursor()
    inv = ctx.create_invoice(Tyiyn(4321))
    other = ctx.create_invoice(Tyiyn(1111))
    real_call = w.rpc.call

    def no_logs(what, fn):        # the node's answer to eth_getLogs, as public BSC endpoints give it
        if what == "list token transfers":
            from pos_app.chain.rpc import RpcRefused
            raise RpcRefused("chain.node_refused", code=-32005, node_message="method eth_getLogs is not available",
                             what="list token transfers", message="method eth_getLogs is not available")
        return real_call(what, fn)
    w.rpc.call = no_logs
    shop.pay(inv.due_base)
    shop.pay(other.due_base)
    anvil.mine(2)
    w.scan_once()
    assert w.use_block_scan
    assert ctx.service.get(inv.id).state == S.SETTLED
    assert ctx.service.get(other.id).state == S.SETTLED
    assert len(ctx.store.query("SELECT * FROM payments")) == 2
