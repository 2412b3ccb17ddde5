"""What every command group shares: the parser class and the common options, the argument types,
opening the shop from ``--data-dir``, printing text or JSON, the passphrase prompt, exit codes.

The refusals raised here (a bad command line, a QR file that cannot be written, ``usage_error``)
are worded for the terminal only: the GUI never shows them, so they are not in the GUI's
catalogue of translated core messages (``pos_app/ui/shell/core_text.py``).
"""
from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from pos_app.core.errors import BadInput, PosError
from pos_app.core.text import safe_text

__all__ = [
    "EXIT_BAD_INPUT", "EXIT_FAILURE", "EXIT_INTERRUPTED", "EXIT_OK", "PASSPHRASE_ENV", "SOURCE_PASSPHRASE_ENV",
    "CliParser", "add_actions", "add_command", "cached_token_info", "check_qr_target", "common_options", "log",
    "offline_item_dict", "open_context", "out", "passphrase", "safe_text", "seconds", "usage_error", "whole",
]

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_FAILURE = 3
EXIT_INTERRUPTED = 130

PASSPHRASE_ENV = "SOMPOS_RELAY_PASSPHRASE"
SOURCE_PASSPHRASE_ENV = "SOMPOS_RELAY_SOURCE_PASSPHRASE"

log = logging.getLogger("pos_app.cli.main")  # one logger name for the CLI, as before the split


class CliParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not the usage dump
        raise BadInput(f"{message} (see: {self.prog} --help)")


def usage_error(message: str) -> BadInput:
    """A refusal of what was typed on the command line, worded for the terminal (not the GUI)."""
    return BadInput(message)


def common_options() -> argparse.ArgumentParser:
    """``--data-dir`` and ``--json`` for a subcommand. They work before or after the command;
    SUPPRESS keeps a subcommand's default from overwriting a value given before it."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help="folder for the shop database (default: your user data folder)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    return common


def add_command(sub: Any, name: str, *, help: str) -> argparse.ArgumentParser:  # noqa: A002 - argparse's word
    """A (sub)command with the common options."""
    return sub.add_parser(name, parents=[common_options()], help=help)


def add_actions(parser: argparse.ArgumentParser, dest: str, metavar: str) -> Any:
    """The required second word of a command (``sompos queue ACTION``)."""
    return parser.add_subparsers(dest=dest, metavar=metavar, parser_class=CliParser, required=True)


def out(args: argparse.Namespace, data: Any, text: str) -> None:
    """Print the result; whatever came from outside (a memo, a profile name) cannot drive the terminal:
    text output is cleaned line by line, JSON keeps the data but escapes invisible characters."""
    from pos_app.core.text import escape_json_text, safe_lines
    print(escape_json_text(json.dumps(data, ensure_ascii=False, indent=2)) if getattr(args, "json", False)
          else safe_lines(text))


# -- argument types: checked while parsing, so a bad value stops the command before it writes -----
def whole(what: str, minimum: int = 1, maximum: int = 10**12):
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


def seconds(text: str) -> float:
    """An argparse type: a positive number of seconds (no nan, inf, negative or non-ASCII digits)."""
    from pos_app.core.money import parse_seconds
    value = parse_seconds(text)
    if value is None:
        raise argparse.ArgumentTypeError("give the deadline as a positive number of seconds, e.g. 600")
    return float(value)  # a timer, not money


def check_qr_target(target: str) -> Path:
    """Check the QR picture can be written at ``target`` before anything is saved.

    Tries for real (the folder may be read-only or full even for root): an existing file is
    opened for appending and left as it is; a new one is created and removed again.
    """
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


# -- the shop and its secrets ---------------------------------------------------------------------
def open_context(args: argparse.Namespace, *, read_only: bool = False):
    """The app for ``--data-dir``. ``read_only`` commands (they only show things) still work on a
    full disk, where the database cannot be opened the ordinary way: see pos_app/store/readonly.py."""
    from pos_app.app.context import AppContext, setup_logging
    from pos_app.core.errors import StorageError
    from pos_app.shop.config import default_data_dir
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


def cached_token_info(ctx):
    """The token's facts as last saved (None if never read); never goes to the chain."""
    from pos_app.chain.token_cache import cached_token_info as cached
    net = ctx.config.network
    return cached(ctx.store, net.chain_id, net.token)


def passphrase(prompt: str, *, confirm: bool = False) -> str:
    """The relay key's passphrase from ``SOMPOS_RELAY_PASSPHRASE`` or typed at the terminal; never a
    command-line argument (it would land in the shell history)."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise BadInput("Give the relay key's passphrase in SOMPOS_RELAY_PASSPHRASE or type it at a terminal.")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise BadInput("The two passphrases differ; nothing was changed.")
    return first


def offline_item_dict(item, decimals: int) -> dict[str, Any]:
    """An offline queue item as ``payload accept`` and ``queue list`` print it in JSON."""
    from pos_app.core.money import base_units_to_decimal_str
    return {"id": item.id, "kind": item.kind, "state": item.state.value, "payer": item.payer,
            "amount": base_units_to_decimal_str(item.amount_base, decimals), "invoice": item.invoice_id,
            "key": item.key, "tx_hash": item.tx_hash, "reason": item.reason, "received_at": item.received_at,
            "updated_at": item.updated_at, "valid_before": item.valid_before}
