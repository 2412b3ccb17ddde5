"""Issue 12: the window opens where and as large as it was left, on the same screen, and never
larger than the screen it opens on."""
from __future__ import annotations

from PySide6.QtCore import QRect, QSettings

from pos_app.app.context import AppContext


def _open(qtbot, ctx, chain):
    from pos_app.ui.shell.main_window import MainWindow
    win = MainWindow(ctx, demo_chain=chain)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(50)
    return win


def test_the_window_size_is_remembered_and_kept_inside_the_screen(qtbot, tmp_path, demo_chain):
    ctx = AppContext(tmp_path / "shop", embedded_w3=demo_chain.shop_w3)
    try:
        win = _open(qtbot, ctx, demo_chain)
        avail = win.screen().availableGeometry()
        assert avail.contains(win.frameGeometry())                # the first time: fits
        win.setGeometry(QRect(avail.x() + 30, avail.y() + 20, 640, 500))
        qtbot.wait(50)
        win.close()
        win = _open(qtbot, ctx, demo_chain)
        assert (win.width(), win.height()) == (640, 500)
        assert (win.geometry().x(), win.geometry().y()) == (avail.x() + 30, avail.y() + 20)
        win.close()
        # Saved on a larger screen (or edited): opened no larger than this one, inside it.
        saved = QSettings(str(ctx.data_dir / "window.ini"), QSettings.Format.IniFormat)
        saved.setValue("rect", QRect(avail.x() + 500, avail.y() + 400, avail.width() + 900, avail.height() + 700))
        saved.sync()
        win = _open(qtbot, ctx, demo_chain)
        assert avail.contains(win.frameGeometry()), (win.frameGeometry(), avail)
        win.close()
    finally:
        ctx.close()
