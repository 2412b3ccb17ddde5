"""``sompos payer name|list``: the shop's address book (the names a shop gives the wallets it is paid from).

A name is the shop's own note shown instead of ``86cB…aA5F``; it is not proof of who paid.
``payer name ADDRESS ""`` forgets a name. Every change is audited with ``--actor``.

An exchange's wallet (the network profile's ``exchange_wallets``) or a wallet that paid for
different customers' sales is never given a person's name: ``payer name`` refuses it (exit 2, one
line saying why), and ``payer list`` shows a wallet the book marked shared as "Shared wallet"
(``"shared": true`` in ``--json``); ``payer name ADDRESS ""`` clears that mark.
"""
from __future__ import annotations

import argparse
import time
from typing import Any

from pos_app.app.till import Till
from pos_app.cli.output import actor_name, add_actions, add_command, open_context, out


def cmd_name(args: argparse.Namespace) -> int:
    from eth_utils import to_checksum_address  # lazy: only this command needs it
    from pos_app.shop.payers import short_address
    ctx = open_context(args)
    kept = Till(ctx).name_payer(args.address, args.name, actor=args.actor)  # refuses what is not an address
    address = to_checksum_address(args.address)
    data = {"address": address, "name": kept or None}
    short = short_address(address)
    out(args, data, f"{short} is now called {kept}." if kept else f"{short} has no name any more.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Addresses in their checksum spelling, as wallets and ``sompos unmatched`` show them."""
    from eth_utils import to_checksum_address  # lazy: only this command needs it
    from pos_app.shop.payers import SHARED, SHARED_LABEL, short_address
    ctx = open_context(args, read_only=True)
    data = []
    for r in ctx.payers.entries():
        address = to_checksum_address(str(r["address"]))
        data.append({**r, "address": address, "short": short_address(address), "shared": r["name"] == SHARED})
    lines = [f"{SHARED_LABEL if d['shared'] else d['name']:<24} {d['short']:<11} {d['address']}  "
             f"(by {d['updated_by']}, {time.strftime('%Y-%m-%d %H:%M', time.localtime(int(d['updated_at'])))})"
             for d in data]
    out(args, data, "\n".join(lines) or 'No payer has a name yet; give one with: sompos payer name 0x... "Name"')
    return 0


def register(sub: Any) -> None:
    p = add_command(sub, "payer", help="the names the shop gives the wallets it is paid from")
    actions = add_actions(p, "payer_action", "ACTION")
    n = add_command(actions, "name", help='give a payer\'s address a name ("" forgets it; audited)')
    n.add_argument("address", help="the wallet address, 0x and 40 hex digits")
    n.add_argument("name", help="the name the shop knows the payer by (at most 40 characters)")
    n.add_argument("--actor", default="cashier", type=actor_name, help="who decides (recorded in the audit log)")
    n.set_defaults(func=cmd_name)
    ls = add_command(actions, "list", help="every payer the shop has named")
    ls.set_defaults(func=cmd_list)
