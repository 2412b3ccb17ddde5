"""Today's sales: a sortable, filterable table of invoices with the payer and transaction."""
from __future__ import annotations

import html
import time

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from pos_app.core.money import base_units_to_tyiyn, format_som
from pos_app.invoices.lifecycle import InvoiceState
from pos_app.ui.shell.i18n import plural
from pos_app.ui.widgets.ask import ask
from pos_app.shop.payers import payer_label
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
    reopen = Signal(int)                # invoice id: back on the payment screen (asked again if expired)
    cancel = Signal(int)                # invoice id: cancelled after the cashier confirmed
    name_payer = Signal(str)            # a payer's address: the cashier gives it a name

    def __init__(self, model: InvoiceTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.unmatched_model = PaymentTableModel(self, model.language)
        self.explorer: str | None = None
        self.names: dict[str, str] = {}
        self.shown = None                   # the invoice whose story the detail shows
        self.shown_payer: str | None = None
        self.dialog: QMessageBox | None = None
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
        # The day's money at a glance: this till's own sales only (a sale carried for another till,
        # or cancelled, is never counted: models.tables.InvoiceTableModel.totals).
        self.totals = QLabel()
        self.totals.setObjectName("salesTotals")
        self.totals.setStyleSheet("font-size:13pt;")
        self.totals.setWordWrap(True)
        self.totals.setMinimumWidth(1)
        model.modelReset.connect(self.show_totals)
        model.dataChanged.connect(self.show_totals)
        model.rowsInserted.connect(self.show_totals)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setMinimumHeight(40)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = _table(self.proxy)
        # Every column in view at 1024 px (beside the demo phone too): amounts always whole, the
        # state and the payer share what is left and cut their words with "…" (whole in the tooltip)
        # rather than push the money out of view sideways.
        header = self.table.horizontalHeader()
        for col, name in enumerate(model.COLUMNS):
            if name in ("state", "payer"):
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        self.table.setStyleSheet("font-size:12pt;")
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
        # A payment that matches an earlier request of one sale: added to it in one tap (audited).
        self.hint_button = QPushButton()
        self.hint_button.setObjectName("assignToHintButton")
        self.hint_button.setMinimumHeight(44)
        self.hint_button.setStyleSheet("font-size:13pt;padding:4px 12px;")
        self.hint_button.setVisible(False)
        self.hint_button.clicked.connect(self._assign_to_hint)
        self.unmatched.selectionModel().selectionChanged.connect(lambda *_a: self._show_hint())
        self.unmatched_model.modelReset.connect(self._show_hint)
        self.assign_message = QLabel()
        self.assign_message.setWordWrap(True)
        self.reopen_button = QPushButton()
        self.reopen_button.setObjectName("reopenSaleButton")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelListedSale")
        self.name_button = QPushButton()
        self.name_button.setObjectName("namePayerButton")
        for b in (self.reopen_button, self.cancel_button, self.name_button, self.assign_button):
            b.setMinimumHeight(44)
            b.setStyleSheet("font-size:13pt;padding:4px 12px;")
        for b in (self.reopen_button, self.cancel_button, self.name_button):
            b.setEnabled(False)
        self.reopen_button.clicked.connect(self._reopen)
        self.cancel_button.clicked.connect(self._ask_cancel)
        self.name_button.clicked.connect(lambda: self.shown_payer and self.name_payer.emit(self.shown_payer))
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.totals, 1)
        lay.addLayout(heading)
        lay.addWidget(self.filter)
        # The table takes the page's whole width (a shop screen is often only 1024 px wide) and
        # the selected sale's story goes under it, not beside it.
        lay.addWidget(self.table, 1)
        lay.addWidget(self.detail)
        actions = QHBoxLayout()
        for b in (self.reopen_button, self.cancel_button, self.name_button):
            actions.addWidget(b)
        actions.addStretch(1)
        lay.addLayout(actions)
        lay.addWidget(self.unmatched_title)
        lay.addWidget(self.unmatched)
        row = QHBoxLayout()
        row.addWidget(self.hint_button)
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
        """The sale's story: price, received, still due or change, who paid, and what happened."""
        self.shown = inv
        self._detail_args = (inv, payments, history)
        e = html.escape
        title = self.tr("Sale %1").replace("%1", str(inv.id))
        lines = [f"<b>{e(title)}</b>: {e(format_som(inv.amount_tyiyn, language))} — {e(self.model.state_text(inv))}"]
        money = [self.tr("Received: %1").replace("%1", format_som(inv.received_tyiyn, language))]
        due = self.model.due_text(inv)
        if due:
            money.append(due)
        if inv.carried:
            lines.append(e(self.tr("Another till's sale: this till only sent its customer's payment to the "
                                   "network. It is not counted in this till's money.")))
        else:
            lines.append(f"<b>{e(' · '.join(money))}</b>")
        for p in payments:
            tyiyn, _tail = base_units_to_tyiyn(int(p["value"]), inv.decimals)
            when = time.strftime("%H:%M", time.localtime(int(p["block_time"])))
            line = self.tr("%1 from %2 at %3").replace("%1", format_som(tyiyn, language)) \
                .replace("%2", payer_label(p["payer"], self.names)).replace("%3", when)
            if p["status"] == "removed":
                line += " " + self.tr("(dropped, not counted)")
            if self.explorer:
                tx = e(p["tx_hash"])
                online = e(self.tr("receipt online"))
                line = e(line) + f' · <a href="{e(self.explorer.rstrip("/"))}/tx/{tx}">{online}</a>'
            else:
                line = e(line)
            lines.append(line)
        for h in history:
            lines.append(f"<small>{e(time.strftime('%H:%M', time.localtime(int(h['at']))))} "
                         f"{e(_history_text(h))}</small>")
        self.detail.setText("<br>".join(lines))
        self.shown_payer = payments[-1]["payer"] if payments else None
        # Another till's sale is that till's to charge again or cancel.
        waiting = inv.state in (InvoiceState.NEW, InvoiceState.EXPIRED) and inv.offline_id is None \
            and inv.paid_seen < inv.amount_base and not inv.carried
        self.reopen_button.setEnabled(waiting)
        self.cancel_button.setEnabled(waiting)
        self.name_button.setEnabled(self.shown_payer is not None)

    def _reopen(self) -> None:
        if self.shown is not None:
            self.reopen.emit(self.shown.id)

    def _ask_cancel(self) -> None:
        if self.shown is None:
            return
        inv = self.shown
        text = self.tr("Cancel sale %1? A payment that arrives later is kept for you to give back.") \
            .replace("%1", str(inv.id))
        if inv.paid_seen:
            text += " " + self.tr("%1 has been received on it: give it back.").replace(
                "%1", format_som(inv.received_tyiyn, self.model.language))
        Role = QMessageBox.ButtonRole
        self.dialog = ask(self, "cancelSaleDialog", text, [
            ("confirmCancelSale", self.tr("Cancel the sale"), Role.DestructiveRole),
            ("keepSale", self.tr("Keep the sale"), Role.RejectRole)],
            lambda name: self.cancel.emit(inv.id) if name == "confirmCancelSale" else None)

    def _assign(self) -> None:
        rows = self.unmatched.selectionModel().selectedRows()
        inv_id = self.selected_invoice_id()
        if not rows or inv_id is None:
            self.assign_message.setText(self.tr("Select the payment and the sale it pays."))
            return
        self.assign.emit(int(self.unmatched_model.payment_at(rows[0].row())["id"]), inv_id)

    def _selected_payment(self) -> dict | None:
        rows = self.unmatched.selectionModel().selectedRows()
        return self.unmatched_model.payment_at(rows[0].row()) if rows else None

    def _show_hint(self) -> None:
        """"Add to sale N" for a selected payment that matches an earlier request of sale N."""
        p = self._selected_payment()
        hint = self.unmatched_model.hint_of(p) if p is not None else None
        self.hint_button.setVisible(hint is not None)
        if hint is not None:
            self.hint_button.setText(self.tr("Add to sale %1").replace("%1", str(hint)))

    def _assign_to_hint(self) -> None:
        p = self._selected_payment()
        hint = self.unmatched_model.hint_of(p) if p is not None else None
        if p is not None and hint is not None:
            self.assign.emit(int(p["id"]), hint)

    def show_totals(self, *_args) -> None:
        paid, kept = self.model.totals()
        self.totals.setText(plural(self.tr("%n sale(s) paid, %1 taken", "", paid), paid)
                            .replace("%1", format_som(kept, self.model.language)))

    def retranslate(self) -> None:
        self.title.setText(self.tr("Today's sales"))
        self.show_totals()
        self._show_hint()
        self.filter.setPlaceholderText(self.tr("Search: amount, state, payer, transaction…"))
        self.unmatched_title.setText(self.tr("Payments that matched no sale"))
        self.assign_button.setText(self.tr("Add to the selected sale"))
        self.reopen_button.setText(self.tr("Open for payment"))
        self.cancel_button.setText(self.tr("Cancel sale"))
        self.name_button.setText(self.tr("Name this payer"))
        if getattr(self, "_detail_args", None) is not None:
            self.show_detail(*self._detail_args, self.model.language)   # the story in the new language
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)


def _history_text(row: dict) -> str:
    """A history line in the cashier's language (core_text.history_text), as stored when unknown."""
    try:
        from pos_app.ui.shell.core_text import history_text
    except ImportError:
        return f"{row.get('from_state') or ''} → {row['to_state']}: {row['reason']}"
    return history_text(row)
