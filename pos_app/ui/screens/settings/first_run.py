"""First run: with nothing configured, offer "Try the demo" or "Set up my shop"."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QVBoxLayout

from pos_app.ui.shell.bridge import Worker
from pos_app.ui.shell.core_text import error_text
from pos_app.shop.config import SettingsInput, SettingsRefused, save_settings
from pos_app.ui.widgets.common import BigButton

DEMO, SHOP = "demo", "shop"


class FirstRunDialog(QDialog):
    """``choice`` is DEMO or SHOP after ``exec()`` returns Accepted."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choice: str | None = None
        self.worker = Worker("first-run", self)
        self.setWindowTitle("Som POS")
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        self.welcome = QLabel()
        self.welcome.setWordWrap(True)
        self.welcome.setStyleSheet("font-size:16pt;")
        self.demo_button = BigButton("", self, point_size=16)
        self.demo_button.clicked.connect(self._demo)
        self.shop_title = QLabel()
        self.shop_title.setStyleSheet("font-size:14pt;font-weight:bold;")
        self.merchant = QLineEdit()
        self.merchant.setMinimumHeight(40)
        self.merchant.setPlaceholderText("0x…")
        self.network = QComboBox()
        self.network.addItems(["bsc", "bsc-testnet", "local"])
        self.token = QLineEdit()
        self.token.setMinimumHeight(40)
        # Nothing is probed before the first connection: say what is taken offline until then.
        self.offline_note = QLabel()
        self.offline_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020;")
        self.error.setWordWrap(True)
        self.shop_button = BigButton("", self, point_size=16)
        self.shop_button.clicked.connect(self._shop)
        for w in (self.welcome, self.demo_button, self.shop_title, self.merchant, self.network, self.token,
                  self.offline_note, self.error, self.shop_button):
            lay.addWidget(w)
        self.welcome.setText(self.tr("Welcome to Som POS. Try it first with play money, or set up your shop."))
        self.demo_button.setText(self.tr("Try the demo"))
        self.shop_title.setText(self.tr("Set up my shop"))
        self.merchant.setToolTip(self.tr("Your shop's address: customers pay to it"))
        self.token.setPlaceholderText(self.tr("Som token contract 0x… (from the issuer)"))
        self.offline_note.setText(self.tr("Offline payments: signed transfers only, until the till has checked at "
                                          "its first connection whether the token also takes authorizations."))
        self.shop_button.setText(self.tr("Save and start selling"))
        self.demo_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _demo(self) -> None:
        self.choice = DEMO
        self.accept()

    def _shop(self) -> None:
        form = SettingsInput(merchant=self.merchant.text().strip(), network=self.network.currentText(),
                             token=self.token.text().strip(), expiry="15", qr_format="eip681", language="ru")
        self.shop_button.setEnabled(False)
        store = self.ctx.store
        self.worker.run(lambda: save_settings(store, form), self._saved, self._refused)

    def _saved(self, _cfg) -> None:
        self.shop_button.setEnabled(True)
        self.choice = SHOP
        self.accept()

    def _refused(self, err) -> None:
        self.shop_button.setEnabled(True)
        errors = err.errors.values() if isinstance(err, SettingsRefused) else [err]
        self.error.setText(" ".join(error_text(e) for e in errors))
