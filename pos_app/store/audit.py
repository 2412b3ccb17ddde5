"""The audit chain: who did what, hash-linked, with an anchor outside the database.

Every record's hash covers its fields and the previous record's hash (``chain_hash``), so an edited
record breaks the chain. Three things a chain alone cannot show are covered here:

* **A trimmed tail, a wiped log, a recomputed chain.** After each commit that added records, the
  newest record's id and hash are written to ``audit-anchor.json`` next to the database (atomic
  replace). ``verify`` checks that record still exists with that hash, so removing the newest
  records, emptying the table or rewriting the records and re-hashing them all shows. Hand-over
  files carry the same head to another till (``handover_file.audit_head``), so even someone who also
  rewrites the anchor file is caught there. (The anchor is not fsynced: after a power cut it may
  lag the database by the last commits, which still verifies; it is never ahead of it.)
* **Direct edits to invoices.** SQLite triggers (schema step 7) append an ``invoice.write`` record
  with a digest of the invoice row to the chain whenever an invoice is inserted or updated, by any
  code path. The functions they call exist only on connections opened by this app, so a
  ``sqlite3`` shell cannot change an invoice without dropping a trigger first, and ``verify``
  reports every invoice whose row no longer matches its last recorded digest.
* **One writer.** Every record is written here (``append``, the triggers, the schema step's
  baseline); ``Store.audit`` opens the transaction and calls ``append``.
* **Verification at all:** ``verify`` runs when the watcher starts (logged, and shown on the
  screen, never blocking sales) and on demand with ``sompos audit verify``.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ANCHOR_NAME = "audit-anchor.json"
GENESIS = "0" * 64
INVOICE_FIELDS = ("id", "created_at", "expires_at", "chain_id", "token", "merchant", "decimals", "amount_tyiyn",
                  "amount_base", "due_base", "tail", "state", "paid_seen", "paid_final", "flag_partial",
                  "flag_over", "flag_late", "memo", "offline_id")
PAYMENT_FIELDS = ("id", "chain_id", "token", "tx_hash", "log_index", "block_number", "block_hash", "block_time",
                  "payer", "payee", "value", "status", "invoice_id", "matched_by")
# The tables whose every row change leaves a digest in the chain: (table, subject/event word, fields).
AUDITED = (("invoices", "invoice", INVOICE_FIELDS), ("payments", "payment", PAYMENT_FIELDS))


def chain_hash(at: int, actor: str, event: str, subject: str, detail_json: str, result: str, prev: str) -> str:
    body = json.dumps([at, actor, event, subject, json.loads(detail_json), result, prev],
                      sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode()).hexdigest()


def row_digest(*values: Any) -> str:
    """A digest of a row (the table's fields in order), the same from SQL and Python."""
    return hashlib.sha256(json.dumps([None if v is None else str(v) for v in values],
                                     ensure_ascii=False).encode()).hexdigest()


invoice_digest = row_digest


def _row_detail(*values: Any) -> str:
    return json.dumps({"digest": row_digest(*values)}, sort_keys=True)


def register_functions(conn: Any) -> None:
    """The SQL functions the audit triggers call; registered on every connection this app opens."""
    conn.create_function("sompos_chain", 7, chain_hash, deterministic=True)
    conn.create_function("sompos_row_detail", -1, _row_detail, deterministic=True)


def _trigger(table: str, word: str, fields: tuple[str, ...], when: str) -> str:
    row = "OLD" if when == "DELETE" else "NEW"
    event = f"{word}.delete" if when == "DELETE" else f"{word}.write"
    cols = ", ".join(f"{row}.{f}" for f in fields)
    return f"""CREATE TRIGGER {word}_audit_{when.lower()} AFTER {when} ON {table} BEGIN
        INSERT INTO audit_log(at, actor, event, subject, detail, result, prev_hash, hash)
        SELECT t.at, 'app', '{event}', '{word}:' || {row}.id, t.detail, 'ok', t.prev,
               sompos_chain(t.at, 'app', '{event}', '{word}:' || {row}.id, t.detail, 'ok', t.prev)
        FROM (SELECT CAST(strftime('%s', 'now') AS INTEGER) AS at, sompos_row_detail({cols}) AS detail,
                     COALESCE((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '{GENESIS}') AS prev) AS t;
    END"""


# Schema step 7 adds these (see migrations.py). The app never deletes an invoice or a payment: a
# delete record is always a finding.
TRIGGERS = tuple(_trigger(table, word, fields, when) for table, word, fields in AUDITED
                 for when in ("INSERT", "UPDATE", "DELETE"))


def baseline_invoices(conn: Any) -> None:
    """Schema step 7: one ``.write`` record for every invoice and payment already there (their start)."""
    prev_row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev = prev_row[0] if prev_row else GENESIS
    at = int(time.time())
    for table, word, fields in AUDITED:
        for r in conn.execute(f"SELECT {', '.join(fields)} FROM {table} ORDER BY id").fetchall():
            detail = _row_detail(*tuple(r))
            subject = f"{word}:{r[0]}"
            digest = chain_hash(at, "app", f"{word}.write", subject, detail, "ok", prev)
            conn.execute("INSERT INTO audit_log(at, actor, event, subject, detail, result, prev_hash, hash)"
                         " VALUES (?,?,?,?,?,?,?,?)", (at, "app", f"{word}.write", subject, detail, "ok", prev,
                                                       digest))
            prev = digest


def append(conn: Any, actor: str, event: str, subject: str, detail: dict[str, Any], result: str = "ok") -> None:
    """Inside an open transaction: one record chained to the previous one by hash (``Store.audit``)."""
    prev = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev_hash = prev[0] if prev else GENESIS
    at = int(time.time())
    body = json.dumps([at, actor, event, subject, detail, result, prev_hash], sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(body.encode()).hexdigest()
    conn.execute("INSERT INTO audit_log(at, actor, event, subject, detail, result, prev_hash, hash)"
                 " VALUES (?,?,?,?,?,?,?,?)",
                 (at, actor, event, subject, json.dumps(detail, sort_keys=True, ensure_ascii=False),
                  result, prev_hash, digest))


# -- the anchor outside the database -------------------------------------------------------------
def read_anchor(data_dir: Path | str) -> dict[str, Any] | None:
    """``{"id", "hash"}`` of the newest record at the last anchored commit; None if there is none."""
    try:
        raw = (Path(data_dir) / ANCHOR_NAME).read_bytes()[:4096]
        d = json.loads(raw)
    except (OSError, ValueError):
        return None
    if isinstance(d, dict) and isinstance(d.get("id"), int) and isinstance(d.get("hash"), str):
        return {"id": d["id"], "hash": d["hash"]}
    return {"id": -1, "hash": "unreadable"}


def write_anchor(data_dir: Path | str, record_id: int, digest: str) -> None:
    """Atomically replace the anchor (temp file + rename); failures are ignored (a full disk must
    not stop a sale: the next commit writes it again)."""
    path = Path(data_dir) / ANCHOR_NAME
    tmp = path.with_name(f".{ANCHOR_NAME}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, json.dumps({"id": record_id, "hash": digest}).encode())
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


# -- verification ---------------------------------------------------------------------------------
def check_anchor(store: Any, record_id: int, digest: str) -> list[str]:
    """Problems when the record an anchor names (this till's file, or a head another till was handed)
    is gone or hashes differently: a trimmed tail, a wiped log or a rewritten and re-hashed chain."""
    if not isinstance(record_id, int) or record_id <= 0:
        return []                                   # anchored before the first record: nothing to hold to
    with store.lock:
        row = store.conn.execute("SELECT hash FROM audit_log WHERE id = ?", (record_id,)).fetchone()
        last = store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]
    if row is None:
        return [f"the newest audit records are missing (the log ends at record {last}, "
                f"record {record_id} was written)"]
    if row[0] != digest:
        return [f"the audit records up to {record_id} were rewritten"]
    return []


@dataclass
class AuditReport:
    records: int = 0
    head: tuple[int, str] = (0, GENESIS)
    problems: list[str] = field(default_factory=list)      # one sentence each, for a person

    @property
    def ok(self) -> bool:
        return not self.problems


def _reader(store: Any) -> tuple[Any, bool]:
    """A connection of its own for reading (a consistent WAL snapshot) so a long check never holds
    the store's write lock, which a cashier's Charge waits on; the store's own if none opens."""
    import sqlite3
    try:
        conn = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("BEGIN")                  # one snapshot for the whole check
        conn.execute("SELECT 1 FROM audit_log LIMIT 1").fetchall()
        return conn, True
    except sqlite3.Error:
        return store.conn, False


def verify(store: Any, data_dir: Path | str | None = None) -> AuditReport:
    """Check the chain, its anchor and every invoice against its last recorded digest."""
    import contextlib
    conn, own = _reader(store)
    try:
        with (contextlib.nullcontext() if own else store.lock):
            return _verify(store, conn, data_dir)
    finally:
        if own:
            conn.close()


def _verify(store: Any, conn: Any, data_dir: Path | str | None) -> AuditReport:
    rep = AuditReport()
    prev = GENESIS
    last_digest: dict[tuple[str, int], str] = {}
    deleted: list[str] = []
    broken_at = None
    last_id = 0
    if True:  # (one indentation level kept from the single-connection version)
        cur = conn.execute("SELECT id, at, actor, event, subject, detail, result, prev_hash, hash"
                           " FROM audit_log ORDER BY id")
        for rid, at, actor, event, subject, detail, result, prev_hash, digest in cur:
            rep.records += 1
            last_id = rid
            if broken_at is None:
                try:
                    ok = prev_hash == prev and chain_hash(at, actor, event, subject, detail, result, prev) == digest
                except (ValueError, TypeError):
                    ok = False
                if not ok:
                    broken_at = rid
            prev = digest
            if event == "audit.triggers_restored":
                rep.problems.append(f"the invoice audit was switched off before record {rid} (put back then)")
            word, _, what = event.partition(".")
            if what in ("write", "delete") and subject.startswith(word + ":"):
                if what == "delete":
                    deleted.append(f"{word} {subject[len(word) + 1:]} was deleted outside the app")
                    continue
                try:
                    last_digest[(word, int(subject[len(word) + 1:]))] = json.loads(detail)["digest"]
                except (ValueError, KeyError, TypeError):
                    pass
        rep.head = (last_id, prev)
        if broken_at is not None:
            rep.problems.append(f"audit record {broken_at} was changed or removed after it was written")
        anchor = read_anchor(data_dir) if data_dir is not None else None
        row = conn.execute("SELECT value FROM settings WHERE key = 'audit_anchored'").fetchone()
        anchored = data_dir is not None and row is not None and json.loads(row[0]) is True
        if anchor is None:
            if anchored:
                rep.problems.append("the audit anchor file next to the database is missing")
        elif anchor["id"] == -1:
            rep.problems.append("the audit anchor file next to the database is damaged")
        else:
            rep.problems.extend(check_anchor(store, anchor["id"], anchor["hash"]))
        rep.problems.extend(deleted)
        for table, word, fields in AUDITED:
            present: set[int] = set()
            for r in conn.execute(f"SELECT {', '.join(fields)} FROM {table} ORDER BY id"):
                present.add(int(r[0]))
                want = last_digest.get((word, int(r[0])))
                if want is None:
                    rep.problems.append(f"{word} {r[0]} has no audit record")
                elif row_digest(*tuple(r)) != want:
                    rep.problems.append(f"{word} {r[0]} was changed outside the app")
            gone = sorted(i for (w, i) in last_digest if w == word and i not in present)
            rep.problems.extend(f"{word} {i} is missing: it was removed outside the app" for i in gone[:50])
    return rep
