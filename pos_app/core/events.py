"""Typed core events and a tiny thread-safe publish/subscribe bus (plain Python, no Qt).

Core code (watcher, services, the sending engine) publishes frozen dataclasses; the Qt side
subscribes through one adapter (``pos_app.ui.shell.bridge``) that re-emits each event on the GUI
thread, so widgets are only touched there. A subscriber names the event types it wants:

    bus.subscribe(on_invoice, InvoiceChanged, InvoiceCreated)

A subscriber that raises never breaks the publisher: the error is logged and the next one runs.
Every event has a stable ``kind`` (``"invoice.changed"``...) for machine-readable output
(``sompos sync --json``) and ``fields()`` for its payload.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, fields as dc_fields
from typing import Any, Callable, ClassVar

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Event:
    """Base of every core event; ``kind`` is the stable name used in logs and JSON output."""

    kind: ClassVar[str] = "event"

    def fields(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dc_fields(self)}


# -- sales -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class InvoiceCreated(Event):
    kind: ClassVar[str] = "invoice.created"
    invoice: Any                      # pos_app.invoices.service.Invoice


@dataclass(frozen=True)
class InvoiceChanged(Event):
    kind: ClassVar[str] = "invoice.changed"
    invoice: Any                      # the invoice after the change
    previous: Any = None              # its state before (InvoiceState)


# -- payments seen on the chain -----------------------------------------------------------------
@dataclass(frozen=True)
class PaymentSeen(Event):
    kind: ClassVar[str] = "payment.seen"
    payment: Any                      # pos_app.invoices.service.Payment


@dataclass(frozen=True)
class PaymentFinal(Event):
    kind: ClassVar[str] = "payment.final"
    payment_id: int
    invoice_id: str | None


@dataclass(frozen=True)
class PaymentRemoved(Event):
    """A payment's block left the chain (reorganisation)."""

    kind: ClassVar[str] = "payment.removed"
    payment_id: int
    invoice_id: str | None


# -- the chain watcher ---------------------------------------------------------------------------
@dataclass(frozen=True)
class ScanProgress(Event):
    kind: ClassVar[str] = "sync.progress"
    scanned_to: int
    head: int


@dataclass(frozen=True)
class TwinTillSuspected(Event):
    """A payment carried this till's tail though this till never asked it: another till of the
    shop uses this till's number. Settling by amount stops until a manager resolves it
    (``alarm`` None: resolved)."""
    kind: ClassVar[str] = "till.twin"
    alarm: Any                        # dict: payment, value, tx_hash, at, till; or None


@dataclass(frozen=True)
class ClockSkewed(Event):
    """This till's clock and the network's disagree by more than a few minutes (0: they agree)."""
    kind: ClassVar[str] = "clock.skewed"
    seconds: int                      # network time minus this till's time


@dataclass(frozen=True)
class AuditProblem(Event):
    kind: ClassVar[str] = "audit.problem"
    problems: tuple = ()


# -- offline payments and the sending engine ---------------------------------------------------
@dataclass(frozen=True)
class OfflineChanged(Event):
    """A queued offline payment was accepted, moved or handed over."""

    kind: ClassVar[str] = "offline.changed"
    item: Any                         # pos_app.offline.queue.OfflineItem


@dataclass(frozen=True)
class OfflineOutcome(Event):
    """A queued offline payment reached an end: final on the chain, or failed."""

    kind: ClassVar[str] = "offline.outcome"
    item: Any


@dataclass(frozen=True)
class QueueReport(Event):
    """One pass of the sending engine finished; ``outstanding`` payments still need work."""

    kind: ClassVar[str] = "sync.queue"
    outstanding: int
    report: Any = None


@dataclass(frozen=True)
class RelayLowBalance(Event):
    kind: ClassVar[str] = "relay.low_balance"
    short_wei: int
    address: str


@dataclass(frozen=True)
class LinkChanged(Event):
    """The till's one link state after a contact with the network (``core.connectivity``):
    ``link`` is a ``Link``; ``changed``: it went up or down with this contact."""

    kind: ClassVar[str] = "link"
    link: Any
    changed: bool = False


@dataclass(frozen=True)
class SettingsChanged(Event):
    """The shop's settings were saved (``app.till.Till.save_settings``): ``config`` is the new
    ``ShopConfig``. The context's settings snapshot and the screens refresh from it."""

    kind: ClassVar[str] = "settings.changed"
    config: Any


Subscriber = Callable[[Event], None]


class EventBus:
    def __init__(self) -> None:
        self._subs: list[tuple[Subscriber, tuple[type, ...]]] = []
        self._lock = threading.Lock()

    def subscribe(self, callback: Subscriber, *types: type[Event]) -> Callable[[], None]:
        """Call ``callback(event)`` for events of ``types`` (all events when none are named)."""
        entry = (callback, tuple(types))
        with self._lock:
            self._subs.append(entry)

        def unsubscribe() -> None:
            with self._lock:
                if entry in self._subs:
                    self._subs.remove(entry)
        return unsubscribe

    def publish(self, event: Event) -> None:
        if not isinstance(event, Event):
            raise TypeError(f"publish() takes an Event, not {type(event).__name__}")
        with self._lock:
            subs = list(self._subs)
        for cb, types in subs:
            if types and not isinstance(event, types):
                continue
            try:
                cb(event)
            except Exception:  # noqa: BLE001 - one bad listener must not stop payments
                log.exception("event subscriber failed for %s", event.kind)
