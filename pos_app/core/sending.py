"""What a sender sees of a transfer it sends (``OutboxItem``) and what it decides about it.

The outbox (``pos_app/outbox/``) sends items through one sender account's nonce sequence: today
the offline payments a customer signed, next a refund or a payout signed by the shop's key. It
never writes an item itself. It returns one decision per item, and the item's owner (today
``OfflineQueue.apply``) applies it through its own lifecycle table, in one transaction per batch:

* ``Sent``: handed to the network, waiting to be mined;
* ``Included``: mined (a receipt with status 1);
* ``Final``: its money was recorded from the chain's logs in a final block (the only proof);
* ``Failed``: it can never arrive, and ``failure`` says why (a ``Failure``);
* ``BackInLine``: to be signed or sent again (a reorg, a relay number taken by another);
* ``NeedsPerson``: the sender cannot go on without a person (a key to unlock, a node to check);
* ``Bookkeeping``: no move, only the sending facts (hash, block, signed bytes, retry times).

The sender reads items as ``OutboxItem``: the transfer's sending facts and a ``Phase`` (where it
is in sending: to send, sent, included, stuck, final, closed), never its owner's state names; the
owner's reads build them (``offline/outbox_reads.py``, the phases in ``offline/lifecycle.py``).

A decision that moves an item carries its reason code (``core/reasons.py``); every decision may
carry sending facts, and only the columns in ``SENDING_COLUMNS``: nothing else of an item (the
payload, the payer, the amount, the sale, its state) is the sender's to decide. Both rules are
checked when a decision is made, so a wrong one fails in the sender, not in the owner's table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping

from pos_app.core.reasons import Reason

# The sending facts of an item: where its transaction is on the network (hash, block), its relay
# transaction (bytes, number, sender) and the retry bookkeeping.
SENDING_COLUMNS = frozenset({
    "tx_hash", "block_number", "block_hash",
    "relay_raw", "relay_nonce", "relay_from",
    "attempts", "last_error", "next_try_at", "last_sent_at", "first_sent_at",
})


class Failure(str, Enum):
    """Why a transfer can never arrive (each owner has a failed state for each)."""

    REJECTED = "rejected"                       # the network refused it
    EXPIRED = "expired"                         # its permission ran out before it was mined
    DOUBLE_SPENT = "double_spent"               # the payer's number went to another transaction
    INSUFFICIENT_FUNDS = "insufficient_funds"   # the payer's account cannot cover it
    REVERTED = "reverted"                       # the token refused it
    CANCELLED = "cancelled"                     # the payer cancelled it before it was sent
    STUCK = "stuck"                             # held back by the network past the deadline


class Phase(str, Enum):
    """Where an item is in sending, whatever its owner calls its states."""

    TO_SEND = "to_send"        # to be signed or sent (or sent again)
    SENT = "sent"              # handed to the network, no receipt yet
    INCLUDED = "included"      # mined, not final yet
    STUCK = "stuck"            # given up as held back; the same bytes may still be mined
    FINAL = "final"            # its money is final (it may still leave the chain in a deep reorg)
    CLOSED = "closed"          # failed, or with a person: the sender only watches for its money


@dataclass(frozen=True)
class OutboxItem:
    """One transfer to send: today an offline payment, next a refund or a payout.

    ``kind`` is how it reaches the chain: ``raw_tx``, bytes signed by whoever pays (``payload``,
    sent as they are, using ``payer``'s transaction number ``payer_nonce``); ``eip3009``, a
    permission (``payload``, JSON) that this till relays in a transaction of its own
    (``relay_raw``, signed by ``relay_from`` at ``relay_nonce``).
    """

    id: int
    phase: Phase
    kind: str
    payer: str
    payee: str
    amount_base: Any          # as stored (base units as text); the engine reads it with stored_base_units
    payload: str
    payer_nonce: int | None = None
    auth_nonce: str | None = None
    valid_before: int | None = None
    relay_raw: str | None = None
    relay_from: str | None = None
    relay_nonce: int | None = None
    tx_hash: str | None = None
    block_number: int | None = None
    block_hash: str | None = None
    attempts: int = 0
    first_sent_at: int | None = None
    last_sent_at: int | None = None
    resolution: str | None = None   # how a person closed it after it was given up (its owner's words)

    @classmethod
    def from_row(cls, row: Mapping[str, Any], phase: Phase) -> "OutboxItem":
        """The item from its owner's row (the columns named as the fields above)."""
        return cls(id=int(row["id"]), phase=phase, kind=row["kind"], payer=row["payer"], payee=row["payee"],
                   amount_base=row["amount_base"], payload=row["payload"],
                   payer_nonce=_opt_int(row.get("payer_nonce")), auth_nonce=row.get("auth_nonce"),
                   valid_before=_opt_int(row.get("valid_before")), relay_raw=row.get("relay_raw"),
                   relay_from=row.get("relay_from"), relay_nonce=_opt_int(row.get("relay_nonce")),
                   tx_hash=row.get("tx_hash"), block_number=_opt_int(row.get("block_number")),
                   block_hash=row.get("block_hash"), attempts=int(row.get("attempts") or 0),
                   first_sent_at=_opt_int(row.get("first_sent_at")), last_sent_at=_opt_int(row.get("last_sent_at")),
                   resolution=row.get("resolution"))

    @property
    def signed(self) -> str | None:
        """The bytes this item is sent as (None: a permission whose relay is not signed yet)."""
        return self.relay_raw if self.kind == "eip3009" else self.payload


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


@dataclass(frozen=True)
class Decision:
    """One decision about one item: the item as read (its ``id`` is what counts), why, and facts."""

    item: OutboxItem | Mapping[str, Any]
    reason: Reason | None = None
    columns: Mapping[str, Any] = field(default_factory=dict)

    moves = True       # a decision that moves the item needs its reason code

    def __post_init__(self) -> None:
        unknown = set(self.columns) - SENDING_COLUMNS
        if unknown:
            raise ValueError(f"not a sending decision's columns: {sorted(unknown)}")
        if self.moves and not isinstance(self.reason, Reason):
            raise TypeError(f"{type(self).__name__} moves an item: it needs its reason code")

    @property
    def item_id(self) -> int:
        return int(self.item.id if isinstance(self.item, OutboxItem) else self.item["id"])


@dataclass(frozen=True)
class Sent(Decision):
    """Handed to the network; waiting to be mined."""


@dataclass(frozen=True)
class Included(Decision):
    """Mined: a receipt with status 1."""


@dataclass(frozen=True)
class Final(Decision):
    """Its money is recorded from the chain's logs in a final block."""


@dataclass(frozen=True)
class Failed(Decision):
    """It can never arrive; ``failure`` says why."""

    failure: Failure = field(kw_only=True)


@dataclass(frozen=True)
class BackInLine(Decision):
    """To be signed or sent again."""


@dataclass(frozen=True)
class NeedsPerson(Decision):
    """The sender cannot go on alone: a person must act (the reason says what)."""


@dataclass(frozen=True)
class Bookkeeping(Decision):
    """No move: only the sending facts change."""

    moves = False
