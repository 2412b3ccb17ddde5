"""The payer dialog and the demo phone with an exchange's wallet (issue 18), on a real demo shop.

* the dialog says an exchange's wallet carries no person's name, and a name typed for it is
  refused in place, in English, Russian or Kyrgyz; nothing is saved;
* a wallet called "Aibek" that since paid another sale, renamed "Nurlan" in the dialog: the
  refusal says why, the dialog now calls it a shared wallet, and the caller is told to reload
  (the old name is gone);
* the demo phone pays from its "Exchange" and never names that wallet after the customer.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re  # noqa: E402

import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import QCoreApplication, Qt  # noqa: E402
from PySide6.QtWidgets import QComboBox  # noqa: E402

from pos_app.app.till import Till
from pos_app.core.reasons import R
from pos_app.app.context import AppContext  # noqa: E402
from pos_app.app.demo import accounts as A  # noqa: E402
from pos_app.chain.demo_constants import DEMO_EXCHANGE, DEMO_EXCHANGE_NAME  # noqa: E402
from pos_app.chain.profiles import DEMO_CHAIN_ID  # noqa: E402
from pos_app.core.money import Tyiyn  # noqa: E402
from pos_app.invoices.service import Transfer  # noqa: E402
from pos_app.ui.screens.sales.payer_name import ask_payer_name  # noqa: E402
from pos_app.ui.shell.bridge import Worker  # noqa: E402
from pos_app.ui.shell.i18n import install_language  # noqa: E402

PAYER = "0x86cB1e7F0Bb2C0B36fFb5EdE6b9b61d7cc0aaA5F"
CYRILLIC = re.compile(r"[А-Яа-яЁёҢңӨөҮү]")
EXCHANGE_REFUSAL = ("This is a wallet of the exchange {exchange}: many customers pay from it, so it cannot "
                    "carry one person's name.")
OPEN: list = []


@pytest.fixture
def shop(qapp, tmp_path):
    ctx = AppContext(tmp_path / "shop")      # the demo network, as a new shop starts
    db = Worker("db")
    yield ctx, db
    while OPEN:
        dialog = OPEN.pop()
        if shiboken6.isValid(dialog):
            dialog.close()
            dialog.deleteLater()
    db.shutdown()
    install_language("en")
    ctx.close()


def _open(qtbot, ctx, db, address):
    done = []
    dialog = ask_payer_name(None, Till(ctx), db, address, lambda a, n: done.append((a, n)))
    OPEN.append(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    return dialog, done


def _save(qtbot, dialog, text):
    dialog.edit.clear()
    dialog.edit.insert(text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5000)


def test_an_exchange_wallet_is_refused_a_name_in_place(qtbot, shop):
    ctx, db = shop
    dialog, done = _open(qtbot, ctx, db, DEMO_EXCHANGE)
    assert dialog.now.text().startswith("Exchange (DemoEx):")
    _save(qtbot, dialog, "Aibek")
    assert dialog.error.text() == EXCHANGE_REFUSAL.format(exchange="DemoEx")
    assert dialog.isVisible() and dialog.save_button.isEnabled() and done == []
    assert ctx.payers.names() == {} and ctx.payers.name_of(DEMO_EXCHANGE) is None
    assert ctx.store.query("SELECT 1 FROM audit_log WHERE event = 'payer_name'") == []


@pytest.mark.parametrize("lang", ["ru", "ky"])
def test_the_exchange_refusal_is_in_the_cashiers_language(qtbot, shop, lang):
    ctx, db = shop
    assert install_language(lang)
    dialog, _ = _open(qtbot, ctx, db, DEMO_EXCHANGE)
    assert CYRILLIC.search(dialog.now.text()) and "DemoEx" in dialog.now.text()
    assert "many customers" not in dialog.now.text()
    _save(qtbot, dialog, "Aibek")
    text = dialog.error.text()
    assert CYRILLIC.search(text) and "DemoEx" in text and "customers" not in text, text
    assert text == QCoreApplication.translate("core", EXCHANGE_REFUSAL).format(exchange="DemoEx")


def _pay(ctx, n: int, invoice_id: int, now: float) -> None:
    inv = ctx.service.get(invoice_id)
    ctx.service.record_transfer(Transfer(
        chain_id=DEMO_CHAIN_ID, token=A.DEMO_TOKEN_ADDRESS, tx_hash="0x" + f"{n:064x}", log_index=0,
        block_number=100 + n, block_hash="0x" + f"{n + 1000:064x}", block_time=int(now),
        payer=PAYER, payee=A.MERCHANT, value=inv.asked_base))
    ctx.service.recompute(invoice_id, R("payment_seen"))


def test_renaming_a_wallet_that_paid_another_sale_marks_it_shared(qtbot, shop):
    ctx, db = shop
    clock = [1_800_000_000.0]
    ctx.service.clock = ctx.payers.clock = lambda: clock[0]
    _pay(ctx, 1, ctx.create_invoice(Tyiyn(5000)).id, clock[0])
    clock[0] += 60
    ctx.payers.set_name(PAYER, "Aibek", actor="cashier")        # the payer of the first sale
    clock[0] += 60
    _pay(ctx, 2, ctx.create_invoice(Tyiyn(7000)).id, clock[0])  # the same wallet pays another sale
    clock[0] += 60

    dialog, done = _open(qtbot, ctx, db, PAYER)
    assert dialog.now.text() == "Now: Aibek"
    _save(qtbot, dialog, "Nurlan")
    assert dialog.error.text().startswith("This wallet was called Aibek and has since paid for another sale")
    qtbot.waitUntil(lambda: dialog.now.text().startswith("Shared wallet:"), timeout=5000)
    assert done == [(PAYER, "")]                                   # the sales list reloads: "Aibek" is gone
    assert dialog.edit.text() == "Nurlan" and dialog.isVisible()   # what was typed stays, in place
    names = ctx.payers.names()
    assert names == {} and ctx.payers.label(PAYER, names) == "Shared wallet"


# -- the demo phone pays from its exchange -----------------------------------------------------------
@pytest.fixture
def phone_shop(qapp, tmp_path, demo_chain):
    from pos_app.ui.screens.offline.demo_phone import DemoPhone
    ctx = AppContext(tmp_path / "shop", embedded_w3=demo_chain.shop_w3)
    db, chain_worker = Worker("db"), Worker("chain")
    current: list = [None]
    phone = DemoPhone(demo_chain, chain_worker, lambda: current[0], till=Till(ctx), db=db)
    yield ctx, phone, current, demo_chain
    phone.deleteLater()
    chain_worker.shutdown()
    db.shutdown()
    ctx.close()


def test_the_demo_phone_pays_from_the_exchange_without_naming_it(qtbot, phone_shop):
    from PySide6.QtWidgets import QPushButton
    ctx, phone, current, chain = phone_shop
    assert A.CUSTOMERS[DEMO_EXCHANGE_NAME] == DEMO_EXCHANGE
    current[0] = ctx.create_invoice(Tyiyn(2500))
    who = phone.findChild(QComboBox, "phoneCustomer")
    who.setCurrentIndex(who.findData(DEMO_EXCHANGE_NAME))
    assert who.currentIndex() >= 0
    before = chain.balance(A.MERCHANT)
    qtbot.mouseClick(phone.findChild(QPushButton, "phonePayExact"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: phone.status.text() == "Sent: 25.00 som", timeout=20000)
    assert chain.balance(A.MERCHANT) - before == current[0].due_base
    drained: list = []                       # the phone's lesson ran first on the one database worker
    phone.db.run(lambda: True, drained.append)
    qtbot.waitUntil(lambda: drained == [True], timeout=5000)
    assert ctx.payers.names() == {} and ctx.payers.name_of(DEMO_EXCHANGE) is None
    assert ctx.payers.label(DEMO_EXCHANGE) == "Exchange (DemoEx)"
    assert ctx.store.query("SELECT 1 FROM audit_log WHERE event = 'payer_name'") == []
