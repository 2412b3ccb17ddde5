"""The warning in the status area when this computer's clock disagrees with the network's (issue 18).

The payment watcher measures the network's time against this till's clock from each new block and
publishes ``ClockSkewed(seconds)`` when the difference passes 5 minutes (``seconds`` is network
time minus this till's time; 0 once they agree again). The last difference is kept in the settings
(``AppContext.clock_skew``), so the warning shows at start too, before the watcher has run.

A sale's expiry and a payment's "paid late" are judged in this till's clock, so a wrong clock is
said in plain words and human units: "The computer's clock is 2 hours ahead of the network's: set
the date and time."
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from pos_app.core.events import ClockSkewed
from pos_app.ui.shell.bridge import EventBridge, Worker
from pos_app.ui.shell.i18n import plural

if TYPE_CHECKING:
    from pos_app.app.till import Till

WARN_AFTER_S = 300       # the watcher's threshold (payments/clock.py SKEW_WARN_S)


class ClockWords(QObject):
    """The warning's words (a QObject for ``self.tr``: the units are Qt plural messages)."""

    def text(self, seconds: int) -> str:
        if abs(seconds) <= WARN_AFTER_S:
            return ""
        gap = abs(int(seconds))
        # Minutes up to an hour and a half, hours up to two days, days beyond (rounded to the nearest).
        if gap < 90 * 60:
            n = max(1, round(gap / 60))
            amount = plural(self.tr("%n minute(s)", "", n), n)
        elif gap < 48 * 3600:
            n = round(gap / 3600)
            amount = plural(self.tr("%n hour(s)", "", n), n)
        else:
            n = round(gap / 86400)
            amount = plural(self.tr("%n day(s)", "", n), n)
        if seconds < 0:      # this till's time is later than the network's
            text = self.tr("The computer's clock is %1 ahead of the network's: set the date and time.")
        else:
            text = self.tr("The computer's clock is %1 behind the network's: set the date and time.")
        return text.replace("%1", amount)


def clock_text(seconds: int) -> str:
    """The warning for a difference of ``seconds`` (network minus this till), in the installed language;
    empty when the clocks agree within the threshold."""
    return ClockWords().text(seconds)


class ClockWarning(QObject):
    """Owns ``label`` (placed in the window's status bar) and keeps it true to the last measurement."""

    def __init__(self, till: Till, *, bridge: EventBridge, db: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = 0
        self.label = QLabel()
        self.label.setObjectName("clockWarning")
        self.label.setStyleSheet("color:#3e2723;background:#ffb300;font-weight:bold;font-size:12pt;"
                                 "padding:2px 6px;border-radius:4px;")
        self.label.setWordWrap(True)         # two lines on a narrow screen rather than cut
        self.label.setMinimumWidth(1)
        self.label.setVisible(False)
        bridge.on(lambda e: self.show_skew(e.seconds), ClockSkewed)
        # The last difference measured, kept across restarts (the watcher starts a moment later).
        db.run(till.clock_skew, self.show_skew)

    def show_skew(self, seconds: int) -> None:
        self.seconds = int(seconds or 0)
        self.retranslate()

    def retranslate(self) -> None:
        text = clock_text(self.seconds)
        self.label.setText(text)
        self.label.setToolTip(text)
        self.label.setVisible(bool(text))
