"""The red bar that says another till of the shop uses this till's number (issue 18).

While ``InvoiceService.twin_alarm()`` is set, this till settles no payment by its amount (each goes
to the unmatched inbox for a person to assign), because a payment carrying this till's amount may
be a twin till's customer's. The bar says so above every screen, in shop words, until a manager
has given each till its own number and taps "Each till has its own number now" (after a
confirmation): ``InvoiceService.resolve_twin_alarm`` clears it, audited.

The controller reads the alarm at start (it persists in the settings) and on every
``TwinTillSuspected`` event; reading and clearing run on the database worker.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QSizePolicy, QVBoxLayout, QWidget

from pos_app.core.errors import PosError
from pos_app.core.events import TwinTillSuspected
from pos_app.ui.shell.bridge import EventBridge, Worker
from pos_app.ui.shell.core_text import error_text
from pos_app.ui.widgets.ask import ask
from pos_app.ui.widgets.common import BigButton

if TYPE_CHECKING:
    from pos_app.app.till import Till


class TwinBar(QFrame):
    """The sentence, the manager's button, and a refusal if clearing failed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("twinTillBar")
        self.setStyleSheet("QFrame#twinTillBar{background:#b71c1c;border-radius:6px;}"
                           " QLabel#twinTillText{color:white;font-size:13pt;}")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        texts = QVBoxLayout()
        self.text = QLabel()
        self.text.setObjectName("twinTillText")
        self.text.setWordWrap(True)          # a long sentence wraps instead of widening the window
        self.text.setMinimumWidth(1)
        self.error = QLabel()
        self.error.setObjectName("twinTillError")
        self.error.setWordWrap(True)
        self.error.setMinimumWidth(1)
        self.error.setStyleSheet("color:#ffecb3;font-weight:bold;font-size:12pt;")
        self.error.setVisible(False)
        texts.addWidget(self.text)
        texts.addWidget(self.error)
        lay.addLayout(texts, 1)
        self.resolve_button = BigButton("", self, point_size=12, min_height=44)
        self.resolve_button.setObjectName("twinTillResolveButton")
        self.resolve_button.setStyleSheet("background:white;color:#b71c1c;border-radius:6px;padding:4px 8px;")
        self.resolve_button.setMaximumWidth(340)
        # As high as a finger needs, not as high as the sentence beside it.
        self.resolve_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.resolve_button.setMaximumHeight(56)
        lay.addWidget(self.resolve_button)
        self.setVisible(False)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


def load_twin(till: Till) -> tuple[dict | None, Any]:
    """(the alarm or None, this till's place) - on the database worker."""
    return till.twin_alarm()


class TwinBarController(QObject):
    """Keeps the bar true to the alarm; ``changed`` tells the window it appeared or went."""

    changed = Signal(bool)

    def __init__(self, till: Till, *, bridge: EventBridge, db: Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.db = db
        self.alarm: dict | None = None
        self.slot = None                 # TillSlot: this till's number and count, as set now
        self.loaded = False
        self.dialog: QMessageBox | None = None
        self._resolving = False
        self.widget = TwinBar()
        self.widget.resolve_button.clicked.connect(self.ask_resolve)
        bridge.on(lambda _e: self.reload(), TwinTillSuspected)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        """Read the alarm (it persists in the settings) on the database worker."""
        till = self.till
        self.db.run(lambda: load_twin(till), self._loaded, lambda err: self.widget.show_error(error_text(err)))

    def _loaded(self, result: tuple[dict | None, Any]) -> None:
        was = self.alarm is not None
        self.alarm, self.slot = result
        self.loaded = True
        self._render()
        if was != (self.alarm is not None):
            self.changed.emit(self.alarm is not None)

    def set_language(self, _language: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.widget.resolve_button.setText(self.tr("Each till has its own number now"))
        self._render()

    def sentence(self) -> str:
        text = self.tr("Another till uses this till's number: payments are not matched to sales automatically "
                       "until each till has its own number. Settings → This till.")
        if self.slot is not None:
            text += " " + (self.tr("This till is set as till %1 of %2.")
                           .replace("%1", str(self.slot.number)).replace("%2", str(self.slot.count)))
        return text

    def _render(self) -> None:
        if self.alarm is None:
            self.widget.setVisible(False)
            self.widget.show_error("")
            return
        self.widget.text.setText(self.sentence())
        self.widget.resolve_button.setEnabled(not self._resolving)
        self.widget.setVisible(True)

    # -- the manager's decision ---------------------------------------------------------------------
    def ask_resolve(self) -> None:
        """Ask first: matching by amount resumes, which is safe only once every till has its own number."""
        if self.alarm is None or self._resolving:
            return
        text = self.tr("Match payments to sales automatically again? Do this only after every till of the shop "
                       "was given its own number under Settings (for example 1 of 2 and 2 of 2).")
        Role = QMessageBox.ButtonRole
        # On the window, not on the bar: the bar's white-on-red words must not reach the question.
        self.dialog = ask(self.widget.window(), "twinTillDialog", text, [
            ("confirmTwinResolved", self.tr("Yes, each till has its own number"), Role.AcceptRole),
            ("keepTwinAlarm", self.tr("Not yet"), Role.RejectRole)],
            lambda name: self.resolve() if name == "confirmTwinResolved" else None)

    def resolve(self) -> None:
        """Clear the alarm through the service (audited as the cashier), on the database worker."""
        if self.alarm is None or self._resolving:
            return
        self._resolving = True
        self.widget.show_error("")
        self._render()
        till = self.till

        def done(_none: None) -> None:
            self._resolving = False
            self.reload()

        def refused(err: PosError) -> None:
            self._resolving = False
            self.widget.show_error(error_text(err))
            self.reload()         # cleared elsewhere meanwhile: the bar goes
        self.db.run(lambda: till.clear_twin_alarm(actor="cashier"), done, refused)
