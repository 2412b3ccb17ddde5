"""The sale screen: a big keypad (touch, keyboard and numpad), the amount, and "Charge"."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from pos_app.core.errors import BadInput
from pos_app.core.money import Tyiyn, format_som, parse_amount
from pos_app.ui.shell.core_text import error_text
from pos_app.ui.widgets.common import ALIGN_RIGHT_VCENTER, STRONG_FOCUS, BigButton, big_font

MAX_CHARS = 12


class SaleScreen(QWidget):
    charge = Signal(int)  # amount in tyiyn

    def __init__(self, language: str = "ru", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.text = ""
        self.setProperty("focusPolicy", STRONG_FOCUS)  # (see widgets.py on the Qt namespace)
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setFont(big_font(self, 14, bold=False))
        self.display = QLabel()
        self.display.setObjectName("amountDisplay")
        self.display.setProperty("alignment", ALIGN_RIGHT_VCENTER)
        self.display.setFont(big_font(self, 40))
        self.display.setStyleSheet("background:#f4f6f8;border:2px solid #c9d1d9;border-radius:8px;padding:8px;")
        self.message = QLabel()
        self.message.setObjectName("amountMessage")
        self.message.setStyleSheet("color:#b00020;font-size:16pt;")
        self.message.setWordWrap(True)
        lay.addWidget(self.title)
        lay.addWidget(self.display)
        lay.addWidget(self.message)
        grid = QGridLayout()
        self.keys: dict[str, BigButton] = {}
        layout = [["7", "8", "9"], ["4", "5", "6"], ["1", "2", "3"], [",", "0", "⌫"]]
        for r, row in enumerate(layout):
            for c, key in enumerate(row):
                b = BigButton(key, self, point_size=26)
                b.clicked.connect(lambda _=False, k=key: self.press(k))
                grid.addWidget(b, r, c)
                self.keys[key] = b
        self.clear_button = BigButton("", self)
        self.clear_button.clicked.connect(lambda: self.press("C"))
        self.charge_button = BigButton("", self, point_size=26, min_height=80)
        self.charge_button.setObjectName("chargeButton")
        self.charge_button.setStyleSheet("background:#1b8a3a;color:white;border-radius:8px;")
        self.charge_button.clicked.connect(self.submit)
        grid.addWidget(self.clear_button, 4, 0)
        grid.addWidget(self.charge_button, 4, 1, 1, 2)
        lay.addLayout(grid, 1)
        self.retranslate()
        self._refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("New sale: type the amount in som"))
        self.clear_button.setText(self.tr("Clear"))
        self.charge_button.setText(self.tr("Charge"))
        self._refresh()

    def set_language(self, language: str) -> None:
        self.language = language
        self._refresh()

    def press(self, key: str) -> None:
        self.message.clear()
        if key == "C":
            self.text = ""
        elif key == "⌫":
            self.text = self.text[:-1]
        elif key in ",.":
            if "," not in self.text:
                self.text = (self.text or "0") + ","
        elif key.isdigit() and len(self.text) < MAX_CHARS:
            if "," in self.text and len(self.text.split(",")[1]) >= 2:
                self.message.setText(self.tr("Som have at most 2 decimals (tyiyn)."))
            elif self.text == "0":
                self.text = key
            else:
                self.text += key
        self._refresh()

    def _refresh(self) -> None:
        shown = self.text or "0"
        self.display.setText(f"{shown} {'som' if self.language == 'en' else 'сом'}")

    def reset(self) -> None:
        self.text = ""
        self.message.clear()
        self._refresh()

    def submit(self) -> None:
        try:
            amount = parse_amount(self.text)
        except BadInput as exc:
            self.message.setText(self._translate_error(exc))
            return
        self.charge.emit(int(amount))

    def _translate_error(self, exc: BadInput) -> str:
        if not self.text:
            return self.tr("Type an amount first.")
        return error_text(exc)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802 - Qt API
        from PySide6.QtCore import Qt
        key = e.key()
        text = e.text()
        if text and text.isdigit():
            self.press(text)
        elif text in (",", "."):
            self.press(",")
        elif key == Qt.Key.Key_Backspace:
            self.press("⌫")
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Delete):
            self.press("C")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        else:
            super().keyPressEvent(e)

    def amount_preview(self) -> str:
        try:
            return format_som(Tyiyn(parse_amount(self.text)), self.language)
        except BadInput:
            return ""
