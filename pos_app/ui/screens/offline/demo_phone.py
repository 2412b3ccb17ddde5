"""The demo's "customer phone": pays the invoice on screen from a demo wallet (exact/partial/over).

"Pay exactly" pays what the QR on screen asks now (the rest, once a sale is partly paid), "Pay half"
half of it and "Pay over" 10 som more, each in whole tyiyn as a customer types an amount. It
speaks som as the shop does (decimal comma in ru/ky), never chain amounts or transaction hashes. Given the till (``till``: the shop's address book) and the database worker (``db``), the
customer chosen on the phone teaches the book the name of the wallet it pays from, unless the shop
already named that wallet.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from pos_app.app.demo import accounts as A
from pos_app.invoices.service import Invoice
from pos_app.core.money import BaseUnits, base_units_to_tyiyn, format_som
from pos_app.ui.shell.bridge import Worker
from pos_app.ui.shell.core_text import error_text
from pos_app.ui.widgets.common import BigButton, QrWidget

if TYPE_CHECKING:
    from pos_app.app.till import Till

log = logging.getLogger(__name__)
TEACHER = "demo phone"  # the actor in the audit log when the phone names a wallet


def screen_language() -> str:
    """The cashier's language as installed (``ui.shell.i18n.install_language`` sets the default locale)."""
    return {QLocale.Language.Kyrgyz: "ky", QLocale.Language.Russian: "ru"}.get(QLocale().language(), "en")


def asked_base(inv: Invoice) -> BaseUnits:
    """What the QR on screen asks now: the rest's own amount on a partly paid sale, else the whole due."""
    asked = getattr(inv, "asked_base", None)   # (Invoice.asked_base comes with the charge-again work)
    return inv.due_base if asked is None else asked


class DemoPhone(QWidget):
    handed_over = Signal(str)          # the offline payload, as if the cashier scanned the phone
    network_switched = Signal(bool)

    def __init__(self, chain, worker: Worker, current_invoice: Callable[[], Invoice | None],
                 parent: QWidget | None = None, *, till: Till | None = None, db: Worker | None = None) -> None:
        super().__init__(parent)
        self.chain = chain
        self.worker = worker
        self.current_invoice = current_invoice
        self.till = till
        self.db = db
        self.setMinimumWidth(240)
        self.setStyleSheet("QWidget#phone{background:#263238;border-radius:18px;}"
                           " QLabel{color:white;font-size:12pt;}")
        self.setObjectName("phone")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size:15pt;font-weight:bold;color:white;")
        self.who = QComboBox()
        self.who.setObjectName("phoneCustomer")
        for name in A.CUSTOMERS:
            self.who.addItem(name, name)
        self.pay_exact = BigButton("", self, point_size=12, min_height=48)
        self.pay_half = BigButton("", self, point_size=12, min_height=48)
        self.pay_over = BigButton("", self, point_size=12, min_height=48)
        for button, name in ((self.pay_exact, "phonePayExact"), (self.pay_half, "phonePayHalf"),
                             (self.pay_over, "phonePayOver")):
            button.setObjectName(name)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.pay_exact.clicked.connect(lambda: self._pay("exact"))
        self.pay_half.clicked.connect(lambda: self._pay("partial"))
        self.pay_over.clicked.connect(lambda: self._pay("over"))
        self.offline_title = QLabel()
        self.offline_title.setStyleSheet("font-size:13pt;font-weight:bold;color:white;")
        self.kind = QComboBox()
        self.sign_button = BigButton("", self, point_size=12, min_height=48)
        self.sign_button.setObjectName("phoneSignOffline")
        self.sign_button.clicked.connect(self._sign)
        self.qr = QrWidget(self)
        self.qr.setMinimumSize(200, 200)
        self.qr.setVisible(False)
        self.hand_button = BigButton("", self, point_size=12, min_height=48)
        self.hand_button.setObjectName("phoneHandOver")
        self.hand_button.setEnabled(False)
        self.hand_button.clicked.connect(lambda: self.handed_over.emit(self.payload))
        self.network_button = BigButton("", self, point_size=12, min_height=48)
        self.network_button.setObjectName("demoNetworkSwitch")
        self.network_button.setCheckable(True)
        self.network_button.setChecked(True)
        self.network_button.toggled.connect(self._switch_network)
        self.payload = ""
        # The panel sits beside the sale at a fixed narrow width: titles wrap and the lists
        # shrink to it rather than widen the window.
        for label in (self.title, self.offline_title):
            label.setWordWrap(True)
        for box in (self.who, self.kind):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)
        for w in (self.title, self.who, self.pay_exact, self.pay_half, self.pay_over, self.status,
                  self.offline_title, self.kind, self.sign_button, self.qr, self.hand_button, self.network_button):
            lay.addWidget(w)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Customer's phone (demo)"))
        self.pay_exact.setText(self.tr("Pay exactly"))
        self.pay_half.setText(self.tr("Pay half"))
        self.pay_over.setText(self.tr("Pay 10 som more"))
        self.offline_title.setText(self.tr("Pay without the shop's network"))
        current = self.kind.currentData() or "eip3009"
        self.kind.clear()
        self.kind.addItem(self.tr("Payment permission (no network fee)"), "eip3009")
        self.kind.addItem(self.tr("Signed transfer"), "raw_tx")
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.sign_button.setText(self.tr("Sign offline payment"))
        self.hand_button.setText(self.tr("Hand over (scan)"))
        self.network_button.setText(self.tr("Shop network: ON") if self.network_button.isChecked()
                                    else self.tr("Shop network: OFF"))

    def _pay(self, how: str) -> None:
        inv = self.current_invoice()
        if inv is None:
            self.status.setText(self.tr("No invoice on screen: charge a sale first."))
            return
        unit = 10 ** max(inv.decimals - 2, 0)
        asked = asked_base(inv)
        # A customer who types an amount types whole tyiyn: half, or 10 som over, rounded to a tyiyn
        # (never a matching tail that another sale asked: issue 18, 6).
        value = BaseUnits({"exact": asked, "partial": asked // 2 // unit * unit,
                           "over": asked // unit * unit + 1000 * unit}[how])
        who = self.who.currentData()
        som = self._som(value, inv.decimals)
        self._teach(who)
        self.status.setText(self.tr("Sending %1…").replace("%1", som))
        self.worker.run(lambda: self.chain.pay(who, inv.merchant, value),
                        lambda _tx: self.status.setText(self.tr("Sent: %1").replace("%1", som)),
                        lambda err: self.status.setText(error_text(err)))

    @staticmethod
    def _som(value: BaseUnits, decimals: int) -> str:
        """An amount as the shop reads it: whole tyiyn (a matching tail below one tyiyn is not shown)."""
        return format_som(base_units_to_tyiyn(value, decimals)[0], screen_language())

    def _teach(self, customer: str) -> None:
        """The shop learns the customer's name for the wallet paying (never over the shop's own name).

        Queued on the database worker before the payment leaves the phone, so the name is known by
        the time the payment is seen."""
        if self.till is None or self.db is None:
            return
        till, address = self.till, A.CUSTOMERS[customer]
        self.db.run(lambda: till.name_payer_if_unknown(address, customer, actor=TEACHER), None,
                    lambda err: log.warning("the demo phone could not name %s: %s", customer, err.detail or err))

    def _sign(self) -> None:
        inv = self.current_invoice()
        if inv is None:
            self.status.setText(self.tr("No invoice on screen: charge a sale first."))
            return
        who, kind = self.who.currentData(), self.kind.currentData()
        self._teach(who)

        def signed(payload: str) -> None:
            self.payload = payload
            self.qr.set_data(payload)
            self.qr.setVisible(True)
            self.hand_button.setEnabled(True)
            self.status.setText(self.tr("Signed. Show this QR to the cashier."))
        self.worker.run(lambda: self.chain.sign_offline(who, kind, inv.merchant, inv.due_base), signed,
                        lambda err: self.status.setText(error_text(err)))

    def _switch_network(self, on: bool) -> None:
        self.chain.set_network(on)
        self.retranslate()
        self.network_switched.emit(on)
