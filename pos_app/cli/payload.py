"""``sompos payload check|accept``: offline acceptance from the terminal.

``payload check`` prints the verdict and changes nothing; ``payload accept`` commits the payment
to the durable queue for an invoice and prints "accepted" only after the commit.
"""
from __future__ import annotations

import argparse
from typing import Any

from pos_app.cli.output import (
    add_actions, add_command, offline_item_dict, open_context, out, require_token_facts, whole,
)
from pos_app.core.errors import BadInput


def cmd_payload(args: argparse.Namespace) -> int:
    """A till that has not read the token's facts from the chain says so at once: no node is asked
    here (a shop taking payments offline is, most likely, offline)."""
    # Imported here, not at the top: every start of the app builds this parser, and the payload
    # decoder (eth-keys, rlp) costs ~15 ms of a frozen app's cold start.
    from pos_app.offline.payload import PayloadRefused
    from pos_app.offline.sources import read_payload_source
    ctx = open_context(args)
    if args.payload_cmd == "check":
        from pos_app.core.money import parse_amount, tyiyn_to_base_units
        from pos_app.offline.queue import refused
        amount = parse_amount(args.amount)
        try:
            require_token_facts(ctx)
        except PayloadRefused as err:
            verdict, decimals = refused(err), None
        else:
            facts = ctx.offline_facts()
            decimals = facts.decimals
            try:
                text = read_payload_source(args.source)
            except BadInput as err:
                verdict = refused(err)
            else:
                verdict = ctx.offline.evaluate(text, facts, due_base=tyiyn_to_base_units(amount, decimals))
        data = verdict.to_json(decimals)
        line = ("OK: " if verdict.ok else "REFUSED: ") + verdict.reason
        if verdict.code == "never_synced":
            line += " (sompos sync --once)"
        if verdict.ok and verdict.warnings:
            line += " Warnings: " + ", ".join(verdict.warnings)
        out(args, data, line)
        return 0 if verdict.ok else 1
    require_token_facts(ctx)
    facts = ctx.offline_facts()
    text = read_payload_source(args.source)
    item, duplicate = ctx.offline.accept(text, int(args.invoice), facts, source="cli")
    data = offline_item_dict(item, facts.decimals)
    data["duplicate"] = duplicate
    word = "already accepted" if duplicate else "accepted"
    out(args, data, f"{word}: offline payment {item.id} for invoice {item.invoice_id} "
                    f"({data['amount']} som from {item.payer}), pending network")
    return 0


def register(sub: Any) -> None:
    p = add_command(sub, "payload", help="check or accept a customer-signed offline payment")
    psub = add_actions(p, "payload_cmd", "ACTION")
    c = add_command(psub, "check", help="print the verdict; changes nothing")
    c.add_argument("--amount", required=True, help="the sale amount in som, e.g. 150.00")
    c.add_argument("source", nargs="?", default="-", help="file (text or QR picture) or - for standard input")
    a = add_command(psub, "accept", help="accept for an invoice into the offline queue")
    a.add_argument("--invoice", required=True, type=whole("the invoice number"), help="invoice number")
    a.add_argument("source", nargs="?", default="-", help="file (text or QR picture) or - for standard input")
    p.set_defaults(func=cmd_payload)
