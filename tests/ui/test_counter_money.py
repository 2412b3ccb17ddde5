"""The counter shows every som (issue 12 points 1 and 2), in the real window on the demo chain:
received so far, still due with a QR for the rest, change to give, charging again, and no waiting
sale or stray payment left unseen."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from pos_app.app.demo import accounts as A
from pos_app.invoices.lifecycle import InvoiceState
from pos_app.invoices.payment_request import build_uri

from .conftest import decode_qr
from .test_sale_flow import charge

SOM = 10**6   # the demo token has 6 decimals


def wait_state(qtbot, win, key: str) -> None:
    qtbot.waitUntil(lambda: win.payment.state.property("stateKey") == key, timeout=20000)


def answer(qtbot, owner, button: str) -> None:
    qtbot.waitUntil(lambda: owner.dialog is not None and owner.dialog.isVisible(), timeout=5000)
    owner.dialog.findChild(QPushButton, button).click()


def test_partial_then_the_rest_on_the_same_invoice(qtbot, window):
    win = window
    inv = charge(qtbot, win, "100")
    qtbot.mouseClick(win.phone.pay_half, Qt.MouseButton.LeftButton)            # pays 50 som
    wait_state(qtbot, win, "attention")
    p = win.payment
    assert p.received.text() == "Received: 50.00 som" and p.received.isVisibleTo(p)
    assert p.still_due.text() == "Still due: 50.00 som" and p.still_due.isVisibleTo(p)
    assert not p.change.isVisibleTo(p)
    # The QR now asks only the rest, by the rest's own exact amount, on the same invoice.
    part = win.ctx.service.get(inv.id)
    assert part.asked_base != inv.due_base and part.asked_base // 10**4 == 5000
    expected = build_uri("eip681", part.request())
    assert p.uri == expected and decode_qr(p.qr) == [expected]
    assert decode_qr(win.customer.qr) == [expected]
    assert "Left to pay: 50.00 som" in win.customer.money.text()
    # The sales list says the same: received 50, still due 50.
    qtbot.waitUntil(lambda: win.model.rowCount() == 1 and win.model.index(0, 4).data() == "50.00 som", timeout=5000)
    assert win.model.index(0, 3).data() == "50.00 som" and win.model.index(0, 5).data() == ""
    qtbot.mouseClick(win.phone.pay_exact, Qt.MouseButton.LeftButton)           # pays what the QR asks
    wait_state(qtbot, win, "paid")
    assert not p.still_due.isVisibleTo(p) and not p.change.isVisibleTo(p)
    assert p.received.text() == "Received: 100.00 som"
    done = win.ctx.service.get(inv.id)
    assert done.state == InvoiceState.SETTLED and done.change_tyiyn == 0 and len(win.ctx.service.payments_for(inv.id)) == 2


def test_overpayment_shows_the_change_to_give(qtbot, window):
    win = window
    charge(qtbot, win, "40")
    qtbot.mouseClick(win.phone.pay_over, Qt.MouseButton.LeftButton)            # 10 som more
    wait_state(qtbot, win, "attention")
    p = win.payment
    assert p.change.text() == "Give back: 10.00 som" and p.change.isVisibleTo(p)
    assert "Your change: 10.00 som" in win.customer.money.text()
    win.go_list()
    qtbot.waitUntil(lambda: win.model.index(0, 5).data() == "10.00 som", timeout=5000)
    assert win.model.index(0, 4).data() == ""                  # nothing still due
    assert win.model.index(0, 3).data() == "50.00 som"


def test_new_sale_while_one_waits_asks_first(qtbot, window):
    win = window
    inv = charge(qtbot, win, "30")
    qtbot.mouseClick(win.payment.new_button, Qt.MouseButton.LeftButton)
    answer(qtbot, win.checkout, "stayOnSale")
    assert win.stack.currentWidget() is win.payment and win.current.id == inv.id
    # The Sale button goes back to the waiting sale instead of dropping it.
    win.go_sale()
    assert win.stack.currentWidget() is win.payment
    qtbot.mouseClick(win.payment.new_button, Qt.MouseButton.LeftButton)
    answer(qtbot, win.checkout, "keepSaleOpen")
    assert win.stack.currentWidget() is win.sale
    assert win.ctx.service.get(inv.id).state == InvoiceState.NEW                # still open, still watched
    other = charge(qtbot, win, "31")
    qtbot.mouseClick(win.payment.new_button, Qt.MouseButton.LeftButton)
    answer(qtbot, win.checkout, "cancelWaitingSale")
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.sale, timeout=5000)
    assert win.ctx.service.get(other.id).state == InvoiceState.INVALID
    assert [r["event"] for r in win.ctx.store.query("SELECT event FROM audit_log WHERE actor = 'cashier'")] == \
        ["mark_invalid"]


def test_a_stray_payment_reaches_the_inbox_live(qtbot, window, demo_chain):
    win = window
    charge(qtbot, win, "10")
    win.checkout.new_sale()
    charge(qtbot, win, "20")
    win.go_list()
    demo_chain.pay("Bakyt", A.MERCHANT, 7 * SOM)
    # No reload by hand: the payment event refreshes the inbox.
    qtbot.waitUntil(lambda: win.sales.unmatched_model.rowCount() == 1, timeout=20000)
    assert win.sales.unmatched_model.index(0, 2).data() == "7.00 som"
    assert not win.sales.unmatched_model.index(0, 1).data().startswith("0x")


def test_sales_list_reopens_an_expired_sale_and_cancels_one_after_asking(qtbot, window):
    win = window
    inv = charge(qtbot, win, "42")
    win.ctx.store.execute("UPDATE invoices SET expires_at = ? WHERE id = ?", (int(time.time()) - 1, inv.id))
    wait_state(qtbot, win, "expired")
    assert win.payment.again_button.isVisibleTo(win.payment)
    win.go_list()
    row = [r for r in range(win.sales.proxy.rowCount()) if win.sales.proxy.index(r, 1).data() == str(inv.id)][0]
    win.sales.table.selectRow(row)
    qtbot.waitUntil(lambda: win.sales.reopen_button.isEnabled(), timeout=5000)
    qtbot.mouseClick(win.sales.reopen_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.payment, timeout=5000)
    wait_state(qtbot, win, "waiting")
    again = win.ctx.service.get(inv.id)
    assert again.state == InvoiceState.NEW and again.expires_at > time.time() + 600 and win.current.id == inv.id
    win.go_list()
    win.sales.table.selectRow(row)
    qtbot.waitUntil(lambda: win.sales.cancel_button.isEnabled(), timeout=5000)
    qtbot.mouseClick(win.sales.cancel_button, Qt.MouseButton.LeftButton)
    answer(qtbot, win.sales, "keepSale")
    assert win.ctx.service.get(inv.id).state == InvoiceState.NEW
    qtbot.mouseClick(win.sales.cancel_button, Qt.MouseButton.LeftButton)
    answer(qtbot, win.sales, "confirmCancelSale")
    qtbot.waitUntil(lambda: win.ctx.service.get(inv.id).state == InvoiceState.INVALID, timeout=5000)
    events = [r["event"] for r in win.ctx.store.query("SELECT event FROM audit_log WHERE actor = 'cashier'")]
    assert events == ["charge_again", "mark_invalid"]


def test_offline_brings_offline_payment_forward(qtbot, window):
    win = window
    charge(qtbot, win, "12")
    p = win.payment
    assert p.actions.indexOf(p.offline_button) == 0 and p.side.indexOf(p.offline_button) == -1
    win.checkout.set_online(False)
    # Offline it moves up, right under what the screen tells the cashier, and says why.
    assert p.side.indexOf(p.offline_button) == p.side.indexOf(p.advice) + 1
    assert p.actions.indexOf(p.offline_button) == -1
    assert "without the network" in p.advice.text()
    win.checkout.set_online(True)
    assert p.actions.indexOf(p.offline_button) == 0 and p.side.indexOf(p.offline_button) == -1


def test_payers_are_named_by_the_phone_and_renamed_from_the_sales_list(qtbot, window):
    from PySide6.QtWidgets import QDialog
    win = window
    inv = charge(qtbot, win, "15")
    qtbot.mouseClick(win.phone.pay_exact, Qt.MouseButton.LeftButton)
    wait_state(qtbot, win, "paid")
    win.go_list()
    row = [r for r in range(win.sales.proxy.rowCount()) if win.sales.proxy.index(r, 1).data() == str(inv.id)][0]
    # The demo phone told the address book who paid: a name, never 0x….
    qtbot.waitUntil(lambda: win.sales.proxy.index(row, 7).data() == "Aigul", timeout=5000)
    win.sales.table.selectRow(row)
    qtbot.waitUntil(lambda: win.sales.name_button.isEnabled(), timeout=5000)
    assert "Aigul" in win.sales.detail.text() and "0x" not in win.sales.detail.text()
    qtbot.mouseClick(win.sales.name_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.sales.findChild(QDialog, "payerNameDialog") is not None, timeout=5000)
    dialog = win.sales.findChild(QDialog, "payerNameDialog")
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    dialog.edit.setText("Айгуль эже")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.sales.proxy.index(row, 7).data() == "Айгуль эже", timeout=5000)
    assert win.ctx.payers.name_of(A.CUSTOMERS["Aigul"]) == "Айгуль эже"
    win.sales.filter.setText("Айгуль")
    assert win.sales.proxy.rowCount() == 1


def test_the_questions_are_asked_in_the_cashiers_language(qtbot, window):
    """Leaving a waiting sale and cancelling one ask in Russian on a Russian screen (issue 12 point 4)."""
    win = window
    charge(qtbot, win, "30")
    win.set_language("ru")
    try:
        qtbot.mouseClick(win.payment.new_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: win.checkout.dialog is not None and win.checkout.dialog.isVisible(), timeout=5000)
        box = win.checkout.dialog
        texts = [box.text()] + [box.findChild(QPushButton, n).text()
                                for n in ("keepSaleOpen", "cancelWaitingSale", "stayOnSale")]
        assert "30,00" in box.text()
        for t in texts:
            assert not any(w in t for w in ("sale", "Keep", "Back", "Cancel", "waiting")), t
        box.findChild(QPushButton, "stayOnSale").click()
        qtbot.mouseClick(win.payment.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: win.checkout.dialog is not box and win.checkout.dialog.isVisible(), timeout=5000)
        assert "Cancel" not in win.checkout.dialog.findChild(QPushButton, "confirmCancelSale").text()
        win.checkout.dialog.findChild(QPushButton, "keepSale").click()
    finally:
        win.set_language("en")


def test_a_finished_sale_shows_no_wallet_choice(qtbot, window):
    win = window
    charge(qtbot, win, "16")
    p = win.payment
    assert p.format_box.isVisibleTo(p) and p.details_button.isVisibleTo(p)
    qtbot.mouseClick(win.phone.pay_exact, Qt.MouseButton.LeftButton)
    wait_state(qtbot, win, "paid")
    assert not p.format_box.isVisibleTo(p) and not p.details_button.isVisibleTo(p) and not p.onchain.isVisibleTo(p)
