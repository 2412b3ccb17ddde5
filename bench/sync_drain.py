"""Sync drain: 10,000 queued offline raw transactions sent to anvil and followed to FINAL.

Setup (not timed): anvil with automine on a free loopback port, the shop's token, N payers with
deterministic keys (BNB via ``anvil_setBalance`` and tokens via ``mint`` transactions, both sent in
JSON-RPC batches), a fresh shop database with the offline limits lifted, and for each payer an
invoice plus a signed EIP-1559 ``transfer`` (nonce 0) accepted through ``ctx.offline.accept`` —
the same checks and durable commit as the cashier's "Accept".

Timed: ``engine.pass_once()`` in a loop (confirmations = 1, mining is automatic) until no item is
outstanding; every item must end FINAL. Baseline in the same run, on a second fresh anvil set up
the same way: the same signed bytes sent by a plain loop of ``send_raw_transaction`` +
``wait_for_transaction_receipt`` per transaction, no database. HTTP requests are counted by
wrapping ``requests.adapters.HTTPAdapter.send`` (every JSON-RPC call of web3's HTTPProvider
goes through it; a batch is one request).

    ../.venv/bin/python sync_drain.py [--n 10000] [--baseline-n 10000]

With ``--baseline-n`` smaller than ``--n`` the baseline runs on the first ``baseline-n``
transactions and is extrapolated linearly (the output says so).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import requests.adapters
from eth_account import Account
from eth_utils import keccak

from _common import deploy_shop, shop_context, start_anvil, stop_anvil

from pos_app.money import Tyiyn
from pos_app.offline.lifecycle import QueueState
from pos_app.offline.risk import Limits

CHAIN_ID = 31337
RPC_BATCH = 500
MINT_SELECTOR = keccak(text="mint(address,uint256)")[:4]
TRANSFER_SELECTOR = keccak(text="transfer(address,uint256)")[:4]
PAYER_TOKENS = 10**12          # base units minted to each payer (1,000,000 som at 6 decimals)
ISSUER_KEY = keccak(text="sompos anvil test: issuer")   # tests/integration/conftest.key("issuer")


class HttpCount:
    """Counts (and times) every HTTP request made through requests in this process."""

    def __init__(self) -> None:
        self.requests = 0
        self.seconds = 0.0
        original = requests.adapters.HTTPAdapter.send
        counter = self

        def send(adapter, request, *args, **kwargs):  # noqa: ANN001 - requests' own signature
            t0 = time.perf_counter()
            try:
                return original(adapter, request, *args, **kwargs)
            finally:
                counter.requests += 1
                counter.seconds += time.perf_counter() - t0
        requests.adapters.HTTPAdapter.send = send

    def reset(self) -> None:
        self.requests, self.seconds = 0, 0.0


def payer_key(i: int) -> bytes:
    return keccak(text=f"sompos bench sync drain payer {i}")


def _word(value: int | str) -> bytes:
    if isinstance(value, str):
        return bytes.fromhex(value[2:]).rjust(32, b"\0")
    return int(value).to_bytes(32, "big")


def batch(node, calls: list[tuple[str, list]]) -> list[dict]:
    out: list[dict] = []
    for i in range(0, len(calls), RPC_BATCH):
        resp = node.w3.provider.make_batch_request(calls[i:i + RPC_BATCH])
        bad = [r for r in resp if "error" in r]
        if bad:
            raise RuntimeError(f"{calls[i][0]}: {bad[0]['error']}")
        out.extend(resp)
    return out


def fund_payers(node, shop, payers: list[str]) -> None:
    """Gas money by anvil_setBalance, tokens by mint transactions signed here and sent in batches."""
    batch(node, [("anvil_setBalance", [a, hex(10**18)]) for a in payers])
    w3 = node.w3
    issuer = Account.from_key(ISSUER_KEY)
    nonce = w3.eth.get_transaction_count(issuer.address)
    gas_price = 2 * int(w3.eth.gas_price)
    raws = []
    for i, a in enumerate(payers):
        tx = {"to": shop.token_address, "value": 0, "gas": 100_000, "gasPrice": gas_price, "nonce": nonce + i,
              "chainId": CHAIN_ID, "data": MINT_SELECTOR + _word(a) + _word(PAYER_TOKENS)}
        raws.append("0x" + bytes(issuer.sign_transaction(tx).raw_transaction).hex())
    answers = batch(node, [("eth_sendRawTransaction", [r]) for r in raws])
    last = w3.eth.wait_for_transaction_receipt(answers[-1]["result"], timeout=300, poll_latency=0.05)
    assert last["status"] == 1, last
    for a in (payers[0], payers[-1]):
        assert shop.token.functions.balanceOf(a).call() == PAYER_TOKENS, a


def sign_transfer(key: bytes, token: str, to: str, amount: int, gas_price: int) -> str:
    tx = {"type": 2, "chainId": CHAIN_ID, "nonce": 0, "to": token, "value": 0, "gas": 80_000,
          "maxFeePerGas": 3 * gas_price, "maxPriorityFeePerGas": gas_price,
          "data": TRANSFER_SELECTOR + _word(to) + _word(amount)}
    return "0x" + bytes(Account.sign_transaction(tx, key).raw_transaction).hex()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--baseline-n", type=int, default=None, help="baseline sample size (default: --n)")
    ap.add_argument("--confirmations", type=int, default=1)
    args = ap.parse_args()
    n = args.n
    base_n = min(n, args.baseline_n or n)
    http = HttpCount()
    keys = [payer_key(i) for i in range(n)]
    payers = [Account.from_key(k).address for k in keys]
    out: dict = {"n": n}

    # -- the engine ---------------------------------------------------------------------------------
    node = start_anvil(block_time=None)
    tmp = Path(tempfile.mkdtemp(prefix="sompos-bench-drain-"))
    try:
        t_setup = time.perf_counter()
        shop = deploy_shop(node)
        token_address = shop.token_address
        fund_payers(node, shop, payers)
        ctx = shop_context(tmp, shop, confirmations=args.confirmations)
        ctx.token_info(refresh=True)
        ctx.offline.set_limits(Limits(total_tyiyn=10**15, max_items=10**9, per_payment_tyiyn=10**12,
                                      unknown_payer_tyiyn=10**12))
        gas_price = int(node.w3.eth.gas_price)
        base_fee = int(node.w3.eth.get_block("latest")["baseFeePerGas"])
        ctx.offline.record_sync(CHAIN_ID, at=int(time.time()), gas_price=gas_price, base_fee=base_fee)
        facts = ctx.offline_facts()
        print(f"setup: funded {n} payers in {time.perf_counter() - t_setup:.1f} s; accepting {n} payments…",
              file=sys.stderr)
        raws: list[str] = []
        due_total = 0
        t_accept = time.perf_counter()
        for i, key in enumerate(keys):
            inv = ctx.create_invoice(Tyiyn(100 + i))
            raw = sign_transfer(key, token_address, shop.merchant, inv.due_base, gas_price)
            ctx.offline.accept(raw, inv.id, facts)
            raws.append(raw)
            due_total += inv.due_base
            if (i + 1) % 2000 == 0:
                print(f"  {i + 1} accepted ({time.perf_counter() - t_accept:.0f} s)", file=sys.stderr)
        out["setup_accept_s"] = round(time.perf_counter() - t_accept, 1)
        queued = ctx.store.one("SELECT COUNT(*) AS n FROM offline_payments WHERE state = 'queued'")["n"]
        assert queued == n, queued
        merchant_before = shop.token.functions.balanceOf(shop.merchant).call()
        block_before = node.w3.eth.block_number

        engine = ctx.sync_engine()
        passes = []
        mined_by_bench = 0
        http.reset()
        t0 = time.perf_counter()
        while True:
            tp = time.perf_counter()
            r = engine.pass_once()
            passes.append({"s": round(time.perf_counter() - tp, 2), "sent": r.sent, "submitted": r.submitted,
                           "included": r.included, "final": r.final, "failed": r.failed, "resent": r.resent,
                           "outstanding": r.outstanding})
            if r.outstanding == 0:
                break
            if len(passes) >= 50:
                raise RuntimeError(f"not drained after 50 passes: {passes[-3:]}")
            if not (r.sent or r.submitted or r.included or r.final):
                node.mine(1)   # finality needs another block and nothing else makes one
                mined_by_bench += 1
        engine_s = time.perf_counter() - t0
        engine_http, engine_http_s = http.requests, http.seconds
        states = Counter({r["state"]: r["n"] for r in ctx.store.query(
            "SELECT state, COUNT(*) AS n FROM offline_payments GROUP BY state")})
        merchant_gain = shop.token.functions.balanceOf(shop.merchant).call() - merchant_before
        blocks = node.w3.eth.block_number - block_before
        ctx.close()
    finally:
        stop_anvil(node)
    assert states.get(QueueState.FINAL.value) == n, states
    assert merchant_gain == due_total, (merchant_gain, due_total)
    out.update({
        "engine_s": round(engine_s, 2), "engine_items_per_s": round(n / engine_s),
        "engine_passes": len(passes), "engine_http_requests": engine_http,
        "engine_time_in_http_s": round(engine_http_s, 2), "blocks_mined": blocks,
        "blocks_mined_by_bench": mined_by_bench, "final": states.get(QueueState.FINAL.value, 0),
        "merchant_received_matches": True, "passes": passes,
    })

    # -- the baseline: a fresh anvil, the same bytes, one send + receipt wait per transaction -------
    node = start_anvil(block_time=None)
    try:
        shop = deploy_shop(node)
        assert shop.token_address == token_address, "the token must land at the same address"
        fund_payers(node, shop, payers)
        w3 = node.w3
        http.reset()
        t0 = time.perf_counter()
        for raw in raws[:base_n]:
            h = w3.eth.send_raw_transaction(raw)
            rc = w3.eth.wait_for_transaction_receipt(h)
            assert rc["status"] == 1
        base_s = time.perf_counter() - t0
        base_http = http.requests
    finally:
        stop_anvil(node)
    base_full_s = base_s * n / base_n
    out.update({
        "baseline_n": base_n, "baseline_s": round(base_s, 2),
        "baseline_s_for_n": round(base_full_s, 2),
        "baseline_extrapolated": base_n < n,
        "baseline_items_per_s": round(base_n / base_s),
        "baseline_http_requests": base_http,
        "baseline_http_requests_for_n": round(base_http * n / base_n),
        "speedup": round(base_full_s / engine_s, 1), "target_speedup": 10,
    })
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
