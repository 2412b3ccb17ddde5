"""The customer-facing display: a second window (second monitor, or mirrored) that follows the
payment screen and shows the customer the QR, the amount and the result in large type."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from pos_app.invoices.model import Invoice
from pos_app.core.money import format_som
from pos_app.ui.widgets.common import QrWidget, big_font


class CustomerDisplay(QWidget):
    def __init__(self, language: str = "ru", parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.language = language
        self.setObjectName("customerDisplay")
        lay = QVBoxLayout(self)
        self.amount = QLabel()
        self.amount.setFont(big_font(self, 40))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.qr = QrWidget()
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setFont(big_font(self, 36))
        self.stack.addWidget(self.qr)
        self.stack.addWidget(self.message)
        # What the customer still owes, or gets back: as large as the price.
        self.money = QLabel()
        self.money.setObjectName("customerMoney")
        self.money.setFont(big_font(self, 32))
        self.money.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.money.setWordWrap(True)
        self.money.setStyleSheet("color:#7c2d12;")
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setFont(big_font(self, 18, bold=False))
        lay.addWidget(self.amount)
        lay.addWidget(self.money)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.hint)
        self.resize(600, 700)
        self.show_welcome()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Som POS: customer display"))

    def show_welcome(self) -> None:
        self.retranslate()
        self.amount.clear()
        self.money.clear()
        self.hint.clear()
        self.message.setText(self.tr("Welcome!"))
        self.message.setStyleSheet("")
        self.stack.setCurrentWidget(self.message)

    def follow(self, inv: Invoice | None, uri: str, state_key: str, state_text: str) -> None:
        """Mirror the payment screen: the same QR (same wallet format), amount and state."""
        self.retranslate()
        if inv is None:
            self.show_welcome()
            return
        self.amount.setText(format_som(inv.amount_tyiyn, self.language))
        if inv.change_tyiyn:
            self.money.setText(self.tr("Your change: %1").replace("%1", format_som(inv.change_tyiyn, self.language)))
        elif inv.paid_seen and inv.still_due_tyiyn and state_key in ("waiting", "attention"):
            self.money.setText(self.tr("Paid %1. Left to pay: %2")
                               .replace("%1", format_som(inv.received_tyiyn, self.language))
                               .replace("%2", format_som(inv.still_due_tyiyn, self.language)))
        else:
            self.money.clear()
        if state_key in ("waiting", "attention") and uri:
            self.qr.set_data(uri)
            self.stack.setCurrentWidget(self.qr)
            self.hint.setText(self.tr("Scan with your wallet to pay") if state_key == "waiting" or inv.rest_open
                              else state_text)
        else:
            colours = {"paid": "#2e7d32", "processing": "#1565c0", "offline": "#6a1b9a"}
            self.message.setText(state_text)
            self.message.setStyleSheet(f"color:{colours.get(state_key, '#263238')};")
            self.stack.setCurrentWidget(self.message)
            self.hint.setText(self.tr("Thank you!") if state_key in ("paid", "offline") else "")
