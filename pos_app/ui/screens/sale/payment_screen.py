"""The payment screen: big QR, amount in large type, wallet format, countdown, live state."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QComboBox, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from pos_app.core.errors import BadInput
from pos_app.invoices.lifecycle import InvoiceState
from pos_app.invoices.actions import SaleAction, allowed_actions
from pos_app.invoices.service import Invoice
from pos_app.core.money import base_units_to_decimal_str, format_som
from pos_app.invoices.payment_request import FORMATS, build_uri
from pos_app.ui.shell.reasons import invoice_state_text
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


MONEY_STYLE = "background:#fff8e1;color:#7c2d12;border-radius:8px;padding:4px 8px;"


class PaymentScreen(QWidget):
    new_sale = Signal()
    offline_requested = Signal()        # the customer hands over a signed payment (no network needed)
    cancel_sale = Signal(int)          # invoice id
    charge_again = Signal(int)         # invoice id: ask again for an expired or partly paid sale
    accept_short = Signal(int)         # invoice id: accept a part-paid sale short by at most the tolerance
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
        self.online = True
        self.short_tolerance = 0          # tyiyn a cashier may accept as paid (Settings); 0: never
        # The QR and the money side by side, the actions in one row under both: on a 600-px-high
        # screen "New sale" stays in view without scrolling.
        page = QVBoxLayout(self)
        page.setContentsMargins(4, 4, 4, 4)
        outer = QHBoxLayout()
        self.outer = outer
        page.addLayout(outer, 1)
        self.actions = QHBoxLayout()
        page.addLayout(self.actions)
        self.left = QStackedWidget(self)
        self.qr = QrWidget(self)
        self.result = QLabel()
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.result.setFont(big_font(self, 120))
        self.left.addWidget(self.qr)
        self.left.addWidget(self.result)
        outer.addWidget(self.left, 3)
        side = QVBoxLayout()
        side.setSpacing(4)
        outer.addLayout(side, 2)
        self.amount = QLabel()
        self.amount.setObjectName("paymentAmount")
        self.amount.setFont(big_font(self, 32))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The money a cashier must see: what came in, what is still owed, what to give back.
        self.received = QLabel()
        self.received.setObjectName("receivedAmount")
        self.received.setFont(big_font(self, 16, bold=False))
        self.received.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.still_due = QLabel()
        self.still_due.setObjectName("stillDueAmount")
        self.change = QLabel()
        self.change.setObjectName("changeAmount")
        for w in (self.still_due, self.change):
            w.setFont(big_font(self, 20))
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            w.setWordWrap(True)
            w.setStyleSheet(MONEY_STYLE)
        # The exact amount with its matching tail is for whoever checks a wallet: behind "Details".
        self.details_button = QPushButton()
        self.details_button.setObjectName("paymentDetailsButton")
        self.details_button.setCheckable(True)
        self.details_button.setFlat(True)
        self.details_button.setMinimumHeight(44)
        self.details_button.toggled.connect(lambda on: self.onchain.setVisible(on))
        self.onchain = QLabel()
        self.onchain.setObjectName("exactAmount")
        self.onchain.setWordWrap(True)
        self.onchain.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.onchain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.onchain.setVisible(False)
        self.format_label = QLabel()
        self.format_box = QComboBox()
        self.format_box.setMinimumHeight(44)
        self.format_box.currentIndexChanged.connect(self._format_picked)
        self.format_error = QLabel()
        self.format_error.setStyleSheet("color:#b00020;")
        self.format_error.setWordWrap(True)
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.countdown.setFont(big_font(self, 15, bold=False))
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state = QLabel()
        self.state.setObjectName("paymentState")
        self.state.setFont(big_font(self, 20))
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.state.setMinimumHeight(56)
        self.state.setWordWrap(True)  # a long state wraps; it must not squeeze the QR
        self.advice = QLabel()
        self.advice.setObjectName("paymentAdvice")
        self.advice.setWordWrap(True)
        self.advice.setFont(big_font(self, 13, bold=False))
        self.advice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cancel_button = BigButton("", self, point_size=16, min_height=56)
        self.cancel_button.clicked.connect(self._cancel)
        self.new_button = BigButton("", self, point_size=20, min_height=60)
        self.new_button.setObjectName("newSaleButton")
        self.new_button.setStyleSheet("background:#1b8a3a;color:white;border-radius:8px;")
        self.new_button.clicked.connect(self.new_sale.emit)
        self.offline_button = BigButton("", self, point_size=15, min_height=52)
        self.offline_button.setObjectName("offlinePayButton")
        self.offline_button.clicked.connect(self.offline_requested.emit)
        self.again_button = BigButton("", self, point_size=18, min_height=64)
        self.again_button.setObjectName("chargeAgainButton")
        self.again_button.setStyleSheet("background:#1565c0;color:white;border-radius:8px;")
        self.again_button.clicked.connect(self._charge_again)
        self.again_button.setVisible(False)
        # A customer paying from an exchange may arrive a few tyiyn short (its fee): within the
        # owner's tolerance one tap (after a question) accepts the sale as paid, audited.
        self.short_button = BigButton("", self, point_size=14, min_height=52)
        self.short_button.setObjectName("acceptShortButton")
        self.short_button.setStyleSheet("background:#2e7d32;color:white;border-radius:8px;")
        self.short_button.clicked.connect(self._accept_short)
        self.short_button.setVisible(False)
        self.side = side
        # Long wallet names are cut in the closed list, not a reason to squeeze the QR.
        self.format_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.format_box.setMinimumContentsLength(10)
        wallet = QHBoxLayout()
        wallet.addWidget(self.format_label)
        wallet.addWidget(self.format_box, 1)
        wallet.addWidget(self.details_button)
        for w in (self.amount, self.received, self.still_due, self.change, self.state, self.advice,
                  self.again_button, self.countdown):
            side.addWidget(w)
        side.addLayout(wallet)
        for w in (self.format_error, self.onchain):
            side.addWidget(w)
        side.addStretch(1)
        # "Accept as paid (short …)" takes the place of "Customer pays offline", which a part-paid
        # sale cannot use: the side panel keeps its height (600-px screens).
        for w, stretch in ((self.offline_button, 3), (self.short_button, 4), (self.cancel_button, 2),
                           (self.new_button, 3)):
            self.actions.addWidget(w, stretch)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.retranslate()

    NARROW = 650   # below this width (a portrait tablet beside the demo phone) the QR goes above the money

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        from PySide6.QtWidgets import QBoxLayout
        narrow = event.size().width() < self.NARROW
        want = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.outer.direction() != want:
            self.outer.setDirection(want)
            # Narrow, the actions stack too: each button gets the whole width for its words.
            self.actions.setDirection(want)
        super().resizeEvent(event)

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
        self.again_button.setText(self.tr("Charge again"))
        self.details_button.setText(self.tr("Details"))
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
        self._show_exact()
        self._render_qr()
        self._show_state()
        self.timer.start()
        self._tick()

    def _show_exact(self) -> None:
        inv = self.invoice
        assert inv is not None
        exact = base_units_to_decimal_str(inv.asked_base, inv.decimals)
        if self.language in ("ru", "ky"):
            exact = exact.replace(".", ",")     # the shop's decimal comma, as in the large amount
        self.onchain.setText(self.tr("Exact amount the wallet sends: %1 som. The last digits tell this sale "
                                     "apart from others; a wallet that rounds them away still pays in full.")
                             .replace("%1", exact))

    def update_invoice(self, inv: Invoice) -> None:
        if self.invoice is not None and inv.id == self.invoice.id:
            asked = self.invoice.asked_base
            self.invoice = inv
            if inv.asked_base != asked:
                # Part was paid: the QR now asks only the rest, by its own amount.
                self._show_exact()
                self._render_qr()
            self._show_state()
            self._tick()

    def set_online(self, online: bool) -> None:
        """Offline, taking a customer-signed payment is the way to be paid: bring it forward."""
        if online == self.online:
            return
        self.online = online
        self.side.removeWidget(self.offline_button)
        self.actions.removeWidget(self.offline_button)
        if online:
            self.actions.insertWidget(0, self.offline_button, 3)
            self.offline_button.setStyleSheet("")
            self.offline_button.setFont(big_font(self, 15))
        else:
            self.side.insertWidget(self.side.indexOf(self.advice) + 1, self.offline_button)
            # Larger by its font, not a style sheet's font-size: the button shrinks its own font to
            # fit a long translation, which a style sheet would override (the text was cut).
            self.offline_button.setStyleSheet("background:#6a1b9a;color:white;border-radius:8px;")
            self.offline_button.setFont(big_font(self, 18))
        if self.invoice is not None:
            self._show_state()

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

    def allowed(self, inv: Invoice) -> frozenset[SaleAction]:
        """What the cashier may do to ``inv`` now: the service's own rules (invoices/actions.py)."""
        return allowed_actions(inv, int(time.time()), short_tolerance=self.short_tolerance)

    def short_acceptable(self, inv: Invoice) -> bool:
        return SaleAction.ACCEPT_SHORT in self.allowed(inv)

    def set_short_tolerance(self, tyiyn: int) -> None:
        self.short_tolerance = int(tyiyn)
        if self.invoice is not None:
            self._show_state()

    def _show_state(self, expired_now: bool = False) -> None:
        inv = self.invoice
        assert inv is not None
        st, flags = inv.state, inv.flags
        advice = ""
        short = format_som(inv.short_tyiyn, self.language) if inv.short_base > 0 else ""
        if inv.carried:
            # Another till's sale: this till only carries the customer's signed payment.
            key = "offline" if st not in (InvoiceState.SETTLED, InvoiceState.INVALID) else \
                ("paid" if st == InvoiceState.SETTLED else "invalid")
            text = self.tr("Sent for another till (sale %1 there)").replace(
                "%1", (inv.carried_for or "").rpartition(":")[2] or "?")
            advice = self.tr("Not this till's sale: it is not counted in this till's money.")
        elif st == InvoiceState.SETTLED:
            key, text = "paid", invoice_state_text(InvoiceState.SETTLED)
            if short:
                text = self.tr("Paid (accepted short by %1)").replace("%1", short)
            if inv.change_tyiyn:
                key, advice = "attention", self.tr("The customer paid more than asked: give the change back.")
            elif flags.late:
                advice = self.tr("Paid after the invoice expired; the money has arrived.")
        elif st == InvoiceState.PROCESSING:
            key, text = "processing", self.tr("Payment arrived: confirming…")
            if short:
                advice = self.tr("Accepted as paid, short by %1.").replace("%1", short)
        elif st == InvoiceState.EXPIRED or expired_now:
            key, text = "expired", invoice_state_text(InvoiceState.EXPIRED)
            advice = self.tr("Tap \"Charge again\" if the customer still wants to pay.")
            if flags.partial:
                key, advice = "attention", self.tr("Part was paid before it expired: charge again for the rest, "
                                                   "or give the part back.")
        elif st == InvoiceState.INVALID:
            key, text = "invalid", invoice_state_text(InvoiceState.INVALID)
        elif inv.offline_id is not None and not inv.paid_seen:
            key, text = "offline", self.tr("Accepted offline")
            advice = self.tr("Pending network: it is sent when a connection appears. The sale is done; "
                             "start a new one.")
        else:
            key, text = "waiting", self.tr("Waiting for payment")
            if flags.partial:
                key, text = "attention", self.tr("Partly paid")
                advice = self.tr("Ask the customer to scan again: the code now asks only for the rest.")
        if st == InvoiceState.NEW and key == "waiting" and not self.online and not inv.paid_seen:
            advice = self.tr("No connection: the customer can still pay from their phone without the network. "
                             "Tap \"Customer pays offline (scan)\".")
        if inv.reopened_at is not None and st in (InvoiceState.NEW, InvoiceState.EXPIRED) and not inv.carried:
            # The network had settled it, then its money left: say so before anything else.
            advice = self.tr("This sale was paid, but its payment has left the network: ask the customer, "
                             "or charge again.")
        self._show_money(inv)
        allowed = self.allowed(inv)
        # Offered once the sale's time to pay is over (while it waits, its code is still on screen).
        self.again_button.setVisible(SaleAction.CHARGE_AGAIN in allowed and st == InvoiceState.EXPIRED)
        can_short = SaleAction.ACCEPT_SHORT in allowed
        self.short_button.setVisible(can_short)
        self.offline_button.setVisible(not (can_short and self.online))
        if can_short:
            self.short_button.setText(self.tr("Accept as paid (short %1)").replace(
                "%1", format_som(inv.still_due_tyiyn, self.language)))
        bg, fg, icon = STATE_STYLE[key]
        self.state.setText(f"{icon} {text}")
        self.state.setStyleSheet(f"background:{bg};color:{fg};border-radius:10px;padding:6px;")
        self.state.setProperty("stateKey", key)
        self.advice.setText(advice)
        done = st in (InvoiceState.SETTLED, InvoiceState.INVALID, InvoiceState.EXPIRED) or key == "offline"
        self.cancel_button.setEnabled(SaleAction.CANCEL in allowed)
        self.offline_button.setEnabled(st == InvoiceState.NEW and key not in ("offline", "processing")
                                       and not inv.paid_seen)
        # The QR makes room for a big result so nobody scans a finished sale again.
        self.result.setText(icon)
        self.result.setStyleSheet(f"background:{bg};color:{fg};border-radius:16px;")
        self.left.setCurrentWidget(self.result if done else self.qr)
        # With no QR left to scan, the wallet choice and its details have nothing to say.
        for w in (self.format_label, self.format_box, self.details_button):
            w.setVisible(not done)
        self.onchain.setVisible(not done and self.details_button.isChecked())
        self.state_key, self.state_text = key, text
        self.shown.emit()
        if key == "paid" and not getattr(self, "_beeped", None) == inv.id:
            self._beeped = inv.id
            self.chimes.play("paid")

    def _show_money(self, inv: Invoice) -> None:
        """Received so far, still due, change: shown whenever money came in (never a guess)."""
        lang = self.language
        self.received.setText(self.tr("Received: %1").replace("%1", format_som(inv.received_tyiyn, lang)))
        self.received.setVisible(bool(inv.paid_seen))
        owed = inv.still_due_tyiyn if inv.paid_seen and inv.state != InvoiceState.INVALID else 0
        self.still_due.setText(self.tr("Still due: %1").replace("%1", format_som(owed, lang)))
        self.still_due.setVisible(bool(owed))
        self.change.setText(self.tr("Give back: %1").replace("%1", format_som(inv.change_tyiyn, lang)))
        self.change.setVisible(bool(inv.change_tyiyn))
        if inv.state == InvoiceState.INVALID and inv.received_tyiyn:
            self.change.setText(self.tr("Give back: %1").replace("%1", format_som(inv.received_tyiyn, lang)))
            self.change.setVisible(True)
        if inv.carried:       # the other till's customer: that till collects the rest or gives change
            self.still_due.setVisible(False)
            self.change.setVisible(False)

    def _accept_short(self) -> None:
        if self.invoice is not None and self.short_acceptable(self.invoice):
            self.accept_short.emit(self.invoice.id)

    def _charge_again(self) -> None:
        if self.invoice is not None:
            self.charge_again.emit(self.invoice.id)

    def _cancel(self) -> None:
        if self.invoice is not None:
            self.cancel_sale.emit(self.invoice.id)
