"""Cold start to the sale screen vs a bare PySide6 window, each in a fresh process (11 runs each).

Both children print the time from interpreter start to the first shown window, then quit.
The app opens a real shop database on the `local` network with no node running (an offline
start: the watcher keeps trying in its own thread). Also reports the app's resident memory once
idle. Target: the app under 1.5x the bare window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/cold_start.py
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 11

BARE = r"""
import time, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
from PySide6.QtCore import QTimer
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.show()
QTimer.singleShot(0, lambda: (print(time.perf_counter()), app.quit()))
app.exec()
"""

APP = r"""
import time, sys, resource
import pos_app.ui  # as the app's entry (pos_app.ui.shell.app) imports it: before the rest
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QTimer
app = QApplication([])
from pos_app.app.context import AppContext
from pos_app.shop.config import set_network
ctx = AppContext(sys.argv[1])
from pos_app.ui.shell.main_window import MainWindow
from pos_app.ui.shell.app import WATCHER_DELAY_MS
win = MainWindow(ctx); win.show(); QTimer.singleShot(WATCHER_DELAY_MS, win.start_watcher)  # as run_app does
QTimer.singleShot(WATCHER_DELAY_MS // 2, win.finish_startup)
def done():
    print(time.perf_counter())
    QTimer.singleShot(3000, lambda: (print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss), app.quit()))
QTimer.singleShot(0, done)
app.exec()
win.close()
"""


def run(code: str, *args: str) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    # perf_counter in the child starts near 0 at interpreter start on Linux (CLOCK_MONOTONIC is
    # system-wide), so time the whole process from here instead for a fair comparison.
    import time
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], env=env,
                         capture_output=True, text=True, timeout=120)
    lines = out.stdout.split()
    if out.returncode != 0 or not lines:
        raise SystemExit(f"child failed: {out.stderr[-2000:]}")
    return [str(float(lines[0]) - t0), *lines[1:]]


def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="sompos-bench-"))
    subprocess.run([sys.executable, "-m", "pos_app", "--data-dir", str(data), "config", "network", "local"],
                   env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "pos_app", "--data-dir", str(data), "config", "token",
                    "0x" + "11" * 20], env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "pos_app", "--data-dir", str(data), "config", "merchant",
                    "0x" + "22" * 20], env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True, capture_output=True)
    # An installed app has byte-compiled modules (pip compiles wheels at install); a source
    # checkout run with PYTHONDONTWRITEBYTECODE would recompile every module on every start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pos_app")], check=True,
                   capture_output=True)
    bare, app, rss = [], [], []
    run(BARE)  # warm the OS file cache for both
    run(APP, str(data))
    for _ in range(RUNS):
        bare.append(float(run(BARE)[0]))
        r = run(APP, str(data))
        app.append(float(r[0]))
        rss.append(int(r[1]) / 1024)
    print(json.dumps({
        "bare_pyside6_window_s": round(statistics.median(bare), 3),
        "sompos_sale_screen_s": round(statistics.median(app), 3),
        "ratio": round(statistics.median(app) / statistics.median(bare), 2), "target_ratio": 1.5,
        "sompos_idle_rss_mb": round(statistics.median(rss), 1),
    }, indent=2))


if __name__ == "__main__":
    main()
