"""``sompos queue list|export|import|send-again|take-back|resolve``: the offline payments queue.

``export`` hands the unsent payments to another till in a signed file, ``import`` takes such a
file in (or takes this till's own payments back), ``take-back`` sends handed-off payments from
here again, ``resolve`` closes a failed one.
"""
from __future__ import annotations

import argparse
import time
from typing import Any

from pos_app.app.till import Till
from pos_app.cli.output import (
    NOT_SET_UP, words, actor_name, add_actions, add_command, duration_text, file_name, known_token_info, offline_item_dict, open_context,
    out, som_text, whole,
)
from pos_app.core.money import format_som_plain
from pos_app.core.errors import BadInput


def cmd_list(args: argparse.Namespace) -> int:
    """Reads only: the token's facts as cached (no node is asked), limits in som and hours."""
    ctx = open_context(args, read_only=True)
    cfg = ctx.config
    info = known_token_info(ctx)
    decimals = info.decimals if info else None
    items = ctx.offline.list()
    s = ctx.offline.summary(cfg.network.chain_id)
    data = {"pending": s.pending_count, "pending_amount": format_som_plain(s.pending_tyiyn),
            "unsent": s.unsent_count, "failed": s.failed_count, "deadline": s.deadline,
            "last_sync_at": s.last_sync_at, "limits": s.limits.to_dict(),
            "items": [offline_item_dict(i, decimals) for i in items]}
    lines = [f"{s.pending_count} pending ({som_text(s.pending_tyiyn)}), {s.unsent_count} not sent yet, "
             f"{s.failed_count} failed"]
    if s.last_sync_at is None:
        lines.append("this till has never been online: it cannot take payments offline until it connects once "
                     "(sompos sync --once)")
    elif info is None and cfg.network.token:
        lines.append(words().message(NOT_SET_UP))
    if s.deadline is not None:
        left = s.deadline - int(time.time())
        lines.append(f"send before {time.strftime('%Y-%m-%d %H:%M', time.localtime(s.deadline))} "
                     f"({duration_text(left)} left)")
    shop = words()
    for i in items:
        d = offline_item_dict(i, decimals)
        amount = f"{d['amount']} som" if decimals is not None else f"{d['amount_base']} base units"
        lines.append(f"#{i.id:<5} {i.state.value:<18} {amount:>18} invoice {i.invoice_id:<6} {i.payer} "
                     f"{shop.reason(i.why)}")
    out(args, data, "\n".join(lines))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    result = ctx.export_handover(args.file, include_handed_off=args.again)
    out(args, result.to_dict(),
        f"exported {result.count} unsent payments to {args.file} (device {result.device}); "
        f"this till will no longer send them")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pos_app.handover.own_file import own_file_returned
    from pos_app.handover.pairing import show_fingerprint
    ctx = open_context(args)
    result = ctx.import_handover(args.file, expect_device=args.expect_device)
    if own_file_returned(result, ctx.data_dir, expect_device=args.expect_device):
        out(args, result.to_dict(), f"this till's own file: {len(result.taken_back)} payments taken back; "
                                    f"this till sends them again")
        return 0
    lines = ([f"paired with till {show_fingerprint(result.device)}"] if result.paired_now else [])
    lines += [f"imported {result.added} payments from till {show_fingerprint(result.device)}, "
              f"{result.already_there} were already here"]
    lines += [f"refused line {r.line}: {words().error(r)}" for r in result.refused]
    out(args, result.to_dict(), "\n".join(lines))
    return 0


def cmd_take_back(args: argparse.Namespace) -> int:
    from pos_app.core.reasons import R
    ctx = open_context(args)
    if not args.items and not args.all:
        raise BadInput("cli.name_offline_payments_take")
    ids = Till(ctx).take_back(None if args.all else [int(i) for i in args.items], actor="cli",
                              reason=args.note or R("taken_back_by_person"))
    out(args, {"taken_back": ids}, f"{len(ids)} handed-off payments taken back; this till sends them again")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    action = "collect_again" if args.collect_again else "resolved"
    item = Till(ctx).resolve_failure(int(args.item), action, actor="cli", note=args.note or "")
    word = "cancelled its sale; charge the customer again" if action == "collect_again" else "marked resolved"
    out(args, {"id": item.id, "resolution": item.resolution}, f"offline payment {item.id}: {word}")
    return 0


def cmd_send_again(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    item = Till(ctx).send_again(int(args.item), actor=args.actor)
    out(args, {"id": item.id, "state": item.state.value},
        f"offline payment {item.id}: back in line; it is sent again at the next pass")
    return 0


def register(sub: Any) -> None:
    q = add_command(sub, "queue", help="the offline payments queue")
    qsub = add_actions(q, "queue_cmd", "ACTION")
    add_command(qsub, "list", help="every offline payment with its state").set_defaults(func=cmd_list)
    e = add_command(qsub, "export", help="write the unsent queue to a signed file for another machine")
    e.add_argument("file", type=file_name)
    e.add_argument("--again", action="store_true", help="include payments already exported (a lost stick)")
    e.set_defaults(func=cmd_export)
    i = add_command(qsub, "import", help="load a queue file exported by another machine")
    i.add_argument("file", type=file_name)
    i.add_argument("--expect-device", metavar="NUMBER",
                   help="the other till's 16-character number, compared on both screens: pairs it")
    i.set_defaults(func=cmd_import)
    a = add_command(qsub, "send-again", help="put an offline payment that needs attention back in line")
    a.add_argument("item", type=whole("the payment number"), help="offline payment number")
    a.add_argument("--actor", default="cli", type=actor_name, help="who did it (audit)")
    a.set_defaults(func=cmd_send_again)
    t = add_command(qsub, "take-back", help="send handed-off payments from this till again (a lost file)")
    t.add_argument("items", nargs="*", type=whole("the payment number"), help="offline payment numbers")
    t.add_argument("--all", action="store_true", help="every handed-off payment")
    t.add_argument("--note", default="")
    t.set_defaults(func=cmd_take_back)
    r = add_command(qsub, "resolve", help="close a failed offline payment")
    r.add_argument("item", type=whole("the payment number"))
    how = r.add_mutually_exclusive_group(required=True)
    how.add_argument("--collect-again", action="store_true", help="cancel its sale; charge the customer again")
    how.add_argument("--resolved", action="store_true", help="settled another way (e.g. cash)")
    r.add_argument("--note", default="")
    r.set_defaults(func=cmd_resolve)
