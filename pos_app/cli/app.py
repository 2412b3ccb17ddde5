"""``sompos app``: the point-of-sale window."""
from __future__ import annotations

import argparse
from typing import Any

from pos_app.cli.output import add_command


def cmd_app(args: argparse.Namespace) -> int:
    from pos_app.ui.shell.app import run_app  # Qt only when the window is asked for
    return run_app(args.data_dir, demo=False)


def register(sub: Any) -> None:
    g = add_command(sub, "app", help="open the point-of-sale window (the default)")
    g.set_defaults(func=cmd_app)
