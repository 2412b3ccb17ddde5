"""Reading the shop database when the disk is full (``sompos config show``, ``invoices``, ``queue list``).

A WAL database needs its shared-memory index file (``sompos.db-shm``, 32 KB) to be readable at
all; on a full disk SQLite cannot grow that file and every open fails with "disk I/O error", so
even looking at the day's sales would be impossible. In EXCLUSIVE locking mode SQLite keeps that
index in the process's own memory instead (https://sqlite.org/wal.html#noshm), so the data can
still be read. The connection is also ``query_only``: nothing is written on this path.

Only the command line's read-only commands use it, and only after the ordinary open failed on a
disk with no space left. The exclusive lock is held for the few milliseconds a command runs.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from pos_app.store.audit_head import DeviceKey
from pos_app.store.db import DB_NAME, Store

LOW_SPACE_BYTES = 1024 * 1024  # below this SQLite cannot be expected to create its files


class ReadOnlyStore(Store):
    """A ``Store`` that reads without the shared-memory file and refuses every write."""

    def _check_ours(self) -> None:
        self.conn.execute("PRAGMA locking_mode=EXCLUSIVE")  # before the first read: index in heap memory
        super()._check_ours()

    def _configure(self) -> None:
        super()._configure()
        self.conn.execute("PRAGMA query_only=ON")


def disk_full(data_dir: Path | str) -> bool:
    """True when the data folder's disk has (next to) no space left for this user."""
    try:
        return shutil.disk_usage(data_dir).free < LOW_SPACE_BYTES
    except OSError:
        return False


def open_read_only(data_dir: Path | str, *, device_key: DeviceKey) -> Store:
    """The existing shop database in ``data_dir``, for reading only (see the module docstring);
    ``device_key`` is what ``audit verify`` checks the signed head against (nothing is signed here)."""
    return ReadOnlyStore(Path(data_dir) / DB_NAME, device_key=device_key)
