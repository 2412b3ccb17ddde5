"""Issue 12 point 6 and 4 (part): the payment screen and the status bar speak shop words in the
shop's language: wallets by name, the exact amount with the decimal comma in som, the demo
network named in Russian/Kyrgyz."""
from __future__ import annotations

import re

import pytest

from pos_app.core.money import Tyiyn


@pytest.mark.parametrize("lang, word", [("ru", "сом"), ("ky", "сом")])
def test_the_payment_screen_names_wallets_and_the_exact_amount_in_som(qtbot, tmp_path, demo_chain, lang, word):
    from pos_app.app.context import AppContext
    from pos_app.ui.screens.sale.payment_screen import PaymentScreen
    from pos_app.ui.shell.i18n import install_language
    ctx = AppContext(tmp_path / "shop", embedded_w3=demo_chain.shop_w3)
    install_language(lang)
    try:
        inv = ctx.create_invoice(Tyiyn(150_00))
        screen = PaymentScreen(lang)
        qtbot.addWidget(screen)
        screen.show_invoice(inv)
        names = [screen.format_box.itemText(i) for i in range(screen.format_box.count())]
        assert names and not any("EIP" in n or "681" in n for n in names)
        text = screen.onchain.text()
        assert re.search(r"150,0000\d\d " + word, text), text
        assert not re.search(r"\d\.\d", text) and "блокчейн" not in text.lower() and "chain" not in text
        assert not screen.onchain.isVisibleTo(screen)            # the tail is explained only in Details
        screen.details_button.click()
        assert screen.onchain.isVisibleTo(screen)
    finally:
        install_language("en")
        ctx.close()


def test_the_status_bar_names_the_demo_network_in_the_shops_language(qtbot, window):
    window.set_language("ru")
    try:
        window.ctx.link.ok(source="watcher", head=5, head_time=0, endpoint="embedded demo chain")
        qtbot.waitUntil(lambda: "встроенная демо-сеть" in window.net_label.text(), timeout=5000)
        assert "embedded" not in window.net_label.text() and "demo" not in window.net_label.text()
        # Offline too: the demo is named in the shop's words, not by its profile name "demo".
        window.ctx.link.down(source="watcher", problem=None)
        qtbot.waitUntil(lambda: "встроенная демо-сеть" in window.net_label.text()
                        and window.net_label.text().startswith("Нет связи"), timeout=5000)
        assert "demo" not in window.net_label.text()
    finally:
        window.set_language("en")


def test_the_red_bar_shows_at_the_first_failed_check_and_the_status_keeps_counting(qtbot, window, monkeypatch):
    """Issue 12 point 7: the bar waited ~10 s after the link dropped, and "Block 277, 9 s ago"
    froze while offline (and named blocks). Now: red at the first failed check, minutes since the
    last contact counting on, no block numbers."""
    import time as _time

    from pos_app.core.errors import NodeUnavailable
    win = window
    win.ctx.link.ok(source="watcher", head=277, head_time=int(_time.time()), endpoint="embedded demo chain")
    qtbot.waitUntil(lambda: win.last_ok is not None and not win.link_down, timeout=5000)
    win.watcher.stop()                         # the real watcher must not report "online" meanwhile
    assert "277" not in win.block_label.text() and "Block" not in win.block_label.text()
    problem = NodeUnavailable("chain.blockchain_node_answered_tried", tried=1)
    win.ctx.link.down(source="watcher", problem=problem)
    qtbot.waitUntil(lambda: win.offline_bar.isVisible(), timeout=1000)     # not 10 s later
    assert "Last contact 0 min ago" == win.block_label.text()
    real = _time.monotonic
    monkeypatch.setattr(time_module(), "monotonic", lambda: real() + 185)
    win.refresh_status()
    monkeypatch.undo()                         # time.monotonic is global: put it back at once
    assert win.block_label.text() == "Last contact 3 min ago"


def time_module():
    import pos_app.ui.shell.main_window as mw
    return mw.time


def test_the_demo_phone_names_payment_kinds_without_standard_numbers(window):
    names = [window.phone.kind.itemText(i) for i in range(window.phone.kind.count())]
    assert len(names) == 2 and not any("EIP" in n or "3009" in n for n in names)
