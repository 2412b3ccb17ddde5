"""A whole number set with two big buttons, "−" and "+": a spin box for a finger.

A ``QSpinBox``'s arrows are half its height (about 20 px), too small to hit at the counter; these
buttons are ``TOUCH_MIN`` square and the number between them is large.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pos_app.ui.widgets.common import TOUCH_MIN, BigButton, big_font

ALIGN_CENTER = 0x0004 | 0x0080      # Qt::AlignHCenter | Qt::AlignVCenter


class Stepper(QWidget):
    changed = Signal(int)

    def __init__(self, value: int, minimum: int, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min, self._max = minimum, max(minimum, maximum)
        self._value = min(max(value, self._min), self._max)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.down = BigButton("−", self, point_size=18, min_height=TOUCH_MIN + 4)
        self.up = BigButton("+", self, point_size=18, min_height=TOUCH_MIN + 4)
        for b in (self.down, self.up):
            b.setFixedWidth(TOUCH_MIN + 12)
        self.down.setObjectName("stepDown")
        self.up.setObjectName("stepUp")
        self.label = QLabel()
        self.label.setObjectName("stepValue")
        self.label.setFont(big_font(self, 18))
        self.label.setMinimumWidth(56)
        self.label.setProperty("alignment", ALIGN_CENTER)
        row.addWidget(self.down)
        row.addWidget(self.label)
        row.addWidget(self.up)
        self.down.clicked.connect(lambda: self.set_value(self._value - 1))
        self.up.clicked.connect(lambda: self.set_value(self._value + 1))
        self._show()

    def value(self) -> int:
        return self._value

    def set_value(self, value: int) -> None:
        value = min(max(int(value), self._min), self._max)
        if value != self._value:
            self._value = value
            self._show()
            self.changed.emit(value)

    def set_maximum(self, maximum: int) -> None:
        self._max = max(self._min, int(maximum))
        if self._value > self._max:
            self.set_value(self._max)
        self._show()

    def _show(self) -> None:
        self.label.setText(str(self._value))
        self.down.setEnabled(self._value > self._min)
        self.up.setEnabled(self._value < self._max)
