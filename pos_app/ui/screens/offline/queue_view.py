"""The offline queue screen: what waits to be sent, how much of the limits it uses, and the deadline."""
from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QTableView, QVBoxLayout, QWidget)

from pos_app.core.money import Tyiyn, format_som
from pos_app.ui.widgets.common import BigButton, big_font

Index = QModelIndex | QPersistentModelIndex
FAILED = {"rejected", "expired", "double_spent", "insufficient_funds", "reverted", "cancelled", "stuck"}


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
                "stuck": self.tr("Never went through"),
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
    export_requested = Signal(str)
    import_requested = Signal(str)
    unlock_requested = Signal(str)
    create_requested = Signal(str)
    import_key_requested = Signal(str, str, str)   # file, its passphrase (keystore) or "", new passphrase
    pair_import_requested = Signal(str, str)       # file, the other till's number a person compared
    take_back_requested = Signal()

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
        self.progress = QLabel()
        self.progress.setObjectName("queueProgress")
        self.progress.setFont(big_font(self, 14))
        self.progress.setWordWrap(True)
        root.addWidget(self.title)
        root.addWidget(self.totals)
        root.addWidget(self.deadline)
        root.addWidget(self.progress)
        root.addWidget(self.table, 1)
        # Hand-over on a USB stick, and the key that pays fees for authorizations.
        row = QHBoxLayout()
        self.export_button = BigButton("", self, point_size=12, min_height=40)
        self.import_button = BigButton("", self, point_size=12, min_height=40)
        self.export_button.clicked.connect(self._ask_export)
        self.import_button.clicked.connect(self._ask_import)
        self.take_back_button = BigButton("", self, point_size=12, min_height=40)
        self.take_back_button.clicked.connect(self._ask_take_back)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addWidget(self.take_back_button)
        root.addLayout(row)
        # This till's number: the other till shows it when a file from here is loaded there.
        self.device_label = QLabel()
        self.device_label.setObjectName("deviceNumber")
        self.device_label.setFont(big_font(self, 13))  # read aloud and compared with the other till
        self.device_label.setWordWrap(True)
        self.device_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        root.addWidget(self.device_label)
        self.device_number: str | None = None
        relay = QHBoxLayout()
        self.relay_label = QLabel()
        self.relay_label.setObjectName("relayStatus")
        self.relay_label.setWordWrap(True)
        self.unlock_button = BigButton("", self, point_size=12, min_height=40)
        self.create_button = BigButton("", self, point_size=12, min_height=40)
        self.import_key_button = BigButton("", self, point_size=12, min_height=40)
        self.unlock_button.clicked.connect(self._ask_unlock)
        self.create_button.clicked.connect(self._ask_create)
        self.import_key_button.clicked.connect(self._ask_import_key)
        relay.addWidget(self.relay_label, 2)
        relay.addWidget(self.unlock_button, 1)
        relay.addWidget(self.create_button, 1)
        relay.addWidget(self.import_key_button, 1)
        root.addLayout(relay)
        self.relay_state: tuple[str | None, bool] = (None, False)
        self.retranslate()

    # -- hand-over and relay key (dialogs here; the work runs on the controller's worker) ----------
    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the unsent payments for another till"),
                                              "sompos-queue.jsonl", "Som POS queue (*.jsonl)")
        if path:
            self.export_requested.emit(path)

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Load payments from another till"), "",
                                              "Som POS queue (*.jsonl)")
        if path:
            self.import_requested.emit(path)

    def ask_pair(self, path: str, number: str) -> None:
        """A file from a till never paired with this one: a person compares the numbers first."""
        answer = QMessageBox.question(
            self, self.tr("Another till's file"),
            self.tr("This file comes from the till numbered\n\n%1\n\nIs this the number shown on that till's "
                    "Offline payments screen? Accept only if it is exactly the same.").replace("%1", number),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.pair_import_requested.emit(path, number)
        else:
            self.show_message(self.tr("Nothing was loaded: the till was not accepted."), error=True)

    def _ask_take_back(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Take back"),
            self.tr("Send the payments saved for another till from this till? Do this when the file was lost "
                    "or not loaded there. A payment already sent by the other till is not paid twice."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.take_back_requested.emit()

    def set_device(self, number: str) -> None:
        self.device_number = number
        self.device_label.setText(self.tr("This till's number: %1").replace("%1", number))

    def _ask_unlock(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Relay key"), self.tr("Passphrase of the relay key:"),
                                        QLineEdit.EchoMode.Password)
        if ok and text:
            self.unlock_requested.emit(text)

    def _new_passphrase(self) -> str | None:
        first, ok = QInputDialog.getText(self, self.tr("New relay key"),
                                         self.tr("Choose a passphrase (at least 10 characters):"),
                                         QLineEdit.EchoMode.Password)
        if not ok or not first:
            return None
        again, ok = QInputDialog.getText(self, self.tr("New relay key"), self.tr("Type the passphrase again:"),
                                         QLineEdit.EchoMode.Password)
        if not ok:
            return None
        if again != first:
            self.show_message(self.tr("The two passphrases differ; nothing was changed."), error=True)
            return None
        return first

    def _ask_import_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a relay key (keystore file or private key)"))
        if not path:
            return
        old, ok = QInputDialog.getText(self, self.tr("Relay key"),
                                       self.tr("Passphrase of that keystore file (leave empty for a plain key):"),
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return
        new = self._new_passphrase()
        if new is not None:
            self.import_key_requested.emit(path, old, new)

    def _ask_create(self) -> None:
        first, ok = QInputDialog.getText(self, self.tr("New relay key"),
                                         self.tr("Choose a passphrase (at least 10 characters):"),
                                         QLineEdit.EchoMode.Password)
        if not ok or not first:
            return
        again, ok = QInputDialog.getText(self, self.tr("New relay key"), self.tr("Type the passphrase again:"),
                                         QLineEdit.EchoMode.Password)
        if not ok:
            return
        if again != first:
            self.show_message(self.tr("The two passphrases differ; nothing was changed."), error=True)
            return
        self.create_requested.emit(first)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.progress.setStyleSheet("color:#b71c1c;" if error else "color:#1b5e20;")
        self.progress.setText(text)

    def set_relay(self, address: str | None, unlocked: bool) -> None:
        self.relay_state = (address, unlocked)
        if address is None:
            self.relay_label.setText(self.tr("No relay key: customer authorizations wait until one is created "
                                             "(it pays the network fee with BNB)."))
        elif unlocked:
            self.relay_label.setText(self.tr("Relay key %1 is unlocked: authorizations are sent.")
                                     .replace("%1", address))
        else:
            self.relay_label.setText(self.tr("Relay key %1 is locked: unlock it to send authorizations.")
                                     .replace("%1", address))
        self.unlock_button.setVisible(address is not None and not unlocked)
        self.create_button.setVisible(address is None)
        self.import_key_button.setVisible(address is None)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Offline payments"))
        self.export_button.setText(self.tr("Save for another till…"))
        self.import_button.setText(self.tr("Load from another till…"))
        self.take_back_button.setText(self.tr("Take back saved payments…"))
        if self.device_number is not None:
            self.set_device(self.device_number)
        self.unlock_button.setText(self.tr("Unlock relay key…"))
        self.create_button.setText(self.tr("Create relay key…"))
        self.import_key_button.setText(self.tr("Import relay key…"))
        self.set_relay(*self.relay_state)
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
