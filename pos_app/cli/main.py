"""The ``sompos`` command line. Every command takes ``--data-dir``; ``--json`` gives machine output.

Wrong input exits non-zero with one clear line on stderr (``sompos: error: ...``) and changes
nothing. Unexpected failures are logged to the data folder's ``sompos.log``, never printed as a
traceback. The commands themselves are in the group modules next to this one (``cli.registry``).

Exit codes: 0 done; 1 a check said no (``payload check``, ``audit verify``); 2 wrong input, nothing
changed; 3 the command could not finish; 4 ``sync`` sent what it could, authorizations wait for the
relay key's passphrase; 10 ``upgrade-check`` found unsent payments; 130 Ctrl+C; 141 (128 + SIGPIPE,
what a shell shows for ``yes | head -1``) the reader of the output went away (``sompos request ... |
head -1``): whatever the command did stays done (the invoice exists), nothing more is printed.
"""
from __future__ import annotations

import os
import sys
from typing import Sequence

from pos_app.cli.output import (
    EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_INTERRUPTED, log, open_context, out, safe_text, start_command,
    words,
)
from pos_app.cli.registry import build_parser
from pos_app.core.errors import BadInput, PosError

__all__ = ["EXIT_BAD_INPUT", "EXIT_FAILURE", "EXIT_OUTPUT_CLOSED", "build_parser", "main"]

EXIT_OUTPUT_CLOSED = 128 + 13  # 13 = SIGPIPE on Linux and macOS; the number shells use for it


def _output_closed() -> int:
    """The reader of stdout went away: end quietly, as a Unix tool killed by SIGPIPE does.

    stdout is pointed at the null device so the interpreter's last flush at exit has nowhere to
    fail (it would print "Exception ignored ... BrokenPipeError" on stderr otherwise).
    """
    log.info("the output was closed by its reader (e.g. `| head`); stopped printing")
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (captured in tests)
        pass
    return EXIT_OUTPUT_CLOSED


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        start_command(list(sys.argv[1:] if argv is None else argv))
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
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # here, where a closed pipe is caught, not at interpreter exit
        return code
    except BrokenPipeError:
        return _output_closed()
    except BadInput as exc:
        print(f"sompos: error: {safe_text(words().error(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PosError as exc:
        log.error("command failed: %s (%s)", exc.user_message, exc.detail)
        print(f"sompos: error: {safe_text(words().error(exc))}", file=sys.stderr)
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
