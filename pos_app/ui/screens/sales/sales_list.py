"""Today's sales: a sortable, filterable table of invoices with the payer and transaction."""
from __future__ import annotations

import html

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from pos_app.core.money import base_units_to_decimal_str, format_som
from pos_app.ui.models.tables import SEARCH_ROLE, InvoiceTableModel, PaymentTableModel


def _table(model) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    t.verticalHeader().setVisible(False)
    t.setStyleSheet("font-size:13pt;")
    return t


class SalesList(QWidget):
    assign = Signal(int, int)           # payment id, invoice id
    selected = Signal(int)              # invoice id: the window loads its details

    def __init__(self, model: InvoiceTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.unmatched_model = PaymentTableModel(self)
        self.explorer: str | None = None
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # One search text per sale (models.tables.SEARCH_ROLE), kept on column 0.
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterKeyColumn(0)
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size:18pt;font-weight:bold;")
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumHeight(40)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = _table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = QLabel()
        self.detail.setObjectName("invoiceDetail")
        self.detail.setWordWrap(True)
        self.detail.setOpenExternalLinks(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setStyleSheet("background:#f4f6f8;padding:8px;font-size:12pt;")
        self.unmatched_title = QLabel()
        self.unmatched_title.setStyleSheet("font-size:14pt;font-weight:bold;")
        self.unmatched = _table(self.unmatched_model)
        self.unmatched.setMaximumHeight(130)
        self.assign_button = QPushButton()
        self.assign_button.setMinimumHeight(44)
        self.assign_button.clicked.connect(self._assign)
        self.assign_message = QLabel()
        self.assign_message.setWordWrap(True)
        lay.addWidget(self.title)
        lay.addWidget(self.filter)
        # The table takes the page's whole width (a shop screen is often only 1024 px wide) and
        # the selected sale's story goes under it, not beside it.
        lay.addWidget(self.table, 1)
        lay.addWidget(self.detail)
        lay.addWidget(self.unmatched_title)
        lay.addWidget(self.unmatched)
        row = QHBoxLayout()
        row.addWidget(self.assign_button)
        row.addWidget(self.assign_message, 1)
        lay.addLayout(row)
        self.retranslate()

    def selected_invoice_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.invoice_at(self.proxy.mapToSource(rows[0]).row()).id

    def _selection_changed(self, *_args) -> None:
        inv_id = self.selected_invoice_id()
        if inv_id is not None:
            self.selected.emit(inv_id)

    def show_detail(self, inv, payments: list[dict], history: list[dict], language: str) -> None:
        """The invoice's story: amount, state, every payment with a link to the block explorer."""
        title = self.tr("Invoice %1").replace("%1", str(inv.id))
        lines = [f"<b>{html.escape(title)}</b>: "
                 f"{html.escape(format_som(inv.amount_tyiyn, language))} — {html.escape(self.model.state_text(inv))}"]
        for p in payments:
            amount = base_units_to_decimal_str(int(p["value"]), inv.decimals)
            tx = html.escape(p["tx_hash"])
            link = (f'<a href="{html.escape(self.explorer.rstrip("/"))}/tx/{tx}">{tx[:18]}…</a>'
                    if self.explorer else f"{tx[:18]}…")
            lines.append(self.tr("Payment %1 from %2: %3").replace("%1", amount)
                         .replace("%2", html.escape(p["payer"][:10]) + "…").replace("%3", link))
        for h in history:
            lines.append(f"<small>{html.escape(str(h['from_state'] or ''))} → {html.escape(h['to_state'])}: "
                         f"{html.escape(h['reason'])}</small>")
        self.detail.setText("<br>".join(lines))

    def _assign(self) -> None:
        rows = self.unmatched.selectionModel().selectedRows()
        inv_id = self.selected_invoice_id()
        if not rows or inv_id is None:
            self.assign_message.setText(self.tr("Select an unmatched payment and the invoice it pays."))
            return
        self.assign.emit(int(self.unmatched_model.payment_at(rows[0].row())["id"]), inv_id)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Today's sales"))
        self.filter.setPlaceholderText(self.tr("Search: amount, state, payer, transaction…"))
        self.unmatched_title.setText(self.tr("Unmatched payments (no invoice found)"))
        self.assign_button.setText(self.tr("Assign to selected invoice"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
