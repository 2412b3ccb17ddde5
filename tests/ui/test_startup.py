"""Start-up stays light: opening the window must not import web3 on the GUI thread."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_main_window_module_does_not_pull_in_web3(tmp_path):
    code = ("import sys; from pos_app.app.context import AppContext; import pos_app.ui.shell.main_window;"
            f" AppContext({str(tmp_path)!r}).config;"
            " bad = [m for m in ('web3', 'eth_tester', 'eth_keys', 'eth_account') if m in sys.modules];"
            " assert not bad, bad")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.returncode == 0, out.stderr


def test_sale_screen_properties_set_without_the_qt_namespace(qtbot):
    """The sale screen sets its enum properties by value (widgets.py): they must still take effect."""
    from PySide6.QtCore import Qt

    from pos_app.ui.screens.sale.sale_screen import SaleScreen
    screen = SaleScreen("en")
    qtbot.addWidget(screen)
    assert screen.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert screen.display.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in screen.keys.values())


def test_the_window_opens_no_larger_than_its_screen(qtbot, window):
    avail = window.screen().availableGeometry()
    assert window.width() <= avail.width() and window.height() <= avail.height()


def test_f8_a_failed_audit_check_is_shown_without_stopping_sales(qtbot, window):
    import threading
    from pos_app.core.events import AuditProblem
    # published from another thread, as the watcher does: the bridge delivers it on the GUI thread
    t = threading.Thread(target=lambda: window.ctx.events.publish(
        AuditProblem(problems=("the newest audit records are missing",))))
    t.start(); t.join()
    qtbot.waitUntil(lambda: getattr(window, "audit_label", None) is not None)
    assert "manager" in window.audit_label.text() and "missing" in window.audit_label.toolTip()
    assert window.sale.isEnabled()


def test_f8_an_empty_shop_database_is_explained_in_a_window_not_only_on_stderr(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from pos_app.ui.shell import app as ui_app
    (tmp_path / "sompos.db").write_bytes(b"")
    monkeypatch.setattr(ui_app, "_has_display", lambda: True)
    shown = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.close()
        else:
            QTimer.singleShot(50, close_box)
    QTimer.singleShot(50, close_box)
    assert ui_app.run_app(str(tmp_path), demo=False) == 3
    assert shown and "empty" in shown[0]
    assert (tmp_path / "sompos.db").read_bytes() == b""
