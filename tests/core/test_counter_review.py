"""Findings of the adversarial review of the rest, change and charge-again work (issue 12), each
kept as a test that failed before its fix. Payments are recorded through the real matching
(``InvoiceService.record_transfer``); a second ``AppContext`` on the same file is a second process."""
from __future__ import annotations

import itertools
import time
from dataclasses import replace

import pytest

from pos_app.core.reasons import R
from pos_app.app.context import AppContext
from pos_app.app.demo import accounts as A
from pos_app.chain.profiles import DEMO_CHAIN_ID
from pos_app.cli.main import main
from pos_app.core.errors import BadInput, IllegalTransition
from pos_app.core.money import Tyiyn
from pos_app.invoices.lifecycle import Flags, InvoiceState as S
from pos_app.invoices.service import Transfer

PAYER = "0x86cB1e7F0Bb2C0B36fFb5EdE6b9b61d7cc0aaA5F"
_tx = itertools.count(1)


@pytest.fixture
def shop(tmp_path):
    return tmp_path / "shop"


@pytest.fixture
def ctx(shop):
    c = AppContext(shop)
    yield c
    c.close()


def pay(ctx, value: int, *, block_time: int | None = None) -> dict:
    n = next(_tx)
    pid, _new = ctx.service.record_transfer(Transfer(
        chain_id=DEMO_CHAIN_ID, token=A.DEMO_TOKEN_ADDRESS, tx_hash="0x" + f"{n:064x}", log_index=0,
        block_number=100 + n, block_hash="0x" + f"{n + 1000:064x}", block_time=block_time or int(time.time()),
        payer=PAYER, payee=A.MERCHANT, value=value))
    p = ctx.service.payment(pid)
    if p["invoice_id"]:
        ctx.service.recompute(p["invoice_id"], R("payment_seen"))
    return p


def som(ctx) -> int:
    return 10 ** ctx.token_info().decimals


def test_f1_a_replaced_rest_stays_this_sales_and_is_never_given_to_a_new_sale(ctx):
    s = som(ctx)
    a = ctx.create_invoice(Tyiyn(10000))
    pay(ctx, 40 * s)
    first_rest = ctx.service.get(a.id).rest_base            # the QR the customer's phone shows
    pay(ctx, 10 * s)
    assert ctx.service.get(a.id).rest_base != first_rest     # the rest changed: 50 now
    b = ctx.create_invoice(Tyiyn(6000))                      # the next customer, 60 som
    assert b.due_base != first_rest                          # the old rest amount is still reserved
    p = pay(ctx, first_rest)                                 # A's customer pays the QR they scanned
    assert p["invoice_id"] == a.id and p["matched_by"] == "exact"
    assert ctx.service.get(b.id).paid_seen == 0
    assert ctx.service.get(a.id).change_tyiyn == 1000        # 110 paid on 100: give 10 back


def test_f2_charge_again_decides_on_the_row_inside_its_transaction(ctx, shop, monkeypatch):
    """A cancel committed by another process just before charge_again takes the lock is seen."""
    s = som(ctx)
    a = ctx.create_invoice(Tyiyn(10000))
    pay(ctx, 40 * s)
    ctx.store.execute("UPDATE invoices SET expires_at = created_at - 1 WHERE id = ?", (a.id,))
    ctx.service.expire_due()
    other = AppContext(shop)
    real = ctx.store.transaction
    fired = []

    def other_process_first(*args, **kw):
        if not fired:
            fired.append(1)
            other.service.mark(a.id, S.INVALID, actor="manager", reason="customer left")
        return real(*args, **kw)
    monkeypatch.setattr(ctx.store, "transaction", other_process_first)
    with pytest.raises(BadInput):
        ctx.service.charge_again(a.id, actor="cashier")
    monkeypatch.undo()
    assert ctx.service.get(a.id).state == S.INVALID
    assert [h["to_state"] for h in ctx.service.history(a.id)][-1] == "invalid"
    other.close()


def test_f2_a_state_change_from_a_stale_copy_is_refused_not_written(ctx):
    a = ctx.create_invoice(Tyiyn(5000))
    stale = ctx.service.get(a.id)
    ctx.service.mark(a.id, S.INVALID, actor="manager", reason="customer left")
    with pytest.raises(IllegalTransition):
        with ctx.store.transaction() as c:
            ctx.service._move_in(c, stale, S.SETTLED, "from a stale copy", int(time.time()))
    assert ctx.service.get(a.id).state == S.INVALID


def test_f3_one_payment_assigned_by_two_processes_counts_once(ctx, shop, monkeypatch):
    s = som(ctx)
    a = ctx.create_invoice(Tyiyn(5000))
    b = ctx.create_invoice(Tyiyn(5000))
    p = pay(ctx, 50 * s)                                     # two open sales: to the inbox
    assert p["invoice_id"] is None
    other = AppContext(shop)
    real = ctx.store.transaction
    fired = []

    def other_process_first(*args, **kw):
        if not fired:
            fired.append(1)
            other.service.assign_payment(p["id"], a.id, actor="cashier2")
        return real(*args, **kw)
    monkeypatch.setattr(ctx.store, "transaction", other_process_first)
    with pytest.raises(BadInput):
        ctx.service.assign_payment(p["id"], b.id, actor="cashier1")
    monkeypatch.undo()
    assert ctx.service.payment(p["id"])["invoice_id"] == a.id
    assert ctx.service.get(a.id).received_tyiyn == 5000 and ctx.service.get(b.id).received_tyiyn == 0
    other.close()


def test_f4_a_sale_charged_during_a_catch_up_does_not_make_another_the_only_open_one(ctx):
    s = som(ctx)
    now = int(time.time())
    x = ctx.create_invoice(Tyiyn(3000))
    y = ctx.create_invoice(Tyiyn(7000))
    ctx.store.execute("UPDATE invoices SET created_at = ?, expires_at = ? WHERE id IN (?, ?)",
                      (now - 900, now + 900, x.id, y.id))
    ctx.create_invoice(Tyiyn(1000))                          # made while catching up
    p = pay(ctx, 30 * s, block_time=now - 600)               # two sales were open then: ambiguous
    assert p["invoice_id"] is None


@pytest.mark.parametrize("decimals, base_som", [(0, 1), (1, 10), (2, 100)])
def test_f5_tokens_with_few_decimals_show_som_not_hundredths(ctx, decimals, base_som):
    inv = ctx.service.create(Tyiyn(10000), chain_id=DEMO_CHAIN_ID, token="0x" + "77" * 20, merchant=A.MERCHANT,
                             decimals=decimals)
    part = replace(inv, paid_seen=40 * base_som, flags=Flags(partial=True))
    assert (part.received_tyiyn, part.still_due_tyiyn) == (4000, 6000)
    over = replace(inv, paid_seen=130 * base_som, state=S.SETTLED, flags=Flags(over=True))
    assert over.change_tyiyn == 3000


def test_f6_without_a_free_tail_the_qr_asks_the_rest_not_the_whole_price(ctx):
    token, kw = "0x" + "77" * 20, dict(chain_id=DEMO_CHAIN_ID, merchant=A.MERCHANT, decimals=3)
    for _ in range(9):                                       # 9 open 60-som sales use every tail
        ctx.service.create(Tyiyn(6000), token=token, **kw)
    a = ctx.service.create(Tyiyn(10000), token=token, **kw)
    part = replace(ctx.service.get(a.id), paid_seen=40_000, flags=Flags(partial=True))
    assert part.still_due_tyiyn == 6000 and part.asked_base == 60_000       # 60.000, not 100.001


def test_f7_a_cancelled_sales_rest_paid_late_goes_to_the_inbox_not_the_next_sale(ctx):
    s = som(ctx)
    a = ctx.create_invoice(Tyiyn(10000))
    pay(ctx, 40 * s)
    rest = ctx.service.get(a.id).rest_base
    ctx.service.mark(a.id, S.INVALID, actor="cashier", reason="sale cancelled")
    b = ctx.create_invoice(Tyiyn(6000))                      # the only open sale now
    p = pay(ctx, rest)
    assert p["invoice_id"] is None and ctx.service.get(b.id).paid_seen == 0
    assert [u["id"] for u in ctx.service.unmatched()] == [p["id"]]


@pytest.mark.parametrize("actor", ["x" * 65, "", "aida\n2026-12-04 new -> settled: marked by manager"])
def test_f8_actor_is_one_short_line_or_refused(shop, capsys, actor):
    ctx = AppContext(shop)
    a = ctx.create_invoice(Tyiyn(5000))
    ctx.store.execute("UPDATE invoices SET expires_at = created_at - 1 WHERE id = ?", (a.id,))
    ctx.service.expire_due()
    ctx.close()
    rc = main(["--data-dir", str(shop), "charge-again", str(a.id), "--actor", actor])
    out, err = capsys.readouterr()
    ctx = AppContext(shop)
    reasons = [h["reason"] for h in ctx.service.history(a.id)]
    ctx.close()
    if "\n" in actor:
        assert rc == 0 and all("\n" not in r for r in reasons)
    else:
        assert rc == 2 and "charged again" not in " ".join(reasons)
