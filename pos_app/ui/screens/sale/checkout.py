"""The checkout's controller: the sale on screen from the keypad to the QR, and the customer display.

It owns the sale and payment screens and the customer display, charges on the database worker,
cancels, and follows ``InvoiceChanged`` for the sale it shows (paid, expired, accepted offline):
the payment screen is redrawn from the event's invoice, whoever changed it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget

from pos_app.core.events import InvoiceChanged
from pos_app.core.money import Tyiyn
from pos_app.ui.screens.sale.sale_screen import SaleScreen
from pos_app.ui.shell.bridge import EventBridge, Worker

if TYPE_CHECKING:
    from pos_app.invoices.service import Invoice
    from pos_app.shop.config import ShopConfig
    from pos_app.ui.screens.sale.customer_display import CustomerDisplay
    from pos_app.ui.screens.sale.payment_screen import PaymentScreen


class CheckoutController(QObject):
    offline_requested = Signal()    # the customer hands over a signed payment for the sale on screen

    def __init__(self, ctx: Any, *, bridge: EventBridge, db: Worker, stack: QStackedWidget, language: str,
                 config: "ShopConfig", charged: Callable[["Invoice"], None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db = db
        self.stack = stack
        self.language = language
        self.cfg = config
        self.charged = charged            # told of every new sale (the window wakes the watcher)
        self.current: Invoice | None = None
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
            self._payment.new_sale.connect(self.new_sale)
            self._payment.cancel_sale.connect(self.cancel)
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
    def new_sale(self) -> None:
        self.current = None
        if self._customer is not None:
            self._customer.show_welcome()
        self.sale.reset()
        self.stack.setCurrentWidget(self.sale)
        self.sale.setFocus()

    def charge(self, amount: int) -> None:
        self.sale.charge_button.setEnabled(False)
        self.db.run(lambda: self.ctx.create_invoice(Tyiyn(amount)), self._charged, self._charge_failed)

    def _charged(self, inv: Invoice) -> None:
        self.sale.charge_button.setEnabled(True)
        self.current = inv
        self.payment.show_invoice(inv)
        self.stack.setCurrentWidget(self.payment)
        if self.charged is not None:
            self.charged(inv)

    def _charge_failed(self, err) -> None:
        self.sale.charge_button.setEnabled(True)
        self.sale.message.setText(err.user_message)

    def cancel(self, invoice_id: int) -> None:
        from pos_app.invoices.lifecycle import InvoiceState
        self.db.run(lambda: self.ctx.service.mark(invoice_id, InvoiceState.INVALID, actor="cashier",
                                                  reason="sale cancelled"),
                    None, lambda err: self.payment.advice.setText(err.user_message))

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
