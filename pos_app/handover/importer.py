"""Importing a hand-over file on another till (``sompos queue import FILE``): see the package's
docstring for the format. A file is taken only from a paired till (``pairing``); every payment is
checked again against this till's shop facts, and only what the customer signed is trusted (amount,
payer, an authorization's time window against this till's clock); a file this till wrote itself
takes its own handed-off payments back. All of a file or nothing, in one transaction.

What this till needs comes in a ``HandoverTill``; each payment becomes a carried sale (another till's,
never counted here: ``InvoiceService.create(carried_for=...)``) through the
queue's ``InvoiceService`` and a queue item through ``OfflineQueue.import_item`` (the owners of
those tables, with their lifecycle checks).
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from pos_app.core.errors import BadInput, PosError, json_params
from pos_app.core.events import InvoiceChanged, OfflineChanged
from pos_app.core.money import Tyiyn, base_units_to_tyiyn, tyiyn_to_base_units
from pos_app.core.reasons import R
from pos_app.core.text import safe_text
from pos_app.handover.export import HandoverTill, require_till
from pos_app.handover.file import MAX_MEMO, MEMO_LIMIT, Bundle, BundleItem, read_bundle
from pos_app.keys.device import device_key, public_key_hex
from pos_app.offline.verify import FeeFloor


class Refusal(NamedTuple):
    """A line of the file that was not taken: its refusal's key and parameters (the CLI and the
    screens render them in the shop's language) and the English line (logs, the audit)."""

    line: int
    reason: str
    code: str
    params: dict[str, Any]

    @property
    def key(self) -> str:           # read like an error by the renderer (pos_app/text/render.py)
        return self.code

    @property
    def user_message(self) -> str:
        return self.reason

    @classmethod
    def of(cls, line: int, err: PosError) -> "Refusal":
        return cls(line, err.user_message, err.key, dict(err.params))

    def as_json(self) -> dict[str, Any]:
        return {"line": self.line, "code": self.code, "reason": self.reason, "params": json_params(self.params)}


@dataclass(frozen=True)
class ImportResult:
    path: str
    device: str                       # fingerprint of the device that signed the file
    added: int
    already_there: int
    refused: tuple[Refusal, ...]      # the lines not taken, and why
    item_ids: tuple[int, ...]         # the new queue items on this machine
    invoice_ids: tuple[int, ...]      # their new invoices
    added_tyiyn: int
    taken_back: tuple[int, ...] = ()  # this till's own handed-off payments, back in its queue
    paired_now: bool = False          # the device was accepted by this import (--expect-device)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "refused": [r.as_json() for r in self.refused],
                "item_ids": list(self.item_ids), "invoice_ids": list(self.invoice_ids),
                "taken_back": list(self.taken_back)}


class DeviceNotPaired(BadInput):
    """The file is signed by a till this one was never paired with; ``device`` is its fingerprint."""

    def __init__(self, template: str, *, device: str, public_key: str, **params: Any) -> None:
        super().__init__(template, device=device, **params)
        self.fingerprint = device.replace(" ", "")
        self.public_key = public_key


def import_bundle(till: HandoverTill, path: Path | str | Bundle, *, now: int | None = None,
                  expect_device: str | None = None, actor: str = "operator") -> ImportResult:
    """Put a queue export's payments into this machine's queue, each with a new invoice, in one transaction.

    Only files from a paired till are taken (``pairing``). ``expect_device``: the full fingerprint a
    person compared on both screens; it pairs that till with this one as part of the import. A file
    this till wrote itself takes its own handed-off payments back instead. ``path`` may be a file
    already read with ``file.read_bundle`` (the GUI reads the stick on its slow worker and
    imports on the database worker, so a slow stick never holds up a sale).
    """
    from pos_app.handover.pairing import Pairings, normalise_fingerprint, show_fingerprint

    till = require_till(till)
    now = int(time.time()) if now is None else int(now)
    bundle = path if isinstance(path, Bundle) else read_bundle(path)
    name = str(bundle.path)
    fp = bundle.device
    own = bundle.device_key == public_key_hex(device_key(till.data_dir))
    pairings = Pairings(till.store)
    pair_now = False
    if expect_device is not None:
        if normalise_fingerprint(expect_device) != fp:
            raise BadInput("handover.file_comes_from_device",
                           file=name, got=show_fingerprint(fp), want=expect_device)
        pair_now = not own and not pairings.is_trusted(fp, bundle.device_key)
    elif not own and not pairings.is_trusted(fp, bundle.device_key):
        raise DeviceNotPaired("handover.file_comes_from_till", file=name, device=show_fingerprint(fp),
                              public_key=bundle.device_key)
    # Compared with the configuration before anything else is read or written.
    if bundle.chain_id != till.chain_id:
        raise BadInput("handover.file_exported_another_network", file=name, got=bundle.chain_id, want=till.chain_id)
    if bundle.token.lower() != till.token().lower():
        raise BadInput("handover.file_exported_another_token",
                       file=name, got=bundle.token, want=till.token())
    if bundle.merchant.lower() != till.merchant().lower():
        raise BadInput("handover.file_exported_another_shop",
                       file=name, got=bundle.merchant, want=till.merchant())
    if own:
        return _take_back_own(till, bundle, now=now, actor=actor)
    _check_tills(bundle, till.till, name)
    facts = till.facts()
    # The fee floor is the field device's business (the engine reports an under-priced transfer).
    facts = replace(facts, fee_floor=FeeFloor(0, 0, now))
    expiry = till.expiry_seconds
    store = till.store
    added: list[int] = []
    invoices: list[int] = []
    refused: list[Refusal] = []
    already = 0
    added_tyiyn = 0
    with store.transaction():
        if pair_now:
            pairings.pair(bundle.device_key, actor=actor, label=f"first file {bundle.path.name}")
        for item in bundle.items:
            try:
                payload = _recheck(till.queue, item, facts, now)
            except PosError as err:
                refused.append(Refusal.of(item.line, err))
                continue
            if payload is None:
                already += 1
                continue
            item_id, inv_id, tyiyn = _insert(till, item, payload, facts, fp, name, now, expiry)
            # Its transfer may be recorded already (the customer's wallet sent it; this till took it
            # for another till's): linked now by its hash, so the copy follows its money to final.
            till.queue.claim_payment(item_id)
            added.append(item_id)
            invoices.append(inv_id)
            added_tyiyn += tyiyn
        # Payments this till had handed off, coming back in another till's file (that till marked
        # its copies handed off as it wrote the file): this till sends them, or nobody would.
        back = _handed_back(till.queue, facts.chain_id, [it.key for it in bundle.items])  # after the new ones
        if back:
            till.queue.take_back(back, actor=actor, now=now, reason=R("came_back_in_file", device=fp))
        store.audit(actor, "offline.import", f"file:{bundle.path.name}",
                    {"file": name, "device": fp, "device_key": bundle.device_key, "sha256": bundle.sha256,
                     "exported_at": bundle.created_at, "items": added, "invoices": invoices,
                     "already_there": already, "refused": [r.as_json() for r in refused],
                     "sender_audit_head": bundle.audit})
    if added:
        for item_id, inv_id in zip(added, invoices):
            till.publish(OfflineChanged(item=till.queue.get(item_id)))
            till.publish(InvoiceChanged(invoice=till.queue.service.get(inv_id)))
    return ImportResult(name, fp, len(added), already, tuple(refused), tuple(added), tuple(invoices),
                        added_tyiyn, taken_back=tuple(back), paired_now=pair_now)


def _handed_back(queue: Any, chain_id: int, keys: list[str]) -> list[int]:
    """This till's own handed-off items among ``keys`` (a file that came back)."""
    return [int(r["id"]) for r in queue.by_keys(chain_id, keys) if r["handed_off_at"] is not None]


def _check_tills(bundle: Bundle, ours: Any, name: str) -> None:
    """Two tills of one shop must agree on the count and differ in number, or their amounts can
    collide (``invoices.matching.TillSlot``): a file shows how the other till is set. Two tills
    that both say they are the shop's only till (1 of 1) are twins too: both ask the same amounts."""
    if bundle.till is None:
        return  # a format-1 file from an older version
    number, count = bundle.till
    if count == 1 and ours.count == 1:
        raise BadInput("handover.file_comes_from_another_till",
                       file=name)
    if count != ours.count:
        raise BadInput("handover.file_comes_from_till_set", file=name,
                       theirs=f"{number}/{count}", mine=ours.describe().replace(" of ", "/"))
    if count > 1 and number == ours.number:
        raise BadInput("handover.file_comes_from_another", file=name,
                       theirs=f"{number}/{count}")


def _take_back_own(till: HandoverTill, bundle: Bundle, *, now: int, actor: str) -> ImportResult:
    """A file this till wrote, brought back: its payments are this till's to send again."""
    keys = [item.key for item in bundle.items]
    rows = till.queue.by_keys(bundle.chain_id, keys)
    if keys and not rows:
        # Signed with this till's key, yet none of its payments were ever here: two tills share a
        # device key (a copied data folder). Taking nothing in silently would strand the payments.
        raise BadInput("handover.file_written_till_s", file=str(bundle.path))
    ids = [r["id"] for r in rows if r["handed_off_at"] is not None]
    taken = till.queue.take_back(ids, actor=actor, now=now,
                                  reason=R("own_file_loaded", file=bundle.path.name)) if ids else []
    return ImportResult(str(bundle.path), bundle.device, 0, len(bundle.items) - len(taken), (), (), (), 0,
                        taken_back=tuple(taken))


def _recheck(queue: Any, item: BundleItem, facts, now: int) -> Any:
    """The decoded payload if it is new and pays this shop; ``None`` if already here; raises if refused.

    Only what can be verified is trusted: the customer's signature gives payer, amount and an
    authorization's time window, and that window is checked against this till's clock now (a
    received time written in the file could be anything). Risk limits and the fee floor are the
    sending till's business and are not re-applied.
    """
    from pos_app.offline.payload import RawTransfer, parse_payload
    from pos_app.offline.verify import verify_payload

    payload = parse_payload(item.payload)
    if (payload.kind != item.kind or payload.key != item.key
            or (isinstance(payload, RawTransfer) and (item.tx_hash or "").lower() != payload.tx_hash.lower())):
        raise BadInput("handover.entry_s_details_do")
    verify_payload(payload, facts, due_base=_signed_due(payload, facts.decimals), now=now, sync_deadline=0)
    return None if queue.already_here(payload, facts.chain_id) else payload


def _insert(till: HandoverTill, item: BundleItem, payload, facts, fp: str, name: str, now: int,
            expiry: int) -> tuple[int, int, int]:
    """A new sale for what the customer signed, and the payment queued for it (the caller's
    transaction)."""
    note = f"handed over from device {fp}, invoice {item.invoice_number}"
    if item.memo:
        note += f": {safe_text(item.memo, limit=MAX_MEMO)}"
    if len(note) > MEMO_LIMIT:
        note = note[:MEMO_LIMIT - 1] + "…"
    tyiyn = int(base_units_to_tyiyn(payload.amount, facts.decimals)[0])
    # Not a sale of this till: the other till made it and counts it when its money arrives (by the
    # same evidence: the transaction hash, the authorization's identity). This till only carries
    # the payment to the network, under what the customer signed.
    inv = till.queue.service.create(Tyiyn(tyiyn), chain_id=facts.chain_id, token=facts.token,
                                    merchant=facts.merchant, decimals=facts.decimals,
                                    expiry_seconds=expiry, memo=note,
                                    carried_for=f"{fp}:{item.invoice_number}")
    verdict = {"code": "ok", "warnings": [], "checked_at": now, "imported_from": fp,
               "file": name, "line": item.line, "device_invoice": item.invoice_number,
               "claimed_amount_tyiyn": item.amount_tyiyn, "claimed_received_at": item.received_at}
    # The carried sale asks nothing by amount; it is linked to the transfer by evidence (its hash,
    # the authorization's identity), and it shows what the customer signed for.
    item_id = till.queue.import_item(payload, invoice_id=inv.id, chain_id=facts.chain_id, decimals=facts.decimals,
                                     verdict=verdict, device=fp,
                                     reason=R("imported_from", device=fp, invoice=item.invoice_number),
                                     due_base=payload.amount, now=now)
    return item_id, inv.id, tyiyn


def _signed_due(payload: Any, decimals: int) -> int:
    """What the customer signed, rounded down to whole tyiyn: the imported sale's amount."""
    tyiyn = int(base_units_to_tyiyn(payload.amount, decimals)[0])
    if tyiyn < 1:
        raise BadInput("handover.payment_less_than_one")
    return int(tyiyn_to_base_units(Tyiyn(tyiyn), decimals))
