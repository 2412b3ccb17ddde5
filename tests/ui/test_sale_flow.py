"""The counter flow in the real window: type, charge, scan-able QR, pay on the demo chain, "Paid"."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from pos_app.invoices.lifecycle import InvoiceState
from pos_app.invoices.payment_request import build_uri

from .conftest import decode_qr


def charge(qtbot, win, text: str):
    win.sale.setFocus()
    qtbot.keyClicks(win.sale, text)
    qtbot.keyClick(win.sale, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.payment, timeout=5000)
    return win.current


def test_keyboard_amount_charge_shows_the_invoice_qr(qtbot, window):
    inv = charge(qtbot, window, "150,5")
    assert inv.amount_tyiyn == 15050
    assert "150.50" in window.payment.amount.text()
    expected = build_uri("eip681", inv.request())
    assert window.payment.uri == expected
    assert decode_qr(window.payment.qr) == [expected]
    assert decode_qr(window.customer.qr) == [expected]          # the customer display follows
    assert "150.50" in window.customer.amount.text()
    assert window.payment.state.property("stateKey") == "waiting"
    assert "14:" in window.payment.countdown.text() or "15:" in window.payment.countdown.text()


def test_keypad_buttons_backspace_and_clear(qtbot, window):
    for key in "12,345":
        qtbot.mouseClick(window.sale.keys[key], Qt.MouseButton.LeftButton)
    assert window.sale.text == "12,34"                 # a third decimal is refused...
    assert window.sale.message.text()                  # ...with a message
    qtbot.mouseClick(window.sale.keys["⌫"], Qt.MouseButton.LeftButton)
    assert window.sale.text == "12,3"
    qtbot.mouseClick(window.sale.clear_button, Qt.MouseButton.LeftButton)
    assert window.sale.text == "" and window.sale.display.text().startswith("0")


def test_invalid_amounts_explain_and_create_nothing(qtbot, window):
    qtbot.mouseClick(window.sale.charge_button, Qt.MouseButton.LeftButton)
    assert "amount" in window.sale.message.text().lower()
    qtbot.keyClicks(window.sale, "0")
    qtbot.keyClick(window.sale, Qt.Key.Key_Return)
    assert "more than zero" in window.sale.message.text()
    qtbot.keyClick(window.sale, Qt.Key.Key_Escape)
    qtbot.keyClicks(window.sale, "999999999")
    qtbot.keyClick(window.sale, Qt.Key.Key_Return)
    assert "too large" in window.sale.message.text()
    qtbot.wait(200)
    assert window.stack.currentWidget() is window.sale
    assert window.ctx.store.query("SELECT COUNT(*) AS n FROM invoices")[0]["n"] == 0


def test_paid_through_the_demo_chain(qtbot, window):
    inv = charge(qtbot, window, "250")
    qtbot.mouseClick(window.phone.pay_exact, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.payment.state.property("stateKey") == "paid", timeout=20000)
    assert "Paid" in window.payment.state.text()
    assert window.ctx.service.get(inv.id).state == InvoiceState.SETTLED
    assert window.payment.left.currentWidget() is window.payment.result   # no QR left to scan
    assert window.customer.stack.currentWidget() is window.customer.message
    assert "Paid" in window.customer.message.text()
    qtbot.mouseClick(window.payment.new_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.sale and window.sale.text == ""


def test_partial_payment_tells_the_cashier_what_to_do(qtbot, window):
    charge(qtbot, window, "100")
    qtbot.mouseClick(window.phone.pay_half, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.payment.state.property("stateKey") == "attention", timeout=20000)
    assert "only for the rest" in window.payment.advice.text()
    assert window.payment.still_due.isVisibleTo(window.payment)


def test_expiry_is_shown(qtbot, window):
    inv = charge(qtbot, window, "42")
    window.ctx.store.execute("UPDATE invoices SET expires_at = ? WHERE id = ?", (int(time.time()) - 1, inv.id))
    qtbot.waitUntil(lambda: window.payment.state.property("stateKey") == "expired", timeout=10000)
    assert window.payment.countdown.text() == ""


def test_wallet_format_changes_the_qr(qtbot, window):
    inv = charge(qtbot, window, "75")
    window.payment.format_box.setCurrentIndex(window.payment.format_box.findData("trust"))
    expected = build_uri("trust", inv.request(), trust_coin=20000714)
    assert decode_qr(window.payment.qr) == [expected]
    assert decode_qr(window.customer.qr) == [expected]
    window.payment.format_box.setCurrentIndex(window.payment.format_box.findData("address"))
    assert decode_qr(window.payment.qr) == [inv.merchant]


def test_cancel_sale(qtbot, window):
    inv = charge(qtbot, window, "33")
    qtbot.mouseClick(window.payment.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.checkout.dialog is not None and window.checkout.dialog.isVisible(), timeout=5000)
    assert window.ctx.service.get(inv.id).state == InvoiceState.NEW        # nothing before the answer
    window.checkout.dialog.findChild(QPushButton, "confirmCancelSale").click()
    qtbot.waitUntil(lambda: window.payment.state.property("stateKey") == "invalid", timeout=5000)
    assert window.ctx.service.get(inv.id).state == InvoiceState.INVALID
    assert window.ctx.store.verify_audit_chain()


def test_sales_list_model(qtbot, qtmodeltester, window):
    charge(qtbot, window, "10")
    window.checkout.new_sale()                        # "keep it open" (tests/ui/test_counter_money.py)
    charge(qtbot, window, "20")
    qtmodeltester.check(window.model)
    assert window.model.rowCount() == 2
    window.go_list()
    window.sales.filter.setText("20.00")
    assert window.sales.proxy.rowCount() == 1


def test_unmatched_payment_assigned_from_the_sales_list(qtbot, window, demo_chain):
    from pos_app.app.demo import accounts as A
    a = charge(qtbot, window, "10")
    window.checkout.new_sale()                        # "keep it open" (tests/ui/test_counter_money.py)
    charge(qtbot, window, "20")                       # two open invoices: an odd amount is ambiguous
    demo_chain.pay("Bakyt", A.MERCHANT, 7 * 10**6)
    qtbot.waitUntil(lambda: len(window.ctx.service.unmatched()) == 1, timeout=15000)
    window.go_list()
    window.reload_sales()
    qtbot.waitUntil(lambda: window.sales.unmatched_model.rowCount() == 1, timeout=5000)
    qtmodel_row = [r for r in range(window.sales.proxy.rowCount())
                   if window.sales.proxy.index(r, 1).data() == str(a.id)][0]
    window.sales.table.selectRow(qtmodel_row)
    qtbot.waitUntil(lambda: f"{a.id}" in window.sales.detail.text(), timeout=5000)
    window.sales.unmatched.selectRow(0)
    qtbot.mouseClick(window.sales.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.ctx.service.get(a.id).paid_seen == 7 * 10**6, timeout=5000)
    assert window.ctx.store.query("SELECT actor, event FROM audit_log WHERE actor != 'app'") == \
        [{"actor": "cashier", "event": "assign_payment"}]
    qtbot.waitUntil(lambda: window.sales.unmatched_model.rowCount() == 0, timeout=5000)


def test_payment_model_passes_qtmodeltester(qtmodeltester):
    """The unmatched inbox's model, with rows and empty (issue 11's finding: it had no check)."""
    from pos_app.ui.models.tables import PaymentTableModel
    model = PaymentTableModel(language="en")
    rows = [{"block_number": 10 + i, "block_time": 1_800_000_000 + i, "payer": "0x" + f"{i:02x}" * 20,
             "value": str(150 * 10**6 + i), "tx_hash": "0x" + f"{i:02x}" * 32} for i in range(5)]
    rows[3].update(matched_by="none", hint_invoice_id=12)         # issue 18: what is known about it
    rows[4].update(matched_by="twin", hint_invoice_id=None)
    model.set_rows(rows, decimals=6, names={"0x" + "01" * 20: "Aibek"})
    qtmodeltester.check(model)
    assert model.rowCount() == 5 and model.columnCount() == 4
    assert [model.data(model.index(r, 3)) for r in (0, 3, 4)] == [
        "", "matches an earlier request of sale 12", "paid to another till with this till's number"]
    # In som as the counter shows it; the exact amount (with the tail) is in the tooltip.
    assert model.data(model.index(0, 2)) == "150.00 som" and model.data(model.index(1, 2)) == "150.00 som"
    assert model.data(model.index(1, 2), Qt.ItemDataRole.ToolTipRole) == "150.000001"
    assert model.data(model.index(1, 1)) == "Aibek" and model.data(model.index(2, 1)) == "0202…0202"
    model.set_rows([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0
