"""The checkout's controller: the sale on screen from the keypad to the QR, and the customer display.

It owns the sale and payment screens and the customer display, charges on the database worker,
cancels, and follows ``InvoiceChanged`` for the sale it shows (paid, expired, accepted offline):
the payment screen is redrawn from the event's invoice, whoever changed it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QStackedWidget

from pos_app.core.events import InvoiceChanged
from pos_app.core.reasons import R
from pos_app.core.money import Tyiyn
from pos_app.ui.screens.sale.sale_screen import SaleScreen
from pos_app.ui.shell.bridge import EventBridge, Worker
from pos_app.ui.shell.core_text import error_text
from pos_app.ui.widgets.ask import ask

if TYPE_CHECKING:
    from pos_app.app.till import Till
    from pos_app.invoices.service import Invoice
    from pos_app.shop.config import ShopConfig
    from pos_app.ui.screens.sale.customer_display import CustomerDisplay
    from pos_app.ui.screens.sale.payment_screen import PaymentScreen


class CheckoutController(QObject):
    offline_requested = Signal()    # the customer hands over a signed payment for the sale on screen

    def __init__(self, till: Till, *, bridge: EventBridge, db: Worker, stack: QStackedWidget, language: str,
                 config: "ShopConfig", charged: Callable[["Invoice"], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.db = db
        self.stack = stack
        self.language = language
        self.cfg = config
        self.charged = charged            # told of every new sale (the window wakes the watcher)
        self.current: Invoice | None = None
        self._online = True
        self.dialog: QMessageBox | None = None   # the question on screen, if any (tests and the walk find it)
        self.sale = SaleScreen(language)
        self.stack.addWidget(self.sale)
        self.sale.charge.connect(self.charge)
        # Not needed for the first sale: built on first use (or right after the first paint).
        self._payment: PaymentScreen | None = None
        self._customer: CustomerDisplay | None = None
        bridge.on(self.on_invoice_changed, InvoiceChanged)

    @property
    def payment(self) -> PaymentScreen:
        if self._payment is None:
            from pos_app.ui.screens.sale.payment_screen import PaymentScreen
            self._payment = PaymentScreen(self.language, trust_coin=self.cfg.network.trust_coin)
            self._payment.set_default_format(self.cfg.qr_format)
            self._payment.set_short_tolerance(self.cfg.short_tolerance)
            self._payment.set_online(self._online)
            self._payment.new_sale.connect(self.leave_sale)
            self._payment.cancel_sale.connect(self.ask_cancel)
            self._payment.charge_again.connect(self.charge_again)
            self._payment.accept_short.connect(self.ask_accept_short)
            self._payment.shown.connect(self._mirror)
            self._payment.offline_requested.connect(self.offline_requested.emit)
            self.stack.addWidget(self._payment)
        return self._payment

    @property
    def customer(self) -> CustomerDisplay:
        if self._customer is None:
            from pos_app.ui.screens.sale.customer_display import CustomerDisplay
            self._customer = CustomerDisplay(self.language)
            if self.current is not None:
                self._mirror()
        return self._customer

    def _mirror(self) -> None:
        p = self.payment
        self.customer.follow(self.current, p.uri, getattr(p, "state_key", "waiting"), getattr(p, "state_text", ""))

    def set_config(self, cfg: "ShopConfig") -> None:
        self.cfg = cfg
        if self._payment is not None:  # otherwise it is built from self.cfg
            self._payment.trust_coin = cfg.network.trust_coin
            self._payment.set_default_format(cfg.qr_format)
            self._payment.set_short_tolerance(cfg.short_tolerance)

    def set_language(self, language: str) -> None:
        self.language = language
        for w in (self.sale, self._payment, self._customer):
            if w is not None:
                w.language = language

    def retranslate(self) -> None:
        for w in (self.sale, self._payment, self._customer):
            if w is not None:
                w.retranslate()

    # -- the sale ----------------------------------------------------------------------------------
    def waiting(self) -> Invoice | None:
        """The sale on screen while money is still owed on it (leaving it must not go unnoticed)."""
        from pos_app.invoices.lifecycle import InvoiceState
        inv = self.current
        if inv is None or inv.offline_id is not None:
            return None
        if inv.state == InvoiceState.NEW or (inv.state == InvoiceState.EXPIRED and inv.paid_seen):
            return inv
        return None

    def leave_sale(self) -> None:
        """"New sale" while a sale waits: ask whether to keep it open, cancel it, or stay."""
        inv = self.waiting()
        if inv is None:
            self.new_sale()
            return
        from pos_app.core.money import format_som
        text = self.tr("This sale is still waiting for %1.").replace("%1", format_som(
            inv.still_due_tyiyn, self.language))
        if inv.paid_seen:
            text += " " + self.tr("%1 has been received on it.").replace("%1", format_som(
                inv.received_tyiyn, self.language))
        text += " " + self.tr("A sale kept open is still paid if the customer pays; find it under Sales.")
        Role = QMessageBox.ButtonRole

        def chosen(name: str) -> None:
            if name == "keepSaleOpen":
                self.new_sale()
            elif name == "cancelWaitingSale":
                self.cancel(inv.id, then_new=True)
        self.dialog = ask(self.payment, "leaveSaleDialog", text, [
            ("keepSaleOpen", self.tr("Keep it open, new sale"), Role.AcceptRole),
            ("cancelWaitingSale", self.tr("Cancel this sale"), Role.DestructiveRole),
            ("stayOnSale", self.tr("Back to this sale"), Role.RejectRole)], chosen)

    def ask_cancel(self, invoice_id: int) -> None:
        inv = self.current if self.current is not None and self.current.id == invoice_id else None
        text = self.tr("Cancel this sale? A payment that arrives later is kept for you to give back.")
        if inv is not None and inv.paid_seen:
            from pos_app.core.money import format_som
            text += " " + self.tr("%1 has been received on it: give it back.").replace(
                "%1", format_som(inv.received_tyiyn, self.language))
        Role = QMessageBox.ButtonRole
        self.dialog = ask(self.payment, "cancelSaleDialog", text, [
            ("confirmCancelSale", self.tr("Cancel the sale"), Role.DestructiveRole),
            ("keepSale", self.tr("Keep the sale"), Role.RejectRole)],
            lambda name: self.cancel(invoice_id) if name == "confirmCancelSale" else None)

    def ask_accept_short(self, invoice_id: int) -> None:
        """"Accept as paid (short …)": asked first, like cancelling; the service decides and audits."""
        inv = self.current if self.current is not None and self.current.id == invoice_id else None
        if inv is None:
            return
        from pos_app.core.money import format_som
        text = (self.tr("Accept sale %1 as paid although %2 is missing? The customer's exchange may have kept a "
                        "fee. The shortfall is written in the sale's history.")
                .replace("%1", str(inv.id)).replace("%2", format_som(inv.still_due_tyiyn, self.language)))
        Role = QMessageBox.ButtonRole
        self.dialog = ask(self.payment, "acceptShortDialog", text, [
            ("confirmAcceptShort", self.tr("Accept as paid"), Role.AcceptRole),
            ("keepWaitingForRest", self.tr("Keep waiting for the rest"), Role.RejectRole)],
            lambda name: self.accept_short(invoice_id) if name == "confirmAcceptShort" else None)

    def accept_short(self, invoice_id: int) -> None:
        self.payment.short_button.setEnabled(False)

        def done(inv: Invoice) -> None:
            self.payment.short_button.setEnabled(True)
            if self.current is not None and self.current.id == inv.id:
                self.current = inv
            self.payment.update_invoice(inv)      # (the InvoiceChanged event says it too)

        def refused(err) -> None:
            self.payment.short_button.setEnabled(True)
            self.payment.advice.setText(error_text(err))
        self.db.run(lambda: self.till.accept_short(invoice_id, actor="cashier"), done, refused)

    def charge_again(self, invoice_id: int) -> None:
        self.db.run(lambda: self.till.charge_again(invoice_id, actor="cashier"), self.resume,
                    lambda err: self.payment.advice.setText(error_text(err)))

    def resume(self, inv: Invoice) -> None:
        """Show ``inv`` on the payment screen as the sale on screen (reopened from the list, asked again)."""
        self.current = inv
        self.payment.show_invoice(inv)
        self.stack.setCurrentWidget(self.payment)
        if self.charged is not None:
            self.charged(inv)       # its amount is watched again

    def set_online(self, online: bool) -> None:
        if self._payment is not None:
            self._payment.set_online(online)
        self._online = online

    def new_sale(self) -> None:
        self.current = None
        if self._customer is not None:
            self._customer.show_welcome()
        self.sale.reset()
        self.stack.setCurrentWidget(self.sale)
        self.sale.setFocus()

    def charge(self, amount: int) -> None:
        self.sale.charge_button.setEnabled(False)
        self.db.run(lambda: self.till.charge(Tyiyn(amount)), self._charged, self._charge_failed)

    def _charged(self, inv: Invoice) -> None:
        self.sale.charge_button.setEnabled(True)
        self.current = inv
        self.payment.show_invoice(inv)
        self.stack.setCurrentWidget(self.payment)
        if self.charged is not None:
            self.charged(inv)

    def _charge_failed(self, err) -> None:
        self.sale.charge_button.setEnabled(True)
        self.sale.message.setText(error_text(err))

    def cancel(self, invoice_id: int, *, then_new: bool = False) -> None:
        self.db.run(lambda: self.till.cancel(invoice_id, actor="cashier", reason=R("sale_cancelled")),
                    (lambda _inv: self.new_sale()) if then_new else None,
                    lambda err: self.payment.advice.setText(error_text(err)))

    def show_payment(self, inv: Invoice | None = None) -> None:
        """Back to the payment screen, with ``inv`` when another screen changed the sale."""
        if inv is not None:
            if self.current is not None and self.current.id == inv.id:
                self.current = inv
            self.payment.show_invoice(inv)
        self.stack.setCurrentWidget(self.payment)

    def on_invoice_changed(self, e: InvoiceChanged) -> None:
        inv = e.invoice
        if self.current is not None and inv.id == self.current.id:
            self.current = inv
        if self._payment is not None:
            self._payment.update_invoice(inv)

    def close(self) -> None:
        if self._customer is not None:
            self._customer.close()
