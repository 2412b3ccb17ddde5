"""First run: "Set up my shop" validates like the settings and saves; "Try the demo" is one tap."""
from PySide6.QtCore import Qt

from pos_app.shop.config import load_config
from pos_app.app.context import AppContext
from pos_app.ui.screens.settings.first_run import DEMO, SHOP, FirstRunDialog

MERCHANT = "0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61"
TOKEN = "0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0"


def test_set_up_my_shop(qtbot, tmp_path):
    ctx = AppContext(tmp_path / "shop")
    d = FirstRunDialog(ctx)
    qtbot.addWidget(d)
    d.merchant.setText("0x1234")
    qtbot.mouseClick(d.shop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.error.text() != "", timeout=5000)
    assert "address" in d.error.text() and "token" in d.error.text()
    assert ctx.store.get_setting("network") is None          # nothing saved
    d.merchant.setText(MERCHANT)
    d.token.setText(TOKEN)
    d.network.setCurrentText("bsc")
    with qtbot.waitSignal(d.accepted, timeout=5000):
        qtbot.mouseClick(d.shop_button, Qt.MouseButton.LeftButton)
    assert d.choice == SHOP
    cfg = load_config(ctx.store)
    assert (cfg.network.name, cfg.network.chain_id, cfg.merchant, cfg.network.token) == ("bsc", 56, MERCHANT, TOKEN)
    ctx.close()


def test_try_the_demo(qtbot, tmp_path):
    ctx = AppContext(tmp_path / "shop")
    d = FirstRunDialog(ctx)
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.accepted, timeout=2000):
        qtbot.mouseClick(d.demo_button, Qt.MouseButton.LeftButton)
    assert d.choice == DEMO
    ctx.close()
