"""The ``sompos`` command line. Every command takes ``--data-dir``; ``--json`` gives machine output.

Wrong input exits non-zero with one clear line on stderr (``sompos: error: ...``) and changes
nothing. Unexpected failures are logged to the data folder's ``sompos.log``, never printed as a
traceback.
"""
from __future__ import annotations

import argparse
import json
import logging
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any, Sequence

from pos_app.core.errors import BadInput, ChainError, PosError

EXIT_BAD_INPUT = 2
EXIT_FAILURE = 3

log = logging.getLogger("pos_app.cli.main")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not the usage dump
        raise BadInput(f"{message} (see: {self.prog} --help)")


def _out(args: argparse.Namespace, data: Any, text: str) -> None:
    """Print the result; whatever came from outside (a memo, a profile name) cannot drive the terminal:
    text output is cleaned line by line, JSON keeps the data but escapes invisible characters."""
    from pos_app.core.text import escape_json_text, safe_lines
    print(escape_json_text(json.dumps(data, ensure_ascii=False, indent=2)) if getattr(args, "json", False)
          else safe_lines(text))


# -- argument types: checked while parsing, so a bad value stops the command before it writes -----
def _whole(what: str, minimum: int = 1, maximum: int = 10**12):
    """An argparse type: a whole number in the digits 0-9 between ``minimum`` and ``maximum``."""
    def parse(text: str) -> int:
        from pos_app.core.money import parse_whole
        value = parse_whole(text, minimum=minimum, maximum=maximum)
        if value is None:
            raise argparse.ArgumentTypeError(
                f"give {what} as a whole number from {minimum:,} to {maximum:,} (digits 0-9)")
        return value
    parse.__name__ = what  # argparse names the type in some messages
    return parse


def _seconds(text: str) -> float:
    """An argparse type: a positive number of seconds (no nan, inf, negative or non-ASCII digits)."""
    from pos_app.core.money import parse_seconds
    value = parse_seconds(text)
    if value is None:
        raise argparse.ArgumentTypeError("give the deadline as a positive number of seconds, e.g. 600")
    return float(value)  # a timer, not money


def _check_qr_target(target: str) -> Path:
    """Check the QR picture can be written at ``target`` before anything is saved.

    Tries for real (the folder may be read-only or full even for root): an existing file is
    opened for appending and left as it is; a new one is created and removed again.
    """
    import os
    path = Path(target)
    if path.is_dir():
        raise BadInput(f"{target} is a folder; give a file name for the QR picture, e.g. invoice.png.")
    if not path.parent.is_dir():
        raise BadInput(f"The folder for {target} does not exist.")
    try:
        if path.exists():
            if not path.is_file():
                raise BadInput(f"{target} is not an ordinary file; give a file name for the QR picture.")
            with open(path, "ab"):
                pass
        else:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            os.close(fd)
            path.unlink()
    except OSError as exc:
        raise BadInput(f"Cannot write the QR picture to {target} ({exc.strerror or exc}).") from None
    return path


def _context(args: argparse.Namespace, *, read_only: bool = False):
    """The app for ``--data-dir``. ``read_only`` commands (they only show things) still work on a
    full disk, where the database cannot be opened the ordinary way: see pos_app/store/readonly.py."""
    from pos_app.shop.config import default_data_dir
    from pos_app.app.context import AppContext, setup_logging
    from pos_app.core.errors import StorageError
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    setup_logging(data_dir)
    try:
        return AppContext(data_dir, new_shop=bool(getattr(args, "new_shop", False)))
    except StorageError as exc:
        from pos_app.store.readonly import disk_full, open_read_only
        if not (read_only and disk_full(data_dir) and (data_dir / "sompos.db").is_file()):
            raise
        log.warning("the disk is full; reading the shop database read-only (%s)", exc.detail)
        try:
            store = open_read_only(data_dir)
        except PosError:
            raise exc from None  # say what the ordinary open said
        return AppContext(data_dir, store=store)


def _invoice_dict(ctx, inv, fmt: str) -> dict[str, Any]:
    from pos_app.core.money import base_units_to_decimal_str, format_som_plain
    from pos_app.invoices.payment_request import build_uri
    d = inv.to_dict()
    d["amount"] = format_som_plain(inv.amount_tyiyn)
    d["onchain_amount"] = base_units_to_decimal_str(inv.due_base, inv.decimals)
    d["format"] = fmt
    d["uri"] = build_uri(fmt, inv.request(), trust_coin=ctx.config.network.trust_coin)
    return d


def cmd_request(args: argparse.Namespace) -> int:
    from pos_app.core.money import format_som, parse_amount
    from pos_app.invoices.payment_request import build_uri, qr_text, write_qr_png
    from pos_app.core.text import safe_text
    # Every argument is checked before anything is written: a bad one changes nothing.
    amount = parse_amount(args.amount)
    memo = safe_text(args.memo or "").strip()
    if len(memo) > 200:
        raise BadInput("The memo is too long (at most 200 characters).")
    if args.qr:
        _check_qr_target(args.qr)
    ctx = _context(args)
    fmt = args.format or ctx.config.qr_format
    build_uri(fmt, _probe_request(ctx), trust_coin=ctx.config.network.trust_coin)
    inv = ctx.create_invoice(amount, memo=memo)
    d = _invoice_dict(ctx, inv, fmt)
    if args.qr:
        write_qr_png(d["uri"], args.qr)
        d["qr_png"] = str(Path(args.qr).resolve())
    lang = ctx.config.language
    text = "\n".join([
        f"Invoice {inv.id}: {format_som(inv.amount_tyiyn, lang)}",
        f"Pay exactly:  {d['onchain_amount']} (on chain, the tail identifies this invoice)",
        f"Expires:      {time.strftime('%H:%M:%S', time.localtime(inv.expires_at))}",
        f"Request:      {d['uri']}",
        *([f"QR picture:   {d['qr_png']}"] if args.qr else []),
        "", qr_text(d["uri"])])
    _out(args, d, text)
    return 0


def _probe_request(ctx):
    from pos_app.invoices.payment_request import PaymentRequest
    net = ctx.config.network
    return PaymentRequest(net.chain_id, net.token or "0x" + "0" * 40, ctx.config.merchant or "0x" + "0" * 40, 1, 6)


def cmd_invoices(args: argparse.Namespace) -> int:
    from pos_app.core.money import format_som
    ctx = _context(args, read_only=True)
    invs = ctx.service.list(limit=args.limit)
    lang = ctx.config.language
    rows = [f"{i.id:>6}  {time.strftime('%Y-%m-%d %H:%M', time.localtime(i.created_at))}  "
            f"{format_som(i.amount_tyiyn, lang):>16}  {i.state.value:<10} {' '.join(i.flags.labels())}"
            for i in invs]
    _out(args, [i.to_dict() for i in invs], "\n".join(rows) if rows else "No invoices yet.")
    return 0


def cmd_unmatched(args: argparse.Namespace) -> int:
    ctx = _context(args, read_only=True)
    rows = ctx.service.unmatched()
    text = "\n".join(f"{r['id']:>6}  block {r['block_number']}  from {r['payer']}  value {r['value']}  {r['tx_hash']}"
                     for r in rows) or "No unmatched payments."
    _out(args, rows, text)
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    ctx = _context(args)
    inv = ctx.service.assign_payment(args.payment, args.invoice, actor=args.actor)
    _out(args, inv.to_dict(), f"Payment {args.payment} assigned to invoice {inv.id}; it is now {inv.state.value}.")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """Default: send the offline queue and follow it (with a payment scan) until done or the deadline
    (cli_sync.cmd_sync); ``--once``: one scan and one engine pass; ``--watch``: keep at it."""
    ctx = _context(args)
    net = ctx.config.network
    if net.embedded:
        raise BadInput("The demo network lives only inside `sompos demo`; choose a real network with "
                       "`sompos config network bsc` (or a profile file) to sync.")
    if not args.once and not args.watch:
        # The deadline counts from here: reading the token's facts from a slow node is part of it.
        args.started_at = time.monotonic()
        with ctx.rpc().until(args.started_at + args.deadline):
            try:
                ctx.token_info(refresh=True)
            except ChainError:
                pass  # no node now: the drain below waits for one until the deadline (exit 3)
        from pos_app.cli.sync import cmd_sync as drain
        return drain(args)
    ctx.token_info(refresh=True)
    from pos_app.cli.sync import _relay_account
    from pos_app.outbox.runner import SyncRunner
    watcher = ctx.watcher()
    runner = SyncRunner(ctx.sync_engine(relay=_relay_account(ctx, args)), watcher=watcher, events=ctx.events)
    if not args.once:
        print(f"Watching {net.name} for payments and sending the offline queue; press Ctrl+C to stop.",
              file=sys.stderr)
        from pos_app.core.events import (InvoiceChanged, InvoiceCreated, OfflineOutcome, PaymentFinal,
                                         PaymentRemoved, PaymentSeen)
        ctx.events.subscribe(lambda e: print(json.dumps({"event": e.kind, **{k: str(v) for k, v in e.fields().items()}}),
                                             flush=True),
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
         "offline_outstanding": rep.outstanding if rep else None}
    _out(args, d, f"Checked {net.name} up to block {r.head}: {r.new_payments} new payment(s), "
                  f"{r.finalized_payments} final, {r.removed_payments} removed; "
                  f"invoices changed: {', '.join(map(str, sorted(r.changed_invoices))) or 'none'}; "
                  f"offline queue: {state}" + (f", {rep.outstanding} to finish." if rep else "."))
    return 0


def _audit_head(text: str) -> tuple[int, str]:
    """``ID:HASH`` as ``sompos audit verify --head`` takes it (the head a hand-over file carried)."""
    rid, _, digest = text.strip().partition(":")
    if not (rid.isascii() and rid.isdigit() and 0 < len(rid) < 19 and len(digest) == 64
            and all(ch in "0123456789abcdef" for ch in digest)):
        raise argparse.ArgumentTypeError("write the audit head as ID:HASH (a record number, a colon, "
                                         "64 hex digits)")
    return int(rid), digest


def cmd_audit(args: argparse.Namespace) -> int:
    """``sompos audit verify``: one line per problem; exit 1 when there is any."""
    from pos_app.store.audit import verify
    ctx = _context(args, read_only=True)
    rep = verify(ctx.store, ctx.data_dir)
    for head in getattr(args, "head", None) or []:
        rep.problems.extend(ctx.store.verify_against(head))
    head_id, head_hash = rep.head
    text = "\n".join([f"audit log: {rep.records} records, newest {head_id} ({head_hash[:16]})",
                      *(f"PROBLEM: {p}" for p in rep.problems),
                      "everything agrees" if rep.ok else f"{len(rep.problems)} problem(s) found"])
    _out(args, {"ok": rep.ok, "records": rep.records, "head": {"id": head_id, "hash": head_hash},
                "problems": rep.problems}, text)
    return 0 if rep.ok else 1


def cmd_config(args: argparse.Namespace) -> int:
    from pos_app.shop import config as C
    ctx = _context(args, read_only=args.config_cmd == "show")
    if args.config_cmd == "network":
        C.set_network(ctx.store, args.spec)
    elif args.config_cmd == "merchant":
        C.set_merchant(ctx.store, args.address)
    elif args.config_cmd == "token":
        C.set_token(ctx.store, args.address)
    elif args.config_cmd == "expiry":
        C.set_expiry_minutes(ctx.store, args.minutes)
    elif args.config_cmd == "qr-format":
        C.set_qr_format(ctx.store, args.format)
    elif args.config_cmd == "language":
        C.set_language(ctx.store, args.lang)
    elif args.config_cmd == "till":
        C.set_till(ctx.store, args.spec)
    elif args.config_cmd == "offline-limit":
        if not str(args.value).strip().isascii():  # "٣" would pass str.isdigit() and int()
            raise BadInput("Write the limit with the digits 0-9.")
        from pos_app.offline.risk import with_limit
        ctx.offline.set_limits(with_limit(ctx.offline.limits(), args.name, args.value))
    cfg = ctx.config
    d = cfg.to_dict()
    d["network"] = cfg.network.name
    if cfg.network.token:
        info = None
        try:
            info = ctx.token_info() if cfg.network.embedded else _cached_info(ctx)
        except (PosError, sqlite3.Error):  # sqlite3: the demo token's facts not saved on a full disk
            info = _cached_info(ctx) if cfg.network.embedded else None
        d.update({"decimals": info.decimals if info else None, "symbol": info.symbol if info else None,
                  "eip712_name": info.eip712_name if info else None,
                  "eip712_version": info.eip712_version if info else None})
    else:
        d.update({"decimals": None, "symbol": None, "eip712_name": None, "eip712_version": None})
        info = None
    from pos_app.chain.token_cache import describe_offline_kinds  # what the token was probed to settle
    features = info.features if info else None
    d["offline_kinds"] = describe_offline_kinds(features) if cfg.network.token else None
    d["offline_limits"] = ctx.offline.limits().to_dict()
    d["data_dir"] = str(ctx.data_dir)
    from pos_app.store.audit import verify  # the start-up check, also here (issue 10, finding 8)
    audit = verify(ctx.store, ctx.data_dir)
    d["audit"] = ("ok" if audit.ok else
                  f"{len(audit.problems)} problem(s), records changed outside the app: sompos audit verify")
    text = "\n".join(f"{k:15} {'' if v is None else v}" for k, v in d.items())
    d["token_features"] = features.to_dict() if features else None  # JSON only; the line above says it
    if d.get("token") and d["decimals"] is None:
        text += "\n(token details are read from the chain at the first `sompos sync --once`)"
    _out(args, d, text)
    return 0


def _cached_info(ctx):
    from pos_app.chain.token_cache import cached_token_info
    net = ctx.config.network
    return cached_token_info(ctx.store, net.chain_id, net.token)


def cmd_demo(args: argparse.Namespace) -> int:
    if not args.headless:
        from pos_app.ui.shell.app import run_app
        return run_app(args.data_dir, demo=True)
    from pos_app.app.demo.headless import run_headless_demo
    return run_headless_demo(amount_text=args.amount, pay=args.pay, data_dir=args.data_dir,
                             json_output=args.json)


def build_parser() -> argparse.ArgumentParser:
    # The options work before or after the command; SUPPRESS keeps a subcommand's default from
    # overwriting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="folder for the shop database (default: your user data folder)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    p = _Parser(prog="sompos", description="Som POS: take digital som payments, online or offline.")
    # Separate option objects: argparse shares a parent's actions, so giving the top-level ones
    # a default through `parents` would also reset the subcommands' options.
    p.add_argument("--data-dir", default=None, help="folder for the shop database (default: your user data folder)")
    p.add_argument("--json", action="store_true", default=False, help="machine-readable output")
    p.add_argument("--new-shop", action="store_true", default=False,
                   help="start a new, empty shop where the shop database is empty (the empty file is kept aside)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    r = sub.add_parser("request", parents=[common], help="create an invoice and its QR payment request")
    r.add_argument("--amount", required=True, help="amount in som, e.g. 150 or 150,50")
    r.add_argument("--format", choices=["eip681", "metamask", "trust", "address"])
    r.add_argument("--qr", metavar="FILE.png", help="also write the QR code as a PNG")
    r.add_argument("--memo", help="a note kept with the invoice")
    r.set_defaults(func=cmd_request)

    i = sub.add_parser("invoices", parents=[common], help="list invoices, newest first")
    i.add_argument("--limit", type=_whole("the number of invoices", 1, 1_000_000), default=100,
                   help="how many invoices to show (1 to 1,000,000)")
    i.set_defaults(func=cmd_invoices)

    u = sub.add_parser("unmatched", parents=[common], help="payments that match no invoice")
    u.set_defaults(func=cmd_unmatched)
    au = sub.add_parser("audit", parents=[common], help="check the audit log, its anchor and every invoice")
    ausub = au.add_subparsers(dest="audit_cmd", metavar="ACTION", parser_class=_Parser, required=True)
    av = ausub.add_parser("verify", parents=[common], help="exit 0 when nothing was changed behind the app's back")
    av.add_argument("--head", metavar="ID:HASH", action="append", default=[], type=_audit_head,
                    help="also hold to this audit head, as another till recorded it from this till's hand-over file")
    au.set_defaults(func=cmd_audit)
    a = sub.add_parser("assign", parents=[common], help="assign an unmatched payment to an invoice (audited)")
    a.add_argument("payment", type=_whole("the payment number"))
    a.add_argument("invoice", type=_whole("the invoice number"))
    a.add_argument("--actor", default="cashier", help="who decides (recorded in the audit log)")
    a.set_defaults(func=cmd_assign)

    s = sub.add_parser("sync", parents=[common],
                       help="send the offline queue and check the chain until all is final (or --deadline)")
    s.add_argument("--once", action="store_true", help="one pass (payments and the offline queue), then exit")
    s.add_argument("--watch", action="store_true", help="keep watching and sending until Ctrl+C")
    s.add_argument("--deadline", type=_seconds, default="600",
                   help="without --once/--watch: give up after this many seconds")
    s.add_argument("--no-relay", action="store_true", help="do not unlock the relay key (raw transactions only)")
    s.set_defaults(func=cmd_sync)

    c = sub.add_parser("config", parents=[common], help="show or change settings")
    csub = c.add_subparsers(dest="config_cmd", metavar="SETTING", parser_class=_Parser, required=True)
    csub.add_parser("show", parents=[common], help="current settings")
    n = csub.add_parser("network", parents=[common], help="bsc, bsc-testnet, local, demo or a .toml profile")
    n.add_argument("spec")
    m = csub.add_parser("merchant", parents=[common], help="the address that receives payments")
    m.add_argument("address")
    t = csub.add_parser("token", parents=[common], help="the som token contract on this network")
    t.add_argument("address")
    e = csub.add_parser("expiry", parents=[common], help="invoice expiry in minutes")
    e.add_argument("minutes")
    q = csub.add_parser("qr-format", parents=[common], help="default QR format")
    q.add_argument("format")
    tl = csub.add_parser("till", parents=[common],
                         help="this till's number among the tills sharing the shop address, e.g. 2/3")
    tl.add_argument("spec", help="NUMBER/COUNT, e.g. 2/3 (1/1 for a single till)")
    lg = csub.add_parser("language", parents=[common], help="ky, ru or en")
    lg.add_argument("lang")
    ol = csub.add_parser("offline-limit", parents=[common],
                         help="per-payment|total|unknown-payer (som), max-items, warn-after|refuse-after (hours), "
                              "max-offline-days|stale-snapshot-days")
    ol.add_argument("name")
    ol.add_argument("value")
    c.set_defaults(func=cmd_config)

    d = sub.add_parser("demo", parents=[common], help="a full sale on the embedded demo network")
    d.add_argument("--headless", action="store_true", help="run in the terminal (no window)")
    d.add_argument("--amount", default="150,00", help="sale amount in som")
    d.add_argument("--pay", choices=["exact", "partial", "over", "none"], default="exact",
                   help="what the demo customer pays")
    d.set_defaults(func=cmd_demo)

    from pos_app.cli.offline import register as register_offline
    register_offline(sub, common, _Parser)
    from pos_app.cli.sync import register as register_sync
    register_sync(sub, common, _Parser)

    g = sub.add_parser("app", parents=[common], help="open the point-of-sale window (the default)")
    g.set_defaults(func=cmd_app)
    return p


def cmd_app(args: argparse.Namespace) -> int:
    from pos_app.ui.shell.app import run_app
    return run_app(args.data_dir, demo=False)


def main(argv: Sequence[str] | None = None) -> int:
    from pos_app.core.text import safe_text
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            if getattr(args, "new_shop", False):
                ctx = _context(args)
                _out(args, {"data_dir": str(ctx.data_dir)}, f"a new shop was started in {ctx.data_dir}")
                return 0
            parser.print_help()
            return 0
        return int(args.func(args) or 0)
    except BadInput as exc:
        print(f"sompos: error: {safe_text(exc.user_message)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PosError as exc:
        log.error("command failed: %s (%s)", exc.user_message, exc.detail)
        print(f"sompos: error: {safe_text(exc.user_message)}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except Exception:  # noqa: BLE001 - never a traceback on screen
        log.exception("unexpected failure")
        print("sompos: error: something unexpected went wrong; details are in sompos.log in the data folder.",
              file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
