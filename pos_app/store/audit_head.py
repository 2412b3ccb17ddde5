"""The audit chain's signed head: the device key it is signed with, as the store is given it, the head's
format, and the anchor file.

This till's device key (``keys/device.py``: ``device-key.pem`` next to the database, Ed25519) signs
the newest record's id and hash and the number of records (``sign_head``). The store never reads
or makes that key itself (``keys/`` is a layer above): whoever opens a ``Store`` hands it a
``DeviceKey`` (``keys.device.DeviceKeyOnce``). The head is kept in the database (setting
``audit_head``, written by ``Store`` when it commits; see ``audit.py`` ``seal``) and copied to
``audit-anchor.json`` beside it (``write_anchor``). Hand-over files carry the signed head to another
till and are signed with the same key (``handover/file.py``). What checking needs of a public key
(``public_key_hex``, ``fingerprint``, ``verify_signature``) and the checks of the head and the anchor
that ``audit.verify`` reports are here (``head_problems``, ``anchor_problems``).

Reads only: the records themselves are written by ``audit.py`` (the owner of ``audit_log``), the
setting by ``Store``.
"""
from __future__ import annotations

import atexit
import json
import os
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ANCHOR_NAME = "audit-anchor.json"
HEAD_SETTING = "audit_head"               # the signed head in the database (written by Store)


# -- the device key, as the store is given it ------------------------------------------------------
class DeviceKey(Protocol):
    """What a ``Store`` is given to sign its audit head with (``keys.device.DeviceKeyOnce``)."""

    def __call__(self) -> "Ed25519PrivateKey | None":
        """The key that signs the head, made or read on first use; None when it cannot be used
        (then nothing is signed and a sale goes on)."""

    def public(self) -> tuple[str | None, str | None]:
        """(its public key, 64 hex, None) or (None, why it cannot be used, one sentence); never
        makes a key: ``audit.verify`` checks the head against it and writes nothing."""


def public_key_hex(key: "Ed25519PrivateKey") -> str:
    """The raw public half of ``key``, 64 hex: how a device key is named in heads, files and pairings."""
    from cryptography.hazmat.primitives import serialization
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def fingerprint(public_hex: str) -> str:
    """A short name for a device key (16 hex of its SHA-256), to compare by eye or pin."""
    import hashlib  # first use only: kept off the cold start
    return hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:16]


def verify_signature(public_hex: str, signature: bytes, body: bytes) -> bool:
    """Does ``signature`` over ``body`` verify under the Ed25519 key ``public_hex``?"""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(signature, body)
    except (InvalidSignature, ValueError):
        return False
    return True


# -- the signed head ------------------------------------------------------------------------------
def head_message(record_id: int, count: int, digest: str) -> bytes:
    """The bytes a head's signature covers: the newest record's id and hash, and how many records there are."""
    return json.dumps({"sompos_audit_head": 1, "id": record_id, "count": count, "hash": digest},
                      sort_keys=True, separators=(",", ":")).encode()


def sign_head(key: "Ed25519PrivateKey", record_id: int, count: int, digest: str) -> dict[str, Any]:
    return {"id": record_id, "count": count, "hash": digest,
            "sig": key.sign(head_message(record_id, count, digest)).hex()}


def _natural(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**62


def _hex(v: Any, length: int) -> bool:
    return isinstance(v, str) and len(v) == length and all(ch in "0123456789abcdef" for ch in v)


def head_shape_ok(v: Any) -> bool:
    """``{"id", "count", "hash", "sig"}`` with a whole id and count, 64 hex of hash, 128 of signature."""
    return (isinstance(v, dict) and set(v) == {"id", "count", "hash", "sig"} and _natural(v["id"])
            and _natural(v["count"]) and _hex(v["hash"], 64) and _hex(v["sig"], 128))


def head_signed_by(public_hex: str | None, head: Any) -> bool:
    """Is ``head`` well formed and signed by the device key ``public_hex``?"""
    return (public_hex is not None and head_shape_ok(head)
            and verify_signature(public_hex, bytes.fromhex(head["sig"]),
                                 head_message(head["id"], head["count"], head["hash"])))


def parse_head(text: Any) -> dict[str, Any] | None:
    try:
        v = json.loads(text) if isinstance(text, (str, bytes)) else None
    except ValueError:
        return None
    return v if isinstance(v, dict) else None


def stored_head(conn: Any) -> dict[str, Any] | None:
    """The signed head kept in the database (as stored: check it with ``head_signed_by``)."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (HEAD_SETTING,)).fetchone()
    return parse_head(row[0]) if row else None


# -- the anchor outside the database -------------------------------------------------------------
def read_anchor(data_dir: Path | str) -> dict[str, Any] | None:
    """The anchor file: ``{"id", "hash"}`` and, once heads are signed, ``"count"`` and ``"sig"``;
    None if there is none; ``{"id": -1, ...}`` if it cannot be read as one."""
    try:
        raw = (Path(data_dir) / ANCHOR_NAME).read_bytes()[:4096]
        d = json.loads(raw)
    except (OSError, ValueError):
        return None
    if isinstance(d, dict) and isinstance(d.get("id"), int) and isinstance(d.get("hash"), str):
        return d
    return {"id": -1, "hash": "unreadable"}


def write_anchor(data_dir: Path | str, head: dict[str, Any]) -> None:
    """Atomically replace the anchor with the signed ``head`` (temp file + rename); failures are
    ignored (a full disk must not stop a sale: the next commit writes it again)."""
    path = Path(data_dir) / ANCHOR_NAME
    import secrets  # first use only: kept off the cold start
    tmp = path.with_name(f".{ANCHOR_NAME}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, json.dumps(head, sort_keys=True).encode())
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


_WRITERS: "weakref.WeakSet[AnchorWriter]" = weakref.WeakSet()


@atexit.register
def _flush_all_anchors() -> None:
    for writer in list(_WRITERS):
        writer.flush()


class AnchorWriter:
    """Writes the newest signed head to the anchor file off the committing thread: a sale's commit
    does not wait for a file to be created, written and renamed (a quarter of a millisecond).

    Only the latest head is kept: the anchor may lag behind the database (it always could: a write
    that fails is retried by the next commit) but never run ahead of it, since a head is handed
    over only after its commit. ``flush()`` waits until the file says the latest head (the store
    calls it on close and before the audit is checked).
    """

    IDLE_S = 30.0     # the thread ends after this long without work (a new one starts on the next)

    def __init__(self) -> None:
        self._cv = threading.Condition()
        self._pending: tuple[Path, dict[str, Any]] | None = None
        self._busy = False
        self._thread: threading.Thread | None = None
        # A process that ends without closing its store (a command) still leaves the newest head
        # in the file: flushed at exit, before the interpreter stops the writer's thread.
        _WRITERS.add(self)

    def put(self, data_dir: Path | str, head: dict[str, Any]) -> None:
        with self._cv:
            self._pending = (Path(data_dir), head)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="audit-anchor", daemon=True)
                self._thread.start()
            self._cv.notify_all()

    def flush(self, timeout: float = 10.0) -> None:
        with self._cv:
            self._cv.wait_for(lambda: self._pending is None and not self._busy, timeout)

    def _run(self) -> None:
        while True:
            with self._cv:
                if not self._cv.wait_for(lambda: self._pending is not None, self.IDLE_S):
                    self._thread = None
                    return
                (data_dir, head), self._pending = self._pending, None
                self._busy = True
            try:
                write_anchor(data_dir, head)
            finally:
                with self._cv:
                    self._busy = False
                    self._cv.notify_all()


# -- checking the head and the anchor (``audit.verify``) -------------------------------------------
def check_anchor(store: Any, record_id: int, digest: str) -> list[str]:
    """Problems when the record an anchor names (this till's file, or a head another till was handed)
    is gone or hashes differently: a trimmed tail, a wiped log or a rewritten and re-hashed chain."""
    if not isinstance(record_id, int) or record_id <= 0:
        return []                                   # anchored before the first record: nothing to hold to
    with store.lock:
        return record_problems(store.conn, record_id, digest)


def head_problems(conn: Any, head: Any, public: str | None, key_problem: str | None, keyed_at: int | None,
                  records: int, upto_head: int) -> list[str]:
    """The signed head in the database: this till's, naming a record still there, the number of
    records up to it unchanged, and nothing after it."""
    if keyed_at is None:
        if records:
            return ["the audit log's head was never signed with this till's device key"]
        return []
    if key_problem is not None:
        return [key_problem]
    if head is None:
        return ["the audit log's signed head is missing from the database"]
    if not head_signed_by(public, head):
        return ["the audit log's head in the database is not signed by this till's device key"]
    problems = record_problems(conn, head["id"], head["hash"])
    if problems:
        return problems
    if upto_head != head["count"]:
        problems.append(f"audit records up to record {head['id']} were removed or added: {head['count']} were "
                        f"signed, {upto_head} are there")
    n, first, last = conn.execute("SELECT COUNT(*), MIN(id), MAX(id) FROM audit_log WHERE id > ?",
                                  (head["id"],)).fetchone()
    if n:
        problems.append(f"audit records {first} to {last} were added outside the app: they come after the "
                        f"newest head this till signed (record {head['id']})")
    return problems


def record_problems(conn: Any, record_id: int, digest: str) -> list[str]:
    """The record ``record_id`` is still there with the hash ``digest`` (else one sentence why not)."""
    if record_id <= 0:
        return []
    row = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        last = conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit_log").fetchone()[0]
        return [f"the newest audit records are missing (the log ends at record {last}, "
                f"record {record_id} was written)"]
    if row[0] != digest:
        return [f"the audit records up to {record_id} were rewritten"]
    return []


def anchor_problems(store: Any, conn: Any, data_dir: Path | str | None, public: str | None,
                    keyed_at: int | None) -> list[str]:
    """The anchor file next to the database: there if it ever was, signed by this till once the
    chain is keyed, and naming a record still there with its hash."""
    if data_dir is None:
        return []
    flush = getattr(store, "flush_anchor", None)
    if callable(flush):
        flush()                 # the file this store is still writing, as it will be
    anchor = read_anchor(data_dir)
    row = conn.execute("SELECT value FROM settings WHERE key = 'audit_anchored'").fetchone()
    if anchor is None:
        anchored = row is not None and json.loads(row[0]) is True
        return ["the audit anchor file next to the database is missing"] if anchored else []
    if anchor["id"] == -1:
        return ["the audit anchor file next to the database is damaged"]
    # An anchor without a signature is one written before this chain was keyed (an older version);
    # any other must be this till's.
    if "sig" in anchor or (keyed_at is not None and anchor["id"] >= keyed_at):
        if not head_signed_by(public, anchor):
            return ["the audit anchor file next to the database is not signed by this till's device key"]
    return check_anchor(store, anchor["id"], anchor["hash"])
