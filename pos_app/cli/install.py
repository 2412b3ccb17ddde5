"""``sompos upgrade-check``: what the installers ask the installed version before they replace or
remove it (packaging/linux/preinst, packaging/windows/sompos.nsi).

Exit 0: every payment accepted offline is final on the chain (or failed by name). Exit 10: some are
still to be sent or followed to final (the counts are printed): a sent payment whose money has not
been seen final is not done either (a node may have lied about it); the installer warns before
going on. Read-only: it changes nothing, also on a full disk.
"""
from __future__ import annotations

import argparse

from pos_app.cli.output import add_command, open_context, out

EXIT_UNSENT = 10


def cmd_upgrade_check(args: argparse.Namespace) -> int:
    ctx = open_context(args, read_only=True)
    unsent, open_ = ctx.offline.unsent_anywhere(), ctx.offline.not_final_anywhere()
    if unsent:
        text = f"{unsent} payments accepted offline are not sent yet: keep this shop's data folder"
    elif open_:
        text = (f"{open_} payments accepted offline are sent but not yet final on the network: keep this "
                f"shop's data folder and let it sync")
    else:
        text = "nothing accepted offline is waiting to be sent or confirmed"
    out(args, {"unsent": unsent, "not_final": open_}, text)
    return EXIT_UNSENT if open_ else 0


def register(sub) -> None:
    p = add_command(sub, "upgrade-check", help="before an upgrade or uninstall: exit 10 if offline payments "
                                              "are still unsent or not yet final")
    p.set_defaults(func=cmd_upgrade_check)
