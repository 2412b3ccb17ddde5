"""First run: "Set up my shop" validates like the settings and saves; "Try the demo" is one tap; a
shop is asked whether this is its only till (1 of 1) or which of how many (issue 18)."""
import pytest
from PySide6.QtCore import Qt

from pos_app.app.till import Till
from pos_app.shop.config import load_config
from pos_app.app.context import AppContext
from pos_app.ui.screens.settings.first_run import DEMO, SHOP, FirstRunDialog

MERCHANT = "0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61"
TOKEN = "0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0"


def test_set_up_my_shop(qtbot, tmp_path):
    ctx = AppContext(tmp_path / "shop")
    d = FirstRunDialog(Till(ctx))
    d.shop_ctx = ctx     # what the test reads back
    qtbot.addWidget(d)
    d.merchant.setText("0x1234")
    qtbot.mouseClick(d.shop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.error.text() != "", timeout=5000)
    assert "address" in d.error.text() and "token" in d.error.text()
    assert d.shop_ctx.store.get_setting("network") is None          # nothing saved
    d.merchant.setText(MERCHANT)
    d.token.setText(TOKEN)
    d.network.setCurrentText("bsc")
    answer_only_till(qtbot, d)
    assert d.choice == SHOP
    cfg = load_config(d.shop_ctx.store)
    assert (cfg.network.name, cfg.network.chain_id, cfg.merchant, cfg.network.token) == ("bsc", 56, MERCHANT, TOKEN)
    ctx.close()


def to_till_question(qtbot, d) -> None:
    """The shop's fields are checked first; then the till question replaces them (nothing saved yet)."""
    qtbot.mouseClick(d.shop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.till_page.isVisibleTo(d), timeout=5000)
    assert not d.setup_page.isVisibleTo(d)
    assert d.shop_ctx.store.get_setting("network") is None


def answer_only_till(qtbot, d) -> None:
    to_till_question(qtbot, d)
    with qtbot.waitSignal(d.accepted, timeout=5000):
        qtbot.mouseClick(d.only_till_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def shop_dialog(qtbot, tmp_path):
    ctx = AppContext(tmp_path / "shop")
    d = FirstRunDialog(Till(ctx))
    d.shop_ctx = ctx     # what the test reads back
    qtbot.addWidget(d)
    d.show()
    d.choose_language("en")
    d.merchant.setText(MERCHANT)
    d.token.setText(TOKEN)
    d.network.setCurrentText("bsc")
    yield d
    ctx.close()


def test_the_only_till_is_saved_as_1_of_1(qtbot, shop_dialog):
    d = shop_dialog
    to_till_question(qtbot, d)
    assert d.till_question.text() == "Is this the shop's only till that takes som payments?"
    assert not d.tills_box.isVisible()                       # the numbers are asked only after "No"
    with qtbot.waitSignal(d.accepted, timeout=5000):
        qtbot.mouseClick(d.only_till_button, Qt.MouseButton.LeftButton)
    cfg = load_config(d.shop_ctx.store)
    assert d.choice == SHOP and cfg.till.describe() == "1 of 1" and cfg.merchant == MERCHANT
    assert d.shop_ctx.store.get_setting("till") == {"number": 1, "count": 1}     # said, not left to the default


def test_one_of_several_tills_is_saved_as_its_number_of_the_count(qtbot, shop_dialog):
    d = shop_dialog
    to_till_question(qtbot, d)
    qtbot.mouseClick(d.more_tills_button, Qt.MouseButton.LeftButton)
    assert d.tills_box.isVisible()
    assert d.which_till.text() == "How many tills take som payments, and which one is this?"
    # Big buttons, not a spin box's small arrows: 2 tills -> 3 tills, this is till 2.
    for b in (d.till_count.up, d.till_count.down, d.till_number.up, d.till_number.down,
              d.only_till_button, d.more_tills_button, d.save_tills_button):
        assert b.height() >= 44 and b.width() >= 44, b.objectName()
    qtbot.mouseClick(d.till_count.up, Qt.MouseButton.LeftButton)
    assert d.till_count.value() == 3
    qtbot.mouseClick(d.till_number.down, Qt.MouseButton.LeftButton)
    assert d.till_number.value() == 1
    qtbot.mouseClick(d.till_number.up, Qt.MouseButton.LeftButton)
    assert d.till_number.value() == 2
    with qtbot.waitSignal(d.accepted, timeout=5000):
        qtbot.mouseClick(d.save_tills_button, Qt.MouseButton.LeftButton)
    assert load_config(d.shop_ctx.store).till.describe() == "2 of 3"


def test_the_till_number_never_exceeds_the_count(qtbot, shop_dialog):
    d = shop_dialog
    to_till_question(qtbot, d)
    qtbot.mouseClick(d.more_tills_button, Qt.MouseButton.LeftButton)
    for _ in range(3):
        qtbot.mouseClick(d.till_count.up, Qt.MouseButton.LeftButton)       # 5 tills
    for _ in range(4):
        qtbot.mouseClick(d.till_number.up, Qt.MouseButton.LeftButton)      # till 5 (not 6)
    assert (d.till_number.value(), d.till_count.value()) == (5, 5)
    assert not d.till_number.up.isEnabled()
    qtbot.mouseClick(d.till_count.down, Qt.MouseButton.LeftButton)          # 4 tills: the number follows
    assert (d.till_number.value(), d.till_count.value()) == (4, 4)


def test_try_the_demo(qtbot, tmp_path):
    ctx = AppContext(tmp_path / "shop")
    d = FirstRunDialog(Till(ctx))
    d.shop_ctx = ctx     # what the test reads back
    qtbot.addWidget(d)
    with qtbot.waitSignal(d.accepted, timeout=2000):
        qtbot.mouseClick(d.demo_button, Qt.MouseButton.LeftButton)
    assert d.choice == DEMO
    ctx.close()
