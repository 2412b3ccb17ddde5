"""``sompos sync``: send the offline queue and watch the chain, headless.

Default: send the queue and follow it (with a payment scan) until every queued payment is final
or failed, or ``--deadline`` seconds pass, progress on the terminal (a relay machine, or a till
after a long offline spell); ``--once``: one scan and one engine pass; ``--watch``: keep at it
until Ctrl+C. The relay key is unlocked first when there is one (``--no-relay``: raw transactions
only); its passphrase comes from ``SOMPOS_RELAY_PASSPHRASE`` or the terminal.

Without either (a cron job, a pipe), the key stays locked and sync still sends what needs no key
(customer-signed raw transfers); it says how many authorizations wait for the passphrase and exits
4 (``EXIT_WAITS_FOR_KEY``) when any do, 0 when nothing waits. The drain (no ``--once``) also stops
with 4, without sitting out its deadline, once only such authorizations are left.

Exit codes: 0 all is final or failed (and the chain was read), 3 (``EXIT_FAILURE``) the deadline
passed or no node could be used: the drain says in one line when the chain could not be read (no
node, or only nonsense answers), it never claims success then; 4 authorizations wait for the key.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from pos_app.cli.output import (
    EXIT_FAILURE, PASSPHRASE_ENV, add_command, open_context, out, passphrase, passphrase_at_hand, seconds,
    usage_error, words,
)
from pos_app.core.errors import ChainError

EXIT_WAITS_FOR_KEY = 4  # sent what needs no key; authorizations wait for the relay key's passphrase


def _relay_account(ctx, args: argparse.Namespace):
    """(the unlocked relay account or None, whether a relay key stays locked for want of its passphrase).

    Raw transactions need no key, so a missing passphrase only holds back the authorizations.
    """
    from pos_app.keys.relay import has_relay_key, unlock_relay_key
    if not has_relay_key(ctx.data_dir) or getattr(args, "no_relay", False):
        return None, False
    if not passphrase_at_hand():
        return None, True
    return unlock_relay_key(ctx.data_dir, ctx.store, passphrase("Relay key passphrase: ")), False


def _waiting_for_key(count: int) -> str:
    return (f"{count} authorization(s) wait for the relay key: give its passphrase in {PASSPHRASE_ENV} "
            f"or run sompos sync at a terminal")


class _OnlyKeyLeft(Exception):
    """The drain stops: everything left waits for the locked relay key."""


def cmd_sync(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    net = ctx.config.network
    if net.embedded:
        raise usage_error("cli.demo_network_only_in_demo")
    if not args.once and not args.watch:
        # The deadline counts from here: reading the token's facts from a slow node is part of it.
        started = time.monotonic()
        with ctx.rpc().until(started + args.deadline):
            try:
                ctx.token_info(refresh=True)
            except ChainError:
                pass  # no node now: the drain below waits for one until the deadline (exit 3)
        return _drain(args, started)
    ctx.token_info(refresh=True)
    from pos_app.outbox.runner import SyncRunner
    watcher = ctx.watcher()
    relay, locked = _relay_account(ctx, args)
    runner = SyncRunner(ctx.sync_engine(relay=relay), watcher=watcher, events=ctx.events)
    if not args.once:
        print(f"Watching {net.name} for payments and sending the offline queue; press Ctrl+C to stop.",
              file=sys.stderr)
        if locked:
            print(f"The relay key stays locked: authorizations wait for its passphrase ({PASSPHRASE_ENV} "
                  f"or a terminal); signed transfers are sent.", file=sys.stderr)
        from pos_app.core.events import (InvoiceChanged, InvoiceCreated, OfflineOutcome, PaymentFinal,
                                         PaymentRemoved, PaymentSeen)
        ctx.events.subscribe(
            lambda e: print(json.dumps({"event": e.kind, **{k: str(v) for k, v in e.fields().items() if v is not None}}), flush=True),
            InvoiceCreated, InvoiceChanged, PaymentSeen, PaymentFinal, PaymentRemoved, OfflineOutcome)
        runner.start()
        try:
            watcher.run_forever()
        except KeyboardInterrupt:
            watcher.stop()
            runner.stop()
        return 0
    r = watcher.scan_once()
    state = runner.step()
    rep = runner.last_report
    d = {"network": net.name, "head": r.head, "scanned_to": r.scanned_to, "new_payments": r.new_payments,
         "final_payments": r.finalized_payments, "removed_payments": r.removed_payments,
         "changed_invoices": sorted(r.changed_invoices), "offline_queue": state,
         "offline_outstanding": rep.outstanding if rep else None,
         "waiting_for_relay_key": rep.relay_missing if rep and locked else 0}
    text = (f"Checked {net.name} up to block {r.head}: {r.new_payments} new payment(s), "
            f"{r.finalized_payments} final, {r.removed_payments} removed; "
            f"invoices changed: {', '.join(map(str, sorted(r.changed_invoices))) or 'none'}; "
            f"offline queue: {state}" + (f", {rep.outstanding} to finish." if rep else "."))
    if d["waiting_for_relay_key"]:
        text += "\n" + _waiting_for_key(d["waiting_for_relay_key"])
    out(args, d, text)
    return EXIT_WAITS_FOR_KEY if d["waiting_for_relay_key"] else 0


def _drain(args: argparse.Namespace, started: float) -> int:
    """Run the engine until everything is final or failed (exit 0) or the deadline passes (exit 3).

    The shop is opened afresh here, as it was before the CLI became a package: the drain's node
    client starts clean rather than inheriting what the token probe above made of the nodes.
    """
    from pos_app.outbox.runner import SyncRunner
    ctx = open_context(args)
    relay, locked = _relay_account(ctx, args)
    engine = ctx.sync_engine(relay=relay)
    runner = SyncRunner(engine, watcher=ctx.watcher(), events=ctx.events)
    quiet = args.json

    def progress(state: str, report) -> None:
        if not quiet:
            say(state, report)
        if locked and state != "offline" and report is not None and 0 < report.outstanding == report.relay_missing:
            raise _OnlyKeyLeft

    def say(state: str, report) -> None:
        if state == "offline":
            why = words().error(runner.unread) if runner.unread is not None else "waiting for the network…"
            print(f"offline: {why}", flush=True)
        elif report is not None:
            print(f"{state}: sent {report.sent}, included {report.included}, final {report.final}, "
                  f"failed {report.failed}, still to finish {report.outstanding}"
                  + (f", {report.relay_missing} authorizations wait for the relay key" if report.relay_missing
                     else ""), flush=True)
    # What is left of the deadline after start-up (token facts, relay key unlock).
    budget = args.deadline - (time.monotonic() - started)
    try:
        done, key_left = runner.run_until(max(0.0, budget), progress), 0
    except _OnlyKeyLeft:
        done, key_left = False, runner.last_report.relay_missing
    failures = ctx.offline.unresolved_failures()
    unread = None if done else runner.unread  # why the chain could not be read (never with done)
    data = {"done": done, "outstanding": engine.outstanding(), "waiting_for_relay_key": key_left,
            "chain_read": unread is None, "chain_problem": unread.user_message if unread is not None else None,
            "chain_problem_code": unread.as_json() if hasattr(unread, "as_json") else None,
            "failed": [{"id": i.id, "state": i.state.value, "payer": i.payer, "invoice": i.invoice_id,
                        "reason": i.reason} for i in failures]}
    lines = ["all payments are final or failed" if done else _waiting_for_key(key_left) if key_left else
             f"deadline reached: the chain could not be read, {data['outstanding']} payments still to finish: "
             f"{words().error(unread)}" if unread is not None else
             f"deadline reached: {data['outstanding']} payments still to finish"]
    shop = words()
    lines += [f"FAILED #{i.id} invoice {i.invoice_id} from {i.payer}: {shop.queue_state(i.state)}: {shop.reason(i.why)}"
              for i in failures]
    out(args, data, "\n".join(lines))
    return 0 if done else EXIT_WAITS_FOR_KEY if key_left else EXIT_FAILURE


def register(sub: Any) -> None:
    s = add_command(sub, "sync", help="send the offline queue and check the chain until all is final (or --deadline)")
    s.add_argument("--once", action="store_true", help="one pass (payments and the offline queue), then exit")
    s.add_argument("--watch", action="store_true", help="keep watching and sending until Ctrl+C")
    s.add_argument("--deadline", type=seconds, default="600",
                   help="without --once/--watch: give up after this many seconds")
    s.add_argument("--no-relay", action="store_true", help="do not unlock the relay key (raw transactions only)")
    s.set_defaults(func=cmd_sync)
