"""The invoice and transfer records: what a sale is, and the money a cashier sees on it.

Plain frozen dataclasses with no database access (``service.py`` reads and writes them), so the
screens, the CLI and the tests share one definition of received, still due and change.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pos_app.core.money import BaseUnits, Tyiyn, as_tyiyn, stored_base_units
from pos_app.invoices.lifecycle import Flags, InvoiceState
from pos_app.invoices.payment_request import PaymentRequest


@dataclass(frozen=True)
class Invoice:
    id: int
    created_at: int
    expires_at: int
    chain_id: int
    token: str
    merchant: str
    decimals: int
    amount_tyiyn: Tyiyn
    amount_base: BaseUnits
    due_base: BaseUnits
    tail: int
    state: InvoiceState
    paid_seen: BaseUnits
    paid_final: BaseUnits
    flags: Flags
    memo: str
    offline_id: int | None = None   # a customer-signed payment accepted offline for this invoice
    rest_base: BaseUnits | None = None  # the rest of a partly paid sale, asked by its own unique amount
    carried_for: str | None = None      # another till's sale whose payment this till only carries
    settled_by: str | None = None       # 'chain' or 'cashier' once settled
    reopened_at: int | None = None      # a sale the chain had settled whose money left the chain
    short_base: BaseUnits = BaseUnits(0)   # a shortfall a cashier accepted as paid (audited)

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> "Invoice":
        return cls(r["id"], r["created_at"], r["expires_at"], r["chain_id"], r["token"], r["merchant"],
                   r["decimals"], as_tyiyn(r["amount_tyiyn"]), stored_base_units(r["amount_base"]), stored_base_units(r["due_base"]),
                   r["tail"], InvoiceState(r["state"]), stored_base_units(r["paid_seen"]), stored_base_units(r["paid_final"]),
                   Flags(bool(r["flag_partial"]), bool(r["flag_over"]), bool(r["flag_late"])), r["memo"],
                   r.get("offline_id"),
                   stored_base_units(r["rest_base"]) if r.get("rest_base") is not None else None,
                   r.get("carried_for"), r.get("settled_by"), r.get("reopened_at"),
                   stored_base_units(r["short_base"]) if r.get("short_base") is not None else BaseUnits(0))

    @property
    def carried(self) -> bool:
        """Another till's sale: this till only carries its customer-signed payment to the network."""
        return self.carried_for is not None

    @property
    def owed_base(self) -> BaseUnits:
        """What must arrive for the sale to be paid: the price less a shortfall a cashier accepted."""
        return BaseUnits(self.amount_base - self.short_base)

    # -- the money a cashier sees (tyiyn; the tail below one tyiyn never shows) --------------------
    @property
    def tyiyn_unit(self) -> int:
        return 10 ** max(self.decimals - 2, 0)

    def _tyiyn(self, base: int, *, up: bool = False) -> Tyiyn:
        """Base units as whole tyiyn (rounded down, or up); a token with 0 or 1 decimals has
        base units worth 100 or 10 tyiyn each."""
        if self.decimals < 2:
            return Tyiyn(base * 10 ** (2 - self.decimals))
        unit = self.tyiyn_unit
        return Tyiyn(-(-base // unit) if up else base // unit)

    @property
    def rest_open(self) -> bool:
        """A partly paid sale still waiting: its QR asks the rest."""
        return (self.rest_base is not None and self.flags.partial
                and self.state in (InvoiceState.NEW, InvoiceState.EXPIRED))

    @property
    def asked_base(self) -> BaseUnits:
        """The exact amount the QR asks now: the rest's own amount once part is paid, else the sale's.

        A partly paid sale whose rest could not get its own amount (no tail free) asks the bare
        rest: never the whole price again while the screen says less is due.
        """
        if self.rest_open and self.rest_base is not None:
            return self.rest_base
        if self.flags.partial and self.state in (InvoiceState.NEW, InvoiceState.EXPIRED) and self.offline_id is None:
            unit = self.tyiyn_unit
            return BaseUnits(-(-(self.amount_base - self.paid_seen) // unit) * unit)
        return self.due_base

    @property
    def received_tyiyn(self) -> Tyiyn:
        """Received so far (seen on the chain, final or not), in whole tyiyn."""
        return self._tyiyn(self.paid_seen)

    @property
    def still_due_tyiyn(self) -> Tyiyn:
        """What the customer still owes, rounded up to a whole tyiyn (0 once paid in full)."""
        short = self.owed_base - self.paid_seen
        return self._tyiyn(short, up=True) if short > 0 else Tyiyn(0)

    @property
    def change_tyiyn(self) -> Tyiyn:
        """What to give back: paid over the price, in whole tyiyn (the matching tail is never change)."""
        over = self.paid_seen - self.amount_base
        return self._tyiyn(over) if over > 0 else Tyiyn(0)

    @property
    def short_tyiyn(self) -> Tyiyn:
        """The shortfall a cashier accepted as paid, in whole tyiyn (rounded up)."""
        return self._tyiyn(self.short_base, up=True) if self.short_base > 0 else Tyiyn(0)

    def request(self) -> PaymentRequest:
        return PaymentRequest(self.chain_id, self.token, self.merchant, self.asked_base, self.decimals)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "created_at": self.created_at, "expires_at": self.expires_at,
                "chain_id": self.chain_id, "token": self.token, "merchant": self.merchant,
                "decimals": self.decimals, "amount_tyiyn": int(self.amount_tyiyn),
                "amount_base": str(self.amount_base), "due_base": str(self.due_base),
                "state": self.state.value, "paid_seen": str(self.paid_seen),
                "paid_final": str(self.paid_final), "flags": self.flags.labels(), "memo": self.memo,
                "offline_id": self.offline_id,
                "rest_base": None if self.rest_base is None else str(self.rest_base),
                "asked_base": str(self.asked_base), "received_tyiyn": int(self.received_tyiyn),
                "still_due_tyiyn": int(self.still_due_tyiyn), "change_tyiyn": int(self.change_tyiyn),
                "carried_for": self.carried_for, "settled_by": self.settled_by, "reopened_at": self.reopened_at,
                "short_tyiyn": int(self.short_tyiyn)}


@dataclass(frozen=True)
class Transfer:
    """One ERC-20 Transfer log to the merchant, as read from the chain."""

    chain_id: int
    token: str
    tx_hash: str
    log_index: int
    block_number: int
    block_hash: str
    block_time: int
    payer: str
    payee: str
    value: BaseUnits
    till_time: int | None = None   # block_time in this till's clock (the watcher measures the difference)

    @property
    def at(self) -> int:
        """When the transfer was made, in this till's clock (what its sales' times are in)."""
        return self.block_time if self.till_time is None else self.till_time

