"""The one link state of a till: is the network reachable now, through which node, since when.

Two loops talk to the network: the payment watcher (its passes) and the sync runner (its probes
and engine passes). Each reports every contact here, and the link is what the most recent contact
said (issue 19, point 6: they used to publish their own, possibly contradicting, events). Every
screen and the command line read this one state (``Connectivity.link``) and hear ``LinkChanged``
on the event bus whenever it changes or a contact succeeds. Plain Python, thread-safe, no Qt.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from typing import Any, Callable

from pos_app.core.events import EventBus, LinkChanged


@dataclass(frozen=True)
class Link:
    """What the most recent contact with the network said."""

    online: bool | None = None         # None: no contact tried yet
    endpoint: str | None = None        # the node that answered (a URL with its secrets masked)
    head: int | None = None            # the newest block it reported
    head_time: int | None = None       # that block's time (the network's clock)
    problem: Any = None                # the PosError of the last failed contact
    source: str = ""                   # who reported it: "watcher" or "runner"
    last_ok: float | None = None       # when a contact last succeeded (time.monotonic())

    def seconds_since_ok(self, now: float | None = None) -> int | None:
        if self.last_ok is None:
            return None
        return int((time.monotonic() if now is None else now) - self.last_ok)


class Connectivity:
    """The till's link state, fed by the watcher and the runner (``ok`` / ``down``)."""

    def __init__(self, events: EventBus | None = None, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.events = events
        self.clock = clock
        self._lock = threading.Lock()
        self._link = Link()

    @property
    def link(self) -> Link:
        with self._lock:
            return self._link

    def ok(self, *, source: str, endpoint: str | None, head: int | None = None,
           head_time: int | None = None) -> Link:
        """A contact succeeded: the link is up (a head older than one already heard is kept)."""
        with self._lock:
            old = self._link
            newer = head is not None and (old.head is None or head >= old.head)
            self._link = replace(old, online=True, endpoint=endpoint or old.endpoint, problem=None, source=source,
                                 head=head if newer else old.head, head_time=head_time if newer else old.head_time,
                                 last_ok=self.clock())
            link = self._link
        self._publish(link, changed=old.online is not True)
        return link

    def down(self, *, source: str, problem: Any) -> Link:
        """A contact failed: the link is down until a contact succeeds again."""
        with self._lock:
            old = self._link
            self._link = replace(old, online=False, problem=problem, source=source)
            link = self._link
        self._publish(link, changed=old.online is not False)
        return link

    def _publish(self, link: Link, *, changed: bool) -> None:
        if self.events is not None:
            self.events.publish(LinkChanged(link=link, changed=changed))
