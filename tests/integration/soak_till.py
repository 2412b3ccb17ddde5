"""One till's watcher and sync-engine passes in a child process, for the shop soak to kill with SIGKILL.

``python tests/integration/soak_till.py --data-dir DIR --passes N [--relay-label merchant]``

Opens the till's data folder as the app does (``AppContext``), then runs up to ``N`` passes: a
payment scan (``PaymentWatcher.scan_once``) and an engine pass (``SyncEngine.pass_once``), each
printing one line on stdout (flushed), so the parent can tell how far a killed run got. A pass
that finds no node (the till is cut from the network) is reported and the loop goes on. Any other
error ends the process with exit code 2 and its traceback on stderr: the soak treats that as a
failure of the run, never as a kill.

The relay account is the shop's own key (``receiveWithAuthorization`` must come from the payee),
derived as ``tests/integration/conftest.key`` derives it; the module imports nothing from the
test package so it starts as fast as the app does.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def relay_key(label: str) -> bytes:
    from eth_utils import keccak
    return keccak(text=f"sompos anvil test: {label}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--passes", type=int, default=20)
    ap.add_argument("--relay-label", default="merchant")
    ap.add_argument("--pause", type=float, default=0.05, help="seconds between passes")
    args = ap.parse_args(argv)

    from eth_account import Account
    from pos_app.app.context import AppContext
    from pos_app.core.errors import PosError

    ctx = AppContext(Path(args.data_dir))
    print("opened", flush=True)
    watcher = ctx.watcher()
    engine = ctx.sync_engine(relay=Account.from_key(relay_key(args.relay_label)))
    for i in range(args.passes):
        try:
            r = watcher.scan_once()
            scan = f"head {r.head} new {r.new_payments} final {r.finalized_payments} removed {r.removed_payments}"
        except PosError as exc:
            scan = f"scan failed: {type(exc).__name__}"
        try:
            rep = engine.pass_once()
            sync = f"sent {rep.sent} included {rep.included} final {rep.final} failed {rep.failed}"
        except PosError as exc:
            sync = f"pass failed: {type(exc).__name__}"
        print(f"pass {i}: {scan}; {sync}", flush=True)
        time.sleep(args.pause)
    ctx.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
