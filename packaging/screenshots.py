"""Regenerate the README screenshots from the real app, rendered offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots.py

Runs a sale on the embedded demo chain and saves the sale, payment, paid and sales-list screens
(and the customer display) to docs/screenshots/.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

# A shop's 1366x768 screen (the offscreen platform's own screen is 800x600, and the window never
# grows past its screen).
_SCREEN = Path(tempfile.mkdtemp(prefix="sompos-shots-")) / "screen.json"
_SCREEN.write_text('{"screens": [{"name": "shop", "x": 0, "y": 0, "width": 1366, "height": 768, '
                   '"logicalDpi": 96, "dpr": 1}]}')
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    for lang in ("en", "ru"):
        shoot(app, lang)
    print("\n".join(str(p.relative_to(ROOT)) for p in sorted(OUT.glob("*.png"))), flush=True)


def shoot(app, lang: str) -> None:
    from pos_app.app.demo.chain import DemoChain
    from pos_app.app.demo.headless import open_demo_context
    from pos_app.ui.shell.main_window import MainWindow
    chain = DemoChain(block_time=0.5)
    chain.start_mining()
    ctx = open_demo_context(tempfile.mkdtemp(prefix="sompos-shots-"), chain)
    ctx.store.set_setting("language", lang)
    watcher = ctx.watcher()
    watcher.start()
    win = MainWindow(ctx, demo_chain=chain, watcher=watcher)
    win.resize(1100, 720)
    win.show()

    def spin(seconds: float, until=None) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end and not (until and until()):
            app.processEvents()
            time.sleep(0.02)

    OUT.mkdir(parents=True, exist_ok=True)
    spin(1.0)
    for amount in ("320", "85,5"):
        for k in amount:
            win.sale.press(k)
        win.sale.submit()
        spin(5, lambda: win.stack.currentWidget() is win.payment)
        win.phone._pay("exact")
        spin(15, lambda: getattr(win.payment, "state_key", "") == "paid")
        win.go_sale()
    for k in "1250,5":
        win.sale.press(k)
    spin(0.3)
    win.grab().save(str(OUT / f"sale-{lang}.png"))
    win.sale.submit()
    spin(5, lambda: win.stack.currentWidget() is win.payment)
    spin(0.5)
    win.grab().save(str(OUT / f"payment-{lang}.png"))
    win.customer.resize(600, 700)
    win.customer.show()
    spin(0.3)
    win.customer.grab().save(str(OUT / f"customer-display-{lang}.png"))
    win.phone._pay("exact")
    spin(15, lambda: getattr(win.payment, "state_key", "") == "paid")
    spin(0.3)
    win.grab().save(str(OUT / f"paid-{lang}.png"))
    win.go_list()
    win.reload_sales()
    spin(1.0)
    win.grab().save(str(OUT / f"sales-list-{lang}.png"))

    # Offline: the shop's network is cut, the customer's phone signs, the cashier scans and accepts.
    chain_id = win.cfg.network.chain_id
    spin(10, lambda: ctx.offline.last_sync_at(chain_id) is not None)
    win.phone.network_button.setChecked(False)
    spin(25, lambda: win.offline_bar.isVisible())
    win.go_sale()
    for k in "420":
        win.sale.press(k)
    win.sale.submit()
    spin(5, lambda: win.stack.currentWidget() is win.payment)
    win.offline.start()
    win.phone.payload = ""
    win.phone._sign()
    spin(10, lambda: bool(win.phone.payload))
    win.phone.handed_over.emit(win.phone.payload)
    spin(5, lambda: win.offline.accept_screen.accept_button.isEnabled())
    spin(0.3)
    win.grab().save(str(OUT / f"offline-verdict-{lang}.png"))
    win.offline.accept_screen.accept_button.click()
    spin(5, lambda: getattr(win.payment, "state_key", "") == "offline")
    spin(0.5)
    win.grab().save(str(OUT / f"offline-accepted-{lang}.png"))
    win.offline.show_queue()
    spin(1.0)
    win.grab().save(str(OUT / f"offline-queue-{lang}.png"))
    win.close()
    chain.stop()


if __name__ == "__main__":
    main()
