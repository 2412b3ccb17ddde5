"""Connectivity and the engine's loop: notice the network, send, follow, reconcile, report.

``ConnectivityMonitor.probe()`` asks the profile's RPC URLs for the chain id (checked once per
endpoint by ``RpcClient``: a node of another chain is refused) and the latest block, with the
client's timeouts, failover between URLs and per-URL back-off (doubling to a minute on resets,
HTTP errors, rate limits, truncated or garbage JSON). It publishes ``connectivity`` events:
``offline``, ``syncing`` (online with payments still to send or follow) or ``online``.

``SyncRunner`` runs the loop on its own thread: while offline it probes every
``offline_probe_s`` (1 s, so the first submission follows a returning connection within ~2 s);
online it runs an engine pass every ``online_interval_s``. On the way back from offline it
reconciles: the payment watcher scans the missed blocks (invoices paid online meanwhile settle)
and the payers' balance / nonce snapshots for the offline limits are refreshed. ``run_until`` is
the headless ``sompos sync``: passes until everything is final or failed, or a deadline. The
deadline holds inside a pass too: every node request is bounded by it (``RpcClient.until``), so a
node that trickles its answer cannot keep ``sompos sync --deadline 8`` running past 8 s. A pass
whose payment scan could not read the chain is not a finished pass: the step counts as offline,
``run_until`` never reports success on it, and ``unread`` keeps why the chain could not be read
until a step reads it (issue 18, point 11: a node serving nonsense logs once made ``sompos sync``
say all was final without having read the chain).

``use_relay`` is how the till's window hands over a relay key it unlocked: the engine takes it
between passes, never from another thread in the middle of one.
"""
from __future__ import annotations

import logging
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any, Callable

from pos_app.chain.rpc import RpcClient
from pos_app.core.errors import ChainError, PosError
from pos_app.core.loop import BackgroundLoop
from pos_app.core.connectivity import Connectivity
from pos_app.core.events import EventBus
from pos_app.outbox.engine import PassReport, SyncEngine

log = logging.getLogger(__name__)

OFFLINE_PROBE_S = 1.0
ONLINE_INTERVAL_S = 3.0


@dataclass
class Probe:
    online: bool
    endpoint: str | None
    head: int | None
    problem: PosError | None = None


class ConnectivityMonitor:
    """Asks the network whether it answers, and tells the till's one link state (``Connectivity``,
    shared with the payment watcher) what it heard. ``state``: the runner's own word for the step
    ("online", "syncing", "offline"), which ``sompos sync`` prints."""

    def __init__(self, rpc: RpcClient, link: Connectivity) -> None:
        self.rpc = rpc
        self.link = link
        self.state = "unknown"

    def probe(self) -> Probe:
        try:
            head = self.rpc.block_number()
        except PosError as exc:
            return Probe(False, None, None, exc)
        return Probe(True, self.rpc.status().endpoint, head)

    def publish(self, state: str, probe: Probe, outstanding: int | None = None) -> None:
        self.state = state
        if probe.online:
            self.link.ok(source="runner", endpoint=probe.endpoint, head=probe.head)
        else:
            self.link.down(source="runner", problem=probe.problem)


class SyncRunner(BackgroundLoop):
    thread_name = "sync-engine"

    def __init__(self, engine: SyncEngine, *, watcher: Any = None, events: EventBus | None = None,
                 offline_probe_s: float = OFFLINE_PROBE_S, online_interval_s: float = ONLINE_INTERVAL_S,
                 clock: Callable[[], float] = time.time, link: Connectivity | None = None) -> None:
        self.engine = engine
        self.watcher = watcher
        self.events = events if events is not None else engine.events
        # One link state with the watcher (its own when given, else the watcher's, else a new one).
        if link is None:
            link = getattr(watcher, "link", None) or Connectivity(self.events)
        self.link = link
        self.monitor = ConnectivityMonitor(engine.rpc, link)
        self.offline_probe_s = offline_probe_s
        self.online_interval_s = online_interval_s
        self.clock = clock
        self.was_online: bool | None = None
        self.last_report: PassReport | None = None
        self.unread: PosError | None = None  # why the chain could not be read, until a step reads it
        BackgroundLoop.__init__(self)
        # The engine is only ever changed between passes: a key handed over mid-pass waits here.
        self._stepping = threading.Lock()
        self._relay_lock = threading.Lock()
        self._pending_relay: list[Any] | None = None   # [account] once handed over, until the engine has it

    # -- the relay key ---------------------------------------------------------------------------------
    def use_relay(self, account: Any) -> None:
        """Give the engine the unlocked relay ``account`` (an eth-account ``LocalAccount``).

        Safe from any thread and never blocks: when no pass is running the engine takes it now,
        otherwise at the start of the next pass (the loop is woken for it), so a pass never signs
        half its relays with one key and half with another.
        """
        with self._relay_lock:
            self._pending_relay = [account]
        if self._stepping.acquire(blocking=False):
            try:
                self._take_relay()
            finally:
                self._stepping.release()
        self.wake()

    @property
    def relay(self) -> Any:
        """The relay account the next pass uses (None while no key is unlocked)."""
        with self._relay_lock:
            if self._pending_relay is not None:
                return self._pending_relay[0]
        return self.engine.relay

    def _take_relay(self) -> None:
        with self._relay_lock:
            pending, self._pending_relay = self._pending_relay, None
        if pending is not None:
            self.engine.relay = pending[0]

    # -- one step ---------------------------------------------------------------------------------
    def step(self, *, scan: bool = False) -> str:
        """Probe, reconcile after a gap, run one engine pass; returns the connectivity state."""
        with self._stepping:
            self._take_relay()
            return self._step(scan)

    def _step(self, scan: bool) -> str:
        probe = self.monitor.probe()
        if not probe.online and self.was_online:
            # The first request after a short outage often dies on the keep-alive connection the
            # outage cut; that connection is gone now, so ask once more at once.
            probe = self.monitor.probe()
        if not probe.online:
            self.was_online = False
            self.unread = probe.problem
            self.monitor.publish("offline", probe, None)
            return "offline"
        came_back = self.was_online is False
        self.was_online = True
        try:
            report = self.engine.pass_once()
        except PosError as exc:  # the node went away mid-pass, or answered nonsense: next probe decides
            log.info("sync pass stopped: %s", exc.user_message)
            self.monitor.publish("offline", Probe(False, None, None, exc), None)
            self.was_online = False
            self.unread = exc
            return "offline"
        self.last_report = report
        if came_back or scan:
            problem = self.reconcile(scan=scan)
            if scan and problem is not None:
                # The chain was not read: payments may have arrived unseen, so this pass is not done.
                self.unread = problem
                self.monitor.publish("offline", Probe(False, None, None, problem), report.outstanding)
                self.was_online = False
                return "offline"
        self.unread = None
        state = "syncing" if report.outstanding else "online"
        self.monitor.publish(state, probe, report.outstanding)
        return state

    def reconcile(self, *, scan: bool) -> PosError | None:
        """Missed blocks scanned (or the app's watcher woken), payer snapshots refreshed.

        Returns what stopped it (the chain could not be read), None when it was done.
        """
        if self.watcher is None:
            return None
        try:
            if scan:
                self.watcher.scan_once()
            else:
                self.watcher.wake()
        except PosError as exc:
            log.info("reconciliation deferred: %s", exc.user_message)
            return exc
        try:
            self.watcher.refresh_snapshots(self.engine.queue, at=int(self.clock()))
        except PosError as exc:  # the offline limits' snapshots: next time (the chain was read)
            log.info("payer snapshots deferred: %s", exc.user_message)
        return None

    # -- headless: `sompos sync` ---------------------------------------------------------------------
    def run_until(self, deadline_s: float, on_progress: Callable[[str, PassReport | None], None] | None = None,
                  *, monotonic: Callable[[], float] = time.monotonic) -> bool:
        """Passes until nothing is outstanding and the chain was read (True) or the deadline passes (False)."""
        end = monotonic() + deadline_s
        with ExitStack() as bounded:
            # Every node request ends by the deadline (time.monotonic(), the clock RpcClient uses).
            wall_end = time.monotonic() + deadline_s
            for rpc in {id(r): r for r in (self.engine.rpc, getattr(self.watcher, "rpc", None))
                        if hasattr(r, "until")}.values():
                bounded.enter_context(rpc.until(wall_end))
            return self._run_until(end, on_progress, monotonic)

    def _run_until(self, end: float, on_progress: Callable[[str, PassReport | None], None] | None,
                   monotonic: Callable[[], float]) -> bool:
        while True:
            state = self.step(scan=self.watcher is not None)
            if on_progress is not None:
                on_progress(state, self.last_report)
            if state != "offline" and self.last_report is not None and self.last_report.outstanding == 0:
                return True
            if monotonic() >= end:
                return False
            pause = self.offline_probe_s if state == "offline" else min(self.online_interval_s, 1.0)
            time.sleep(max(0.0, min(pause, end - monotonic())))
            if monotonic() >= end:  # no time left to ask anything: the last step's reason stands
                return False

    # -- thread (the app) ------------------------------------------------------------------------------
    def run_forever(self) -> None:
        while not self._stop.is_set():
            try:
                state = self.step()
            except Exception:  # noqa: BLE001 - the loop must outlive any surprise; the log has it
                log.exception("sync step failed")
                state = "offline"
                self.monitor.publish("offline", Probe(False, None, None, ChainError(
                    "outbox.unexpected_error_while_sending")), None)
            self._wake.wait(self.offline_probe_s if state == "offline" else self.online_interval_s)
            self._wake.clear()

