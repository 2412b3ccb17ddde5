"""Which offline payment this till holds a transfer on the chain settles: the queue's reads for
the payment watcher's evidence (docs/architecture.md, "Which sale a payment belongs to", rule 1).

Read-only over ``offline_payments`` (``OfflineQueue`` owns it and hands this reader out as
``OfflineQueue.evidence``); found by transaction hash, authorization identity or the same signed
transaction number, never by amount alone.
"""
from __future__ import annotations

from pos_app.core.money import BaseUnits
from pos_app.invoices.matching import Held
from pos_app.store.db import Store


class QueueEvidence:
    """The offline payments a transfer may settle, read from the queue's table."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def held_by_hash(self, chain_id: int, tx_hash: str, payee: str, value: BaseUnits | None = None) -> list[Held]:
        """The items whose transaction (a customer's signed transfer, or a relay of an authorization,
        this till's or another's) has this hash, paying ``value`` when given: that sale's, whoever
        sent it. Several where one transaction carried several authorizations (oldest first)."""
        rows = self.store.query(
            "SELECT id, invoice_id FROM offline_payments WHERE chain_id = ? AND tx_hash = ? AND payee = ?"
            + ("" if value is None else " AND amount_base = ?") + " ORDER BY id",
            (chain_id, tx_hash.lower(), payee, *(() if value is None else (str(int(value)),))))
        return [Held(int(r["id"]), int(r["invoice_id"]), "offline") for r in rows]

    def evidence_wanted(self, chain_id: int, payer: str, payee: str, value: BaseUnits) -> frozenset[str]:
        """The kinds of item this till holds that a transfer of ``value`` from ``payer`` might settle
        without this till knowing its hash: ``eip3009`` (sent by another till, or the customer)
        and ``raw_tx`` (the customer's wallet sent the same transaction number again). The watcher
        reads the transaction's receipt or its nonce only for these."""
        rows = self.store.query("SELECT DISTINCT kind FROM offline_payments WHERE chain_id = ? AND payer = ?"
                                " AND payee = ? AND amount_base = ? AND state != 'final'",
                                (chain_id, payer, payee, str(int(value))))
        return frozenset(r["kind"] for r in rows)

    def held_by_authorization(self, chain_id: int, payer: str, nonce: str, payee: str,
                              value: BaseUnits) -> Held | None:
        """The authorization of ``payer`` with ``nonce`` (the token's AuthorizationUsed names both),
        paying ``value`` to ``payee`` (what the transfer beside that event moved)."""
        row = self.store.one("SELECT id, invoice_id FROM offline_payments WHERE chain_id = ? AND idem_key = ?"
                             " AND kind = 'eip3009' AND payee = ? AND amount_base = ?",
                             (chain_id, f"{payer.lower()}:{nonce.lower()}", payee, str(int(value))))
        return None if row is None else Held(int(row["id"]), int(row["invoice_id"]), "authorization")

    def held_by_replacement(self, chain_id: int, payer: str, nonce: int, payee: str,
                            value: BaseUnits) -> Held | None:
        """A signed transfer of ``payer`` at transaction number ``nonce`` paying ``value`` to the shop:
        the customer's wallet sent it again (another fee, so another hash); only one can land."""
        row = self.store.one("SELECT id, invoice_id FROM offline_payments WHERE chain_id = ? AND kind = 'raw_tx'"
                             " AND payer = ? AND payer_nonce = ? AND payee = ? AND amount_base = ?",
                             (chain_id, payer, nonce, payee, str(int(value))))
        return None if row is None else Held(int(row["id"]), int(row["invoice_id"]), "replaced")
