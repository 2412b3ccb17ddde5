"""Issue 12: the first run asks for the language before anything else and then speaks it (the
dialog, the saved settings, so the window after it); the address field has a visible label;
Settings names the QR formats by wallet, not by their raw value."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from pos_app.app.till import Till
from pos_app.app.context import AppContext
from pos_app.shop.config import load_config
from pos_app.ui.screens.settings.first_run import DEMO, SHOP, FirstRunDialog
from pos_app.ui.shell.i18n import install_language

MERCHANT = "0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61"
TOKEN = "0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0"


@pytest.fixture
def dialog(qtbot, tmp_path):
    ctx = AppContext(tmp_path / "shop")
    d = FirstRunDialog(Till(ctx))
    d.shop_ctx = ctx     # what the test reads back
    qtbot.addWidget(d)
    d.show()
    yield d
    install_language("en")          # the next tests read English
    ctx.close()


def test_the_language_is_asked_first(dialog):
    d = dialog
    assert d.language_page.isVisible() and not d.setup_page.isVisible()
    assert [b.text() for b in d.language_buttons.values()] == ["Кыргызча", "Русский", "English"]
    assert not d.demo_button.isVisible() and not d.merchant.isVisible()


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_chosen_language_is_spoken_and_saved(qtbot, dialog, language):
    d = dialog
    qtbot.mouseClick(d.language_buttons[language], Qt.MouseButton.LeftButton)
    assert d.setup_page.isVisible() and not d.language_page.isVisible() and d.merchant.isVisible()
    welcome = QCoreApplication.translate("FirstRunDialog", "Welcome to Som POS. Try it first with play money, "
                                                           "or set up your shop.")
    assert welcome != "Welcome to Som POS. Try it first with play money, or set up your shop."
    assert d.welcome.text() == welcome
    # The address field says what it is in a visible label, not only in a placeholder.
    assert d.merchant_label.isVisible() and d.merchant_label.buddy() is d.merchant
    assert d.merchant_label.text() == QCoreApplication.translate("FirstRunDialog",
                                                                 "Your shop's address: customers pay to it")
    assert d.merchant_label.text() != "Your shop's address: customers pay to it"
    d.merchant.setText(MERCHANT)
    d.token.setText(TOKEN)
    d.network.setCurrentText("bsc")
    qtbot.mouseClick(d.shop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.till_page.isVisible(), timeout=5000)
    # The till question speaks the chosen language too.
    question = QCoreApplication.translate("FirstRunDialog", "Is this the shop's only till that takes som payments?")
    assert question != "Is this the shop's only till that takes som payments?" and d.till_question.text() == question
    with qtbot.waitSignal(d.accepted, timeout=5000):
        qtbot.mouseClick(d.only_till_button, Qt.MouseButton.LeftButton)
    assert d.choice == SHOP and d.language == language
    assert load_config(d.shop_ctx.store).language == language      # the main window opens in it


def test_the_demo_keeps_the_chosen_language(qtbot, dialog):
    d = dialog
    qtbot.mouseClick(d.language_buttons["ky"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(d.accepted, timeout=2000):
        qtbot.mouseClick(d.demo_button, Qt.MouseButton.LeftButton)
    assert d.choice == DEMO and d.language == "ky"


def test_settings_names_the_qr_formats_by_wallet(window):
    window.go_settings()
    box = window.settings.qr_format
    names = {box.itemData(i): box.itemText(i) for i in range(box.count())}
    assert names == {"eip681": "Most wallets (standard payment link)", "metamask": "MetaMask",
                     "trust": "Trust Wallet", "address": "Address only"}
    assert box.currentText() == "Most wallets (standard payment link)"
