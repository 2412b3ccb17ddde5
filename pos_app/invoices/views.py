"""A sale's read-only views for the screens and the command line: the day's list, a sale's
history and payments, and the payments no sale took. ``InvoiceService`` (the tables' owner,
``invoices/service.py``) has them through this mixin; nothing here writes.
"""
from __future__ import annotations

from typing import Any

from pos_app.core.reasons import as_text, stored
from pos_app.invoices.model import Invoice


class SaleViews:
    """Needs ``self.store`` (``InvoiceService``)."""

    def list(self, *, since: int | None = None, limit: int = 1000) -> list[Invoice]:
        rows = self.store.query("SELECT * FROM invoices WHERE created_at >= ? ORDER BY id DESC LIMIT ?",
                                (since or 0, limit))
        return [Invoice.from_row(r) for r in rows]

    def history(self, invoice_id: int) -> list[dict[str, Any]]:
        """The sale's history, oldest first: each row's ``why`` is its ``Reason`` (or an old text no
        code matched) and ``reason`` its English line (the command line's)."""
        rows = self.store.query("SELECT * FROM invoice_history WHERE invoice_id = ? ORDER BY id", (invoice_id,))
        for r in rows:
            r["why"] = stored(r.get("code"), r.get("params"), r["reason"])
            r["reason"] = as_text(r["why"])
        return rows

    def payments_for(self, invoice_id: int) -> list[dict[str, Any]]:
        return self.store.query("SELECT * FROM payments WHERE invoice_id = ? ORDER BY block_number, log_index",
                                (invoice_id,))

    def unmatched(self) -> list[dict[str, Any]]:
        """Payments to the shop this till cannot attribute (another till's own sales are left out)."""
        return self.store.query("SELECT * FROM payments WHERE invoice_id IS NULL AND status != 'removed'"
                                " AND matched_by != 'other_till' ORDER BY block_number DESC, log_index DESC")
