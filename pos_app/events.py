"""A tiny publish/subscribe bus for core events (plain Python, thread-safe).

Core code (watcher, services) publishes; the Qt side subscribes through one adapter that
re-emits each event as a signal so widgets are only touched on the GUI thread. A subscriber that
raises never breaks the publisher: the error is logged and the next subscriber still runs.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    kind: str                      # e.g. "invoice.changed", "payment.seen", "sync.status"
    data: dict[str, Any] = field(default_factory=dict)


class EventBus:
    def __init__(self) -> None:
        self._subs: list[Callable[[Event], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, callback: Callable[[Event], None]) -> Callable[[], None]:
        with self._lock:
            self._subs.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subs:
                    self._subs.remove(callback)
        return unsubscribe

    def publish(self, kind: str, **data: Any) -> None:
        event = Event(kind, data)
        with self._lock:
            subs = list(self._subs)
        for cb in subs:
            try:
                cb(event)
            except Exception:  # noqa: BLE001 - one bad listener must not stop payments
                log.exception("event subscriber failed for %s", kind)
