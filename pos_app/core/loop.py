"""A background thread that loops until stopped and can be woken early (the payment watcher and
the sending runner both are one). Subclasses write ``run_forever``, checking ``self._stop`` and
waiting on ``self._wake``."""
from __future__ import annotations

import threading


class BackgroundLoop:
    thread_name = "background-loop"

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()

    def run_forever(self) -> None:  # pragma: no cover - each subclass has its own
        raise NotImplementedError

    def start(self) -> None:
        if self._thread and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self.run_forever, name=self.thread_name, daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)
