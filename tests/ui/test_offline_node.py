"""A dead node never blocks the counter: the sale still works and the red bar explains."""
from PySide6.QtCore import Qt

from pos_app.chain.token_cache import TokenInfo, save_token_info
from pos_app.shop.config import set_merchant, set_network, set_token
from pos_app.app.context import AppContext
from pos_app.invoices.payment_request import build_uri

from .conftest import decode_qr

TOKEN = "0xD1803E2bd05647981Dd9289B3eD3ce6A8e1635f0"


def offline_shop(tmp_path, language: str = "en", *, was_online: bool = True) -> AppContext:
    """A shop on the "local" network with nothing listening (127.0.0.1:8545); ``was_online``: its
    token facts were cached by an earlier online session, as in a shop that lost its connection."""
    ctx = AppContext(tmp_path / "shop")
    set_network(ctx.store, "local")
    set_token(ctx.store, TOKEN)
    set_merchant(ctx.store, "0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61")
    ctx.store.set_setting("language", language)
    if was_online:
        save_token_info(ctx.store, TokenInfo(31337, TOKEN, 6, "KGST", "Som", "Som", "1"))
    return ctx


def test_sale_works_and_offline_bar_shows_with_no_node(qtbot, tmp_path):
    from pos_app.ui.shell.main_window import MainWindow
    ctx = offline_shop(tmp_path)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.start_watcher()
    qtbot.waitUntil(lambda: win.offline_bar.isVisible(), timeout=15000)
    assert "No connection" in win.offline_bar.text()
    assert win.net_label.text().startswith("Offline")
    win.sale.setFocus()
    qtbot.keyClicks(win.sale, "99")
    qtbot.keyClick(win.sale, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.payment, timeout=5000)
    assert decode_qr(win.payment.qr) == [build_uri("eip681", win.current.request())]
    win.close()
    ctx.close()


def test_why_offline_is_shown_in_the_screen_language(qtbot, tmp_path):
    """The watcher's reason (a core template) reaches the status bar translated, not in English."""
    from pos_app.core.errors import NodeUnavailable
    from pos_app.ui.shell.main_window import MainWindow
    ctx = offline_shop(tmp_path, "ru", was_online=False)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    problem = NodeUnavailable("chain.blockchain_node_answered_tried", tried=2)
    ctx.link.down(source="watcher", problem=problem)
    qtbot.waitUntil(lambda: win.offline_bar.isVisible(), timeout=5000)
    tip = win.net_label.toolTip()
    assert "2" in tip and "No blockchain node" not in tip and any("а" <= ch <= "я" for ch in tip.lower())
    win.close()
    ctx.close()


def test_a_till_never_online_says_to_connect_once_and_why(qtbot, tmp_path):
    """Issue 12 point 6: no token facts yet (never reached its network): the bar does not promise
    that payments "will be checked later"; it says to connect once and why, and a charge says so."""
    from pos_app.ui.shell.main_window import MainWindow
    ctx = offline_shop(tmp_path, was_online=False)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.start_watcher()
    qtbot.waitUntil(lambda: win.offline_bar.isVisible() and "once" in win.offline_bar.text(), timeout=15000)
    assert "Connect this till to the internet once" in win.offline_bar.text()
    assert "checked when it returns" not in win.offline_bar.text()
    win.sale.setFocus()
    qtbot.keyClicks(win.sale, "99")
    qtbot.keyClick(win.sale, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "internet once" in win.sale.message.text(), timeout=20000)
    assert win.stack.currentWidget() is win.sale
    assert ctx.store.query("SELECT COUNT(*) AS n FROM invoices")[0]["n"] == 0
    win.close()
    ctx.close()


def test_offline_the_payment_screen_brings_offline_payment_forward(qtbot, tmp_path):
    from pos_app.ui.shell.main_window import MainWindow
    ctx = offline_shop(tmp_path)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.start_watcher()
    qtbot.waitUntil(lambda: win.offline_bar.isVisible(), timeout=15000)
    win.sale.setFocus()
    qtbot.keyClicks(win.sale, "99")
    qtbot.keyClick(win.sale, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.payment, timeout=5000)
    p = win.payment
    assert p.side.indexOf(p.offline_button) == p.side.indexOf(p.advice) + 1
    assert "without the network" in p.advice.text()
    win.close()
    ctx.close()
