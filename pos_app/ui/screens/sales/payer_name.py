"""A small dialog to give a payer's wallet a name the shop knows it by ("Aibek" for ``86cB…aA5F``).

The sales list opens it with ``ask_payer_name``. It shows the wallet's short form and the name it
has now (read on the database worker), saves through ``Till.name_payer`` on the database
worker (an empty name forgets it) and shows a refusal in the cashier's language in place. The
dialog is window-modal and never blocks the GUI thread (``open()``, not ``exec()``).

An exchange's wallet, or one the book found shared (many customers, one address: shop/payers.py),
carries no person's name: the dialog says so where the current name would be, and a name typed for
it is refused in place. When the refusal itself marked the wallet shared (it was called "Aibek"
and has since paid another customer's sale), ``marked_shared`` tells the caller to show the list
again: the old name is gone from it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from pos_app.core.errors import PosError
from pos_app.shop.payers import MAX_NAME, SharedWallet, short_address
from pos_app.ui.shell.bridge import Worker
from pos_app.ui.shell.core_text import error_text
from pos_app.ui.widgets.common import BigButton

if TYPE_CHECKING:
    from pos_app.app.till import Till


class PayerNameDialog(QDialog):
    saved = Signal(str, str)   # the address, the name kept ("" when it was forgotten)
    marked_shared = Signal(str)  # the address: the book has just marked it shared (its name is gone)

    def __init__(self, till: Till, db: Worker, address: str, parent: QWidget | None = None, *,
                 actor: str = "cashier") -> None:
        super().__init__(parent)
        self.setObjectName("payerNameDialog")
        self.till = till
        self.db = db
        self.address = address
        self.actor = actor
        self.current: str | None = None
        self.shared: tuple[str, str | None] | None = None   # ("exchange", "Binance") / ("shared", None)
        self._typed = False
        self.loaded = False
        lay = QVBoxLayout(self)
        self.wallet = QLabel()
        self.wallet.setObjectName("payerWallet")
        self.wallet.setStyleSheet("font-size:14pt;font-weight:bold;")
        self.now = QLabel()
        self.now.setObjectName("payerCurrentName")
        self.edit = QLineEdit()
        self.edit.setObjectName("payerNameEdit")
        self.edit.setMaxLength(MAX_NAME)
        self.edit.setMinimumHeight(44)
        self.edit.setClearButtonEnabled(True)
        self.edit.textEdited.connect(self._edited)
        self.edit.returnPressed.connect(self.save)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("payerNameError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b71c1c;font-weight:bold;")
        buttons = QHBoxLayout()
        self.save_button = BigButton("", self, point_size=13, min_height=44)
        self.save_button.setObjectName("payerNameSave")
        self.save_button.clicked.connect(self.save)
        self.cancel_button = BigButton("", self, point_size=13, min_height=44)
        self.cancel_button.setObjectName("payerNameCancel")
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        for w in (self.wallet, self.now, self.edit, self.hint, self.error):
            lay.addWidget(w)
        lay.addLayout(buttons)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.retranslate()
        self._load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Name this payer"))
        self.wallet.setText(self.tr("Wallet %1").replace("%1", short_address(self.address or "")))
        if not self.loaded:
            self.now.setText(self.tr("Reading the name…"))
        elif self.shared and self.shared[0] == "exchange":
            self.now.setText(self.tr("Exchange (%1): many customers pay from this wallet, so it carries no "
                                     "person's name.").replace("%1", self.shared[1] or ""))
        elif self.shared:
            self.now.setText(self.tr("Shared wallet: several customers pay from it (an exchange's or a "
                                     "shared one), so it carries no person's name."))
        elif self.current:
            self.now.setText(self.tr("Now: %1").replace("%1", self.current))
        else:
            self.now.setText(self.tr("No name yet"))
        self.edit.setPlaceholderText(self.tr("Name, e.g. Aibek"))
        self.hint.setText(self.tr("Leave it empty to forget the name. The name is only the shop's note, "
                                  "not proof of who paid."))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    # -- behaviour ---------------------------------------------------------------------------------
    def _edited(self, _text: str) -> None:
        self._typed = True
        self.error.clear()

    def _load(self) -> None:
        def loaded(found: tuple[str | None, tuple[str, str | None] | None]) -> None:
            name, self.shared = found
            self.current = name
            self.loaded = True
            if not self._typed:            # what the cashier already typed wins over the stored name
                self.edit.setText(name or "")
                self.edit.selectAll()
            self.retranslate()
        till, address = self.till, self.address
        self.db.run(lambda: till.payer(address), loaded, self._refused)

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return                          # Enter pressed while the last save is still running
        text = self.edit.text()
        self.save_button.setEnabled(False)
        self.error.clear()

        def done(kept: str) -> None:
            self.current = kept or None
            self.saved.emit(self.address, kept)
            self.accept()
        self.db.run(lambda: self.till.name_payer(self.address, text, actor=self.actor), done, self._refused)

    def _refused(self, err: PosError) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(error_text(err))
        if isinstance(err, SharedWallet) and err.marked:
            self._load()                    # "Now:" says shared wallet (what was typed stays)
            self.marked_shared.emit(self.address)


def ask_payer_name(parent: QWidget | None, till: Till, db: Worker, address: str,
                   done: Callable[[str, str], None] | None = None, *, actor: str = "cashier") -> PayerNameDialog:
    """Open the dialog for ``address`` over ``parent``; ``done(address, name)`` runs after a save
    ("" when the name was forgotten), and after a refusal that marked the wallet shared (its old
    name is gone: ``done(address, "")``), not after Cancel. Returns the dialog (already open)."""
    dialog = PayerNameDialog(till, db, address, parent, actor=actor)
    if done is not None:
        dialog.saved.connect(done)
        dialog.marked_shared.connect(lambda a: done(a, ""))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
