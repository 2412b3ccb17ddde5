"""The screens run use cases of the typed application layer, never the context (issue 19, point 2).

``pos_app/app/till.py`` (``Till``) holds every use case a screen runs. Checked here:

* the screens' controllers take a ``Till`` (typed), and no screen module names the context, the
  store, a service or a table owner: only the window (the composition root's side) builds the
  ``Till`` from the context;
* the settings are one snapshot: a charge reads no setting when nothing changed (it read the
  settings table 22 times), and a change by this till (``SettingsChanged``) or by a command run
  beside it (another process) is seen at the next use.
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from pos_app.app.context import AppContext  # noqa: E402
from pos_app.app.till import Till  # noqa: E402
from pos_app.core.events import SettingsChanged  # noqa: E402
from pos_app.core.money import Tyiyn  # noqa: E402
from pos_app.shop.config import SettingsInput  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "pos_app" / "ui" / "screens"

# Stateful parts of the core a screen must reach only through the Till.
FORBIDDEN_IMPORTS = {
    "pos_app.app.context", "pos_app.store", "pos_app.store.db", "pos_app.offline.queue",
    "pos_app.shop.payers.PayerBook", "pos_app.invoices.service.InvoiceService", "pos_app.keys.relay",
    "pos_app.chain.token_cache",
}
FORBIDDEN_ATTRIBUTES = {"ctx", "store", "service", "payers", "offline_facts"}


def problems(tree: ast.AST) -> list[str]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id == "ctx":
            out.append(f"{node.lineno}: names the context")
        elif isinstance(node, ast.arg) and node.arg == "ctx":
            out.append(f"{node.lineno}: takes the context")
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRIBUTES:
            out.append(f"{node.lineno}: reaches .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                for name in (node.module, f"{node.module}.{alias.name}"):
                    if name in FORBIDDEN_IMPORTS:
                        out.append(f"{node.lineno}: imports {name}")
    return out


def test_the_check_finds_a_screen_that_reaches_past_the_till():
    sample = ast.parse("from pos_app.offline.queue import OfflineQueue\n"
                       "def load(ctx):\n    return ctx.service.get(1)\n"
                       "class C:\n    def f(self):\n        self.till.store.query('x')\n")
    found = problems(sample)
    assert any("imports pos_app.offline.queue" in p for p in found)
    assert any("takes the context" in p for p in found)
    assert any(".service" in p for p in found) and any(".store" in p for p in found)


def test_no_screen_reaches_past_the_till():
    found = []
    for path in sorted(SCREENS.rglob("*.py")):
        for p in problems(ast.parse(path.read_text(encoding="utf-8"))):
            found.append(f"{path.relative_to(ROOT)}:{p}")
    assert not found, "\n".join(found)


def test_every_controller_takes_a_till():
    """A class under ui/screens whose constructor's first parameter is the core takes a Till."""
    controllers = []
    for path in sorted(SCREENS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__" and len(item.args.args) > 1:
                    first = item.args.args[1]
                    if first.arg == "till":
                        assert ast.unparse(first.annotation) == "Till", (path.name, node.name)
                        controllers.append(node.name)
    assert {"CheckoutController", "SalesController", "OfflineController", "UnmatchedAlertController",
            "TwinBarController", "ClockWarning", "SettingsScreen", "FirstRunDialog",
            "PayerNameDialog"} <= set(controllers), controllers


# -- one settings snapshot --------------------------------------------------------------------------
@pytest.fixture
def till(tmp_path):
    ctx = AppContext(tmp_path / "shop")
    yield Till(ctx)
    ctx.close()


def settings_reads(till: Till, monkeypatch) -> list[str]:
    store = till._ctx.store
    reads: list[str] = []
    real = store.get_setting

    def counting(key, default=None):
        reads.append(key)
        return real(key, default)
    monkeypatch.setattr(store, "get_setting", counting)
    return reads


def test_a_charge_reads_no_setting_when_nothing_changed(till, monkeypatch):
    till.charge(Tyiyn(100))                      # the first one reads the snapshot
    reads = settings_reads(till, monkeypatch)
    sale = till.charge(Tyiyn(4200))
    till.allowed(sale)
    assert [k for k in reads if k != "clock_skew:1337"] == [], reads


def test_a_change_here_or_by_another_process_is_seen_at_the_next_use(till, tmp_path):
    assert till.settings.expiry_seconds == 15 * 60
    heard = []
    till.events.subscribe(heard.append, SettingsChanged)
    cfg = till.settings
    form = SettingsInput(merchant=cfg.merchant, network="demo", token="", expiry="20", qr_format="eip681",
                         language="en", till="1/1", short_tolerance="0")
    till.save_settings(form)
    assert till.settings.expiry_seconds == 20 * 60
    assert [e.config.expiry_seconds for e in heard] == [20 * 60]
    # A command run beside the open till (another process, another connection).
    proc = subprocess.run([sys.executable, "-m", "pos_app", "--data-dir", str(till.data_dir), "config", "expiry", "30"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert till.settings.expiry_seconds == 30 * 60
    assert till.charge(Tyiyn(100)).expires_at - till.charge(Tyiyn(100)).created_at in (30 * 60, 30 * 60 + 1)
