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
import logging
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any, Callable, Iterator

from pos_app.core.errors import StorageError
from pos_app.store.audit_head import (
    HEAD_SETTING, AnchorWriter, DeviceKey, check_anchor, head_shape_ok, stored_head, write_anchor,
)
from pos_app.store.files import (  # noqa: F401 - storage_error and _why are used by callers of db
    OUR_TABLES, _check_file, _header_sane, _private, _sqlite_header, _why, storage_error,
)
from pos_app.store.migrations import MIGRATIONS, SCHEMA_VERSION

DB_NAME = "sompos.db"

log = logging.getLogger(__name__)



def peek_setting(db_path: Path | str, key: str, default: Any = None, *, unreadable: Any = None) -> Any:
    """One setting read from a shop database without opening it as a ``Store`` (read-only: no
    migration, no write, no wait): what the CLI needs to speak the shop's language before it has
    read its arguments. ``default`` when the shop never saved the setting; ``unreadable`` when
    there is no database there or it cannot be read now (missing, busy, damaged, no permission).
    Nothing is raised."""
    try:
        path = Path(db_path)
        if not path.is_file() or path.stat().st_size < 100:   # no database there (an SQLite header is 100 bytes)
            return unreadable
        # immutable: SQLite reads the main file only, takes no lock and never touches a journal or
        # WAL beside it. A plain read-only open would recover or delete them (an empty file beside
        # an old shop's journal lost the journal: tests/core/test_audit.py test_f8_a_new_shop_...).
        # A setting still only in the WAL reads as it was at the last checkpoint.
        con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True, timeout=0.2)
        try:
            row = con.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        finally:
            con.close()
        return json.loads(row[0]) if row else default
    except (sqlite3.Error, ValueError, OSError):
        return unreadable


class Store:
    """A single SQLite connection with the durability pragmas checked and a write lock.

    ``device_key`` signs the audit log's head as each transaction that added records commits
    (``keys.device.DeviceKeyOnce`` for the data folder, passed in by whoever opens the store: the
    store does not know where keys live); ``audit.verify`` checks the head against its public key.
    """

    def __init__(self, path: Path, *, device_key: DeviceKey, new_shop: bool = False) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._settings_writes = 0                 # settings_stamp(): bumped by every settings write
        self._anchors = AnchorWriter()            # the anchor file, written off the committing thread
        self._depth = 0
        self._after_commit: list[Callable[[], None]] = []
        self._anchored_id: int | None = None
        self._audit_start: int | None = None      # the newest audit record when the transaction began
        self._sealed: dict[str, Any] | None = None  # the head signed in it, for the anchor file
        self._seal_force = False
        self.device_key = device_key              # signs the audit head; made on first use
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if os.name != "nt":
                os.chmod(self.path.parent, 0o700)
            fresh = _check_file(self.path, new_shop=new_shop)
            if fresh:
                # Create the file with owner-only rights before SQLite writes anything to it.
                fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
            self.conn = sqlite3.connect(str(self.path), timeout=15, isolation_level=None,
                                        check_same_thread=False)
        except StorageError:
            raise
        except (OSError, sqlite3.Error) as exc:
            if _why(exc, self.path) in ("full", "io"):
                raise storage_error(exc, self.path) from exc
            raise StorageError("store.cannot_open_shop_database", detail=str(exc), path=str(self.path)) from exc
        self.conn.row_factory = sqlite3.Row
        self._db = None
        try:
            self._check_ours()  # before anything writes: a refused file stays byte for byte as it was
            self._configure()
            self._check_integrity()
            self._migrate()
            self._restore_audit_triggers()
            self._key_audit_chain()
        except BaseException:
            self.conn.close()  # do not keep a refused file open (it may be restored or replaced)
            raise
        for suffix in ("", "-wal", "-shm"):
            _private(Path(str(self.path) + suffix))

    # -- setup -------------------------------------------------------------------------------
    def _configure(self) -> None:
        c = self.conn
        from pos_app.store.audit import register_functions
        register_functions(c)  # the invoice triggers call them (audit chain; see store/audit.py)
        try:
            mode = c.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            c.execute("PRAGMA synchronous=FULL")
            c.execute("PRAGMA foreign_keys=ON")
            c.execute("PRAGMA busy_timeout=15000")
            sync = c.execute("PRAGMA synchronous").fetchone()[0]
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc
        # Refuse to run with weaker durability than promised (e.g. a filesystem without WAL).
        if str(mode).lower() != "wal" or sync != 2:
            raise StorageError(
                "store.shop_database_cannot_made", detail=f"journal_mode={mode} synchronous={sync}")

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
            raise storage_error(exc, self.path) from exc
        result = [r[0] for r in rows]
        if result != ["ok"]:
            raise StorageError("store.shop_database_damaged_restore",
                               detail="; ".join(result[:5]))

    def _check_ours(self) -> None:
        """Another program's SQLite file, or a version mark no Som POS wrote, is refused untouched."""
        try:
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            version = self.schema_version()
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc
        if tables and not OUR_TABLES <= tables:
            raise StorageError("store.file_another_program_s", path=str(self.path), detail=f"tables {sorted(tables)[:8]}")
        if version > SCHEMA_VERSION + 1000 or version < 0 or (version == 0 and tables):
            raise StorageError("store.shop_database_damaged_version",
                               detail=f"user_version={version}")
        if version > SCHEMA_VERSION:
            # Before WAL is switched on: that alone rewrites the file's header, and a newer app's
            # database must stay byte for byte as it was (the shop may go back to that version).
            raise StorageError("store.shop_database_written_newer",
                               detail=f"user_version={version} > {SCHEMA_VERSION}")

    def _restore_audit_triggers(self) -> None:
        """Put back an audit trigger someone removed (invoices, payments, the offline queue: schema
        steps 7 and 9), and say so in the chain itself."""
        from pos_app.store.audit import QUEUE_TRIGGERS, TRIGGERS, trigger_name
        have = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        missing = [sql for sql in (*TRIGGERS, *QUEUE_TRIGGERS) if trigger_name(sql) not in have]
        if not missing:
            return
        try:
            with self.transaction() as c:
                for sql in missing:
                    c.execute(sql)
                self.audit("app", "audit.triggers_restored", "invoices",
                           {"triggers": [trigger_name(t) for t in missing]})
        except (StorageError, sqlite3.Error):
            pass  # a read-only open (full disk): the next ordinary open puts them back

    def _key_audit_chain(self) -> None:
        """Sign the audit log's head at once if the database holds none: a new shop, or one from
        before heads were signed (its chain gets its ``audit.keyed`` record; see store/audit.py)."""
        try:
            if self.conn.execute("SELECT 1 FROM settings WHERE key = ?", (HEAD_SETTING,)).fetchone():
                return
            self._seal_force = True
            with self.transaction():
                pass
        except (StorageError, sqlite3.Error):
            pass  # a read-only open (full disk): the next ordinary open signs it
        finally:
            self._seal_force = False

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StorageError("store.shop_database_written_newer",
                               detail=f"user_version={current} > {SCHEMA_VERSION}")
        for number in range(current, SCHEMA_VERSION):
            title, statements = MIGRATIONS[number]
            try:
                with self.transaction():
                    for sql in statements:
                        if callable(sql):
                            sql(self.conn)  # a step that needs Python (e.g. hashing existing rows)
                        else:
                            self.conn.execute(sql)
                    self.conn.execute(f"PRAGMA user_version = {number + 1}")
            except sqlite3.Error as exc:
                if _why(exc, self.path) in ("full", "io"):
                    raise storage_error(exc, self.path) from exc
                raise StorageError("store.shop_database_could_upgraded",
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
                raise StorageError("store.shop_database_busy_read", detail=str(exc)) from exc
            self._depth = 1
            self._after_commit = []
            self._sealed = None
            self._audit_start = self._newest_audit_id()
            try:
                yield self.conn
            except BaseException:
                self._depth = 0
                self._after_commit = []     # nothing happened: nobody is told it did
                if self.conn.in_transaction:  # SQLite already rolled back after a disk error
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self._depth = 0
                pending, self._after_commit = self._after_commit, []
                try:
                    self._seal_audit()
                    self.conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    self._sealed = None
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    if _why(exc, self.path) in ("full", "io"):
                        raise storage_error(exc, self.path) from exc
                    raise StorageError("store.saving_shop_database_failed", detail=str(exc)) from exc
                except BaseException:
                    self._sealed = None
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
                self._anchor_audit()
                for callback in pending:
                    try:
                        callback()
                    except Exception:  # noqa: BLE001 - the data is committed; a listener's fault is not a failed save
                        log.exception("after-commit callback failed")

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the current transaction has committed (at once outside one); never
        if it rolls back. Events about stored changes go through here, so no screen is told of a
        sale that a failed commit took back."""
        with self._lock:
            if self._depth:
                self._after_commit.append(callback)
                return
        callback()

    # -- the audit chain's signed head (store/audit.py seal, store/audit_head.py) ----------------
    def _newest_audit_id(self) -> int | None:
        try:
            return int(self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0])
        except sqlite3.Error:
            return None  # before the first schema step

    def _seal_audit(self) -> None:
        """Just before COMMIT: if this transaction added audit records, sign the new head with the
        device key and keep it in the same transaction, so it is never behind the records."""
        from pos_app.store.audit import seal
        start = self._audit_start
        if start is None:
            start = 0 if self._newest_audit_id() is not None else None  # made in this transaction
            if start is None:
                return
        head = seal(self.conn, self.device_key, start, force=self._seal_force)
        if head is not None:
            self.conn.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                              (HEAD_SETTING, json.dumps(head, sort_keys=True)))
            self._sealed = head

    def _anchor_audit(self) -> None:
        """After a commit that signed a new head: keep a copy of it outside the database."""
        head, self._sealed = self._sealed, None
        if head is None:
            return
        first = self._anchored_id is None and not self.get_setting("audit_anchored", False)
        self._anchored_id = int(head["id"])
        if first:
            # The first anchor is written before the mark that says it exists (never "missing").
            write_anchor(self.path.parent, head)
            self.set_setting("audit_anchored", True)
        else:
            self._anchors.put(self.path.parent, head)

    def flush_anchor(self) -> None:
        """Wait until the anchor file holds the newest head this store signed."""
        self._anchors.flush()

    def signed_audit_head(self) -> dict[str, Any] | None:
        """The audit log's head as this till signed it (``{"id", "count", "hash", "sig"}``), or None."""
        with self._lock:
            head = stored_head(self.conn)
        return head if head_shape_ok(head) else None

    def audit_head(self) -> tuple[int, str]:
        """(id, hash) of the newest audit record: carried by hand-over files as an outside anchor."""
        row = self.one("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        return (int(row["id"]), row["hash"]) if row else (0, "0" * 64)

    def verify_against(self, anchor: tuple[int, str]) -> list[str]:
        """Problems (one sentence each; empty: fine) when the audit head ``anchor`` = (id, hash), e.g.
        carried by a hand-over file, is no longer in this database as it was written."""
        record_id, digest = anchor
        return check_anchor(self, record_id, digest)

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
        self._settings_writes += 1

    def delete_setting(self, key: str) -> None:
        self.execute("DELETE FROM settings WHERE key = ?", (key,))
        self._settings_writes += 1

    def settings_stamp(self) -> tuple[int, int]:
        """Changes whenever the settings may have changed: a write through this store, or a commit
        by another connection (``PRAGMA data_version``: the CLI run beside the open till). One cheap
        query, so a snapshot of the settings is read again only when this changes."""
        with self._lock:
            other = self.conn.execute("PRAGMA data_version").fetchone()[0]
            return self._settings_writes, int(other)

    # -- audit -------------------------------------------------------------------------------
    def audit(self, actor: str, event: str, subject: str, detail: dict[str, Any],
              result: str = "ok") -> None:
        """Append an audit record chained to the previous one by hash (tampering shows)."""
        from pos_app.store.audit import append  # the audit_log's owner; imported when first used
        with self.transaction() as c:
            append(c, actor, event, subject, detail, result)

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
        self._anchors.flush()
        with self._lock:
            self.conn.close()


def open_store(data_dir: Path | str, *, device_key: DeviceKey, new_shop: bool = False) -> Store:
    """Open (creating if needed) the shop database inside ``data_dir``; ``device_key`` signs its audit
    head (``keys.device.DeviceKeyOnce(data_dir)``, the key beside the database)."""
    return Store(Path(data_dir) / DB_NAME, device_key=device_key, new_shop=new_shop)


def _sha256(data: bytes):
    import hashlib  # the audit chain only; keeps it out of cold start
    return hashlib.sha256(data)
