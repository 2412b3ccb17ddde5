"""The page on screen alone decides how tall the page stack is in its scroll area (issue 12 point 3):
a long page elsewhere in the stack must not make the sale's page scroll and hide its buttons."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.ui.widgets.fit import PageStack, scrolling


def test_a_tall_hidden_page_does_not_make_the_shown_page_scroll(qtbot):
    stack = PageStack()
    short = QWidget()
    QVBoxLayout(short).addWidget(QPushButton("New sale"))
    tall = QWidget()
    lay = QVBoxLayout(tall)
    for _ in range(12):
        text = QLabel("A long explanation that wraps over several lines when the page is narrow. " * 4)
        text.setWordWrap(True)       # word-wrapped text: the page has a height-for-width
        lay.addWidget(text)
    stack.addWidget(short)
    stack.addWidget(tall)
    area = scrolling(stack)
    area.resize(500, 300)
    qtbot.addWidget(area)
    area.show()
    stack.setCurrentWidget(tall)
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)     # the long page scrolls...
    stack.setCurrentWidget(short)
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() == 0)    # ...the short one does not
    assert stack.height() == area.viewport().height()
