"""Issue 11, point 5: each screen's controller is given what it needs and follows its own events.

The offline controller runs here without a main window (a bare stack, its own workers): a payment
accepted offline reaches its screens through the queue's event alone, and it asks for the payment
screen and the status bar through signals. The sales controller updates its list from invoice
events, whoever changed the invoice.
"""
from __future__ import annotations

import time
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QStackedWidget

from pos_app.app.till import Till
from pos_app.app.context import AppContext
from pos_app.core.money import Tyiyn
from pos_app.offline.lifecycle import QueueState as Q


@pytest.fixture
def parts(qtbot, tmp_path, demo_chain):
    from pos_app.ui.shell.bridge import EventBridge, Worker
    ctx = AppContext(tmp_path / "shop", embedded_w3=demo_chain.shop_w3)
    ctx.store.set_setting("language", "en")
    ctx.offline.record_sync(demo_chain.chain_id, at=int(time.time()), gas_price=int(demo_chain.w3.eth.gas_price))
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    bridge, db, slow = EventBridge(ctx.events), Worker("db"), Worker("slow")
    yield SimpleNamespace(ctx=ctx, stack=stack, bridge=bridge, db=db, slow=slow, chain=demo_chain)
    bridge.close()
    db.shutdown()
    slow.shutdown()
    ctx.close()


def _offline(parts, current):
    from pos_app.ui.screens.offline.offline_controller import OfflineController
    return OfflineController(Till(parts.ctx), bridge=parts.bridge, db=parts.db, slow=parts.slow, stack=parts.stack,
                             current=lambda: current[0], chain_id=lambda: parts.chain.chain_id, language="en")


def test_offline_controller_needs_no_main_window(qtbot, parts):
    ctx = parts.ctx
    current = [ctx.create_invoice(Tyiyn(4200))]
    ctl = _offline(parts, current)
    summaries = []
    ctl.summary_changed.connect(lambda: summaries.append(ctl.bar_text()))
    ctl.show_queue()
    assert parts.stack.currentWidget() is ctl.queue_view
    qtbot.waitUntil(lambda: summaries == [None], timeout=5000)          # nothing waits yet
    # Accepted through the controller: the payment screen is asked for with the updated sale...
    inv = current[0]
    payload = parts.chain.sign_offline("Aigul", "eip3009", inv.merchant, inv.due_base)
    ctl.start()
    assert parts.stack.currentWidget() is ctl.accept_screen
    with qtbot.waitSignal(ctl.show_payment, timeout=10000) as shown:
        ctl.accept(payload)
    assert shown.args[0].id == inv.id and inv.offline_id is None and shown.args[0].offline_id is not None
    # ...and the queue screen and the bar's count follow the queue's own event.
    qtbot.waitUntil(lambda: ctl.queue_view.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: summaries and summaries[-1] is not None and "1 offline payment " in summaries[-1],
                    timeout=5000)
    assert ctl.queue_view.model.item_at(0).state == Q.QUEUED


def test_offline_changes_made_elsewhere_reach_the_queue_screen(qtbot, parts):
    """A change published by the core (here the queue itself, on another thread) redraws the screen."""
    import threading
    ctx = parts.ctx
    ctl = _offline(parts, [None])
    ctl.show_queue()
    inv = ctx.create_invoice(Tyiyn(2100))
    payload = parts.chain.sign_offline("Bakyt", "raw_tx", inv.merchant, inv.due_base)
    t = threading.Thread(target=lambda: ctx.offline.accept(payload, inv.id, ctx.offline_facts()))
    t.start()
    t.join()
    qtbot.waitUntil(lambda: ctl.queue_view.model.rowCount() == 1, timeout=5000)
    assert "Waiting: 1 payment," in ctl.queue_view.totals.text()


def test_the_failure_bar_names_a_stuck_payment(qtbot, parts):
    from pos_app.app.demo import accounts as A
    ctl = _offline(parts, [None])
    item = SimpleNamespace(state=Q.STUCK, amount_tyiyn=40_00, payer=A.CUSTOMERS["Cholpon"], invoice_id=7)
    ctl.show_failures([item, item])
    bar = ctl.failure_bar
    assert not bar.isHidden() and "never went through" in bar.text.text() and "7" in bar.text.text()
    assert "(1 more)" in bar.text.text()
    ctl.show_failures([])
    assert bar.isHidden()


def test_sales_controller_follows_invoice_events(qtbot, parts):
    from pos_app.invoices.lifecycle import InvoiceState
    from pos_app.ui.screens.sales.sales_controller import SalesController
    ctx = parts.ctx
    ctl = SalesController(Till(ctx), bridge=parts.bridge, db=parts.db, stack=parts.stack, language="en", explorer=None)
    inv = ctx.create_invoice(Tyiyn(700))                      # charged elsewhere (the window, a CLI)
    qtbot.waitUntil(lambda: ctl.model.rowCount() == 1, timeout=5000)
    ctx.service.mark(inv.id, InvoiceState.INVALID, actor="test", reason="sale cancelled")
    qtbot.waitUntil(lambda: ctl.model.index(0, 6).data() == "Cancelled", timeout=5000)
    assert ctl.model.rowCount() == 1


def test_export_from_the_queue_screen_writes_the_file_and_hands_the_payments_over(qtbot, parts, tmp_path):
    """Prepared on the database worker, written on the slow one, marked on the database worker."""
    from pos_app.handover import file as F
    ctx = parts.ctx
    ctl = _offline(parts, [None])
    view = ctl.queue_view
    inv = ctx.create_invoice(Tyiyn(3300))
    item, _ = ctx.offline.accept(parts.chain.sign_offline("Cholpon", "eip3009", inv.merchant, inv.due_base),
                                 inv.id, ctx.offline_facts())
    path = tmp_path / "stick" / "q.jsonl"
    path.parent.mkdir()
    ctl.export_to(str(path))
    qtbot.waitUntil(lambda: "Saved 1 payment " in view.progress.text(), timeout=10000)
    assert ctx.offline.get(item.id).handed_off_at is not None
    assert [(i.invoice_number, i.amount_tyiyn) for i in F.read_bundle(path).items] == [(inv.id, 3300)]
    written = path.read_bytes()
    ctl.export_to(str(path))                    # again to the same file: refused, the first file kept
    qtbot.waitUntil(lambda: "already exists" in view.progress.text(), timeout=10000)
    assert path.read_bytes() == written


def test_checkout_charges_and_follows_its_sale_without_a_window(qtbot, parts):
    from PySide6.QtCore import Qt

    from pos_app.invoices.lifecycle import InvoiceState
    from pos_app.ui.screens.sale.checkout import CheckoutController
    ctx = parts.ctx
    charged = []
    co = CheckoutController(Till(ctx), bridge=parts.bridge, db=parts.db, stack=parts.stack, language="en",
                            config=ctx.config, charged=charged.append)
    co.sale.setFocus()
    qtbot.keyClicks(co.sale, "42")
    qtbot.keyClick(co.sale, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: parts.stack.currentWidget() is co.payment, timeout=5000)
    assert co.current is not None and co.current.amount_tyiyn == 4200 and charged == [co.current]
    # Cancelled elsewhere (the command line, another thread): the payment screen follows the event.
    ctx.service.mark(co.current.id, InvoiceState.INVALID, actor="test", reason="sale cancelled")
    qtbot.waitUntil(lambda: co.payment.state.property("stateKey") == "invalid", timeout=5000)
    assert co.current.state == InvoiceState.INVALID
    co.new_sale()
    assert co.current is None and parts.stack.currentWidget() is co.sale


def test_the_queue_clock_stops_when_its_screen_is_deleted(qtbot, tmp_path, demo_chain):
    """Found in the full suite: a controller outliving its queue screen ticked on deleted labels
    30 s later, in whatever ran then."""
    from PySide6.QtWidgets import QApplication

    from pos_app.ui.screens.offline.offline_controller import OfflineController
    from pos_app.ui.shell.bridge import EventBridge, Worker
    ctx = AppContext(tmp_path / "shop", embedded_w3=demo_chain.shop_w3)
    stack = QStackedWidget()
    bridge, db, slow = EventBridge(ctx.events), Worker("db"), Worker("slow")
    ctl = OfflineController(Till(ctx), bridge=bridge, db=db, slow=slow, stack=stack, current=lambda: None,
                            chain_id=lambda: demo_chain.chain_id, language="en")
    assert ctl.queue_view is not None and ctl.clock.isActive()
    stack.deleteLater()
    qtbot.waitUntil(lambda: ctl._queue_view is None, timeout=5000)
    QApplication.processEvents()
    assert not ctl.clock.isActive()
    ctl.clock.timeout.emit()          # a tick arriving anyway touches nothing
    bridge.close()
    db.shutdown()
    slow.shutdown()
    ctx.close()
