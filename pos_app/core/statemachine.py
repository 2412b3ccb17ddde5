"""A lifecycle as data: states, the moves allowed between them, and one check that refuses the rest.

The invoice (``pos_app.invoices.lifecycle``) and the offline payment (``pos_app.offline.lifecycle``)
each declare their table once as a ``Lifecycle``; the services call ``check`` before every state
change, so a move the table does not list raises ``IllegalTransition`` instead of being written.

The table is checked when it is built: every state of the enum has a row (an empty row marks a
terminal state) and every target is itself a state, so a typo or a forgotten state fails at
import, not at the first payment that reaches it.

The refusal is built by the owner of the table (``refusal(current, target)``), because each one
says in its own words, as a plain template the GUI can translate, what could not happen.
"""
from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Generic, TypeVar

from pos_app.core.errors import IllegalTransition

S = TypeVar("S", bound=enum.Enum)


class Lifecycle(Generic[S]):
    """The allowed moves between the states of one enum, read-only once built."""

    def __init__(self, name: str, transitions: Mapping[S, frozenset[S]], *,
                 refusal: Callable[[S, S], IllegalTransition]) -> None:
        if not transitions:
            raise ValueError(f"lifecycle {name!r} has no states")
        kind = type(next(iter(transitions)))
        missing = [s.name for s in kind if s not in transitions]
        if missing:
            raise ValueError(f"lifecycle {name!r} has no row for {', '.join(missing)}")
        for state, targets in transitions.items():
            if not isinstance(state, kind):
                raise ValueError(f"lifecycle {name!r}: {state!r} is not a {kind.__name__}")
            if not isinstance(targets, frozenset):
                raise ValueError(f"lifecycle {name!r}: the row of {state.name} must be a frozenset")
            strangers = [t for t in targets if not isinstance(t, kind)]
            if strangers:
                raise ValueError(f"lifecycle {name!r}: {state.name} -> {strangers!r} is not a {kind.__name__}")
        self.name = name
        self.state_type: type[S] = kind
        self.transitions: Mapping[S, frozenset[S]] = MappingProxyType(dict(transitions))
        self._refusal = refusal

    @property
    def states(self) -> frozenset[S]:
        return frozenset(self.transitions)

    @property
    def terminal(self) -> frozenset[S]:
        """States nothing leaves."""
        return frozenset(s for s, targets in self.transitions.items() if not targets)

    def allowed(self, current: S) -> frozenset[S]:
        """Where ``current`` may move (staying put is always allowed and not listed)."""
        return self.transitions[current]

    def may(self, current: S, target: S) -> bool:
        return current == target or target in self.transitions[current]

    def sources(self, target: S) -> frozenset[S]:
        """The states that may move to ``target``."""
        return frozenset(s for s, targets in self.transitions.items() if target in targets)

    def edges(self) -> frozenset[tuple[S, S]]:
        return frozenset((a, b) for a, targets in self.transitions.items() for b in targets)

    def check(self, current: S, target: S) -> None:
        """Raise the owner's ``IllegalTransition`` unless ``current -> target`` is listed (same state: no-op)."""
        if not self.may(current, target):
            raise self._refusal(current, target)

    def __repr__(self) -> str:
        return f"Lifecycle({self.name!r}, {len(self.transitions)} states, {len(self.edges())} moves)"


def sql_states(states: Iterable[enum.Enum]) -> str:
    """A set of states as SQL (``('new','expired')``, sorted): queries name their states from the
    lifecycle module's sets, never as a list typed out again (tests/core/test_state_sets.py)."""
    values = sorted(s.value for s in states)
    if not values or not all(isinstance(v, str) and v.replace("_", "").isalnum() for v in values):
        raise ValueError(f"not states: {values}")
    return "(" + ",".join(f"'{v}'" for v in values) + ")"
