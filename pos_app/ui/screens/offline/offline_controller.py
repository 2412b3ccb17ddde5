"""Wires offline acceptance into the main window: the accept screen, the queue view, the red bar.

Every check, accept and queue read runs on the database worker; results come back to the GUI
thread through its callbacks. Kept apart from main_window.py so each file stays small.
"""
from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer

from pos_app.core.events import OfflineChanged, OfflineOutcome, QueueReport, RelayLowBalance
from pos_app.core.money import Tyiyn, base_units_to_tyiyn, format_som
from pos_app.ui.shell.core_text import error_text
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos_app.ui.screens.offline.offline_accept import OfflineAcceptScreen
    from pos_app.ui.screens.offline.queue_view import QueueView


class OfflineController(QObject):
    def __init__(self, win) -> None:
        super().__init__(win)
        self.win = win
        self.ctx = win.ctx
        self.summary = None
        self.items: list = []
        # Built on first use (or right after the first paint): not needed to show the sale screen.
        self._accept_screen: OfflineAcceptScreen | None = None
        self._queue_view: QueueView | None = None
        # (the payment screen connects its offline button here when it is built)
        self.clock = QTimer(self)
        self.clock.setInterval(30_000)
        self.clock.timeout.connect(lambda: self._queue_view is not None and self._queue_view.tick())
        self.clock.start()
        self._closed = False
        self.runner = None                 # the sync engine's loop (pos_app.outbox.runner), started with the watcher
        self.failures: list = []           # unresolved failed offline payments, oldest first
        self.relay_address: str | None = None
        win.collect_again_button.clicked.connect(lambda: self.resolve("collect_again"))
        win.mark_resolved_button.clicked.connect(lambda: self.resolve("resolved"))
        win.bridge.on(self.on_offline, OfflineChanged, OfflineOutcome)
        win.bridge.on(self.on_queue_report, QueueReport)
        win.bridge.on(self.on_relay_low, RelayLowBalance)

    @property
    def accept_screen(self) -> OfflineAcceptScreen:
        if self._accept_screen is None:
            from pos_app.ui.screens.offline.offline_accept import OfflineAcceptScreen
            screen = self._accept_screen = OfflineAcceptScreen(self.win.language)
            self.win.stack.addWidget(screen)
            screen.check_requested.connect(self.check)
            screen.accept_requested.connect(self.accept)
            screen.file_chosen.connect(self.read_file)
            screen.back.connect(self.back_to_payment)
        return self._accept_screen

    @property
    def queue_view(self) -> QueueView:
        if self._queue_view is None:
            from pos_app.ui.screens.offline.queue_view import QueueView
            self._queue_view = QueueView(self.win.language)
            self.win.stack.addWidget(self._queue_view)
            view = self._queue_view
            view.export_requested.connect(self.export_to)
            view.import_requested.connect(self.import_from)
            view.unlock_requested.connect(self.unlock_relay)
            view.create_requested.connect(self.create_relay)
            view.import_key_requested.connect(self.import_relay)
            view.pair_import_requested.connect(lambda path, number: self.import_from(path, expect_device=number))
            view.take_back_requested.connect(self.take_back)
            self.refresh_relay()
            self.refresh_device()
            if self.summary is not None:
                self._queue_view.set_data(self.items, self.summary)
        return self._queue_view

    def build(self) -> None:
        self.accept_screen, self.queue_view  # noqa: B018 - properties build on access

    def set_language(self, language: str) -> None:
        if self._accept_screen is not None:
            self._accept_screen.language = language
            self._accept_screen.retranslate()
        if self._queue_view is not None:
            self._queue_view.language = language
            self._queue_view.model.language = language
            self._queue_view.retranslate()

    # -- accept flow -------------------------------------------------------------------------------
    def start(self) -> None:
        if self.win.current is None:
            return
        self.accept_screen.start(self.win.current)
        self.win.stack.setCurrentWidget(self.accept_screen)

    def back_to_payment(self) -> None:
        self.win.stack.setCurrentWidget(self.win.payment)

    def read_file(self, path: str) -> None:
        from pos_app.offline.sources import read_payload_source
        screen = self.accept_screen
        self.win.db.run(lambda: read_payload_source(path), screen.set_payload_text,
                        lambda err: screen.show_refusal(err.user_message))

    def check(self, text: str) -> None:
        inv = self.win.current
        if inv is None:
            return
        ctx = self.ctx

        def job():
            facts = ctx.offline_facts()
            return ctx.offline.evaluate(text, facts, due_base=inv.amount_base), facts.decimals

        def done(result) -> None:
            verdict, decimals = result
            if verdict.ok:
                amount = format_som(base_units_to_tyiyn(verdict.amount_base, decimals)[0], self.win.language)
                self.accept_screen.show_verdict(text, verdict, amount)
            else:
                shown = SimpleNamespace(user_message=verdict.reason, template=verdict.template,
                                        params=verdict.params)
                self.accept_screen.show_verdict(text, verdict, error_text(shown))
        self.win.db.run(job, done, lambda err: self.accept_screen.show_refusal(err.user_message))

    def accept(self, text: str) -> None:
        inv = self.win.current
        if inv is None:
            return
        ctx = self.ctx

        def job():
            item, _ = ctx.offline.accept(text, inv.id, ctx.offline_facts(), actor="cashier")
            return ctx.service.get(item.invoice_id)

        def done(updated) -> None:
            if self.win.current is not None and self.win.current.id == updated.id:
                self.win.current = updated
            self.win.payment.show_invoice(updated)
            self.win.stack.setCurrentWidget(self.win.payment)
            self.win.model.upsert(updated)
            self.refresh()
        self.win.db.run(job, done, lambda err: self.accept_screen.show_refusal(err.user_message))

    # -- queue ------------------------------------------------------------------------------------
    def show_queue(self) -> None:
        self.refresh()
        self.win.stack.setCurrentWidget(self.queue_view)

    def refresh(self) -> None:
        ctx = self.ctx
        chain_id = self.win.cfg.network.chain_id

        def loaded(r) -> None:
            items, summary, failures = r
            self.summary, self.items = summary, items
            self.show_failures(failures)
            if self._queue_view is not None:
                self._queue_view.set_data(items, summary)
            self.win.refresh_status()
        self.win.db.run(lambda: (ctx.offline.list(), ctx.offline.summary(chain_id),
                                 ctx.offline.unresolved_failures()), loaded)

    def bar_text(self) -> str | None:
        """The offline bar's count of unsent payments, or None when nothing waits."""
        s = self.summary
        if s is None or not s.pending_count:
            return None
        return self.tr("%1 offline payments (%2) waiting to be sent.").replace("%1", str(s.pending_count)) \
            .replace("%2", format_som(Tyiyn(s.pending_tyiyn), self.win.language))

    # -- the sync engine ---------------------------------------------------------------------------
    def start_sync(self, watcher) -> None:
        """Build the engine and its loop on the worker (web3, the keystore) and start it."""
        from pos_app.outbox.runner import SyncRunner
        ctx = self.ctx

        def build():
            return SyncRunner(ctx.sync_engine(), watcher=watcher, events=ctx.events)

        def started(runner) -> None:
            if self._closed:          # the window closed while the engine was being built
                return
            self.runner = runner
            runner.start()
            self.refresh_relay()
        self.win.db.run(build, started, lambda err: None)

    def stop_sync(self, *, wait: bool = False) -> None:
        """Stop the loop; ``wait`` on closing (like the watcher) so it never outlives the database."""
        self._closed = self._closed or wait
        runner, self.runner = self.runner, None
        if runner is None:
            return
        if wait:
            runner.stop(10)
        else:
            self.win.db.run(lambda: runner.stop(5))

    def on_offline(self, e: OfflineChanged | OfflineOutcome) -> None:
        self.refresh()
        if isinstance(e, OfflineOutcome):
            item = e.item
            if item.state.value == "final":
                self.win.statusBar().showMessage(
                    self.tr("Offline payment %1 (%2) reached the chain and is final.")
                    .replace("%1", str(item.id))
                    .replace("%2", format_som(Tyiyn(item.amount_tyiyn), self.win.language)), 10_000)

    def on_queue_report(self, e: QueueReport) -> None:
        left = e.outstanding or 0
        if self._queue_view is not None:
            self._queue_view.show_message(
                self.tr("Sending to the network: %1 payments still to finish.").replace("%1", str(left))
                if left else self.tr("Everything accepted offline has been sent and is final or closed."))

    def on_relay_low(self, e: RelayLowBalance) -> None:
        if self._queue_view is not None:
            self._queue_view.show_message(self.tr("The relay key needs more BNB to pay the network fee for the "
                                                  "waiting authorizations."), error=True)

    # -- failures: collect again or mark resolved ----------------------------------------------------
    REASONS = {
        "double_spent": QT_TRANSLATE_NOOP("OfflineController", "the customer spent this money elsewhere first"),
        "insufficient_funds": QT_TRANSLATE_NOOP("OfflineController", "the customer's account did not have enough"),
        "reverted": QT_TRANSLATE_NOOP("OfflineController", "the token refused the transfer"),
        "cancelled": QT_TRANSLATE_NOOP("OfflineController", "the customer cancelled the payment"),
        "expired": QT_TRANSLATE_NOOP("OfflineController", "it could not be sent in time"),
        "rejected": QT_TRANSLATE_NOOP("OfflineController", "the network refused it"),
        "stuck": QT_TRANSLATE_NOOP("OfflineController", "it never went through: the network held it back"),
    }

    def show_failures(self, failures: list) -> None:
        self.failures = failures
        bar = self.win.outcome_bar
        if not failures:
            bar.setVisible(False)
            return
        item = failures[0]
        # The reasons are catalogued under this class's context (QT_TRANSLATE_NOOP above).
        why = QCoreApplication.translate("OfflineController", self.REASONS.get(item.state.value, self.REASONS["rejected"]))
        text = self.tr("Offline payment failed: %1 from %2 for sale %3: %4. Charge the customer again, or mark "
                       "it resolved if it was settled another way.") \
            .replace("%1", format_som(Tyiyn(item.amount_tyiyn), self.win.language)) \
            .replace("%2", f"{item.payer[:6]}…{item.payer[-4:]}").replace("%3", str(item.invoice_id)) \
            .replace("%4", why)
        if len(failures) > 1:
            text += " " + self.tr("(%1 more)").replace("%1", str(len(failures) - 1))
        self.win.outcome_text.setText(text)
        bar.setVisible(True)

    def resolve(self, action: str) -> None:
        if not self.failures:
            return
        item = self.failures[0]
        ctx = self.ctx

        def done(resolved) -> None:
            self.refresh()
            if action == "collect_again":
                self.win.go_sale()
                self.win.charge(int(resolved.amount_tyiyn))
        self.win.db.run(lambda: ctx.offline.resolve(item.id, action, actor="cashier"), done,
                        lambda err: self.win.outcome_text.setText(err.user_message))

    # -- hand-over and relay key ------------------------------------------------------------------------
    def export_to(self, path: str) -> None:
        from pos_app.offline.handover import export_bundle
        ctx = self.ctx

        def done(result) -> None:
            self.refresh()
            self.queue_view.show_message(self.tr("Saved %1 payments to %2. This till will not send them; take "
                                                 "the file to a connected till.")
                                         .replace("%1", str(result.count)).replace("%2", path))
        self.win.db.run(lambda: export_bundle(ctx, path), done,
                        lambda err: self.queue_view.show_message(error_text(err), error=True))

    def import_from(self, path: str, expect_device: str | None = None) -> None:
        from pos_app.offline.handover_import import DeviceNotPaired, import_bundle
        from pos_app.offline.pairing import show_fingerprint
        ctx = self.ctx

        def done(result) -> None:
            self.refresh()
            if self.runner is not None:
                self.runner.wake()
            if result.taken_back:
                self.queue_view.show_message(self.tr("This till's own file: %1 payments are sent from this till "
                                                     "again.").replace("%1", str(len(result.taken_back))))
                return
            self.queue_view.show_message(self.tr("Loaded %1 payments (%2 were already here); they are sent "
                                                 "with this till's queue.")
                                         .replace("%1", str(result.added)).replace("%2", str(result.already_there)))

        def failed(err) -> None:
            if isinstance(err, DeviceNotPaired) and expect_device is None:
                self.queue_view.ask_pair(path, show_fingerprint(err.fingerprint))
            else:
                self.queue_view.show_message(error_text(err), error=True)
        self.win.db.run(lambda: import_bundle(ctx, path, expect_device=expect_device), done, failed)

    def take_back(self) -> None:
        ctx = self.ctx

        def done(ids) -> None:
            self.refresh()
            if self.runner is not None:
                self.runner.wake()
            self.queue_view.show_message(self.tr("%1 saved payments are sent from this till again.")
                                         .replace("%1", str(len(ids))))
        self.win.db.run(lambda: ctx.offline.take_back(None, actor="cashier", reason="taken back on this till"),
                        done, lambda err: self.queue_view.show_message(error_text(err), error=True))

    def refresh_device(self) -> None:
        from pos_app.offline.handover import device_fingerprint
        from pos_app.offline.pairing import show_fingerprint
        ctx = self.ctx
        self.win.db.run(lambda: show_fingerprint(device_fingerprint(ctx.data_dir)),
                        lambda number: self._queue_view is not None and self._queue_view.set_device(number))

    def refresh_relay(self) -> None:
        from pos_app.keys.keystore import RelayKeyStore
        ctx = self.ctx
        unlocked = self.runner is not None and self.runner.engine.relay is not None

        def done(address) -> None:
            self.relay_address = address
            if self._queue_view is not None:
                shown = address or (self.runner.engine.relay.address if unlocked else None)
                self._queue_view.set_relay(shown, unlocked)
        self.win.db.run(lambda: RelayKeyStore(ctx.data_dir).address(), done)

    def unlock_relay(self, passphrase: str) -> None:
        from pos_app.keys.keystore import RelayKeyStore
        ctx = self.ctx

        def done(account) -> None:
            if self.runner is not None:
                self.runner.engine.relay = account
                self.runner.wake()
            self.refresh_relay()
            self.queue_view.show_message(self.tr("Relay key unlocked."))
        self.win.db.run(lambda: RelayKeyStore(ctx.data_dir, store=ctx.store).unlock(passphrase), done,
                        lambda err: self.queue_view.show_message(error_text(err), error=True))

    def create_relay(self, passphrase: str) -> None:
        from pos_app.keys.keystore import RelayKeyStore
        ctx = self.ctx

        def job():
            ks = RelayKeyStore(ctx.data_dir, store=ctx.store)
            address = ks.create(passphrase)
            ctx.store.audit("cashier", "relay.create", f"relay:{address}", {})
            return ks.unlock(passphrase)

        def done(account) -> None:
            if self.runner is not None:
                self.runner.engine.relay = account
            self.refresh_relay()
            self.queue_view.show_message(self.tr("Relay key %1 created; send it some BNB for network fees.")
                                         .replace("%1", account.address))
        self.win.db.run(job, done, lambda err: self.queue_view.show_message(error_text(err), error=True))

    def import_relay(self, path: str, source_passphrase: str, passphrase: str) -> None:
        from pos_app.core.files import KEY_FILE_LIMIT, read_text_limited
        from pos_app.keys.keystore import RelayKeyStore
        ctx = self.ctx

        def job():
            # Bounded, and a FIFO or a device is refused without blocking the worker.
            secret = read_text_limited(path, KEY_FILE_LIMIT, what="key file").strip()
            ks = RelayKeyStore(ctx.data_dir, store=ctx.store)
            address = ks.import_key(secret, passphrase, source_passphrase=source_passphrase or None)
            ctx.store.audit("cashier", "relay.import", f"relay:{address}", {})
            return ks.unlock(passphrase)

        def done(account) -> None:
            if self.runner is not None:
                self.runner.engine.relay = account
                self.runner.wake()
            self.refresh_relay()
            self.queue_view.show_message(self.tr("Relay key %1 imported and unlocked.").replace("%1", account.address))
        self.win.db.run(job, done, lambda err: self.queue_view.show_message(error_text(err), error=True))
