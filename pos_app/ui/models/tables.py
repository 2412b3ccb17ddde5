"""Qt table models over core data (checked with pytest-qt's qtmodeltester)."""
from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pos_app.invoices.model import Invoice
from pos_app.core.money import Tyiyn, base_units_to_decimal_str, base_units_to_tyiyn, format_som
from pos_app.shop.payers import payer_label
from pos_app.ui.shell.reasons import invoice_state_text

Index = QModelIndex | QPersistentModelIndex


# What the sales list's search box looks through: every word the screen shows for a sale and the
# full values it shortens (the whole payer address and transaction), not only the cell texts.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class InvoiceTableModel(QAbstractTableModel):
    # No transaction column: a hash means nothing at the counter (it is in the detail and the search).
    COLUMNS = ("time", "number", "amount", "received", "due", "change", "state", "payer")

    def __init__(self, language: str = "ru", parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[Invoice] = []
        self._payers: dict[int, tuple[str, str]] = {}
        self._names: dict[str, str] = {}

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("No."), self.tr("Price"), self.tr("Received"), self.tr("Still due"),
                self.tr("Give back"), self.tr("State"), self.tr("Payer")]

    def set_rows(self, invoices: list[Invoice], payers: dict[int, tuple[str, str]],
                 names: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(invoices)
        self._payers = dict(payers)
        if names is not None:
            self._names = dict(names)
        self.endResetModel()

    @staticmethod
    def owed(inv: Invoice) -> int:
        """Still due on a sale waiting for the rest (0 otherwise; never on another till's sale)."""
        waiting = inv.state.value in ("new", "expired") and inv.paid_seen and inv.offline_id is None \
            and not inv.carried
        return int(inv.still_due_tyiyn) if waiting else 0

    @staticmethod
    def give_back(inv: Invoice) -> int:
        """To give back: the change, or all that came in on a cancelled sale (another till's: its own)."""
        if inv.carried:
            return 0
        return int(inv.received_tyiyn) if inv.state.value == "invalid" else int(inv.change_tyiyn)

    def totals(self) -> tuple[int, int]:
        """(sales paid, money kept in tyiyn) of the rows shown: what came in on this till's own sales,
        less the change to give back; cancelled sales (their money goes back) and sales carried for
        another till (that till's money) never count."""
        paid = kept = 0
        for inv in self._rows:
            if inv.carried or inv.state.value == "invalid":
                continue
            if inv.state.value in ("settled", "processing") and not inv.still_due_tyiyn:
                paid += 1
            kept += int(inv.received_tyiyn) - int(inv.change_tyiyn)
        return paid, kept

    @staticmethod
    def carried_number(inv: Invoice) -> str:
        """The sale's number on the till it was made on ("<device>:<number>")."""
        return (inv.carried_for or "").rpartition(":")[2] or "?"

    def _money(self, tyiyn: int) -> str:
        return format_som(Tyiyn(tyiyn), self.language) if tyiyn else ""

    def due_text(self, inv: Invoice) -> str:
        """Still due (a sale waiting for the rest) or the change to give; empty when square."""
        if inv.carried:
            return ""          # the other till's customer, the other till's change
        if inv.state.value == "invalid" and inv.received_tyiyn:
            # A cancelled sale keeps no money: what came in goes back to the customer.
            return self.tr("give back %1").replace("%1", format_som(inv.received_tyiyn, self.language))
        if inv.change_tyiyn:
            return self.tr("give back %1").replace("%1", format_som(inv.change_tyiyn, self.language))
        if inv.still_due_tyiyn and inv.state.value in ("new", "expired") and inv.paid_seen:
            return self.tr("%1 due").replace("%1", format_som(inv.still_due_tyiyn, self.language))
        return ""

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
        if inv.carried:
            # Not this till's sale: it only sends the customer's signed payment to the network.
            return self.tr("Sent for another till (sale %1 there)").replace("%1", self.carried_number(inv))
        flags = {"paid_partial": self.tr("partly paid"), "paid_over": self.tr("overpaid"),
                 "paid_late": self.tr("paid late")}
        extra = [flags[f] for f in inv.flags.labels()]
        if inv.short_base > 0:
            extra.append(self.tr("accepted short by %1").replace("%1", format_som(inv.short_tyiyn, self.language)))
        if inv.reopened_at is not None and inv.state.value != "settled":
            extra.append(self.tr("its payment left the network"))
        return invoice_state_text(inv.state) + (f" ({', '.join(extra)})" if extra else "")

    def search_text(self, inv: Invoice, payer: str, tx: str) -> str:
        """The sale as the cashier may look for it: the row's texts in the shop's language, the
        words of its state and flags (also as the detail panel and history name them), the
        amount as typed ("150", "150,50", "150.50"), the memo, and the full payer and transaction."""
        whole, cents = divmod(int(inv.amount_tyiyn), 100)
        words = [time.strftime("%H:%M", time.localtime(inv.created_at)), time.strftime("%H:%M:%S", time.localtime(inv.created_at)), str(inv.id),
                 format_som(inv.amount_tyiyn, self.language), f"{whole},{cents:02d}", f"{whole}.{cents:02d}",
                 str(whole) if not cents else "", self.state_text(inv), inv.state.value,
                 *inv.flags.labels(), format_som(inv.received_tyiyn, self.language) if inv.paid_seen else "",
                 self.due_text(inv), payer_label(payer, self._names) if payer else "",
                 inv.memo or "", payer, tx]
        return " ".join(w for w in words if w)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        inv = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        payer, tx = self._payers.get(inv.id, ("", ""))
        if role == Qt.ItemDataRole.DisplayRole:
            return {"time": time.strftime("%H:%M", time.localtime(inv.created_at)), "number": str(inv.id),
                    "amount": format_som(inv.amount_tyiyn, self.language),
                    "received": format_som(inv.received_tyiyn, self.language) if inv.paid_seen and not inv.carried
                    else "",
                    "due": self._money(self.owed(inv)), "change": self._money(self.give_back(inv)),
                    "state": self.state_text(inv),
                    "payer": payer_label(payer, self._names)}[col]
        if role == SEARCH_ROLE:
            return self.search_text(inv, payer, tx)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text of a cell cut short on a narrow screen (the payer: their full address).
            return payer if col == "payer" else self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.UserRole:  # sort keys: numbers sort as numbers
            return {"time": inv.created_at, "number": inv.id, "amount": int(inv.amount_tyiyn),
                    "received": int(inv.received_tyiyn), "due": int(self.owed(inv)), "change": int(self.give_back(inv)),
                    "state": inv.state.value, "payer": payer_label(payer, self._names)}[col]
        if role == Qt.ItemDataRole.ForegroundRole and inv.carried:
            from PySide6.QtGui import QColor
            return QColor("#6b7280")      # another till's sale: shown, never counted
        if role == Qt.ItemDataRole.ForegroundRole and col in ("due", "change"):
            from PySide6.QtGui import QColor
            return QColor("#b45309")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("amount", "received", "due", "change"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return self.headers()[section]
        return None


class PaymentTableModel(QAbstractTableModel):
    """Payments (e.g. the unmatched inbox): when, who (the shop's name for them), how much in som, and
    what is known about where it belongs (the sale it matches, or a twin till's)."""

    COLUMNS = ("time", "payer", "amount", "note")

    def __init__(self, parent=None, language: str = "ru") -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self.decimals = 6
        self.language = language
        self._names: dict[str, str] = {}

    def set_rows(self, rows: list[dict[str, Any]], decimals: int | None = None,
                 names: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if decimals is not None:
            self.decimals = decimals
        if names is not None:
            self._names = dict(names)
        self.endResetModel()

    def amount_text(self, p: dict[str, Any]) -> str:
        tyiyn, _tail = base_units_to_tyiyn(int(p["value"]), self.decimals)
        return format_som(tyiyn, self.language)

    def payment_at(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    @staticmethod
    def hint_of(p: dict[str, Any]) -> int | None:
        """The sale an unmatched payment matches (it asked exactly this amount but could not take it);
        None for a payment to a twin till (another till with this till's number)."""
        hint = p.get("hint_invoice_id")
        return None if hint is None or p.get("matched_by") == "twin" else int(hint)

    def note_text(self, p: dict[str, Any]) -> str:
        if p.get("matched_by") == "twin":
            return self.tr("paid to another till with this till's number")
        hint = self.hint_of(p)
        return "" if hint is None else self.tr("matches an earlier request of sale %1").replace("%1", str(hint))

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
            return {"time": time.strftime("%H:%M", time.localtime(int(p["block_time"]))),
                    "payer": payer_label(p["payer"], self._names), "amount": self.amount_text(p),
                    "note": self.note_text(p)}[col]
        if role == SEARCH_ROLE:
            return " ".join((self.amount_text(p), payer_label(p["payer"], self._names), p["payer"], p["tx_hash"],
                             self.note_text(p)))
        if role == Qt.ItemDataRole.ToolTipRole:
            # The exact amount and the full address for whoever checks it against a wallet.
            return {"payer": p["payer"], "amount": base_units_to_decimal_str(int(p["value"]), self.decimals),
                    "time": p["tx_hash"], "note": self.note_text(p)}[col]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return [self.tr("Time"), self.tr("Payer"), self.tr("Amount"), self.tr("Note")][section]
        return None
