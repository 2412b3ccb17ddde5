"""Guards every node answer passes before it is parsed: size, nesting depth, recursion limit.

py_ecc (imported by web3 through eth_account) raises Python's recursion limit to 100,000 when it
is imported, and py-evm to 12,288. With such a limit a deeply nested JSON reply (``[[[[…]]]]``
100,000 levels deep) makes the C JSON parser overflow the C stack: the process dies with a
segmentation fault, nothing a ``try`` can catch. So this module imports them once, then puts the
limit back to ``SANE_RECURSION_LIMIT``; and ``check_reply`` refuses an answer that is larger than
``MAX_REPLY_BYTES`` or nested deeper than ``MAX_REPLY_DEPTH`` before ``json.loads`` sees it (a
JSON-RPC answer is a handful of levels deep: batch, result, transactions, access list, keys).
"""
from __future__ import annotations

import re
import sys
from itertools import accumulate

SANE_RECURSION_LIMIT = 3000
MAX_REPLY_BYTES = 32 * 1024 * 1024
MAX_REPLY_DEPTH = 64

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_NOT_BRACKETS_OR_QUOTES = bytes(b for b in range(256) if b not in b'[]{}"')
_PLAIN_STRING = re.compile(rb'"[^"]*"')


class ReplyTooLarge(ValueError):
    """The answer is larger than any sensible JSON-RPC answer."""


class ReplyTooDeep(ValueError):
    """The answer is nested deeper than any sensible JSON-RPC answer."""


def settle_recursion_limit() -> int:
    """Put the recursion limit back to a sane value if a library raised it; returns the limit."""
    if sys.getrecursionlimit() > SANE_RECURSION_LIMIT:
        sys.setrecursionlimit(SANE_RECURSION_LIMIT)
    return sys.getrecursionlimit()


def json_depth(raw: bytes) -> int:
    """The deepest nesting of arrays/objects in ``raw`` (brackets inside strings do not count).

    A linear scan without recursion, so it is safe on any input; on invalid JSON (an unterminated
    string) it may over-count, which only refuses something ``json.loads`` would refuse anyway.
    """
    if b"\\" not in raw:
        # No escapes (every node's hex answers): keep only brackets and quotes first, so the string
        # pattern runs over a few bytes instead of the whole answer (10x faster on a getLogs reply).
        brackets = _PLAIN_STRING.sub(b"", raw.translate(None, _NOT_BRACKETS_OR_QUOTES)).translate(None, _NOT_BRACKETS)
    else:
        brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    if not brackets:
        return 0
    return max(0, max(accumulate(_STEP[b] for b in brackets)))


def check_reply(raw: bytes | str) -> bytes:
    """``raw`` as bytes if it is small and shallow enough to parse; else ``ReplyTooLarge``/``ReplyTooDeep``."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else bytes(raw)
    if len(data) > MAX_REPLY_BYTES:
        raise ReplyTooLarge(f"the node's answer is larger than {MAX_REPLY_BYTES} bytes")
    depth = json_depth(data)
    if depth > MAX_REPLY_DEPTH:
        raise ReplyTooDeep(f"the node's answer is nested {depth} levels deep (at most {MAX_REPLY_DEPTH})")
    return data


def _import_chain_libraries() -> None:
    import web3  # noqa: F401 - imports eth_account and, through it, py_ecc
    # py_ecc raises the limit once, when first imported: import it now so nothing raises it later.
    # py-evm (``eth``, 8-11 MB and ~330 modules) is the demo chain's only: app/demo/chain.py puts
    # the limit back after importing it, so a till on a real network never loads it.
    for name in ("py_ecc",):
        try:
            __import__(name)
        except ImportError:  # not installed (eth-tester is for the demo and tests only)
            pass


_import_chain_libraries()
settle_recursion_limit()
