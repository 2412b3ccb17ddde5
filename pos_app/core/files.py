"""Reading a file the user names, with a size cap and without ever blocking; writing one atomically.

Every file or standard input the app reads on a person's say-so goes through ``read_limited``:
a payment payload (a few KB, or a QR picture), a network profile (64 KB), a relay key file, a
hand-over file (a few MB). It refuses what is not an ordinary file (a folder, a FIFO, ``/dev/zero``,
a terminal device) before reading a byte, opens with ``O_NONBLOCK`` so a FIFO with no writer
cannot hang the till, and reads at most ``limit + 1`` bytes, so a file that grows or lies about
its size is refused instead of filling the memory. Every refusal is a ``BadInput`` naming the file.

A file name the file system cannot hold (one part over 255 bytes, or the whole over 4096) is
refused by ``check_file_name`` in the same words wherever it is given: before a file is read
here, and by the command line for every file it is asked to write (``cli/output.py`` ``file_name``).
The system's own "File name too long" (``ENAMETOOLONG``) is said the same way.

``write_file_atomic`` writes a whole file or nothing (temp file, fsync, rename, fsync of the
folder): a hand-over file, the device key.
"""
from __future__ import annotations

import errno
import os
import secrets
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
NAME_MAX = 255                  # bytes in one name: ext4, XFS, btrfs, APFS; UTF-16 units on NTFS and FAT
PATH_MAX = 4096                 # bytes in a whole path handed to the system (Linux)


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


class FileNameTooLong(FileRefused):
    code = reason = "name_too_long"


def _name(path: str | os.PathLike[str]) -> str:
    return safe_text(os.fspath(path), limit=200)


def _short_name(text: str) -> str:
    """A name as a message shows it: a very long one by its start and its end."""
    text = safe_text(text)
    return text if len(text) <= 60 else f"{text[:40]}…{text[-16:]}"


def _limit(path: str, name: str, default: int) -> int:
    """The file system's own limit where the system tells it (the nearest existing folder)."""
    folder = os.path.dirname(os.path.abspath(path)) if len(path) < PATH_MAX else ""
    while folder:
        try:
            return int(os.pathconf(folder, name)) or default
        except (OSError, ValueError, AttributeError):  # missing folder, or no pathconf (Windows)
            parent = os.path.dirname(folder)
            folder = "" if parent == folder else parent
    return default


def name_too_long(path: str | os.PathLike[str]) -> bool:
    """True when the file system cannot hold ``path``: one part longer than a name may be, or the
    whole longer than a path may be (in the bytes the system is handed; its own limits where it
    tells them, else ``NAME_MAX`` and ``PATH_MAX``)."""
    text = os.fspath(path)
    if len(os.fsencode(text)) >= _limit(text, "PC_PATH_MAX", PATH_MAX):
        return True
    parts = text.split(os.sep) if not os.altsep else text.replace(os.altsep, os.sep).split(os.sep)
    longest = max((len(os.fsencode(part)) for part in parts), default=0)
    return longest > NAME_MAX and longest > _limit(text, "PC_NAME_MAX", NAME_MAX)


def name_refusal(path: str | os.PathLike[str]) -> FileNameTooLong:
    """The one sentence for a file name that is too long (given by a person or refused by the system)."""
    return FileNameTooLong("file.file_name_too_long",
                           file=_short_name(os.fspath(path)))


def check_file_name(path: str | os.PathLike[str]) -> Path:
    """``path`` as a ``Path``, or ``BadInput`` (``FileNameTooLong``) if no file system here can
    hold the name: said before anything is opened, created or written."""
    if name_too_long(path):
        raise name_refusal(path)
    return Path(path)


def is_name_too_long(exc: BaseException) -> bool:
    """The system refused a path for its length (ENAMETOOLONG; ERROR_FILENAME_EXCED_RANGE on Windows)."""
    return isinstance(exc, OSError) and (exc.errno == errno.ENAMETOOLONG or getattr(exc, "winerror", None) == 206)


def read_limited(path: str | os.PathLike[str], limit: int, *, what: str = "file") -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit``), or ``BadInput`` saying why not.

    ``what`` names what the file should be, in the message ("payment", "network profile", "key file").
    """
    name = _name(path)
    check_file_name(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileRefused("file.there_file", file=name).because("missing") from None
    except PermissionError:
        raise FileRefused("file.app_allowed_read", file=name).because("denied") from None
    except IsADirectoryError:  # Windows opens no folder
        raise FileRefused("chain.folder_file", file=name).because("folder") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        if is_name_too_long(exc):
            raise name_refusal(path) from None
        raise FileRefused("file.cannot_read_file", detail=str(exc), file=name) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused("chain.folder_file", file=name).because("folder")
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused("chain.ordinary_file_device_pipe",
                              file=name).because("not_regular")
        if info.st_size > limit:
            raise FileTooLarge("file.too_large", file=name, what=what)
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            return _read_capped(fh, limit, name=name, what=what)
    except OSError as exc:  # EIO on a failing disk, EAGAIN from an odd file system
        raise FileRefused("file.cannot_read_file", detail=str(exc), file=name) from None
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
        raise FileRefused("file.cannot_read_standard_input", detail=str(exc)) from None


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
        raise FileRefused("file.text_file", file=name).because("not_text") from None


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
        raise FileTooLarge("file.too_large", file=name, what=what)
    return b"".join(parts)


def write_file_atomic(path: Path, data: bytes, *, overwrite: bool) -> None:
    """Temp file in the same folder (0600, O_EXCL), fsync, rename into place, fsync the folder.

    Without ``overwrite`` an existing target raises ``FileExistsError`` (a hard link makes that
    atomic where the filesystem has them; FAT sticks do not, there the check comes just before).
    ``OSError`` for anything else the system refuses; no temp file is left behind.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)                 # fails if the target exists, atomically
            except FileExistsError:
                raise
            except (OSError, NotImplementedError):
                if path.exists():
                    raise FileExistsError(str(path)) from None
                os.replace(tmp, path)
            else:
                os.unlink(tmp)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if os.name != "nt":
        try:
            dfd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        except OSError:
            pass                                   # some filesystems cannot sync a folder
