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
from typing import Any, Sequence

from pos_app.core.errors import BadInput, PosError
from pos_app.core.text import safe_text

__all__ = [
    "EXIT_BAD_INPUT", "EXIT_FAILURE", "EXIT_INTERRUPTED", "EXIT_OK", "PASSPHRASE_ENV", "SOURCE_PASSPHRASE_ENV",
    "NOT_SET_UP", "CliParser", "cli_language", "start_command", "words", "add_actions", "add_command", "cached_token_info", "check_qr_target",
    "common_options", "duration_text", "file_name", "known_token_info", "log", "offline_item_dict", "open_context",
    "out",
    "passphrase", "passphrase_at_hand", "require_token_facts", "safe_text", "seconds", "som_text", "usage_error", "whole",
]

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_FAILURE = 3
EXIT_INTERRUPTED = 130

PASSPHRASE_ENV = "SOMPOS_RELAY_PASSPHRASE"
SOURCE_PASSPHRASE_ENV = "SOMPOS_RELAY_SOURCE_PASSPHRASE"

log = logging.getLogger("pos_app.cli.main")  # one logger name for the CLI, as before the split
# Until the data folder's log file is set up (``open_context``), a record logged by the app must
# not reach logging's last resort, which prints it (and a traceback) on stderr: a refusal before
# the shop is opened is still one line. Records still propagate to the log file once there is one.
logging.getLogger("pos_app").addHandler(logging.NullHandler())


class CliParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not the usage dump
        raise BadInput("cli.usage", message=message, prog=self.prog)


def usage_error(key: str, **params: object) -> BadInput:
    """A refusal of what was typed on the command line (a key of ``pos_app/core/messages.py``)."""
    return BadInput(key, **params)


def common_options() -> argparse.ArgumentParser:
    """``--data-dir`` and ``--json`` for a subcommand. They work before or after the command;
    SUPPRESS keeps a subcommand's default from overwriting a value given before it."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, type=file_name,
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


def history_json(row: dict[str, Any]) -> dict[str, Any]:
    """A history row for ``--json``: its reason's code and parameters (a program's to read), and
    ``reason``, the English line; a row without a code (a person's words) has ``code`` null."""
    from pos_app.core.reasons import Reason
    why = row.get("why")
    out_row = {k: v for k, v in row.items() if k not in ("why", "params")}
    out_row.update(why.to_dict() if isinstance(why, Reason) else {"code": None, "params": {}})
    return out_row


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


def file_name(text: str) -> str:
    """An argparse type for every file or folder named on the command line: a name no file system
    here can hold (too long) stops the command while parsing, in one line, before anything is
    read or written (``core.files.check_file_name``, the same words the reading code uses)."""
    from pos_app.core.files import check_file_name
    try:
        check_file_name(text)
    except BadInput as exc:
        raise argparse.ArgumentTypeError(words().error(exc)) from None
    return text


def check_qr_target(target: str) -> Path:
    """Check the QR picture can be written at ``target`` before anything is saved.

    Tries for real (the folder may be read-only or full even for root): an existing file is
    opened for appending and left as it is; a new one is created and removed again. Whatever
    the system refuses (a name too long, no permission) is said in one line.
    """
    from pos_app.core.files import check_file_name, is_name_too_long, name_refusal
    shown = safe_text(target, limit=200)
    path = check_file_name(target)
    try:
        if path.is_dir():
            raise BadInput("cli.qr_target_is_folder", file=shown)
        if not path.parent.is_dir():
            raise BadInput("cli.qr_folder_missing", file=shown)
    except OSError as exc:
        if is_name_too_long(exc):
            raise name_refusal(target) from None
        raise BadInput("cli.qr_cannot_write", file=shown, problem=str(exc.strerror or exc)) from None
    try:
        if path.exists():
            if not path.is_file():
                raise BadInput("cli.qr_target_not_ordinary", file=shown)
            with open(path, "ab"):
                pass
        else:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            os.close(fd)
            path.unlink()
    except OSError as exc:
        if is_name_too_long(exc):
            raise name_refusal(target) from None
        raise BadInput("cli.qr_cannot_write", file=shown, problem=str(exc.strerror or exc)) from None
    return path


# -- the shop and its secrets ---------------------------------------------------------------------
# The language the CLI speaks: ``SOMPOS_LANG`` when set (en, ru, ky), else the shop's own setting
# once its database is open, else English (a refusal before any shop is opened).
LANGUAGE_ENV = "SOMPOS_LANG"
_shop_language: str | None = None


def cli_language() -> str:
    from pos_app.text.catalogue import LANGUAGES
    chosen = os.environ.get(LANGUAGE_ENV, "").strip().lower()
    if chosen in ("en", *LANGUAGES):
        return chosen
    return _shop_language if _shop_language in LANGUAGES else "en"


def words():
    """The one catalogue (``pos_app/text/``) in the CLI's language: errors, states, histories."""
    from pos_app.text.render import Words
    return Words.for_language(cli_language())


def start_command(argv: Sequence[str]) -> None:
    """Before the arguments are read: the CLI speaks the language of the shop the command names
    (``--data-dir`` in ``argv``, or an abbreviation argparse accepts, else the default folder),
    read from its database read-only, so a refusal of the arguments themselves is in it too.
    Nothing here raises: a folder that cannot be read, a busy or damaged database, no shop yet
    all leave English until the shop is opened."""
    global _shop_language
    _shop_language = None
    folder = None
    for i, arg in enumerate(argv):
        name, eq, value = arg.partition("=")
        if len(name) >= 4 and "--data-dir".startswith(name):
            folder = value if eq else (argv[i + 1] if i + 1 < len(argv) else None)
    try:
        from pos_app.shop.config import DEFAULT_LANGUAGE, default_data_dir
        from pos_app.store.db import peek_setting
        db = (Path(folder) if folder else default_data_dir()) / "sompos.db"
        lang = peek_setting(db, "language", DEFAULT_LANGUAGE, unreadable=None)
    except Exception:  # noqa: BLE001 - an unusable folder name: the refusal stays in English
        return
    if isinstance(lang, str):
        _shop_language = lang


def _note_shop_language(ctx) -> None:
    global _shop_language
    try:
        _shop_language = ctx.config.language
    except Exception:  # noqa: BLE001 - a shop whose settings do not load still gets its errors, in English
        _shop_language = None


def open_context(args: argparse.Namespace, *, read_only: bool = False):
    """The app for ``--data-dir``. ``read_only`` commands (they only show things) still work on a
    full disk, where the database cannot be opened the ordinary way: see pos_app/store/readonly.py.
    From here on the CLI speaks the shop's language (``cli_language``)."""
    ctx = _open_context(args, read_only=read_only)
    _note_shop_language(ctx)
    return ctx


def _open_context(args: argparse.Namespace, *, read_only: bool = False):
    from pos_app.app.context import AppContext, setup_logging
    from pos_app.core.errors import StorageError
    from pos_app.core.files import check_file_name
    from pos_app.shop.config import default_data_dir
    data_dir = check_file_name(args.data_dir) if args.data_dir else default_data_dir()
    setup_logging(data_dir)
    try:
        return AppContext(data_dir, new_shop=bool(getattr(args, "new_shop", False)))
    except StorageError as exc:
        from pos_app.keys.device import DeviceKeyOnce
        from pos_app.store.readonly import disk_full, open_read_only
        if not (read_only and disk_full(data_dir) and (data_dir / "sompos.db").is_file()):
            raise
        log.warning("the disk is full; reading the shop database read-only (%s)", exc.detail)
        try:
            store = open_read_only(data_dir, device_key=DeviceKeyOnce(data_dir))
        except PosError:
            raise exc from None  # say what the ordinary open said
        return AppContext(data_dir, store=store)


def cached_token_info(ctx):
    """The token's facts as last saved (None if never read); never goes to the chain."""
    from pos_app.chain.token_cache import cached_token_info as cached
    net = ctx.config.network
    return cached(ctx.store, net.chain_id, net.token)


# Said where a command needs the token's facts (decimals, signing name) and this till has never read
# them from the chain: no command waits for a node to find out.
NOT_SET_UP = "cli.token_facts_not_read"


def known_token_info(ctx):
    """The token's facts without waiting for a node: the demo token's fixed facts on the embedded
    demo network, else the facts last read from the chain (None: never online with this token)."""
    import sqlite3
    net = ctx.config.network
    if not net.token:
        return None
    if not net.embedded:
        return cached_token_info(ctx)
    try:
        return ctx.token_info()
    except (PosError, sqlite3.Error):  # sqlite3: the demo token's facts not saved on a full disk
        return cached_token_info(ctx)


def require_token_facts(ctx) -> None:
    """Refuse (``PayloadRefused``, no node asked) when checking an offline payment would need the
    token's facts from the chain: a till that was never online, or never since the token was set."""
    from pos_app.offline.payload import PayloadRefused
    net = ctx.config.network
    if not net.token or net.embedded or cached_token_info(ctx) is not None:
        return  # no token: the check itself says so; the demo token's facts are fixed
    if ctx.offline.summary(net.chain_id).last_sync_at is None:
        raise PayloadRefused("never_synced", "cli.till_never_been_online")
    raise PayloadRefused("token_not_known", NOT_SET_UP)


def som_text(amount) -> str:
    """Tyiyn as the terminal shows them to a shopkeeper: "1250.00 som" (two decimals, a dot)."""
    from pos_app.core.money import format_som_plain
    return f"{format_som_plain(amount)} som"


def duration_text(seconds_: int) -> str:
    """A duration as a shopkeeper reads it: "12 h", "1 h 30 min", "45 min", whole days as "30 days"."""
    seconds_ = max(0, int(seconds_))
    days, rest = divmod(seconds_, 86400)
    if days >= 2 and rest == 0:
        return f"{days} days"
    hours, rest = divmod(seconds_, 3600)
    minutes = rest // 60
    if hours and minutes:
        return f"{hours} h {minutes} min"
    if hours:
        return f"{hours} h"
    return f"{minutes} min" if minutes or not seconds_ else f"{seconds_} s"


def passphrase_at_hand() -> bool:
    """Can ``passphrase`` get the relay key's passphrase without failing (environment or a terminal)?"""
    return os.environ.get(PASSPHRASE_ENV) is not None or sys.stdin.isatty()


def passphrase(prompt: str, *, confirm: bool = False) -> str:
    """The relay key's passphrase from ``SOMPOS_RELAY_PASSPHRASE`` or typed at the terminal; never a
    command-line argument (it would land in the shell history)."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise BadInput("cli.give_relay_key_s")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise BadInput("cli.two_passphrases_differ_nothing")
    return first


def offline_item_dict(item, decimals: int | None) -> dict[str, Any]:
    """An offline queue item as ``payload accept`` and ``queue list`` print it in JSON. ``amount`` is
    exact som text, None while the token's decimals are unknown (``amount_base``: the chain's units)."""
    from pos_app.core.money import base_units_to_decimal_str
    amount = None if decimals is None else base_units_to_decimal_str(item.amount_base, decimals)
    return {"id": item.id, "kind": item.kind, "state": item.state.value, "payer": item.payer,
            "amount": amount, "amount_base": str(item.amount_base), "invoice": item.invoice_id,
            "key": item.key, "tx_hash": item.tx_hash, "reason": item.reason, "received_at": item.received_at,
            "updated_at": item.updated_at, "valid_before": item.valid_before}


ACTOR_MAX = 64


def actor_name(value: str) -> str:
    """``--actor``: one short line of plain text (it goes into the history and the audit log)."""
    from pos_app.core.text import safe_text
    name = safe_text(value).strip()
    if not name or len(name) > ACTOR_MAX:
        raise argparse.ArgumentTypeError(f"write who decides as a name of 1 to {ACTOR_MAX} characters")
    return name
