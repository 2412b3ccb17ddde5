"""Every screen a cashier can reach speaks Kyrgyz or Russian: no English left (issue 12, point 4).

The real main window on the embedded demo chain, in ky and in ru, is walked through what a cashier
meets: the sale keypad, the payment screen (waiting, partly paid, paid), the sales list with a sale's
detail and history, a payment that matched no sale (the alert and the inbox), the offline screen with
a verdict, the payment accepted offline, the offline queue (its reasons), the settings, the customer
display and the first-run dialog. At each stop every visible string of every visible widget is read
(labels, buttons, combo items, table headers and cells, group titles, window titles, the status bar,
placeholders) and it fails on any that is still English:

* a string that *is* an English source text of the .ts files (``%1``-style fields matched as
  anything), unless its translation is the same word (brand names); or
* two English words in a row anywhere (e.g. a core reason such as "in block 429", or a sentence
  built outside ``tr()``), after names, amounts, addresses and hashes are taken out.

What it finds with the display of reasons undone (the state before issue 12's work, checked by
patching ``queue_reason_text`` and ``history_text`` back to the stored English): the queue's
"verified offline" and "in block 8", and the sales detail's "new -> processing: payment update from
the chain" / "processing -> settled: payment final on the chain". The settings' network list holds
the profiles' own names (bsc-testnet), kept as names.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import html  # noqa: E402
import re  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox, QGroupBox,  # noqa: E402
                               QLabel, QLineEdit, QMainWindow, QTabWidget, QTextEdit, QWidget)

from pos_app.app.context import AppContext  # noqa: E402
from pos_app.chain.profiles import builtin_profiles  # noqa: E402
from pos_app.app.demo import accounts as A  # noqa: E402
from pos_app.core.money import as_base_units  # noqa: E402

from .test_offline_accept import go_offline, sign_on_phone, wait_synced_once  # noqa: E402
from .test_sale_flow import charge  # noqa: E402
from .test_translations import ts_messages  # noqa: E402

# Words that are the same in every language: the brand, wallets, the currency of network fees, and
# the demo's customers and network.
KEEP = ("Som POS", "MetaMask", "Trust Wallet", "BNB", "USB", "EIP-681", "BSC", "QR", "Aigul", "Bakyt", "Cholpon",
        "Dastan", "Ermek",
        # the networks' own names in the settings' (editable) network list
        *sorted(builtin_profiles(), key=len, reverse=True), "local")
_NOISE = re.compile(r"0x[0-9a-fA-F…]+|\b[0-9a-fA-F]{4}(?:[-…][0-9a-fA-F]{4})+\b|https?://\S+|<[^>]*>")
TWO_ENGLISH_WORDS = re.compile(r"\b[A-Za-z][a-z']+[ ,:;-]+[A-Za-z][a-z']+\b")


def _english_sources(lang: str) -> list[re.Pattern[str]]:
    out = []
    for m in ts_messages(lang):
        src = m["source"]
        translated = m["forms"] if m["numerus"] else [m["translation"]]
        if any(t.strip() == src.strip() for t in translated) or len(re.sub(r"%\w|\{\w+\}", "", src).strip()) < 3:
            continue    # brand names and bare placeholders stay as they are
        parts = re.split(r"(%\d|%n|\{\w+(?::[^}]*)?\})", src)
        body = "".join(".+?" if re.fullmatch(r"%\d|%n|\{.*\}", p) else re.escape(p) for p in parts)
        out.append(re.compile(body.replace(r"\(s\)", "s?")))
    return out


def _clean(text: str) -> str:
    text = html.unescape(_NOISE.sub(" ", text))
    for word in KEEP:
        text = text.replace(word, " ")
    return re.sub(r"\s+", " ", text).strip()


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    out = []
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = model.columnCount() if orientation == Qt.Orientation.Horizontal else model.rowCount()
        for i in range(count):
            header = model.headerData(i, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(header, str):
                out.append(header)
    for r in range(min(model.rowCount(QModelIndex()), 50)):
        for c in range(model.columnCount(QModelIndex())):
            value = model.index(r, c).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                out.append(value)
    return out


def visible_texts(top: QWidget) -> list[str]:
    """Every string a person can read on ``top`` and its visible children."""
    out = [top.windowTitle()] if top.isWindow() else []
    for w in [top, *top.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        elif isinstance(w, QTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            out.extend(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QTabWidget):
            out.extend(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QAbstractItemView):
            out.extend(_model_texts(w))
        if isinstance(w, QMainWindow) and w.statusBar().currentMessage():
            out.append(w.statusBar().currentMessage())
    return [t for t in out if t and t.strip()]


class Walk:
    """Collects what is English at each stop of the walk."""

    def __init__(self, lang: str) -> None:
        self.sources = _english_sources(lang)
        self.leaks: dict[str, set[str]] = {}
        self.stops: list[str] = []
        self.read = 0

    def english(self, text: str) -> bool:
        whole = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]*>", " ", text))).strip()
        if any(p.fullmatch(whole) for p in self.sources):
            return True
        return TWO_ENGLISH_WORDS.search(_clean(text)) is not None

    def stop(self, name: str, *widgets: QWidget) -> None:
        QApplication.processEvents()
        self.stops.append(name)
        tops = list(widgets) or [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for top in tops:
            for text in visible_texts(top):
                self.read += 1
                for line in re.split(r"\n|<br\s*/?>", text):
                    if line.strip() and self.english(line):
                        self.leaks.setdefault(line.strip(), set()).add(name)


@pytest.fixture
def shop(request, qtbot, tmp_path, demo_chain):
    """The real window in ``request.param``'s language, as a shop set to that language opens it."""
    from pos_app.ui.shell.i18n import install_language
    from pos_app.ui.shell.main_window import MainWindow
    ctx = AppContext(tmp_path / "shop", embedded_w3=demo_chain.shop_w3)
    ctx.store.set_setting("language", request.param)
    watcher = ctx.watcher()
    watcher.start()
    win = MainWindow(ctx, demo_chain=demo_chain, watcher=watcher)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    ctx.close()
    install_language("en")


def _pay(demo_chain, who: str, inv, base: int) -> None:
    demo_chain.pay(who, inv.merchant, as_base_units(base))


def walk_every_screen(qtbot, win, demo_chain, lang: str) -> Walk:
    w = Walk(lang)
    win.finish_startup()
    w.stop("sale keypad")
    # A sale paid in two parts: waiting, partly paid, paid.
    inv = charge(qtbot, win, "150")
    w.stop("payment screen, waiting")
    _pay(demo_chain, "Aigul", inv, int(inv.due_base) // 2)
    qtbot.waitUntil(lambda: win.ctx.service.get(inv.id).paid_seen > 0, timeout=15000)
    qtbot.wait(300)
    w.stop("payment screen, partly paid")
    rest = win.ctx.service.get(inv.id)
    _pay(demo_chain, "Aigul", rest, int(rest.asked_base))
    qtbot.waitUntil(lambda: win.ctx.service.get(inv.id).state.value in ("processing", "settled"), timeout=15000)
    qtbot.wait(300)
    w.stop("payment screen, paid")
    win.show_customer_display()
    qtbot.waitExposed(win.customer)
    w.stop("customer display", win.customer)
    win.customer.close()
    # A payment that matched no sale: the alert above every screen, then the inbox in the list.
    win.checkout.new_sale()
    demo_chain.pay("Bakyt", inv.merchant, as_base_units(7 * 10 ** 6 + 345))
    qtbot.waitUntil(lambda: bool(win.ctx.service.unmatched()), timeout=15000)
    qtbot.waitUntil(lambda: win.unmatched.widget.isVisible(), timeout=10000)
    w.stop("a payment that matched no sale")
    win.go_list()
    win.sales_ctl.reload()
    qtbot.waitUntil(lambda: win.model.rowCount() >= 1, timeout=5000)
    win.sales_ctl.load_detail(inv.id)
    qtbot.waitUntil(lambda: bool(win.sales.detail.text()), timeout=5000)
    w.stop("sales list with a sale's detail")
    # Offline: a verdict on the offline screen, the payment accepted, the queue.
    wait_synced_once(qtbot, win)
    go_offline(qtbot, win)
    w.stop("offline bar")
    charge(qtbot, win, "80")
    qtbot.mouseClick(win.payment.offline_button, Qt.MouseButton.LeftButton)
    screen = win.offline.accept_screen
    screen.input.setText(sign_on_phone(qtbot, win, "raw_tx"))
    screen.check_button.click()
    qtbot.waitUntil(lambda: screen.accept_button.isEnabled(), timeout=10000)
    w.stop("offline screen with a verdict")
    screen.input.setText("0xdeadbeef")
    screen.check_button.click()
    qtbot.waitUntil(lambda: not screen.accept_button.isEnabled() and screen.verdict.text().startswith("✖"),
                    timeout=5000)
    w.stop("offline screen with a refusal")
    screen.input.setText(win.phone.payload)
    screen.check_button.click()
    qtbot.waitUntil(lambda: screen.accept_button.isEnabled(), timeout=10000)
    qtbot.mouseClick(screen.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.payment, timeout=10000)
    w.stop("paid offline")
    qtbot.mouseClick(win.nav_queue, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.offline.queue_view.model.rowCount() >= 1, timeout=5000)
    w.stop("offline queue")
    win.offline.start_sync(win.watcher)    # (the window of a test is given its watcher: no engine yet)
    qtbot.waitUntil(lambda: win.offline.runner is not None, timeout=10000)
    qtbot.mouseClick(win.phone.network_button, Qt.MouseButton.LeftButton)        # the network is back
    qtbot.waitUntil(lambda: any(i.state.value in ("included", "final") for i in win.ctx.offline.list()),
                    timeout=30000)
    win.offline.refresh()
    qtbot.wait(500)
    w.stop("offline queue, sent")
    # Issue 18: a payment short by an exchange's fee, accepted as paid within the owner's tolerance.
    win.ctx.store.set_setting("short_tolerance_tyiyn", 50)
    win.checkout.set_config(win.ctx.config)
    win.go_sale()
    short = charge(qtbot, win, "10")
    _pay(demo_chain, "Cholpon", short, 9 * 10 ** 6 + 60 * 10 ** 4)
    qtbot.waitUntil(lambda: win.payment.short_button.isVisible(), timeout=15000)
    w.stop("payment screen, short by an exchange's fee")
    win.checkout.accept_short(short.id)
    qtbot.waitUntil(lambda: "(" in win.payment.state.text() and win.payment.state_key == "paid", timeout=20000)
    w.stop("payment screen, accepted short")
    # Another till with this till's number, and a clock that disagrees with the network's.
    from pos_app.core.events import ClockSkewed, TwinTillSuspected
    alarm = {"payment": 1, "value": "1", "tx_hash": "0x" + "ab" * 32, "at": 0, "till": "1 of 1"}
    win.ctx.store.set_setting("twin_alarm", alarm)
    win.ctx.events.publish(TwinTillSuspected(alarm=alarm))
    win.ctx.events.publish(ClockSkewed(seconds=-2 * 3600))
    qtbot.waitUntil(lambda: win.twin.widget.isVisible() and win.clock_warning.label.isVisible(), timeout=5000)
    w.stop("another till with this till's number, the clock")
    win.go_settings()
    w.stop("settings")
    from pos_app.ui.screens.settings.first_run import FirstRunDialog
    first = FirstRunDialog(win.till)
    qtbot.addWidget(first)
    first.show()
    first.choose_language(lang)
    w.stop("first run", first)
    # The till question (nothing is saved until it is answered).
    first.merchant.setText(A.MERCHANT)
    first.token.setText(A.MERCHANT)           # any valid address: only checked, never saved here
    first._shop()
    qtbot.waitUntil(lambda: first.till_page.isVisible(), timeout=5000)
    first.more_tills_button.click()
    w.stop("first run, which till", first)
    first.close()
    return w


@pytest.mark.parametrize("shop", ["ky", "ru"], indirect=True)
def test_every_screen_is_in_the_cashiers_language(qtbot, shop, demo_chain, request):
    lang = request.node.callspec.params["shop"]
    w = walk_every_screen(qtbot, shop, demo_chain, lang)
    assert len(w.stops) >= 18 and w.read > 300, (w.stops, w.read)       # the walk really read the screens
    leaks = "\n".join(f"  {text!r}  ({', '.join(sorted(where))})" for text, where in sorted(w.leaks.items()))
    assert not w.leaks, f"English on {lang} screens:\n{leaks}"


def test_the_english_check_catches_english():
    w = Walk("ru")
    assert w.english("in block 429")                                  # a core reason
    assert w.english("Waiting: 3 payments, 450,00 som: 0 to send")    # an English source, fields filled
    assert w.english("Charge")                                         # a one-word English source
    assert not w.english("Ожидает: 3 платежа")
    assert not w.english("Som POS") and not w.english("0x86cB…aA5F") and not w.english("Aigul")
    assert not w.english("Trust Wallet") and not w.english("150,00 сом")


@pytest.mark.parametrize("shop", ["en"], indirect=True)
def test_switching_language_redraws_every_open_screen(qtbot, shop, demo_chain):
    """Screens built and filled in English (a saved-settings line, a verdict, the queue, a sale's
    detail) all speak Russian after the switch: nothing keeps the old language."""
    win = shop
    win.finish_startup()
    inv = charge(qtbot, win, "60")
    _pay(demo_chain, "Aigul", inv, int(inv.due_base))
    qtbot.waitUntil(lambda: win.ctx.service.get(inv.id).state.value in ("processing", "settled"), timeout=15000)
    win.go_settings()
    win.settings.save()
    qtbot.waitUntil(lambda: win.settings.status.text() == "Saved.", timeout=5000)
    win.offline.start()
    win.offline.accept_screen.input.setText("0xdeadbeef")
    win.offline.accept_screen.check_button.click()
    qtbot.waitUntil(lambda: "Do not accept" in win.offline.accept_screen.verdict.text(), timeout=5000)
    win.offline.show_queue()
    win.go_list()
    win.sales_ctl.load_detail(inv.id)
    qtbot.waitUntil(lambda: "Sale started" in win.sales.detail.text(), timeout=5000)
    win.set_language("ru")
    qtbot.wait(1000)                          # the screens' reloads on their workers
    w = Walk("ru")
    for screen in (win.sale, win.payment, win.sales, win.settings, win.offline.accept_screen, win.offline.queue_view):
        win.stack.setCurrentWidget(screen)
        w.stop(type(screen).__name__, win)
    win.show_customer_display()
    w.stop("customer display", win.customer)
    win.customer.close()
    leaks = "\n".join(f"  {text!r}  ({', '.join(sorted(where))})" for text, where in sorted(w.leaks.items()))
    assert not w.leaks, f"English kept after switching to Russian:\n{leaks}"
    assert w.read > 100
    assert win.settings.status.text() and win.settings.status.text() != "Saved."
