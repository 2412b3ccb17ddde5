"""This till's clock against the network's (issue 18, 7): the payment watcher's measurement.

Network time minus this till's time (``ClockMeter.skew``, 0 when they agree) is measured from
each new head block and kept in the settings per chain (``clock_skew:<chain id>``), so every
payment's time can be read in this till's clock (``Transfer.till_time``) and the cashier is told
(``ClockSkewed``) when the two differ by more than ``SKEW_WARN_S``.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Any, Callable

from pos_app.core.events import ClockSkewed, EventBus
from pos_app.store.db import Store

log = logging.getLogger(__name__)

# This till's clock and the chain's: below this difference they are taken to agree (block
# intervals, polling); above SKEW_WARN_S the cashier is told to set the clock.
SKEW_TOLERANCE_S = 120
SKEW_WARN_S = 300
# On the first pass, a head older than the tolerance may be a stale chain or a fast clock: wait
# this long at most for a newer block to tell which.
FIRST_HEAD_WAIT_S = 3.0


def skew_key(chain_id: int) -> str:
    """The setting that holds the last measured difference for this chain."""
    return f"clock_skew:{chain_id}"


class ClockMeter:
    """Network time minus this till's time on one chain, as last measured (``skew``)."""

    def __init__(self, store: Store, chain_id: int, events: EventBus) -> None:
        self.store, self.events = store, events
        self.key = skew_key(chain_id)
        self.skew = int(store.get_setting(self.key, 0) or 0)
        self.last_head: int | None = None
        self._pending: int | None = None   # a new difference seen once, waiting to be seen again

    def measure(self, head_block: dict, *, now: Callable[[], float], latest: Callable[[], dict[str, Any]],
                by_number: Callable[[int], dict[str, Any]], stop: threading.Event) -> dict:
        """Measure network time minus this till's time from the newest block (issue 18, 7).

        A head newer than the last one seen is the chain's "now" (within a block interval); a head
        ahead of this till's clock proves the clock slow. On the first pass a head that looks old
        may be a stale chain or a fast clock: a newer block (``latest``) is waited for briefly, until
        ``stop`` is set at most, to tell which. ``now``: this till's clock. Returns the head block to
        scan to.

        One node's word is not enough to move every payment's time: the head is read again by its
        number (``by_number``: a node that puts a wrong time only on "latest" disagrees with
        itself), and a new difference is taken only when two heads in a row agree on it.
        """
        number, stamp = head_block["number"], head_block["timestamp"]
        fresh = self.last_head is not None and number > self.last_head
        if not fresh and self.last_head is None and stamp - now() < -SKEW_TOLERANCE_S:
            waited_until = time.monotonic() + FIRST_HEAD_WAIT_S
            while time.monotonic() < waited_until and not stop.is_set():
                time.sleep(0.5)
                newer = latest()
                if newer["number"] > number:
                    head_block, number, stamp, fresh = newer, newer["number"], newer["timestamp"], True
                    break
        self.last_head = number
        diff = int(stamp - now())
        if not fresh and diff <= SKEW_TOLERANCE_S:
            return head_block
        skew = diff if abs(diff) > SKEW_TOLERANCE_S else 0
        if abs(skew - self.skew) <= SKEW_TOLERANCE_S:
            self._pending = None
            return head_block
        again = by_number(number)
        if again.get("hash") != head_block.get("hash") or abs(int(again["timestamp"]) - stamp) > SKEW_TOLERANCE_S:
            log.warning("the node's newest block %s says two different times; its clock is not used", number)
            return head_block
        if self._pending is None or abs(self._pending - skew) > SKEW_TOLERANCE_S:
            self._pending = skew          # seen once: taken when the next head says it again
            return head_block
        self._pending = None
        log.warning("this till's clock differs from the network's by %s s", skew)
        self.store.set_setting(self.key, skew)
        if (abs(skew) > SKEW_WARN_S) != (abs(self.skew) > SKEW_WARN_S):
            self.events.publish(ClockSkewed(seconds=skew if abs(skew) > SKEW_WARN_S else 0))
        self.skew = skew
        return head_block
