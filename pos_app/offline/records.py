"""What the offline queue hands out: a cashier's verdict, a queued item, the queue's totals, and a
decision about one item (``Change``, what the sync engine asks ``OfflineQueue.apply`` to commit)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pos_app.core.errors import PosError, json_params
from pos_app.core.money import BaseUnits, Tyiyn
from pos_app.core.reasons import Reason, as_text, stored
from pos_app.offline.lifecycle import QueueState
from pos_app.offline.payload import Payload
from pos_app.offline.risk import Limits


@dataclass(frozen=True)
class Verdict:
    """The answer for the cashier: accepted or not, and why, in one sentence."""

    ok: bool
    code: str
    reason: str                          # English sentence (``message``/``params``: the key the screens render)
    message: str = ""                    # the refusal's key in pos_app/core/messages.py
    params: dict[str, Any] = field(default_factory=dict)
    kind: str | None = None
    payer: str | None = None
    amount_base: BaseUnits | None = None
    key: str | None = None
    warnings: tuple[str, ...] = ()
    payload: Payload | None = None

    def to_json(self, decimals: int | None) -> dict[str, Any]:
        from pos_app.core.money import base_units_to_decimal_str
        amount = None
        if self.amount_base is not None and decimals is not None:
            amount = base_units_to_decimal_str(self.amount_base, decimals)
        return {"ok": self.ok, "kind": self.kind, "payer": self.payer, "amount": amount, "reason": self.reason,
                "code": self.code, "message": self.message or None, "params": json_params(self.params), "warnings": list(self.warnings), "key": self.key}


def refused(err: PosError, payload: Payload | None = None) -> Verdict:
    return Verdict(False, getattr(err, "code", "refused"), err.user_message, err.key, dict(err.params),
                   kind=payload.kind if payload else None, payer=payload.payer if payload else None,
                   amount_base=payload.amount if payload else None, key=payload.key if payload else None,
                   payload=payload)


@dataclass(frozen=True)
class QueueItem:
    id: int
    kind: str
    state: QueueState
    payer: str
    amount_base: BaseUnits
    amount_tyiyn: Tyiyn
    invoice_id: int
    key: str
    tx_hash: str | None
    reason: str
    received_at: int
    updated_at: int
    valid_before: int | None
    payload: str
    resolution: str | None = None        # collect_again / resolved, once a person closed a failure
    handed_off_at: int | None = None     # exported to another machine, which sends it
    last_error: str = ""
    why: "Reason | str" = ""             # the last reason as stored: a code and parameters (or old text)

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "QueueItem":
        why = stored(r.get("reason_code"), r.get("reason_params"), r["reason"])
        return cls(r["id"], r["kind"], QueueState(r["state"]), r["payer"], int(r["amount_base"]),
                   r["amount_tyiyn"], r["invoice_id"], r["idem_key"], r["tx_hash"], as_text(why),
                   r["received_at"], r["updated_at"], r["valid_before"], r["payload"], r.get("resolution"),
                   r.get("handed_off_at"), r.get("last_error") or "", why)


@dataclass(frozen=True)
class QueueSummary:
    pending_count: int
    pending_tyiyn: Tyiyn
    unsent_count: int
    failed_count: int
    first_unsent_at: int | None
    deadline: int | None                 # when the unsent queue must reach the network
    warn_at: int | None
    last_sync_at: int | None
    limits: Limits
