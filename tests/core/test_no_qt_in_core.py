"""The core (everything under ``pos_app/`` except ``pos_app/ui/``) never imports Qt.

Two checks: a static one (every ``.py`` parsed with ``ast``; any ``import PySide6...``,
``from PyQt6 import ...``, ``import shiboken6`` or ``importlib.import_module("PySide6...")`` fails)
and a dynamic one (a fresh interpreter imports every core module, found with
``pkgutil.walk_packages``, and must end with no Qt module loaded, so nothing pulls Qt in indirectly).
"""
from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import pos_app

REPO_ROOT = Path(__file__).resolve().parents[2]
PKG_DIR = REPO_ROOT / "pos_app"
QT_ROOTS = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "qtpy")


def _is_qt(name: str | None) -> bool:
    return bool(name) and name.split(".")[0] in QT_ROOTS


def qt_imports(source: str, filename: str = "<src>") -> list[str]:
    """Every Qt import in ``source``, as 'line N: what'."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [f"line {node.lineno}: import {a.name}" for a in node.names if _is_qt(a.name)]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and _is_qt(node.module):
                found.append(f"line {node.lineno}: from {node.module} import ...")
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            arg = node.args[0]
            if name in ("import_module", "__import__") and isinstance(arg, ast.Constant) \
                    and isinstance(arg.value, str) and _is_qt(arg.value):
                found.append(f"line {node.lineno}: {name}({arg.value!r})")
    return found


def core_files() -> list[Path]:
    ui = PKG_DIR / "ui"
    return sorted(p for p in PKG_DIR.rglob("*.py") if ui not in p.parents)


def core_module_names() -> list[str]:
    names = ["pos_app"]
    for info in pkgutil.walk_packages(pos_app.__path__, prefix="pos_app."):
        if info.name == "pos_app.ui" or info.name.startswith("pos_app.ui."):
            continue
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue  # runs the CLI when imported; it is still checked statically
        names.append(info.name)
    return names


@pytest.mark.parametrize("src", [
    "import PySide6",
    "import PySide6.QtCore as qc",
    "import os, shiboken6",
    "from PySide6 import QtWidgets",
    "from PySide6.QtGui import QImage",
    "from PyQt6.QtCore import Qt",
    "def f():\n    import PyQt5\n",
    "import importlib\nimportlib.import_module('PySide6.QtCore')",
    "__import__('shiboken6')",
])
def test_checker_catches_every_form(src):
    assert qt_imports(src), src


@pytest.mark.parametrize("src", ["import os", "from . import ui", "from pos_app import ui_text",
                                 "import PySide6_helpers_not_qt as x"])
def test_checker_ignores_non_qt(src):
    assert qt_imports(src) == []


def test_core_sources_have_no_qt_imports():
    files = core_files()
    assert len(files) > 15, "the walk found suspiciously few core files"
    offenders = {str(p.relative_to(REPO_ROOT)): hits
                 for p in files if (hits := qt_imports(p.read_text(encoding="utf-8"), str(p)))}
    assert offenders == {}


def test_importing_every_core_module_loads_no_qt():
    modules = core_module_names()
    for expected in ("pos_app.cli.main", "pos_app.app.context", "pos_app.payments.watcher", "pos_app.app.demo.chain",
                     "pos_app.store.db", "pos_app.invoices.payment_request"):
        assert expected in modules
    code = textwrap.dedent(f"""
        import importlib, sys
        for name in {modules!r}:
            importlib.import_module(name)
        qt = sorted(m for m in sys.modules if m.split('.')[0] in {QT_ROOTS!r})
        assert not qt, qt
        print("imported", len({modules!r}))
    """)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                       cwd=REPO_ROOT, timeout=120)
    assert r.returncode == 0, r.stderr[-3000:]
    assert f"imported {len(modules)}" in r.stdout
