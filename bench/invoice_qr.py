"""Time to create an invoice (committed with synchronous=FULL) and its QR PNG.

Baseline in the same run: the two unavoidable parts on their own, i.e. one durable SQLite
INSERT+COMMIT (WAL, synchronous=FULL) and encoding the same URI as a QR PNG with qrcode.

    python3 packaging/dev.py sompos --help >/dev/null; .venv/bin/python bench/invoice_qr.py
"""
from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from pathlib import Path

from _common import summary

from pos_app.app.context import AppContext
from pos_app.core.money import Tyiyn
from pos_app.invoices.payment_request import build_uri, qr_png_bytes

N = 200


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sompos-bench-"))
    ctx = AppContext(tmp / "shop")
    ctx.create_invoice(Tyiyn(100))  # warm-up: token cache, imports
    full, uri_only = [], []
    for i in range(N):
        t0 = time.perf_counter()
        inv = ctx.create_invoice(Tyiyn(10000 + i))
        uri = build_uri("eip681", inv.request())
        t1 = time.perf_counter()
        qr_png_bytes(uri)
        t2 = time.perf_counter()
        full.append(t2 - t0)
        uri_only.append(t1 - t0)
    # Baseline: a bare durable insert and a bare QR of the same size.
    conn = sqlite3.connect(tmp / "baseline.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (a INTEGER, b TEXT)")
    base_db, base_qr = [], []
    for i in range(N):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?, ?)", (i, uri))
        conn.execute("COMMIT")
        t1 = time.perf_counter()
        qr_png_bytes(uri)
        base_db.append(t1 - t0)
        base_qr.append(time.perf_counter() - t1)
    print(json.dumps({"invoice_plus_qr": summary(full), "invoice_only": summary(uri_only),
                      "baseline_durable_insert": summary(base_db), "baseline_qr_png": summary(base_qr)},
                     indent=2))
    ctx.close()


if __name__ == "__main__":
    main()
