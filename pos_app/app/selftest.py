"""``sompos --self-test``: prove an installed copy works, headless, in a few seconds.

Run after installing (and by CI on the built package): every step uses the real component the
shop uses, in a scratch folder that is deleted afterwards, and touches no shop data. One line per
step; the first failing step ends the run with a non-zero exit and its name, so a support call can
start from "which step failed".

The Qt step (the ky/ru translations load and translate) is passed in by the caller, because this
module is below the ui layer and never imports Qt.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

SETTLE_TIMEOUT_S = 60


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Path], str]   # gets a scratch folder; returns a short detail line; raises on failure


def _database(scratch: Path) -> str:
    from pos_app.keys.device import DeviceKeyOnce
    from pos_app.store.db import open_store
    from pos_app.store.migrations import SCHEMA_VERSION
    store = open_store(scratch / "db", device_key=DeviceKeyOnce(scratch / "db"))
    try:
        version = store.schema_version()
        d = store.durability()
        if version != SCHEMA_VERSION:
            raise RuntimeError(f"schema {version}, expected {SCHEMA_VERSION}")
        if str(d.get("journal_mode")).lower() != "wal" or d.get("synchronous") != 2:
            raise RuntimeError(f"durability {d}")
        ok = store.conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise RuntimeError(f"integrity_check: {ok}")
    finally:
        store.close()
    return f"created and migrated to schema {version} (WAL, synchronous=FULL, integrity ok)"


def _qr(scratch: Path) -> str:
    import zxingcpp
    from PIL import Image

    from pos_app.invoices.payment_request import PaymentRequest, build_uri, qr_matrix
    req = PaymentRequest(56, "0x55d398326f99059fF775485246999027B3197955",
                         "0x3Ea3bf266d21D209EB6dc545055A18B724ddfa61", 150_000_001, 6)
    uri = build_uri("eip681", req)
    matrix = qr_matrix(uri)
    scale = 4
    size = len(matrix) * scale
    img = Image.new("L", (size, size), 255)
    px = img.load()
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                for dy in range(scale):
                    for dx in range(scale):
                        px[x * scale + dx, y * scale + dy] = 0
    found = [r.text for r in zxingcpp.read_barcodes(img)]
    if found != [uri]:
        raise RuntimeError(f"read back {found!r}, expected {uri!r}")
    return f"rendered {len(matrix)}x{len(matrix)} modules and read back the payment request"


def _demo_sale(scratch: Path) -> str:
    from pos_app.app.demo.chain import DemoChain
    from pos_app.app.demo.headless import open_demo_context
    from pos_app.core.money import Tyiyn
    from pos_app.invoices.lifecycle import InvoiceState
    chain = DemoChain(block_time=0.2)
    ctx = None
    try:
        chain.start_mining()
        ctx = open_demo_context(str(scratch), chain)
        watcher = ctx.watcher()
        watcher.ensure_cursor()
        inv = ctx.create_invoice(Tyiyn(15_000), memo="self-test")
        chain.pay("Aigul", inv.merchant, inv.due_base)
        deadline = time.monotonic() + SETTLE_TIMEOUT_S
        state = inv.state
        while time.monotonic() < deadline:
            watcher.scan_once()
            state = ctx.service.get(inv.id).state
            if state == InvoiceState.SETTLED:
                return f"demo network started, 150 som paid and settled (invoice {inv.id})"
            time.sleep(0.2)
        raise RuntimeError(f"the payment did not settle within {SETTLE_TIMEOUT_S} s (state {state.value})")
    finally:
        if ctx is not None:
            ctx.close()
        chain.stop()


CORE_STEPS = (
    Step("database", _database),
    Step("qr", _qr),
)
DEMO_STEP = Step("demo-payment", _demo_sale)


def run_self_test(extra: Iterable[Step] = (), *, out: Callable[[str], None] = print) -> int:
    """Run every step in order; 0 when all pass, else 1 after printing the failed step's name."""
    steps = [*CORE_STEPS, *extra, DEMO_STEP]
    scratch = Path(tempfile.mkdtemp(prefix="sompos-selftest-"))
    try:
        for step in steps:
            started = time.monotonic()
            folder = scratch / step.name
            folder.mkdir()
            try:
                detail = step.run(folder)
            except Exception as exc:  # noqa: BLE001 - report the step, never a traceback
                msg = getattr(exc, "user_message", None) or f"{type(exc).__name__}: {exc}"
                out(f"FAIL {step.name}: {msg}")
                out(f"self-test failed at step: {step.name}")
                return 1
            out(f"ok   {step.name}: {detail} ({time.monotonic() - started:.1f} s)")
        out(f"self-test passed: {len(steps)} steps")
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
