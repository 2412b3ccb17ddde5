"""The alert bar for money that needs a person: a payment that matched no sale (issue 12 point 2),
and a paid sale whose payment has left the network (issue 18).

The main window shows ``UnmatchedAlertController.widget`` above every screen. It says how much
came and from whom ("A payment of 50,00 som from Aibek matched no sale"), how many when there are
several, and offers one tap to add the payment to the sale on screen. When the payment is exactly
what one of this till's sales asked for but that sale could not take it (paid in full already, paid
offline, cancelled, or older: the payment's ``hint_invoice_id``), the bar says so and a second tap
adds it to that sale; a payment that carried this till's amount though this till never asked it
(``matched_by`` 'twin') is said to be another till's that uses this till's number. There is no
"close": the bar goes away only when no unmatched payment is left (assigned here, in the sales list
or from the command line), so no payment goes unseen.

A sale the network had settled whose money then left the network (``Invoice.reopened_at``, read
with ``Till.reopened_sales``) is named in the same bar, with a tap that opens it on the
payment screen (where it can be charged again), until it is paid again or cancelled.

The controller reads both at start and whenever a payment is seen or dropped or an invoice
changes, always on the database worker; assigning runs there too (``Till.assign``,
audited as the cashier) and a refusal is shown in the bar in the cashier's language.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.core.errors import PosError
from pos_app.core.events import InvoiceChanged, InvoiceCreated, PaymentRemoved, PaymentSeen
from pos_app.app.till import InboxPayment
from pos_app.core.money import format_som
from pos_app.ui.shell.bridge import EventBridge, Worker
from pos_app.ui.shell.core_text import error_text
from pos_app.ui.shell.i18n import plural
from pos_app.ui.widgets.common import BigButton

if TYPE_CHECKING:
    from pos_app.app.till import Till
    from pos_app.invoices.service import Invoice

CHECK_SALE_MS = 500   # how often the bar looks whether a sale is on screen (a cheap attribute read)


Unmatched = InboxPayment    # one payment of the inbox as the bar shows it (app/till.py)


def load_alerts(till: Till) -> tuple[list[Unmatched], list[Invoice]]:
    """The inbox and the reopened sales (newest first), on the database worker."""
    return till.inbox(), till.reopened_sales()


class UnmatchedAlert(QFrame):
    """The bar itself. Its payments row: the sentence, "Add to sale N" (the sale the payment matches),
    "Add to the sale on screen", "Show", and a refusal if any. Its reopened row: the sale whose
    payment left the network and "Open sale N"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unmatchedAlert")
        self.setStyleSheet("QFrame#unmatchedAlert{background:#ffb300;border-radius:6px;}"
                           " QLabel{color:#1a1a1a;font-size:14pt;}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        outer.setSpacing(4)
        self.payments_row = QWidget()
        # Side by side; the buttons go under the sentence when there are three of them (a hint).
        lay = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.payments_row)
        lay.setContentsMargins(0, 0, 0, 0)
        self.payments_layout = lay
        texts = QVBoxLayout()
        self.text = QLabel()
        self.text.setObjectName("unmatchedText")
        self.text.setWordWrap(True)          # a long sentence wraps instead of widening the window
        self.text.setMinimumWidth(1)
        self.error = QLabel()
        self.error.setObjectName("unmatchedError")
        self.error.setWordWrap(True)
        self.error.setMinimumWidth(1)
        self.error.setStyleSheet("color:#b71c1c;font-weight:bold;font-size:12pt;")
        self.error.setVisible(False)
        texts.addWidget(self.text)
        texts.addWidget(self.error)
        lay.addLayout(texts, 1)
        buttons = QHBoxLayout()
        self.hint_button = BigButton("", self, point_size=12, min_height=44)
        self.hint_button.setObjectName("unmatchedHintButton")
        self.hint_button.setStyleSheet("background:#1565c0;color:white;border-radius:6px;")
        self.hint_button.setVisible(False)
        self.assign_button = BigButton("", self, point_size=12, min_height=44)
        self.assign_button.setObjectName("unmatchedAssignButton")
        self.show_button = BigButton("", self, point_size=12, min_height=44)
        self.show_button.setObjectName("unmatchedShowButton")
        for b in (self.hint_button, self.assign_button, self.show_button):
            b.setMaximumWidth(260)
            buttons.addWidget(b)
        lay.addLayout(buttons)
        outer.addWidget(self.payments_row)
        self.reopened_row = QWidget()
        row = QHBoxLayout(self.reopened_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.reopened_text = QLabel()
        self.reopened_text.setObjectName("reopenedText")
        self.reopened_text.setWordWrap(True)
        self.reopened_text.setMinimumWidth(1)
        self.reopened_text.setStyleSheet("color:#b71c1c;font-weight:bold;")
        self.open_button = BigButton("", self, point_size=12, min_height=44)
        self.open_button.setObjectName("reopenedOpenButton")
        self.open_button.setMaximumWidth(260)
        row.addWidget(self.reopened_text, 1)
        row.addWidget(self.open_button)
        outer.addWidget(self.reopened_row)
        self.setVisible(False)

    def set_hint_shown(self, shown: bool) -> None:
        """Three buttons leave the sentence too little room beside them: they go under it."""
        self.hint_button.setVisible(shown)
        self.payments_layout.setDirection(QBoxLayout.Direction.TopToBottom if shown
                                          else QBoxLayout.Direction.LeftToRight)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


class UnmatchedAlertController(QObject):
    """Keeps the bar true to the inbox; ``show_list`` asks the window for the sales list."""

    show_list = Signal()
    assigned = Signal(object)     # the invoice after a payment was added to it here
    open_sale = Signal(object)    # an Invoice to show on the payment screen (a reopened sale)

    def __init__(self, till: Till, *, bridge: EventBridge, db: Worker, current: Callable[[], Invoice | None],
                 language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.db = db
        self.current = current
        self.language = language
        self.rows: list[Unmatched] = []
        self.reopened: list[Invoice] = []
        self.loaded = False           # the first read is back
        self._loading = False
        self._again = False
        self._assigning = False
        self.widget = UnmatchedAlert()
        self.widget.assign_button.clicked.connect(self.assign)
        self.widget.hint_button.clicked.connect(self.assign_to_hint)
        self.widget.show_button.clicked.connect(self.show_list)
        self.widget.open_button.clicked.connect(self._open_reopened)
        # Whether a sale is on screen changes without an event of ours (the cashier moves between
        # screens): looked at while the bar shows.
        self._sale_check = QTimer(self)
        self._sale_check.setInterval(CHECK_SALE_MS)
        self._sale_check.timeout.connect(self.refresh_sale)
        self.widget.destroyed.connect(self._sale_check.stop)
        bridge.on(lambda _e: self.reload(), PaymentSeen, PaymentRemoved, InvoiceChanged)
        bridge.on(lambda _e: self.refresh_sale(), InvoiceCreated)
        self.retranslate()
        self.reload()

    # -- reading the inbox ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the inbox again (on the database worker); a burst of events costs one more read."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        till = self.till
        self.db.run(lambda: load_alerts(till), self._loaded, self._load_failed)

    def _loaded(self, result: tuple[list[Unmatched], list[Invoice]]) -> None:
        self._loading = False
        self.loaded = True
        self.rows, self.reopened = result
        self._render()
        if self._again:
            self._again = False
            self.reload()

    def _load_failed(self, err: PosError) -> None:
        self._loading = False
        self._again = False
        if self.rows or self.reopened:   # keep what was shown; say why it may be out of date
            self.widget.show_error(error_text(err))

    # -- showing it -----------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.language = language
        self.retranslate()

    def retranslate(self) -> None:
        self.widget.assign_button.setText(self.tr("Add to the sale on screen"))
        self.widget.show_button.setText(self.tr("Show"))
        self._render()

    def note(self, row: Unmatched) -> str:
        """What else is known about a payment: the sale it matches, or a twin till's."""
        if row.twin:
            return self.tr("It was paid to another till that uses this till's number.")
        if row.hint is not None:
            return self.tr("It matches an earlier request of sale %1.").replace("%1", str(row.hint))
        return ""

    def _sentence(self) -> str:
        newest = self.rows[0]
        if len(self.rows) == 1:
            if newest.tyiyn is None:
                return self.tr("A payment from %1 matched no sale").replace("%1", newest.payer)
            return (self.tr("A payment of %1 from %2 matched no sale")
                    .replace("%1", format_som(newest.tyiyn, self.language)).replace("%2", newest.payer))
        many = self.tr("%n payments matched no sale.", "", len(self.rows))
        if newest.tyiyn is None:
            last = self.tr("The last one is from %1.").replace("%1", newest.payer)
        else:
            last = (self.tr("The last one: %1 from %2.")
                    .replace("%1", format_som(newest.tyiyn, self.language)).replace("%2", newest.payer))
        return f"{many} {last}"

    def reopened_sentence(self) -> str:
        if not self.reopened:
            return ""
        newest = self.reopened[0]
        if len(self.reopened) == 1:
            return (self.tr("Sale %1 was paid, but its payment has left the network: ask the customer, "
                            "or charge again.").replace("%1", str(newest.id)))
        n = len(self.reopened)
        return plural(self.tr("%n paid sale(s) lost their payment from the network: ask the customers, "
                              "or charge again. The last one is sale %1.", "", n), n).replace("%1", str(newest.id))

    def hint_target(self) -> int | None:
        """The sale the newest payment matches, when it is this till's to add it to."""
        if not self.rows or self.rows[0].twin:
            return None
        return self.rows[0].hint

    def _render(self) -> None:
        w = self.widget
        if not self.rows and not self.reopened:
            w.setVisible(False)
            w.show_error("")
            self._sale_check.stop()
            return
        w.payments_row.setVisible(bool(self.rows))
        if self.rows:
            note, sentence = self.note(self.rows[0]), self._sentence()
            if note and not sentence.rstrip().endswith((".", "!", "?")):
                sentence = sentence.rstrip() + "."
            w.text.setText(sentence + (" " + note if note else ""))
            target = self.hint_target()
            w.set_hint_shown(target is not None)
            if target is not None:
                w.hint_button.setText(self.tr("Add to sale %1").replace("%1", str(target)))
            w.hint_button.setEnabled(target is not None and not self._assigning)
        else:
            w.show_error("")
        w.reopened_row.setVisible(bool(self.reopened))
        if self.reopened:
            w.reopened_text.setText(self.reopened_sentence())
            w.open_button.setText(self.tr("Open sale %1").replace("%1", str(self.reopened[0].id)))
        w.setVisible(True)
        if self.rows:
            self._sale_check.start()
            self.refresh_sale()
        else:
            self._sale_check.stop()

    def refresh_sale(self) -> None:
        """Enable "Add to the sale on screen" only while a sale is on screen (and nothing is being added)."""
        inv = self.current()
        button = self.widget.assign_button
        button.setEnabled(bool(self.rows) and inv is not None and not self._assigning)
        button.setToolTip(self.tr("Sale %1").replace("%1", str(inv.id)) if inv is not None else
                          self.tr("Open the sale this payment belongs to first"))

    # -- dealing with it ---------------------------------------------------------------------------
    def _open_reopened(self) -> None:
        if self.reopened:
            self.open_sale.emit(self.reopened[0])

    def assign(self) -> None:
        """Add the newest unmatched payment to the sale on screen (audited as the cashier)."""
        inv = self.current()
        if not self.rows or inv is None or self._assigning:
            return
        self._assign_to(self.rows[0].id, inv.id)

    def assign_to_hint(self) -> None:
        """Add the newest unmatched payment to the sale it matches (still the cashier's audited decision)."""
        target = self.hint_target()
        if target is None or self._assigning:
            return
        self._assign_to(self.rows[0].id, target)

    def _assign_to(self, payment_id: int, invoice_id: int) -> None:
        till = self.till
        self._assigning = True
        self.widget.hint_button.setEnabled(False)
        self.widget.show_error("")
        self.refresh_sale()

        def done(new: Invoice) -> None:
            self._assigning = False
            self.assigned.emit(new)
            self.reload()

        def refused(err: PosError) -> None:
            self._assigning = False
            self.widget.show_error(error_text(err))
            self.reload()     # it may have been assigned elsewhere meanwhile
        self.db.run(lambda: till.assign(payment_id, invoice_id, actor="cashier"), done, refused)
