"""Connectivity back → first submission: how soon the app's sync loop sends the offline queue.

anvil (automine) sits behind a loopback TCP relay (tests/integration/proxy.Relay, here with
TCP_NODELAY set, see ``NoDelayRelay``) that the bench switches off and on: the node "goes down"
for the shop only. The app's own loop runs on its thread: ``pos_app.outbox.runner.SyncRunner`` built
as the app builds it (``ctx.sync_engine()``, the payment watcher for reconciliation,
``ctx.events``) and started with ``runner.start()``; offline it probes every ``offline_probe_s``
(the app's default 1 s, and 0.5 s), online it runs a pass every ``online_interval_s`` (3 s).

Each trial: the relay is stopped while the loop is idle, ``--items`` payments (signed raw
transfers of distinct payers) are accepted offline, the outage lasts a random time, then
``relay.start()``. Measured from just before that call to the first ``offline.changed`` event
whose item is SUBMITTED (published after the batch's state change is committed), and to every
item of the trial being FINAL (the loop's next pass after its reconciliation). The runner's probe
calls are timed (its monitor is wrapped) to split the first latency into "waiting for the next
probe" and "probe + pass until submitted", and to count probes that failed after the node was
back; the reconciliation (``watcher.refresh_snapshots``) is timed too.

Scenarios: outages of 4–7 s (longer than the online interval, so the loop has noticed and is
probing) for each ``--probe``; and outages of 1–2.5 s with the default probe (shorter than the
online interval: the loop may not notice, and the first request after the return goes out on the
pooled keep-alive connection that the relay cut).

Baseline in the same run: a bare web3 loop sending one signed transfer through the same relay
every 5 ms from ``relay.start()`` until the node takes it.

    ../.venv/bin/python first_submission.py [--trials 10] [--items 50] [--probe 1.0 0.5]
"""
from __future__ import annotations

import argparse
import json
import logging
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from eth_account import Account
from eth_utils import keccak
from web3 import HTTPProvider, Web3

from _common import deploy_shop, shop_context, start_anvil, stop_anvil
from sync_drain import CHAIN_ID, fund_payers, sign_transfer

from pos_app.core.money import Tyiyn
from pos_app.offline.lifecycle import QueueState
from pos_app.offline.risk import Limits
from pos_app.outbox.runner import OFFLINE_PROBE_S, ONLINE_INTERVAL_S, SyncRunner
from pos_app.core.events import OfflineChanged
from tests.integration.proxy import Relay


class _Collect(logging.Handler):
    """Keeps what the runner logs (a pass that stopped, reconciliation deferred, an exception)."""

    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.INFO)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage()[:200])


def payer_key(i: int) -> bytes:
    return keccak(text=f"sompos bench first submission payer {i}")


class NoDelayRelay(Relay):
    """The tests' relay with TCP_NODELAY on both legs. Without it Nagle's algorithm meets delayed
    ACKs and each small JSON-RPC request through the relay takes 20-80 ms instead of ~1-5 ms;
    stop()/start() behave exactly as in tests/integration/proxy.Relay."""

    @staticmethod
    def _pipe(a: socket.socket, b: socket.socket) -> None:
        for sock in (a, b):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
        Relay._pipe(a, b)


class Timing:
    """Wraps the runner's ``monitor.probe`` (when each probe started, whether it worked) and the
    watcher's ``refresh_snapshots`` (the reconciliation the runner does after a return)."""

    def __init__(self, runner) -> None:
        self.starts: list[tuple[float, bool]] = []
        self.refreshes: list[tuple[float, int | None]] = []    # (seconds, payers or None if it failed)
        probe_fn, refresh_fn = runner.monitor.probe, runner.watcher.refresh_snapshots

        def probe():
            t = time.perf_counter()
            result = probe_fn()
            self.starts.append((t, result.online))
            return result

        def refresh(*args, **kwargs):
            t = time.perf_counter()
            try:
                n = refresh_fn(*args, **kwargs)
            except BaseException:
                self.refreshes.append((time.perf_counter() - t, None))
                raise
            self.refreshes.append((time.perf_counter() - t, n))
            return n
        runner.monitor.probe = probe
        runner.watcher.refresh_snapshots = refresh


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--probe", type=float, nargs="+", default=[OFFLINE_PROBE_S, 0.5],
                    help="the runner's offline probe interval(s), s (app default first)")
    ap.add_argument("--online-interval", type=float, default=ONLINE_INTERVAL_S,
                    help="the runner's wait between passes while online, s")
    ap.add_argument("--outage", type=float, nargs=2, default=[4.0, 7.0],
                    help="outage length range, s: longer than the online interval, so the loop is probing")
    ap.add_argument("--short-outage", type=float, nargs=2, default=[1.0, 2.5],
                    help="also run outages shorter than the online interval (0 0 to skip)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    if args.short_outage == [0.0, 0.0]:
        args.short_outage = None
    total = (len(args.probe) + bool(args.short_outage)) * args.trials * args.items
    base_keys = [payer_key(10**6 + i) for i in range(args.trials)]
    keys = [payer_key(i) for i in range(total)]
    node = start_anvil(block_time=None)
    relay = NoDelayRelay(node.port)
    tmp = Path(tempfile.mkdtemp(prefix="sompos-bench-first-"))
    out: dict = {"items_per_trial": args.items, "trials_per_probe": args.trials,
                 "loop": "pos_app.outbox.runner.SyncRunner (watcher for reconciliation, as the app builds it)",
                 "online_interval_s": args.online_interval}
    try:
        shop = deploy_shop(node)
        fund_payers(node, shop, [Account.from_key(k).address for k in keys + base_keys])
        url = f"http://127.0.0.1:{relay.start()}"
        ctx = shop_context(tmp, shop, urls=[url], confirmations=1)
        ctx.token_info(refresh=True)
        ctx.offline.set_limits(Limits(total_tyiyn=10**15, max_items=10**9, per_payment_tyiyn=10**12,
                                      unknown_payer_tyiyn=10**12))
        gas_price = int(node.w3.eth.gas_price)
        base_fee = int(node.w3.eth.get_block("latest")["baseFeePerGas"])
        ctx.offline.record_sync(CHAIN_ID, at=int(time.time()), gas_price=gas_price, base_fee=base_fee)
        facts = ctx.offline_facts()

        first_submitted: list[float] = []
        armed = threading.Event()
        seen = threading.Event()

        def on_event(ev) -> None:
            if armed.is_set() and not seen.is_set() and ev.item.state == QueueState.SUBMITTED:
                first_submitted.append(time.perf_counter())
                seen.set()
        ctx.events.subscribe(on_event, OfflineChanged)

        def all_final() -> bool:
            return ctx.store.one("SELECT COUNT(*) AS n FROM offline_payments WHERE state != 'final'")["n"] == 0

        scenarios = [(f"probe_{p}s", p, args.outage) for p in args.probe]
        if args.short_outage:
            scenarios.append((f"probe_{args.probe[0]}s_short_outage", args.probe[0], args.short_outage))
        next_key = 0
        for name, probe, (lo, hi) in scenarios:
            relay.stop()
            runner = SyncRunner(ctx.sync_engine(), watcher=ctx.watcher(), events=ctx.events,
                                offline_probe_s=probe, online_interval_s=args.online_interval)
            probes = Timing(runner)
            errors: list[str] = []
            collect = _Collect(errors)
            logging.getLogger("pos_app.outbox.runner").addHandler(collect)
            logging.getLogger("pos_app.outbox.runner").setLevel(logging.INFO)
            runner.start()
            samples, waits, all_final_s, failed_after_return = [], [], [], 0
            for _ in range(args.trials):
                relay.stop()
                for _ in range(args.items):
                    inv = ctx.create_invoice(Tyiyn(100 + next_key))
                    raw = sign_transfer(keys[next_key], shop.token_address, shop.merchant, inv.due_base, gas_price)
                    ctx.offline.accept(raw, inv.id, facts)
                    next_key += 1
                time.sleep(rnd.uniform(lo, hi))
                first_submitted.clear()
                seen.clear()
                armed.set()
                t0 = time.perf_counter()
                relay.start()
                if not seen.wait(30):
                    raise RuntimeError(f"nothing submitted 30 s after the node returned; {errors[-3:]}")
                armed.clear()
                t_sub = first_submitted[0]
                samples.append(t_sub - t0)
                print(f"{name}: {samples[-1] * 1000:.0f} ms", file=sys.stderr)
                after = [(t, ok) for t, ok in list(probes.starts) if t0 <= t <= t_sub]
                failed_after_return += sum(not ok for _, ok in after)
                # The probe that found the node: the last one started before the event.
                started = max(t for t, _ in list(probes.starts) if t <= t_sub)
                waits.append(max(0.0, started - t0))
                deadline = time.monotonic() + 120
                while not all_final():
                    if time.monotonic() > deadline:
                        stuck = ctx.store.query("SELECT id, state, reason FROM offline_payments "
                                                "WHERE state != 'final' LIMIT 3")
                        raise RuntimeError(f"items not final 120 s after the node returned: {stuck}; "
                                           f"{errors[-3:]}")
                    time.sleep(0.02)
                all_final_s.append(time.perf_counter() - t0)
            runner.stop(10)
            logging.getLogger("pos_app.outbox.runner").removeHandler(collect)
            out[name] = {
                "probe_s": probe, "outage_s": [lo, hi],
                "median_ms": round(statistics.median(samples) * 1000), "max_ms": round(max(samples) * 1000),
                "min_ms": round(min(samples) * 1000),
                "median_wait_for_probe_ms": round(statistics.median(waits) * 1000),
                "median_probe_and_pass_to_submitted_ms": round(statistics.median(
                    x - w for x, w in zip(samples, waits)) * 1000),
                "probes_failed_after_return": failed_after_return,
                "median_all_items_final_ms": round(statistics.median(all_final_s) * 1000),
                "max_all_items_final_ms": round(max(all_final_s) * 1000),
                "refresh_snapshots_after_return": {
                    "completed": [[round(d, 1), n] for d, n in probes.refreshes if n is not None],
                    "cut_by_next_outage_after_s": [round(d, 1) for d, n in probes.refreshes if n is None]},
                "samples_ms": [round(x * 1000) for x in samples],
                "runner_log_lines": len(errors), "runner_log_last": errors[-3:],
            }
        # Baseline: a bare client sending one transfer through the relay every 5 ms.
        w3 = Web3(HTTPProvider(url, request_kwargs={"timeout": 6}, exception_retry_configuration=None))
        base = []
        for k in base_keys:
            raw = sign_transfer(k, shop.token_address, shop.merchant, 1, gas_price)
            relay.stop()
            time.sleep(rnd.uniform(0.5, 1.0))
            t0 = time.perf_counter()
            relay.start()
            while True:
                try:
                    w3.eth.send_raw_transaction(raw)
                    break
                except Exception:  # noqa: BLE001 - connection refused until the relay listens
                    time.sleep(0.005)
            base.append(time.perf_counter() - t0)
        out["baseline_bare_send_retry_5ms"] = {"median_ms": round(statistics.median(base) * 1000, 1),
                                               "max_ms": round(max(base) * 1000, 1)}
        # Relay overhead per small request (the relay does not set TCP_NODELAY).
        direct = Web3(HTTPProvider(node.url, request_kwargs={"timeout": 6}))
        for name_, client in (("direct_ms", direct), ("through_relay_ms", w3)):
            client.eth.block_number
            t0 = time.perf_counter()
            for _ in range(50):
                client.eth.block_number
            out.setdefault("eth_blockNumber_request", {})[name_] = round((time.perf_counter() - t0) / 50 * 1000, 1)
        out["all_items_final"] = all_final()
        out["target_ms"] = 2000
        out["met_with_app_default_probe"] = out[f"probe_{args.probe[0]}s"]["max_ms"] < 2000
        ctx.close()
    finally:
        relay.stop()
        stop_anvil(node)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
