"""The bar above every screen that names a failed offline payment and offers the next step.

It only shows what the offline controller tells it and passes the cashier's choice back as a
signal (``collect_again`` / ``mark_resolved``); the main window merely places it in its layout.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pos_app.ui.widgets.common import BigButton


class FailureBar(QWidget):
    collect_again = Signal()    # charge the customer again for the failed payment
    mark_resolved = Signal()    # it was settled another way

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeBar")
        self.setStyleSheet("#outcomeBar{background:#fff3e0;border:2px solid #e65100;}")
        row = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-size:13pt;color:#3e2723;")
        self.collect_again_button = BigButton("", self, point_size=13, min_height=44)
        self.mark_resolved_button = BigButton("", self, point_size=13, min_height=44)
        self.collect_again_button.clicked.connect(self.collect_again.emit)
        self.mark_resolved_button.clicked.connect(self.mark_resolved.emit)
        row.addWidget(self.text, 3)
        row.addWidget(self.collect_again_button, 1)
        row.addWidget(self.mark_resolved_button, 1)
        self.setVisible(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.collect_again_button.setText(self.tr("Collect again"))
        self.mark_resolved_button.setText(self.tr("Mark resolved"))

    def show_failure(self, text: str | None) -> None:
        """Show ``text`` (the oldest failure, in words), or hide the bar when nothing failed."""
        if text is None:
            self.setVisible(False)
            return
        self.text.setText(text)
        self.setVisible(True)
