"""The payment screen: big QR, amount in large type, wallet format, countdown, live state."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QComboBox, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget,
)

from pos_app.core.errors import BadInput
from pos_app.invoices.lifecycle import InvoiceState
from pos_app.invoices.service import Invoice
from pos_app.core.money import base_units_to_decimal_str, format_som
from pos_app.invoices.payment_request import FORMATS, build_uri
from pos_app.ui.shell.sound import Chimes
from pos_app.ui.widgets.common import BigButton, QrWidget, big_font

STATE_STYLE = {
    # state: (background, text colour, icon); icons are plain symbols every font has
    "waiting": ("#fff3c4", "#3e2723", "◷"),
    "processing": ("#1565c0", "white", "↻"),
    "paid": ("#2e7d32", "white", "✔"),
    "expired": ("#cfd8dc", "#263238", "◷"),
    "invalid": ("#cfd8dc", "#263238", "✕"),
    "attention": ("#ef6c00", "white", "⚠"),
    "offline": ("#6a1b9a", "white", "✉"),
}


class PaymentScreen(QWidget):
    new_sale = Signal()
    offline_requested = Signal()        # the customer hands over a signed payment (no network needed)
    cancel_sale = Signal(int)          # invoice id
    format_changed = Signal(str)
    shown = Signal()                   # QR, amount or state changed: the customer display follows

    def __init__(self, language: str = "ru", trust_coin: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.trust_coin = trust_coin
        self.chimes = Chimes(QApplication.beep)
        self.invoice: Invoice | None = None
        self.fmt = "eip681"
        self.uri = ""
        outer = QHBoxLayout(self)
        self.left = QStackedWidget(self)
        self.qr = QrWidget(self)
        self.result = QLabel()
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result.setFont(big_font(self, 120))
        self.left.addWidget(self.qr)
        self.left.addWidget(self.result)
        outer.addWidget(self.left, 3)
        side = QVBoxLayout()
        outer.addLayout(side, 2)
        self.amount = QLabel()
        self.amount.setObjectName("paymentAmount")
        self.amount.setFont(big_font(self, 36))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.onchain = QLabel()
        self.onchain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.onchain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.format_label = QLabel()
        self.format_box = QComboBox()
        self.format_box.setMinimumHeight(44)
        self.format_box.currentIndexChanged.connect(self._format_picked)
        self.format_error = QLabel()
        self.format_error.setStyleSheet("color:#b00020;")
        self.format_error.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.countdown.setFont(big_font(self, 18, bold=False))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = QLabel()
        self.state.setObjectName("paymentState")
        self.state.setFont(big_font(self, 26))
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state.setMinimumHeight(90)
        self.state.setWordWrap(True)  # a long state wraps; it must not squeeze the QR
        self.advice = QLabel()
        self.advice.setObjectName("paymentAdvice")
        self.advice.setWordWrap(True)
        self.advice.setFont(big_font(self, 14, bold=False))
        self.advice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cancel_button = BigButton("", self, point_size=16, min_height=56)
        self.cancel_button.clicked.connect(self._cancel)
        self.new_button = BigButton("", self, point_size=20, min_height=72)
        self.new_button.setObjectName("newSaleButton")
        self.new_button.setStyleSheet("background:#1b8a3a;color:white;border-radius:8px;")
        self.new_button.clicked.connect(self.new_sale.emit)
        self.offline_button = BigButton("", self, point_size=15, min_height=52)
        self.offline_button.setObjectName("offlinePayButton")
        self.offline_button.clicked.connect(self.offline_requested.emit)
        for w in (self.amount, self.onchain, self.format_label, self.format_box, self.format_error,
                  self.countdown, self.state, self.advice):
            side.addWidget(w)
        side.addStretch(1)
        side.addWidget(self.offline_button)
        side.addWidget(self.cancel_button)
        side.addWidget(self.new_button)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.retranslate()

    # -- texts -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        from pos_app.ui.screens.settings.settings_screen import qr_format_names
        labels = qr_format_names()      # by the wallet that reads them, as in Settings (no standard numbers)
        self.format_box.blockSignals(True)
        self.format_box.clear()
        for f in FORMATS:
            self.format_box.addItem(labels[f], f)
        self.format_box.setCurrentIndex(FORMATS.index(self.fmt))
        self.format_box.blockSignals(False)
        self.format_label.setText(self.tr("Customer's wallet:"))
        self.cancel_button.setText(self.tr("Cancel sale"))
        self.offline_button.setText(self.tr("Customer pays offline (scan)"))
        self.new_button.setText(self.tr("New sale"))
        if self.invoice is not None:
            self.show_invoice(self.invoice)

    def set_language(self, language: str) -> None:
        self.language = language
        self.retranslate()

    # -- behaviour ---------------------------------------------------------------------------
    def set_default_format(self, fmt: str) -> None:
        self.fmt = fmt if fmt in FORMATS else "eip681"
        self.format_box.setCurrentIndex(FORMATS.index(self.fmt))

    def show_invoice(self, inv: Invoice) -> None:
        self.invoice = inv
        self.amount.setText(format_som(inv.amount_tyiyn, self.language))
        exact = base_units_to_decimal_str(inv.due_base, inv.decimals)
        if self.language in ("ru", "ky"):
            exact = exact.replace(".", ",")     # the shop's decimal comma, as in the large amount
        self.onchain.setText(self.tr("Exact amount the wallet sends: %1 som").replace("%1", exact))
        self._render_qr()
        self._show_state()
        self.timer.start()
        self._tick()

    def update_invoice(self, inv: Invoice) -> None:
        if self.invoice is not None and inv.id == self.invoice.id:
            self.invoice = inv
            self._show_state()
            self._tick()

    def _format_picked(self, index: int) -> None:
        fmt = self.format_box.itemData(index)
        if fmt and fmt != self.fmt:
            self.fmt = fmt
            self._render_qr()
            self.format_changed.emit(fmt)

    def _render_qr(self) -> None:
        if self.invoice is None:
            return
        try:
            self.uri = build_uri(self.fmt, self.invoice.request(), trust_coin=self.trust_coin)
            self.format_error.clear()
        except BadInput:
            self.format_error.setText(self.tr("This wallet format is not available on this network; "
                                              "choose another."))
            self.uri = build_uri("eip681", self.invoice.request())
        self.qr.set_data(self.uri)
        self.shown.emit()

    def _tick(self) -> None:
        inv = self.invoice
        if inv is None:
            return
        left = inv.expires_at - int(time.time())
        if inv.state == InvoiceState.NEW and left > 0 and inv.offline_id is None:
            self.countdown.setText(self.tr("Expires in %1").replace("%1", f"{left // 60}:{left % 60:02d}"))
        else:
            self.countdown.clear()
        if inv.state == InvoiceState.NEW and left <= 0 and inv.offline_id is None:
            # The watcher expires it in the database; show it at once so no one waits in vain.
            self._show_state(expired_now=True)

    def _show_state(self, expired_now: bool = False) -> None:
        inv = self.invoice
        assert inv is not None
        st, flags = inv.state, inv.flags
        advice = ""
        if st == InvoiceState.SETTLED:
            key, text = "paid", self.tr("Paid")
            if flags.over:
                key, advice = "attention", self.tr("The customer paid more than asked: give the difference back.")
            elif flags.late:
                advice = self.tr("Paid after the invoice expired; the money has arrived.")
        elif st == InvoiceState.PROCESSING:
            key, text = "processing", self.tr("Seen in a block: confirming…")
        elif st == InvoiceState.EXPIRED or expired_now:
            key, text = "expired", self.tr("Expired")
            advice = self.tr("Start a new sale if the customer still wants to pay.")
            if flags.partial:
                key, advice = "attention", self.tr("Part was paid before expiry: collect the rest or refund it.")
        elif st == InvoiceState.INVALID:
            key, text = "invalid", self.tr("Cancelled")
        elif inv.offline_id is not None and not inv.paid_seen:
            key, text = "offline", self.tr("Accepted offline")
            advice = self.tr("Pending network: it is sent when a connection appears. The sale is done; "
                             "start a new one.")
        else:
            key, text = "waiting", self.tr("Waiting for payment")
            if flags.partial:
                key, text = "attention", self.tr("Partly paid")
                advice = self.tr("The customer paid less than asked: ask them to pay the rest.")
        bg, fg, icon = STATE_STYLE[key]
        self.state.setText(f"{icon} {text}")
        self.state.setStyleSheet(f"background:{bg};color:{fg};border-radius:10px;padding:10px;")
        self.state.setProperty("stateKey", key)
        self.advice.setText(advice)
        done = st in (InvoiceState.SETTLED, InvoiceState.INVALID, InvoiceState.EXPIRED) or key == "offline"
        self.cancel_button.setEnabled(st in (InvoiceState.NEW, InvoiceState.EXPIRED) and key != "offline")
        self.offline_button.setEnabled(st == InvoiceState.NEW and key not in ("offline", "processing")
                                       and not inv.paid_seen)
        # The QR makes room for a big result so nobody scans a finished sale again.
        self.result.setText(icon)
        self.result.setStyleSheet(f"background:{bg};color:{fg};border-radius:16px;")
        self.left.setCurrentWidget(self.result if done else self.qr)
        self.state_key, self.state_text = key, text
        self.shown.emit()
        if key == "paid" and not getattr(self, "_beeped", None) == inv.id:
            self._beeped = inv.id
            self.chimes.play("paid")

    def _cancel(self) -> None:
        if self.invoice is not None:
            self.cancel_sale.emit(self.invoice.id)
