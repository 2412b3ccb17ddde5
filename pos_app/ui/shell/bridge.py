"""The one bridge from the core to the GUI thread, and the workers that keep the GUI responsive.

* ``EventBridge`` subscribes to the core's ``EventBus`` and re-emits every event through a Qt
  signal. The bridge lives in the GUI thread, so a signal emitted from the watcher thread is
  delivered (queued) on the GUI thread: no widget is ever touched from a worker. Each screen's
  controller names the typed events it needs with ``bridge.on(handler, InvoiceChanged, ...)``.
* ``Worker`` runs jobs on one background thread, in order, and hands the result or the
  ``PosError`` back on the GUI thread, untouched: the callback shows it with
  ``pos_app.ui.shell.core_text.error_text`` (the error keeps its English ``user_message`` for the log). The window keeps one for the database (the one writer, like
  Anki's ``CollectionOp``) and one for slow jobs, so a charge never queues behind a key unlock.
"""
from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot

from pos_app.core.errors import PosError
from pos_app.core.events import Event, EventBus

log = logging.getLogger(__name__)


class EventBridge(QObject):
    event = Signal(object)  # a pos_app.core.events.Event, delivered on the GUI thread

    def __init__(self, bus: EventBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handlers: list[tuple[Callable[[Any], None], tuple[type, ...]]] = []
        self.event.connect(self._dispatch)
        self._unsubscribe = bus.subscribe(self._from_any_thread)

    def on(self, handler: Callable[[Any], None], *types: type[Event]) -> None:
        """Call ``handler(event)`` on the GUI thread for every event of ``types``."""
        if not types:
            raise TypeError("name the event types the handler needs")
        self._handlers.append((handler, types))

    def _from_any_thread(self, e: Event) -> None:
        self.event.emit(e)

    @Slot(object)
    def _dispatch(self, e: Event) -> None:
        for handler, types in list(self._handlers):
            if isinstance(e, types):
                try:
                    handler(e)
                except Exception:  # noqa: BLE001 - one screen's fault must not stop the others
                    log.exception("screen failed to handle %s", e.kind)

    def close(self) -> None:
        self._unsubscribe()


class Worker(QObject):
    """``run(fn, on_done, on_error)``: ``fn`` runs off the GUI thread, callbacks run on it."""

    _finished = Signal(object, object, object)  # callback, value, is_error

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._finished.connect(self._deliver)
        self.pending = 0
        self._closed = False
        self._gate: threading.Event | None = None

    # Jobs queued while the window is built wait until its first frame is shown: the sale screen is
    # painted before the lists, the queue and the warnings are read (the imports and queries those
    # reads need would otherwise compete with the first paint for the interpreter). Never longer
    # than this, so a job always runs, with or without an event loop.
    HOLD_AT_MOST_S = 0.5

    def hold(self) -> None:
        """Queue jobs without starting them until ``release()`` (or ``HOLD_AT_MOST_S``)."""
        if self._gate is None and not self._closed:
            gate = self._gate = threading.Event()
            self._pool.submit(gate.wait, self.HOLD_AT_MOST_S)

    def release(self) -> None:
        """Start the jobs queued since ``hold()``, in order."""
        gate, self._gate = self._gate, None
        if gate is not None:
            gate.set()

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[PosError], None] | None = None) -> Future | None:
        if self._closed:
            # The window is closing: a callback chained from another worker finds this one
            # stopped. Say so in the log instead of raising in the event loop.
            log.warning("job not started: the %s worker is shut down", self._pool._thread_name_prefix)
            return None
        self.pending += 1

        def job() -> None:
            try:
                value = fn()
            except PosError as exc:
                self._finished.emit(on_error, exc, True)
            except Exception as exc:  # noqa: BLE001 - never a traceback on screen
                log.exception("background job failed")
                self._finished.emit(on_error, PosError("app.something_went_wrong_details",
                                                       detail=repr(exc)), True)
            else:
                self._finished.emit(on_done, value, False)
        return self._pool.submit(job)

    @Slot(object, object, object)
    def _deliver(self, callback: Callable[[Any], None] | None, value: Any, is_error: bool) -> None:
        self.pending -= 1
        if callback is not None:
            if is_error and isinstance(value, PosError):
                # The error is not rewritten here: the screen renders it (error_text) in the
                # language shown now, and the English stays what the core said, for the log.
                log.debug("background error: %s (%s)", value.user_message, value.detail)
            callback(value)
        elif is_error:
            log.error("unhandled background error: %s", getattr(value, "user_message", value))

    def shutdown(self) -> None:
        self._closed = True
        self.release()
        self._pool.shutdown(wait=True, cancel_futures=True)
