"""Settings: merchant address, network, invoice expiry, this till's number, the shortfall a cashier
may accept as paid, default QR format, language.

Every field is checked and saved by the core (``shop.config.save_settings``, the CLI's rules). A
refused value shows its reason next to its field and nothing is saved; saving runs on the
database worker.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from pos_app.core.money import Tyiyn, format_som
from pos_app.shop.config import SettingsInput, SettingsRefused, ShopConfig
from pos_app.invoices.payment_request import FORMATS
from pos_app.ui.shell.bridge import Worker
from pos_app.ui.shell.core_text import error_text
from pos_app.ui.widgets.common import TOUCH_MIN, BigButton

if TYPE_CHECKING:
    from pos_app.app.till import Till

BUILTIN_NETWORKS = ("demo", "bsc", "bsc-testnet", "local")
_NOT_LOADED = object()
LANGUAGE_NAMES = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}


def qr_format_names() -> dict[str, str]:
    """The QR formats as a shopkeeper knows them: by the wallet that reads them."""
    return {"eip681": QCoreApplication.translate("SettingsScreen", "Most wallets (standard payment link)"),
            "metamask": QCoreApplication.translate("SettingsScreen", "MetaMask"),
            "trust": QCoreApplication.translate("SettingsScreen", "Trust Wallet"),
            "address": QCoreApplication.translate("SettingsScreen", "Address only")}


def _error_label() -> QLabel:
    lab = QLabel()
    lab.setStyleSheet("color:#b00020;")
    lab.setWordWrap(True)
    return lab


class SettingsScreen(QWidget):
    saved = Signal(object)  # the new ShopConfig
    relay_requested = Signal()  # the relay key lives with the offline queue it pays for

    def __init__(self, till: Till, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # What the status line and the field errors say, kept so a language change says it again.
        self._status_render: Callable[[], str] | None = None
        self._field_errors: dict[QLabel, BaseException] = {}
        self.till = till
        self.worker = worker
        lay = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size:18pt;font-weight:bold;")
        lay.addWidget(self.title)
        form = QFormLayout()
        self.merchant = QLineEdit()
        self.merchant_err = _error_label()
        self.network = QComboBox()
        self.network.setEditable(True)  # a built-in name or a path to a .toml profile
        self.network.addItems(BUILTIN_NETWORKS)
        self.browse = QPushButton()
        self.browse.clicked.connect(self._pick_file)
        self.network_err = _error_label()
        self.token = QLineEdit()
        self.token_err = _error_label()
        self.expiry = QLineEdit()
        self.expiry_err = _error_label()
        self.qr_format = QComboBox()
        for f in FORMATS:
            self.qr_format.addItem("", f)  # named in retranslate()
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        net_row = QHBoxLayout()
        net_row.addWidget(self.network, 1)
        net_row.addWidget(self.browse)
        # Several tills on one shop address: each knows its number and how many there are.
        from pos_app.invoices.matching import MAX_TILLS
        self.till_number, self.till_count = QSpinBox(), QSpinBox()
        for box in (self.till_number, self.till_count):
            box.setRange(1, MAX_TILLS)
            box.setMinimumWidth(90)
        self.till_of = QLabel()
        till_row = QHBoxLayout()
        till_row.addWidget(self.till_number)
        till_row.addWidget(self.till_of)
        till_row.addWidget(self.till_count)
        till_row.addStretch(1)
        self.till_err = _error_label()
        # A customer paying from an exchange may arrive short by its fee: up to this much (som) a
        # cashier may accept the sale as paid (0: never).
        self.short_tolerance = QLineEdit()
        self.short_tolerance.setObjectName("shortTolerance")
        self.short_tolerance_err = _error_label()
        self.labels = [QLabel() for _ in range(8)]
        for lab in self.labels:
            lab.setWordWrap(True)  # long field names wrap instead of widening the window
        for field in (self.merchant, self.network, self.browse, self.token, self.expiry, self.qr_format,
                      self.language, self.till_number, self.till_count, self.short_tolerance):
            field.setMinimumHeight(TOUCH_MIN)
        rows = [(self.merchant, self.merchant_err), (net_row, self.network_err), (self.token, self.token_err),
                (self.expiry, self.expiry_err), (till_row, self.till_err),
                (self.short_tolerance, self.short_tolerance_err), (self.qr_format, None), (self.language, None)]
        for label, (field, err) in zip(self.labels, rows):
            box = QVBoxLayout()
            if isinstance(field, QHBoxLayout):
                box.addLayout(field)
            else:
                box.addWidget(field)
            if err is not None:
                box.addWidget(err)
            form.addRow(label, box)
        lay.addLayout(form)
        self.offline_kinds = QLabel()  # which offline payments the token was probed to settle
        self.offline_kinds.setObjectName("offlineKinds")
        self.offline_kinds.setWordWrap(True)
        lay.addWidget(self.offline_kinds)
        self._features: object = _NOT_LOADED
        self.status = QLabel()
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        self.relay_button = BigButton("", self, point_size=13, min_height=44)
        self.relay_button.setObjectName("relaySettings")
        self.relay_button.clicked.connect(self.relay_requested.emit)
        lay.addWidget(self.relay_button)
        lay.addStretch(1)
        self.save_button = BigButton("", self, point_size=16, min_height=56)
        self.save_button.clicked.connect(self.save)
        lay.addWidget(self.save_button)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        for lab, text in zip(self.labels, (self.tr("Shop address (receives payments)"), self.tr("Network"),
                                           self.tr("Som token contract"), self.tr("Invoice expiry, minutes"),
                                           self.tr("This till (several tills in one shop)"),
                                           self.tr("Accept a payment short by up to (som)"),
                                           self.tr("Default QR format"), self.tr("Language"))):
            lab.setText(text)
        self.till_of.setText(self.tr("of"))
        for f, name in qr_format_names().items():
            self.qr_format.setItemText(self.qr_format.findData(f), name)
        self.browse.setText(self.tr("Profile file…"))
        self.save_button.setText(self.tr("Save settings"))
        self.relay_button.setText(self.tr("Relay key (pays the network fee for payment permissions)…"))
        if self._status_render is not None:
            self.status.setText(self._status_render())
        for label, err in self._field_errors.items():
            label.setText(error_text(err))
        self.merchant.setPlaceholderText("0x…")
        self.token.setPlaceholderText(self.tr("0x… (leave empty to keep the network's token)"))
        self.short_tolerance.setPlaceholderText(self.tr("0 = never"))
        self.short_tolerance.setToolTip(self.tr("A customer paying from an exchange may arrive short by the "
                                                "exchange's fee. Up to this much the cashier may accept the sale "
                                                "as paid; 0 turns it off."))
        self._show_offline_kinds(self._features)

    def load(self, cfg: ShopConfig) -> None:
        self.merchant.setText(cfg.merchant or "")
        self.network.setEditText(cfg.network.name)
        self.token.setText(cfg.network.token or "")
        self.expiry.setText(str(cfg.expiry_seconds // 60))
        self.qr_format.setCurrentIndex(max(0, self.qr_format.findData(cfg.qr_format)))
        self.language.setCurrentIndex(max(0, self.language.findData(cfg.language)))
        self.till_number.setValue(cfg.till.number)
        self.till_count.setValue(cfg.till.count)
        self.short_tolerance.setText(format_som(Tyiyn(cfg.short_tolerance), cfg.language, with_unit=False))
        for e in (self.merchant_err, self.network_err, self.token_err, self.expiry_err, self.till_err,
                  self.short_tolerance_err):
            e.clear()
        self._field_errors.clear()
        self._status_render = None
        self.status.clear()
        self.load_offline_kinds()

    # -- what the token can settle offline (probed online, cached; read on the worker) ------------
    def load_offline_kinds(self) -> None:
        self.worker.run(self.till.token_features, self._show_offline_kinds,
                        lambda err: self._show_offline_kinds(None))

    def _show_offline_kinds(self, features) -> None:
        self._features = features
        if features is _NOT_LOADED:
            self.offline_kinds.clear()
        elif features is None:
            self.offline_kinds.setText(self.tr("Offline payments: signed transfers only (payment permissions "
                                               "are checked at the first connection)"))
        elif features.paused:
            self.offline_kinds.setText(self.tr("Offline payments: none, the token is paused by its issuer"))
        elif features.eip3009:
            self.offline_kinds.setText(self.tr("Offline payments: signed transfers and authorizations"))
        else:
            self.offline_kinds.setText(self.tr("Offline payments: signed transfers only"))

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Network profile"), "", "TOML (*.toml)")
        if path:
            self.network.setEditText(path)

    def save(self) -> None:
        """Validate every field first (all errors shown at once), then save them together."""
        form = SettingsInput(merchant=self.merchant.text().strip(), network=self.network.currentText().strip(),
                             token=self.token.text().strip(), expiry=self.expiry.text().strip(),
                             qr_format=self.qr_format.currentData(), language=self.language.currentData(),
                             till=f"{self.till_number.value()}/{self.till_count.value()}",
                             short_tolerance=self.short_tolerance.text().strip() or "0")
        for e in (self.merchant_err, self.network_err, self.token_err, self.expiry_err, self.till_err,
                  self.short_tolerance_err):
            e.clear()
        self._field_errors.clear()
        self.save_button.setEnabled(False)
        till = self.till
        self.worker.run(lambda: till.save_settings(form), self._saved, self._refused)

    def _saved(self, cfg: ShopConfig) -> None:
        self.save_button.setEnabled(True)
        self._say(lambda: self.tr("Saved."))
        self.load_offline_kinds()  # another token or network: its own features (or none yet)
        self.saved.emit(cfg)

    def _refused(self, err) -> None:
        self.save_button.setEnabled(True)
        fields = {"merchant": self.merchant_err, "network": self.network_err, "token": self.token_err,
                  "expiry": self.expiry_err, "till": self.till_err, "short_tolerance": self.short_tolerance_err}
        if isinstance(err, SettingsRefused):
            for name, field_err in err.errors.items():
                label = fields.get(name, self.network_err)
                self._field_errors[label] = field_err
                label.setText(error_text(field_err))
            self._say(lambda: self.tr("Nothing was saved: correct the fields in red."))
        else:  # the database could not save them: said as a sentence, nothing half-saved
            self._say(lambda: error_text(err))

    def _say(self, render: Callable[[], str]) -> None:
        self._status_render = render
        self.status.setText(render())

