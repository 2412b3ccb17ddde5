"""Issue 18 on the cashier's screens: another till with this till's number (the red bar above every
screen, at start too, cleared by a manager through the service), and a computer clock that
disagrees with the network's (the warning in the status area, in human units, in Russian)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pos_app.app.demo import accounts as A
from pos_app.core.events import ClockSkewed
from pos_app.ui.screens.till.clock_warning import clock_text
from pos_app.ui.shell.i18n import install_language

from .test_counter_money import answer
from .test_sale_flow import charge

SOM = 10**6   # the demo token has 6 decimals
ALARM = {"payment": 1, "value": str(7 * SOM + 5), "tx_hash": "0x" + "ab" * 32, "at": 1_700_000_000, "till": "1 of 1"}


# -- another till uses this till's number -------------------------------------------------------------
def test_a_twin_payment_raises_the_red_bar_and_the_manager_clears_it(qtbot, window, demo_chain):
    win = window
    bar = win.twin.widget
    qtbot.waitUntil(lambda: win.twin.loaded, timeout=5000)
    assert not bar.isVisible()                                   # no alarm: no bar
    # A payment carrying one of this till's first amounts that this till never asked: a twin's sale.
    demo_chain.pay("Bakyt", A.MERCHANT, 7 * SOM + 5)
    qtbot.waitUntil(lambda: bar.isVisible(), timeout=20000)
    text = bar.text.text()
    assert text.startswith("Another till uses this till's number: payments are not matched to sales "
                           "automatically until each till has its own number.")
    assert "till 1 of 1" in text
    for word in ("0x", "block", "nonce", "hash", "tail"):
        assert word not in text.lower(), word
    assert win.ctx.service.twin_alarm() is not None
    # It stays on every screen, above the others.
    win.go_list()
    assert bar.isVisible()
    # The payment itself waits in the inbox, said to be the twin's.
    qtbot.waitUntil(lambda: win.unmatched.widget.isVisible(), timeout=10000)
    assert "It was paid to another till that uses this till's number." in win.unmatched.widget.text.text()
    assert not win.unmatched.widget.hint_button.isVisible()       # never "add" it to a sale in one tap

    # The manager: asked first; "Not yet" changes nothing.
    qtbot.mouseClick(bar.resolve_button, Qt.MouseButton.LeftButton)
    answer(qtbot, win.twin, "keepTwinAlarm")
    qtbot.wait(200)
    assert win.ctx.service.twin_alarm() is not None and bar.isVisible()
    # Confirmed: cleared through the service (audited), and the bar goes.
    win.twin.dialog = None
    qtbot.mouseClick(bar.resolve_button, Qt.MouseButton.LeftButton)
    answer(qtbot, win.twin, "confirmTwinResolved")
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    assert win.ctx.service.twin_alarm() is None
    assert [r["actor"] for r in win.ctx.store.query(
        "SELECT actor FROM audit_log WHERE event = 'twin_alarm.resolve'")] == ["cashier"]


def test_the_twin_bar_shows_at_start(qtbot, opened):
    win = opened(lambda ctx: ctx.store.set_setting("twin_alarm", ALARM))
    qtbot.waitUntil(lambda: win.twin.widget.isVisible(), timeout=5000)
    assert "Another till uses this till's number" in win.twin.widget.text.text()
    assert win.twin.widget.resolve_button.text() == "Each till has its own number now"
    assert win.twin.widget.resolve_button.isEnabled() and win.twin.widget.resolve_button.height() >= 44


def test_a_clear_refused_because_it_was_cleared_elsewhere_just_hides_the_bar(qtbot, opened):
    """Cleared meanwhile from the command line: the service refuses (nothing audited twice), the bar
    reads the settings again and goes."""
    win = opened(lambda ctx: ctx.store.set_setting("twin_alarm", ALARM))
    qtbot.waitUntil(lambda: win.twin.widget.isVisible(), timeout=5000)
    win.ctx.store.delete_setting("twin_alarm")
    errors = []
    win.twin.widget.error.setText = errors.append             # what the bar was told
    win.twin.resolve()
    qtbot.waitUntil(lambda: not win.twin.widget.isVisible(), timeout=5000)
    assert "There is no warning about another till to clear." in errors
    assert not win.ctx.store.query("SELECT 1 FROM audit_log WHERE event = 'twin_alarm.resolve'")


# -- the computer's clock -------------------------------------------------------------------------------
@pytest.fixture
def russian(qapp):
    install_language("ru")
    yield
    install_language("en")


def test_the_clock_warning_in_russian(russian):
    assert clock_text(2 * 3600) == "Часы компьютера отстают от сети на 2 часа: установите дату и время."
    assert clock_text(-2 * 86400) == "Часы компьютера спешат относительно сети на 2 дня: установите дату и время."
    assert clock_text(-7 * 60) == "Часы компьютера спешат относительно сети на 7 минут: установите дату и время."
    assert clock_text(21 * 3600) == "Часы компьютера отстают от сети на 21 час: установите дату и время."
    assert clock_text(200) == "" and clock_text(0) == ""        # within 5 minutes: nothing to say


def test_the_clock_warning_in_english_units(qapp):
    install_language("en")
    assert clock_text(2 * 3600) == "The computer's clock is 2 hours behind the network's: set the date and time."
    assert clock_text(-2 * 86400) == "The computer's clock is 2 days ahead of the network's: set the date and time."
    assert clock_text(-3600 - 60) == "The computer's clock is 61 minutes ahead of the network's: set the date and time."
    assert clock_text(301) == "The computer's clock is 5 minutes behind the network's: set the date and time."
    assert clock_text(-86400) == "The computer's clock is 24 hours ahead of the network's: set the date and time."


def test_the_clock_warning_follows_the_watcher_and_shows_at_start(qtbot, opened):
    # At start: the difference the watcher measured last time (kept in the settings).
    win = opened(lambda ctx: ctx.store.set_setting(f"clock_skew:{ctx.config.network.chain_id}", -2 * 3600))
    label = win.clock_warning.label
    qtbot.waitUntil(lambda: label.isVisible(), timeout=5000)
    assert label.text() == "The computer's clock is 2 hours ahead of the network's: set the date and time."
    # The watcher says the clocks agree again: the warning goes; a new difference brings it back.
    win.ctx.events.publish(ClockSkewed(seconds=0))
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=5000)
    win.ctx.events.publish(ClockSkewed(seconds=3 * 86400))
    qtbot.waitUntil(lambda: label.isVisible(), timeout=5000)
    assert label.text() == "The computer's clock is 3 days behind the network's: set the date and time."
    # It follows the cashier's language.
    try:
        win.set_language("ru")
        assert label.text() == "Часы компьютера отстают от сети на 3 дня: установите дату и время."
    finally:
        install_language("en")


def test_a_small_stored_difference_says_nothing(qtbot, opened):
    win = opened(lambda ctx: ctx.store.set_setting(f"clock_skew:{ctx.config.network.chain_id}", 250))
    qtbot.wait(500)
    assert not win.clock_warning.label.isVisible()
    charge(qtbot, win, "5")                                      # and the till sells as usual
