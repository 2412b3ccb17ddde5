"""Settings screen: refused values are explained next to their field and change nothing;
valid values are saved and take effect, including the language, without losing the sale."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from pos_app.shop.config import load_config
from pos_app.app.demo import accounts as A

from .test_sale_flow import charge


def save(qtbot, win):
    qtbot.mouseClick(win.settings.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.settings.save_button.isEnabled() and win.settings.status.text() != "", timeout=5000)


def test_invalid_fields_are_explained_and_nothing_is_saved(qtbot, window):
    window.go_settings()
    s = window.settings
    before = load_config(window.ctx.store)
    good = A.MERCHANT
    bad_checksum = good[:-1] + (good[-1].lower() if good[-1].isupper() else good[-1].upper())
    s.merchant.setText(bad_checksum if bad_checksum != good else "0x123")
    s.expiry.setText("abc")
    s.network.setEditText("no-such-network")
    s.token.setText("0xnothex")
    save(qtbot, window)
    assert "address" in s.merchant_err.text()
    assert "minutes" in s.expiry_err.text()
    assert "Unknown network" in s.network_err.text()
    assert "token" in s.token_err.text()
    assert load_config(window.ctx.store) == before


def test_valid_settings_take_effect(qtbot, window):
    window.go_settings()
    s = window.settings
    s.merchant.setText(A.MERCHANT.lower())          # lower-case is accepted and checksummed
    s.expiry.setText("5")
    s.qr_format.setCurrentIndex(s.qr_format.findData("metamask"))
    save(qtbot, window)
    cfg = load_config(window.ctx.store)
    assert cfg.merchant == A.MERCHANT and cfg.expiry_seconds == 300 and cfg.qr_format == "metamask"
    inv = charge(qtbot, window, "12")
    assert inv.expires_at - inv.created_at == 300
    assert window.payment.uri.startswith("https://link.metamask.io/send/")


def test_language_switch_keeps_the_sale_on_screen(qtbot, window):
    inv = charge(qtbot, window, "150")
    window.go_settings()
    s = window.settings
    s.language.setCurrentIndex(s.language.findData("ky"))
    save(qtbot, window)
    expected = QCoreApplication.translate("MainWindow", "Sale")
    assert expected != "Sale"                        # a Kyrgyz translation is loaded
    assert window.nav_sale.text() == expected
    assert window.current is not None and window.current.id == inv.id
    window.stack.setCurrentWidget(window.payment)
    assert window.payment.invoice.id == inv.id and "150,00" in window.payment.amount.text()
    s.language.setCurrentIndex(s.language.findData("en"))
    save(qtbot, window)
    assert window.nav_sale.text() == "Sale"
    assert window.payment.amount.text() == "150.00 som"


def test_f1_the_till_number_is_set_on_the_settings_screen(qtbot, window):
    window.go_settings()
    s = window.settings
    s.till_number.setValue(3)
    s.till_count.setValue(2)                        # till 3 of 2: refused, nothing saved
    save(qtbot, window)
    assert s.till_err.text() and load_config(window.ctx.store).till.count == 1
    s.till_number.setValue(2)
    save(qtbot, window)
    assert s.till_err.text() == "" and load_config(window.ctx.store).till.describe() == "2 of 2"
    inv = charge(qtbot, window, "12")               # this till asks for its own tails only
    assert inv.tail % 2 == 0
    window.go_settings()
    s.till_count.setValue(3)                        # a sale is open: the count stays until it ends
    save(qtbot, window)
    assert "open sales" in s.till_err.text() and load_config(window.ctx.store).till.count == 2
