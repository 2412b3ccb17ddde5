"""The audit chain: who did what, hash-linked, its head signed with this till's device key.

Every record's hash covers its fields and the previous record's hash (``chain_hash``), so an edited
record breaks the chain. The hash is public, though: someone with the database alone can append a
correctly hashed record, or rewrite the whole chain. What they do not have is ``device-key.pem``,
this till's Ed25519 key in the data folder (``keys/device.py``; the store is given it, ``Store(device_key=)``),
and that is what keys the chain (the head's format and the anchor file are in ``audit_head.py``; the
records, ``seal`` among their writers, and ``verify`` here):

* **The signed head.** When a transaction that added records commits, the app signs the newest
  record's id and hash and the number of records (``sign_head``) and stores that head in the same
  transaction (``Store``, setting ``audit_head``), so it is never behind the records. A record
  appended outside the app lies beyond the signed head: ``verify`` names it. The next time the app
  commits it does not sign over such records silently: it first appends an ``audit.unsigned``
  record naming them (``seal``), which ``verify`` reports for good. A chain is keyed once, by an
  ``audit.keyed`` record (a new shop at its first open; an older shop at its first open by this
  version): after it, a missing or unverifiable head is a finding too.
* **A trimmed tail, a wiped log, a recomputed chain.** After each commit the signed head is also
  written to ``audit-anchor.json`` next to the database (atomic replace; ``{"id", "count", "hash",
  "sig"}``). ``verify`` refuses an anchor whose signature does not verify under this till's device
  key, and checks that the record it names still exists with that hash. Hand-over files carry the
  signed head to another till (``handover/file.py``), which verifies it with the file's device key
  and records it. (The anchor file is not fsynced: after a power cut it may lag the database by the
  last commits, which still verifies; it is never ahead of it.)
* **Direct edits to invoices, payments and the offline queue.** SQLite triggers (schema step 7 for
  invoices and payments, ``install_queue_audit`` for ``offline_payments``) append a ``.write``
  record with a digest of the row to the chain whenever a row is inserted or updated, by any code
  path. The functions they call exist only on connections opened by this app, so a ``sqlite3``
  shell cannot change such a row without dropping a trigger first, and ``verify`` reports every
  row that no longer matches its last recorded digest.
* **One writer.** Every record is written here (``append``, the triggers, the baselines, ``seal``);
  ``Store.audit`` opens the transaction and calls ``append``.
* **Verification at all:** ``verify`` runs when the watcher starts (logged, and shown on the
  screen, never blocking sales) and on demand with ``sompos audit verify``.

What the key cannot do: someone who rewrites the whole chain from its first record and also
removes every local trace of the signing (the ``audit.keyed`` record, the head, the anchor file)
makes this till look like one that never signed; the heads other tills recorded from its
hand-over files (``sompos audit verify --head``) still catch that.
"""
from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from pos_app.store.audit_head import (
    anchor_problems, fingerprint, head_problems, head_shape_ok, head_signed_by, public_key_hex, sign_head,
    stored_head,
)
# The head's format and the anchor file live in audit_head.py; importable from here as before.
from pos_app.store.audit_head import (  # noqa: F401
    ANCHOR_NAME, HEAD_SETTING, check_anchor, head_message, parse_head, read_anchor, verify_signature, write_anchor,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

log = logging.getLogger(__name__)

KEYED = "audit.keyed"                     # from this record on, every head is signed
UNSIGNED = "audit.unsigned"               # records the app found beyond its signed head
GENESIS = "0" * 64
# The digest fields as schema step 7 created the triggers (a released step never changes).
INVOICE_FIELDS_V7 = ("id", "created_at", "expires_at", "chain_id", "token", "merchant", "decimals", "amount_tyiyn",
                     "amount_base", "due_base", "tail", "state", "paid_seen", "paid_final", "flag_partial",
                     "flag_over", "flag_late", "memo", "offline_id")
PAYMENT_FIELDS_V7 = ("id", "chain_id", "token", "tx_hash", "log_index", "block_number", "block_hash", "block_time",
                     "payer", "payee", "value", "status", "invoice_id", "matched_by")
# From schema step 9 (``upgrade_audited_fields``): whether a sale is this till's to count, who
# settled it, a shortfall accepted as paid; which offline payment a transfer settles, and its time
# in this till's clock. (rest_base, reopened_at and a payment's hint only steer the screens.)
INVOICE_FIELDS = INVOICE_FIELDS_V7 + ("carried_for", "settled_by", "short_base")
PAYMENT_FIELDS = PAYMENT_FIELDS_V7 + ("offline_id", "till_time")
# Every column of an offline payment as of schema step 8 but updated_at (as for invoices): what the
# customer signed, what it pays, where it stands and where it went.
OFFLINE_FIELDS = ("id", "kind", "payload", "payload_hash", "idem_key", "chain_id", "token", "payer", "payee",
                  "amount_base", "amount_tyiyn", "payer_nonce", "auth_nonce", "valid_before", "tx_hash",
                  "invoice_id", "state", "reason", "verdict", "source", "received_at", "attempts", "relay_raw",
                  "relay_from", "relay_nonce", "block_number", "block_hash", "first_sent_at", "last_sent_at",
                  "next_try_at", "last_error", "handed_off_at", "imported_from", "resolved_at", "resolution",
                  "handed_file", "taken_back_at", "imported_device")
# The tables whose every row change leaves a digest in the chain: (table, subject/event word, fields).
AUDITED = (("invoices", "invoice", INVOICE_FIELDS), ("payments", "payment", PAYMENT_FIELDS))   # schema step 7
QUEUE_AUDITED = (("offline_payments", "offline", OFFLINE_FIELDS),)                               # install_queue_audit
LABELS = {"invoice": "invoice", "payment": "payment", "offline": "offline payment"}


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


def trigger_name(sql: str) -> str:
    return sql.split()[2]


# Schema step 7 added these with the step-7 fields; step 9 replaces them (``upgrade_audited_fields``).
# The app never deletes an invoice or a payment: a delete record is always a finding.
TRIGGERS_V7 = tuple(_trigger(table, word, fields, when)
                    for table, word, fields in (("invoices", "invoice", INVOICE_FIELDS_V7),
                                                ("payments", "payment", PAYMENT_FIELDS_V7))
                    for when in ("INSERT", "UPDATE", "DELETE"))
TRIGGERS = tuple(_trigger(table, word, fields, when) for table, word, fields in AUDITED
                 for when in ("INSERT", "UPDATE", "DELETE"))
# The offline queue's (``install_queue_audit``); the app never deletes an offline payment either.
QUEUE_TRIGGERS = tuple(_trigger(table, word, fields, when) for table, word, fields in QUEUE_AUDITED
                       for when in ("INSERT", "UPDATE", "DELETE"))


def _baseline(conn: Any, audited: tuple[tuple[str, str, tuple[str, ...]], ...]) -> None:
    prev_row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev = prev_row[0] if prev_row else GENESIS
    at = int(time.time())
    for table, word, fields in audited:
        for r in conn.execute(f"SELECT {', '.join(fields)} FROM {table} ORDER BY id").fetchall():
            detail = _row_detail(*tuple(r))
            subject = f"{word}:{r[0]}"
            digest = chain_hash(at, "app", f"{word}.write", subject, detail, "ok", prev)
            conn.execute("INSERT INTO audit_log(at, actor, event, subject, detail, result, prev_hash, hash)"
                         " VALUES (?,?,?,?,?,?,?,?)", (at, "app", f"{word}.write", subject, detail, "ok", prev,
                                                       digest))
            prev = digest


def baseline_invoices(conn: Any) -> None:
    """Schema step 7: one ``.write`` record for every invoice and payment already there (their start)."""
    _baseline(conn, (("invoices", "invoice", INVOICE_FIELDS_V7), ("payments", "payment", PAYMENT_FIELDS_V7)))


def upgrade_audited_fields(conn: Any) -> None:
    """Schema step 9: the invoice and payment triggers cover the step's new money columns.

    Each row whose step-7 digest still matches its last record gets a starting record with the
    new fields; a row already changed outside the app keeps its old record, so ``verify`` still
    reports it (an upgrade never blesses a tampered row).
    """
    last: dict[tuple[str, int], str] = {}
    for event, subject, detail in conn.execute(
            "SELECT event, subject, detail FROM audit_log WHERE event IN ('invoice.write', 'payment.write')"
            " ORDER BY id"):
        word, _, rid = subject.partition(":")
        try:
            last[(word, int(rid))] = json.loads(detail)["digest"]
        except (ValueError, KeyError, TypeError):
            continue
    intact: dict[str, list[int]] = {}
    for (table, word, fields), old in zip(AUDITED, (INVOICE_FIELDS_V7, PAYMENT_FIELDS_V7)):
        intact[word] = [int(r[0]) for r in conn.execute(f"SELECT {', '.join(old)} FROM {table} ORDER BY id")
                        if last.get((word, int(r[0]))) == row_digest(*tuple(r))]
    for sql in TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger_name(sql)}")
        conn.execute(sql)
    prev_row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev = prev_row[0] if prev_row else GENESIS
    at = int(time.time())
    for table, word, fields in AUDITED:
        keep = set(intact[word])
        for r in conn.execute(f"SELECT {', '.join(fields)} FROM {table} ORDER BY id").fetchall():
            if int(r[0]) not in keep:
                continue
            detail, subject = _row_detail(*tuple(r)), f"{word}:{r[0]}"
            digest = chain_hash(at, "app", f"{word}.write", subject, detail, "ok", prev)
            conn.execute("INSERT INTO audit_log(at, actor, event, subject, detail, result, prev_hash, hash)"
                         " VALUES (?,?,?,?,?,?,?,?)", (at, "app", f"{word}.write", subject, detail, "ok", prev,
                                                       digest))
            prev = digest


def install_queue_audit(conn: Any) -> None:
    """The offline queue's audit (a schema step): its triggers, and one ``offline.write`` record for
    every offline payment already there (their start). Run again it only adds a missing trigger:
    a row changed while a trigger was gone must not get a fresh starting record."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [sql for sql in QUEUE_TRIGGERS if trigger_name(sql) not in have]
    for sql in missing:
        conn.execute(sql)
    if len(missing) == len(QUEUE_TRIGGERS):
        _baseline(conn, QUEUE_AUDITED)


def queue_audited_before(conn: Any) -> bool:
    """Does the chain hold any record of the offline queue's triggers (so they were installed once)?"""
    return conn.execute("SELECT 1 FROM audit_log WHERE event IN ('offline.write', 'offline.delete') LIMIT 1"
                        ).fetchone() is not None


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


# -- sealing: the head signed as a transaction commits (``Store``) ------------------------------------
# Why a stored head could not be built on, as ``audit.unsigned`` records it and ``verify`` says it.
HEAD_WHY = {"missing": "the audit log's signed head was missing",
            "foreign": "the audit log's head was not signed by this till's device key",
            "gone": "the audit log's signed head named a record that was gone",
            "rewritten": "the audit log's signed head named a record that was rewritten"}


def last_detail(conn: Any, event: str, subject: str) -> str | None:
    """The detail (JSON text) of the newest record of ``event`` about ``subject``, or None: the one
    question other packages ask of the audit log (the key lockout's counter lives in it)."""
    row = conn.execute("SELECT detail FROM audit_log WHERE event = ? AND subject = ? ORDER BY id DESC LIMIT 1",
                       (event, subject)).fetchone()
    return None if row is None else row[0]


# The last head this process signed, per device key (public key hex -> the head as stored): a
# stored head equal to it carries a signature made here, so its Ed25519 check (a tenth of a
# millisecond on every commit) is not done again. Any other head is checked in full.
_SIGNED_HERE: dict[str, dict[str, Any]] = {}


def _head_problem(conn: Any, head: dict[str, Any] | None, public_hex: str) -> str | None:
    """Why the stored head cannot be built on (a ``HEAD_WHY`` key; None: it is this till's and its
    record is there as it was signed)."""
    if head is None:
        return "missing"
    if _SIGNED_HERE.get(public_hex) != head and not head_signed_by(public_hex, head):
        return "foreign"
    if head["id"] == 0:
        return None if head["hash"] == GENESIS else "rewritten"
    row = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (head["id"],)).fetchone()
    if row is None:
        return "gone"
    return None if row[0] == head["hash"] else "rewritten"


def _keyed(conn: Any) -> bool:
    return conn.execute("SELECT 1 FROM audit_log WHERE event = ? LIMIT 1", (KEYED,)).fetchone() is not None


def seal(conn: Any, key: Callable[[], "Ed25519PrivateKey | None"], start: int, *,
         force: bool = False) -> dict[str, Any] | None:
    """In the transaction about to commit: the new head, signed, to store with it (None: nothing to sign).

    ``start`` is the newest record's id when the transaction began: records after it are this
    transaction's, written by the app. Records between the stored head and ``start`` were not (the
    app signs every commit that adds records), so an ``audit.unsigned`` record naming them is
    appended first: the app never vouches for them silently. A chain seen for the first time
    (a new shop, or one from before heads were signed) gets its ``audit.keyed`` record. ``key``
    gives the device key, or None when it cannot be used (then nothing is signed; the next seal
    names what was left unsigned). ``force``: sign even if this transaction added nothing.
    """
    newest = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    if (newest[0] if newest else 0) == start and not force:
        return None
    signer = key()
    if signer is None:
        return None
    public = public_key_hex(signer)
    head = stored_head(conn)
    why = _head_problem(conn, head, public)
    if why is None and head is not None and head["id"] < start:
        append(conn, "app", UNSIGNED, "audit", {"from": head["id"] + 1, "to": start})
    elif why is not None and _keyed(conn):
        append(conn, "app", UNSIGNED, "audit", {"from": None, "to": start, "why": why})
    elif why is not None:
        append(conn, "app", KEYED, "audit", {"device": fingerprint(public), "from": start + 1})
    newest = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    if why is None and head is not None:
        count = head["count"] + conn.execute("SELECT COUNT(*) FROM audit_log WHERE id > ?",
                                             (head["id"],)).fetchone()[0]
    else:
        count = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    signed = sign_head(signer, int(newest[0]), int(count), newest[1])
    if len(_SIGNED_HERE) > 64:
        _SIGNED_HERE.clear()
    _SIGNED_HERE[public] = dict(signed)
    return signed


# -- verification ---------------------------------------------------------------------------------
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
    """Check the chain, its signed head, its anchor and every audited row against its last digest.

    The head is checked against the public key of the device key the store was given
    (``Store.device_key.public()``, read from the data folder, never made); the anchor file is read
    from ``data_dir`` (not checked when None). Nothing is written, not even a missing device key.
    """
    import contextlib
    public, key_problem = store.device_key.public()
    conn, own = _reader(store)
    try:
        with (contextlib.nullcontext() if own else store.lock):
            return _verify(store, conn, data_dir, public, key_problem)
    finally:
        if own:
            conn.close()


def _restored(detail: str) -> str:
    try:
        names = json.loads(detail)["triggers"]
        words = sorted({LABELS.get(n.split("_audit_")[0], n) + "s" for n in names})
    except (ValueError, KeyError, TypeError, AttributeError):
        words = []
    return " and ".join(words) if words else "invoices"


def _unsigned(rid: int, detail: str) -> str:
    try:
        d = json.loads(detail)
        first, last = d.get("from"), d["to"]
    except (ValueError, KeyError, TypeError, AttributeError):
        return f"audit records before record {rid} were added outside the app"
    if isinstance(first, int):
        return (f"audit records {first} to {last} were added outside the app: they came after the head "
                f"this till had signed (found at record {rid})")
    return (f"{HEAD_WHY.get(d.get('why'), HEAD_WHY['missing'])} (found at record {rid}): the records up to "
            f"{last} are not vouched for by this till")


def _verify(store: Any, conn: Any, data_dir: Path | str | None, public: str | None,
            key_problem: str | None) -> AuditReport:
    rep = AuditReport()
    prev = GENESIS
    last_digest: dict[tuple[str, int], str] = {}
    deleted: list[str] = []
    broken_at = None
    last_id = 0
    keyed_at = None
    head = stored_head(conn)
    head_id = head["id"] if head_shape_ok(head) else None
    upto_head = 0                                  # records with an id up to the signed head's
    found: list[str] = []                          # what the app itself recorded in the chain
    cur = conn.execute("SELECT id, at, actor, event, subject, detail, result, prev_hash, hash"
                       " FROM audit_log ORDER BY id")
    for rid, at, actor, event, subject, detail, result, prev_hash, digest in cur:
        rep.records += 1
        last_id = rid
        if head_id is not None and rid <= head_id:
            upto_head += 1
        if broken_at is None:
            try:
                ok = prev_hash == prev and chain_hash(at, actor, event, subject, detail, result, prev) == digest
            except (ValueError, TypeError):
                ok = False
            if not ok:
                broken_at = rid
        prev = digest
        if event == "audit.triggers_restored":
            found.append(f"the audit of {_restored(detail)} was switched off before record {rid} (put back then)")
        elif event == KEYED and keyed_at is None:
            keyed_at = rid
        elif event == UNSIGNED:
            found.append(_unsigned(rid, detail))
        word, _, what = event.partition(".")
        if what in ("write", "delete") and subject.startswith(word + ":"):
            if what == "delete":
                deleted.append(f"{LABELS.get(word, word)} {subject[len(word) + 1:]} was deleted outside the app")
                continue
            try:
                last_digest[(word, int(subject[len(word) + 1:]))] = json.loads(detail)["digest"]
            except (ValueError, KeyError, TypeError):
                pass
    rep.head = (last_id, prev)
    if broken_at is not None:
        rep.problems.append(f"audit record {broken_at} was changed or removed after it was written")
    rep.problems.extend(head_problems(conn, head, public, key_problem, keyed_at, rep.records, upto_head))
    rep.problems.extend(anchor_problems(store, conn, data_dir, public, keyed_at))
    rep.problems.extend(found)
    rep.problems.extend(deleted)
    for table, word, fields in AUDITED + _queue_audited(conn, last_digest):
        present: set[int] = set()
        label = LABELS.get(word, word)
        for r in conn.execute(f"SELECT {', '.join(fields)} FROM {table} ORDER BY id"):
            present.add(int(r[0]))
            want = last_digest.get((word, int(r[0])))
            if want is None:
                rep.problems.append(f"{label} {r[0]} has no audit record")
            elif row_digest(*tuple(r)) != want:
                rep.problems.append(f"{label} {r[0]} was changed outside the app")
        gone = sorted(i for (w, i) in last_digest if w == word and i not in present)
        rep.problems.extend(f"{label} {i} is missing: it was removed outside the app" for i in gone[:50])
    rep.problems = list(dict.fromkeys(rep.problems))  # the anchor file and the head may say the same
    return rep


def _queue_audited(conn: Any, last_digest: dict[tuple[str, int], str]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The offline queue is checked once its audit is installed (a trigger there, or a record of one)."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    words = {w for w, _ in last_digest}
    return tuple(a for a in QUEUE_AUDITED
                 if a[1] in words or any(trigger_name(sql) in have for sql in QUEUE_TRIGGERS))
