"""The payment watcher on a real in-process EVM (the demo chain: eth-tester + py-evm).

Blocks are mined by hand, so every step is deterministic: a transfer is seen (processing), gets
its confirmations (settled), survives rescans and restarts without double counting, and
disappears cleanly when a reorganisation drops it.
"""
from __future__ import annotations

import pytest

from pos_app.chain.rpc import RpcRefused
from pos_app.payments.watcher import PaymentWatcher
from pos_app.app.context import AppContext
from pos_app.app.demo import accounts as A
from pos_app.core.errors import NodeUnavailable
from pos_app.invoices.lifecycle import InvoiceState as S
from pos_app.core.money import Tyiyn
from pos_app.core.events import ScanProgress

UNIT = 10**4  # base units per tyiyn for the 6-decimal demo token




def new_watcher(ctx, **kw) -> PaymentWatcher:
    w = ctx.watcher()
    for k, v in kw.items():
        setattr(w, k, v)
    return w


def test_exact_payment_goes_processing_then_settled(chain, ctx):
    w = new_watcher(ctx)
    w.ensure_cursor()
    inv = ctx.create_invoice(Tyiyn(15000))
    events = []
    ctx.events.subscribe(lambda e: events.append(e.kind))
    chain.pay("Aigul", A.MERCHANT, inv.due_base)
    r = w.scan_once()
    assert r.new_payments == 1
    assert ctx.service.get(inv.id).state == S.PROCESSING  # 1 confirmation of 2
    chain.mine()
    r = w.scan_once()
    got = ctx.service.get(inv.id)
    assert got.state == S.SETTLED and got.paid_final == inv.due_base and got.flags.labels() == []
    assert "payment.seen" in events and "payment.final" in events and "invoice.changed" in events
    pay = ctx.service.payments_for(inv.id)[0]
    assert pay["payer"] == A.CUSTOMERS["Aigul"] and pay["matched_by"] == "exact"


def test_rescanning_never_double_counts(chain, ctx):
    w = new_watcher(ctx)
    w.ensure_cursor()
    inv = ctx.create_invoice(Tyiyn(5000))
    chain.pay("Bakyt", A.MERCHANT, inv.due_base)
    chain.mine(2)
    w.scan_once()
    # Rewind the cursor to the start and scan everything again, twice.
    ctx.store.execute("UPDATE scan_cursor SET next_block = 0")
    w.scan_once()
    ctx.store.execute("UPDATE scan_cursor SET next_block = 0")
    w.scan_once()
    assert len(ctx.store.query("SELECT * FROM payments")) == 1
    assert ctx.service.get(inv.id).paid_seen == inv.due_base


def test_partial_over_and_unmatched(chain, ctx):
    w = new_watcher(ctx)
    w.ensure_cursor()
    a = ctx.create_invoice(Tyiyn(10000))
    chain.pay("Aigul", A.MERCHANT, a.due_base // 2)           # sole open invoice: partial
    chain.mine(2)
    w.scan_once()
    got = ctx.service.get(a.id)
    assert got.state == S.NEW and got.flags.partial
    chain.pay("Aigul", A.MERCHANT, a.amount_base - a.due_base // 2 + 5 * UNIT * 100)  # the rest + 5 som
    chain.mine(2)
    w.scan_once()
    got = ctx.service.get(a.id)
    assert got.state == S.SETTLED and got.flags.over and not got.flags.partial
    b = ctx.create_invoice(Tyiyn(2000))
    c = ctx.create_invoice(Tyiyn(3000))
    chain.pay("Cholpon", A.MERCHANT, 777 * UNIT)              # two open invoices, odd amount
    chain.mine(2)
    w.scan_once()
    unmatched = ctx.service.unmatched()
    assert len(unmatched) == 1 and int(unmatched[0]["value"]) == 777 * UNIT
    assert ctx.service.get(b.id).state == S.NEW and ctx.service.get(c.id).state == S.NEW
    # The cashier assigns it: audited, and the invoice follows.
    got = ctx.service.assign_payment(unmatched[0]["id"], b.id, actor="aida")
    assert got.flags.partial and ctx.store.verify_audit_chain()
    assert ctx.store.query("SELECT event, actor FROM audit_log WHERE actor != 'app'") == [{"event": "assign_payment", "actor": "aida"}]


def test_late_payment_is_flagged(chain, ctx):
    w = new_watcher(ctx)
    w.ensure_cursor()
    real_clock = ctx.service.clock
    ctx.service.clock = lambda: real_clock() - 3600   # the invoice was made an hour ago
    inv = ctx.create_invoice(Tyiyn(4200))
    ctx.service.clock = real_clock
    assert [i.state for i in ctx.service.expire_due()] == [S.EXPIRED]
    chain.pay("Aigul", A.MERCHANT, inv.due_base)
    chain.mine(2)
    w.scan_once()
    got = ctx.service.get(inv.id)
    assert got.state == S.SETTLED and got.flags.late
    assert [h["to_state"] for h in ctx.service.history(inv.id)] == ["new", "expired", "processing", "settled"]


def test_reorg_removes_then_reinclusion_restores(chain, ctx):
    w = new_watcher(ctx)
    w.ensure_cursor()
    inv = ctx.create_invoice(Tyiyn(9900))
    snap = chain.tester.take_snapshot()
    chain.pay("Aigul", A.MERCHANT, inv.due_base)
    w.scan_once()
    assert ctx.service.get(inv.id).state == S.PROCESSING
    # A competing branch without the payment becomes canonical and longer.
    chain.tester.revert_to_snapshot(snap)
    chain.mine(3)
    r = w.scan_once()
    assert r.removed_payments == 1
    got = ctx.service.get(inv.id)
    assert got.state == S.NEW and got.paid_seen == 0
    assert ctx.store.one("SELECT status FROM payments")["status"] == "removed"
    # The payment is made again on the new branch: the invoice settles once, not twice.
    chain.pay("Aigul", A.MERCHANT, inv.due_base)
    chain.mine(2)
    w.scan_once()
    got = ctx.service.get(inv.id)
    assert got.state == S.SETTLED and got.paid_final == inv.due_base


def test_restart_mid_scan_resumes_without_gaps_or_doubles(chain, ctx, tmp_path):
    w = new_watcher(ctx, max_range=2, range=2)
    w.ensure_cursor()
    invs = [ctx.create_invoice(Tyiyn(1000 + i)) for i in range(6)]
    for inv in invs:
        chain.pay("Bakyt", A.MERCHANT, inv.due_base)
    chain.mine(3)
    calls = {"n": 0}
    real_get_logs = w._get_logs

    def dying_get_logs(a, b):      # the node connection dies after three ranges
        calls["n"] += 1
        if calls["n"] > 3:
            raise NodeUnavailable("chain.blockchain_node_answered_tried", tried="the test node")
        return real_get_logs(a, b)
    w._get_logs = dying_get_logs
    with pytest.raises(NodeUnavailable):
        w.scan_once()
    partial = len(ctx.store.query("SELECT * FROM payments"))
    assert 0 < partial < 6
    # "Restart": a new context and watcher on the same data folder.
    ctx2 = AppContext(ctx.data_dir, embedded_w3=chain.w3)
    try:
        w2 = ctx2.watcher()
        w2.scan_once()
        rows = ctx2.store.query("SELECT tx_hash, invoice_id FROM payments")
        assert len(rows) == 6 and len({r["tx_hash"] for r in rows}) == 6
        assert {r["invoice_id"] for r in rows} == {i.id for i in invs}
        assert all(ctx2.service.get(i.id).state == S.SETTLED for i in invs)
    finally:
        ctx2.close()


def test_refused_log_ranges_shrink_and_grow_back(chain, ctx):
    w = new_watcher(ctx, max_range=64, range=64)
    w.ensure_cursor()
    inv = ctx.create_invoice(Tyiyn(3300))
    chain.mine(20)
    chain.pay("Aigul", A.MERCHANT, inv.due_base)
    chain.mine(20)
    real_get_logs = w._get_logs
    sizes = []

    def picky_get_logs(a, b):      # like public RPCs: "block range too large" above 5 blocks
        sizes.append(b - a + 1)
        if b - a + 1 > 5:
            raise RpcRefused("chain.node_refused", code=-32600, node_message="block range is too large",
                             what="list token transfers", message="block range is too large")
        return real_get_logs(a, b)
    w._get_logs = picky_get_logs
    progress = []
    ctx.events.subscribe(lambda e: progress.append(e.scanned_to), ScanProgress)
    w.scan_once()
    assert progress and progress == sorted(progress)      # the status bar sees the catch-up advance
    assert ctx.service.get(inv.id).state == S.SETTLED
    assert max(s for s in sizes) > 5 and any(s <= 5 for s in sizes)
    assert w.cursor() == chain.w3.eth.block_number + 1
