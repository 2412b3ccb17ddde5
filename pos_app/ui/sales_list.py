"""Today's sales: a sortable, filterable table of invoices with the payer and transaction."""
from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from pos_app.ui.models import InvoiceTableModel


class SalesList(QWidget):
    def __init__(self, model: InvoiceTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size:18pt;font-weight:bold;")
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumHeight(40)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setStyleSheet("font-size:13pt;")
        lay.addWidget(self.title)
        lay.addWidget(self.filter)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Today's sales"))
        self.filter.setPlaceholderText(self.tr("Search: amount, state, payer, transaction…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
