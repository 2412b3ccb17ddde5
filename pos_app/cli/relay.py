"""``sompos relay show|create|import``: the relay key that pays the network fee for authorizations.

The passphrase is read from ``SOMPOS_RELAY_PASSPHRASE`` or asked for on the terminal (never a
command-line argument: it would land in the shell history); a keystore file's own passphrase
comes from ``SOMPOS_RELAY_SOURCE_PASSPHRASE``. Creating and importing are audited as the manager's.
"""
from __future__ import annotations

import argparse
import os
from typing import Any

from pos_app.cli.output import SOURCE_PASSPHRASE_ENV, add_actions, add_command, open_context, out, passphrase

ACTOR = "manager"  # who the audit log says created or imported the key from the terminal
NEW_PASSPHRASE = "New passphrase (10+ characters): "


def cmd_relay(args: argparse.Namespace) -> int:
    from pos_app.keys import relay
    ctx = open_context(args)
    if args.relay_cmd == "create":
        address = relay.create_relay_key(ctx.data_dir, ctx.store, passphrase(NEW_PASSPHRASE, confirm=True),
                                         actor=ACTOR)
        out(args, {"address": address}, f"relay key created: {address}\nsend it some BNB for network fees")
        return 0
    if args.relay_cmd == "import":
        secret = relay.read_relay_key_file(args.file)
        source = os.environ.get(SOURCE_PASSPHRASE_ENV)
        address = relay.import_relay_key(ctx.data_dir, ctx.store, secret, passphrase(NEW_PASSPHRASE, confirm=True),
                                         source_passphrase=source, actor=ACTOR)
        out(args, {"address": address}, f"relay key imported: {address}")
        return 0
    address = relay.relay_key_address(ctx.data_dir)
    data: dict[str, Any] = {"address": address, "file": str(relay.relay_key_file(ctx.data_dir)) if address else None}
    if address is None:
        out(args, data, "no relay key (create one with: sompos relay create)")
        return 0
    line = f"relay key: {address}"
    try:
        balance = ctx.rpc().balance(address, "read the relay balance")  # type and range checked
        data["balance_wei"] = str(balance)
        line += f"\nbalance: {balance / 10**18:.6f} BNB"
    except Exception:  # noqa: BLE001 - offline: the address alone is still useful
        line += "\nbalance: unknown (offline)"
    merchant = ctx.config.merchant
    if merchant and merchant.lower() != address.lower():
        line += ("\nnote: this is not the shop's address, so it can relay transferWithAuthorization only;"
                 " receiveWithAuthorization must be sent from the shop's own address")
    out(args, data, line)
    return 0


def register(sub: Any) -> None:
    r = add_command(sub, "relay", help="the relay key that pays fees for authorizations")
    rsub = add_actions(r, "relay_cmd", "ACTION")
    add_command(rsub, "show", help="the relay address and its BNB balance")
    add_command(rsub, "create", help="create a new relay key (asks for a passphrase)")
    ri = add_command(rsub, "import", help="import a private key or keystore file")
    ri.add_argument("file", help="file with the hex key or keystore JSON, or - for standard input")
    r.set_defaults(func=cmd_relay)
