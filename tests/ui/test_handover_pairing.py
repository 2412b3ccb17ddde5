"""Issue 10, finding 4, in the real window: a file from a till never paired is loaded only after a
person compares the number on both screens; this till's own number is on its queue screen; saved
payments can be taken back with a confirmation."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from pos_app.app.context import AppContext
from pos_app.shop.config import set_till
from pos_app.core.money import Tyiyn
from pos_app.handover.pairing import show_fingerprint
from pos_app.keys import device as D

from .test_offline_accept import go_offline, wait_synced_once


def _answer(button) -> None:
    """Press ``button`` on the next message box, as a person would."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(button).click()
        else:
            QTimer.singleShot(50, press)
    QTimer.singleShot(50, press)


def _field_file(tmp_path, demo_chain, win) -> tuple:
    """A field till's file; the field till is 1 of 2 and the window's till 2 of 2 (two tills that
    both say they are the shop's only one are refused at import: issue 18, 5)."""
    set_till(win.ctx.store, "2/2")
    field = AppContext(tmp_path / "field")
    set_till(field.store, "1/2")
    try:
        field.offline.record_sync(demo_chain.chain_id, at=win.ctx.offline.last_sync_at(demo_chain.chain_id),
                                  gas_price=int(demo_chain.w3.eth.gas_price))
        inv = field.create_invoice(Tyiyn(3300))
        payload = demo_chain.sign_offline("Cholpon", "eip3009", inv.merchant, inv.due_base)
        field.offline.accept(payload, inv.id, field.offline_facts())
        path = tmp_path / "q.jsonl"
        field.export_handover(path)
        return path, D.device_fingerprint(field.data_dir)
    finally:
        field.close()


def test_f4_loading_a_file_from_an_unpaired_till_asks_to_compare_the_number(qtbot, window, demo_chain, tmp_path):
    win = window
    wait_synced_once(qtbot, win)
    view = win.offline.queue_view
    win.offline.show_queue()
    own = show_fingerprint(D.device_fingerprint(win.ctx.data_dir))
    qtbot.waitUntil(lambda: own in view.device_label.text(), timeout=5000)
    path, fp = _field_file(tmp_path, demo_chain, win)
    asked = []
    view.pair_import_requested.connect(lambda p, n: asked.append(n))
    _answer(QMessageBox.StandardButton.No)                 # not the same number: nothing is loaded
    win.offline.import_from(str(path))
    qtbot.waitUntil(lambda: "not accepted" in view.progress.text(), timeout=5000)
    assert win.ctx.offline.list() == [] and asked == []
    _answer(QMessageBox.StandardButton.Yes)
    win.offline.import_from(str(path))
    qtbot.waitUntil(lambda: len(win.ctx.offline.list()) == 1, timeout=10000)
    assert asked == [show_fingerprint(fp)]
    qtbot.waitUntil(lambda: "Loaded 1" in view.progress.text(), timeout=5000)


def test_f4_saved_payments_are_taken_back_after_a_confirmation(qtbot, window, demo_chain, tmp_path):
    win = window
    wait_synced_once(qtbot, win)
    go_offline(qtbot, win)
    inv = win.ctx.create_invoice(Tyiyn(2100))
    payload = demo_chain.sign_offline("Aigul", "eip3009", inv.merchant, inv.due_base)
    item, _ = win.ctx.offline.accept(payload, inv.id, win.ctx.offline_facts())
    win.ctx.export_handover(tmp_path / "out.jsonl")
    view = win.offline.queue_view
    win.offline.show_queue()
    _answer(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.take_back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.ctx.offline.get(item.id).handed_off_at is None, timeout=10000)
    qtbot.waitUntil(lambda: "sent from this till again" in view.progress.text(), timeout=5000)
