"""The sales list's controller: today's invoices, the unmatched inbox, an invoice's story, assigning.

It subscribes to the invoice events it shows, so a sale charged, paid, accepted offline or
cancelled reaches the list one way: the event's invoice replaces its row (a payment seen also
reloads the payers and the inbox). ``reload()`` reads everything again (opening the list,
another language). Reads and the cashier's assignment run on the database worker.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget

from pos_app.core.events import InvoiceChanged, InvoiceCreated, PaymentRemoved, PaymentSeen
from pos_app.core.reasons import R
from pos_app.ui.shell.bridge import EventBridge, Worker
from pos_app.ui.shell.core_text import error_text

if TYPE_CHECKING:
    from pos_app.app.till import SalesDay, Till
    from pos_app.ui.models.tables import InvoiceTableModel
    from pos_app.ui.screens.sales.sales_list import SalesList



class SalesController(QObject):
    open_sale = Signal(object)      # an Invoice to show on the payment screen (reopened from the list)

    def __init__(self, till: Till, *, bridge: EventBridge, db: Worker, stack: QStackedWidget, language: str,
                 explorer: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.db = db
        self.stack = stack
        self.language = language
        self.explorer = explorer
        self._model: InvoiceTableModel | None = None
        self._screen: SalesList | None = None
        bridge.on(self.on_invoice, InvoiceCreated, InvoiceChanged)
        # A payment that matched no sale must show in the inbox at once; a burst of them (a
        # catch-up after a day offline) is read once.
        self._reload_soon = QTimer(self)
        self._reload_soon.setSingleShot(True)
        self._reload_soon.setInterval(300)
        self._reload_soon.timeout.connect(self.reload)
        bridge.on(lambda _e: self._reload_soon.start(), PaymentSeen, PaymentRemoved)

    @property
    def model(self) -> InvoiceTableModel:
        """Today's invoices (built on first use: table models need the ``Qt`` namespace)."""
        if self._model is None:
            from pos_app.ui.models.tables import InvoiceTableModel
            self._model = InvoiceTableModel(self.language, self)
        return self._model

    @property
    def screen(self) -> SalesList:
        if self._screen is None:
            from pos_app.ui.screens.sales.sales_list import SalesList
            self._screen = SalesList(self.model)
            self._screen.explorer = self.explorer
            self._screen.assign.connect(self.assign_payment)
            self._screen.selected.connect(self.load_detail)
            self._screen.reopen.connect(self.reopen)
            self._screen.cancel.connect(self.cancel)
            self._screen.name_payer.connect(self.name_payer)
            self.stack.addWidget(self._screen)
        return self._screen

    def set_explorer(self, explorer: str | None) -> None:
        self.explorer = explorer
        if self._screen is not None:
            self._screen.explorer = explorer

    def set_language(self, language: str) -> None:
        self.language = language
        self.model.language = language
        if self._screen is not None:
            self._screen.unmatched_model.language = language
            self._screen.retranslate()
        self.reload()

    def on_invoice(self, e: InvoiceCreated | InvoiceChanged) -> None:
        self.model.upsert(e.invoice)
        if isinstance(e, InvoiceChanged) and e.invoice.paid_seen:
            self._reload_soon.start()   # the payer column and the inbox changed too
        if self._screen is not None and self._screen.selected_invoice_id() == e.invoice.id:
            self.load_detail(e.invoice.id)

    def reload(self) -> None:
        def loaded(day: SalesDay) -> None:
            self.model.set_rows(day.sales, day.last_payers, day.names)
            self.screen.unmatched_model.set_rows(day.unmatched, day.decimals, day.names)
            self.screen.names = day.names
        self.db.run(self.till.sales_day, loaded)

    def load_detail(self, invoice_id: int) -> None:
        self.db.run(lambda: self.till.sale_detail(invoice_id), lambda r: self.screen.show_detail(*r, self.language))

    def reopen(self, invoice_id: int) -> None:
        """Back to the payment screen for a listed sale: as it is while it waits, asked again once expired."""
        self.db.run(lambda: self.till.open_again(invoice_id, actor="cashier"), self.open_sale.emit, lambda err: self.screen.assign_message.setText(error_text(err)))

    def cancel(self, invoice_id: int) -> None:
        self.db.run(lambda: self.till.cancel(invoice_id, actor="cashier", reason=R("sale_cancelled")),
                    lambda inv: self.screen.assign_message.setText(
                        self.tr("Sale %1 is cancelled.").replace("%1", str(inv.id))),
                    lambda err: self.screen.assign_message.setText(error_text(err)))

    def name_payer(self, address: str) -> None:
        try:
            from pos_app.ui.screens.sales.payer_name import ask_payer_name
        except ImportError:   # the dialog is not in this build
            return
        ask_payer_name(self.screen, self.till, self.db, address, lambda *_a: self.reload())

    def assign_payment(self, payment_id: int, invoice_id: int) -> None:
        def done(inv) -> None:
            self.screen.assign_message.setText(self.tr("Added: sale %1 is up to date.")
                                               .replace("%1", str(inv.id)))
            self.reload()
            self.load_detail(inv.id)
        self.db.run(lambda: self.till.assign(payment_id, invoice_id, actor="cashier"), done,
                    lambda err: self.screen.assign_message.setText(error_text(err)))
