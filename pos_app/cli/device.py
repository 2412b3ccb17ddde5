"""``sompos device show|list|forget``: this till's number, and the tills it takes hand-over files from."""
from __future__ import annotations

import argparse
from typing import Any

from pos_app.cli.output import add_actions, add_command, open_context, out


def cmd_device(args: argparse.Namespace) -> int:
    from pos_app.handover.pairing import Pairings, show_fingerprint
    from pos_app.keys.device import device_fingerprint
    ctx = open_context(args)
    pairings = Pairings(ctx.store)
    if args.device_cmd == "forget":
        pairings.forget(args.fingerprint, actor="cli")
    if args.device_cmd == "show":
        fp = device_fingerprint(ctx.data_dir)
        out(args, {"device": fp}, f"this till's number: {show_fingerprint(fp)}")
        return 0
    devices = pairings.list()
    out(args, {"paired": [vars(d) for d in devices]},
        "\n".join(f"{show_fingerprint(d.fingerprint)}  paired {d.accepted_at} by {d.accepted_by}" for d in devices)
        or "no paired tills")
    return 0


def register(sub: Any) -> None:
    d = add_command(sub, "device", help="this till's number, and the tills it takes files from")
    dsub = add_actions(d, "device_cmd", "ACTION")
    add_command(dsub, "show", help="this till's number (compare it on the other till)")
    add_command(dsub, "list", help="paired tills")
    f = add_command(dsub, "forget", help="stop taking files from a till")
    f.add_argument("fingerprint")
    d.set_defaults(func=cmd_device)
