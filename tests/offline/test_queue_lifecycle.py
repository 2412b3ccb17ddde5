"""The offline queue's transition table, checked exhaustively."""
from __future__ import annotations

import itertools

import pytest

from pos_app.core.errors import IllegalTransition
from pos_app.offline.lifecycle import (FAILURES, PENDING, REOPENABLE, TRANSITIONS, UNSENT, QueueState,
                                       check_transition)

Q = QueueState


@pytest.mark.parametrize("a, b", list(itertools.product(QueueState, QueueState)))
def test_every_pair_is_allowed_exactly_when_listed(a, b):
    if a == b or b in TRANSITIONS[a]:
        check_transition(a, b)
    else:
        with pytest.raises(IllegalTransition) as e:
            check_transition(a, b)
        assert a.value in e.value.user_message and b.value in e.value.user_message


def test_failures_are_terminal_and_nothing_returns_to_received():
    for s in FAILURES - REOPENABLE:
        assert TRANSITIONS[s] == frozenset()
    # Final moves only back to submitted: its final payment left the chain (issue 18, 9).
    assert TRANSITIONS[Q.FINAL] == {Q.SUBMITTED}
    assert all(Q.RECEIVED not in targets for targets in TRANSITIONS.values())


def test_f2_stuck_is_a_failure_that_only_the_chain_can_reopen():
    """Issue 10, point 2: a transfer the network held unmined past the deadline is the named
    failure "stuck" (a cashier collects again), reached from queued or submitted; if the same bytes
    are mined later it moves on to included (then final) or reverted, and nowhere else."""
    assert Q.STUCK in FAILURES and Q.STUCK not in PENDING and Q.STUCK not in UNSENT
    # Issue 18: the money arriving after all overturns these failures too (a wallet that sent the
    # same number again with another fee, a balance topped up before a resend).
    assert REOPENABLE == {Q.STUCK, Q.DOUBLE_SPENT, Q.REJECTED, Q.INSUFFICIENT_FUNDS}
    assert {s for s, targets in TRANSITIONS.items() if Q.STUCK in targets} == {Q.QUEUED, Q.SUBMITTED}
    assert TRANSITIONS[Q.STUCK] == {Q.INCLUDED, Q.REVERTED}
    check_transition(Q.SUBMITTED, Q.STUCK)
    check_transition(Q.STUCK, Q.INCLUDED)
    check_transition(Q.INCLUDED, Q.FINAL)
    for target in set(QueueState) - {Q.STUCK, Q.INCLUDED, Q.REVERTED}:
        with pytest.raises(IllegalTransition):
            check_transition(Q.STUCK, target)


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


# The table written out a second time, by hand, from the rules it encodes (DOMAIN.md "Broadcasting a
# queue"): a test that derives its expectations from TRANSITIONS itself cannot catch a wrong edge
# added to it (e.g. queued -> final, final without a receipt).
CHAIN_REFUSALS = {"cancelled", "double_spent", "expired", "insufficient_funds", "rejected"}
SPEC = {
    "received": {"queued", "rejected", "needs_attention"},
    "queued": {"submitted", "included", "needs_attention", "stuck"} | CHAIN_REFUSALS,
    "submitted": {"included", "queued", "reverted", "needs_attention", "stuck"} | CHAIN_REFUSALS,
    "included": {"final", "submitted", "reverted"},
    # Its payment arrived after all (the chain's evidence, issue 18): included, then final.
    "needs_attention": {"queued", "rejected", "cancelled", "included"},
    "stuck": {"included", "reverted"},
    "double_spent": {"included"}, "rejected": {"included"}, "insufficient_funds": {"included"},
    # Its final payment left the chain (a reorg deeper than finality): the same bytes go out again.
    "final": {"submitted"},
    **{s: set() for s in ("cancelled", "expired", "reverted")},
}


def differences_from_spec(table) -> set[tuple[str, str]]:
    """Moves the table allows that the written rules do not, and the other way round."""
    got = {(s.value, t.value) for s, targets in table.items() for t in targets}
    want = {(s, t) for s, targets in SPEC.items() for t in targets}
    return got ^ want


def final_without_receipt(table) -> set:
    return {s for s, targets in table.items() if Q.FINAL in targets} - {Q.INCLUDED}


def test_the_table_is_exactly_the_written_rules():
    assert differences_from_spec(TRANSITIONS) == set()


def test_nothing_is_final_without_a_receipt():
    """Only an included payment (its receipt seen) becomes final."""
    assert final_without_receipt(TRANSITIONS) == set()


def test_the_checks_catch_the_wrong_edge_queued_to_final():
    """The mutation that once left every queue test green (issue 11): these checks must see it."""
    mutated = {s: set(targets) | ({Q.FINAL} if s == Q.QUEUED else set()) for s, targets in TRANSITIONS.items()}
    assert differences_from_spec(mutated) == {("queued", "final")}
    assert final_without_receipt(mutated) == {Q.QUEUED}
    # ... and a failure turned into final without being included first.
    mutated = {s: set(targets) | ({Q.FINAL} if s == Q.DOUBLE_SPENT else set()) for s, targets in TRANSITIONS.items()}
    assert final_without_receipt(mutated) == {Q.DOUBLE_SPENT}


def test_terminal_states_and_sources_follow_the_written_rules():
    from pos_app.offline.lifecycle import LIFECYCLE
    assert {s.value for s in LIFECYCLE.terminal} == {s for s, targets in SPEC.items() if not targets}
    assert {s.value for s in LIFECYCLE.sources(Q.FINAL)} == {s for s, targets in SPEC.items() if "final" in targets}
