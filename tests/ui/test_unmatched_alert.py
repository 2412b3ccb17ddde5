"""The unmatched-payment alert (issue 12 point 2) in the real window on the embedded demo chain.

Two sales wait; a customer pays an amount that fits neither: the bar appears on whatever screen is
shown, with the amount in som and the payer by the shop's name. "Add to the sale on screen" works
only while a sale is on the payment screen; it adds the payment to that sale (audited as the
cashier), the sale on screen shows it, and the bar goes away. It cannot be closed otherwise.
"""
from __future__ import annotations

from PySide6.QtCore import Qt

from pos_app.app.demo import accounts as A
from pos_app.core.money import Tyiyn
from pos_app.shop.payers import short_address
from pos_app.ui.screens.sales.unmatched_alert import UnmatchedAlertController

from .test_sale_flow import charge

SOM = 10**6   # the demo token has 6 decimals


def _alert(window) -> UnmatchedAlertController:
    """The window's own bar (wired by the main window), or one wired the same way on a window without it."""
    own = getattr(window, "unmatched", None)
    if isinstance(own, UnmatchedAlertController):
        return own
    ctl = UnmatchedAlertController(
        window.till, bridge=window.bridge, db=window.db,
        current=lambda: window.current if window.stack.currentWidget() is window.payment else None,
        language="en", parent=window)
    window.centralWidget().layout().insertWidget(0, ctl.widget)
    return ctl


def test_a_payment_matching_no_sale_raises_the_bar_and_one_tap_adds_it_to_the_sale(qtbot, window, demo_chain):
    ctl = _alert(window)
    shown = []
    ctl.show_list.connect(lambda: shown.append(True))
    qtbot.waitUntil(lambda: ctl.loaded, timeout=5000)
    assert not ctl.widget.isVisible()                         # nothing unmatched: no bar
    window.ctx.payers.set_name(A.CUSTOMERS["Bakyt"], "Bakyt", actor="cashier")

    a = window.ctx.create_invoice(Tyiyn(1000))                # a sale kept open (made on another screen)
    b = charge(qtbot, window, "20")                           # two sales wait: 7 som fits neither
    demo_chain.pay("Bakyt", A.MERCHANT, 7 * SOM)
    qtbot.waitUntil(lambda: ctl.widget.isVisible(), timeout=20000)
    assert ctl.widget.text.text() == "A payment of 7.00 som from Bakyt matched no sale"
    assert "0x" not in ctl.widget.text.text()
    assert ctl.widget.assign_button.isEnabled()               # sale b is on screen
    assert window.ctx.service.get(a.id).paid_seen == 0 and window.ctx.service.get(b.id).paid_seen == 0

    window.go_list()                                          # on another screen the bar stays...
    qtbot.waitUntil(lambda: not ctl.widget.assign_button.isEnabled(), timeout=3000)   # ...with nothing to add to
    assert ctl.widget.isVisible()
    qtbot.mouseClick(ctl.widget.show_button, Qt.MouseButton.LeftButton)
    assert shown == [True]
    window.stack.setCurrentWidget(window.payment)             # back to the waiting sale
    qtbot.waitUntil(lambda: ctl.widget.assign_button.isEnabled(), timeout=3000)

    qtbot.mouseClick(ctl.widget.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not ctl.widget.isVisible(), timeout=10000)
    assert window.ctx.service.get(b.id).paid_seen == 7 * SOM
    assert window.ctx.service.get(a.id).paid_seen == 0
    qtbot.waitUntil(lambda: window.payment.invoice.paid_seen == 7 * SOM, timeout=5000)  # the screen shows it
    assert window.current.id == b.id
    assert window.ctx.service.unmatched() == []
    assert window.ctx.store.query("SELECT actor, event FROM audit_log WHERE event = 'assign_payment'") == \
        [{"actor": "cashier", "event": "assign_payment"}]


def test_several_unmatched_payments_are_counted_and_the_bar_stays_until_each_is_dealt_with(
        qtbot, window, demo_chain):
    ctl = _alert(window)
    window.ctx.create_invoice(Tyiyn(1000))
    b = charge(qtbot, window, "20")
    demo_chain.pay("Aigul", A.MERCHANT, 3 * SOM)
    demo_chain.pay("Cholpon", A.MERCHANT, 4 * SOM + 50 * SOM // 100)
    qtbot.waitUntil(lambda: len(ctl.rows) == 2, timeout=20000)
    text = ctl.widget.text.text()
    assert text.startswith("2 payments matched no sale.")
    assert "4.50 som" in text and short_address(A.CUSTOMERS["Cholpon"]) in text   # the last one, by short form
    qtbot.mouseClick(ctl.widget.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(ctl.rows) == 1, timeout=10000)
    assert ctl.widget.isVisible()                             # one is still unmatched
    assert ctl.widget.text.text() == (f"A payment of 3.00 som from {short_address(A.CUSTOMERS['Aigul'])} "
                                      "matched no sale")
    assert window.ctx.service.get(b.id).paid_seen == 4 * SOM + 50 * SOM // 100


def test_a_refusal_is_shown_in_the_bar_and_the_payment_stays(qtbot, window, demo_chain):
    ctl = _alert(window)
    window.ctx.create_invoice(Tyiyn(1000))
    b = charge(qtbot, window, "20")
    demo_chain.pay("Aigul", A.MERCHANT, 3 * SOM)
    qtbot.waitUntil(lambda: ctl.widget.isVisible(), timeout=20000)
    # The sale on screen was made for another shop address (a changed setting): the service refuses.
    window.ctx.store.execute("UPDATE invoices SET merchant = ? WHERE id = ?", ("0x" + "12" * 20, b.id))
    qtbot.mouseClick(ctl.widget.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctl.widget.error.isVisible(), timeout=10000)
    assert ctl.widget.error.text() == ("That payment was made on another network, token or address than "
                                       "the invoice.")
    assert ctl.widget.isVisible() and len(window.ctx.service.unmatched()) == 1
    assert ctl.widget.assign_button.isEnabled()               # free to try again


def test_the_amount_follows_the_cashiers_language(qtbot, window, demo_chain):
    from pos_app.ui.shell.i18n import install_language
    ctl = _alert(window)
    window.ctx.create_invoice(Tyiyn(1000))
    window.ctx.create_invoice(Tyiyn(2000))
    demo_chain.pay("Aigul", A.MERCHANT, 1234 * SOM + 5 * SOM // 100)
    qtbot.waitUntil(lambda: ctl.widget.isVisible(), timeout=20000)
    assert "1,234.05 som" in ctl.widget.text.text()
    try:
        assert install_language("ru")
        ctl.set_language("ru")
        assert "1\u00a0234,05\u00a0сом" in ctl.widget.text.text()   # the shop's comma and spaces
        assert "1,234.05" not in ctl.widget.text.text()
    finally:
        install_language("en")
