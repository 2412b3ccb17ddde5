"""``sompos payload check|accept`` and ``sompos queue list``: offline acceptance from the terminal.

``payload check`` prints the verdict and changes nothing; ``payload accept`` commits the payment
to the durable queue for an invoice and prints "accepted" only after the commit.
"""
from __future__ import annotations

import argparse
import time
from typing import Any

from pos_app.core.errors import BadInput


def cmd_payload(args: argparse.Namespace) -> int:
    from pos_app.cli.main import _context, _out
    from pos_app.offline.sources import read_payload_source
    ctx = _context(args)
    facts = ctx.offline_facts()
    if args.payload_cmd == "check":
        from pos_app.core.money import parse_amount, tyiyn_to_base_units
        due = tyiyn_to_base_units(parse_amount(args.amount), facts.decimals)
        try:
            text = read_payload_source(args.source)
        except BadInput as err:
            from pos_app.offline.queue import refused
            verdict = refused(err)
        else:
            verdict = ctx.offline.evaluate(text, facts, due_base=due)
        data = verdict.to_json(facts.decimals)
        line = ("OK: " if verdict.ok else "REFUSED: ") + verdict.reason
        if verdict.ok and verdict.warnings:
            line += " Warnings: " + ", ".join(verdict.warnings)
        _out(args, data, line)
        return 0 if verdict.ok else 1
    text = read_payload_source(args.source)
    item, duplicate = ctx.offline.accept(text, int(args.invoice), facts, source="cli")
    data = _item_dict(item, facts.decimals)
    data["duplicate"] = duplicate
    word = "already accepted" if duplicate else "accepted"
    _out(args, data, f"{word}: offline payment {item.id} for invoice {item.invoice_id} "
                     f"({data['amount']} from {item.payer}), pending network")
    return 0


def _item_dict(item, decimals: int) -> dict[str, Any]:
    from pos_app.core.money import base_units_to_decimal_str
    return {"id": item.id, "kind": item.kind, "state": item.state.value, "payer": item.payer,
            "amount": base_units_to_decimal_str(item.amount_base, decimals), "invoice": item.invoice_id,
            "key": item.key, "tx_hash": item.tx_hash, "reason": item.reason, "received_at": item.received_at,
            "updated_at": item.updated_at, "valid_before": item.valid_before}


def cmd_queue(args: argparse.Namespace) -> int:
    from pos_app.cli.main import _context, _out
    if args.queue_cmd != "list":
        from pos_app.cli.sync import dispatch_queue
        return dispatch_queue(args)
    import sqlite3

    from pos_app.core.money import format_som_plain
    ctx = _context(args, read_only=True)
    cfg = ctx.config
    try:
        info = ctx.token_info()
    except sqlite3.Error:  # a full disk: the facts as cached (queue list only reads)
        from pos_app.cli.main import _cached_info
        info = _cached_info(ctx)
        if info is None:
            raise
    items = ctx.offline.list()
    s = ctx.offline.summary(cfg.network.chain_id)
    data = {"pending": s.pending_count, "pending_amount": format_som_plain(s.pending_tyiyn),
            "unsent": s.unsent_count, "failed": s.failed_count, "deadline": s.deadline,
            "last_sync_at": s.last_sync_at, "limits": s.limits.to_dict(),
            "items": [_item_dict(i, info.decimals) for i in items]}
    lines = [f"{s.pending_count} pending ({format_som_plain(s.pending_tyiyn)} som), {s.unsent_count} not sent yet, "
             f"{s.failed_count} failed"]
    if s.deadline is not None:
        left = s.deadline - int(time.time())
        lines.append(f"send before {time.strftime('%Y-%m-%d %H:%M', time.localtime(s.deadline))} "
                     f"({max(left, 0) // 3600} h {max(left, 0) % 3600 // 60} min left)")
    for i in items:
        d = _item_dict(i, info.decimals)
        lines.append(f"#{i.id:<5} {i.state.value:<18} {d['amount']:>14} invoice {i.invoice_id:<6} {i.payer} "
                     f"{i.reason}")
    _out(args, data, "\n".join(lines))
    return 0


def register(sub: Any, common: argparse.ArgumentParser, parser_class: type) -> None:
    p = sub.add_parser("payload", parents=[common], help="check or accept a customer-signed offline payment")
    psub = p.add_subparsers(dest="payload_cmd", metavar="ACTION", parser_class=parser_class, required=True)
    c = psub.add_parser("check", parents=[common], help="print the verdict; changes nothing")
    c.add_argument("--amount", required=True, help="the sale amount in som, e.g. 150.00")
    c.add_argument("source", nargs="?", default="-", help="file (text or QR picture) or - for standard input")
    a = psub.add_parser("accept", parents=[common], help="accept for an invoice into the offline queue")
    from pos_app.cli.main import _whole
    a.add_argument("--invoice", required=True, type=_whole("the invoice number"), help="invoice number")
    a.add_argument("source", nargs="?", default="-", help="file (text or QR picture) or - for standard input")
    p.set_defaults(func=cmd_payload)
    q = sub.add_parser("queue", parents=[common], help="the offline payments queue")
    qsub = q.add_subparsers(dest="queue_cmd", metavar="ACTION", parser_class=parser_class, required=True)
    qsub.add_parser("list", parents=[common], help="every offline payment with its state")
    from pos_app.cli.sync import register_queue_actions
    register_queue_actions(qsub, common)
    q.set_defaults(func=cmd_queue)
