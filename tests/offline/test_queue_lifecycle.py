"""The offline queue's transition table, checked exhaustively."""
from __future__ import annotations

import itertools

import pytest

from pos_app.errors import IllegalTransition
from pos_app.offline.lifecycle import FAILURES, PENDING, TRANSITIONS, UNSENT, QueueState, check_transition

Q = QueueState


@pytest.mark.parametrize("a, b", list(itertools.product(QueueState, QueueState)))
def test_every_pair_is_allowed_exactly_when_listed(a, b):
    if a == b or b in TRANSITIONS[a]:
        check_transition(a, b)
    else:
        with pytest.raises(IllegalTransition) as e:
            check_transition(a, b)
        assert a.value in e.value.user_message and b.value in e.value.user_message


def test_final_and_failures_are_terminal_and_nothing_returns_to_received():
    for s in FAILURES | {Q.FINAL}:
        assert TRANSITIONS[s] == frozenset()
    assert all(Q.RECEIVED not in targets for targets in TRANSITIONS.values())


def test_happy_path_and_recoveries_exist():
    path = [Q.RECEIVED, Q.QUEUED, Q.SUBMITTED, Q.INCLUDED, Q.FINAL]
    for a, b in zip(path, path[1:]):
        assert b in TRANSITIONS[a]
    assert Q.SUBMITTED in TRANSITIONS[Q.INCLUDED]      # reorg: follow it again
    assert Q.QUEUED in TRANSITIONS[Q.SUBMITTED]        # dropped by the node: resend the same bytes
    assert Q.QUEUED in TRANSITIONS[Q.NEEDS_ATTENTION]


def test_every_state_is_in_the_table_and_classified():
    assert set(TRANSITIONS) == set(QueueState)
    assert UNSENT <= PENDING
    assert not (PENDING & FAILURES) and Q.FINAL not in PENDING
    assert PENDING | FAILURES | {Q.FINAL} == set(QueueState)
