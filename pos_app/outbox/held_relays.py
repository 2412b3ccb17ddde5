"""Relay transactions the network holds unmined past the deadline (the sync engine's step 6).

A relay transaction this till sent that has no receipt ``after`` seconds after it was first sent
(``Limits.stuck_after_s``) waits for a person, named: behind relay numbers this till cannot fill
(``relay_held_gap``: its relay key is locked, or has no BNB for the filler) or not taken at all
(``relay_not_mined``). It is not given up: when its money arrives (the gap filled once the key is
unlocked and topped up) the evidence moves it on to final, and "send again" puts it back in line.
"""
from __future__ import annotations

from typing import Any, Callable

from pos_app.chain.calldata import answer_error as _err, as_int as _int
from pos_app.core.reasons import R
from pos_app.core.sending import Decision, NeedsPerson, OutboxItem

Batch = Callable[[str, list[tuple[str, list[Any]]]], list[OutboxItem]]


def held_relay_changes(rows: list[OutboxItem], after: int, batch: Batch) -> list[Decision]:
    """The decisions for ``rows`` (``OutboxReads.overdue_relays``): ``needs_attention`` for each
    still unmined whose number the relay account has not passed (passed: ``_missing`` re-signs it)."""
    minutes = max(1, after // 60)
    by_sender: dict[str, list[OutboxItem]] = {}
    for r in rows:
        by_sender.setdefault(r.relay_from, []).append(r)
    changes: list[Decision] = []
    for sender, held in by_sender.items():
        count = batch("read the relay account's number", [("eth_getTransactionCount", [sender, "latest"])])
        receipts = batch("read receipts", [("eth_getTransactionReceipt", [r.tx_hash]) for r in held])
        if not count or _err(count[0]):
            continue
        mined = _int(count[0].get("result") or "0x0")
        for r, rc in zip(held, receipts):
            if _err(rc) or rc.get("result") or r.relay_nonce is None or mined > int(r.relay_nonce):
                continue
            below = int(r.relay_nonce) - mined
            reason = R("relay_held_gap", n=below, minutes=minutes) if below else R("relay_not_mined", minutes=minutes)
            changes.append(NeedsPerson(r, reason))
    return changes
