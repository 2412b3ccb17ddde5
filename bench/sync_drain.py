"""Sync drain: 10,000 queued offline raw transactions sent to anvil and followed to FINAL.

Setup (not timed): anvil (automine, no block time) on a free loopback port, the shop's token,
N payers with deterministic keys (BNB by ``anvil_setBalance``; tokens written into the token's
balances mapping by ``anvil_setStorageAt`` — the slot is found by probing and every payer's
``balanceOf`` is checked — or minted if the layout is not found), a fresh shop database with the
offline limits lifted, and per payer an invoice plus a signed EIP-1559 ``transfer`` (nonce 0)
accepted through ``ctx.offline.accept`` (the same checks and durable commit as "Accept"). The
chain (``anvil_dumpState``) and the database are then saved, so every timed run below starts
from the same state on a fresh anvil (``anvil_loadState``) and a fresh copy of the database.

Timed, ``--repeat`` times: ``engine.pass_once()`` in a loop (finality: 1 confirmation) until no
item is outstanding; every item must end FINAL and the merchant's balance must grow by exactly
the sum of the invoices. Anvil's automine only makes a block when a transaction arrives and a
block holds at most 30M gas (~870 of these transfers), so the loop mines one block between
passes while items are outstanding, as a chain would keep producing them; those blocks are
counted. A pass that fails with ``NodeUnavailable`` (anvil busy past the 6 s RPC timeout) is
retried at once, as the app's loop would, and counted.

Baseline in the same run, from the same saved chain on a fresh anvil: the same signed bytes sent
by a plain loop of ``send_raw_transaction`` + ``wait_for_transaction_receipt`` per transaction
(web3's default 0.1 s receipt poll), no database; and the same loop polling every 5 ms. The
baselines run on the first ``--baseline-n`` transactions and are extrapolated linearly to N (the
output says so; their first and second halves are reported to show the rate is steady).
HTTP requests and response bytes are counted by wrapping ``requests.adapters.HTTPAdapter.send``
(every JSON-RPC call of web3's HTTPProvider goes through it; a batch is one request).

    ../.venv/bin/python sync_drain.py [--n 10000] [--baseline-n 1000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import requests.adapters
from eth_account import Account
from eth_utils import keccak

from _common import deploy_shop, shop_context, start_anvil, stop_anvil

from pos_app.shop.config import set_network
from pos_app.app.context import AppContext
from pos_app.core.errors import NodeUnavailable
from pos_app.core.money import Tyiyn
from pos_app.offline.lifecycle import QueueState
from pos_app.offline.risk import Limits
from tests.integration.conftest import profile_toml

CHAIN_ID = 31337
RPC_BATCH = 500
MINT_CHUNK = 250
MINT_SELECTOR = keccak(text="mint(address,uint256)")[:4]
TRANSFER_SELECTOR = keccak(text="transfer(address,uint256)")[:4]
BALANCE_SELECTOR = keccak(text="balanceOf(address)")[:4]
PAYER_TOKENS = 10**12          # base units given to each payer (1,000,000 som at 6 decimals)
ISSUER_KEY = keccak(text="sompos anvil test: issuer")   # tests/integration/conftest.key("issuer")


class HttpCount:
    """Counts every HTTP request made through requests in this process, its time and its bytes."""

    def __init__(self) -> None:
        self.reset()
        original = requests.adapters.HTTPAdapter.send
        counter = self

        def send(adapter, request, *args, **kwargs):  # noqa: ANN001 - requests' own signature
            t0 = time.perf_counter()
            try:
                resp = original(adapter, request, *args, **kwargs)
                counter.received += len(resp.content)
                return resp
            finally:
                counter.requests += 1
                counter.seconds += time.perf_counter() - t0
        requests.adapters.HTTPAdapter.send = send

    def reset(self) -> None:
        self.requests, self.seconds, self.received = 0, 0.0, 0


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


def balance_slot(node, token: str, holder: str, balance: int) -> int | None:
    """The storage slot of the token's balances mapping (Solidity layout), found by probing."""
    for slot in range(32):
        key = keccak(_word(holder) + _word(slot))
        if int.from_bytes(node.w3.eth.get_storage_at(token, key), "big") == balance:
            return slot
    return None


def fund_payers(node, shop, payers: list[str]) -> str:
    """Gas money and tokens for every payer; returns how the tokens were given."""
    batch(node, [("anvil_setBalance", [a, hex(10**18)]) for a in payers])
    w3 = node.w3
    token = shop.token_address
    slot = balance_slot(node, token, shop.customer, shop.token.functions.balanceOf(shop.customer).call())
    if slot is not None:
        value = "0x" + _word(PAYER_TOKENS).hex()
        batch(node, [("anvil_setStorageAt", [token, "0x" + keccak(_word(a) + _word(slot)).hex(), value])
                     for a in payers])
        how = f"anvil_setStorageAt (balances mapping at slot {slot})"
    else:
        issuer = Account.from_key(ISSUER_KEY)
        nonce = w3.eth.get_transaction_count(issuer.address)
        gas_price = 2 * int(w3.eth.gas_price)
        raws = []
        for i, a in enumerate(payers):
            tx = {"to": token, "value": 0, "gas": 100_000, "gasPrice": gas_price, "nonce": nonce + i,
                  "chainId": CHAIN_ID, "data": MINT_SELECTOR + _word(a) + _word(PAYER_TOKENS)}
            raws.append("0x" + bytes(issuer.sign_transaction(tx).raw_transaction).hex())
        # One sender's long nonce chain makes anvil's pool slow: a chunk at a time.
        for i in range(0, len(raws), MINT_CHUNK):
            answers = batch(node, [("eth_sendRawTransaction", [r]) for r in raws[i:i + MINT_CHUNK]])
            last = w3.eth.wait_for_transaction_receipt(answers[-1]["result"], timeout=120, poll_latency=0.02)
            assert last["status"] == 1, last
        how = "mint transactions"
    answers = batch(node, [("eth_call", [{"to": token, "data": "0x" + (BALANCE_SELECTOR + _word(a)).hex()},
                                         "latest"]) for a in payers])
    assert all(int(r["result"], 16) == PAYER_TOKENS for r in answers), "payer funding failed"
    return how


def sign_transfer(key: bytes, token: str, to: str, amount: int, gas_price: int) -> str:
    tx = {"type": 2, "chainId": CHAIN_ID, "nonce": 0, "to": token, "value": 0, "gas": 80_000,
          "maxFeePerGas": 3 * gas_price, "maxPriorityFeePerGas": gas_price,
          "data": TRANSFER_SELECTOR + _word(to) + _word(amount)}
    return "0x" + bytes(Account.sign_transaction(tx, key).raw_transaction).hex()


def fresh_anvil(state: str):
    node = start_anvil(block_time=None)
    node.rpc("anvil_loadState", [state])
    return node


def balance_of(node, token: str, who: str) -> int:
    return int(node.rpc("eth_call", [{"to": token, "data": "0x" + (BALANCE_SELECTOR + _word(who)).hex()},
                                     "latest"]), 16)


def setup(n: int, keys: list[bytes], payers: list[str], saved: Path, confirmations: int) -> dict:
    """Chain + shop with N queued payments; the chain state is returned, the database left in saved."""
    node = start_anvil(block_time=None)
    work = Path(tempfile.mkdtemp(prefix="sompos-bench-drain-setup-"))
    try:
        t0 = time.perf_counter()
        shop = deploy_shop(node)
        how = fund_payers(node, shop, payers)
        ctx = shop_context(work, shop, confirmations=confirmations)
        ctx.token_info(refresh=True)
        ctx.offline.set_limits(Limits(total_tyiyn=10**15, max_items=10**9, per_payment_tyiyn=10**12,
                                      unknown_payer_tyiyn=10**12))
        gas_price = int(node.w3.eth.gas_price)
        base_fee = int(node.w3.eth.get_block("latest")["baseFeePerGas"])
        ctx.offline.record_sync(CHAIN_ID, at=int(time.time()), gas_price=gas_price, base_fee=base_fee)
        facts = ctx.offline_facts()
        print(f"setup: {n} payers funded in {time.perf_counter() - t0:.1f} s; accepting {n} payments…",
              file=sys.stderr)
        raws: list[str] = []
        due_total = 0
        t_accept = time.perf_counter()
        for i, key in enumerate(keys):
            inv = ctx.create_invoice(Tyiyn(100 + i))
            raw = sign_transfer(key, shop.token_address, shop.merchant, inv.due_base, gas_price)
            ctx.offline.accept(raw, inv.id, facts)
            raws.append(raw)
            due_total += inv.due_base
            if (i + 1) % 2000 == 0:
                print(f"  {i + 1} accepted ({time.perf_counter() - t_accept:.0f} s)", file=sys.stderr)
        accept_s = time.perf_counter() - t_accept
        queued = ctx.store.one("SELECT COUNT(*) AS n FROM offline_payments WHERE state = 'queued'")["n"]
        assert queued == n, queued
        ctx.close()
        shutil.copytree(work / "data", saved)
        return {"state": node.rpc("anvil_dumpState", []), "raws": raws, "due_total": due_total,
                "token": shop.token_address, "merchant": shop.merchant, "tokens_via": how,
                "accept_s": accept_s}
    finally:
        stop_anvil(node)


def drain(s: dict, saved: Path, http: HttpCount, confirmations: int) -> dict:
    """One timed drain from the saved chain and database."""
    work = Path(tempfile.mkdtemp(prefix="sompos-bench-drain-"))
    shutil.copytree(saved, work / "data")
    node = fresh_anvil(s["state"])
    try:
        ctx = AppContext(work / "data")
        set_network(ctx.store, str(profile_toml(work, [node.url], s["token"], confirmations=confirmations)))
        merchant_before = balance_of(node, s["token"], s["merchant"])
        block_before = node.w3.eth.block_number
        engine = ctx.sync_engine()
        passes: list[dict] = []
        unavailable = mined = 0
        http.reset()
        t0 = time.perf_counter()
        while True:
            tp = time.perf_counter()
            try:
                r = engine.pass_once()
            except NodeUnavailable:
                unavailable += 1
                if unavailable > 20:
                    raise
                continue
            passes.append({"s": round(time.perf_counter() - tp, 2), "sent": r.sent, "included": r.included,
                           "final": r.final, "failed": r.failed, "resent": r.resent,
                           "outstanding": r.outstanding})
            if r.outstanding == 0:
                break
            if len(passes) >= 100:
                raise RuntimeError(f"not drained after 100 passes: {passes[-3:]}")
            node.mine(1)
            mined += 1
        engine_s = time.perf_counter() - t0
        result = {"engine_s": round(engine_s, 2), "passes": len(passes), "passes_unavailable": unavailable,
                  "http_requests": http.requests, "http_s": round(http.seconds, 2),
                  "http_mb_received": round(http.received / 1e6, 1),
                  "blocks": node.w3.eth.block_number - block_before, "blocks_mined_by_bench": mined,
                  "first_pass_s": passes[0]["s"], "pass_log": passes}
        states = Counter({r["state"]: r["n"] for r in ctx.store.query(
            "SELECT state, COUNT(*) AS n FROM offline_payments GROUP BY state")})
        gain = balance_of(node, s["token"], s["merchant"]) - merchant_before
        ctx.close()
    finally:
        stop_anvil(node)
        shutil.rmtree(work, ignore_errors=True)
    n = len(s["raws"])
    assert states.get(QueueState.FINAL.value) == n, states
    assert gain == s["due_total"], (gain, s["due_total"])
    return result


def baseline(s: dict, http: HttpCount, count: int, poll: float) -> dict:
    node = fresh_anvil(s["state"])
    try:
        w3 = node.w3
        http.reset()
        t0 = time.perf_counter()
        half = t0
        for i, raw in enumerate(s["raws"][:count]):
            if i == count // 2:
                half = time.perf_counter()
            h = w3.eth.send_raw_transaction(raw)
            rc = w3.eth.wait_for_transaction_receipt(h, poll_latency=poll)
            assert rc["status"] == 1
        end = time.perf_counter()
    finally:
        stop_anvil(node)
    n = len(s["raws"])
    took = end - t0
    first, second = half - t0, end - half
    return {"sample": count, "poll_s": poll, "sample_s": round(took, 2), "s_for_n": round(took * n / count, 1),
            "extrapolated": count < n, "ms_per_tx": round(took / count * 1000, 1),
            "ms_per_tx_first_half": round(first / (count // 2) * 1000, 1),
            "ms_per_tx_second_half": round(second / (count - count // 2) * 1000, 1),
            "http_requests_sample": http.requests, "http_requests_for_n": round(http.requests * n / count)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--baseline-n", type=int, default=1000, help="baseline sample, extrapolated to --n")
    ap.add_argument("--repeat", type=int, default=3, help="timed engine drains from the same saved state")
    ap.add_argument("--confirmations", type=int, default=1)
    ap.add_argument("--pass-log", action="store_true", help="print every pass of every run")
    args = ap.parse_args()
    n = args.n
    base_n = max(2, min(n, args.baseline_n))
    http = HttpCount()
    keys = [payer_key(i) for i in range(n)]
    payers = [Account.from_key(k).address for k in keys]
    root = Path(tempfile.mkdtemp(prefix="sompos-bench-drain-"))
    saved = root / "saved-data"
    try:
        s = setup(n, keys, payers, saved, args.confirmations)
        runs = []
        for k in range(args.repeat):
            runs.append(drain(s, saved, http, args.confirmations))
            print(f"drain {k + 1}: {runs[-1]['engine_s']} s", file=sys.stderr)
        print(f"baselines on {base_n} transactions…", file=sys.stderr)
        plain = baseline(s, http, base_n, 0.1)
        tight = baseline(s, http, base_n, 0.005)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    med = statistics.median(r["engine_s"] for r in runs)
    logs = [r.pop("pass_log") for r in runs]
    out = {
        "n": n, "confirmations": args.confirmations, "payer_tokens_via": s["tokens_via"],
        "setup_accept_s": round(s["accept_s"], 1),
        "engine_s_median": med, "engine_items_per_s": round(n / med),
        "engine_runs": runs,
        "baseline_web3_default_poll": plain, "baseline_poll_5ms": tight,
        "speedup_vs_baseline": round(plain["s_for_n"] / med, 1),
        "speedup_vs_poll_5ms_baseline": round(tight["s_for_n"] / med, 1),
        "target_speedup": 10,
    }
    if args.pass_log:
        out["pass_logs"] = logs
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
