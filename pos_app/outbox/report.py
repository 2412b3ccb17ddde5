"""What one pass of the sync engine did (``PassReport``); its decisions are ``core/sending.py``'s."""
from __future__ import annotations

from dataclasses import dataclass, field

from pos_app.offline.queue import QueueItem

__all__ = ["PassReport"]


@dataclass
class PassReport:
    online: bool = True
    head: int | None = None
    sent: int = 0
    submitted: int = 0
    included: int = 0
    final: int = 0
    failed: int = 0
    retrying: int = 0
    resent: int = 0
    relay_missing: int = 0          # authorizations waiting for the relay key to be unlocked
    relay_short_wei: int = 0        # BNB the relay account lacks for what is queued
    relay_gaps_filled: int = 0      # relay numbers of failed authorizations filled with empty transactions
    outstanding: int = 0            # items not yet final or failed
    outcomes: list[QueueItem] = field(default_factory=list)
