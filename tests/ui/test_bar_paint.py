"""The warning bars paint their own background from their style sheet (a QFrame with a styled
background needs no WA_StyledBackground of its own: the attribute and the Qt namespace it needed
were dropped from the start path, issue 19 point 8)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _colour_at_edge(widget) -> str:
    widget.resize(400, 60)
    widget.show()
    from PySide6.QtWidgets import QApplication
    QApplication.processEvents()
    img = widget.grab().toImage()
    return img.pixelColor(img.width() - 8, img.height() // 2).name()


def test_the_twin_and_unmatched_bars_paint_their_background(qtbot):
    from pos_app.ui.screens.sales.unmatched_alert import UnmatchedAlert
    from pos_app.ui.screens.till.twin_bar import TwinBar
    twin, alert = TwinBar(), UnmatchedAlert()
    qtbot.addWidget(twin)
    qtbot.addWidget(alert)
    assert _colour_at_edge(twin) == "#b71c1c"
    assert _colour_at_edge(alert) == "#ffb300"
