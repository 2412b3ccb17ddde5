"""The SQLite store (``pos_app/store/db.py`` + ``migrations.py``).

Tested: WAL + synchronous=FULL on every connection (also a second Store on the same file),
owner-only file and folder modes, schema versioning (fresh, reopen, incremental step, newer DB
refused, failing step rolled back), integrity check at open (a damaged file is refused),
``transaction()`` atomicity and nesting, settings JSON round-trip, the audit hash chain, and a
child process killed with SIGKILL mid-commit leaving only whole transactions behind.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from pos_app.core.errors import StorageError
from pos_app.keys.device import DeviceKeyOnce
from pos_app.store import db as store_db
from pos_app.store.db import DB_NAME, Store, open_store
from pos_app.store.migrations import MIGRATIONS, SCHEMA_VERSION

REPO_ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "shop"


@pytest.fixture
def store(data_dir: Path):
    s = open_store(data_dir, device_key=DeviceKeyOnce(data_dir))
    yield s
    s.close()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- durability pragmas ----------------------------------------------------------------------

def test_wal_and_synchronous_full_in_force(store: Store):
    d = store.durability()
    assert d["journal_mode"] == "wal"
    assert d["synchronous"] == 2  # FULL
    assert d["foreign_keys"] == 1


def test_second_store_on_same_file_also_full(store: Store):
    # synchronous is per connection and does not persist: the second one must set it too.
    second = Store(store.path, device_key=store.device_key)
    try:
        assert second.durability()["synchronous"] == 2
        assert second.durability()["journal_mode"] == "wal"
        store.set_setting("k", 1)
        assert second.get_setting("k") == 1  # same file, sees the first one's commit
    finally:
        second.close()


# -- permissions -----------------------------------------------------------------------------

@posix_only
def test_files_are_owner_only(store: Store, data_dir: Path):
    store.set_setting("something", "written")  # make sure -wal and -shm exist
    db = data_dir / DB_NAME
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        assert p.exists(), p
        assert _mode(p) == 0o600, (p, oct(_mode(p)))
    assert _mode(data_dir) == 0o700


@posix_only
def test_existing_loose_permissions_are_tightened(data_dir: Path):
    open_store(data_dir, device_key=DeviceKeyOnce(data_dir)).close()
    db = data_dir / DB_NAME
    os.chmod(db, 0o644)
    os.chmod(data_dir, 0o755)
    open_store(data_dir, device_key=DeviceKeyOnce(data_dir)).close()
    assert _mode(db) == 0o600
    assert _mode(data_dir) == 0o700


# -- schema versioning -----------------------------------------------------------------------

def test_schema_version_is_current(store: Store):
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 1
    assert store.schema_version() == SCHEMA_VERSION
    tables = {r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"settings", "invoices", "payments", "audit_log", "scan_cursor"} <= tables


def test_reopen_does_not_rerun_migrations(data_dir: Path):
    s = open_store(data_dir, device_key=DeviceKeyOnce(data_dir))
    s.set_setting("kept", {"a": 1})
    s.close()
    # The migrations use plain CREATE TABLE: running them again would fail or wipe nothing
    # silently; reopening twice must keep the data and the version.
    for _ in range(2):
        s = open_store(data_dir, device_key=DeviceKeyOnce(data_dir))
        assert s.schema_version() == SCHEMA_VERSION
        assert s.get_setting("kept") == {"a": 1}
        s.close()


def test_only_new_steps_run_on_an_older_database(data_dir: Path, monkeypatch):
    open_store(data_dir, device_key=DeviceKeyOnce(data_dir)).close()
    extra = ("test step", ["CREATE TABLE extra_step (x INTEGER)"])
    monkeypatch.setattr(store_db, "MIGRATIONS", MIGRATIONS + [extra])
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    # would raise "table settings already exists" if step 1 re-ran
    s = open_store(data_dir, device_key=DeviceKeyOnce(data_dir))
    try:
        assert s.schema_version() == SCHEMA_VERSION + 1
        assert s.one("SELECT name FROM sqlite_master WHERE name = 'extra_step'") is not None
    finally:
        s.close()


def test_failing_migration_step_is_rolled_back(data_dir: Path, monkeypatch):
    open_store(data_dir, device_key=DeviceKeyOnce(data_dir)).close()
    bad = ("broken step", ["CREATE TABLE half_done (x INTEGER)", "THIS IS NOT SQL"])
    monkeypatch.setattr(store_db, "MIGRATIONS", MIGRATIONS + [bad])
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(StorageError):
        open_store(data_dir, device_key=DeviceKeyOnce(data_dir))
    conn = sqlite3.connect(data_dir / DB_NAME)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchone() is None
    finally:
        conn.close()


def test_newer_database_is_refused(data_dir: Path):
    open_store(data_dir, device_key=DeviceKeyOnce(data_dir)).close()
    conn = sqlite3.connect(data_dir / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError) as e:
        open_store(data_dir, device_key=DeviceKeyOnce(data_dir))
    assert "newer" in e.value.user_message


# -- integrity -------------------------------------------------------------------------------

def test_damaged_file_is_refused_at_open(data_dir: Path):
    s = open_store(data_dir, device_key=DeviceKeyOnce(data_dir))
    with s.transaction() as c:
        for i in range(3000):  # ~80 pages, so the middle of the file is a b-tree page
            c.execute("INSERT INTO settings(key, value) VALUES (?, ?)", (f"key{i:05d}", json.dumps("v" * 50)))
    s.close()  # the last connection checkpoints the WAL into the main file
    db = data_dir / DB_NAME
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    page_size = 4096
    pages = db.stat().st_size // page_size
    assert pages > 20
    with open(db, "r+b") as f:
        f.seek((pages // 2) * page_size)
        f.write(b"\xa5" * page_size)  # one whole page of garbage
    with pytest.raises(StorageError) as e:
        open_store(data_dir, device_key=DeviceKeyOnce(data_dir))
    assert "damaged" in e.value.user_message


def test_not_a_database_is_refused(data_dir: Path):
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError):
        open_store(data_dir, device_key=DeviceKeyOnce(data_dir))


# -- transactions ----------------------------------------------------------------------------

def _count_settings(path: Path) -> int:
    """Read through an independent connection: only committed data is visible. The audit chain's
    own two (its signed head and the anchored mark, written when the shop opens) are not counted."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM settings WHERE key NOT IN ('audit_head', 'audit_anchored')"
                            ).fetchone()[0]
    finally:
        conn.close()


def test_transaction_rolls_back_everything_on_exception(store: Store):
    store.set_setting("before", 1)
    with pytest.raises(RuntimeError):
        with store.transaction() as c:
            c.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
            c.execute("UPDATE settings SET value = '99' WHERE key = 'before'")
            c.execute("INSERT INTO settings(key, value) VALUES ('b', '2')")
            raise RuntimeError("crash in the middle")
    assert store.get_setting("a") is None
    assert store.get_setting("b") is None
    assert store.get_setting("before") == 1
    assert _count_settings(store.path) == 1
    store.set_setting("after", 2)  # the store is usable again (no transaction left open)
    assert _count_settings(store.path) == 2


def test_constraint_failure_rolls_back_earlier_statements(store: Store):
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction() as c:
            c.execute("INSERT INTO settings(key, value) VALUES ('first', '1')")
            c.execute("INSERT INTO settings(key, value) VALUES ('first', '2')")  # duplicate key
    assert store.get_setting("first") is None


def test_nested_transaction_joins_the_outer_one(store: Store):
    with store.transaction():
        store.set_setting("outer", 1)
        with store.transaction():
            store.set_setting("inner", 2)
        # The inner block ended but must not have committed on its own.
        assert _count_settings(store.path) == 0
    assert _count_settings(store.path) == 2


def test_exception_in_nested_transaction_rolls_back_outer_work(store: Store):
    with pytest.raises(KeyError):
        with store.transaction():
            store.set_setting("outer", 1)
            with store.transaction():
                store.set_setting("inner", 2)
                raise KeyError("boom")
    assert store.get_setting("outer") is None
    assert store.get_setting("inner") is None
    with store.transaction():  # depth was reset: this is a real top-level transaction again
        store.set_setting("later", 3)
    assert _count_settings(store.path) == 1


# -- settings --------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "text", "сом ✓", 0, -7, 10**40, 1.5, True, None, [1, "two", None], {"nested": {"list": [1, 2]}},
])
def test_settings_round_trip_json(store: Store, value):
    store.set_setting("k", value)
    assert store.get_setting("k", default="missing") == value
    # and after reopening from disk
    other = Store(store.path, device_key=store.device_key)
    try:
        assert other.get_setting("k", default="missing") == value
    finally:
        other.close()


def test_setting_overwrite_and_default(store: Store):
    assert store.get_setting("absent", default=42) == 42
    store.set_setting("k", "one")
    store.set_setting("k", "two")
    assert store.get_setting("k") == "two"
    assert _count_settings(store.path) == 1


# -- audit chain -----------------------------------------------------------------------------

def _three_records(store: Store) -> None:
    store.audit("manager", "invoice.mark", "invoice:1", {"to": "settled", "reason": "cash"})
    store.audit("cashier", "payment.assign", "payment:7", {"invoice": 2, "note": "тест"})
    store.audit("system", "config.network", "network", {"name": "bsc"}, result="refused")


def test_audit_chain_verifies(store: Store):
    assert store.verify_audit_chain()  # only the chain's first record: signed from here on (issue 18)
    assert [r["event"] for r in store.query("SELECT event FROM audit_log")] == ["audit.keyed"]
    _three_records(store)
    rows = store.query("SELECT * FROM audit_log ORDER BY id")
    assert len(rows) == 4
    assert rows[0]["prev_hash"] == "0" * 64
    assert all(rows[i]["prev_hash"] == rows[i - 1]["hash"] for i in (1, 2, 3))
    assert store.verify_audit_chain()


def test_audit_chain_detects_edited_detail(store: Store):
    _three_records(store)
    store.conn.execute("UPDATE audit_log SET detail = ? WHERE event = 'payment.assign'",
                       (json.dumps({"invoice": 3, "note": "тест"}, sort_keys=True),))
    assert not store.verify_audit_chain()


@pytest.mark.parametrize("sql", [
    "UPDATE audit_log SET actor = 'someone else' WHERE event = 'invoice.mark'",
    "UPDATE audit_log SET result = 'ok' WHERE event = 'config.network'",
    "UPDATE audit_log SET at = at - 3600 WHERE event = 'payment.assign'",
    "DELETE FROM audit_log WHERE event = 'payment.assign'",
])
def test_audit_chain_detects_other_tampering(store: Store, sql):
    _three_records(store)
    store.conn.execute(sql)
    assert not store.verify_audit_chain()


# -- crash safety ----------------------------------------------------------------------------

CHILD = textwrap.dedent("""
    import hashlib, sys
    from pathlib import Path
    from pos_app.keys.device import DeviceKeyOnce
    from pos_app.store.db import Store

    store = Store(Path(sys.argv[1]), device_key=DeviceKeyOnce(Path(sys.argv[1]).parent))
    store.execute("CREATE TABLE IF NOT EXISTS crash (n INTEGER PRIMARY KEY, a TEXT NOT NULL, b TEXT)")
    n = 0
    while True:
        n += 1
        digest = hashlib.sha256(str(n).encode()).hexdigest() * 20
        with store.transaction() as c:
            # Three statements in one transaction: a row half-written (b NULL) or without the
            # matching 'last' setting would show a torn transaction.
            c.execute("INSERT INTO crash(n, a, b) VALUES (?, ?, NULL)", (n, digest))
            c.execute("UPDATE crash SET b = a WHERE n = ?", (n,))
            c.execute("INSERT INTO settings(key, value) VALUES ('last', ?)"
                      " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(n),))
        print(n, flush=True)  # acknowledged only after COMMIT returned
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_commits_leaves_whole_transactions(tmp_path: Path):
    db = tmp_path / "crash" / DB_NAME
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, text=True)
    acknowledged = 0
    try:
        deadline = time.monotonic() + 4.0
        # Wait until it is committing steadily, then kill it mid-loop.
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            acknowledged = int(line)
            if acknowledged >= 300:
                break
        time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=5)
        for line in proc.stdout.read().split():  # lines already written before the kill
            acknowledged = int(line)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert acknowledged >= 1, "the child never committed anything"

    # Opening runs integrity_check (a damaged file raises StorageError).
    s = Store(db, device_key=DeviceKeyOnce(db.parent))
    try:
        assert [r["integrity_check"] for r in s.query("PRAGMA integrity_check")] == ["ok"]
        rows = s.query("SELECT n, a, b FROM crash ORDER BY n")
        last = int(s.get_setting("last"))
        assert all(r["b"] == r["a"] for r in rows), "a half-written transaction survived"
        assert [r["n"] for r in rows] == list(range(1, last + 1))
        assert last >= acknowledged, "a committed (acknowledged) transaction was lost"
    finally:
        s.close()


def test_after_commit_runs_only_after_the_outermost_commit_and_never_on_rollback(tmp_path):
    store = store_db.open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
    seen = []
    store.after_commit(lambda: seen.append("now"))          # outside a transaction: at once
    assert seen == ["now"]
    with store.transaction():
        with store.transaction():
            store.after_commit(lambda: seen.append("inner"))
        assert seen == ["now"]                              # the inner block did not commit anything
    assert seen == ["now", "inner"]
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.after_commit(lambda: seen.append("rolled back"))
            raise RuntimeError("power cut")
    with store.transaction():
        pass
    assert seen == ["now", "inner"]
    store.close()


def test_the_contexts_services_are_made_once_whichever_threads_ask(tmp_path, monkeypatch):
    """The GUI builds the watcher on its slow worker while the database worker uses the queue."""
    import threading
    import time

    import pos_app.offline.queue as Q
    from pos_app.app.context import AppContext
    real = Q.OfflineQueue.__init__

    def slow_init(self, *a, **k):
        time.sleep(0.05)
        real(self, *a, **k)
    monkeypatch.setattr(Q.OfflineQueue, "__init__", slow_init)
    ctx = AppContext(tmp_path)
    got = []
    threads = [threading.Thread(target=lambda: got.append(ctx.offline)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(q) for q in got}) == 1 and got[0] is ctx.offline
    ctx.close()


def test_a_database_from_a_newer_version_is_refused_byte_for_byte_untouched(tmp_path):
    """Found by the installed-package test: switching on WAL rewrote the header of a database the
    app then refused. A newer app's file must stay exactly as it was."""
    import shutil
    import sqlite3
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    shutil.copy(fixtures / "sompos_v7.db", tmp_path / "sompos.db")
    db = sqlite3.connect(tmp_path / "sompos.db")
    db.execute(f"PRAGMA user_version = {store_db.SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = (tmp_path / "sompos.db").read_bytes()
    with pytest.raises(StorageError, match="newer Som POS"):
        store_db.open_store(tmp_path, device_key=DeviceKeyOnce(tmp_path))
    assert (tmp_path / "sompos.db").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sompos.db"]
