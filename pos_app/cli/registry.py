"""The ``sompos`` parser, built from the command groups.

Each group module (``GROUPS``, in the order ``sompos --help`` lists them) has ``register(sub)``,
which adds its commands to the subcommand set ``sub`` and sets each command's handler as the
parser default ``func``. A group imports only ``cli.output`` and the core, never another group.
"""
from __future__ import annotations

import argparse
from types import ModuleType

from pos_app.cli import app, audit, config, demo, device, install, payers, payload, queue, relay, sales, sync
from pos_app.cli.output import CliParser

GROUPS: tuple[ModuleType, ...] = (sales, payers, audit, sync, config, demo, payload, queue, relay, device, install,
                                  app)


def build_parser() -> argparse.ArgumentParser:
    p = CliParser(prog="sompos", description="Som POS: take digital som payments, online or offline.")
    # The top level's own option objects: argparse shares a parent's actions, so giving these a
    # default through `parents` would also reset the subcommands' options (cli.output.common_options).
    p.add_argument("--data-dir", default=None, help="folder for the shop database (default: your user data folder)")
    p.add_argument("--json", action="store_true", default=False, help="machine-readable output")
    p.add_argument("--new-shop", action="store_true", default=False,
                   help="start a new, empty shop where the shop database is empty (the empty file is kept aside)")
    p.add_argument("--self-test", action="store_true", default=False,
                   help="check this installation (database, QR, translations, a demo payment) and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=CliParser)
    for group in GROUPS:
        group.register(sub)
    return p
