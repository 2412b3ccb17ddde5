"""The sync engine in the real window: payments accepted offline settle when the network returns,
and a failure is shown with the payer, amount and sale, and a next step the cashier can take."""
from __future__ import annotations

from PySide6.QtCore import Qt

from pos_app.invoices.lifecycle import InvoiceState
from pos_app.offline.lifecycle import QueueState

from .test_offline_accept import go_offline, wait_synced_once
from .test_sale_flow import charge


def accept_offline(win, demo_chain, customer: str, kind: str, inv):
    payload = demo_chain.sign_offline(customer, kind, inv.merchant, inv.due_base)
    item, _ = win.ctx.offline.accept(payload, inv.id, win.ctx.offline_facts())
    return item


def come_back_online(qtbot, win):
    win.offline.start_sync(win.watcher)
    qtbot.waitUntil(lambda: win.offline.runner is not None, timeout=10000)
    qtbot.mouseClick(win.phone.network_button, Qt.MouseButton.LeftButton)
    assert win.phone.network_button.isChecked()


def test_offline_payments_settle_and_the_bar_clears_when_the_network_returns(qtbot, window, demo_chain):
    win = window
    wait_synced_once(qtbot, win)
    go_offline(qtbot, win)
    inv = charge(qtbot, win, "42")
    item = accept_offline(win, demo_chain, "Aigul", "eip3009", inv)
    win.offline.refresh()
    qtbot.waitUntil(lambda: "waiting to be sent" in win.offline_bar.text(), timeout=5000)
    win.offline.show_queue()
    come_back_online(qtbot, win)
    qtbot.waitUntil(lambda: win.ctx.offline.get(item.id).state == QueueState.FINAL, timeout=30000)
    # The watcher matches the relay transaction to the sale: the invoice settles.
    qtbot.waitUntil(lambda: win.ctx.service.get(inv.id).state == InvoiceState.SETTLED, timeout=30000)
    qtbot.waitUntil(lambda: not win.offline_bar.isVisible(), timeout=15000)
    qtbot.waitUntil(lambda: "Everything accepted offline" in win.offline.queue_view.progress.text(), timeout=15000)
    assert not win.offline.failure_bar.isVisible()


def test_a_double_spend_is_shown_and_the_cashier_collects_again(qtbot, window, demo_chain):
    win = window
    wait_synced_once(qtbot, win)
    go_offline(qtbot, win)
    inv = charge(qtbot, win, "25")
    item = accept_offline(win, demo_chain, "Bakyt", "raw_tx", inv)
    demo_chain.pay("Bakyt", demo_chain.customer_address("Cholpon"), 1)   # same nonce, spent elsewhere
    win.go_sale()
    come_back_online(qtbot, win)
    bar = win.offline.failure_bar
    qtbot.waitUntil(lambda: bar.isVisible(), timeout=30000)
    text = bar.text.text()
    assert "25" in text and str(inv.id) in text and "elsewhere" in text and item.payer[2:6] in text
    assert "0x" not in text
    qtbot.mouseClick(bar.collect_again_button, Qt.MouseButton.LeftButton)
    # A new sale for the same amount is on screen; the failed one is closed, audited, not repeated.
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.payment and win.current is not None
                    and win.current.id != inv.id, timeout=10000)
    assert win.current.amount_tyiyn == inv.amount_tyiyn
    assert win.ctx.offline.get(item.id).resolution == "collect_again"
    assert win.ctx.service.get(inv.id).state == InvoiceState.INVALID
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=10000)
    assert win.ctx.store.one("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'offline.collect_again'")["n"] == 1


def test_relay_key_imported_from_a_file_is_unlocked_for_the_engine(qtbot, window, tmp_path):
    """Import a private key file from the queue screen; a wrong file is refused with a sentence."""
    from eth_account import Account
    from eth_utils import keccak

    from pos_app.keys.keystore import RelayKeyStore
    win = window
    view = win.offline.queue_view
    bad = tmp_path / "not-a-key.txt"
    bad.write_text("hello")
    win.offline.import_relay(str(bad), "", "a long enough passphrase")
    qtbot.waitUntil(lambda: "not a valid private key" in view.progress.text(), timeout=10000)
    assert not RelayKeyStore(win.ctx.data_dir).exists()
    secret = keccak(text="gui relay key")
    good = tmp_path / "key.txt"
    good.write_text("0x" + secret.hex())
    win.offline.start_sync(win.watcher)
    qtbot.waitUntil(lambda: win.offline.runner is not None, timeout=10000)
    win.offline.import_relay(str(good), "", "a long enough passphrase")
    address = Account.from_key(secret).address
    # (the progress line is soon replaced by the sending status, so the engine and the label are checked)
    qtbot.waitUntil(lambda: getattr(win.offline.runner.engine.relay, "address", None) == address, timeout=20000)
    assert RelayKeyStore(win.ctx.data_dir).address() == address
    # The account's address is only under Details (no 0x on the cashier's screen).
    qtbot.waitUntil(lambda: "unlocked" in view.relay_label.text(), timeout=10000)
    assert "0x" not in view.relay_label.text()
    qtbot.waitUntil(lambda: address in view.details.text(), timeout=10000)


def test_settings_lead_to_the_relay_key(qtbot, window):
    win = window
    win.go_settings()
    qtbot.mouseClick(win.settings.relay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.offline.queue_view, timeout=5000)
    assert win.offline.queue_view.create_button.isVisible() or win.offline.queue_view.unlock_button.isVisible()
