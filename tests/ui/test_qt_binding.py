"""Guard against a broken Qt binding: PySide6-Essentials 6.12.0 decrements None's reference count
on every call of a method that returns nothing (under Python 3.11, where None is not immortal),
so a shop's screen crashed after a few thousand paints. The pinned version must not do that."""
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter


def test_void_calls_do_not_release_none(qapp):
    img = QImage(10, 10, QImage.Format.Format_RGB32)
    p = QPainter(img)
    try:
        before = sys.getrefcount(None)
        for _ in range(2000):
            p.setPen(Qt.PenStyle.NoPen)
            p.drawRect(1, 1, 2, 2)
        assert abs(sys.getrefcount(None) - before) < 100
    finally:
        p.end()
