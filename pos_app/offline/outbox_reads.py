"""What the sync engine asks of the offline queue's table: typed queries, one per question.

``offline_payments`` and ``offline_history`` belong to ``OfflineQueue`` (it writes them, through
its lifecycle); the outbox reads them only here (issue 19, point 5: reads are owned too), handed
out as ``OfflineQueue.outbox``. Items handed off to another till are never the engine's to send,
only to follow by the money (``moving``). Every state list is a named set of the lifecycle.
"""
from __future__ import annotations

from typing import Any

from pos_app.core.statemachine import sql_states
from pos_app.core.sending import OutboxItem, Phase
from pos_app.offline.lifecycle import (
    IN_FLIGHT, MOVING, OVERTURNABLE, PHASES, RELAY_NUMBER_HELD, SENT, TO_SEND, TO_SIGN, QueueState,
)
from pos_app.store.db import Store

Row = dict[str, Any]
Items = list[OutboxItem]
_OWN = "chain_id = ? AND handed_off_at IS NULL"   # this till's to send (not handed to another)


class OutboxReads:
    """The queue's answers to the sync engine (plain reads; the engine commits through the queue)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _own(self, where: str, params: tuple = (), order: str = "id") -> Items:
        return _items(self.store.query(f"SELECT * FROM offline_payments WHERE {_OWN} AND {where} ORDER BY {order}",
                                       params))

    def in_flight(self, chain_id: int) -> int:
        """Items the engine still moves on its own (``IN_FLIGHT``), not handed off."""
        return int(self.store.one(f"SELECT COUNT(*) AS n FROM offline_payments WHERE {_OWN}"
                                  f" AND state IN {sql_states(IN_FLIGHT)}", (chain_id,))["n"])

    def unsigned_authorizations(self, chain_id: int) -> Items:
        """Authorizations whose relay is not signed yet (``TO_SIGN``)."""
        return self._own(f"kind = 'eip3009' AND state IN {sql_states(TO_SIGN)} AND relay_raw IS NULL", (chain_id,))

    def authorizations_to_relay(self, chain_id: int, now: int) -> Items:
        """Queued authorizations due (``next_try_at``) for a relay transaction."""
        return self._own("kind = 'eip3009' AND state = ? AND relay_raw IS NULL AND next_try_at <= ?",
                         (chain_id, QueueState.QUEUED.value, now))

    def relays_to_send(self, chain_id: int) -> int:
        """Authorizations whose relay is still to be sent or mined (``TO_SEND``): the relay's BNB need."""
        return int(self.store.one(f"SELECT COUNT(*) AS n FROM offline_payments WHERE chain_id = ?"
                                  f" AND kind = 'eip3009' AND state IN {sql_states(TO_SEND)}", (chain_id,))["n"])

    def sendable(self, chain_id: int, now: int) -> Items:
        """Queued items with bytes to send, due now, in the order a payer's numbers need."""
        return self._own("state = ? AND next_try_at <= ? AND (kind = 'raw_tx' OR relay_raw IS NOT NULL)",
                         (chain_id, QueueState.QUEUED.value, now), order="kind, payer, payer_nonce, relay_nonce, id")

    def followable(self, chain_id: int, stuck_since: int) -> Items:
        """Items whose receipt is read: sent (``SENT``) with a hash, and ``stuck`` ones of the last days
        (the same bytes may still be mined). One whose money arrived moves by the evidence instead."""
        return self._own(f"tx_hash IS NOT NULL AND (state IN {sql_states(SENT)}"
                         f" OR (state = ? AND updated_at >= ?))", (chain_id, QueueState.STUCK.value, stuck_since))

    def phase_of(self, item_id: int) -> Phase:
        return PHASES[QueueState(self.store.one("SELECT state FROM offline_payments WHERE id = ?", (item_id,))["state"])]

    def overdue_raw(self, chain_id: int, cut: int) -> Items:
        """Signed transfers first sent at or before ``cut`` and not put back in line since, not mined."""
        return _items(self.store.query(
            f"SELECT * FROM offline_payments o WHERE {_OWN} AND kind = 'raw_tx'"
            f" AND state IN {sql_states(TO_SEND)} AND tx_hash IS NOT NULL AND first_sent_at IS NOT NULL"
            " AND first_sent_at <= ? AND NOT EXISTS (SELECT 1 FROM offline_history h WHERE h.item_id = o.id"
            f" AND h.at > ? AND h.to_state IN {sql_states(TO_SEND)}) ORDER BY id", (chain_id, cut, cut)))

    def overdue_relays(self, chain_id: int, cut: int) -> Items:
        """This till's relay transactions first sent at or before ``cut``, not put back in line
        since, still without a receipt (``submitted``)."""
        return _items(self.store.query(
            f"SELECT * FROM offline_payments o WHERE {_OWN} AND kind = 'eip3009' AND relay_from IS NOT NULL"
            " AND state = ? AND tx_hash IS NOT NULL AND first_sent_at IS NOT NULL AND first_sent_at <= ?"
            " AND NOT EXISTS (SELECT 1 FROM offline_history h WHERE h.item_id = o.id"
            f" AND h.at > ? AND h.to_state IN {sql_states(TO_SEND)}) ORDER BY relay_nonce",
            (chain_id, QueueState.SUBMITTED.value, cut, cut)))

    def moving(self, chain_id: int, since: int) -> Items:
        """Items whose recorded money moves them on (``MOVING``, handed off or not), and failures
        since ``since`` the money's arrival overturns (``OVERTURNABLE``)."""
        return _items(self.store.query(
            f"SELECT * FROM offline_payments WHERE chain_id = ? AND (state IN {sql_states(MOVING)}"
            f" OR (state IN {sql_states(OVERTURNABLE)} AND updated_at >= ?)) ORDER BY id", (chain_id, since)))

    def final_since(self, chain_id: int, since: int) -> Items:
        """Items final since ``since`` (their money may still leave the chain)."""
        return _items(self.store.query("SELECT * FROM offline_payments WHERE chain_id = ? AND state = ?"
                                       " AND updated_at >= ? ORDER BY id", (chain_id, QueueState.FINAL.value, since)))

    def relay_numbers_held(self, chain_id: int, sender: str, from_nonce: int) -> set[int]:
        """The relay transaction numbers of ``sender`` at or above ``from_nonce`` that items still hold."""
        return {int(r["relay_nonce"]) for r in self.store.query(
            "SELECT relay_nonce FROM offline_payments WHERE chain_id = ? AND relay_from = ? AND relay_nonce >= ?"
            f" AND state IN {sql_states(RELAY_NUMBER_HELD)}", (chain_id, sender, from_nonce))}


def _items(rows: list[Row]) -> Items:
    """The rows as the outbox sees them: sending facts and a phase, not this queue's state names."""
    return [OutboxItem.from_row(r, PHASES[QueueState(r["state"])]) for r in rows]
