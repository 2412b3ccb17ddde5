"""PySide6's per-module source scan for ``__feature__`` switches is off once ``pos_app.ui`` is
imported (issue 19, point 8: 12 ms of cold start and 27 MB of idle memory, run from source)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _child(code: str) -> subprocess.CompletedProcess:
    """``code`` in a fresh interpreter (PySide6's scan happens once per process)."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    return out

def test_modules_imported_after_the_ui_are_not_read_for_feature_switches():
    code = (
        "import linecache, sys\n"
        "import pos_app.ui as ui\n"
        "assert ui.FEATURE_SCAN_SKIPPED\n"
        "import PySide6.QtWidgets\n"
        "import json.decoder, email.parser, pos_app.ui.shell.main_window\n"
        "read = [f for f in linecache.cache if 'email' in f or 'main_window' in f]\n"
        "print(len(read))\n"
    )
    out = _child(code)
    assert out.stdout.strip() == "0"


def test_without_the_switch_pyside_reads_them(tmp_path):
    """The check above can fail: without the switch, PySide6 reads later modules' sources."""
    code = (
        "import linecache\n"
        "import PySide6.QtWidgets\n"
        "import email.parser, pos_app.core.money\n"
        "print(len([f for f in linecache.cache if 'email' in f or 'money' in f]))\n"
    )
    out = _child(code)
    assert int(out.stdout.strip()) > 0
