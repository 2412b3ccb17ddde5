"""Run by test_screen_fit.py in a child process whose offscreen screen has the shop's size
(``QT_QPA_PLATFORM=offscreen:configfile=...``): opens the real demo window, sells, pays, signs an
offline payment on the demo phone and walks every screen, printing the window's frame and the
screen's available area at each step as one JSON line."""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path


def main(language: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pos_app.app.context import AppContext
    from pos_app.app.demo.chain import DemoChain
    from pos_app.ui.shell.main_window import MainWindow

    app = QApplication([])
    chain = DemoChain(block_time=0.3)
    chain.start_mining()
    ctx = AppContext(Path(tempfile.mkdtemp()) / "shop", embedded_w3=chain.shop_w3)
    ctx.store.set_setting("language", language)
    watcher = ctx.watcher()
    watcher.start()
    win = MainWindow(ctx, demo_chain=chain, watcher=watcher)
    steps = []

    def wait_until(cond, timeout=20.0) -> None:
        end = time.monotonic() + timeout
        while not cond():
            if time.monotonic() > end:
                raise TimeoutError(f"timed out at step {len(steps)}")
            app.processEvents()
            time.sleep(0.02)

    def settle() -> None:
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)

    def record(step: str) -> None:
        settle()
        f, a, m = win.frameGeometry(), win.screen().availableGeometry(), win.minimumSizeHint()
        steps.append({"step": step, "frame": [f.x(), f.y(), f.width(), f.height()],
                      "available": [a.x(), a.y(), a.width(), a.height()], "minimum": [m.width(), m.height()],
                      "sale_buttons_in_view": sale_buttons_in_view(), "cut_buttons": cut_buttons()})

    def cut_buttons() -> list[str]:
        """The window's visible touch buttons whose words show cut short ("…")."""
        from pos_app.ui.widgets.common import BigButton
        return [b.text() for b in win.findChildren(BigButton) if b.isVisible() and b.text() and b.is_cut()]

    def sale_buttons_in_view() -> bool | None:
        """On the payment screen: "New sale" and "Cancel sale" are in view without scrolling."""
        from PySide6.QtCore import QPoint, QRect
        if win.stack.currentWidget() is not win.checkout._payment:
            return None
        viewport = win.stack.parentWidget()          # the scroll area's viewport
        return all(viewport.rect().contains(QRect(b.mapTo(viewport, QPoint(0, 0)), b.size()))
                   for b in (win.payment.new_button, win.payment.cancel_button))

    try:
        win.show()
        record("opened")
        win.finish_startup()
        record("all screens built")
        win.sale.setFocus()
        QTest.keyClicks(win.sale, "250")
        QTest.keyClick(win.sale, Qt.Key.Key_Return)
        wait_until(lambda: win.stack.currentWidget() is win.payment)
        record("charged")
        QTest.mouseClick(win.phone.pay_exact, Qt.MouseButton.LeftButton)
        wait_until(lambda: win.payment.state.property("stateKey") == "paid")
        record("paid")
        QTest.mouseClick(win.payment.new_button, Qt.MouseButton.LeftButton)
        QTest.keyClicks(win.sale, "99")
        QTest.keyClick(win.sale, Qt.Key.Key_Return)
        wait_until(lambda: win.stack.currentWidget() is win.payment and win.current.amount_tyiyn == 9900)
        win.checkout.set_online(False)
        record("waiting, network lost: offline payment brought forward")
        win.checkout.set_online(True)
        QTest.mouseClick(win.phone.sign_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: bool(win.phone.payload))
        record("offline payment signed on the phone")
        QTest.mouseClick(win.payment.offline_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(win.phone.hand_button, Qt.MouseButton.LeftButton)
        record("offline payment handed over")
        # Issue 18: the red bar for another till with this till's number and the clock warning.
        from pos_app.core.events import ClockSkewed, TwinTillSuspected
        win.checkout.new_sale()
        alarm = {"payment": 1, "value": "1", "tx_hash": "0x" + "ab" * 32, "at": 0, "till": "1 of 1"}
        ctx.store.set_setting("twin_alarm", alarm)
        ctx.events.publish(TwinTillSuspected(alarm=alarm))
        ctx.events.publish(ClockSkewed(seconds=-2 * 3600))
        wait_until(lambda: win.twin.widget.isVisible() and win.clock_warning.label.isVisible())
        record("another till with this till's number, clock off")
        for name, page in (("sales list", win.sales), ("settings", win.settings),
                           ("offline queue", win.offline.queue_view)):
            win.stack.setCurrentWidget(page)
            record(name)
    finally:
        print(json.dumps(steps), flush=True)
        win.close()
        ctx.close()
        chain.stop()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "ru")
