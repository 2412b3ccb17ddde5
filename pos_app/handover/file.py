"""The hand-over file itself (see the package's docstring for what it is for and what its checks
prove): its format, signing a file's lines, and reading one back with every check. No database and
no queue here: ``export`` and ``importer`` use it.

The device key that signs it is ``keys/device.py`` (it signs the audit chain's head too); the
header (format 3) carries the exporting till's signed audit head, and reading a file checks that
head's own signature with the file's device key, so the importing till records a head it can
show to anyone with the other till's public key (``sompos audit verify --head`` there).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos_app.core.errors import BadInput
from pos_app.core.money import Tyiyn
from pos_app.keys.device import fingerprint, public_key_hex
from pos_app.store.audit import GENESIS
from pos_app.store.audit_head import head_shape_ok, head_signed_by, sign_head, verify_signature

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FORMAT = "sompos-offline-queue"
VERSION = 3                               # 2: the exporting till's audit head; 3: signed by its device key
MAX_BUNDLE_BYTES = 64 * 1024 * 1024       # ~1 KB an item: far beyond any offline queue
MAX_AMOUNT_TYIYN = 10**15
MAX_MEMO = 1000
MAX_PAYLOAD = 8 * 1024                    # pos_app.offline.payload.MAX_TEXT
MEMO_LIMIT = 200                          # InvoiceService.create
HEADER_KEYS = ("format", "version", "chain_id", "token", "merchant", "created_at", "device", "count")
HEADER_KEYS_V2 = (*HEADER_KEYS, "audit", "till")   # v2: the audit head and the till number/count (v3 too)
ITEM_KEYS = ("kind", "payload", "invoice", "received_at", "key", "tx_hash")
INVOICE_KEYS = ("number", "amount_tyiyn", "memo", "created_at")
KINDS = ("raw_tx", "eip3009")

@dataclass(frozen=True)
class BundleItem:
    line: int                         # 1-based line in the file
    kind: str
    payload: str
    invoice_number: int
    amount_tyiyn: Tyiyn
    memo: str
    invoice_created_at: int
    received_at: int
    key: str
    tx_hash: str | None


@dataclass(frozen=True)
class Bundle:
    path: Path
    version: int
    chain_id: int
    token: str
    merchant: str
    created_at: int
    device_key: str                   # Ed25519 public key, 64 hex
    device: str                       # its fingerprint
    items: tuple[BundleItem, ...]
    sha256: str                       # of the whole file, for the audit record
    audit: dict[str, Any] | None = None   # the exporting till's audit head: {"count", "hash"} (v2);
    #                                       {"id", "count", "hash", "sig"} signed by ``device_key`` (v3)
    till: tuple[int, int] | None = None   # (number, count) the exporting till was set to (v2)

    @property
    def count(self) -> int:
        return len(self.items)


# -- writing ------------------------------------------------------------------------------------
def _line(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _signature_line(signature: bytes) -> bytes:
    return _line({"signature": signature.hex()})


def sign_lines(lines: list[bytes], key: "Ed25519PrivateKey") -> bytes:
    """The whole file: ``lines`` (each ending in a newline) and the signature line over them."""
    body = b"".join(lines)
    return body + _signature_line(key.sign(body))


# -- reading ------------------------------------------------------------------------------------
def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        raise ValueError("duplicate key")
    return d


def _json(raw: bytes) -> Any:
    def refuse_constant(_: str) -> None:
        raise ValueError("not JSON")
    return json.loads(raw.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=refuse_constant)


def _int(v: Any, low: int = 0, high: int = 2**63 - 1) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and low <= v <= high


def _hex(v: Any, length: int) -> bool:
    return isinstance(v, str) and len(v) == length and all(ch in "0123456789abcdef" for ch in v)


def _address(v: Any) -> bool:
    return isinstance(v, str) and len(v) == 42 and v[:2] == "0x" and all(
        ch in "0123456789abcdefABCDEF" for ch in v[2:])


def read_bundle(path: Path | str) -> Bundle:
    """Read and check a queue export: format, version, device signature, count, every line's shape.

    Raises ``BadInput`` with one sentence on any problem; never writes anything.
    """
    from pos_app.core.files import FileTooLarge, read_limited
    path = Path(path)
    try:
        # Refuses folders, FIFOs and devices without blocking, and reads no more than the cap.
        data = read_limited(path, MAX_BUNDLE_BYTES, what="hand-over file")
    except FileTooLarge:
        raise BadInput("handover.file_too_large_som", file=str(path)) from None
    return parse_bundle(data, path)


def parse_bundle(data: bytes, path: Path | str) -> Bundle:
    """``read_bundle`` on bytes already read; ``path`` names the file in messages."""
    path = Path(path)
    name = str(path)
    if len(data) > MAX_BUNDLE_BYTES:
        raise BadInput("handover.file_too_large_som", file=name)
    first = data.partition(b"\n")[0]
    try:
        header = _json(first)
    except (ValueError, RecursionError):
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BadInput("handover.file_som_pos_queue", file=name)
    version = header.get("version")
    if not _int(version, 1):
        raise BadInput("handover.file_som_pos_queue", file=name)
    if version > VERSION:
        raise BadInput("handover.file_made_newer_version", file=name, version=version)
    if not data.endswith(b"\n") or data.count(b"\n") < 2:
        raise BadInput("handover.file_incomplete_ends_before", file=name)
    lines = data[:-1].split(b"\n")
    sig_line = lines[-1]
    body = data[:len(data) - len(sig_line) - 1]
    try:
        sig_obj = _json(sig_line)
    except (ValueError, RecursionError):
        sig_obj = None
    if not (isinstance(sig_obj, dict) and set(sig_obj) == {"signature"} and _hex(sig_obj["signature"], 128)):
        raise BadInput("handover.file_incomplete_ends_before", file=name)
    device = header.get("device")
    if not _hex(device, 64):
        raise BadInput("handover.line_file_valid_queue", line=1, file=name)
    signature = bytes.fromhex(sig_obj["signature"])
    if _signature_line(signature) != sig_line + b"\n" or not _verify(device, signature, body):
        raise BadInput("handover.file_changed_damaged_after", file=name)
    # From here on the bytes are exactly what the device signed; the checks below catch a buggy
    # or hostile exporter, not a bad stick.
    keys = HEADER_KEYS if version == 1 else HEADER_KEYS_V2
    if set(header) != set(keys) or not (_int(header["chain_id"], 1) and _address(header["token"])
                                        and _address(header["merchant"])
                                        and _int(header["created_at"]) and _int(header["count"])
                                        and (version == 1 or (_audit_ok(header["audit"], version)
                                                              and _till_ok(header["till"])))):
        raise BadInput("handover.line_file_valid_queue", line=1, file=name)
    if version >= 3 and not head_signed_by(device, header["audit"]):
        raise BadInput("handover.file_changed_damaged_after", file=name)
    entries = lines[1:-1]
    if header["count"] != len(entries):
        raise BadInput("handover.file_says_holds_payments", file=name,
                       expected=header["count"], found=len(entries))
    items = tuple(_item(raw, number, name) for number, raw in enumerate(entries, start=2))
    return Bundle(path, version, header["chain_id"], header["token"], header["merchant"], header["created_at"],
                  device, fingerprint(device), items, hashlib.sha256(data).hexdigest(), header.get("audit"),
                  (header["till"]["number"], header["till"]["count"]) if "till" in header else None)


def _till_ok(v: Any) -> bool:
    return (isinstance(v, dict) and set(v) == {"number", "count"} and _int(v["number"], 1, 1000)
            and _int(v["count"], v["number"], 1000))


def _audit_ok(v: Any, version: int) -> bool:
    if version >= 3:
        return head_shape_ok(v)
    return isinstance(v, dict) and set(v) == {"count", "hash"} and _int(v["count"]) and _hex(v["hash"], 64)


def audit_head(store: Any) -> tuple[int, str]:
    """(id, hash) of the newest record of a till's audit chain as this till signed it (the newest
    record when nothing is signed): carried by its hand-over files, so the receiving till keeps an
    anchor of the sender's chain outside the sender's database."""
    signed = getattr(store, "signed_audit_head", None)
    head = signed() if callable(signed) else None
    if head is not None:
        return int(head["id"]), str(head["hash"])
    count, digest = store.audit_head()      # the store owns the audit log
    return int(count), str(digest)


def audit_field(store: Any, key: "Ed25519PrivateKey") -> dict[str, Any]:
    """The header's ``audit`` (format 3): the head this till signed with ``key``, its device key
    (``{"id", "count", "hash", "sig"}``); a till that has signed none hands over the empty head."""
    signed = getattr(store, "signed_audit_head", None)
    head = signed() if callable(signed) else None
    if head is not None and head_signed_by(public_key_hex(key), head):
        return dict(head)
    return sign_head(key, 0, 0, GENESIS)


def _verify(public_hex: str, signature: bytes, body: bytes) -> bool:
    return verify_signature(public_hex, signature, body)


def _item(raw: bytes, line: int, name: str) -> BundleItem:
    try:
        d = _json(raw)
    except (ValueError, RecursionError):
        d = None
    ok = isinstance(d, dict) and set(d) == set(ITEM_KEYS)
    if ok:
        inv = d["invoice"]
        ok = (d["kind"] in KINDS and isinstance(d["payload"], str) and 0 < len(d["payload"]) <= MAX_PAYLOAD
              and isinstance(inv, dict) and set(inv) == set(INVOICE_KEYS) and _int(inv["number"], 1)
              and _int(inv["amount_tyiyn"], 1, MAX_AMOUNT_TYIYN) and isinstance(inv["memo"], str)
              and len(inv["memo"]) <= MAX_MEMO and _int(inv["created_at"]) and _int(d["received_at"])
              and isinstance(d["key"], str) and 0 < len(d["key"]) <= 200
              and (d["tx_hash"] is None or (isinstance(d["tx_hash"], str) and len(d["tx_hash"]) <= 200)))
    if not ok:
        raise BadInput("handover.line_file_valid_queue", line=line, file=name)
    inv = d["invoice"]
    return BundleItem(line, d["kind"], d["payload"], inv["number"], inv["amount_tyiyn"], inv["memo"],
                      inv["created_at"], d["received_at"], d["key"], d["tx_hash"])
