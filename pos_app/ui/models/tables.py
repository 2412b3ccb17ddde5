"""Qt table models over core data (checked with pytest-qt's qtmodeltester)."""
from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pos_app.invoices.service import Invoice
from pos_app.core.money import format_som

Index = QModelIndex | QPersistentModelIndex


def _short(hex_text: str) -> str:
    """0x86cB…aA5F: enough to compare by eye; the full value is in the tooltip and the filter."""
    return f"{hex_text[:6]}…{hex_text[-4:]}" if len(hex_text) > 14 else hex_text


# What the sales list's search box looks through: every word the screen shows for a sale and the
# full values it shortens (the whole payer address and transaction), not only the cell texts.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class InvoiceTableModel(QAbstractTableModel):
    COLUMNS = ("time", "number", "amount", "state", "payer", "tx")

    def __init__(self, language: str = "ru", parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[Invoice] = []
        self._payers: dict[int, tuple[str, str]] = {}

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("No."), self.tr("Amount"), self.tr("State"), self.tr("Payer"),
                self.tr("Transaction")]

    def set_rows(self, invoices: list[Invoice], payers: dict[int, tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows = list(invoices)
        self._payers = dict(payers)
        self.endResetModel()

    def upsert(self, inv: Invoice) -> None:
        for i, row in enumerate(self._rows):
            if row.id == inv.id:
                self._rows[i] = inv
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.COLUMNS) - 1))
                return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, inv)
        self.endInsertRows()

    def invoice_at(self, row: int) -> Invoice:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def state_text(self, inv: Invoice) -> str:
        names = {"new": self.tr("Waiting"), "processing": self.tr("Confirming"), "settled": self.tr("Paid"),
                 "expired": self.tr("Expired"), "invalid": self.tr("Cancelled")}
        flags = {"paid_partial": self.tr("partly paid"), "paid_over": self.tr("overpaid"),
                 "paid_late": self.tr("paid late")}
        extra = [flags[f] for f in inv.flags.labels()]
        return names[inv.state.value] + (f" ({', '.join(extra)})" if extra else "")

    def search_text(self, inv: Invoice, payer: str, tx: str) -> str:
        """The sale as the cashier may look for it: the row's texts in the shop's language, the
        words of its state and flags (also as the detail panel and history name them), the
        amount as typed ("150", "150,50", "150.50"), the memo, and the full payer and transaction."""
        whole, cents = divmod(int(inv.amount_tyiyn), 100)
        words = [time.strftime("%H:%M:%S", time.localtime(inv.created_at)), str(inv.id),
                 format_som(inv.amount_tyiyn, self.language), f"{whole},{cents:02d}", f"{whole}.{cents:02d}",
                 str(whole) if not cents else "", self.state_text(inv), inv.state.value,
                 *inv.flags.labels(),
                 inv.memo or "", payer, tx]
        return " ".join(w for w in words if w)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        inv = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        payer, tx = self._payers.get(inv.id, ("", ""))
        if role == Qt.ItemDataRole.DisplayRole:
            return {"time": time.strftime("%H:%M:%S", time.localtime(inv.created_at)), "number": str(inv.id),
                    "amount": format_som(inv.amount_tyiyn, self.language), "state": self.state_text(inv),
                    "payer": _short(payer), "tx": _short(tx)}[col]
        if role == SEARCH_ROLE:
            return self.search_text(inv, payer, tx)
        if role == Qt.ItemDataRole.ToolTipRole and col in ("payer", "tx"):
            return payer if col == "payer" else tx
        if role == Qt.ItemDataRole.UserRole:  # sort keys: numbers sort as numbers
            return {"time": inv.created_at, "number": inv.id, "amount": int(inv.amount_tyiyn),
                    "state": inv.state.value, "payer": self._payers.get(inv.id, ("", ""))[0],
                    "tx": self._payers.get(inv.id, ("", ""))[1]}[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return self.headers()[section]
        return None


class PaymentTableModel(QAbstractTableModel):
    """Payments (e.g. the unmatched inbox): block, payer, amount, transaction."""

    COLUMNS = ("block", "payer", "amount", "tx")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self.decimals = 6

    def set_rows(self, rows: list[dict[str, Any]], decimals: int | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if decimals is not None:
            self.decimals = decimals
        self.endResetModel()

    def payment_at(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        p = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            from pos_app.core.money import base_units_to_decimal_str
            return {"block": str(p["block_number"]), "payer": _short(p["payer"]),
                    "amount": base_units_to_decimal_str(int(p["value"]), self.decimals), "tx": _short(p["tx_hash"])}[col]
        if role == SEARCH_ROLE:
            return self.search_text(inv, payer, tx)
        if role == Qt.ItemDataRole.ToolTipRole and col in ("payer", "tx"):
            return p["payer"] if col == "payer" else p["tx_hash"]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return [self.tr("Block"), self.tr("Payer"), self.tr("Amount"), self.tr("Transaction")][section]
        return None
