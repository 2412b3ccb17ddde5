"""Wires offline acceptance into the main window: the accept screen, the queue view, the red bar.

Every check, accept and queue read runs on the database worker; results come back to the GUI
thread through its callbacks. Kept apart from main_window.py so each file stays small.
"""
from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QObject, QTimer

from pos_app.money import Tyiyn, base_units_to_tyiyn, format_som
from pos_app.ui.core_text import error_text
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pos_app.ui.offline_accept import OfflineAcceptScreen
    from pos_app.ui.queue_view import QueueView


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

    @property
    def accept_screen(self) -> OfflineAcceptScreen:
        if self._accept_screen is None:
            from pos_app.ui.offline_accept import OfflineAcceptScreen
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
            from pos_app.ui.queue_view import QueueView
            self._queue_view = QueueView(self.win.language)
            self.win.stack.addWidget(self._queue_view)
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
            items, summary = r
            self.summary, self.items = summary, items
            if self._queue_view is not None:
                self._queue_view.set_data(items, summary)
            self.win.refresh_status()
        self.win.db.run(lambda: (ctx.offline.list(), ctx.offline.summary(chain_id)), loaded)

    def bar_text(self) -> str | None:
        """The offline bar's count of unsent payments, or None when nothing waits."""
        s = self.summary
        if s is None or not s.pending_count:
            return None
        return self.tr("%1 offline payments (%2) waiting to be sent.").replace("%1", str(s.pending_count)) \
            .replace("%2", format_som(Tyiyn(s.pending_tyiyn), self.win.language))
