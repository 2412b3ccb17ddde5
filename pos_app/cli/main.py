"""The ``sompos`` command line. Every command takes ``--data-dir``; ``--json`` gives machine output.

Wrong input exits non-zero with one clear line on stderr (``sompos: error: ...``) and changes
nothing. Unexpected failures are logged to the data folder's ``sompos.log``, never printed as a
traceback. The commands themselves are in the group modules next to this one (``cli.registry``).
"""
from __future__ import annotations

import sys
from typing import Sequence

from pos_app.cli.output import (
    EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_INTERRUPTED, log, open_context, out, safe_text,
)
from pos_app.cli.registry import build_parser
from pos_app.core.errors import BadInput, PosError

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAILURE", "build_parser", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if getattr(args, "self_test", False):
            # Touches no shop data: every step works in a scratch folder (pos_app/app/selftest.py).
            from pos_app.app.selftest import run_self_test
            from pos_app.ui.shell.selftest_qt import STEP as TRANSLATIONS
            return run_self_test([TRANSLATIONS])
        if not getattr(args, "func", None):
            if getattr(args, "new_shop", False):
                ctx = open_context(args)
                out(args, {"data_dir": str(ctx.data_dir)}, f"a new shop was started in {ctx.data_dir}")
                return 0
            parser.print_help()
            return 0
        return int(args.func(args) or 0)
    except BadInput as exc:
        print(f"sompos: error: {safe_text(exc.user_message)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PosError as exc:
        log.error("command failed: %s (%s)", exc.user_message, exc.detail)
        print(f"sompos: error: {safe_text(exc.user_message)}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except Exception:  # noqa: BLE001 - never a traceback on screen
        log.exception("unexpected failure")
        print("sompos: error: something unexpected went wrong; details are in sompos.log in the data folder.",
              file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
