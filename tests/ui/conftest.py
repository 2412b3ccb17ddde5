"""GUI fixtures: the real main window on the embedded demo chain, rendered offscreen."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import io  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice  # noqa: E402

from pos_app.app.context import AppContext  # noqa: E402
from pos_app.app.demo.chain import DemoChain  # noqa: E402


@pytest.fixture
def demo_chain():
    chain = DemoChain(block_time=0.3)
    chain.start_mining()
    yield chain
    chain.stop()


@pytest.fixture
def window(qtbot, tmp_path, demo_chain):
    from pos_app.ui.shell.main_window import MainWindow
    ctx = AppContext(tmp_path / "shop", embedded_w3=demo_chain.shop_w3)
    ctx.store.set_setting("language", "en")  # tests read English texts; test_settings switches language
    watcher = ctx.watcher()
    watcher.start()
    win = MainWindow(ctx, demo_chain=demo_chain, watcher=watcher)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    ctx.close()


@pytest.fixture
def opened(qtbot, tmp_path, demo_chain):
    """``open(prepare)``: the real window on a shop whose database ``prepare(ctx)`` set up first (a
    restart: what the till finds in its settings when it starts)."""
    from pos_app.ui.shell.main_window import MainWindow
    made = []

    def open_window(prepare=lambda ctx: None):
        ctx = AppContext(tmp_path / "shop", embedded_w3=demo_chain.shop_w3)
        ctx.store.set_setting("language", "en")
        prepare(ctx)
        win = MainWindow(ctx, demo_chain=demo_chain)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        made.append(win)
        return win
    yield open_window
    for win in made:
        win.close()
        win.ctx.close()


def decode_qr(widget) -> list[str]:
    """Decode the QR pixels actually drawn by ``widget`` (zxing-cpp), not the data behind them."""
    import zxingcpp
    from PIL import Image
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().toImage().save(buf, "PNG")
    img = Image.open(io.BytesIO(bytes(buf.data())))
    return [r.text for r in zxingcpp.read_barcodes(img)]
