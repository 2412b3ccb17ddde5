"""Small reusable widgets: the QR code painter and a big touch-friendly button.

The widgets shown on the first paint (the sale screen, the navigation) do not touch PySide6's
``Qt`` namespace: importing it builds ~90 Python enum classes (25 ms on a cheap PC, a sixth of
the whole cold start). Enum-valued properties are set by their integer value through Qt's
property system instead, which converts them; ``Qt`` is imported on first use elsewhere.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from pos_app.invoices.payment_request import qr_matrix

# Qt::FocusPolicy and Qt::Alignment values (stable parts of Qt's API since Qt 4).
NO_FOCUS = 0x0
STRONG_FOCUS = 0xB
ALIGN_RIGHT_VCENTER = 0x0002 | 0x0080
# The smallest height a finger hits reliably (Apple HIG and Material both say 44-48 px).
TOUCH_MIN = 44


class QrWidget(QWidget):
    """Draws a QR code as crisp squares, as large as the space allows (quiet zone included)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = ""
        self._matrix: list[list[bool]] = []
        self.setMinimumSize(QSize(220, 220))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, data: str) -> None:
        self._data = data
        self._matrix = qr_matrix(data) if data else []
        self.update()

    def data(self) -> str:
        return self._data

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        if not self._matrix:
            return
        n = len(self._matrix)
        side = min(self.width(), self.height())
        cell = max(1, side // n)  # whole pixels per module keeps the code sharp and readable
        x0 = (self.width() - cell * n) // 2
        y0 = (self.height() - cell * n) // 2
        from PySide6.QtCore import Qt
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("black"))
        for r, row in enumerate(self._matrix):
            for c, dark in enumerate(row):
                if dark:
                    p.drawRect(QRectF(x0 + c * cell, y0 + r * cell, cell, cell))


# How a disabled button looks whatever colours its screen gave it: a green "Accept payment" that
# cannot be pressed must not look pressable.
DISABLED_LOOK = "background:#d5d9de;color:#7b8591;border:1px solid #c2c8cf;border-radius:8px;"
# The narrowest a big button may become before its text is elided (the full text is its tooltip).
MIN_BUTTON_WIDTH = 64


class BigButton(QPushButton):
    """A touch-sized button whose long text never widens the window: it is elided to fit and
    shown whole in the tooltip."""

    def __init__(self, text: str, parent: QWidget | None = None, *, point_size: int = 22,
                 min_height: int = 64) -> None:
        super().__init__(text, parent)
        f = QFont(self.font())
        f.setPointSize(point_size)
        f.setBold(True)
        self.setFont(f)
        self.setMinimumHeight(max(min_height, TOUCH_MIN))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setProperty("focusPolicy", NO_FOCUS)  # the keyboard always types into the sale

    def setStyleSheet(self, sheet: str) -> None:  # noqa: N802 - Qt API
        """Plain declarations ("background:green;...") style the enabled button only; a disabled
        one always gets the shared disabled look. A widget's own style sheet beats the app's, so
        an app-wide ``:disabled`` rule alone would lose to the screen's colours."""
        if sheet.strip() and "{" not in sheet:
            sheet = f"QPushButton:enabled{{{sheet}}} QPushButton:disabled{{{DISABLED_LOOK}}}"
        super().setStyleSheet(sheet)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), MIN_BUTTON_WIDTH), hint.height())

    def _fitted(self):
        """(style option, font) to draw the text with: a smaller type first (down to 60 %: still
        readable at arm's length), "…" only after."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QStyle, QStyleOptionButton
        opt = QStyleOptionButton()
        self.initStyleOption(opt)
        room = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, opt, self).width() - 8
        full = self.text()
        font = QFont(self.font())
        if opt.fontMetrics.horizontalAdvance(full) > room:
            base = font.pointSizeF()
            for step in range(1, 9):
                font.setPointSizeF(base * (1 - 0.05 * step))
                if QFontMetrics(font).horizontalAdvance(full) <= room:
                    break
            opt.fontMetrics = QFontMetrics(font)
            if opt.fontMetrics.horizontalAdvance(full) > room:
                opt.text = opt.fontMetrics.elidedText(full, Qt.TextElideMode.ElideRight, max(room, 0))
        return opt, font

    def is_cut(self) -> bool:
        """Whether the text shows cut short ("…") at the button's present size."""
        opt, _font = self._fitted()
        return opt.text != self.text()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        from PySide6.QtWidgets import QStyle, QStylePainter
        opt, font = self._fitted()
        painter = QStylePainter(self)
        painter.setFont(font)
        full = self.text()
        tip = full if opt.text != full else ""
        if self.toolTip() in ("", getattr(self, "_auto_tip", "")) and tip != self.toolTip():
            self._auto_tip = tip  # a tooltip the screen set itself is left alone
            self.setToolTip(tip)
        painter.drawControl(QStyle.ControlElement.CE_PushButton, opt)


def big_font(widget: QWidget, size: int, bold: bool = True) -> QFont:
    f = QFont(widget.font())
    f.setPointSize(size)
    f.setBold(bold)
    return f
