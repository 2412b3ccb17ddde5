"""Writing a hand-over file (``sompos queue export FILE``): this till's unsent offline payments, signed
with its device key, for another till to send (the file and its checks: the package's docstring).

Atomicity
    Export is three steps, so no database lock is held while a slow stick is written:
    ``prepare_export`` reads the items and signs the file's bytes (one short transaction);
    ``write_export`` writes them (temp file, fsync, rename, fsync of the folder; no database);
    ``mark_exported`` then marks the exported items ``handed_off_at`` (one short transaction,
    with the audit record), only those still in the state they were read in, so this machine's
    sync engine leaves them to the other machine. An item this till sent meanwhile stays its
    own (the same signed bytes land once whoever sends them). ``export_bundle`` runs the three
    in a row; the GUI runs the write on its slow worker. A crash before the mark leaves the
    items unmarked: they are exported again next time and the importer skips what it already
    has. Import runs in one transaction: all of a file or nothing.

Collaborators
    Both directions take a ``HandoverTill`` (the store, the queue, the data folder, the shop's
    network facts and the event bus), built by the composition root (``AppContext.handover``).
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from pos_app.invoices.reads import sale_summaries
from pos_app.core.errors import BadInput, StorageError
from pos_app.core.events import EventBus, OfflineChanged
from pos_app.core.files import write_file_atomic as _atomic_write
from pos_app.handover.file import FORMAT, VERSION, _line, audit_field, sign_lines
from pos_app.invoices.matching import TillSlot
from pos_app.keys.device import device_key, fingerprint, public_key_hex
from pos_app.store.db import Store

if TYPE_CHECKING:
    from pos_app.offline.queue import OfflineQueue
    from pos_app.offline.verify import ShopFacts

__all__ = ["ExportResult", "HandoverTill", "PreparedExport", "export_bundle", "mark_exported", "prepare_export",
           "require_till", "write_export"]


# -- what a hand-over needs from this till ----------------------------------------------------------
@dataclass(frozen=True)
class HandoverTill:
    """This till's side of a hand-over, passed in by the composition root (``AppContext.handover``).

    ``token`` and ``merchant`` are asked for when needed (each raises ``ConfigError`` when the
    shop has none set), and ``facts`` only by an import that gets that far (it may read the
    token's facts), so a bad file is refused for what is wrong with it first.
    """

    store: Store
    queue: "OfflineQueue"             # the items' owner; its ``service`` makes the imported sales
    data_dir: Path                    # where the device key lives
    chain_id: int
    till: TillSlot                    # this till's number / count, carried by the file
    expiry_seconds: int               # of an imported sale's invoice
    token: Callable[[], str]
    merchant: Callable[[], str]
    facts: Callable[[], "ShopFacts"]  # what a payload is checked against
    events: EventBus | None = None

    def publish(self, event: Any) -> None:
        """Announce a committed change (never before the commit: a crash could undo it)."""
        if self.events is not None:
            self.events.publish(event)


def require_till(till: Any) -> HandoverTill:
    """The hand-over takes exactly what it needs (a ``HandoverTill``), never the app's whole context:
    callers with a context use ``AppContext.export_handover`` / ``import_handover``."""
    if not isinstance(till, HandoverTill):
        raise TypeError(f"the hand-over needs a HandoverTill, not {type(till).__name__}")
    return till


# -- results --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExportResult:
    path: str                         # plain values only: the CLI prints ``vars(result)`` as JSON
    items: int                        # payments written
    total_tyiyn: int                  # what the customers signed, in tyiyn
    device: str                       # this device's fingerprint
    item_ids: tuple[int, ...]
    created_at: int
    kept_here: tuple[int, ...] = ()   # sent or resolved here while the file was written: still this till's

    @property
    def count(self) -> int:
        """The payments the other till now sends (those written, less any this till kept)."""
        return self.items - len(self.kept_here)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "item_ids": list(self.item_ids), "kept_here": list(self.kept_here)}


@dataclass(frozen=True)
class PreparedExport:
    """A hand-over file ready to write: its signed bytes and the items as they were read for it."""

    path: Path
    data: bytes
    read: dict[int, tuple[str, int | None]]   # item id -> (state, handed_off_at) when read
    total_tyiyn: int
    device: str                               # this device's fingerprint
    created_at: int
    overwrite: bool
    include_handed_off: bool
    actor: str

    @property
    def item_ids(self) -> tuple[int, ...]:
        return tuple(self.read)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def export_bundle(till: HandoverTill, path: Path | str, *, now: int | None = None,
                  include_handed_off: bool = False, overwrite: bool = False,
                  actor: str = "operator") -> ExportResult:
    """Write this machine's unsent offline payments to ``path`` and mark them handed off.

    Exported: items on the configured network, token and shop address that are still unsent
    (received, queued, needs attention) and not yet handed off; ``include_handed_off`` exports
    the ones already handed off too (a lost stick). An existing file is not replaced unless
    ``overwrite``: it may hold an earlier export nobody imported yet. The three steps
    (``prepare_export``, ``write_export``, ``mark_exported``) in a row.
    """
    till = require_till(till)
    prepared = prepare_export(till, path, now=now, include_handed_off=include_handed_off,
                              overwrite=overwrite, actor=actor)
    write_export(prepared)
    return mark_exported(till, prepared)


def prepare_export(till: HandoverTill, path: Path | str, *, now: int | None = None,
                   include_handed_off: bool = False, overwrite: bool = False,
                   actor: str = "operator") -> PreparedExport:
    """Step 1 (database, one short transaction): read what to hand over and sign the file's bytes.

    Raises ``BadInput`` when there is nothing to hand over, or when ``path`` exists and not
    ``overwrite`` (a look at the folder; nothing is written there yet).
    """
    till = require_till(till)
    now = int(time.time()) if now is None else int(now)
    path = Path(path)
    name = str(path)
    chain_id = till.chain_id
    token = till.token()
    merchant = till.merchant()
    key = device_key(till.data_dir)
    pub = public_key_hex(key)
    if not overwrite and path.exists():
        raise BadInput("handover.file_already_exists_choose", file=name)
    store = till.store
    # One snapshot: the items and the audit head the file carries agree with each other.
    with store.transaction():
        rows = [r for r in till.queue.unsent_rows(chain_id, include_handed_off=include_handed_off)
                if r["token"].lower() == token.lower() and r["payee"].lower() == merchant.lower()]
        sales = sale_summaries(store, (r["invoice_id"] for r in rows))
        rows = [dict(r, inv_id=r["invoice_id"], inv_amount=sales[r["invoice_id"]]["amount_tyiyn"],
                     inv_memo=sales[r["invoice_id"]]["memo"], inv_created=sales[r["invoice_id"]]["created_at"])
                for r in rows]
        if not rows:
            raise BadInput("handover.there_unsent_offline_payments")
        head = audit_field(store, key)        # the audit head this till signed (issue 18, finding 14)
    lines = [_line({"format": FORMAT, "version": VERSION, "chain_id": chain_id, "token": token,
                    "merchant": merchant, "created_at": now, "device": pub, "count": len(rows),
                    "audit": head,
                    "till": {"number": till.till.number, "count": till.till.count}})]
    for r in rows:
        lines.append(_line({"kind": r["kind"], "payload": r["payload"],
                            "invoice": {"number": r["inv_id"], "amount_tyiyn": r["inv_amount"],
                                        "memo": r["inv_memo"], "created_at": r["inv_created"]},
                            "received_at": r["received_at"], "key": r["idem_key"], "tx_hash": r["tx_hash"]}))
    return PreparedExport(path, sign_lines(lines, key), {r["id"]: (r["state"], r["handed_off_at"]) for r in rows},
                          sum(int(r["amount_tyiyn"]) for r in rows), fingerprint(pub), now, overwrite,
                          include_handed_off, actor)


def write_export(prepared: PreparedExport) -> None:
    """Step 2 (no database): write the file durably (temp file, fsync, rename, fsync of the folder).

    The slow part on a USB stick, so the GUI runs it on its slow worker. Raises ``BadInput`` if
    the file appeared meanwhile (without ``overwrite``), ``StorageError`` if it cannot be written.
    """
    name = str(prepared.path)
    try:
        _atomic_write(prepared.path, prepared.data, overwrite=prepared.overwrite)
    except FileExistsError:
        raise BadInput("handover.file_already_exists_choose", file=name) from None
    except OSError as exc:
        raise StorageError("handover.file_could_written_check", file=name, detail=str(exc)) from exc


def mark_exported(till: HandoverTill, prepared: PreparedExport) -> ExportResult:
    """Step 3 (database, one short transaction), once the file is durable: the exported items
    become the other machine's to send (those still as they were read), with the audit record."""
    till = require_till(till)
    name = str(prepared.path)
    ids = list(prepared.read)
    digest = prepared.sha256
    now = prepared.created_at
    with till.store.transaction():
        marked = till.queue.mark_handed(prepared.read, file_digest=digest, now=now)
        detail: dict[str, Any] = {"file": name, "device": prepared.device, "items": ids,
                                  "total_tyiyn": prepared.total_tyiyn,
                                  "include_handed_off": prepared.include_handed_off, "sha256": digest}
        if len(marked) != len(ids):
            # Sent or resolved here while the file was written: this till keeps them.
            detail["kept_here"] = [i for i in ids if i not in set(marked)]
        till.store.audit(prepared.actor, "offline.export", f"file:{prepared.path.name}", detail)
    for item_id in marked:
        till.publish(OfflineChanged(item=till.queue.get(item_id)))
    kept = tuple(i for i in ids if i not in set(marked))
    return ExportResult(name, len(ids), prepared.total_tyiyn, prepared.device, tuple(ids), now, kept)
