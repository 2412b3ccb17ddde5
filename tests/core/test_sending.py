"""The sender's typed decisions (``core/sending.py``) and what the offline queue makes of them.

The outbox returns one decision per item (sent, included, final, failed with a reason, back in
line, needs a person, bookkeeping); the item's owner maps it to its own lifecycle. A new kind of
decision, or a failure the owner has no state for, fails here before it reaches a till.
"""
from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from pos_app.core import sending
from pos_app.core.reasons import R
from pos_app.core.sending import Bookkeeping, Decision, Failed, Failure, Final, Sent
from pos_app.offline.lifecycle import FAILURES, TRANSITIONS, QueueState, decision_state

OUTBOX = Path(__file__).resolve().parents[2] / "pos_app" / "outbox"


def _kinds() -> list[type[Decision]]:
    return [c for _, c in inspect.getmembers(sending, inspect.isclass)
            if issubclass(c, Decision) and c is not Decision]


def test_every_failure_is_a_failed_state_of_the_queue_and_back():
    assert {QueueState(f.value) for f in Failure} == set(FAILURES)


def test_every_kind_of_decision_means_a_state_the_lifecycle_can_reach():
    row = {"id": 1}
    reachable = set(TRANSITIONS) | {t for ts in TRANSITIONS.values() for t in ts}
    for kind in _kinds():
        if kind is Failed:
            states = {decision_state(Failed(row, R("double_spent"), failure=f)) for f in Failure}
        elif kind is Bookkeeping:
            states = {decision_state(Bookkeeping(row, columns={"attempts": 1}))}
            assert states == {None}
            continue
        else:
            states = {decision_state(kind(row, R("sent")))}
        assert states <= reachable and None not in states, (kind, states)


def test_a_decision_is_checked_where_it_is_made():
    with pytest.raises(TypeError):
        Sent({"id": 1}, None)                             # a move needs its reason code
    with pytest.raises(ValueError):
        Final({"id": 1}, R("money_final"), {"state": "final"})   # never the state, nor the payload
    assert Sent({"id": "7"}, R("sent")).item_id == 7


def test_the_outbox_names_no_target_state_of_the_queue():
    """The engine says what happened (a decision), never which queue state follows: that is the
    owner's lifecycle, so a refund's own table can take the same decisions."""
    found = []
    for path in OUTBOX.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in {k.__name__ for k in _kinds()}:
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    if isinstance(arg, ast.Attribute) and getattr(arg.value, "id", None) in ("Q", "QueueState"):
                        found.append(f"{path.name}:{node.lineno}")
    assert not found, found


def test_every_queue_state_has_a_sending_phase():
    from pos_app.offline.lifecycle import PHASES
    assert set(PHASES) == set(QueueState)


def test_the_outbox_reads_items_by_phase_not_by_the_queues_state_names():
    """The sender sees ``OutboxItem``s with a ``Phase`` (core/sending.py); only the pass report,
    which lists the owner's own items for the screens, reads the queue's states."""
    found = []
    for path in sorted(OUTBOX.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        allowed: set[int] = set()
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef) and fn.name == "_apply":
                allowed |= set(range(fn.lineno, fn.end_lineno + 1))
        for node in ast.walk(tree):
            named = isinstance(node, ast.Attribute) and (getattr(node.value, "id", None) in ("Q", "QueueState")
                                                         or (node.attr == "state" and getattr(node.value, "id", None) in ("r", "row", "item")))
            if named and node.lineno not in allowed:
                found.append(f"{path.name}:{node.lineno}")
    assert not found, found
