"""``sompos sync``, ``sompos relay …``, ``sompos queue export|import|resolve``.

``sync`` runs the engine headless (a relay machine, or a till after a long offline spell) until
every queued payment is final or failed, or ``--deadline`` seconds pass; progress goes to the
terminal. The relay key's passphrase is read from ``SOMPOS_RELAY_PASSPHRASE`` or asked for on the
terminal (never a command-line argument: it would land in the shell history).
"""
from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from typing import Any

from pos_app.core.errors import BadInput

PASSPHRASE_ENV = "SOMPOS_RELAY_PASSPHRASE"


def _passphrase(prompt: str, *, confirm: bool = False) -> str:
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise BadInput("Give the relay key's passphrase in SOMPOS_RELAY_PASSPHRASE or type it at a terminal.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise BadInput("The two passphrases differ; nothing was changed.")
    return first


def _relay_account(ctx, args: argparse.Namespace):
    """The unlocked relay account, or None (raw transactions need none; authorizations wait)."""
    from pos_app.keys.keystore import RelayKeyStore
    ks = RelayKeyStore(ctx.data_dir, store=ctx.store)  # the wrong-passphrase counter is in its database
    if not ks.exists() or getattr(args, "no_relay", False):
        return None
    return ks.unlock(_passphrase("Relay key passphrase: "))


def cmd_relay(args: argparse.Namespace) -> int:
    from pos_app.cli.main import _context, _out
    from pos_app.keys.keystore import RelayKeyStore
    ctx = _context(args)
    ks = RelayKeyStore(ctx.data_dir, store=ctx.store)
    if args.relay_cmd == "create":
        address = ks.create(_passphrase("New passphrase (10+ characters): ", confirm=True))
        ctx.store.audit("manager", "relay.create", f"relay:{address}", {})
        _out(args, {"address": address}, f"relay key created: {address}\nsend it some BNB for network fees")
        return 0
    if args.relay_cmd == "import":
        from pos_app.core.files import KEY_FILE_LIMIT, read_text_limited  # bounded; no folder, FIFO or device
        secret = read_text_limited(args.file, KEY_FILE_LIMIT, what="key file").strip()
        source = os.environ.get("SOMPOS_RELAY_SOURCE_PASSPHRASE")
        address = ks.import_key(secret, _passphrase("New passphrase (10+ characters): ", confirm=True),
                                source_passphrase=source)
        ctx.store.audit("manager", "relay.import", f"relay:{address}", {})
        _out(args, {"address": address}, f"relay key imported: {address}")
        return 0
    address = ks.address()
    data: dict[str, Any] = {"address": address, "file": str(ks.path) if address else None}
    if address is None:
        _out(args, data, "no relay key (create one with: sompos relay create)")
        return 0
    line = f"relay key: {address}"
    try:
        balance = ctx.rpc().balance(address, "read the relay balance")  # type and range checked
        data["balance_wei"] = str(balance)
        line += f"\nbalance: {balance / 10**18:.6f} BNB"
    except Exception:  # noqa: BLE001 - offline: the address alone is still useful
        line += "\nbalance: unknown (offline)"
    merchant = ctx.config.merchant
    if merchant and merchant.lower() != address.lower():
        line += ("\nnote: this is not the shop's address, so it can relay transferWithAuthorization only;"
                 " receiveWithAuthorization must be sent from the shop's own address")
    _out(args, data, line)
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from pos_app.cli.main import _context, _out
    from pos_app.outbox.runner import SyncRunner
    ctx = _context(args)
    engine = ctx.sync_engine(relay=_relay_account(ctx, args))
    runner = SyncRunner(engine, watcher=ctx.watcher(), events=ctx.events)
    quiet = args.json

    def progress(state: str, report) -> None:
        if quiet:
            return
        if state == "offline":
            print("offline: waiting for the network…", flush=True)
        elif report is not None:
            print(f"{state}: sent {report.sent}, included {report.included}, final {report.final}, "
                  f"failed {report.failed}, still to finish {report.outstanding}"
                  + (f", {report.relay_missing} authorizations wait for the relay key" if report.relay_missing
                     else ""), flush=True)
    # What is left of the deadline after start-up (token facts, relay key unlock).
    started = getattr(args, "started_at", None)
    budget = args.deadline - (time.monotonic() - started if started is not None else 0.0)
    done = runner.run_until(max(0.0, budget), progress)
    failures = ctx.offline.unresolved_failures()
    data = {"done": done, "outstanding": engine.outstanding(),
            "failed": [{"id": i.id, "state": i.state.value, "payer": i.payer, "invoice": i.invoice_id,
                        "reason": i.reason} for i in failures]}
    lines = ["all payments are final or failed" if done else
             f"deadline reached: {data['outstanding']} payments still to finish"]
    lines += [f"FAILED #{i.id} invoice {i.invoice_id} from {i.payer}: {i.state.value}: {i.reason}" for i in failures]
    _out(args, data, "\n".join(lines))
    return 0 if done else 3


def cmd_export(args: argparse.Namespace) -> int:
    from pos_app.cli.main import _context, _out
    from pos_app.offline.handover import export_bundle
    ctx = _context(args)
    result = export_bundle(ctx, args.file, include_handed_off=args.again)
    _out(args, result.to_dict(),
         f"exported {result.count} unsent payments to {args.file} (device {result.device}); "
         f"this till will no longer send them")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pos_app.cli.main import _context, _out
    from pos_app.offline.handover_import import import_bundle
    ctx = _context(args)
    from pos_app.offline.pairing import show_fingerprint
    result = import_bundle(ctx, args.file, expect_device=args.expect_device)
    if result.taken_back or (result.added == 0 and not result.refused and args.expect_device is None
                             and result.device == _own_fingerprint(ctx)):
        _out(args, result.to_dict(), f"this till's own file: {len(result.taken_back)} payments taken back; "
                                     f"this till sends them again")
        return 0
    lines = ([f"paired with till {show_fingerprint(result.device)}"] if result.paired_now else [])
    lines += [f"imported {result.added} payments from till {show_fingerprint(result.device)}, "
              f"{result.already_there} were already here"]
    lines += [f"refused line {line}: {why}" for line, why in result.refused]
    _out(args, result.to_dict(), "\n".join(lines))
    return 0


def _own_fingerprint(ctx) -> str:
    from pos_app.offline.handover import device_fingerprint
    return device_fingerprint(ctx.data_dir)


def cmd_take_back(args: argparse.Namespace) -> int:
    from pos_app.cli.main import _context, _out
    ctx = _context(args)
    if not args.items and not args.all:
        from pos_app.core.errors import BadInput
        raise BadInput("Name the offline payments to take back, or use --all.")
    ids = ctx.offline.take_back(None if args.all else [int(i) for i in args.items], actor="cli",
                                reason=args.note or "taken back by a person")
    _out(args, {"taken_back": ids}, f"{len(ids)} handed-off payments taken back; this till sends them again")
    return 0


def cmd_device(args: argparse.Namespace) -> int:
    from pos_app.cli.main import _context, _out
    from pos_app.offline.pairing import Pairings, show_fingerprint
    ctx = _context(args)
    pairings = Pairings(ctx.store)
    if args.device_cmd == "forget":
        pairings.forget(args.fingerprint, actor="cli")
    if args.device_cmd == "show":
        fp = _own_fingerprint(ctx)
        _out(args, {"device": fp}, f"this till's number: {show_fingerprint(fp)}")
        return 0
    devices = pairings.list()
    _out(args, {"paired": [vars(d) for d in devices]},
         "\n".join(f"{show_fingerprint(d.fingerprint)}  paired {d.accepted_at} by {d.accepted_by}" for d in devices)
         or "no paired tills")
    return 0


def register_device(sub: Any, common: argparse.ArgumentParser, parser_class: type) -> None:
    d = sub.add_parser("device", parents=[common], help="this till's number, and the tills it takes files from")
    dsub = d.add_subparsers(dest="device_cmd", metavar="ACTION", parser_class=parser_class, required=True)
    dsub.add_parser("show", parents=[common], help="this till's number (compare it on the other till)")
    dsub.add_parser("list", parents=[common], help="paired tills")
    f = dsub.add_parser("forget", parents=[common], help="stop taking files from a till")
    f.add_argument("fingerprint")
    d.set_defaults(func=cmd_device)


def cmd_resolve(args: argparse.Namespace) -> int:
    from pos_app.cli.main import _context, _out
    ctx = _context(args)
    action = "collect_again" if args.collect_again else "resolved"
    item = ctx.offline.resolve(int(args.item), action, actor="cli", note=args.note or "")
    word = "cancelled its sale; charge the customer again" if action == "collect_again" else "marked resolved"
    _out(args, {"id": item.id, "resolution": item.resolution}, f"offline payment {item.id}: {word}")
    return 0


def register_queue_actions(qsub: Any, common: argparse.ArgumentParser) -> None:
    e = qsub.add_parser("export", parents=[common], help="write the unsent queue to a signed file for another machine")
    e.add_argument("file")
    e.add_argument("--again", action="store_true", help="include payments already exported (a lost stick)")
    i = qsub.add_parser("import", parents=[common], help="load a queue file exported by another machine")
    i.add_argument("file")
    i.add_argument("--expect-device", metavar="NUMBER",
                   help="the other till's 16-character number, compared on both screens: pairs it")
    t = qsub.add_parser("take-back", parents=[common],
                        help="send handed-off payments from this till again (a lost file)")
    from pos_app.cli.main import _whole
    t.add_argument("items", nargs="*", type=_whole("the payment number"), help="offline payment numbers")
    t.add_argument("--all", action="store_true", help="every handed-off payment")
    t.add_argument("--note", default="")
    r = qsub.add_parser("resolve", parents=[common], help="close a failed offline payment")
    r.add_argument("item", type=_whole("the payment number"))
    how = r.add_mutually_exclusive_group(required=True)
    how.add_argument("--collect-again", action="store_true", help="cancel its sale; charge the customer again")
    how.add_argument("--resolved", action="store_true", help="settled another way (e.g. cash)")
    r.add_argument("--note", default="")


def dispatch_queue(args: argparse.Namespace) -> int | None:
    return {"export": cmd_export, "import": cmd_import, "resolve": cmd_resolve,
            "take-back": cmd_take_back}.get(args.queue_cmd, lambda a: None)(args)


def register(sub: Any, common: argparse.ArgumentParser, parser_class: type) -> None:
    r = sub.add_parser("relay", parents=[common], help="the relay key that pays fees for authorizations")
    rsub = r.add_subparsers(dest="relay_cmd", metavar="ACTION", parser_class=parser_class, required=True)
    rsub.add_parser("show", parents=[common], help="the relay address and its BNB balance")
    rsub.add_parser("create", parents=[common], help="create a new relay key (asks for a passphrase)")
    ri = rsub.add_parser("import", parents=[common], help="import a private key or keystore file")
    ri.add_argument("file", help="file with the hex key or keystore JSON, or - for standard input")
    r.set_defaults(func=cmd_relay)
    register_device(sub, common, parser_class)
