"""The offline queue screen: what waits to be sent, how much of the limits it uses, and the deadline."""
from __future__ import annotations

import time
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QTableView, QVBoxLayout, QWidget)

from pos_app.core.money import Tyiyn, format_som
from pos_app.shop.payers import short_address
from pos_app.ui.shell.core_text import queue_reason_text
from pos_app.ui.shell.reasons import queue_state_text
from pos_app.ui.shell.i18n import plural
from pos_app.ui.widgets.common import BigButton, big_font

Index = QModelIndex | QPersistentModelIndex
FAILED = {"rejected", "expired", "double_spent", "insufficient_funds", "reverted", "cancelled", "stuck"}


class QueueTableModel(QAbstractTableModel):
    COLUMNS = ("number", "time", "amount", "payer", "invoice", "kind", "state", "reason")

    def __init__(self, language: str = "ru", parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self._rows: list[Any] = []
        self.names: dict[str, str] = {}   # the shop's names for payers (lower-case address -> name)

    def set_rows(self, items: list[Any], names: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(items)
        if names is not None:
            self.names = names
        self.endResetModel()

    def retranslate(self) -> None:
        """Every cell's words come from tr() at paint time: asking the views to paint again is enough."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)

    def payer_text(self, address: str) -> str:
        """The payer by the shop's name for them, else a short form a person compares by eye (no 0x)."""
        return self.names.get((address or "").lower()) or short_address(address or "")

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
        return queue_state_text(state)

    def reason_text(self, reason: Any) -> str:
        """The item's last reason (a code and its parameters) in the cashier's words and language."""
        return queue_reason_text(reason)

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
                "payer": self.payer_text(it.payer),
                "invoice": str(it.invoice_id),
                "kind": self.tr("Signed transfer") if it.kind == "raw_tx" else self.tr("Payment permission"),
                "state": self.state_text(state),
                "reason": self.reason_text(it.why),
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
    send_again_requested = Signal(int)             # a payment that needs attention, back in line

    def __init__(self, language: str = "ru", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.summary_data = None
        self.status_from_summary = False   # the status line shows the sending state (not a message)
        self._message: tuple[str | Callable[[], str], bool] = ("", False)
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
        self.table.selectionModel().selectionChanged.connect(self._render_details)
        self.model.modelReset.connect(self._render_details)
        self.progress = QLabel()
        self.progress.setObjectName("queueProgress")
        self.progress.setFont(big_font(self, 14))
        self.progress.setWordWrap(True)
        root.addWidget(self.title)
        root.addWidget(self.totals)
        root.addWidget(self.deadline)
        root.addWidget(self.progress)
        root.addWidget(self.table, 1)
        # Shown only while the chosen payment needs a person (the engine could not decide, or the
        # network never took its relay transaction): it goes back in line with the same bytes.
        self.send_again_button = BigButton("", self, point_size=12, min_height=44)
        self.send_again_button.setObjectName("sendAgainButton")
        self.send_again_button.setVisible(False)
        self.send_again_button.clicked.connect(self._send_again)
        root.addWidget(self.send_again_button)
        # Hand-over on a USB stick, and the key that pays fees for payment permissions. Short button
        # words (the label above says what they are about): at 1024 px with the demo phone beside
        # the page, three buttons share about 700 px, and Russian or Kyrgyz must not be cut.
        row = QHBoxLayout()
        self.export_button = BigButton("", self, point_size=12, min_height=44)
        self.import_button = BigButton("", self, point_size=12, min_height=44)
        self.export_button.clicked.connect(self._ask_export)
        self.import_button.clicked.connect(self._ask_import)
        self.take_back_button = BigButton("", self, point_size=12, min_height=44)
        self.take_back_button.clicked.connect(self._ask_take_back)
        self.handover_label = QLabel()
        self.handover_label.setWordWrap(True)
        root.addWidget(self.handover_label)
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
        self.relay_label = QLabel()
        self.relay_label.setObjectName("relayStatus")
        self.relay_label.setWordWrap(True)
        root.addWidget(self.relay_label)
        relay = QHBoxLayout()
        self.unlock_button = BigButton("", self, point_size=12, min_height=44)
        self.create_button = BigButton("", self, point_size=12, min_height=44)
        self.import_key_button = BigButton("", self, point_size=12, min_height=44)
        self.unlock_button.clicked.connect(self._ask_unlock)
        self.create_button.clicked.connect(self._ask_create)
        self.import_key_button.clicked.connect(self._ask_import_key)
        # The relay key's account address is for whoever tops it up with BNB, not for the counter.
        self.details_button = BigButton("", self, point_size=12, min_height=44)
        self.details_button.setObjectName("queueDetailsButton")
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        relay.addWidget(self.unlock_button)
        relay.addWidget(self.create_button)
        relay.addWidget(self.import_key_button)
        relay.addWidget(self.details_button)
        root.addLayout(relay)
        self.details = QLabel()
        self.details.setObjectName("queueDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setVisible(False)
        root.addWidget(self.details)
        self.relay_state: tuple[str | None, bool] = (None, False)
        self.retranslate()

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self._render_details()

    def _render_details(self, *_: object) -> None:
        """The technical side, for whoever checks a payment with the network or tops up the relay key:
        the chosen payment's transaction, full payer and last network answer, and the relay account."""
        lines = []
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        chosen = self.model.item_at(rows[0].row()) if rows else None
        self.send_again_button.setVisible(chosen is not None and chosen.state.value == "needs_attention")
        if rows:
            it = self.model.item_at(rows[0].row())
            lines.append(self.tr("Payment %1: transaction %2, payer %3.").replace("%1", str(it.id))
                         .replace("%2", it.tx_hash or "—").replace("%3", it.payer))
            if it.last_error:
                lines.append(self.tr("Last answer from the network: %1").replace("%1", it.last_error))
        else:
            lines.append(self.tr("Choose a payment in the list to see its transaction."))
        address = self.relay_state[0]
        if address is not None:
            lines.append(self.tr("Relay key account (top it up with BNB for network fees): %1")
                         .replace("%1", address))
        self.details.setText("\n".join(lines))

    def _send_again(self) -> None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if rows:
            self.send_again_requested.emit(int(self.model.item_at(rows[0].row()).id))

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
            self.show_message(lambda: self.tr("Nothing was loaded: the till was not accepted."), error=True)

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
            self.show_message(lambda: self.tr("The two passphrases differ; nothing was changed."), error=True)
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
            self.show_message(lambda: self.tr("The two passphrases differ; nothing was changed."), error=True)
            return
        self.create_requested.emit(first)

    def show_message(self, text: str | Callable[[], str], *, error: bool = False) -> None:
        """A result of the cashier's action (saved, loaded, refused); it stays until the next one.

        ``text`` may be a function that writes it: it is called again when the language changes,
        so the line never keeps the old language."""
        self.status_from_summary = False
        self._message = (text, error)
        self.progress.setStyleSheet("color:#b71c1c;" if error else "color:#1b5e20;")
        self.progress.setText(text() if callable(text) else text)

    def show_sending_status(self) -> None:
        """The status line follows the queue's summary (the one source of every count on this screen)
        from now on: a sending pass ended, so the state of the queue is news, not the last message."""
        self.status_from_summary = True
        self._status()

    def _status(self) -> None:
        s = self.summary_data
        if not self.status_from_summary or s is None:
            return
        self.progress.setStyleSheet("color:#1b5e20;" if not s.pending_count else "color:#8a5300;")
        if s.pending_count:
            self.progress.setText(plural(self.tr("Sending to the network: %n payment(s) still to finish.", "",
                                                 s.pending_count), s.pending_count))
        else:
            self.progress.setText(self.tr("Everything accepted offline has been sent and is final or closed."))

    def set_relay(self, address: str | None, unlocked: bool) -> None:
        self.relay_state = (address, unlocked)
        if address is None:
            self.relay_label.setText(self.tr("No relay key: customers' payment permissions wait until one is "
                                             "created (it pays the network fee)."))
        else:
            if unlocked:
                self.relay_label.setText(self.tr("The relay key is unlocked: payment permissions are sent."))
            else:
                self.relay_label.setText(self.tr("The relay key is locked: unlock it to send payment permissions."))
        self.unlock_button.setVisible(address is not None and not unlocked)
        self.create_button.setVisible(address is None)
        self.import_key_button.setVisible(address is None)
        self._render_details()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Offline payments"))
        self.handover_label.setText(self.tr("Another till can send these payments: save them to a USB stick "
                                            "there, or load a stick from another till here."))
        self.export_button.setText(self.tr("Save to stick…"))
        self.import_button.setText(self.tr("Load from stick…"))
        self.take_back_button.setText(self.tr("Take back…"))
        self.send_again_button.setText(self.tr("Send this payment again"))
        if self.device_number is not None:
            self.set_device(self.device_number)
        self.unlock_button.setText(self.tr("Unlock…"))
        self.create_button.setText(self.tr("Create key…"))
        self.import_key_button.setText(self.tr("Import key…"))
        self.details_button.setText(self.tr("Details"))
        self.set_relay(*self.relay_state)
        self.model.retranslate()
        text, error = self._message
        if callable(text) and not self.status_from_summary:
            self.show_message(text, error=error)
        if self.summary_data is not None:
            self.show_summary(self.summary_data)

    def set_data(self, items: list[Any], summary: Any, names: dict[str, str] | None = None) -> None:
        self.model.set_rows(items, names)
        self.show_summary(summary)

    def show_summary(self, s: Any, now: float | None = None) -> None:
        """Every count on the screen comes from ``s`` (``OfflineQueue.summary``), read in one go."""
        self.summary_data = s
        lim = s.limits
        money = format_som(Tyiyn(s.pending_tyiyn), self.language)
        if s.pending_count:
            to_send = min(s.unsent_count, s.pending_count)
            text = plural(self.tr("Waiting: %n payment(s), %1: %2 to send, %3 sent and confirming.", "",
                                  s.pending_count), s.pending_count) \
                .replace("%1", money).replace("%2", str(to_send)).replace("%3", str(s.pending_count - to_send))
        else:
            text = self.tr("Nothing accepted offline is waiting.")
        limits = self.tr("Limits used: %1 of %2, %3 of %4 payments.") \
            .replace("%1", money).replace("%2", format_som(Tyiyn(lim.total_tyiyn), self.language)) \
            .replace("%3", str(s.pending_count)).replace("%4", str(lim.max_items))
        parts = [text, limits]
        if s.failed_count:
            parts.append(plural(self.tr("Failed: %n payment(s).", "", s.failed_count), s.failed_count))
        self.totals.setText(" ".join(parts))
        self._status()
        self.tick(now)

    def tick(self, now: float | None = None) -> None:
        s = self.summary_data
        if s is None:
            return
        now = time.time() if now is None else now
        if s.deadline is None:
            self.deadline.setStyleSheet("")
            # Nothing left to *send*; what was sent may still wait for the network's confirmation.
            self.deadline.setText(self.tr("Everything is sent; the network is confirming it.") if s.pending_count
                                  else self.tr("Nothing waits to be sent."))
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
