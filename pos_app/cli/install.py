"""``sompos upgrade-check``: what the installers ask the installed version before they replace or
remove it (packaging/linux/preinst, packaging/windows/sompos.nsi).

Exit 0: nothing accepted offline is waiting to be sent. Exit 10: some payments are (the count is
printed); the installer warns before going on. Read-only: it changes nothing, also on a full disk.
"""
from __future__ import annotations

import argparse

from pos_app.cli.output import add_command, open_context, out

EXIT_UNSENT = 10


def cmd_upgrade_check(args: argparse.Namespace) -> int:
    ctx = open_context(args, read_only=True)
    n = ctx.offline.unsent_anywhere()
    out(args, {"unsent": n},
        f"{n} payments accepted offline are not sent yet: keep this shop's data folder" if n
        else "nothing accepted offline is waiting to be sent")
    return EXIT_UNSENT if n else 0


def register(sub) -> None:
    p = add_command(sub, "upgrade-check", help="before an upgrade or uninstall: exit 10 if offline payments "
                                              "are still unsent")
    p.set_defaults(func=cmd_upgrade_check)
