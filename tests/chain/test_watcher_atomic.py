"""Issue 10, finding 3: a payment's finality and its invoice change commit together.

A crash (kill -9) right after the watcher committed "payment final" must never leave the
invoice unsettled, and an invoice left behind by an older version (or a restored backup) is
repaired when the watcher starts, even with no network.
"""
from __future__ import annotations

import pytest

from pos_app.app.context import AppContext
from pos_app.app.demo import accounts as A
from pos_app.core.errors import NodeUnavailable
from pos_app.invoices.lifecycle import InvoiceState as S
from pos_app.core.money import Tyiyn


class Killed(BaseException):
    """Stands for the process dying: nothing after the raise runs, nothing is rolled back."""


@pytest.fixture
def ctx(tmp_path, chain):
    c = AppContext(tmp_path / "shop", embedded_w3=chain.shop_w3)
    yield c
    c.close()


def _die_on(ctx, kind: str) -> None:
    def handler(e):
        if e.kind == kind:
            raise Killed(kind)
    ctx.events.subscribe(handler)


def _reopen(tmp_path, chain) -> AppContext:
    return AppContext(tmp_path / "shop", embedded_w3=chain.shop_w3)


@pytest.mark.parametrize("moment", ["payment.seen", "payment.final"])
def test_f3_killed_right_after_the_watcher_commit_leaves_invoices_right(tmp_path, chain, ctx, moment):
    w = ctx.watcher()
    w.ensure_cursor()
    invoices = [ctx.create_invoice(Tyiyn(10000 + i)) for i in range(5)]
    for inv in invoices:
        chain.pay("Aigul", A.MERCHANT, inv.due_base)
    if moment == "payment.final":
        w.scan_once()
        chain.mine(2)
    _die_on(ctx, moment)
    with pytest.raises(Killed):
        w.scan_once()
    # Read the database as a restarted process would, before any repair runs.
    again = _reopen(tmp_path, chain)
    try:
        want = S.SETTLED if moment == "payment.final" else S.PROCESSING
        for inv in invoices:
            got = again.service.get(inv.id)
            pays = again.service.payments_for(inv.id)
            assert len(pays) == 1
            assert got.state == want, (moment, got.state)
            assert got.paid_seen == inv.due_base
            if want == S.SETTLED:
                assert got.paid_final == inv.due_base
    finally:
        again.close()


def test_f3_invoice_out_of_line_with_its_payments_is_repaired_at_start_offline(tmp_path, chain, ctx):
    w = ctx.watcher()
    w.ensure_cursor()
    inv = ctx.create_invoice(Tyiyn(15000))
    chain.pay("Bakyt", A.MERCHANT, inv.due_base)
    chain.mine(2)
    w.scan_once()
    assert ctx.service.get(inv.id).state == S.SETTLED
    # What an older version left after a kill between its two commits: payment final, invoice new.
    ctx.store.execute("UPDATE invoices SET state='new', paid_final='0', updated_at=updated_at-100 WHERE id=?",
                      (inv.id,))
    ctx.close()
    chain.set_network(False)  # the till restarts with no network at all
    again = _reopen(tmp_path, chain)
    try:
        w2 = again.watcher()
        with pytest.raises(NodeUnavailable):
            w2.scan_once()  # offline: the pass fails at the node, after repairing
        got = again.service.get(inv.id)
        assert got.state == S.SETTLED and got.paid_final == inv.due_base
        reasons = [h["reason"] for h in again.service.history(inv.id)]
        assert reasons[-1] == "repaired at start"
    finally:
        again.close()
