"""The counter walk's scenarios (see packaging/counter_walk.py): what a cashier and a customer do, step by step.

Every action is a real click or key press on the real window (``Walk.click`` / ``Walk.type_text``);
the walk reads the app's state only to know when to look again (a payment takes a block or two).
What counts is checked on screen at each ``Walk.check``.
"""
from __future__ import annotations

from counter_walk_driver import StepFailed, Waiting, Walk, implemented

# objectNames the app does not set yet, found meanwhile through the window's attributes (reported).
PHONE_EXACT = ("phonePayExact", lambda win: win.phone.pay_exact)
PHONE_HALF = ("phonePayHalf", lambda win: win.phone.pay_half)
PHONE_OVER = ("phonePayOver", lambda win: win.phone.pay_over)
NAV_SALE = ("saleNav", lambda win: win.nav_sale)
NAV_LIST = ("salesListNav", lambda win: win.nav_list)
NAV_CUSTOMER = ("customerNav", lambda win: win.nav_customer)
NAV_SETTINGS = ("settingsNav", lambda win: win.nav_settings)
NAV_QUEUE = ("queueNav", lambda win: win.nav_queue)


def wait_for_window(w: Walk) -> None:
    """The app's main window on screen and the demo network answering (the status bar says online)."""
    from PySide6.QtWidgets import QApplication

    from pos_app.ui.shell.main_window import MainWindow

    def window():
        return next((t for t in QApplication.topLevelWidgets() if isinstance(t, MainWindow) and t.isVisible()), None)
    w.win = w.wait(window, "the main window", 60)
    w.wait(lambda: w.win.last_ok is not None, "the status bar saying the network is online", 60)
    w.check("opened")


# -- small things a cashier does ------------------------------------------------------------------
def payment_state(w: Walk, key: str, timeout: float = 25) -> None:
    w.wait(lambda: w.win.stack.currentWidget() is w.win.payment and w.win.payment.state.property("stateKey") == key,
           f"the payment screen saying {key!r}", timeout)


def leave_sale(w: Walk, choice: str | None) -> None:
    """Tap "New sale" on the payment screen. ``choice``: the answer when the app asks about a waiting
    sale ("keepSaleOpen", "cancelWaitingSale", "stayOnSale"), or None when it must not ask."""
    w.click("newSaleButton")
    if choice is None:
        w.settle(0.5)
        if w.visible("leaveSaleDialog"):
            raise StepFailed("the app asked about leaving a sale that is not waiting")
    elif not implemented("leaveSaleDialog"):
        w.check("left a waiting sale without being asked")
        w.steps[-1]["waiting_for"].append("leaveSaleDialog")
    else:
        w.wait(lambda: w._named("leaveSaleDialog") is not None and w._named("leaveSaleDialog").isVisible(),
               "the question about the waiting sale", 10)
        w.check("asked about the waiting sale")
        w.click(choice)
        w.wait(lambda: not (w._named("leaveSaleDialog") and w._named("leaveSaleDialog").isVisible()),
               "the question to close", 10)
    w.wait(lambda: w.win.stack.currentWidget() is w.win.sale, "the sale screen", 10)


def to_sale_screen(w: Walk) -> None:
    if w.gui(lambda: w.win.stack.currentWidget() is w.win.sale):
        return
    if w.gui(lambda: w.win.stack.currentWidget() is w.win.payment and w.win.payment.new_button.isVisible()):
        leave_sale(w, None)
    else:
        w.click(*NAV_SALE)
        w.wait(lambda: w.win.stack.currentWidget() is w.win.sale, "the sale screen", 10)


def charge(w: Walk, amount: str, tyiyn: int, *, keyboard: bool = False) -> int:
    """Type ``amount`` (keys on screen, or the keyboard) and charge; returns the new sale's number."""
    to_sale_screen(w)
    before = w.gui(lambda: w.win.current.id if w.win.current is not None else 0)
    if keyboard:
        w.click("amountDisplay")            # a tap on the amount gives the keyboard to the sale
        w.type_text(amount)
        w.wait(lambda: w.win.sale.display.text().startswith(amount), f"{amount!r} in the amount display", 5)
        w.check("amount typed")
        w.key("Return")
    else:
        for key in amount:
            w.click(w.gui(lambda k=key: _keypad(w, k)), what=f"key {key}")
        w.click("chargeButton")
    w.wait(lambda: w.win.stack.currentWidget() is w.win.payment and w.win.current is not None
           and w.win.current.id != before, "the payment screen with a new sale", 15)
    shown = w.gui(lambda: w.win.current.amount_tyiyn)
    if shown != tyiyn:
        raise StepFailed(f"typed {amount!r} but the sale is for {shown} tyiyn")
    w.check("charged", amounts={"paymentAmount": tyiyn}, state="waiting", qr_tyiyn=tyiyn)
    return w.gui(lambda: w.win.current.id)


def _keypad(w: Walk, key: str):
    from PySide6.QtWidgets import QPushButton
    keys = [b for b in w.win.sale.findChildren(QPushButton) if b.text() == key]
    if not keys:
        raise StepFailed(f"no key {key!r} on the sale screen")
    return keys[0]


def requires(name: str) -> None:
    """The rest of the scenario needs ``name``: stop here, waiting for it, until the app has it."""
    if not implemented(name):
        raise Waiting(name)


# -- the scenarios --------------------------------------------------------------------------------
def paid(w: Walk) -> None:
    charge(w, "250", 25000, keyboard=True)
    w.click(*PHONE_EXACT)
    payment_state(w, "paid")
    w.check("paid", amounts={"paymentAmount": 25000, "receivedAmount": 25000}, state="paid")


def partial(w: Walk) -> None:
    charge(w, "240", 24000)
    w.click(*PHONE_HALF)
    payment_state(w, "attention")
    requires("stillDueAmount")
    # The customer sees what is left and a QR for exactly that (same sale).
    w.check("half paid", amounts={"receivedAmount": 12000, "stillDueAmount": 12000}, state="attention",
            qr_tyiyn=12000)
    customer_sees(w, "customer display: what is left", {"customerMoney": 12000}, qr_tyiyn=12000)
    w.click(*PHONE_EXACT)
    payment_state(w, "paid")
    w.check("rest paid", amounts={"paymentAmount": 24000, "receivedAmount": 24000}, state="paid")


def customer_sees(w: Walk, step: str, amounts: dict[str, int], qr_tyiyn: int | None = None) -> None:
    """The customer display (a second window) shows the customer the same money."""
    w.click(*NAV_CUSTOMER)
    w.wait(lambda: w.win.customer.isVisible(), "the customer display", 10)
    try:
        w.check(step, amounts=amounts, qr_tyiyn=qr_tyiyn)
    finally:
        # No window manager to close it with: the walk closes it so it covers nothing.
        w.gui(lambda: w.win.customer.close())


def overpay(w: Walk) -> None:
    charge(w, "150", 15000)
    w.click(*PHONE_OVER)
    payment_state(w, "attention")
    requires("changeAmount")
    w.check("paid 10 som more", amounts={"receivedAmount": 16000, "changeAmount": 1000}, state="attention")
    customer_sees(w, "customer display: the change", {"customerMoney": 1000})


def unmatched(w: Walk) -> None:
    first = charge(w, "300", 30000)
    leave_sale(w, "keepSaleOpen")
    charge(w, "200", 20000)
    # Half of this sale's amount: with two sales open it matches neither.
    w.click(*PHONE_HALF)
    requires("unmatchedAlert")
    w.wait(lambda: w.visible("unmatchedAlert"), "the alert about a payment that matched no sale", 25)
    w.check("payment matched no sale", state="waiting")
    w.click("unmatchedAssignButton")
    payment_state(w, "attention")
    w.wait(lambda: not w.visible("unmatchedAlert"), "the alert to go once assigned", 10)
    w.check("assigned to the sale on screen", amounts={"receivedAmount": 10000, "stillDueAmount": 10000},
            state="attention", qr_tyiyn=10000)
    w.click(*PHONE_EXACT)
    payment_state(w, "paid")
    w.check("rest paid", amounts={"receivedAmount": 20000}, state="paid")
    cancel_listed(w, first)


def leave(w: Walk) -> None:
    """"New sale" while a sale waits asks first: stay on it, then cancel it."""
    sale = charge(w, "50", 5000)
    w.click("newSaleButton")
    requires("leaveSaleDialog")
    w.wait(lambda: w.visible("leaveSaleDialog"), "the question about the waiting sale", 10)
    w.check("asked before leaving a waiting sale")
    w.click("stayOnSale")
    w.wait(lambda: not w.visible("leaveSaleDialog"), "the question to close", 10)
    if w.gui(lambda: w.win.stack.currentWidget() is not w.win.payment or w.win.current.id != sale):
        raise StepFailed("'Back to this sale' left the sale")
    w.check("stayed on the sale", amounts={"paymentAmount": 5000}, state="waiting")
    w.click("newSaleButton")
    w.wait(lambda: w.visible("leaveSaleDialog"), "the question about the waiting sale", 10)
    w.click("cancelWaitingSale")
    w.wait(lambda: w.win.stack.currentWidget() is w.win.sale, "the sale screen", 10)
    w.wait(lambda: w.win.ctx.service.get(sale).state.value == "invalid", "the sale to be cancelled", 10)
    w.check("waiting sale cancelled, new sale")


def cancel_listed(w: Walk, invoice_id: int) -> None:
    """The sale left open is cancelled from the sales list (so no later payment goes astray)."""
    requires("cancelListedSale")
    w.click(*NAV_LIST)
    w.wait(lambda: w.win.stack.currentWidget() is w.win.sales, "the sales list", 10)
    table = w.gui(lambda: w.win.sales.table)

    def row_rect():
        proxy = table.model()
        for r in range(proxy.rowCount()):
            source = proxy.mapToSource(proxy.index(r, 0)).row()
            if w.win.model.invoice_at(source).id == invoice_id:
                table.scrollTo(proxy.index(r, 1))
                rect = table.visualRect(proxy.index(r, 1))
                return table.viewport().mapToGlobal(rect.center())
        return None
    point = w.wait(row_rect, f"sale {invoice_id} in the list", 10)
    w.xdo("mousemove", str(point.x()), str(point.y()), "sleep", "0.05", "click", "1")
    w.click("cancelListedSale")
    w.settle(0.5)
    confirm = w.gui(_question_yes)
    if confirm is not None:
        w.check("asked before cancelling")
        w.click(confirm, what="yes")
    w.wait(lambda: w.win.ctx.service.get(invoice_id).state.value == "invalid", "the sale to be cancelled", 10)
    w.check("open sale cancelled from the list")


def _question_yes():
    from PySide6.QtWidgets import QApplication, QMessageBox
    for top in QApplication.topLevelWidgets():
        if isinstance(top, QMessageBox) and top.isVisible():
            for b in top.buttons():
                if top.buttonRole(b) in (QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.AcceptRole,
                                         QMessageBox.ButtonRole.DestructiveRole):
                    return b
    return None


def offline(w: Walk) -> None:
    chain_id = w.gui(lambda: w.win.cfg.network.chain_id)
    # Offline acceptance needs one contact first (limits, fees): wait for the first pass.
    w.wait(lambda: w.win.ctx.offline.last_sync_at(chain_id) is not None
           and w.win.ctx.offline.fee_floor(chain_id) is not None, "the first contact with the network", 40)
    w.click("demoNetworkSwitch")                  # the shop's connection drops
    w.wait(lambda: w.visible("offlineBar"), "the red offline bar", 20)
    w.check("network off")
    charge(w, "420", 42000)
    w.click("phoneSignOffline")
    w.wait(lambda: w.win.phone.hand_button.isEnabled(), "the phone's signed payment", 20)
    w.click("offlinePayButton")
    w.wait(lambda: w.win.stack.currentWidget() is w.win.offline.accept_screen, "the offline screen", 10)
    w.click("phoneHandOver")                      # the scan
    w.wait(lambda: w.win.offline.accept_screen.accept_button.isEnabled(), "a verdict to accept", 20)
    w.check("offline payment checked")
    w.click("acceptOfflineButton")
    payment_state(w, "offline", 20)
    w.check("accepted offline", amounts={"paymentAmount": 42000}, state="offline")
    w.click(*NAV_QUEUE)
    w.wait(lambda: w.win.stack.currentWidget() is w.win.offline.queue_view, "the offline queue", 10)
    w.check("queued offline")
    w.click("demoNetworkSwitch")                  # the connection is back
    w.wait(lambda: not w.visible("offlineBar"), "the offline bar to go", 40)
    w.wait(lambda: any(i.state.value == "final" for i in w.win.ctx.offline.list()), "the payment to be final", 60)
    w.check("final after the network came back")
    sale = w.gui(lambda: w.win.current.id)
    w.wait(lambda: w.win.ctx.service.get(sale).state.value == "settled", "the sale to be settled", 30)
    w.click(*NAV_LIST)
    w.wait(lambda: w.win.stack.currentWidget() is w.win.sales, "the sales list", 10)
    w.check("offline sale paid in the list")


def screens(w: Walk) -> None:
    to_sale_screen(w)
    w.check("sale screen")
    w.click(*NAV_LIST)
    w.wait(lambda: w.win.stack.currentWidget() is w.win.sales, "the sales list", 10)
    w.check("sales list")
    customer_sees(w, "customer display", {})
    w.click(*NAV_QUEUE)
    w.wait(lambda: w.win.stack.currentWidget() is w.win.offline.queue_view, "the offline queue", 10)
    w.check("offline queue")
    w.click(*NAV_SETTINGS)
    w.wait(lambda: w.win.stack.currentWidget() is w.win.settings, "the settings", 10)
    w.check("settings")
    w.click(*NAV_SALE)
    w.wait(lambda: w.win.stack.currentWidget() is w.win.sale, "the sale screen", 10)


SCENARIO_STEPS = {"paid": paid, "partial": partial, "overpay": overpay, "unmatched": unmatched, "leave": leave,
                  "offline": offline, "screens": screens}


def recover(w: Walk) -> None:
    """After a failed scenario: close what is open and start the next one from a new sale."""
    from PySide6.QtWidgets import QApplication, QDialog

    def tidy() -> None:
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                top.reject()
        if w.win.phone is not None and not w.win.phone.network_button.isChecked():
            w.win.phone.network_button.setChecked(True)
        if w.win.customer.isVisible():
            w.win.customer.close()
        # A sale the failed scenario left waiting would take the next scenario's partial payment
        # (two open sales: it matches neither): cancel it.
        waiting = w.win.checkout.waiting()
        if waiting is not None:
            w.win.checkout.cancel(waiting.id, then_new=True)
        else:
            w.win.checkout.new_sale()
    try:
        w.gui(tidy)
        w.wait(lambda: w.win.stack.currentWidget() is w.win.sale and w.win.current is None, "a new sale", 10)
    except Exception:  # noqa: BLE001 - the next scenario reports what is still wrong
        pass
