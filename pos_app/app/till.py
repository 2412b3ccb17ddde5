"""The application layer: every use case the screens and the CLI run, typed, in one place.

``Till`` is what a screen's controller holds (never the whole ``AppContext``, the composition
root, and never a service, the store or a table). Each method is one thing a person does at the
till, or one reading a screen shows, and runs on the caller's worker thread (the screens call it
from their database or slow worker, never from the GUI thread):

* the sale: ``charge``, ``charge_again``, ``cancel``, ``accept_short``, ``assign``, ``allowed``
  (what the cashier may do to a sale now: ``invoices/actions.py``, the service's own rules);
* offline payments: ``check_offline``, ``accept_offline``, ``offline_view``, ``resolve_failure``,
  ``take_back``; the hand-over file: ``prepare_export``, ``import_handover``; the relay key;
* the shop's names for payers (``name_payer``), the inbox, the twin alarm, the settings
  (``settings``, one snapshot; ``save_settings`` publishes ``SettingsChanged``).

Roles and limits are enforced below, in the services; the next issues (cart, tenders, receipts,
staff, refunds, payouts, reports) add their use cases here, beside these.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos_app.app.context import AppContext
from pos_app.core.events import EventBus, SettingsChanged
from pos_app.core.money import Tyiyn, base_units_to_tyiyn, stored_base_units
from pos_app.core.reasons import R, Reason
from pos_app.shop.config import SettingsInput, ShopConfig

if TYPE_CHECKING:
    # (Imported where used: the window builds its Till before its first frame.)
    from pos_app.invoices.actions import SaleAction
    from pos_app.invoices.model import Invoice
    from pos_app.chain.token_cache import TokenFeatures
    from pos_app.core.connectivity import Connectivity
    from pos_app.handover.export import HandoverTill, PreparedExport
    from pos_app.handover.importer import ImportResult
    from pos_app.offline.records import QueueItem, QueueSummary
    from pos_app.offline.verify import Verdict
    from pos_app.outbox.engine import SyncEngine
    from pos_app.payments.watcher import PaymentWatcher
    from pos_app.shop.config import TillSlot
    from pos_app.shop.payers import SharedWallet

DAY_S = 24 * 3600


@dataclass(frozen=True)
class InboxPayment:
    """One payment that matched no sale, as the screens show it."""

    id: int
    tyiyn: Tyiyn | None     # None: the token's decimals were never read on this till
    payer: str              # the shop's name for the wallet, else its short form
    hint: int | None = None  # a sale that asked exactly this amount but could not take it
    twin: bool = False      # it carried this till's amount, but this till never asked it


@dataclass(frozen=True)
class SalesDay:
    """The sales list's reading: the day's sales, each paid one's last payer and transaction, the
    inbox rows, the payers' names and the shop token's decimals (None: never read)."""

    sales: "list[Invoice]"
    last_payers: dict[int, tuple[str, str]]
    unmatched: list[dict[str, Any]]
    names: dict[str, str]
    decimals: int | None


@dataclass(frozen=True)
class OfflineView:
    """The offline queue as the screens show it."""

    items: "list[QueueItem]"
    summary: "QueueSummary"
    failures: "list[QueueItem]"
    names: dict[str, str]


class Till:
    """The use cases of one till (one data folder), over its ``AppContext``."""

    def __init__(self, ctx: AppContext) -> None:
        self._ctx = ctx

    # -- what every screen reads ----------------------------------------------------------------
    @property
    def settings(self) -> ShopConfig:
        """The shop's settings: one snapshot, refreshed by ``SettingsChanged`` (app/context.py)."""
        return self._ctx.config

    @property
    def events(self) -> EventBus:
        return self._ctx.events

    @property
    def link(self) -> "Connectivity":
        return self._ctx.link

    @property
    def data_dir(self) -> Path:
        return self._ctx.data_dir

    def needs_first_connection(self) -> bool:
        return self._ctx.needs_first_connection()

    def clock_skew(self) -> int:
        return self._ctx.clock_skew()

    def token_features(self) -> "TokenFeatures | None":
        return self._ctx.token_features()

    def token_decimals(self) -> int | None:
        """The shop token's decimals as cached (no node is asked); None until read once."""
        from pos_app.chain.token_cache import cached_token_info
        net = self.settings.network
        if not net.token:
            return None
        info = cached_token_info(self._ctx.store, net.chain_id, net.token)
        return info.decimals if info else None

    # -- the sale ----------------------------------------------------------------------------------
    def sale(self, invoice_id: int) -> Invoice:
        return self._ctx.service.get(invoice_id)

    def allowed(self, inv: "Invoice", now: int | None = None) -> "frozenset[SaleAction]":
        """What the cashier may do to ``inv`` now (the service's own rules, with the owner's
        tolerance for a short payment)."""
        from pos_app.invoices.actions import allowed_actions
        return allowed_actions(inv, int(time.time()) if now is None else now,
                               short_tolerance=self.settings.short_tolerance)

    def charge(self, amount: Tyiyn, *, memo: str = "") -> Invoice:
        """A new sale asking ``amount``."""
        return self._ctx.create_invoice(Tyiyn(amount), memo=memo)

    def charge_again(self, invoice_id: int, *, actor: str) -> Invoice:
        return self._ctx.service.charge_again(invoice_id, actor=actor,
                                              expiry_seconds=self.settings.expiry_seconds)

    def open_again(self, invoice_id: int, *, actor: str) -> Invoice:
        """A listed sale back on the payment screen: as it is while it waits, asked again once expired."""
        from pos_app.invoices.lifecycle import InvoiceState
        inv = self.sale(invoice_id)
        if inv.state == InvoiceState.EXPIRED:
            inv = self.charge_again(invoice_id, actor=actor)
        return inv

    def cancel(self, invoice_id: int, *, actor: str, reason: Reason | str = R("sale_cancelled")) -> "Invoice":
        from pos_app.invoices.lifecycle import InvoiceState
        return self._ctx.service.mark(invoice_id, InvoiceState.INVALID, actor=actor, reason=reason)

    def accept_short(self, invoice_id: int, *, actor: str) -> Invoice:
        return self._ctx.service.accept_short(invoice_id, actor=actor)

    def assign(self, payment_id: int, invoice_id: int, *, actor: str) -> Invoice:
        """An unmatched payment added to a sale: the cashier's audited decision."""
        return self._ctx.service.assign_payment(payment_id, invoice_id, actor=actor)

    def sales_day(self) -> SalesDay:
        """The last day's sales with their payers, the inbox and the names (the sales list)."""
        svc = self._ctx.service
        sales = svc.list(since=int(time.time()) - DAY_S)
        payers = {}
        for inv in sales:
            if inv.paid_seen:
                pays = svc.payments_for(inv.id)
                if pays:
                    payers[inv.id] = (pays[-1]["payer"], pays[-1]["tx_hash"])
        return SalesDay(sales, payers, svc.unmatched(), self.payer_names(), self.token_decimals())

    def sale_detail(self, invoice_id: int) -> tuple[Invoice, list[dict[str, Any]], list[dict[str, Any]]]:
        """A sale, its payments and its history (rows with a reason code, ``why``)."""
        svc = self._ctx.service
        return svc.get(invoice_id), svc.payments_for(invoice_id), svc.history(invoice_id)

    def inbox(self) -> list[InboxPayment]:
        """Payments that matched no sale, newest first, in som and by the payer's name. The
        decimals are each payment's own token's as cached here: no node is asked."""
        from pos_app.chain.token_cache import cached_token_info
        rows = self._ctx.service.unmatched()
        if not rows:
            return []
        payers = self._ctx.payers
        names = payers.names()
        decimals_of: dict[tuple[int, str], int | None] = {}
        out = []
        for r in rows:
            key = (r["chain_id"], r["token"])
            if key not in decimals_of:
                info = cached_token_info(self._ctx.store, *key)
                decimals_of[key] = info.decimals if info else None
            decimals = decimals_of[key]
            tyiyn = None if decimals is None else base_units_to_tyiyn(stored_base_units(r["value"]), decimals)[0]
            hint = r.get("hint_invoice_id")
            out.append(InboxPayment(int(r["id"]), tyiyn, payers.label(r["payer"], names),
                                    int(hint) if hint is not None else None, r.get("matched_by") == "twin"))
        return out

    def reopened_sales(self, limit: int = 20) -> list[Invoice]:
        return self._ctx.reopened_sales(limit)

    # -- another till with this till's number ------------------------------------------------------
    def twin_alarm(self) -> "tuple[dict | None, TillSlot]":
        """(the alarm or None, this till's place)."""
        return self._ctx.service.twin_alarm(), self.settings.till

    def clear_twin_alarm(self, *, actor: str) -> None:
        self._ctx.service.resolve_twin_alarm(actor=actor)

    # -- payers ----------------------------------------------------------------------------------------
    def payer_names(self) -> dict[str, str]:
        return self._ctx.payers.names()

    def payer(self, address: str) -> "tuple[str | None, SharedWallet | None]":
        """The shop's name for a wallet, and whether it is an exchange's or shared (no name then)."""
        book = self._ctx.payers
        return book.name_of(address), book.shared_wallet(address)

    def name_payer(self, address: str, name: str, *, actor: str) -> str:
        """The shop's name for a payer's wallet ('' forgets it); refused for an exchange's or a
        shared wallet. Returns the name as kept."""
        return self._ctx.payers.set_name(address, name, actor=actor)

    def name_payer_if_unknown(self, address: str, name: str, *, actor: str) -> str:
        """A name from elsewhere than the cashier (the demo phone's customer), never over the shop's own."""
        return self._ctx.payers.name_if_unknown(address, name, actor=actor)

    # -- offline payments ------------------------------------------------------------------------------
    def check_offline(self, inv: Invoice, text: str) -> "tuple[Verdict, int]":
        """What a scanned signed payment would do for ``inv`` (nothing is stored), and the token's decimals."""
        facts = self._ctx.offline_facts()
        return self._ctx.offline.evaluate(text, facts, due_base=inv.asked_base, exact=True), facts.decimals

    def accept_offline(self, invoice_id: int, text: str, *, actor: str) -> Invoice:
        """Keep a customer's signed payment for the sale (durable before this returns)."""
        item, _ = self._ctx.offline.accept(text, invoice_id, self._ctx.offline_facts(), actor=actor)
        return self._ctx.service.get(item.invoice_id)

    def offline_view(self) -> OfflineView:
        q = self._ctx.offline
        return OfflineView(q.list(), q.summary(self.settings.network.chain_id), q.unresolved_failures(),
                           self.payer_names())

    def resolve_failure(self, item_id: int, action: str, *, actor: str, note: str = "") -> "QueueItem":
        """Close a failed offline payment: ``collect_again`` (its sale is cancelled; charge again)
        or ``resolved`` (settled another way); ``note``: the person's own words."""
        return self._ctx.offline.resolve(item_id, action, actor=actor, note=note)

    def send_again(self, item_id: int, *, actor: str) -> "QueueItem":
        """A payment that needs attention goes back in line (the same signed bytes)."""
        return self._ctx.offline.send_again(item_id, actor=actor)

    def take_back(self, items: list[int] | None = None, *, actor: str,
                  reason: Reason | str = R("taken_back_here")) -> list[int]:
        """Payments handed to another till on a file (``items``; None: all) are sent from this
        till again."""
        return self._ctx.offline.take_back(items, actor=actor, reason=reason)

    # -- the hand-over file ----------------------------------------------------------------------------
    def prepare_export(self, path: Path | str) -> "tuple[HandoverTill, PreparedExport]":
        """Read and sign what the file will carry (the database worker); write it with
        ``handover.export.write_export`` and then ``mark_exported`` (handover/export.py)."""
        from pos_app.handover.export import prepare_export
        till = self._ctx.handover()
        return till, prepare_export(till, path)

    def import_handover(self, bundle: Any, *, expect_device: str | None = None) -> "tuple[ImportResult, bool]":
        """Load a hand-over file already read (``handover.file.read_bundle``); also whether it was
        this till's own file coming back."""
        from pos_app.handover.own_file import own_file_returned
        result = self._ctx.import_handover(bundle, expect_device=expect_device)
        return result, own_file_returned(result, self._ctx.data_dir, expect_device=expect_device)

    def device_number(self) -> str:
        """This till's device fingerprint as people compare it when pairing."""
        from pos_app.handover.pairing import show_fingerprint
        from pos_app.keys.device import device_fingerprint
        return show_fingerprint(device_fingerprint(self._ctx.data_dir))

    # -- sending ---------------------------------------------------------------------------------------
    def watcher(self) -> "PaymentWatcher":
        return self._ctx.watcher()

    def sync_engine(self, relay: Any = None) -> "SyncEngine":
        return self._ctx.sync_engine(relay)

    def relay_address(self) -> str | None:
        from pos_app.keys.relay import relay_key_address
        return relay_key_address(self._ctx.data_dir)

    def unlock_relay(self, passphrase: str) -> Any:
        from pos_app.keys.relay import unlock_relay_key
        return unlock_relay_key(self._ctx.data_dir, self._ctx.store, passphrase)

    def create_relay(self, passphrase: str, *, actor: str) -> Any:
        from pos_app.keys.relay import create_relay_key
        create_relay_key(self._ctx.data_dir, self._ctx.store, passphrase, actor=actor)
        return self.unlock_relay(passphrase)

    def import_relay(self, path: str, source_passphrase: str, passphrase: str, *, actor: str) -> Any:
        from pos_app.keys.relay import import_relay_key, read_relay_key_file
        secret = read_relay_key_file(path)   # bounded; a FIFO or a device is refused without blocking
        import_relay_key(self._ctx.data_dir, self._ctx.store, secret, passphrase,
                         source_passphrase=source_passphrase or None, actor=actor)
        return self.unlock_relay(passphrase)

    # -- settings ----------------------------------------------------------------------------------------
    def needs_setup(self) -> bool:
        """True until the shop's settings were saved once (the first run asks for them)."""
        return self._ctx.store.get_setting("network") is None

    def set_language(self, language: str) -> str:
        """The language of the screens (checked: one the app speaks)."""
        from pos_app.shop.config import set_language
        return set_language(self._ctx.store, language)

    def check_settings(self, form: SettingsInput) -> dict[str, Any]:
        """Each refused field with its error (nothing is saved)."""
        from pos_app.shop.config import check_settings
        return check_settings(self._ctx.store, form)

    def save_settings(self, form: SettingsInput) -> ShopConfig:
        """Save the settings form (all or nothing) and tell every screen (``SettingsChanged``)."""
        from pos_app.shop.config import save_settings
        config = save_settings(self._ctx.store, form)
        self._ctx.events.publish(SettingsChanged(config=config))
        return self.settings

    def close(self) -> None:
        self._ctx.close()
