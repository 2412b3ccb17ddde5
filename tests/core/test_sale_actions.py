"""What a cashier may do to a sale: one answer for the screens and the service (issue 19, point 2).

``invoices.actions.allowed_actions`` is what the payment screen shows; the service runs the same
refusals inside its transaction. Checked over every kind of sale: an action is in the set exactly
when the service then does it. Before this, the screen offered "Charge again" on a sale more than a
day old (then refused), and the service let a command cancel a sale the customer had paid offline
(its signed payment would still be sent) or charge another till's sale again.
"""
from __future__ import annotations

import itertools
import time

import pytest

from pos_app.app.context import AppContext
from pos_app.core.errors import BadInput
from pos_app.core.money import Tyiyn
from pos_app.core.reasons import R
from pos_app.invoices.actions import SaleAction, allowed_actions, refusal
from pos_app.invoices.lifecycle import InvoiceState as S
from pos_app.shop.config import set_short_tolerance

DAY = 24 * 3600

# state, paid (fraction of the price seen), offline payment, carried, age (seconds)
KINDS = list(itertools.product(
    [S.NEW, S.PROCESSING, S.SETTLED, S.EXPIRED, S.INVALID],
    [0, 0.9],
    [False, True],
    [False, True],
    [60, 2 * DAY],
))


@pytest.fixture
def ctx(tmp_path):
    c = AppContext(tmp_path / "shop")
    set_short_tolerance(c.store, "10")      # 10 som: a sale 10% short of 50 som is within it
    # The sales made "paid offline" below name a payment number, not a queued payment: the queue's
    # answer "still on its way" is given for them (tests/offline/test_queue.py has the real one).
    c.service.offline_pending = lambda _c, item_id: item_id == 999
    yield c
    c.close()


def make(ctx, state, paid, offline, carried, age):
    inv = ctx.create_invoice(Tyiyn(5000))
    now = int(time.time())
    # A sale paid offline names its queued payment; the queue itself is not under test here, so
    # the row is pointed at a payment number with the foreign-key check off for this one write.
    ctx.store.conn.execute("PRAGMA foreign_keys = OFF")
    ctx.store.execute(
        "UPDATE invoices SET state = ?, paid_seen = ?, offline_id = ?, carried_for = ?, created_at = ?,"
        " expires_at = ? WHERE id = ?",
        (state.value, str(int(int(inv.amount_base) * paid)), 999 if offline else None,
         "dev:abc:7" if carried else None, now - age, now - age + 900, inv.id))
    ctx.store.conn.execute("PRAGMA foreign_keys = ON")
    return ctx.service.get(inv.id)


def do(ctx, action, inv):
    if action is SaleAction.CHARGE_AGAIN:
        ctx.service.charge_again(inv.id, actor="aida")
    elif action is SaleAction.CANCEL:
        ctx.service.mark(inv.id, S.INVALID, actor="aida", reason=R("sale_cancelled"))
    else:
        ctx.service.accept_short(inv.id, actor="aida")


@pytest.mark.parametrize("action", list(SaleAction))
def test_the_screen_offers_exactly_what_the_service_does(ctx, action):
    mismatches = []
    for kind in KINDS:
        inv = make(ctx, *kind)
        offered = action in allowed_actions(inv, int(time.time()), short_tolerance=1000)
        try:
            do(ctx, action, inv)
            done = True
        except BadInput as exc:
            done = False
            assert refusal(inv, action, int(time.time()), short_tolerance=1000) is not None, (kind, exc)
        if offered != done:
            mismatches.append((kind, offered, done))
    assert not mismatches, mismatches


def test_a_sale_paid_offline_is_not_cancelled_and_another_tills_sale_is_not_charged_again(ctx):
    paid_offline = make(ctx, S.NEW, 0, True, False, 60)
    with pytest.raises(BadInput, match="paid offline"):
        ctx.service.mark(paid_offline.id, S.INVALID, actor="cli", reason=R("sale_cancelled"))
    assert ctx.service.get(paid_offline.id) == paid_offline
    carried = make(ctx, S.EXPIRED, 0, False, True, 60)
    with pytest.raises(BadInput, match="another till"):
        ctx.service.charge_again(carried.id, actor="cli")
    assert ctx.service.get(carried.id) == carried


def test_the_payment_screen_shows_only_the_allowed_buttons(ctx, qtbot):
    from pos_app.ui.screens.sale.payment_screen import PaymentScreen
    screen = PaymentScreen(language="en")
    qtbot.addWidget(screen)
    screen.set_short_tolerance(1000)
    fresh = make(ctx, S.EXPIRED, 0, False, False, 60)
    screen.show_invoice(fresh)
    assert not screen.again_button.isHidden() and screen.cancel_button.isEnabled()
    old = make(ctx, S.EXPIRED, 0, False, False, 2 * DAY)      # the service refuses it: no button
    screen.show_invoice(old)
    assert screen.again_button.isHidden()
    short = make(ctx, S.NEW, 0.9, False, False, 60)
    screen.show_invoice(short)
    assert not screen.short_button.isHidden()
    screen.set_short_tolerance(100)                         # 1 som: 5 som short is too much
    assert screen.short_button.isHidden()
    offline = make(ctx, S.NEW, 0, True, False, 60)
    screen.show_invoice(offline)
    assert not screen.cancel_button.isEnabled()

