"""The sales list's controller: today's invoices, the unmatched inbox, an invoice's story, assigning.

It subscribes to the invoice events it shows, so a sale charged, paid, accepted offline or
cancelled reaches the list one way: the event's invoice replaces its row (a payment seen also
reloads the payers and the inbox). ``reload()`` reads everything again (opening the list,
another language). Reads and the cashier's assignment run on the database worker.
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStackedWidget

from pos_app.core.events import InvoiceChanged, InvoiceCreated
from pos_app.ui.shell.bridge import EventBridge, Worker

if TYPE_CHECKING:
    from pos_app.ui.models.tables import InvoiceTableModel
    from pos_app.ui.screens.sales.sales_list import SalesList

DAY_S = 24 * 3600


class SalesController(QObject):
    def __init__(self, ctx: Any, *, bridge: EventBridge, db: Worker, stack: QStackedWidget, language: str,
                 explorer: str | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db = db
        self.stack = stack
        self.language = language
        self.explorer = explorer
        self._model: InvoiceTableModel | None = None
        self._screen: SalesList | None = None
        bridge.on(self.on_invoice, InvoiceCreated, InvoiceChanged)

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
            self._screen.retranslate()
        self.reload()

    def on_invoice(self, e: InvoiceCreated | InvoiceChanged) -> None:
        self.model.upsert(e.invoice)
        if isinstance(e, InvoiceChanged) and e.invoice.paid_seen:
            self.reload()   # the payer and the transaction columns, and the inbox, changed too

    def reload(self) -> None:
        svc = self.ctx.service
        since = int(time.time()) - DAY_S

        def load():
            invs = svc.list(since=since)
            payers = {}
            for inv in invs:
                pays = svc.payments_for(inv.id)
                if pays:
                    payers[inv.id] = (pays[-1]["payer"], pays[-1]["tx_hash"])
            return invs, payers, svc.unmatched()

        def loaded(r) -> None:
            invs, payers, unmatched = r
            self.model.set_rows(invs, payers)
            self.screen.unmatched_model.set_rows(unmatched)
        self.db.run(load, loaded)

    def load_detail(self, invoice_id: int) -> None:
        svc = self.ctx.service
        self.db.run(lambda: (svc.get(invoice_id), svc.payments_for(invoice_id), svc.history(invoice_id)),
                    lambda r: self.screen.show_detail(*r, self.language))

    def assign_payment(self, payment_id: int, invoice_id: int) -> None:
        def done(inv) -> None:
            self.screen.assign_message.setText(self.tr("Assigned: invoice %1 is now up to date.")
                                               .replace("%1", str(inv.id)))
            self.reload()
            self.load_detail(inv.id)
        self.db.run(lambda: self.ctx.service.assign_payment(payment_id, invoice_id, actor="cashier"), done,
                    lambda err: self.screen.assign_message.setText(err.user_message))
