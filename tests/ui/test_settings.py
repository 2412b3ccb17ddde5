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


# -- the core use case both the settings screen and the first-run dialog call ------------------------
def _form(**changes):
    from pos_app.shop.config import SettingsInput
    values = dict(merchant=A.MERCHANT, network="demo", token="", expiry="15", qr_format="eip681", language="en",
                  till="1/1")
    values.update(changes)
    return SettingsInput(**values)


def test_save_settings_refuses_every_bad_field_at_once_and_changes_nothing(tmp_path):
    import pytest

    from pos_app.app.context import AppContext
    from pos_app.core.errors import ConfigError
    from pos_app.shop.config import SettingsRefused, save_settings
    ctx = AppContext(tmp_path / "shop")
    try:
        before = load_config(ctx.store)
        settings_before = ctx.store.query("SELECT * FROM settings ORDER BY key")
        with pytest.raises(SettingsRefused) as refused:
            save_settings(ctx.store, _form(merchant="0x123", network="bsc", expiry="٣", qr_format="png",
                                           language="de", till="3/2"))
        err = refused.value
        assert isinstance(err, ConfigError) and "Nothing was saved" in err.user_message
        assert set(err.errors) == {"merchant", "token", "expiry", "qr_format", "language", "till"}
        assert "minutes" in err.errors["expiry"].user_message
        assert "token contract" in err.errors["token"].user_message
        assert load_config(ctx.store) == before
        assert ctx.store.query("SELECT * FROM settings ORDER BY key") == settings_before
        with pytest.raises(SettingsRefused) as refused:           # one bad field keeps the good ones out too
            save_settings(ctx.store, _form(expiry="5", language="ky", network="no-such-network"))
        assert set(refused.value.errors) == {"network"}
        assert load_config(ctx.store) == before
    finally:
        ctx.close()


def test_save_settings_saves_every_field_together(tmp_path):
    from pos_app.app.context import AppContext
    from pos_app.shop.config import save_settings
    token = "0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0"
    ctx = AppContext(tmp_path / "shop")
    try:
        cfg = save_settings(ctx.store, _form(merchant=A.MERCHANT.lower(), network="bsc", token=token, expiry="5",
                                             qr_format="metamask", language="ky", till="2/3"))
        assert cfg == load_config(ctx.store)
        assert (cfg.network.name, cfg.network.token, cfg.merchant, cfg.expiry_seconds, cfg.qr_format,
                cfg.language, cfg.till.describe()) == ("bsc", token, A.MERCHANT, 300, "metamask", "ky", "2 of 3")
        cfg = save_settings(ctx.store, _form(network="bsc", token=token, till=None))  # no till field: kept
        assert cfg.till.describe() == "2 of 3" and cfg.expiry_seconds == 900
    finally:
        ctx.close()
