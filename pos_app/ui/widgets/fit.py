"""Layout pieces that keep the main window inside the shop's screen.

A ``QStackedWidget`` asks for the largest minimum of all its pages, so one wide page (the queue's
buttons, a long title) widened the window even while the sale screen was shown. ``PageStack`` asks
only for the page on screen, and ``scrolling`` puts a page or panel in a frameless scroll area so
content that does not fit scrolls instead of pushing the window past the screen's edge.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class PageStack(QStackedWidget):
    """A stacked widget whose size hints are those of the page on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        page = self.currentWidget()
        return page.minimumSizeHint() if page is not None else super().minimumSizeHint()

    # A scroll area sizes a page with word-wrapped text by its height for the width; the stack's own
    # layout answers with the tallest of all its pages (a long queue screen made the sale screen
    # scroll and hid its buttons at 600 px), so the page on screen answers instead.
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        page = self.currentWidget()
        return page.hasHeightForWidth() if page is not None else super().hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        page = self.currentWidget()
        return page.heightForWidth(width) if page is not None else super().heightForWidth(width)


def scrolling(widget: QWidget, *, horizontal: bool = True) -> QScrollArea:
    """``widget`` in a frameless scroll area that asks for no minimum size of its own."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    if not horizontal:
        from PySide6.QtCore import Qt
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


def fit_rect(wanted: QRect, available: QRect) -> QRect:
    """``wanted`` made no larger than ``available`` and moved inside it (a frame that fits)."""
    w, h = min(wanted.width(), available.width()), min(wanted.height(), available.height())
    x = min(max(wanted.x(), available.x()), available.right() + 1 - w)
    y = min(max(wanted.y(), available.y()), available.bottom() + 1 - h)
    return QRect(x, y, w, h)
