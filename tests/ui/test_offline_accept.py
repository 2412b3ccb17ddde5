"""Offline acceptance in the real window: network off, scan the customer's phone, verdict, accept, queue."""
from __future__ import annotations

from PySide6.QtCore import Qt

from pos_app.offline.lifecycle import QueueState

from .test_sale_flow import charge


def wait_synced_once(qtbot, win) -> None:
    chain_id = win.cfg.network.chain_id
    qtbot.waitUntil(lambda: win.ctx.offline.last_sync_at(chain_id) is not None
                    and win.ctx.offline.fee_floor(chain_id) is not None, timeout=15000)


def go_offline(qtbot, win) -> None:
    qtbot.mouseClick(win.phone.network_button, Qt.MouseButton.LeftButton)
    assert not win.phone.network_button.isChecked()
    qtbot.waitUntil(lambda: win.offline_bar.isVisible(), timeout=20000)


def sign_on_phone(qtbot, win, kind: str) -> str:
    win.phone.kind.setCurrentIndex(win.phone.kind.findData(kind))
    win.phone.payload = ""
    qtbot.mouseClick(win.phone.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(win.phone.payload), timeout=10000)
    return win.phone.payload


def test_scan_check_accept_offline_and_see_it_queued(qtbot, window):
    win = window
    wait_synced_once(qtbot, win)
    go_offline(qtbot, win)
    inv = charge(qtbot, win, "150")
    qtbot.mouseClick(win.payment.offline_button, Qt.MouseButton.LeftButton)
    screen = win.offline.accept_screen
    assert win.stack.currentWidget() is screen and "150" in screen.title.text()

    # A scanner types garbage and Enter: refused with a sentence, nothing saved.
    qtbot.keyClicks(screen.input, "0xdeadbeef")
    qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Do not accept" in screen.verdict.text(), timeout=5000)
    assert not screen.accept_button.isEnabled()

    # The customer's phone signs an authorization; the scanner types it (keyboard emulation).
    payload = sign_on_phone(qtbot, win, "eip3009")
    screen.input.clear()
    qtbot.keyClicks(screen.input, payload)
    qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.accept_button.isEnabled(), timeout=5000)
    assert "Valid payment" in screen.verdict.text()
    assert win.ctx.store.one("SELECT COUNT(*) AS n FROM offline_payments")["n"] == 0   # checking saves nothing

    qtbot.mouseClick(screen.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.payment, timeout=5000)
    assert win.payment.state.property("stateKey") == "offline"
    assert "offline" in win.payment.state.text().lower()
    items = win.ctx.offline.list()
    assert len(items) == 1 and items[0].state == QueueState.QUEUED and items[0].invoice_id == inv.id
    qtbot.waitUntil(lambda: "1 offline payment " in win.offline_bar.text(), timeout=5000)

    # A second sale paid with a signed transfer, handed over by the demo "scan".
    qtbot.mouseClick(win.payment.new_button, Qt.MouseButton.LeftButton)   # the sale is done: one tap
    inv2 = charge(qtbot, win, "20")
    qtbot.mouseClick(win.payment.offline_button, Qt.MouseButton.LeftButton)
    sign_on_phone(qtbot, win, "raw_tx")
    qtbot.mouseClick(win.phone.hand_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Checking" not in screen.verdict.text(), timeout=5000)
    assert screen.accept_button.isEnabled(), screen.verdict.text()
    qtbot.mouseClick(screen.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(win.ctx.offline.list()) == 2, timeout=5000)
    assert {i.invoice_id for i in win.ctx.offline.list()} == {inv.id, inv2.id}

    # The same payload again (another sale): refused as seen before.
    qtbot.mouseClick(win.payment.new_button, Qt.MouseButton.LeftButton)
    charge(qtbot, win, "20")
    qtbot.mouseClick(win.payment.offline_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(win.phone.hand_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already accepted" in screen.verdict.text(), timeout=5000)
    assert not screen.accept_button.isEnabled()

    # The queue screen lists both with totals and the countdown.
    qtbot.mouseClick(win.nav_queue, Qt.MouseButton.LeftButton)
    view = win.offline.queue_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    assert win.stack.currentWidget() is view
    assert "Waiting: 2 payments" in view.totals.text()
    assert "Send within 23 h" in view.deadline.text() or "Send within 24 h" in view.deadline.text()
    states = {view.model.index(r, 6).data() for r in range(2)}
    assert states == {"Waiting for network"}


def test_offline_button_is_off_for_paid_or_cancelled_sales(qtbot, window):
    win = window
    inv = charge(qtbot, window, "5")
    assert win.payment.offline_button.isEnabled()
    qtbot.mouseClick(win.payment.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.checkout.dialog is not None and win.checkout.dialog.isVisible(), timeout=5000)
    from PySide6.QtWidgets import QPushButton
    win.checkout.dialog.findChild(QPushButton, "confirmCancelSale").click()     # cancelling asks first
    qtbot.waitUntil(lambda: win.current is not None and win.current.state.value == "invalid", timeout=5000)
    assert not win.payment.offline_button.isEnabled()
    assert inv.id == win.current.id


def test_queue_model_passes_qtmodeltester(qtmodeltester, tmp_path):
    import time

    from pos_app.offline.lifecycle import QueueState as S
    from pos_app.offline.queue import QueueItem
    from pos_app.ui.screens.offline.queue_view import QueueTableModel
    model = QueueTableModel("en")
    now = int(time.time())
    model.set_rows([QueueItem(i, "raw_tx" if i % 2 else "eip3009", s, "0x" + "ab" * 20, 10**6 * i, 100 * i, i,
                              f"k{i}", None, "why", now, now, None, "{}")
                    for i, s in enumerate([S.QUEUED, S.FINAL, S.DOUBLE_SPENT, S.NEEDS_ATTENTION], start=1)])
    qtmodeltester.check(model)
    assert model.index(2, 6).data() == "Spent elsewhere"
