"""The shop database file before SQLite opens it: owner-only rights, a sane header, and the
storage errors a cashier reads (a full disk, a damaged file, not a database at all).

Split from ``store/db.py`` (the store itself), which uses and re-exports these names.
"""
from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from pos_app.core.errors import StorageError
from pos_app.store.audit_head import ANCHOR_NAME


def _private(path: Path) -> None:
    """Owner-only permissions (0600); a no-op where the OS has no such modes."""
    if path.exists() and os.name != "nt":
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


SQLITE_HEADER = b"SQLite format 3\x00"
OUR_TABLES = {"settings", "invoices", "payments", "audit_log"}


def _check_file(path: Path, *, new_shop: bool) -> bool:
    """Refuse a file that is not a Som POS database before SQLite touches it; True: start a new shop.

    A missing file is a new shop. An empty (0-byte) file is not: it is a database cut short or
    replaced, and silently starting over would hide the day's takings; only ``new_shop`` (the
    person asked) moves it aside and starts again. Nothing refused is ever modified.
    """
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        anchor = path.with_name(ANCHOR_NAME)
        if anchor.exists():  # this folder held a shop: its database was deleted or moved, not never made
            if not new_shop:
                raise StorageError("store.shop_database_missing_but",
                                   path=str(path)) from None
            os.replace(anchor, path.with_name(f"{ANCHOR_NAME}.missing-{int(time.time())}"))
        return True
    except OSError as exc:
        raise StorageError("store.shop_database_cannot_read",
                           path=str(path), detail=str(exc)) from exc
    if size == 0:
        if new_shop:
            stamp = int(time.time())
            for suffix in ("-wal", "-shm", ""):  # an old journal must not be replayed into the new shop
                part = path.with_name(path.name + suffix)
                if suffix == "" or part.exists():
                    os.replace(part, path.with_name(f"{path.name}{suffix}.empty-{stamp}"))
            anchor = path.with_name(ANCHOR_NAME)  # the old shop's audit head is not the new one's
            if anchor.exists():
                os.replace(anchor, path.with_name(f"{ANCHOR_NAME}.empty-{stamp}"))
            return True
        raise StorageError("store.shop_database_empty_cut", path=str(path))
    if not head.startswith(SQLITE_HEADER):
        raise StorageError("store.file_som_pos_database", path=str(path))
    if len(head) < 100 or not _header_sane(head):
        raise StorageError("store.shop_database_damaged_cannot",
                           detail=f"{size} bytes, header {head[16:24].hex()}")
    return False


def _header_sane(head: bytes) -> bool:
    """The fixed fields of SQLite's 100-byte header (sqlite.org/fileformat.html): a flipped byte there
    (e.g. the write version at 18, which SQLite reads as "open read-only") is damage, said before use."""
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    return (512 <= page <= 65536 and page & (page - 1) == 0 and head[18] in (1, 2) and head[19] in (1, 2)
            and head[21:24] == b"\x40\x20\x20")


def _why(exc: BaseException, path: Path | None = None) -> str:
    """Which of: disk full, disk error, read-only, not a database, damaged; for the message a person sees."""
    text = str(exc).lower()
    if "full" in text or "no space" in text:
        return "full"
    if "disk i/o error" in text or "file too large" in text:
        # A write the disk refused: name a full disk when it is one (ENOSPC is not always reported as such).
        try:
            import shutil
            if path is not None and shutil.disk_usage(path.parent).free < 1024 * 1024:
                return "full"
        except OSError:
            pass
        return "io"
    if "readonly" in text or "read-only" in text or "permission" in text or "unable to open" in text:
        return "read_only"
    if "not a database" in text:
        return "not_db"
    return "damaged"


def _sqlite_header(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def storage_error(exc: BaseException, path: Path) -> StorageError:
    why = _why(exc, path)
    if why == "full":
        return StorageError("store.disk_holding_shop_database",
                            detail=str(exc))
    if why == "io":
        return StorageError("store.disk_holding_shop_database_refused", detail=str(exc))
    if why == "read_only":
        return StorageError("store.shop_database_cannot_written",
                            path=str(path), detail=str(exc))
    if why == "not_db" and _sqlite_header(path):
        why = "damaged"  # SQLite's own mark is there, the rest of the header is not: damage, not another file
    if why == "not_db":
        return StorageError("store.file_som_pos_database", path=str(path), detail=str(exc))
    return StorageError("store.shop_database_damaged_cannot", detail=str(exc))
