"""Detection latency on anvil with 1 s blocks: block inclusion -> invoice "processing".

A separate observer polls the node every 5 ms for the block that includes each payment; that
moment is "inclusion". The watcher runs as in the app (its own thread, the profile's poll
interval) and we record when it publishes the invoice's change to processing.
Target: within one block time + 0.3 s (1.3 s). Baseline in the same run: the observer's own
delay, i.e. a 5 ms poll of eth_getTransactionReceipt, the fastest a polling client can know.

    .venv/bin/python bench/detection_latency.py [--payments 20] [--poll 0.25]
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from eth_account import Account

from _common import deploy_shop, shop_context, start_anvil, stop_anvil, summary

from pos_app.invoices.lifecycle import InvoiceState
from pos_app.core.money import Tyiyn
from pos_app.core.events import InvoiceChanged


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--payments", type=int, default=20)
    ap.add_argument("--poll", type=float, default=0.25, help="watcher poll interval (profile logs.poll_seconds)")
    args = ap.parse_args()
    node = start_anvil(block_time=1.0)
    tmp = Path(tempfile.mkdtemp(prefix="sompos-bench-"))
    try:
        shop = deploy_shop(node)
        ctx = shop_context(tmp, shop, poll=args.poll)
        ctx.token_info(refresh=True)
        w = ctx.watcher()
        w.ensure_cursor()
        processing_at: dict[int, float] = {}
        ctx.events.subscribe(lambda e: processing_at.setdefault(e.invoice.id, time.monotonic())
                             if e.invoice.state == InvoiceState.PROCESSING else None, InvoiceChanged)
        w.start()
        lat, base = [], []
        for i in range(args.payments):
            inv = ctx.create_invoice(Tyiyn(1000 + i))
            signed_at = time.monotonic()
            # Send without waiting for the receipt (the customer's wallet does that, not us).
            tx = shop.token.functions.transfer(shop.merchant, inv.due_base).build_transaction({
                "from": shop.customer, "nonce": node.w3.eth.get_transaction_count(shop.customer, "pending"),
                "gas": 100_000, "gasPrice": node.w3.eth.gas_price, "chainId": node.w3.eth.chain_id})
            raw = Account.sign_transaction(tx, shop.customer_key).raw_transaction
            h = node.w3.eth.send_raw_transaction(raw)
            included_at = None
            while included_at is None:
                try:
                    node.w3.eth.get_transaction_receipt(h)
                    included_at = time.monotonic()
                except Exception:  # noqa: BLE001 - not yet mined
                    time.sleep(0.005)
            deadline = time.monotonic() + 10
            while inv.id not in processing_at and time.monotonic() < deadline:
                time.sleep(0.005)
            if inv.id in processing_at:
                lat.append(max(0.0, processing_at[inv.id] - included_at))
                base.append(included_at - signed_at)
            time.sleep(0.3)  # spread payments across the block phase
        w.stop()
        result = {"watcher_poll_s": args.poll, "block_time_s": 1.0,
                  "inclusion_to_processing": summary(lat),
                  "baseline_send_to_inclusion_observed_at_5ms": summary(base),
                  "target_ms": 1300,
                  "missed": args.payments - len(lat)}
        print(json.dumps(result, indent=2))
        ctx.close()
    finally:
        stop_anvil(node)


if __name__ == "__main__":
    main()
