"""Watcher catch-up speed: 10,000 blocks holding 1,000 payments, scanned from a cold cursor.

History is built on anvil (manual mining): 1,000 invoices, each paid in its own block, with
empty blocks between them. Then one ``scan_once()`` catches up from the first block and settles
every invoice. Baseline in the same run: the bare RPC work any scanner needs, i.e. the same
``eth_getLogs`` ranges plus one ``eth_getBlockByNumber`` per block holding a payment.

    .venv/bin/python bench/catchup.py [--blocks 10000] [--payments 1000]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import tempfile
import time
import tracemalloc
from pathlib import Path

from eth_account import Account

from _common import deploy_shop, shop_context, start_anvil, stop_anvil

from pos_app.app.context import AppContext

from pos_app.payments.watcher import TRANSFER_TOPIC, _topic_for
from pos_app.invoices.lifecycle import InvoiceState
from pos_app.core.money import Tyiyn


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--blocks", type=int, default=10_000)
    ap.add_argument("--payments", type=int, default=1_000)
    args = ap.parse_args()
    node = start_anvil(block_time=None)
    tmp = Path(tempfile.mkdtemp(prefix="sompos-bench-"))
    try:
        shop = deploy_shop(node)
        ctx = shop_context(tmp, shop)
        ctx.token_info(refresh=True)
        start_block = node.w3.eth.block_number + 1
        ctx.store.execute("INSERT INTO scan_cursor(chain_id, token, merchant, next_block) VALUES (?,?,?,?)",
                          (31337, shop.token_address, shop.merchant, start_block))
        gap = max(0, args.blocks // args.payments - 1)
        t_build = time.perf_counter()
        nonce = node.w3.eth.get_transaction_count(shop.customer)
        gas_price = node.w3.eth.gas_price
        invs = []
        for i in range(args.payments):
            inv = ctx.create_invoice(Tyiyn(100 + i))
            invs.append(inv)
            tx = shop.token.functions.transfer(shop.merchant, inv.due_base).build_transaction(
                {"from": shop.customer, "nonce": nonce + i, "gas": 100_000, "gasPrice": gas_price,
                 "chainId": 31337})
            node.w3.eth.send_raw_transaction(Account.sign_transaction(tx, shop.customer_key).raw_transaction)
            if gap:
                node.mine(gap)
        head = node.w3.eth.block_number
        build_s = time.perf_counter() - t_build
        # A copy of the shop as it is before the scan: the memory is measured by scanning it again
        # under tracemalloc, which slows Python code about threefold and would spoil the timing
        # (the baseline below runs without it).
        twin = Path(tempfile.mkdtemp(prefix="sompos-bench-mem-")) / "data"
        shutil.copytree(ctx.data_dir, twin, ignore=shutil.ignore_patterns("sompos.db*"))
        with sqlite3.connect(twin / "sompos.db") as dst:
            ctx.store.conn.backup(dst)
        w = ctx.watcher()
        t0 = time.perf_counter()
        r = w.scan_once()
        scan_s = time.perf_counter() - t0
        settled = sum(ctx.service.get(i.id).state == InvoiceState.SETTLED for i in invs)
        mem_ctx = AppContext(twin)
        mem_watcher = mem_ctx.watcher()
        tracemalloc.start()
        mem_watcher.scan_once()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        mem_ctx.close()
        # Baseline: the same ranges of eth_getLogs and one block read per payment block.
        t0 = time.perf_counter()
        blocks = set()
        for a in range(start_block, head + 1, w.max_range):
            logs = node.w3.eth.get_logs({"fromBlock": a, "toBlock": min(head, a + w.max_range - 1),
                                         "address": shop.token_address,
                                         "topics": [TRANSFER_TOPIC, None, _topic_for(shop.merchant)]})
            blocks.update(int(x["blockNumber"]) for x in logs)
        for b in blocks:
            node.w3.eth.get_block(b)
        base_s = time.perf_counter() - t0
        print(json.dumps({
            "blocks_scanned": head - start_block + 1, "payments": args.payments, "history_build_s": round(build_s, 1),
            "watcher_scan_s": round(scan_s, 2), "blocks_per_s": round((head - start_block + 1) / scan_s),
            "payments_per_s": round(args.payments / scan_s), "new_payments": r.new_payments,
            "invoices_settled": settled, "python_peak_mb": round(peak / 2**20, 1),
            "baseline_rpc_only_s": round(base_s, 2), "overhead_vs_baseline": round(scan_s / base_s, 2),
        }, indent=2))
        ctx.close()
    finally:
        stop_anvil(node)


if __name__ == "__main__":
    main()
