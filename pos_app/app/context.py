"""Wires the core together for one data folder: store, configuration, chain access, invoices.

Used by the CLI, the demo and (later) the Qt app, so they all behave the same. Chain objects are
created lazily: commands that only read the database never import or contact a node.
"""
from __future__ import annotations

import logging
import os
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos_app.shop.config import ShopConfig, load_config
from pos_app.chain import demo_constants as demo_accounts
from pos_app.core.errors import ChainError, ConfigError, NodeUnavailable, PosError
from pos_app.core.events import EventBus
from pos_app.core.money import Tyiyn
from pos_app.keys.device import DeviceKeyOnce
from pos_app.store.db import Store, open_store

if TYPE_CHECKING:
    from pos_app.chain.token_cache import TokenFeatures, TokenInfo
    from pos_app.invoices.service import Invoice, InvoiceService
    from pos_app.handover.export import ExportResult, HandoverTill
    from pos_app.handover.importer import ImportResult
    from pos_app.offline.queue import OfflineQueue
    from pos_app.offline.verify import ShopFacts
    from pos_app.shop.payers import PayerBook
    from pos_app.chain.rpc import RpcClient
    from pos_app.payments.watcher import PaymentWatcher
    from pos_app.outbox.engine import SyncEngine
    from web3 import Web3

log = logging.getLogger(__name__)

DEMO_TOKEN_INFO_FIELDS = dict(decimals=demo_accounts.DEMO_TOKEN_DECIMALS, symbol=demo_accounts.DEMO_TOKEN_SYMBOL,
                              name=demo_accounts.DEMO_TOKEN_NAME, eip712_name=demo_accounts.DEMO_TOKEN_NAME,
                              eip712_version=demo_accounts.DEMO_TOKEN_VERSION)


class QuietFileHandler(logging.FileHandler):
    """The log file: a line it cannot write (a full disk, a vanished folder) is dropped quietly.

    logging's default prints "--- Logging error ---" and a traceback on stderr instead, under the
    one clear line a command prints. Every line is passed through ``mask_secrets`` first, so an
    RPC URL's key or password never reaches the file.
    """

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging API
        pass

    def format(self, record: logging.LogRecord) -> str:
        from pos_app.core.text import mask_secrets
        return mask_secrets(super().format(record))


def setup_logging(data_dir: Path) -> None:
    """Log to a private file in the data folder; never to the screen (no tracebacks for cashiers)."""
    path = data_dir / "sompos.log"
    root = logging.getLogger()
    if any(isinstance(h, logging.FileHandler) and Path(h.baseFilename) == path.absolute()
           for h in root.handlers):
        return  # already logging there (repeated in-process CLI calls)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handler = QuietFileHandler(path, encoding="utf-8")
        if os.name != "nt":
            os.chmod(path, 0o600)
    except OSError:
        if not root.handlers:  # else logging's last resort prints warnings on stderr
            root.addHandler(logging.NullHandler())
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _offline_pending(c: Any, item_id: int) -> bool:
    """The queue's answer, read in the caller's transaction (no lock of the context taken)."""
    from pos_app.offline.queue import OfflineQueue
    return OfflineQueue._pending_in(c, item_id)


class AppContext:
    def __init__(self, data_dir: Path | str, *, embedded_w3: "Web3 | None" = None,
                 store: Store | None = None, new_shop: bool = False) -> None:
        self.data_dir = Path(data_dir)
        # ``store``: an already open one (the CLI's read-only open on a full disk, store/readonly.py);
        # ``new_shop``: a person asked to start over where the database file is empty. The store
        # signs its audit head with this till's device key, made beside it on first use.
        self.store: Store = store if store is not None else open_store(
            self.data_dir, device_key=DeviceKeyOnce(self.data_dir), new_shop=new_shop)
        self.events = EventBus()
        # The till's one link state: the watcher and the sync runner feed it, every screen reads it.
        from pos_app.core.connectivity import Connectivity
        self.link = Connectivity(self.events)
        self._service: "InvoiceService | None" = None
        self.embedded_w3 = embedded_w3
        self._rpc: "RpcClient | None" = None
        self._offline: "OfflineQueue | None" = None
        # The GUI builds the watcher and the engine on its slow worker while the database worker
        # already uses the services: each lazy part must be made once, whichever thread asks first.
        self._build_lock = threading.RLock()
        self._payers = None
        self._config: ShopConfig | None = None
        self._config_stamp: tuple[int, int] | None = None
        from pos_app.core.events import SettingsChanged
        self.events.subscribe(self._settings_changed, SettingsChanged)

    @property
    def service(self) -> "InvoiceService":
        # Imported on first use (the invoice core is not needed to paint the sale screen).
        with self._build_lock:
            if self._service is None:
                from pos_app.invoices.service import InvoiceService
                # From the settings snapshot: read again only when a setting changed.
                self._service = InvoiceService(self.store, events=self.events, till=lambda: self.config.till,
                                               short_tolerance=lambda: self.config.short_tolerance)
                # Whether a sale's offline payment is still on its way is the queue's answer, in
                # every process (a command that never opened the queue must not cancel or expire a
                # sale paid offline): the queue is built on first need (it then hooks itself in).
                self._service.offline_pending = _offline_pending
            return self._service

    @property
    def payers(self) -> "PayerBook":
        """The shop's names for its payers' addresses (shop/payers.py)."""
        with self._build_lock:
            if self._payers is None:
                from pos_app.shop.payers import PayerBook
                self._payers = PayerBook(self.store)
            return self._payers

    @property
    def config(self) -> ShopConfig:
        """The shop's settings: one snapshot, read again only when a setting may have changed
        (``SettingsChanged``, a write through this store, or another process's commit), not on
        every access (a charge used to read the settings table 22 times)."""
        # No lock of ours is held while the store is read: a caller inside a store transaction (the
        # service's till() during a charge) and a thread reading the settings must not wait on
        # each other. Two threads may both read a changed snapshot; either result is the same.
        stamp = self.store.settings_stamp()
        config = self._config
        if config is None or self._config_stamp != stamp:
            config = load_config(self.store)
            self._config, self._config_stamp = config, stamp
        return config

    def _settings_changed(self, _event: object) -> None:
        self._config = None

    def require_merchant(self) -> str:
        merchant = self.config.merchant
        if not merchant:
            raise ConfigError("app.merchant_address_set_set")
        return merchant

    def rpc(self) -> "RpcClient":
        network = self.config.network
        with self._build_lock:
            if self._rpc is None or self._rpc.profile != network:
                from pos_app.chain.rpc import RpcClient  # web3 is imported only when the chain is used
                self._rpc = RpcClient(network, embedded_w3=self.embedded_w3)
            return self._rpc

    def token_info(self, *, refresh: bool = False) -> "TokenInfo":
        """The token's facts: cached in the DB; read from the chain when missing or asked."""
        from pos_app.chain.token_cache import DEMO_TOKEN_FEATURES, TokenInfo, cached_token_info, save_token_info
        net = self.config.network
        token = net.require_token()
        cached = cached_token_info(self.store, net.chain_id, token)
        demo_token = token.lower() == demo_accounts.DEMO_TOKEN_ADDRESS.lower()
        if net.embedded and not refresh and (cached is None or (cached.features is None and demo_token)):
            # Fixed by design, features too (our SomToken: EIP-3009 and EIP-2612), so the demo
            # takes authorizations offline without a probe.
            import time
            features = replace(DEMO_TOKEN_FEATURES, probed_at=int(time.time())) if demo_token else None
            info = TokenInfo(net.chain_id, token, **DEMO_TOKEN_INFO_FIELDS, features=features)
            save_token_info(self.store, info)
            return info
        if cached is not None and not refresh:
            return cached
        from pos_app.chain.token import refresh_token_info  # imports web3: only when going online
        try:
            return refresh_token_info(self.store, self.rpc(), token,
                                      payers=self.offline.snapshot_payers(self.config.network.chain_id, token))
        except PosError:
            if cached is not None:
                return cached
            raise

    def token_features(self) -> "TokenFeatures | None":
        """What the shop's token was last probed to settle offline (None: not yet); never goes online."""
        from pos_app.chain.token_cache import cached_token_info
        net = self.config.network
        if not net.token:
            return None
        if net.embedded:
            return self.token_info().features
        info = cached_token_info(self.store, net.chain_id, net.token)
        return info.features if info else None

    def needs_first_connection(self) -> bool:
        """True until the till has read its token's facts once (a real network never reached yet).

        Without the token's decimals no exact amount can be asked, so such a till cannot charge at
        all, online or off: the screens say "connect once to finish set-up" instead of promising
        that payments will be checked later. Never goes online itself.
        """
        from pos_app.chain.token_cache import cached_token_info
        net = self.config.network
        return not net.embedded and bool(net.token) and cached_token_info(self.store, net.chain_id, net.token) is None

    def clock_skew(self) -> int:
        """The last difference the watcher measured: network time minus this till's, in seconds
        (0 when they agree or nothing was measured on this network yet). Never goes online."""
        value = self.store.get_setting(f"clock_skew:{self.config.network.chain_id}", 0)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    def reopened_sales(self, limit: int = 20) -> "list[Invoice]":
        """This till's sales the network had settled whose money then left it, still not paid again
        (newest first). A cancelled sale has been dealt with; a carried one is another till's."""
        from pos_app.invoices.reads import reopened_sales
        return reopened_sales(self.store, limit)

    def create_invoice(self, amount: Tyiyn, *, memo: str = "") -> "Invoice":
        cfg = self.config
        merchant = self.require_merchant()
        try:
            info = self.token_info()
        except ChainError as exc:
            if self.needs_first_connection():
                # Said as the reason, with what to do (not "checked later": it cannot charge at all).
                raise NodeUnavailable(
                    "app.connect_till_internet_once") from exc
            raise
        return self.service.create(amount, chain_id=cfg.network.chain_id, token=info.address,
                                   merchant=merchant, decimals=info.decimals,
                                   expiry_seconds=cfg.expiry_seconds, memo=memo)

    @property
    def offline(self) -> "OfflineQueue":
        with self._build_lock:
            if self._offline is None:
                from pos_app.offline.queue import OfflineQueue
                self._offline = OfflineQueue(self.store, self.service, self.events)
            return self._offline

    def offline_facts(self) -> "ShopFacts":
        """What an offline payload is checked against: network, token domain, merchant, fee floor."""
        from pos_app.offline.verify import ShopFacts
        cfg = self.config
        info = self.token_info()
        return ShopFacts(chain_id=cfg.network.chain_id, token=info.address, merchant=self.require_merchant(),
                         decimals=info.decimals, token_name=info.eip712_name, token_version=info.eip712_version,
                         fee_floor=self.offline.fee_floor(cfg.network.chain_id), features=info.features)

    def handover(self) -> "HandoverTill":
        """What a hand-over file (export or import) needs from this till, passed to ``handover``."""
        from pos_app.handover.export import HandoverTill
        cfg = self.config
        return HandoverTill(store=self.store, queue=self.offline, data_dir=self.data_dir,
                            chain_id=cfg.network.chain_id, till=cfg.till, expiry_seconds=cfg.expiry_seconds,
                            token=cfg.network.require_token, merchant=self.require_merchant,
                            facts=self.offline_facts, events=self.events)

    def export_handover(self, path: Path | str, **options: Any) -> "ExportResult":
        """``handover.export.export_bundle`` for this till (options: now, include_handed_off,
        overwrite, actor)."""
        from pos_app.handover.export import export_bundle
        return export_bundle(self.handover(), path, **options)

    def import_handover(self, path: Path | str, **options: Any) -> "ImportResult":
        """``handover.importer.import_bundle`` for this till (options: now, expect_device, actor)."""
        from pos_app.handover.importer import import_bundle
        return import_bundle(self.handover(), path, **options)

    def watcher(self) -> "PaymentWatcher":
        from pos_app.payments.watcher import PaymentWatcher
        cfg = self.config
        # No chain access here: the watcher reads (and caches) the token's facts on its own thread,
        # so the app starts offline and picks up the network when it appears.
        return PaymentWatcher(self.store, self.rpc(), cfg.network, token=cfg.network.require_token(),
                              merchant=self.require_merchant(), service=self.service, offline=self.offline,
                              events=self.events, link=self.link)

    def sync_engine(self, relay=None) -> "SyncEngine":
        """The engine that sends the offline queue; ``relay`` is an unlocked relay account (or None).

        On the embedded demo network the demo merchant's own key relays (receiveWithAuthorization
        must come from the payee), so the demo needs no key file.
        """
        from pos_app.outbox.engine import SyncEngine
        cfg = self.config
        if relay is None and cfg.network.embedded and self.require_merchant() == demo_accounts.DEMO_MERCHANT:
            from eth_account import Account
            from pos_app.app.demo.accounts import MERCHANT_KEY
            relay = Account.from_key(MERCHANT_KEY)
        from pos_app.payments.watcher import scanned_to
        token, merchant = cfg.network.require_token(), self.require_merchant()
        return SyncEngine(self.store, self.offline, self.rpc(), cfg.network, token=token,
                          merchant=merchant, relay=relay, events=self.events,
                          scanned_to=lambda: scanned_to(self.store, cfg.network.chain_id, token, merchant))

    def close(self) -> None:
        self.store.close()
