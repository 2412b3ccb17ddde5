"""The lifecycle helper (``pos_app.core.statemachine``) on a small table of its own."""
from __future__ import annotations

import enum
import itertools

import pytest

from pos_app.core.errors import IllegalTransition, PosError
from pos_app.core.statemachine import Lifecycle


class Door(str, enum.Enum):
    OPEN = "open"
    SHUT = "shut"
    LOCKED = "locked"
    GONE = "gone"


D = Door


def _refusal(current: Door, target: Door) -> IllegalTransition:
    return IllegalTransition("sale.invoice_cannot_become",
                             current=current.value, target=target.value)


TABLE = {
    D.OPEN: frozenset({D.SHUT, D.GONE}),
    D.SHUT: frozenset({D.OPEN, D.LOCKED}),
    D.LOCKED: frozenset({D.SHUT}),
    D.GONE: frozenset(),
}
# the same moves, written as pairs
MOVES = {(D.OPEN, D.SHUT), (D.OPEN, D.GONE), (D.SHUT, D.OPEN), (D.SHUT, D.LOCKED), (D.LOCKED, D.SHUT)}


@pytest.fixture
def door() -> Lifecycle[Door]:
    return Lifecycle("door", TABLE, refusal=_refusal)


@pytest.mark.parametrize("a, b", list(itertools.product(Door, Door)))
def test_check_allows_exactly_the_listed_moves_and_staying_put(door, a, b):
    assert door.may(a, b) == (a == b or (a, b) in MOVES)
    if door.may(a, b):
        door.check(a, b)
    else:
        with pytest.raises(IllegalTransition) as e:
            door.check(a, b)
        assert isinstance(e.value, PosError)
        assert e.value.params == {"current": a.value, "target": b.value}
        assert e.value.user_message == f"An invoice that is {a.value} cannot become {b.value}."


def test_queries(door):
    assert door.states == set(Door)
    assert door.terminal == {D.GONE}
    assert door.allowed(D.SHUT) == {D.OPEN, D.LOCKED}
    assert door.allowed(D.GONE) == frozenset()
    assert door.sources(D.SHUT) == {D.OPEN, D.LOCKED}
    assert door.sources(D.GONE) == {D.OPEN}
    assert door.edges() == MOVES
    assert door.state_type is Door
    assert "door" in repr(door) and "5 moves" in repr(door)


def test_the_table_is_a_read_only_copy(door):
    source = dict(TABLE)
    lc = Lifecycle("door", source, refusal=_refusal)
    source[D.GONE] = frozenset({D.OPEN})            # the caller's dict changing later changes nothing
    assert lc.allowed(D.GONE) == frozenset()
    with pytest.raises(TypeError):
        door.transitions[D.GONE] = frozenset({D.OPEN})  # type: ignore[index]


@pytest.mark.parametrize("table, says", [
    ({}, "no states"),
    ({D.OPEN: frozenset({D.SHUT}), D.SHUT: frozenset()}, "no row for LOCKED, GONE"),
    ({**TABLE, D.OPEN: {D.SHUT}}, "must be a frozenset"),
    ({**TABLE, D.OPEN: frozenset({"shut"})}, "is not a Door"),
    ({**TABLE, "ajar": frozenset()}, "is not a Door"),
])
def test_a_malformed_table_fails_when_built(table, says):
    with pytest.raises(ValueError) as e:
        Lifecycle("door", table, refusal=_refusal)
    assert says in str(e.value)


def test_the_two_real_lifecycles_are_built_with_it():
    from pos_app.invoices import lifecycle as invoices
    from pos_app.offline import lifecycle as offline
    assert isinstance(invoices.LIFECYCLE, Lifecycle) and invoices.TRANSITIONS is invoices.LIFECYCLE.transitions
    assert isinstance(offline.LIFECYCLE, Lifecycle) and offline.TRANSITIONS is offline.LIFECYCLE.transitions
