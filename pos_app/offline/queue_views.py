"""The offline queue's read-only views: the totals the screens and the command line show, the
failures waiting for a person, the list and an item's history. ``OfflineQueue`` (the tables'
owner, ``offline/queue.py``) has them through this mixin; nothing here writes.
"""
from __future__ import annotations

from typing import Any

from pos_app.core.errors import NotFound
from pos_app.core.reasons import as_text, stored
from pos_app.core.statemachine import sql_states
from pos_app.offline.lifecycle import FAILURES, PENDING, UNSENT, QueueState
from pos_app.offline.records import QueueItem, QueueSummary


class QueueViews:
    """Needs ``self.store``, ``self.limits()`` and ``self.exposure(chain_id)`` (``OfflineQueue``)."""

    def summary(self, chain_id: int) -> QueueSummary:
        limits = self.limits()
        exp = self.exposure(chain_id)
        unsent = self.store.one(f"SELECT COUNT(*) AS n FROM offline_payments WHERE chain_id = ? "
                                f"AND state IN {sql_states(UNSENT)}", (chain_id,))["n"]
        failed = self.store.one(f"SELECT COUNT(*) AS n FROM offline_payments WHERE chain_id = ? "
                                f"AND state IN {sql_states(FAILURES)}", (chain_id,))["n"]
        first = exp.first_unsynced_at
        return QueueSummary(exp.unsynced_count, exp.unsynced_tyiyn, int(unsent), int(failed), first,
                            first + limits.refuse_after_s if first is not None else None,
                            first + limits.warn_after_s if first is not None else None,
                            exp.last_sync_at, limits)

    def unsent_anywhere(self) -> int:
        """Payments accepted offline that have not reached any network yet, on every chain this
        shop ever used (handed-off copies included: they are this till's backup)."""
        return int(self.store.one(f"SELECT COUNT(*) AS n FROM offline_payments WHERE state IN {sql_states(UNSENT)}")["n"])

    def not_final_anywhere(self) -> int:
        """Payments accepted offline whose money is not yet final on the chain (unsent, sent, or
        said to be included while no payment has been recorded from the chain's logs), on every
        chain this shop ever used. Installers ask this before an upgrade or an uninstall
        (``sompos upgrade-check``): only this till can still follow these to their end."""
        return int(self.store.one(f"SELECT COUNT(*) AS n FROM offline_payments WHERE state IN {sql_states(PENDING)}")["n"])

    def unresolved_failures(self) -> list[QueueItem]:
        rows = self.store.query(f"SELECT * FROM offline_payments WHERE state IN {sql_states(FAILURES)} "
                                "AND resolved_at IS NULL ORDER BY id")
        return [QueueItem.from_row(r) for r in rows]

    def list(self, *, states: frozenset[QueueState] | None = None, limit: int = 1000) -> list[QueueItem]:
        sql = "SELECT * FROM offline_payments"
        if states:
            sql += f" WHERE state IN {sql_states(states)}"
        rows = self.store.query(sql + " ORDER BY id DESC LIMIT ?", (limit,))
        return [QueueItem.from_row(r) for r in rows]

    def history(self, item_id: int) -> list[dict[str, Any]]:
        """The payment's history, oldest first: each row's ``why`` is its ``Reason`` (or an old text no
        code matched) and ``reason`` its English line (the command line's)."""
        rows = self.store.query("SELECT at, from_state, to_state, reason, code, params FROM offline_history"
                                " WHERE item_id = ? ORDER BY id", (item_id,))
        for r in rows:
            r["why"] = stored(r.pop("code"), r.pop("params"), r["reason"])
            r["reason"] = as_text(r["why"])
        return rows

    # -- reading ----------------------------------------------------------------------------------
    def get(self, item_id: int) -> QueueItem:
        row = self.store.one("SELECT * FROM offline_payments WHERE id = ?", (item_id,))
        if row is None:
            raise NotFound("offline.there_offline_payment_number", item=item_id)
        return QueueItem.from_row(row)
