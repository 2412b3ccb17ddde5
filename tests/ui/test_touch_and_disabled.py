"""Issue 12: every control a finger uses is at least 44 px high on every screen (settings
included), and a disabled button looks disabled even when its screen paints it green."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QSpinBox

from pos_app.ui.widgets.common import TOUCH_MIN, BigButton

from .test_sale_flow import charge

GREEN = "background:#1b8a3a;color:white;border-radius:8px;"


def _small_controls(win, page) -> list[str]:
    win.stack.setCurrentWidget(page)
    win.resize(1024, 600)
    for _ in range(3):
        from PySide6.QtWidgets import QApplication
        QApplication.processEvents()
    small = []
    for kind in (QPushButton, QLineEdit, QComboBox, QSpinBox):
        for c in win.findChildren(kind):
            if c.isVisible() and c.height() < TOUCH_MIN:
                small.append(f"{type(page).__name__}: {type(c).__name__} {c.objectName() or c.text() if hasattr(c, 'text') else ''} "
                             f"{c.height()} px")
    return small


def test_every_visible_control_is_touch_sized_on_every_screen(qtbot, window):
    win = window
    win.finish_startup()
    charge(qtbot, win, "15")
    pages = [win.payment, win.sale, win.sales, win.settings, win.offline.queue_view]
    win.settings.load(win.cfg)
    small = [line for page in pages for line in _small_controls(win, page)]
    win.offline.start()                                   # the offline acceptance screen for the sale
    small += _small_controls(win, win.offline.accept_screen)
    assert small == []


def _background(button) -> tuple[int, int, int]:
    """The colour actually painted near the top edge's middle (clear of the text)."""
    img = button.grab().toImage()
    c = img.pixelColor(img.width() // 2, 6)
    return c.red(), c.green(), c.blue()


def _greenish(rgb) -> bool:
    r, g, b = rgb
    return g > r + 40 and g > b + 30


def test_a_disabled_green_button_is_painted_grey(qtbot):
    enabled, disabled = BigButton("Accept payment"), BigButton("Accept payment")
    for b in (enabled, disabled):
        qtbot.addWidget(b)
        b.setStyleSheet(GREEN)
        b.resize(300, 72)
        b.show()
    disabled.setEnabled(False)
    assert _greenish(_background(enabled))
    assert not _greenish(_background(disabled)), _background(disabled)
    assert _background(disabled) != _background(enabled)
    disabled.setEnabled(True)                               # and back to green when it may be pressed
    assert _background(disabled) == _background(enabled)


def test_a_refused_offline_payment_shows_no_green_accept_button(qtbot, window):
    win = window
    charge(qtbot, win, "150")
    qtbot.mouseClick(win.payment.offline_button, Qt.MouseButton.LeftButton)
    screen = win.offline.accept_screen
    qtbot.waitUntil(lambda: win.stack.currentWidget() is screen, timeout=5000)
    qtbot.keyClicks(screen.input, "0xdeadbeef")
    qtbot.keyClick(screen.input, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Do not accept" in screen.verdict.text(), timeout=5000)
    assert not screen.accept_button.isEnabled()
    assert not _greenish(_background(screen.accept_button)), _background(screen.accept_button)


def test_long_button_texts_are_cut_not_widening(qtbot):
    b = BigButton("A very long label that would push the whole window past the screen edge " * 3)
    qtbot.addWidget(b)
    assert b.minimumSizeHint().width() <= 64
    b.resize(120, 50)
    b.show()
    b.grab()                                               # paints: the elided text, the full one as tooltip
    assert b.toolTip() == b.text()
