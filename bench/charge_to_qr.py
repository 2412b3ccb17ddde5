"""Time from pressing "Charge" to the payment screen showing the painted QR (offscreen, 50 sales).

The invoice is written on the database worker (synchronous=FULL) and the screen switches when it
returns; we stop the clock after the QR widget has painted. Baseline in the same run: setting the
same URI on a bare QrWidget and painting it, the least any QR screen must do.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/charge_to_qr.py
"""
from __future__ import annotations

import json
import os
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import summary  # noqa: E402  (puts the repo on sys.path)

N = 50


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from pos_app.app.context import AppContext
    from pos_app.ui.shell.main_window import MainWindow
    from pos_app.ui.widgets.common import QrWidget
    app = QApplication([])
    ctx = AppContext(tempfile.mkdtemp(prefix="sompos-bench-"))
    win = MainWindow(ctx)
    win.show()
    app.processEvents()
    charge, bare = [], []
    for i in range(N):
        win.go_sale()
        for k in str(100 + i):
            win.sale.press(k)
        t0 = time.perf_counter()
        win.sale.submit()
        while win.stack.currentWidget() is not win.payment:
            app.processEvents()
        win.payment.qr.repaint()
        charge.append(time.perf_counter() - t0)
        q = QrWidget()
        q.resize(win.payment.qr.size())
        q.show()
        t0 = time.perf_counter()
        q.set_data(win.payment.uri)
        q.repaint()
        bare.append(time.perf_counter() - t0)
        q.close()
    print(json.dumps({"charge_to_qr_shown": summary(charge), "baseline_bare_qr_paint": summary(bare)}, indent=2))
    win.close()


if __name__ == "__main__":
    main()
