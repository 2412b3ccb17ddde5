"""Text from outside shown safely: no terminal escapes, no hidden direction changes, no secrets.

``safe_text`` cleans a string that came from somewhere the shop does not control (a profile
file's name, a memo in another till's hand-over file, a file name typed on the command line)
before it is shown on a terminal or a screen: ANSI/VT escape sequences are removed whole (so
``ESC[2J`` cannot clear the terminal and ``ESC]…`` cannot retitle it), other control characters
and the invisible bidi controls that make text read backwards (U+202E and friends) are dropped,
and line breaks become spaces. Ordinary letters in any script, emoji and the zero-width joiners
they need are kept.

``mask_url`` / ``mask_secrets`` hide what a provider's RPC URL carries as a password: the user
and password (``https://user:secret@host``), path segments that look like an API key
(``/v2/9f3a…``) and query values that look like one or are named like one (``?apikey=…``).
Every place that shows or logs a node's URL uses them, so ``config show``, the status bar and
``sompos.log`` never hold a key.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable
from urllib.parse import parse_qsl, urlsplit, urlunsplit

MASK = "***"

# CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), other ESC sequences, and their 8-bit forms.
_ANSI = re.compile(r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]            # CSI … final byte
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])       # OSC / DCS / SOS / PM / APC …
    .*?(?:\x07|\x1b\\|\x9c|$)                   #   … up to BEL or ST (or the end)
  | \x1b[ -/]*[0-~]                             # two-character ESC sequences (ESC c, ESC ( B …)
""", re.VERBOSE | re.DOTALL)
_KEEP_FORMAT = {"\u200c", "\u200d"}  # zero-width (non-)joiner: needed by emoji and some scripts
_LINE_BREAKS = {"\n", "\r", "\t", "\v", "\f", "\u2028", "\u2029", "\x85"}


def safe_text(value: object, *, limit: int | None = None) -> str:
    """``value`` as one line of plain text, safe on a terminal and in a widget.

    Removes escape sequences and every control/format character except the zero-width joiners
    (this includes the bidi overrides and isolates U+202A-U+202E, U+2066-U+2069, U+200E/F,
    U+061C), turns line breaks and tabs into spaces, and cuts to ``limit`` characters when given.
    Idempotent: cleaning clean text changes nothing.
    """
    text = value if isinstance(value, str) else str(value)
    text = _ANSI.sub("", text)
    out = []
    for ch in text:
        if ch in _LINE_BREAKS:
            out.append(" ")
        elif ch in _KEEP_FORMAT or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append(ch)
    cleaned = "".join(out)
    return cleaned[:limit] if limit is not None else cleaned


def safe_lines(text: str) -> str:
    """Several lines of output, each cleaned with ``safe_text`` (the line breaks themselves kept)."""
    return "\n".join(safe_text(line) for line in str(text).split("\n"))


def escape_json_text(dumped: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with every invisible control or
    direction character written as a ``\\uXXXX`` escape: the same data, but harmless on a terminal.
    """
    def esc(ch: str) -> str:
        code = ord(ch)
        if code > 0xFFFF:  # JSON escapes above the BMP as a surrogate pair
            code -= 0x10000
            return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
        return f"\\u{code:04x}"
    return "".join(esc(ch) if ch not in "\n " and ch not in _KEEP_FORMAT
                   and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else ch
                   for ch in dumped)


# -- secrets in node URLs --------------------------------------------------------------------
_SECRET_NAMES = re.compile(r"key|token|secret|auth|pass|pwd|sig|cred|session|jwt", re.IGNORECASE)
_URL_IN_TEXT = re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>()\[\]{}]+")
# requests/urllib3 name only the path: "Max retries exceeded with url: /v2/KEY (Caused by …)"
_PATH_AFTER_URL = re.compile(r"(\burl:\s*)(/[^\s'\"]*)", re.IGNORECASE)


def _looks_like_key(part: str) -> bool:
    """A path segment or value that reads like an API key rather than a word such as ``v2`` or ``bsc``."""
    if len(part) >= 24:
        return True
    if len(part) < 12:
        return False
    return bool(re.search(r"[0-9]", part)) and bool(re.search(r"[A-Za-z]", part))


def _mask_path(path: str) -> str:
    return "/".join(MASK if _looks_like_key(seg) else seg for seg in path.split("/"))


def _mask_query(query: str) -> str:
    parts = []
    for name, value in parse_qsl(query, keep_blank_values=True):
        hide = bool(value) and (_SECRET_NAMES.search(name) is not None or _looks_like_key(value))
        parts.append(f"{name}={MASK if hide else value}")
    return "&".join(parts)


def mask_url(url: str) -> str:
    """``url`` with its credentials hidden: ``https://***@host/v2/***?apikey=***``.

    The scheme, host and port stay readable so a person can still tell which node is meant.
    """
    text = str(url)
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:  # not parseable as a URL: hide everything after the scheme
        head, sep, _ = text.partition("://")
        return f"{head}{sep}{MASK}" if sep else MASK
    if ":" in host:
        host = f"[{host}]"
    netloc = (f"{MASK}@" if "@" in parts.netloc else "") + host + (f":{port}" if port is not None else "")
    return urlunsplit((parts.scheme, netloc, _mask_path(parts.path), _mask_query(parts.query),
                       MASK if parts.fragment else ""))


def url_secrets(url: str) -> list[str]:
    """The pieces of ``url`` that ``mask_url`` hides (to find them again inside error texts)."""
    found: list[str] = []
    try:
        parts = urlsplit(str(url))
    except ValueError:
        return [str(url)]
    if "@" in parts.netloc:
        userinfo = parts.netloc.rpartition("@")[0]
        user, _, password = userinfo.partition(":")
        # A user name alone is often a plain word ("user", "shop"): hidden on its own only when
        # it reads like a key; it is always hidden inside a URL.
        found += [userinfo, password] + ([user] if _looks_like_key(user) else [])
    found += [seg for seg in parts.path.split("/") if _looks_like_key(seg)]
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if value and (_SECRET_NAMES.search(name) or _looks_like_key(value)):
            found.append(value)
    if parts.fragment:
        found.append(parts.fragment)
    return sorted({f for f in found if len(f) >= 3}, key=len, reverse=True)


def mask_secrets(text: object, urls: Iterable[str] = ()) -> str:
    """``text`` (an error message, a log line) with every URL in it masked, and every secret piece
    of the given ``urls`` (the configured node URLs) hidden wherever it appears on its own.
    """
    out = _URL_IN_TEXT.sub(lambda m: mask_url(m.group(0)), str(text))
    out = _PATH_AFTER_URL.sub(lambda m: m.group(1) + _mask_path(m.group(2).split("?")[0])
                              + ("?" + _mask_query(m.group(2).split("?", 1)[1]) if "?" in m.group(2) else ""),
                              out)
    for url in urls:
        for secret in url_secrets(url):
            out = out.replace(secret, MASK)
    return out
