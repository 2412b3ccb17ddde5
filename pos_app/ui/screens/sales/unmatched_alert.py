"""The alert for a payment that reached the shop but matched no sale (issue 12 point 2).

The main window shows ``UnmatchedAlertController.widget`` above every screen. It says how much
came and from whom ("A payment of 50,00 som from Aibek matched no sale"), how many when there are
several, and offers one tap to add the payment to the sale on screen. There is no "close": the bar
goes away only when no unmatched payment is left (assigned here, in the sales list or from the
command line), so no payment goes unseen.

The controller reads the inbox (``InvoiceService.unmatched``) at start and whenever a payment is
seen or dropped or an invoice changes, always on the database worker; assigning runs there too
(``InvoiceService.assign_payment``, audited as the cashier) and a refusal is shown in the bar in
the cashier's language.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.core.errors import PosError
from pos_app.core.events import InvoiceChanged, InvoiceCreated, PaymentRemoved, PaymentSeen
from pos_app.core.money import Tyiyn, base_units_to_tyiyn, format_som, stored_base_units
from pos_app.ui.shell.bridge import EventBridge, Worker
from pos_app.ui.shell.core_text import error_text
from pos_app.ui.widgets.common import BigButton

if TYPE_CHECKING:
    from pos_app.invoices.service import Invoice

CHECK_SALE_MS = 500   # how often the bar looks whether a sale is on screen (a cheap attribute read)


@dataclass(frozen=True)
class Unmatched:
    """One payment of the inbox as the bar shows it."""

    id: int
    tyiyn: Tyiyn | None     # None: the token's decimals were never read on this till
    payer: str              # the shop's name for the wallet, else its short form


def load_unmatched(ctx: Any) -> list[Unmatched]:
    """The inbox, newest first, with amounts in som and payers by name (runs on the database worker).

    The decimals are each payment's own token's as cached on this till, as ``sompos unmatched``
    reads them: no node is asked."""
    from pos_app.chain.token_cache import cached_token_info
    rows = ctx.service.unmatched()
    if not rows:
        return []
    names = ctx.payers.names()
    decimals_of: dict[tuple[int, str], int | None] = {}
    out = []
    for r in rows:
        key = (r["chain_id"], r["token"])
        if key not in decimals_of:
            info = cached_token_info(ctx.store, *key)
            decimals_of[key] = info.decimals if info else None
        decimals = decimals_of[key]
        tyiyn = None if decimals is None else base_units_to_tyiyn(stored_base_units(r["value"]), decimals)[0]
        out.append(Unmatched(int(r["id"]), tyiyn, ctx.payers.label(r["payer"], names)))
    return out


class UnmatchedAlert(QFrame):
    """The bar itself: the sentence, "Add to the sale on screen", "Show", and a refusal if any."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unmatchedAlert")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QFrame#unmatchedAlert{background:#ffb300;border-radius:6px;}"
                           " QLabel{color:#1a1a1a;font-size:14pt;}")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
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
        self.assign_button = BigButton("", self, point_size=12, min_height=44)
        self.assign_button.setObjectName("unmatchedAssignButton")
        self.show_button = BigButton("", self, point_size=12, min_height=44)
        self.show_button.setObjectName("unmatchedShowButton")
        for b in (self.assign_button, self.show_button):
            b.setMaximumWidth(260)
            lay.addWidget(b)
        self.setVisible(False)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


class UnmatchedAlertController(QObject):
    """Keeps the bar true to the inbox; ``show_list`` asks the window for the sales list."""

    show_list = Signal()
    assigned = Signal(object)     # the invoice after a payment was added to it here

    def __init__(self, ctx: Any, *, bridge: EventBridge, db: Worker, current: Callable[[], Invoice | None],
                 language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.db = db
        self.current = current
        self.language = language
        self.rows: list[Unmatched] = []
        self.loaded = False           # the first read is back
        self._loading = False
        self._again = False
        self._assigning = False
        self.widget = UnmatchedAlert()
        self.widget.assign_button.clicked.connect(self.assign)
        self.widget.show_button.clicked.connect(self.show_list)
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
        ctx = self.ctx
        self.db.run(lambda: load_unmatched(ctx), self._loaded, self._load_failed)

    def _loaded(self, rows: list[Unmatched]) -> None:
        self._loading = False
        self.loaded = True
        self.rows = rows
        self._render()
        if self._again:
            self._again = False
            self.reload()

    def _load_failed(self, err: PosError) -> None:
        self._loading = False
        self._again = False
        if self.rows:                 # keep what was shown; say why it may be out of date
            self.widget.show_error(error_text(err))

    # -- showing it -----------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.language = language
        self.retranslate()

    def retranslate(self) -> None:
        self.widget.assign_button.setText(self.tr("Add to the sale on screen"))
        self.widget.show_button.setText(self.tr("Show"))
        self._render()

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

    def _render(self) -> None:
        if not self.rows:
            self.widget.setVisible(False)
            self.widget.show_error("")
            self._sale_check.stop()
            return
        self.widget.text.setText(self._sentence())
        self.widget.setVisible(True)
        self._sale_check.start()
        self.refresh_sale()

    def refresh_sale(self) -> None:
        """Enable "Add to the sale on screen" only while a sale is on screen (and nothing is being added)."""
        inv = self.current()
        button = self.widget.assign_button
        button.setEnabled(bool(self.rows) and inv is not None and not self._assigning)
        button.setToolTip(self.tr("Sale %1").replace("%1", str(inv.id)) if inv is not None else
                          self.tr("Open the sale this payment belongs to first"))

    # -- dealing with it ---------------------------------------------------------------------------
    def assign(self) -> None:
        """Add the newest unmatched payment to the sale on screen (audited as the cashier)."""
        inv = self.current()
        if not self.rows or inv is None or self._assigning:
            return
        payment_id, invoice_id, svc = self.rows[0].id, inv.id, self.ctx.service
        self._assigning = True
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
        self.db.run(lambda: svc.assign_payment(payment_id, invoice_id, actor="cashier"), done, refused)
