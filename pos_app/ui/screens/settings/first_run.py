"""First run: the language first (Kyrgyz, Russian, English), then "Try the demo" or "Set up my shop",
then (for a shop) whether this is the shop's only till that takes som payments.

The language chosen here is installed at once (the rest of the dialog speaks it) and kept: it is
saved with the shop's settings, and a demo started from here opens in it too (``language``).

The till question (issue 18): two tills both left as "1 of 1" ask the same amounts, and one
payment could settle a sale on each. So a shop is asked in plain words: "Is this the shop's only
till that takes som payments?" Yes is till 1 of 1; No asks how many tills there are and which
one this is (two big steppers, e.g. 2 of 3). The shop's fields are checked first (nothing is
saved while one is refused), then everything is saved together by ``save_settings``.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_app.shop.config import SettingsInput, SettingsRefused
from pos_app.ui.screens.settings.settings_screen import LANGUAGE_NAMES
from pos_app.ui.shell.bridge import Worker
from pos_app.ui.shell.core_text import error_text
from pos_app.ui.shell.i18n import install_language
from pos_app.ui.widgets.common import TOUCH_MIN, BigButton
from pos_app.ui.widgets.fit import fit_rect
from pos_app.ui.widgets.stepper import Stepper
from pos_app.ui.widgets.style import apply_shared_style

if TYPE_CHECKING:
    from pos_app.app.till import Till

DEMO, SHOP = "demo", "shop"
# Asked before any language is known, so it is said in all three (not translated).
LANGUAGE_QUESTION = "Тилди тандаңыз · Выберите язык · Choose your language"


class FirstRunDialog(QDialog):
    """``choice`` is DEMO or SHOP and ``language`` the chosen language after ``exec()`` returns Accepted."""

    def __init__(self, till: Till, parent=None) -> None:
        super().__init__(parent)
        apply_shared_style()
        self.till = till
        self.choice: str | None = None
        self.language: str | None = None
        self.worker = Worker("first-run", self)
        self.setWindowTitle("Som POS")
        self.setMinimumWidth(480)
        # Two pages shown one at a time; not a QStackedWidget, which would not grow the dialog
        # for the wrapped sentences of the second page.
        outer = QVBoxLayout(self)

        # Page 1: the language, before anything else is said.
        self.language_page = QWidget()
        lang_lay = QVBoxLayout(self.language_page)
        self.language_question = QLabel(LANGUAGE_QUESTION)
        self.language_question.setWordWrap(True)
        self.language_question.setStyleSheet("font-size:16pt;")
        lang_lay.addWidget(self.language_question)
        self.language_buttons: dict[str, BigButton] = {}
        for code, name in LANGUAGE_NAMES.items():
            button = BigButton(name, self, point_size=16)
            button.setObjectName(f"language_{code}")
            button.clicked.connect(lambda _=False, c=code: self.choose_language(c))
            self.language_buttons[code] = button
            lang_lay.addWidget(button)
        outer.addWidget(self.language_page)

        # Page 2: demo or shop, in the chosen language.
        self.setup_page = QWidget()
        lay = QVBoxLayout(self.setup_page)
        self.welcome = QLabel()
        self.welcome.setWordWrap(True)
        self.welcome.setStyleSheet("font-size:14pt;")
        self.demo_button = BigButton("", self, point_size=16, min_height=52)
        self.demo_button.clicked.connect(self._demo)
        self.shop_title = QLabel()
        self.shop_title.setStyleSheet("font-size:14pt;font-weight:bold;")
        self.shop_title.setWordWrap(True)
        self.merchant_label = QLabel()
        self.merchant_label.setWordWrap(True)
        self.merchant = QLineEdit()
        self.merchant.setPlaceholderText("0x…")
        self.merchant_label.setBuddy(self.merchant)
        self.network_label = QLabel()
        self.network = QComboBox()
        self.network.addItems(["bsc", "bsc-testnet", "local"])
        self.network_label.setBuddy(self.network)
        self.token_label = QLabel()
        self.token_label.setWordWrap(True)
        self.token = QLineEdit()
        self.token_label.setBuddy(self.token)
        for field in (self.merchant, self.network, self.token):
            field.setMinimumHeight(TOUCH_MIN)
        # Nothing is probed before the first connection: say what is taken offline until then.
        self.offline_note = QLabel()
        self.offline_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020;")
        self.error.setWordWrap(True)
        self.shop_button = BigButton("", self, point_size=16, min_height=52)
        self.shop_button.clicked.connect(self._shop)
        for w in (self.welcome, self.demo_button, self.shop_title, self.merchant_label, self.merchant,
                  self.network_label, self.network, self.token_label, self.token, self.offline_note, self.error,
                  self.shop_button):
            lay.addWidget(w)
        outer.addWidget(self.setup_page)
        self.setup_page.hide()

        # Page 3 (a shop only): is this the shop's only till? If not, which one of how many.
        self.till_page = QWidget()
        till_lay = QVBoxLayout(self.till_page)
        self.till_question = QLabel()
        self.till_question.setWordWrap(True)
        self.till_question.setStyleSheet("font-size:16pt;font-weight:bold;")
        self.till_why = QLabel()
        self.till_why.setWordWrap(True)
        self.till_why.setStyleSheet("font-size:12pt;")
        self.only_till_button = BigButton("", self, point_size=16, min_height=52)
        self.only_till_button.setObjectName("onlyTillButton")
        self.only_till_button.clicked.connect(lambda: self._save_till("1/1"))
        self.more_tills_button = BigButton("", self, point_size=16, min_height=52)
        self.more_tills_button.setObjectName("moreTillsButton")
        self.more_tills_button.clicked.connect(self._ask_which_till)
        self.which_till = QLabel()
        self.which_till.setWordWrap(True)
        self.which_till.setStyleSheet("font-size:14pt;")
        from pos_app.invoices.matching import MAX_TILLS
        self.till_count = Stepper(2, 2, MAX_TILLS, self)
        self.till_count.setObjectName("tillCount")
        self.till_number = Stepper(2, 1, 2, self)
        self.till_number.setObjectName("tillNumber")
        self.till_count.changed.connect(lambda n: self.till_number.set_maximum(n))
        self.count_label, self.number_label = QLabel(), QLabel()
        for lab in (self.count_label, self.number_label):
            lab.setWordWrap(True)
            lab.setStyleSheet("font-size:13pt;")
        self.tills_box = QWidget()
        tills = QVBoxLayout(self.tills_box)
        tills.setContentsMargins(0, 0, 0, 0)
        tills.addWidget(self.which_till)
        for label, stepper in ((self.count_label, self.till_count), (self.number_label, self.till_number)):
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(stepper)
            tills.addLayout(row)
        self.save_tills_button = BigButton("", self, point_size=16, min_height=52)
        self.save_tills_button.setObjectName("saveTillsButton")
        self.save_tills_button.clicked.connect(
            lambda: self._save_till(f"{self.till_number.value()}/{self.till_count.value()}"))
        tills.addWidget(self.save_tills_button)
        self.tills_box.hide()
        self.till_error = QLabel()
        self.till_error.setStyleSheet("color:#b00020;")
        self.till_error.setWordWrap(True)
        for w in (self.till_question, self.till_why, self.only_till_button, self.more_tills_button,
                  self.tills_box, self.till_error):
            till_lay.addWidget(w)
        till_lay.addStretch(1)
        outer.addWidget(self.till_page)
        self.till_page.hide()
        self.form: SettingsInput | None = None      # the shop's fields, checked, waiting for the till
        self.retranslate()
        self.language_buttons["ky"].setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def choose_language(self, language: str) -> None:
        """Speak ``language`` from now on (this dialog and the window after it) and go on."""
        self.language = language
        install_language(language)
        self.retranslate()
        self.language_page.hide()
        self.setup_page.show()
        self._fit_height()
        self.demo_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.demo_button.setFocus()

    def _fit_height(self) -> None:
        # The set-up page is taller, and its wrapped sentences are longer in ru/ky: grow to fit
        # (a top-level layout ignores wrapped labels' height-for-width), within the screen.
        self.layout().activate()
        height = max(self.layout().totalHeightForWidth(self.width()), self.minimumSizeHint().height())
        avail = self.screen().availableGeometry() if self.screen() is not None else None
        extra = self.frameGeometry().height() - self.height()  # the title bar
        if avail is not None:
            height = min(height, avail.height() - extra)
        self.resize(self.width(), height)
        if avail is not None:
            frame = self.frameGeometry()
            frame.setHeight(height + extra)
            self.move(fit_rect(frame, avail).topLeft())

    def retranslate(self) -> None:
        self.welcome.setText(self.tr("Welcome to Som POS. Try it first with play money, or set up your shop."))
        self.demo_button.setText(self.tr("Try the demo"))
        self.shop_title.setText(self.tr("Set up my shop"))
        self.merchant_label.setText(self.tr("Your shop's address: customers pay to it"))
        self.merchant.setToolTip(self.tr("Your shop's address: customers pay to it"))
        self.network_label.setText(self.tr("Network"))
        self.token_label.setText(self.tr("Som token contract (from the issuer)"))
        self.token.setPlaceholderText("0x…")
        self.offline_note.setText(self.tr("Offline payments: signed transfers only, until the till has checked at "
                                          "its first connection whether the token also takes authorizations."))
        self.shop_button.setText(self.tr("Next"))
        self.till_question.setText(self.tr("Is this the shop's only till that takes som payments?"))
        self.till_why.setText(self.tr("Tills of one shop share its address, so each must know its own number: "
                                      "two tills with the same number could both count one payment."))
        self.only_till_button.setText(self.tr("Yes, it is the only till"))
        self.more_tills_button.setText(self.tr("No, the shop has more tills"))
        self.which_till.setText(self.tr("How many tills take som payments, and which one is this?"))
        self.count_label.setText(self.tr("Tills that take som payments"))
        self.number_label.setText(self.tr("This is till number"))
        self.save_tills_button.setText(self.tr("Save and start selling"))

    def _demo(self) -> None:
        self.choice = DEMO
        self.accept()

    def _shop(self) -> None:
        """The shop's fields are checked (nothing saved), then the till question is asked."""
        form = SettingsInput(merchant=self.merchant.text().strip(), network=self.network.currentText(),
                             token=self.token.text().strip(), expiry="15", qr_format="eip681",
                             language=self.language or "ru")
        self.shop_button.setEnabled(False)
        till = self.till

        def checked(errors: dict) -> None:
            self.shop_button.setEnabled(True)
            if errors:
                self._refused(SettingsRefused(errors))
                return
            self.form = form
            self.error.clear()
            self.setup_page.hide()
            self.till_page.show()
            self._fit_height()
        self.worker.run(lambda: till.check_settings(form), checked, self._refused)

    def _ask_which_till(self) -> None:
        self.more_tills_button.setEnabled(False)
        self.tills_box.show()
        self._fit_height()

    def _save_till(self, till: str) -> None:
        """Save the shop's fields and this till's number together (one transaction, or nothing)."""
        if self.form is None:
            return
        form = replace(self.form, till=till)
        for b in (self.only_till_button, self.save_tills_button):
            b.setEnabled(False)
        self.till_error.clear()
        till = self.till
        self.worker.run(lambda: till.save_settings(form), self._saved, self._till_refused)

    def _saved(self, _cfg) -> None:
        for b in (self.shop_button, self.only_till_button, self.save_tills_button):
            b.setEnabled(True)
        self.choice = SHOP
        self.accept()

    def _till_refused(self, err) -> None:
        for b in (self.only_till_button, self.save_tills_button):
            b.setEnabled(True)
        errors = err.errors if isinstance(err, SettingsRefused) else {}
        if errors and set(errors) != {"till"}:
            # A shop field was refused meanwhile (it was checked a moment ago): back to it.
            self.till_page.hide()
            self.setup_page.show()
            self._refused(err)
            return
        self.till_error.setText(" ".join(error_text(e) for e in (errors.values() if errors else [err])))

    def _refused(self, err) -> None:
        self.shop_button.setEnabled(True)
        errors = err.errors.values() if isinstance(err, SettingsRefused) else [err]
        self.error.setText(" ".join(error_text(e) for e in errors))
