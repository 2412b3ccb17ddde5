"""The offline queue screen: what waits to be sent, how much of the limits it uses, and the deadline."""
from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from pos_app.money import Tyiyn, format_som
from pos_app.ui.widgets import big_font

Index = QModelIndex | QPersistentModelIndex
FAILED = {"rejected", "expired", "double_spent", "insufficient_funds", "reverted", "cancelled"}


class QueueTableModel(QAbstractTableModel):
    COLUMNS = ("number", "time", "amount", "payer", "invoice", "kind", "state", "reason")

    def __init__(self, language: str = "ru", parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[Any] = []

    def set_rows(self, items: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return [self.tr("No."), self.tr("Time"), self.tr("Amount"), self.tr("Payer"), self.tr("Sale"),
                self.tr("Kind"), self.tr("State"), self.tr("Reason")][section]

    def state_text(self, state: str) -> str:
        return {"received": self.tr("Received"), "queued": self.tr("Waiting for network"),
                "submitted": self.tr("Sent"), "included": self.tr("In a block"), "final": self.tr("Done"),
                "rejected": self.tr("Refused by network"), "expired": self.tr("Expired"),
                "double_spent": self.tr("Spent elsewhere"), "insufficient_funds": self.tr("No funds"),
                "reverted": self.tr("Failed on chain"), "cancelled": self.tr("Cancelled by payer"),
                "needs_attention": self.tr("Needs attention")}.get(state, state)

    def reason_text(self, reason: str) -> str:
        """Reasons the core writes in English for the history; the known ones are shown translated."""
        return {"verified offline": self.tr("Checked offline, waiting for the network")}.get(reason, reason)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        it = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        state = it.state.value
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "number": str(it.id),
                "time": time.strftime("%d.%m %H:%M", time.localtime(it.received_at)),
                "amount": format_som(Tyiyn(it.amount_tyiyn), self.language),
                "payer": f"{it.payer[:6]}…{it.payer[-4:]}",
                "invoice": str(it.invoice_id),
                "kind": self.tr("Signed transfer") if it.kind == "raw_tx" else self.tr("Authorization"),
                "state": self.state_text(state),
                "reason": self.reason_text(it.reason),
            }[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == "payer":
            return it.payer
        if role == Qt.ItemDataRole.ForegroundRole and col == "state":
            if state in FAILED or state == "needs_attention":
                return QColor("#b71c1c")
            return QColor("#1b5e20") if state == "final" else QColor("#8a5300")
        if role == Qt.ItemDataRole.UserRole:
            return it.id
        return None


class QueueView(QWidget):
    def __init__(self, language: str = "ru", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.summary_data = None
        root = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setFont(big_font(self, 20))
        self.totals = QLabel()
        self.totals.setObjectName("queueTotals")
        self.totals.setFont(big_font(self, 15, bold=False))
        self.totals.setWordWrap(True)
        self.deadline = QLabel()
        self.deadline.setObjectName("queueDeadline")
        self.deadline.setFont(big_font(self, 15))
        self.deadline.setWordWrap(True)
        self.model = QueueTableModel(language, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        root.addWidget(self.title)
        root.addWidget(self.totals)
        root.addWidget(self.deadline)
        root.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Offline payments"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(QueueTableModel.COLUMNS) - 1)
        if self.summary_data is not None:
            self.show_summary(self.summary_data)

    def set_data(self, items: list[Any], summary: Any) -> None:
        self.model.set_rows(items)
        self.show_summary(summary)

    def show_summary(self, s: Any, now: float | None = None) -> None:
        self.summary_data = s
        lim = s.limits
        self.totals.setText(
            self.tr("Waiting: %1 payments, %2. Limits used: %3 of %4, %5 of %6 payments. Failed: %7.")
            .replace("%1", str(s.pending_count)).replace("%2", format_som(Tyiyn(s.pending_tyiyn), self.language))
            .replace("%3", format_som(Tyiyn(s.pending_tyiyn), self.language))
            .replace("%4", format_som(Tyiyn(lim.total_tyiyn), self.language))
            .replace("%5", str(s.pending_count)).replace("%6", str(lim.max_items))
            .replace("%7", str(s.failed_count)))
        self.tick(now)

    def tick(self, now: float | None = None) -> None:
        s = self.summary_data
        if s is None:
            return
        now = time.time() if now is None else now
        if s.deadline is None:
            self.deadline.setStyleSheet("")
            self.deadline.setText(self.tr("Nothing waits to be sent."))
            return
        left = int(s.deadline - now)
        if left <= 0:
            self.deadline.setStyleSheet("color:#b71c1c;")
            self.deadline.setText(self.tr("The sending deadline has passed: connect to the network now. "
                                          "New offline payments are refused."))
            return
        warn = s.warn_at is not None and now >= s.warn_at
        self.deadline.setStyleSheet("color:#b71c1c;" if warn else "color:#8a5300;")
        self.deadline.setText(self.tr("Send within %1 h %2 min (connect to the network before then).")
                              .replace("%1", str(left // 3600)).replace("%2", str(left % 3600 // 60)))
