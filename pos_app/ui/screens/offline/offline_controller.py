"""The offline screens' controller: the accept screen, the queue view, the failure bar, the relay key.

It is given what it needs (the context, the workers, the screen stack, the sale on screen) and
tells the window what it cannot do itself through signals: show a sale on the payment screen,
charge again, put a line in the status bar, redraw the offline bar. It subscribes to the
offline events it shows; every change of the queue reaches its screens one way: an event, then
``refresh()``.

Database work runs on the database worker; slow work that must never hold up a sale (scrypt
to unlock or protect the relay key, writing a hand-over file to a stick, building the sending
engine, which imports web3, and joining its thread) runs on the slow worker.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget

from pos_app.core.events import OfflineChanged, OfflineOutcome, QueueReport, RelayLowBalance
from pos_app.core.reasons import R
from pos_app.core.money import Tyiyn, base_units_to_tyiyn, format_som
from pos_app.ui.screens.offline.failure_bar import FailureBar
from pos_app.ui.shell.bridge import EventBridge, Worker
from pos_app.ui.shell.core_text import error_text
from pos_app.ui.shell.i18n import plural
from pos_app.ui.shell.reasons import QUEUE_FAILURES, queue_failure_text

if TYPE_CHECKING:
    from pos_app.app.till import OfflineView, Till
    from pos_app.invoices.service import Invoice
    from pos_app.ui.screens.offline.offline_accept import OfflineAcceptScreen
    from pos_app.ui.screens.offline.queue_view import QueueView



def refusal_text(verdict) -> str:
    """A refused offline payment's reason in the cashier's language (its key and parameters)."""
    return error_text(SimpleNamespace(user_message=verdict.reason, key=verdict.message, params=verdict.params))

class OfflineController(QObject):
    show_payment = Signal(object)   # an Invoice (accepted offline), or None: back to the sale on screen
    charge_again = Signal(int)      # tyiyn: the cashier collects a failed payment again as a new sale
    notice = Signal(str)            # a passing line for the status bar
    summary_changed = Signal()      # the unsent count changed: the window redraws its offline bar

    def __init__(self, till: Till, *, bridge: EventBridge, db: Worker, slow: Worker, stack: QStackedWidget,
                 current: Callable[[], "Invoice | None"], chain_id: Callable[[], int], language: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.till = till
        self.db = db
        self.slow = slow
        self.stack = stack
        self.current = current
        self.chain_id = chain_id
        self.language = language
        self.summary = None
        self.items: list = []
        # Built on first use (or right after the first paint): not needed to show the sale screen.
        self._accept_screen: OfflineAcceptScreen | None = None
        self._queue_view: QueueView | None = None
        self.failure_bar = FailureBar()
        self.failure_bar.collect_again.connect(lambda: self.resolve("collect_again"))
        self.failure_bar.mark_resolved.connect(lambda: self.resolve("resolved"))
        self.clock = QTimer(self)
        self.clock.setInterval(30_000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        self._closed = False
        self._refreshing = False           # a refresh is on the worker; another request only marks it stale
        self._stale = False
        self._report_pending = False       # a sending pass ended: the next refresh shows the sending status
        self.names: dict[str, str] = {}    # the shop's names for payers, read with the queue
        self.runner = None                 # the sync engine's loop (pos_app.outbox.runner), started with the watcher
        self.failures: list = []           # unresolved failed offline payments, oldest first
        self.relay_address: str | None = None
        bridge.on(self.on_offline, OfflineChanged, OfflineOutcome)
        bridge.on(self.on_queue_report, QueueReport)
        bridge.on(self.on_relay_low, RelayLowBalance)

    @property
    def accept_screen(self) -> OfflineAcceptScreen:
        if self._accept_screen is None:
            from pos_app.ui.screens.offline.offline_accept import OfflineAcceptScreen
            screen = self._accept_screen = OfflineAcceptScreen(self.language)
            self.stack.addWidget(screen)
            screen.check_requested.connect(self.check)
            screen.accept_requested.connect(self.accept)
            screen.file_chosen.connect(self.read_file)
            screen.back.connect(lambda: self.show_payment.emit(None))
        return self._accept_screen

    @property
    def queue_view(self) -> QueueView:
        if self._queue_view is None:
            from pos_app.ui.screens.offline.queue_view import QueueView
            self._queue_view = QueueView(self.language)
            # Its owner (the window's stack, or a test) may delete it before this controller goes:
            # the clock must then stop touching it.
            self._queue_view.destroyed.connect(self._queue_view_gone)
            self.stack.addWidget(self._queue_view)
            view = self._queue_view
            view.export_requested.connect(self.export_to)
            view.import_requested.connect(self.import_from)
            view.unlock_requested.connect(self.unlock_relay)
            view.create_requested.connect(self.create_relay)
            view.import_key_requested.connect(self.import_relay)
            view.pair_import_requested.connect(lambda path, number: self.import_from(path, expect_device=number))
            view.take_back_requested.connect(self.take_back)
            view.send_again_requested.connect(self.send_again)
            self.refresh_relay()
            self.refresh_device()
            if self.summary is not None:
                self._queue_view.set_data(self.items, self.summary, self.names)
        return self._queue_view

    def build(self) -> None:
        self.accept_screen, self.queue_view  # noqa: B018 - properties build on access

    def set_language(self, language: str) -> None:
        self.language = language
        self.failure_bar.retranslate()
        if self._accept_screen is not None:
            self._accept_screen.language = language
            self._accept_screen.retranslate()
            self._accept_screen.recheck()
        if self._queue_view is not None:
            self._queue_view.language = language
            self._queue_view.model.language = language
            self._queue_view.retranslate()
        self.refresh()

    def _queue_error(self, err) -> None:
        self.queue_view.show_message(lambda: error_text(err), error=True)

    # -- accept flow -------------------------------------------------------------------------------
    def start(self) -> None:
        inv = self.current()
        if inv is None:
            return
        self.accept_screen.start(inv)
        self.stack.setCurrentWidget(self.accept_screen)

    def read_file(self, path: str) -> None:
        from pos_app.offline.sources import read_payload_source
        screen = self.accept_screen
        self.slow.run(lambda: read_payload_source(path), screen.set_payload_text,
                      lambda err: screen.show_refusal(error_text(err)))

    def check(self, text: str) -> None:
        inv = self.current()
        if inv is None:
            return
        till = self.till

        def job():
            return till.check_offline(inv, text)

        def done(result) -> None:
            verdict, decimals = result
            if verdict.ok:
                amount = format_som(base_units_to_tyiyn(verdict.amount_base, decimals)[0], self.language)
                self.accept_screen.show_verdict(text, verdict, amount)
            else:
                self.accept_screen.show_verdict(text, verdict, refusal_text(verdict))
        self.db.run(job, done, lambda err: self.accept_screen.show_refusal(error_text(err)))

    def accept(self, text: str) -> None:
        inv = self.current()
        if inv is None:
            return
        till = self.till

        def job():
            return till.accept_offline(inv.id, text, actor="cashier")
        # The queue and the sales list follow the accept's own events; here only the screen changes.
        self.db.run(job, self.show_payment.emit, lambda err: self.accept_screen.show_refusal(error_text(err)))

    # -- queue ------------------------------------------------------------------------------------
    def show_queue(self) -> None:
        self.refresh()
        self.stack.setCurrentWidget(self.queue_view)

    def refresh(self) -> None:
        """Read the queue, its summary and the failures again, and show them (the one way they are
        redrawn); requests while a read is under way are folded into one more read."""
        if self._refreshing:
            self._stale = True
            return
        self._refreshing = True
        def loaded(view: OfflineView) -> None:
            self._refreshing = False
            items, summary, failures, names = view.items, view.summary, view.failures, view.names
            self.summary, self.items, self.names = summary, items, names
            self.show_failures(failures)
            if self._queue_view is not None:
                self._queue_view.set_data(items, summary, names)
                if self._report_pending:
                    self._report_pending = False
                    self._queue_view.show_sending_status()
            self.summary_changed.emit()
            if self._stale:
                self._stale = False
                self.refresh()

        def failed(_err) -> None:
            self._refreshing = self._stale = False
        self.db.run(self.till.offline_view, loaded, failed)

    def bar_text(self) -> str | None:
        """The offline bar's count of unsent payments, or None when nothing waits."""
        s = self.summary
        if s is None or not s.pending_count:
            return None
        return plural(self.tr("%n offline payment(s) (%1) waiting to be sent.", "", s.pending_count),
                      s.pending_count).replace("%1", format_som(Tyiyn(s.pending_tyiyn), self.language))

    # -- the sync engine ---------------------------------------------------------------------------
    def start_sync(self, watcher) -> None:
        """Build the engine and its loop on the slow worker (web3, the keystore) and start it."""
        from pos_app.outbox.runner import SyncRunner
        till = self.till

        def build():
            return SyncRunner(till.sync_engine(), watcher=watcher, events=till.events)

        def started(runner) -> None:
            if self._closed:          # the window closed while the engine was being built
                return
            self.runner = runner
            runner.start()
            self.refresh_relay()
        self.slow.run(build, started, lambda err: None)

    def _queue_view_gone(self, *_: object) -> None:
        self._queue_view = None
        self.clock.stop()

    def _tick(self) -> None:
        if not self._closed and self._queue_view is not None:
            self._queue_view.tick()

    def stop_sync(self, *, wait: bool = False) -> None:
        """Stop the loop; ``wait`` on closing (like the watcher) so it never outlives the database."""
        self._closed = self._closed or wait
        if wait:
            self.clock.stop()   # the window is closing: its screens may be gone before this object
        runner, self.runner = self.runner, None
        if runner is None:
            return
        if wait:
            runner.stop(10)
        else:
            self.slow.run(lambda: runner.stop(5))

    def on_offline(self, e: OfflineChanged | OfflineOutcome) -> None:
        self.refresh()
        if isinstance(e, OfflineOutcome):
            item = e.item
            if item.state.value == "final":
                self.notice.emit(self.tr("Offline payment %1 (%2) has arrived and is confirmed.")
                                 .replace("%1", str(item.id))
                                 .replace("%2", format_som(Tyiyn(item.amount_tyiyn), self.language)))

    def on_queue_report(self, _e: QueueReport) -> None:
        """A sending pass ended. Its own count (``outstanding``) leaves out payments handed to another
        till or needing a person, so it could say "everything sent" beside "Waiting: 3": the screen
        reads the queue's summary again and says everything from that one reading."""
        self._report_pending = True
        self.refresh()

    def on_relay_low(self, e: RelayLowBalance) -> None:
        if self._queue_view is not None:
            self._queue_view.show_message(lambda: self.tr("The relay key needs more BNB to pay the network fee for the "
                                                  "waiting payment permissions."), error=True)

    # -- failures: collect again or mark resolved ----------------------------------------------------
    REASONS = QUEUE_FAILURES   # why a failed payment failed (ui/shell/reasons.py: with the state labels)

    def failure_text(self, failures: list) -> str | None:
        """The oldest failure in words (who, how much, which sale, why, what to do), or None."""
        if not failures:
            return None
        item = failures[0]
        why = queue_failure_text(item.state)
        text = self.tr("Offline payment failed: %1 from %2 for sale %3: %4. Charge the customer again, or mark "
                       "it resolved if it was settled another way.") \
            .replace("%1", format_som(Tyiyn(item.amount_tyiyn), self.language)) \
            .replace("%2", _payer(item.payer, getattr(self, "names", {}))).replace("%3", str(item.invoice_id)) \
            .replace("%4", why)
        if len(failures) > 1:
            text += " " + self.tr("(%1 more)").replace("%1", str(len(failures) - 1))
        return text

    def show_failures(self, failures: list) -> None:
        self.failures = failures
        self.failure_bar.show_failure(self.failure_text(failures))

    def resolve(self, action: str) -> None:
        if not self.failures:
            return
        item = self.failures[0]
        till = self.till

        def done(resolved) -> None:
            if action == "collect_again":
                self.charge_again.emit(int(resolved.amount_tyiyn))
        self.db.run(lambda: till.resolve_failure(item.id, action, actor="cashier"), done,
                    lambda err: self.failure_bar.text.setText(error_text(err)))

    # -- hand-over between tills --------------------------------------------------------------------------
    def export_to(self, path: str) -> None:
        """Read and sign on the database worker; then, as one job on the slow worker, write the stick
        (no lock held) and mark the items handed over (a short transaction). One job, so closing the
        till while the stick is written still marks what the file carries: the slow worker is
        drained before the window closes."""
        from pos_app.handover.export import mark_exported, write_export
        app = self.till

        def prepare():
            return app.prepare_export(path)

        def prepared(r) -> None:
            till, ready = r
            def write_and_mark():
                write_export(ready)
                return mark_exported(till, ready)
            self.slow.run(write_and_mark, done, self._queue_error)

        def done(result) -> None:
            self.queue_view.show_message(lambda: plural(self.tr("Saved %n payment(s) to %1. This till will not send "
                                                        "them; take the file to a connected till.", "",
                                                        result.count), result.count).replace("%1", path))
        self.db.run(prepare, prepared, self._queue_error)

    def import_from(self, path: str, expect_device: str | None = None) -> None:
        from pos_app.handover.importer import DeviceNotPaired
        from pos_app.handover.pairing import show_fingerprint
        till = self.till

        def job(bundle):
            return till.import_handover(bundle, expect_device=expect_device)

        def done(r) -> None:
            result, own = r
            if self.runner is not None:
                self.runner.wake()
            if own:
                n = len(result.taken_back)
                self.queue_view.show_message(lambda: plural(self.tr(
                    "This till's own file: %n payment(s) will be sent from this till again.", "", n), n))
                return
            self.queue_view.show_message(lambda: plural(self.tr("Loaded %n payment(s) (%1 already here); they are sent "
                                                        "with this till's queue.", "", result.added), result.added)
                                         .replace("%1", str(result.already_there)))

        def failed(err) -> None:
            if isinstance(err, DeviceNotPaired) and expect_device is None:
                self.queue_view.ask_pair(path, show_fingerprint(err.fingerprint))
            else:
                self._queue_error(err)
        # The stick is read on the slow worker (no lock held), the queue written on the db worker.
        from pos_app.handover.file import read_bundle
        self.slow.run(lambda: read_bundle(path), lambda bundle: self.db.run(lambda: job(bundle), done, failed),
                      failed)

    def take_back(self) -> None:
        till = self.till

        def done(ids) -> None:
            if self.runner is not None:
                self.runner.wake()
            self.queue_view.show_message(lambda: plural(self.tr(
                "%n saved payment(s) will be sent from this till again.", "", len(ids)), len(ids)))
        self.db.run(lambda: till.take_back(actor="cashier", reason=R("taken_back_here")),
                    done, self._queue_error)

    def send_again(self, item_id: int) -> None:
        """A payment that needs attention goes back in line; the sending loop is woken."""
        till = self.till

        def done(item) -> None:
            if self.runner is not None:
                self.runner.wake()
            self.queue_view.show_message(lambda: self.tr("Payment %1 is back in line; it is sent at the next "
                                                         "connection.").replace("%1", str(item.id)))
        self.db.run(lambda: till.send_again(item_id, actor="cashier"), done, self._queue_error)

    def refresh_device(self) -> None:
        # On the database worker: an export there may be creating the device key at the same moment.
        self.db.run(self.till.device_number,
                    lambda number: self._queue_view is not None and self._queue_view.set_device(number))

    # -- the relay key (keys.relay's use cases, on the slow worker: scrypt takes about a second) ----------
    def _use_relay(self, account) -> None:
        """The engine takes the unlocked key between passes (``SyncRunner.use_relay``)."""
        if self.runner is not None:
            self.runner.use_relay(account)

    def refresh_relay(self) -> None:
        def done(address) -> None:
            self.relay_address = address
            if self._queue_view is not None:
                relay = self.runner.relay if self.runner is not None else None
                self._queue_view.set_relay(address or (relay.address if relay is not None else None),
                                           relay is not None)
        self.slow.run(self.till.relay_address, done)

    def unlock_relay(self, passphrase: str) -> None:
        till = self.till

        def done(account) -> None:
            self._use_relay(account)
            self.refresh_relay()
            self.queue_view.show_message(lambda: self.tr("Relay key unlocked."))
        self.slow.run(lambda: till.unlock_relay(passphrase), done, self._queue_error)

    def create_relay(self, passphrase: str) -> None:
        till = self.till

        def job():
            return till.create_relay(passphrase, actor="cashier")

        def done(account) -> None:
            self._use_relay(account)
            self.refresh_relay()
            # The address is under Details: whoever tops the key up copies it from there.
            self.queue_view.show_message(lambda: self.tr("Relay key created. Top it up with BNB for network fees "
                                                 "(its account is under Details)."))
        self.slow.run(job, done, self._queue_error)

    def import_relay(self, path: str, source_passphrase: str, passphrase: str) -> None:
        till = self.till

        def job():
            return till.import_relay(path, source_passphrase, passphrase, actor="cashier")

        def done(account) -> None:
            self._use_relay(account)
            self.refresh_relay()
            self.queue_view.show_message(lambda: self.tr("Relay key imported and unlocked."))
        self.slow.run(job, done, self._queue_error)


def _payer(address: str, names: dict[str, str]) -> str:
    """A payer by the shop's name for them, else the short form without 0x (shop/payers.py)."""
    from pos_app.shop.payers import payer_label
    return payer_label(address, names)
