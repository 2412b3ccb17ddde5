"""Issue 10, finding 8 (and the database-file parts of 14 and 15): files that are not this shop's
database are refused untouched, and the audit chain catches a trimmed tail, a wiped log, a
recomputed chain and direct edits to invoices, at start and with ``sompos audit verify``."""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from pos_app.cli.main import main
from pos_app.app.context import AppContext
from pos_app.core.errors import StorageError
from pos_app.core.money import Tyiyn
from pos_app.store.audit import ANCHOR_NAME, chain_hash, verify
from pos_app.core.events import AuditProblem


def run(capsys, *argv: str) -> tuple[int, str, str]:
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def shop(tmp_path) -> Path:
    data = tmp_path / "shop"
    ctx = AppContext(data)
    for som in (150, 70, 12):
        ctx.create_invoice(Tyiyn(som * 100), memo="bread")
    ctx.store.audit("cashier", "mark_invalid", "invoice:3", {"reason": "test"})
    ctx.close()
    return data


def raw(data: Path) -> sqlite3.Connection:
    """The database as someone with a sqlite3 shell sees it (none of the app's functions)."""
    return sqlite3.connect(data / "sompos.db", isolation_level=None)


# -- files that are not this shop's database ------------------------------------------------------
def test_f8_an_empty_database_file_is_refused_untouched_unless_a_new_shop_is_asked_for(tmp_path, capsys):
    data = tmp_path / "shop"
    data.mkdir()
    (data / "sompos.db").write_bytes(b"")
    rc, _, err = run(capsys, "--data-dir", str(data), "config", "show")
    assert rc != 0 and "is empty" in err and "--new-shop" in err and "unexpected" not in err
    assert (data / "sompos.db").read_bytes() == b"" and err.count("\n") == 1
    with pytest.raises(StorageError):
        AppContext(data)
    rc, out, _ = run(capsys, "--data-dir", str(data), "--new-shop")
    assert rc == 0 and "new shop" in out
    assert [p.name for p in data.glob("sompos.db.empty-*")] and (data / "sompos.db").stat().st_size > 0
    assert run(capsys, "--data-dir", str(data), "config", "show")[0] == 0


@pytest.mark.parametrize("content,words", [
    (b"hello, this is a text file\n" * 10, "not a Som POS database"),
    (b"SQLite format 3\x00\x10", "damaged"),
])
def test_f8_a_file_that_is_not_a_database_is_refused_and_said_so(tmp_path, capsys, content, words):
    data = tmp_path / "shop"
    data.mkdir()
    (data / "sompos.db").write_bytes(content)
    rc, _, err = run(capsys, "--data-dir", str(data), "invoices")
    assert rc != 0 and words in err and "configured" not in err and "unexpected" not in err
    assert (data / "sompos.db").read_bytes() == content


def test_f14_another_programs_sqlite_file_is_refused_untouched(tmp_path, capsys):
    data = tmp_path / "shop"
    data.mkdir()
    other = sqlite3.connect(data / "sompos.db")
    other.execute("CREATE TABLE contacts (name TEXT)")
    other.execute("INSERT INTO contacts VALUES ('Aida')")
    other.commit()
    other.close()
    before = digest(data / "sompos.db")
    rc, _, err = run(capsys, "--data-dir", str(data), "config", "show")
    assert rc != 0 and "another program's database" in err
    assert digest(data / "sompos.db") == before


@pytest.mark.parametrize("offset", [18, 60, 7941])
def test_f14_header_damage_gives_one_clear_line_or_works(shop, capsys, offset):
    db = shop / "sompos.db"
    data = bytearray(db.read_bytes())
    data[offset] ^= 0x5A
    db.write_bytes(bytes(data))
    rc, out, err = run(capsys, "--data-dir", str(shop), "invoices")
    assert "unexpected" not in err and "Traceback" not in err
    if rc != 0:
        assert err.startswith("sompos: error: ") and err.count("\n") == 1
        assert "newer Som POS" not in err           # a flipped version mark is damage, not an update
    else:
        assert "150" in out


# -- the audit chain ------------------------------------------------------------------------------------
def test_f8_an_untouched_shop_verifies(shop, capsys):
    rc, out, _ = run(capsys, "--data-dir", str(shop), "audit", "verify")
    assert rc == 0 and "everything agrees" in out
    anchor = json.loads((shop / ANCHOR_NAME).read_text())
    last = raw(shop).execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert (anchor["id"], anchor["hash"]) == tuple(last)


def test_f8_a_trimmed_tail_is_found(shop, capsys):
    raw(shop).execute("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
    rc, out, _ = run(capsys, "--data-dir", str(shop), "audit", "verify")
    assert rc == 1 and "newest audit records are missing" in out


def test_f8_a_wiped_log_is_found(shop, capsys):
    raw(shop).execute("DELETE FROM audit_log")
    rc, out, _ = run(capsys, "--data-dir", str(shop), "audit", "verify")
    assert rc == 1 and "missing" in out


def test_f8_a_recomputed_chain_is_found(shop, capsys):
    conn = raw(shop)
    rows = conn.execute("SELECT id, at, actor, event, subject, detail, result FROM audit_log ORDER BY id").fetchall()
    prev = "0" * 64
    for rid, at, actor, event, subject, detail, result in rows:
        if event == "mark_invalid":
            detail = json.dumps({"reason": "someone else did it"})
        h = chain_hash(at, actor, event, subject, detail, result, prev)
        conn.execute("UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?", (detail, prev, h, rid))
        prev = h
    rc, out, _ = run(capsys, "--data-dir", str(shop), "audit", "verify")
    assert rc == 1 and "were rewritten" in out


def test_f8_a_direct_edit_to_an_invoice_is_found(shop, capsys):
    conn = raw(shop)
    with pytest.raises(sqlite3.OperationalError, match="no such function"):
        conn.execute("UPDATE invoices SET amount_tyiyn = 1 WHERE id = 1")   # the trigger stops a plain shell
    conn.execute("DROP TRIGGER invoice_audit_update")
    conn.execute("UPDATE invoices SET amount_tyiyn = 1 WHERE id = 1")
    rc, out, _ = run(capsys, "--data-dir", str(shop), "audit", "verify")
    assert rc == 1 and "invoice 1 was changed outside the app" in out
    assert "switched off" in out                     # the app put the trigger back and said so
    names = {r[0] for r in raw(shop).execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"invoice_audit_insert", "invoice_audit_update"} <= names


def test_f8_every_invoice_change_by_the_app_keeps_verifying(shop):
    ctx = AppContext(shop)
    try:
        inv = ctx.service.get(1)
        ctx.service.mark(inv.id, inv.state.__class__("invalid"), actor="cashier", reason="test")
        ctx.store.execute("UPDATE invoices SET memo = 'changed by the app' WHERE id = 2")
        rep = verify(ctx.store, shop)
        assert rep.ok, rep.problems
        assert ctx.store.verify_audit_chain()
    finally:
        ctx.close()


def test_f8_the_watcher_checks_at_start_and_tells_the_screen(shop, tmp_path):
    from pos_app.app.demo.chain import DemoChain
    raw(shop).execute("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
    chain = DemoChain()
    ctx = AppContext(shop, embedded_w3=chain.shop_w3)
    try:
        seen = []
        ctx.events.subscribe(seen.append, AuditProblem)
        ctx.watcher().scan_once()                   # sales go on: the pass completes
        assert seen and any("missing" in p for p in seen[0].problems)
    finally:
        ctx.close()
        chain.stop()


def test_f8_old_shops_get_a_starting_record_for_their_invoices(tmp_path):
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "sompos_v1.db"
    data = tmp_path / "old"
    data.mkdir()
    shutil.copy(fixture, data / "sompos.db")
    ctx = AppContext(data)
    try:
        rep = verify(ctx.store, data)
        assert rep.ok, rep.problems
    finally:
        ctx.close()


def test_f8_config_show_says_whether_the_audit_log_agrees(shop, capsys):
    rc, out, _ = run(capsys, "--data-dir", str(shop), "config", "show")
    assert rc == 0 and any(line.split() == ["audit", "ok"] for line in out.splitlines())
    raw(shop).execute("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
    rc, out, _ = run(capsys, "--data-dir", str(shop), "--json", "config", "show")
    assert rc == 0 and "sompos audit verify" in json.loads(out)["audit"]   # reported, not blocking


def test_f8_a_head_handed_to_another_till_catches_a_rewritten_anchor_file_too(shop):
    ctx = AppContext(shop)
    head = ctx.store.audit_head()
    assert head[0] > 0 and ctx.store.verify_against(head) == []
    ctx.close()
    # Someone rewrites the chain from the start AND the anchor file next to it.
    conn = raw(shop)
    prev = "0" * 64
    for rid, at, actor, event, subject, detail, result in conn.execute(
            "SELECT id, at, actor, event, subject, detail, result FROM audit_log ORDER BY id").fetchall():
        if event == "mark_invalid":
            detail = json.dumps({"reason": "someone else did it"})
        prev = chain_hash(at, actor, event, subject, detail, result, prev)
        conn.execute("UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ? WHERE id = ?",
                     (detail, prev_hash_of(conn, rid), prev, rid))
    last = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    (shop / ANCHOR_NAME).write_text(json.dumps({"id": last[0], "hash": last[1]}))
    ctx = AppContext(shop)
    try:
        # Issue 18, finding 14: this till tells now (its signed head and the anchor file's signature) ...
        problems = verify(ctx.store, shop).problems
        assert any("rewritten" in p for p in problems) and any("not signed by this till" in p for p in problems)
        assert any("rewritten" in p for p in ctx.store.verify_against(head))   # ... and the handed head too
        conn.execute("DELETE FROM audit_log WHERE id >= ?", (head[0],))
        assert any("missing" in p for p in ctx.store.verify_against(head))
    finally:
        ctx.close()


def prev_hash_of(conn: sqlite3.Connection, rid: int) -> str:
    row = conn.execute("SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1", (rid,)).fetchone()
    return row[0] if row else "0" * 64


# -- a disk that refuses writes while a shop is being set up (finding 15) -------------------------------
FSIZE_SCRIPT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), int(sys.argv[2])))
if sys.argv[3] == "store":
    from pos_app.core.errors import PosError
    from pos_app.keys.device import DeviceKeyOnce
    from pos_app.store.db import open_store
    try:
        open_store(sys.argv[1], device_key=DeviceKeyOnce(sys.argv[1]))
    except PosError as exc:
        sys.exit("sompos: error: " + str(exc))
from pos_app.cli.main import main
sys.exit(main(["--data-dir", sys.argv[1], "config", "show"]))
"""


@pytest.mark.parametrize("how", ["cli", "store"])
@pytest.mark.parametrize("limit", [0, 60000])   # nothing written at all / cut off inside the first schema step
def test_f15_a_disk_refusing_writes_when_a_shop_is_set_up_is_said_so(tmp_path, limit, how):
    import subprocess
    import sys
    root = Path(__file__).resolve().parents[2]
    p = subprocess.run([sys.executable, "-c", FSIZE_SCRIPT, str(tmp_path / "shop"), str(limit), how],
                       capture_output=True, text=True, timeout=120, cwd=root)
    assert p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr
    assert "disk" in p.stderr and "full" in p.stderr
    assert "damaged" not in p.stderr and "upgraded" not in p.stderr and "configured" not in p.stderr


def test_f8_audit_verify_holds_to_a_head_another_till_recorded(shop, capsys):
    ctx = AppContext(shop)
    rid, digest = ctx.store.audit_head()
    ctx.close()
    rc, out, _ = run(capsys, "--data-dir", str(shop), "audit", "verify", "--head", f"{rid}:{digest}")
    assert rc == 0 and "everything agrees" in out
    raw(shop).execute("DELETE FROM audit_log WHERE id >= ?", (rid,))
    (shop / ANCHOR_NAME).unlink()
    raw(shop).execute("DELETE FROM settings WHERE key = 'audit_anchored'")   # every local trace gone
    rc, out, _ = run(capsys, "--data-dir", str(shop), "audit", "verify", "--head", f"{rid}:{digest}")
    assert rc == 1 and "newest audit records are missing" in out
    rc, _, err = run(capsys, "--data-dir", str(shop), "audit", "verify", "--head", "12:nothex")
    assert rc != 0 and "ID:HASH" in err


def test_f8_a_new_shop_over_an_empty_file_keeps_the_old_journal_and_does_not_replay_it(shop, capsys):
    conn = raw(shop)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("INSERT INTO settings(key, value) VALUES ('old', '1')")   # frames in the journal
    wal = (shop / "sompos.db-wal").read_bytes()   # the only copy of the last commits
    conn.close()
    (shop / "sompos.db").write_bytes(b"")
    (shop / "sompos.db-wal").write_bytes(wal)
    assert len(wal) > 0
    rc, out, _ = run(capsys, "--data-dir", str(shop), "--new-shop")
    assert rc == 0 and "new shop" in out
    assert [p.read_bytes() for p in shop.glob("sompos.db-wal.empty-*")] == [wal]     # kept, moved aside
    ctx = AppContext(shop)
    try:
        assert ctx.store.one("SELECT COUNT(*) AS n FROM invoices")["n"] == 0
        assert ctx.store.get_setting("old") is None
        assert verify(ctx.store, shop).ok                 # the old shop's audit anchor went aside too
    finally:
        ctx.close()


def test_f8_a_deleted_database_in_a_shops_folder_is_not_silently_a_new_shop(shop, capsys):
    (shop / "sompos.db").unlink()
    rc, _, err = run(capsys, "--data-dir", str(shop), "invoices")
    assert rc != 0 and "is missing, but this folder held a shop" in err and "--new-shop" in err
    assert not (shop / "sompos.db").exists()
    rc, out, _ = run(capsys, "--data-dir", str(shop), "--new-shop")
    assert rc == 0 and "new shop" in out
    assert run(capsys, "--data-dir", str(shop), "audit", "verify")[0] == 0


@pytest.mark.parametrize("offset", [18, 19, 21])    # write version, read version, payload fraction
@pytest.mark.parametrize("argv", [("invoices",), ("config", "expiry", "30")])
def test_f14_a_damaged_header_field_is_called_damage_and_the_file_left_alone(shop, capsys, offset, argv):
    db = shop / "sompos.db"
    data = bytearray(db.read_bytes())
    data[offset] ^= 0x5A
    db.write_bytes(bytes(data))
    rc, _, err = run(capsys, "--data-dir", str(shop), *argv)
    assert rc != 0 and "damaged" in err and err.count("\n") == 1
    assert "unexpected" not in err and "not a Som POS database" not in err
    assert db.read_bytes() == bytes(data)


def test_f8_a_deleted_invoice_or_a_payment_moved_to_another_invoice_is_found(shop, tmp_path, capsys):
    """Found by an adversarial review: deletes and payment edits bypassed the invoice digests."""
    from pos_app.invoices.service import Transfer
    ctx = AppContext(shop)
    inv = ctx.service.get(1)
    ctx.service.record_transfer(Transfer(inv.chain_id, inv.token, "0x" + "aa" * 32, 0, 5, "0x" + "bb" * 32,
                                         inv.created_at, "0x" + "11" * 20, inv.merchant, inv.due_base))
    ctx.close()
    assert run(capsys, "--data-dir", str(shop), "audit", "verify")[0] == 0
    conn = raw(shop)
    for trigger in ("invoice_audit_delete", "payment_audit_update"):
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("UPDATE payments SET invoice_id = 2")               # the money moved to another sale
    conn.execute("DELETE FROM invoices WHERE id = 3")
    rc, out, _ = run(capsys, "--data-dir", str(shop), "audit", "verify")
    assert rc == 1
    assert "payment 1 was changed outside the app" in out and "invoice 3 is missing" in out


def test_a_command_that_never_closes_its_store_still_leaves_the_newest_head_in_the_anchor(tmp_path):
    """The anchor is written off the committing thread (issue 19, point 8); a process that exits
    without closing its store (every CLI command) flushes it at exit, so the file says the newest
    head, not the first one (found by review: three commands left the anchor at record 1)."""
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    shop = tmp_path / "shop"
    code = ("import sys\nfrom pos_app.app.context import AppContext\nfrom pos_app.core.money import Tyiyn\n"
            "ctx = AppContext(sys.argv[1])\nctx.create_invoice(Tyiyn(100))\n")   # no close()
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code, str(shop)], cwd=root, capture_output=True, text=True,
                             timeout=120)
        assert out.returncode == 0, out.stderr
    ctx = AppContext(shop)
    try:
        newest = ctx.store.one("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        anchor = json.loads((shop / ANCHOR_NAME).read_text())
        assert (anchor["id"], anchor["hash"]) == (newest["id"], newest["hash"])
    finally:
        ctx.close()
