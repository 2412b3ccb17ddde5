"""Starting the desktop app (``sompos`` / ``sompos demo``)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from pos_app.core.errors import PosError

WATCHER_DELAY_MS = 300


def _has_display() -> bool:
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                    or os.environ.get("QT_QPA_PLATFORM"))
    return True


def run_app(data_dir: str | None, *, demo: bool, language: str | None = None) -> int:
    """``language``: the one chosen on the first-run screen, kept by a demo started from there."""
    if not _has_display():
        print("sompos: error: no screen found; use `sompos demo --headless` in a terminal.", file=sys.stderr)
        return 2
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from pos_app.shop.config import default_data_dir
    from pos_app.app.context import AppContext, setup_logging
    from pos_app.app.till import Till
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Som POS")
    chain = None
    try:
        if demo:
            from pos_app.app.demo.chain import DemoChain
            from pos_app.app.demo.headless import open_demo_context
            chain = DemoChain(block_time=1.0)
            chain.start_mining()
            ctx = open_demo_context(data_dir, chain)
            if language is not None:
                Till(ctx).set_language(language)   # before the window reads its config
        else:
            base = default_data_dir() if data_dir is None else data_dir
            setup_logging(Path(base))
            ctx = AppContext(base)
            if Till(ctx).needs_setup():
                from pos_app.ui.screens.settings.first_run import DEMO, FirstRunDialog
                dialog = FirstRunDialog(Till(ctx))
                if not dialog.exec():
                    return 0
                if dialog.choice == DEMO:
                    ctx.close()
                    return run_app(data_dir, demo=True, language=dialog.language)
        from pos_app.ui.shell.main_window import MainWindow
        win = MainWindow(ctx, demo_chain=chain)
        win.show()
        # The watcher is built on a worker (it imports web3, ~1 s of CPU); starting it a moment
        # after the first paint keeps that import from competing with the GUI thread for the GIL
        # while the sale screen appears.
        QTimer.singleShot(WATCHER_DELAY_MS, win.start_watcher)
        QTimer.singleShot(WATCHER_DELAY_MS // 2, win.finish_startup)
        rc = app.exec()
        return int(rc)
    except PosError as exc:
        from pos_app.ui.shell.core_text import error_text
        print(f"sompos: error: {error_text(exc)}", file=sys.stderr)
        # Started with a double click there is no terminal: the shopkeeper must see why.
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.critical(None, "Som POS", error_text(exc))
        return 3
    finally:
        if chain is not None:
            chain.stop()
