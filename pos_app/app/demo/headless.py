"""``sompos demo --headless``: a whole sale in the terminal on the embedded demo network.

Starts the in-process chain, opens a fresh demo shop database (the demo chain is new every run,
so its data must be too), creates an invoice, draws the QR as text, lets a demo customer pay, and
follows the invoice to settled through the real watcher.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pos_app.app.demo import accounts as A
from pos_app.core.errors import PosError
from pos_app.invoices.lifecycle import InvoiceState
from pos_app.core.events import InvoiceChanged
from pos_app.core.money import base_units_to_decimal_str, format_som, format_som_plain, parse_amount
from pos_app.invoices.payment_request import build_uri, qr_text

SETTLE_TIMEOUT_S = 30


def open_demo_context(data_dir: str | None, chain):
    """A fresh demo database under ``data_dir/demo`` (or a temp folder), wired to ``chain``."""
    from pos_app.app.context import AppContext
    base = Path(data_dir) / "demo" if data_dir else Path(tempfile.mkdtemp(prefix="sompos-demo-"))
    if base.exists():
        shutil.rmtree(base)
    return AppContext(base, embedded_w3=chain.shop_w3)


def run_headless_demo(*, amount_text: str = "150,00", pay: str = "exact", data_dir: str | None = None,
                      json_output: bool = False) -> int:
    from pos_app.app.demo.chain import DemoChain
    say = (lambda *a: None) if json_output else (lambda *a: print(*a, flush=True))
    amount = parse_amount(amount_text)
    say("Starting the embedded demo network (in-process EVM, no internet needed)...")
    chain = DemoChain(block_time=1.0)
    chain.start_mining()
    ctx = open_demo_context(data_dir, chain)
    watcher = ctx.watcher()
    try:
        lang = ctx.config.language
        watcher.ensure_cursor()
        inv = ctx.create_invoice(amount, memo="demo sale")
        uri = build_uri("eip681", inv.request())
        say(f"\nInvoice {inv.id}: {format_som(inv.amount_tyiyn, lang)}  "
            f"(on chain: {base_units_to_decimal_str(inv.due_base, inv.decimals)} {A.DEMO_TOKEN_SYMBOL})")
        say(f"Shop (merchant): {inv.merchant}\nToken:           {inv.token}\nRequest:         {uri}\n")
        say(qr_text(uri))
        due = inv.due_base
        unit = 10 ** max(inv.decimals - 2, 0)
        # A customer who types an amount types whole tyiyn (the tail only comes with the QR).
        value = {"exact": due, "partial": due // 2 // unit * unit, "over": due // unit * unit + 1000 * unit,
                 "none": 0}[pay]
        payer = "Aigul"
        timeline: list[tuple[float, str]] = []
        seen = set()

        def on_event(e: InvoiceChanged) -> None:
            if e.invoice.id == inv.id:
                st = e.invoice.state
                if st not in seen:
                    seen.add(st)
                    timeline.append((time.monotonic(), st.value))
                    say(f"  -> invoice is now {st.value.upper()} {' '.join(e.invoice.flags.labels())}")
        ctx.events.subscribe(on_event, InvoiceChanged)
        watcher.start()
        if value:
            say(f"\nCustomer {payer} pays {base_units_to_decimal_str(value, inv.decimals)} from {A.CUSTOMERS[payer]}...")
            tx = chain.pay(payer, inv.merchant, value)
            say(f"  transaction {tx}")
        deadline = time.monotonic() + SETTLE_TIMEOUT_S
        target = {"exact": InvoiceState.SETTLED, "over": InvoiceState.SETTLED}.get(pay)
        while time.monotonic() < deadline:
            cur = ctx.service.get(inv.id)
            if target and cur.state == target:
                break
            if not target and value and cur.paid_seen and cur.flags.partial:
                break
            if not value and time.monotonic() > deadline - SETTLE_TIMEOUT_S + 3:
                break
            time.sleep(0.1)
        final = ctx.service.get(inv.id)
        result = {"invoice": final.to_dict(), "uri": uri, "paid": str(value),
                  "payments": [dict(p) for p in ctx.service.payments_for(inv.id)]}
        if json_output:
            print(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            verdict = {"settled": "PAID - the sale is complete.",
                       "processing": "Seen on chain, waiting for confirmations.",
                       "new": "Not fully paid yet." + (" The customer paid part of it: ask for the rest."
                                                      if final.flags.partial else "")}.get(final.state.value,
                                                                                          final.state.value)
            say(f"\nResult: invoice {final.id} is {final.state.value.upper()}. {verdict}")
            if final.paid_seen:
                say(f"Received {format_som_plain(final.received_tyiyn)} som.")
            if final.rest_open:
                say(f"Still due {format_som_plain(final.still_due_tyiyn)} som; the payment request now asks only"
                    f" for the rest: exactly {base_units_to_decimal_str(final.asked_base, final.decimals)}.")
            if final.change_tyiyn:
                say(f"The customer paid more than asked: give back {format_som_plain(final.change_tyiyn)} som.")
        ok = (final.state == target) if target else (final.state == InvoiceState.NEW)
        return 0 if ok else 1
    except PosError as exc:
        print(f"sompos: error: {exc.user_message}", file=sys.stderr)
        return 3
    finally:
        watcher.stop()
        chain.stop()
        ctx.close()
