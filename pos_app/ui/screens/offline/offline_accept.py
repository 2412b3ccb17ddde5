"""The "customer pays offline" screen: scan (or paste, or open a file), see the verdict, accept.

A USB/HID scanner types the payload and presses Enter, so the input field has focus and Enter
checks. The check and the accept run on the database worker; "Accepted" is shown only after the
commit. A refusal explains itself in one sentence, in the shop's language.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_app.core.money import format_som
from pos_app.ui.widgets.common import BigButton, big_font

OK_STYLE = "background:#e8f5e9;color:#1b5e20;border-radius:8px;padding:12px;"
BAD_STYLE = "background:#ffebee;color:#b71c1c;border-radius:8px;padding:12px;"



class OfflineAcceptScreen(QWidget):
    check_requested = Signal(str)         # payload text
    accept_requested = Signal(str)
    back = Signal()
    file_chosen = Signal(str)

    def __init__(self, language: str = "ru", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.invoice = None
        self.checked_text: str | None = None
        root = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setFont(big_font(self, 22))
        self.title.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setFont(big_font(self, 13, bold=False))
        self.input = QLineEdit()
        self.input.setObjectName("payloadInput")
        self.input.setMinimumHeight(48)
        self.input.setMaxLength(20000)
        self.input.returnPressed.connect(self._check)
        self.input.textChanged.connect(self._edited)
        row = QHBoxLayout()
        self.paste_button = BigButton("", self, point_size=14, min_height=48)
        self.paste_button.clicked.connect(self._paste)
        self.file_button = BigButton("", self, point_size=14, min_height=48)
        self.file_button.clicked.connect(self._open_file)
        self.check_button = BigButton("", self, point_size=14, min_height=48)
        self.check_button.clicked.connect(self._check)
        for b in (self.paste_button, self.file_button, self.check_button):
            row.addWidget(b)
        self.verdict = QLabel()
        self.verdict.setObjectName("offlineVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setFont(big_font(self, 18))
        self.verdict.setMinimumHeight(110)
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.accept_button = BigButton("", self, point_size=20, min_height=72)
        self.accept_button.setObjectName("acceptOfflineButton")
        self.accept_button.setStyleSheet("background:#1b8a3a;color:white;border-radius:8px;")
        self.accept_button.clicked.connect(self._accept)
        self.back_button = BigButton("", self, point_size=16, min_height=56)
        self.back_button.clicked.connect(self.back.emit)
        root.addWidget(self.title)
        root.addWidget(self.hint)
        root.addWidget(self.input)
        root.addLayout(row)
        root.addWidget(self.verdict, 1)
        root.addWidget(self.accept_button)
        root.addWidget(self.back_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Scan the QR code on the customer's phone, or paste it, or open a file or a "
                                  "picture of it. The payment is checked here, without the network."))
        self.input.setPlaceholderText(self.tr("Scan or paste the payment here"))
        self.paste_button.setText(self.tr("Paste"))
        self.file_button.setText(self.tr("Open file…"))
        self.check_button.setText(self.tr("Check"))
        self.accept_button.setText(self.tr("Accept payment"))
        self.back_button.setText(self.tr("Back to the QR"))
        self._title()

    def _title(self) -> None:
        if self.invoice is not None:
            self.title.setText(self.tr("Offline payment for sale %1: %2").replace("%1", str(self.invoice.id))
                               .replace("%2", format_som(self.invoice.amount_tyiyn, self.language)))

    def recheck(self) -> None:
        """After a language change: a verdict on screen is asked for again, so it is said anew in
        the new language (checking writes nothing)."""
        if self.verdict.text() and self.accept_button.isEnabled() or self.verdict.text() and not self.checked_text:
            self._check()

    # -- flow ------------------------------------------------------------------------------------
    def start(self, invoice) -> None:
        self.invoice = invoice
        self.input.clear()
        self.checked_text = None
        self.verdict.clear()
        self.verdict.setStyleSheet("")
        self.accept_button.setEnabled(False)
        self._title()
        self.input.setFocus()

    def _edited(self) -> None:
        if self.input.text() != self.checked_text:
            self.accept_button.setEnabled(False)

    def _paste(self) -> None:
        from PySide6.QtWidgets import QApplication
        self.input.setText(QApplication.clipboard().text().strip())
        self._check()

    def _open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a payment file or QR picture"), "",
                                              self.tr("Payments and pictures (*.txt *.json *.png *.jpg *.jpeg *.bmp *.gif);;"
                                                      "All files (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Reading (and decoding a picture) happens on the worker: see MainWindow."""
        self.verdict.setStyleSheet("")
        self.verdict.setText(self.tr("Reading the file…"))
        self.file_chosen.emit(path)

    def set_payload_text(self, text: str) -> None:
        self.input.setText(text.strip())
        self._check()

    def _check(self) -> None:
        text = self.input.text().strip()
        if not text:
            self.show_refusal(self.tr("Nothing was scanned."))
            return
        self.verdict.setStyleSheet("")
        self.verdict.setText(self.tr("Checking…"))
        self.check_requested.emit(text)

    def _accept(self) -> None:
        if self.checked_text:
            self.accept_button.setEnabled(False)
            self.verdict.setText(self.tr("Saving…"))
            self.accept_requested.emit(self.checked_text)

    # -- results (from the worker, on the GUI thread) ------------------------------------------
    def show_verdict(self, text: str, verdict, message: str) -> None:
        if text != self.input.text().strip():
            return  # the field changed meanwhile; a newer check is on its way
        if not verdict.ok:
            self.show_refusal(message)
            return
        self.checked_text = text
        lines = [self.tr("Valid payment of %1 from %2.").replace("%1", message).replace("%2", _short(verdict.payer))]
        if "queue_old" in verdict.warnings:
            lines.append(self.tr("Offline payments have waited over 12 hours: connect soon."))
        if "payer_failed_before" in verdict.warnings:
            lines.append(self.tr("Careful: a payment from this customer failed before."))
        self.verdict.setStyleSheet(OK_STYLE)
        self.verdict.setText("✔ " + "\n".join(lines))
        self.accept_button.setEnabled(True)
        self.accept_button.setFocus()

    def show_refusal(self, message: str) -> None:
        self.checked_text = None
        self.accept_button.setEnabled(False)
        self.verdict.setStyleSheet(BAD_STYLE)
        self.verdict.setText("✖ " + self.tr("Do not accept: %1").replace("%1", message))


def _short(address: str | None) -> str:
    """The payer as a person compares it by eye, without the 0x (the shop's address book names
    payers once the sale is made)."""
    from pos_app.shop.payers import short_address
    return short_address(address) if address else ""
