"""Signed transfers the network holds without ever mining them: when to give up, and how to say it.

A customer's signed transfer is mined only after every lower transaction number of that wallet.
One signed with a number the wallet skipped (or with earlier ones never sent) sits in the node's
pool for ever, and ``sync`` would wait for it for ever. So a raw transfer handed to the network
``stuck_after_s`` ago (``Limits``, 30 min by default; counted again from a reorg that put it back)
that has no receipt, while the payer's mined count has not passed its number, becomes the failure
``stuck`` ("never went through"), which the cashier closes like any other.

The same signed bytes may still be mined later (the customer sends the missing ones): the engine
keeps reading the receipts of stuck items for ``STUCK_WATCH_S`` (``OfflineQueue.outbox.followable``)
and moves one that landed on to included -> final; one whose transfer the payment watcher recorded
moves on by that evidence (``outbox/evidence.py``). Which items are overdue is the queue's query
(``overdue_raw``). Only raw transfers: a relay transaction is the shop's own and is re-signed by
the engine instead.
"""
from __future__ import annotations

from pos_app.core.reasons import R, Reason
from pos_app.core.sending import OutboxItem, Phase

STUCK_WATCH_S = 7 * 24 * 3600


def verdict(row: OutboxItem, mined_count: int, after_s: int) -> Reason | None:
    """The reason to give up on ``row`` (no receipt, ``mined_count`` = the payer's mined transactions),
    or None to keep waiting: spent elsewhere is the double-spend check's to decide, and a transfer
    that is next in line but was never taken by the node (only refused, e.g. by a flaky node) is
    sent again rather than given up."""
    nonce = int(row.payer_nonce)
    minutes = max(1, after_s // 60)
    if mined_count > nonce:
        return None
    if mined_count < nonce:
        return R("stuck_gap", n=nonce - mined_count, minutes=minutes)
    if row.phase is Phase.SENT:
        return R("stuck_not_taken", minutes=minutes)
    return None


def landed(row: OutboxItem, number: int) -> Reason:
    """Why ``row`` is included: "in block N", and what it means if it had been given up as stuck."""
    if row.phase is not Phase.STUCK:
        return R("in_block", number=number)
    if row.resolution == "collect_again":
        return R("in_block_paid_twice", number=number)
    if row.resolution == "resolved":
        return R("in_block_check_twice", number=number)
    return R("in_block_after_giving_up", number=number)
