"""The facts about a shop's sales that its settings name: the default time to pay and a till's
place among the tills sharing the shop's address (``TillSlot``).

Kept apart from the lifecycle and the matching rules so the settings (``shop/config.py``), read
while the window is built, do not load those before the first frame; both re-export what is here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pos_app.core.errors import BadInput

DEFAULT_EXPIRY_SECONDS = 15 * 60
MAX_TILLS = 20


@dataclass(frozen=True)
class TillSlot:
    """This till's place among the tills sharing the shop's address: till ``number`` of ``count``."""

    number: int = 1
    count: int = 1

    def __post_init__(self) -> None:
        if not (isinstance(self.number, int) and isinstance(self.count, int)
                and 1 <= self.number <= self.count <= MAX_TILLS):
            raise BadInput("sale.till_number_must_between",
                           maximum=MAX_TILLS)

    @property
    def shared(self) -> bool:
        return self.count > 1

    def owns(self, tail: int) -> bool:
        return tail % self.count == self.number % self.count

    def tails(self, scheme: Any) -> range:
        """The tails this till may ask for, smallest first (``scheme``: an ``invoices.matching.TailScheme``)."""
        return range(self.number, scheme.max_tail + 1, self.count)

    def describe(self) -> str:
        return f"{self.number} of {self.count}"
