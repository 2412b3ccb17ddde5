"""The SQLite store: durable settings (WAL + synchronous=FULL on every connection), one writer.

A ``Store`` owns one connection guarded by a lock, so all writes of a process are serialised;
``transaction()`` wraps ``BEGIN IMMEDIATE ... COMMIT`` so a change is either fully present or
fully absent after a crash. The GUI must call it from a worker, never from its own thread.
Reads return plain dicts. ``Store.db`` is a sqlite-utils view of the same connection for table
work (bulk inserts, exports); it is imported on first use so a cold start of the app does not pay
for it (sqlite-utils pulls in dateutil and friends, ~0.1 s).
"""
from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import threading
import time
from pathlib import Path
from typing import Any, Iterator

from pos_app.errors import StorageError
from pos_app.store.migrations import MIGRATIONS, SCHEMA_VERSION

DB_NAME = "sompos.db"


def _private(path: Path) -> None:
    """Owner-only permissions (0600); a no-op where the OS has no such modes."""
    if path.exists() and os.name != "nt":
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


class Store:
    """A single SQLite connection with the durability pragmas checked and a write lock."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._depth = 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if os.name != "nt":
                os.chmod(self.path.parent, 0o700)
            fresh = not self.path.exists()
            if fresh:
                # Create the file with owner-only rights before SQLite writes anything to it.
                fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
            self.conn = sqlite3.connect(str(self.path), timeout=15, isolation_level=None,
                                        check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError("Cannot open the shop database at {path}.", detail=str(exc), path=str(self.path)) from exc
        self.conn.row_factory = sqlite3.Row
        self._db = None
        try:
            self._configure()
            self._check_integrity()
            self._migrate()
        except BaseException:
            self.conn.close()  # do not keep a refused file open (it may be restored or replaced)
            raise
        for suffix in ("", "-wal", "-shm"):
            _private(Path(str(self.path) + suffix))

    # -- setup -------------------------------------------------------------------------------
    def _configure(self) -> None:
        c = self.conn
        try:
            mode = c.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            c.execute("PRAGMA synchronous=FULL")
            c.execute("PRAGMA foreign_keys=ON")
            c.execute("PRAGMA busy_timeout=15000")
            sync = c.execute("PRAGMA synchronous").fetchone()[0]
        except sqlite3.Error as exc:
            raise StorageError("The shop database cannot be configured.", detail=str(exc)) from exc
        # Refuse to run with weaker durability than promised (e.g. a filesystem without WAL).
        if str(mode).lower() != "wal" or sync != 2:
            raise StorageError(
                "The shop database cannot be made crash-safe here (WAL + synchronous=FULL); "
                "put the data folder on a local disk.", detail=f"journal_mode={mode} synchronous={sync}")

    def durability(self) -> dict[str, Any]:
        """The pragmas actually in force on this connection (for tests and diagnostics)."""
        with self._lock:
            return {
                "journal_mode": self.conn.execute("PRAGMA journal_mode").fetchone()[0],
                "synchronous": self.conn.execute("PRAGMA synchronous").fetchone()[0],
                "foreign_keys": self.conn.execute("PRAGMA foreign_keys").fetchone()[0],
            }

    def _check_integrity(self) -> None:
        try:
            rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            raise StorageError("The shop database is damaged and cannot be read; restore a backup.",
                               detail=str(exc)) from exc
        result = [r[0] for r in rows]
        if result != ["ok"]:
            raise StorageError("The shop database is damaged; restore a backup before taking payments.",
                               detail="; ".join(result[:5]))

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StorageError("This shop database was written by a newer Som POS; update the app.",
                               detail=f"user_version={current} > {SCHEMA_VERSION}")
        for number in range(current, SCHEMA_VERSION):
            title, statements = MIGRATIONS[number]
            try:
                with self.transaction():
                    for sql in statements:
                        self.conn.execute(sql)
                    self.conn.execute(f"PRAGMA user_version = {number + 1}")
            except sqlite3.Error as exc:
                raise StorageError("The shop database could not be upgraded for this version of Som POS.",
                                   detail=f"migration {number + 1} ({title}): {exc}") from exc

    # -- access ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` .. ``COMMIT``; nested calls join the outer transaction."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StorageError("The shop database is busy or read-only.", detail=str(exc)) from exc
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self._depth = 0
                self.conn.execute("ROLLBACK")
                raise
            else:
                self._depth = 0
                try:
                    self.conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    self.conn.execute("ROLLBACK")
                    raise StorageError("Saving to the shop database failed.", detail=str(exc)) from exc

    @property
    def db(self) -> Any:
        """A ``sqlite_utils.Database`` on this store's connection (hold ``lock`` while using it)."""
        if self._db is None:
            import sqlite_utils  # deferred: see the module docstring
            self._db = sqlite_utils.Database(self.conn)
        return self._db

    @property
    def lock(self) -> threading.RLock:
        return self._lock

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        with self._lock:
            cur = self.conn.execute(sql, params)
            names = [d[0] for d in cur.description or ()]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def one(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        """Run one write statement in its own transaction (or the caller's)."""
        with self.transaction() as c:
            return c.execute(sql, params)

    # -- settings ----------------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.one("SELECT value FROM settings WHERE key = ?", (key,))
        return json.loads(row["value"]) if row else default

    def set_setting(self, key: str, value: Any) -> None:
        self.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (key, json.dumps(value, sort_keys=True)))

    # -- audit -------------------------------------------------------------------------------
    def audit(self, actor: str, event: str, subject: str, detail: dict[str, Any],
              result: str = "ok") -> None:
        """Append an audit record chained to the previous one by hash (tampering shows)."""
        with self.transaction() as c:
            prev = c.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
            prev_hash = prev[0] if prev else "0" * 64
            at = int(time.time())
            body = json.dumps([at, actor, event, subject, detail, result, prev_hash],
                              sort_keys=True, ensure_ascii=False)
            digest = _sha256(body.encode()).hexdigest()
            c.execute("INSERT INTO audit_log(at, actor, event, subject, detail, result, prev_hash, hash)"
                      " VALUES (?,?,?,?,?,?,?,?)",
                      (at, actor, event, subject, json.dumps(detail, sort_keys=True, ensure_ascii=False),
                       result, prev_hash, digest))

    def verify_audit_chain(self) -> bool:
        """True when every audit record still hashes to what was written."""
        prev_hash = "0" * 64
        for r in self.query("SELECT * FROM audit_log ORDER BY id"):
            body = json.dumps([r["at"], r["actor"], r["event"], r["subject"], json.loads(r["detail"]),
                               r["result"], prev_hash], sort_keys=True, ensure_ascii=False)
            if r["prev_hash"] != prev_hash or _sha256(body.encode()).hexdigest() != r["hash"]:
                return False
            prev_hash = r["hash"]
        return True

    def close(self) -> None:
        with self._lock:
            self.conn.close()


def open_store(data_dir: Path | str) -> Store:
    """Open (creating if needed) the shop database inside ``data_dir``."""
    return Store(Path(data_dir) / DB_NAME)


def _sha256(data: bytes):
    import hashlib  # the audit chain only; keeps it out of cold start
    return hashlib.sha256(data)
