"""``sompos demo``: a whole sale on the embedded demo network, in a window or in the terminal."""
from __future__ import annotations

import argparse
from typing import Any

from pos_app.cli.output import add_command


def cmd_demo(args: argparse.Namespace) -> int:
    if not args.headless:
        from pos_app.ui.shell.app import run_app  # Qt only when a window is asked for
        return run_app(args.data_dir, demo=True)
    from pos_app.app.demo.headless import run_headless_demo
    return run_headless_demo(amount_text=args.amount, pay=args.pay, data_dir=args.data_dir,
                             json_output=args.json)


def register(sub: Any) -> None:
    d = add_command(sub, "demo", help="a full sale on the embedded demo network")
    d.add_argument("--headless", action="store_true", help="run in the terminal (no window)")
    d.add_argument("--amount", default="150,00", help="sale amount in som")
    d.add_argument("--pay", choices=["exact", "partial", "over", "none"], default="exact",
                   help="what the demo customer pays")
    d.set_defaults(func=cmd_demo)
