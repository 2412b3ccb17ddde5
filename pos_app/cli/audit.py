"""``sompos audit verify``: is the audit log whole, and does it agree with the invoices?"""
from __future__ import annotations

import argparse
from typing import Any

from pos_app.cli.output import add_actions, add_command, open_context, out


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
    ctx = open_context(args, read_only=True)
    rep = verify(ctx.store, ctx.data_dir)
    for head in getattr(args, "head", None) or []:
        rep.problems.extend(ctx.store.verify_against(head))
    # Sales and payments agree: a sale the chain settled is covered by final payments (issue 18, 9).
    rep.problems.extend(f"sale {i} is settled but its final payments no longer cover it (reopened at the"
                        f" next start)" for i in ctx.service.unbacked_settled())
    head_id, head_hash = rep.head
    text = "\n".join([f"audit log: {rep.records} records, newest {head_id} ({head_hash[:16]})",
                      *(f"PROBLEM: {p}" for p in rep.problems),
                      "everything agrees" if rep.ok else f"{len(rep.problems)} problem(s) found"])
    out(args, {"ok": rep.ok, "records": rep.records, "head": {"id": head_id, "hash": head_hash},
               "problems": rep.problems}, text)
    return 0 if rep.ok else 1


def register(sub: Any) -> None:
    au = add_command(sub, "audit", help="check the audit log, its anchor and every invoice")
    ausub = add_actions(au, "audit_cmd", "ACTION")
    av = add_command(ausub, "verify", help="exit 0 when nothing was changed behind the app's back")
    av.add_argument("--head", metavar="ID:HASH", action="append", default=[], type=_audit_head,
                    help="also hold to this audit head, as another till recorded it from this till's hand-over file")
    au.set_defaults(func=cmd_audit)
