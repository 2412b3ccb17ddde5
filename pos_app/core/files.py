"""Reading a file the user names, with a size cap and without ever blocking.

Every file or standard input the app reads on a person's say-so goes through ``read_limited``:
a payment payload (a few KB, or a QR picture), a network profile (64 KB), a relay key file, a
hand-over file (a few MB). It refuses what is not an ordinary file (a folder, a FIFO, ``/dev/zero``,
a terminal device) before reading a byte, opens with ``O_NONBLOCK`` so a FIFO with no writer
cannot hang the till, and reads at most ``limit + 1`` bytes, so a file that grows or lies about
its size is refused instead of filling the memory. Every refusal is a ``BadInput`` naming the file.
"""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from pos_app.core.errors import BadInput
from pos_app.core.text import safe_text

KB = 1024
MB = 1024 * KB
PAYLOAD_LIMIT = 8 * KB          # a signed transfer or authorization is well under 1 KB
PICTURE_LIMIT = 20 * MB         # a phone photo of a QR code
PROFILE_LIMIT = 64 * KB         # a network profile is a dozen lines
KEY_FILE_LIMIT = 64 * KB        # a keystore v3 JSON is ~500 bytes
HANDOVER_LIMIT = 8 * MB         # a day's offline payments, one JSON line each

_CHUNK = 64 * KB


class FileRefused(BadInput):
    """A file (or standard input) that cannot be read as asked; ``code`` names the reason for JSON.

    ``reason`` is finer, for callers that word it their own way: missing, denied, folder,
    not_regular, too_large, not_text or unreadable.
    """

    code = "unreadable"
    reason = "unreadable"

    def because(self, reason: str) -> "FileRefused":
        self.reason = reason
        return self


class FileTooLarge(FileRefused):
    code = reason = "too_large"


def _name(path: str | os.PathLike[str]) -> str:
    return safe_text(os.fspath(path), limit=200)


def read_limited(path: str | os.PathLike[str], limit: int, *, what: str = "file") -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit``), or ``BadInput`` saying why not.

    ``what`` names what the file should be, in the message ("payment", "network profile", "key file").
    """
    name = _name(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileRefused("There is no file {file}.", file=name).because("missing") from None
    except PermissionError:
        raise FileRefused("This app is not allowed to read {file}.", file=name).because("denied") from None
    except IsADirectoryError:  # Windows opens no folder
        raise FileRefused("{file} is a folder, not a file.", file=name).because("folder") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise FileRefused("Cannot read the file {file}.", detail=str(exc), file=name) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused("{file} is a folder, not a file.", file=name).because("folder")
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused("{file} is not an ordinary file (a device or a pipe); save it to a file first.",
                              file=name).because("not_regular")
        if info.st_size > limit:
            raise FileTooLarge("{file} is too large to be a {what}.", file=name, what=what)
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            return _read_capped(fh, limit, name=name, what=what)
    except OSError as exc:  # EIO on a failing disk, EAGAIN from an odd file system
        raise FileRefused("Cannot read the file {file}.", detail=str(exc), file=name) from None
    finally:
        if fd >= 0:
            os.close(fd)


def read_stdin_limited(limit: int, *, what: str = "file", stream: BinaryIO | None = None) -> bytes:
    """At most ``limit`` bytes of standard input (a pipe or a redirected file), or ``BadInput``.

    Reading stops at ``limit + 1`` bytes, so ``< /dev/zero`` or an endless pipe is refused at once.
    """
    src = stream if stream is not None else sys.stdin.buffer
    try:
        return _read_capped(src, limit, name="standard input", what=what)
    except OSError as exc:
        raise FileRefused("Cannot read standard input.", detail=str(exc)) from None


def read_source(source: str | os.PathLike[str] | None, limit: int, *, what: str = "file") -> bytes:
    """``-`` or None: standard input; anything else: a path. Both bounded by ``limit``."""
    if source is None or (isinstance(source, str) and source == "-"):
        return read_stdin_limited(limit, what=what)
    return read_limited(Path(source), limit, what=what)


def read_text_limited(source: str | os.PathLike[str] | None, limit: int, *, what: str = "file") -> str:
    """Like ``read_source`` but decoded as UTF-8 (a byte-order mark is dropped)."""
    data = read_source(source, limit, what=what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        name = "standard input" if source in (None, "-") else _name(source)
        raise FileRefused("{file} is not a text file.", file=name).because("not_text") from None


def _read_capped(fh: BinaryIO, limit: int, *, name: str, what: str) -> bytes:
    parts: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = fh.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    if total > limit:
        raise FileTooLarge("{file} is too large to be a {what}.", file=name, what=what)
    return b"".join(parts)
