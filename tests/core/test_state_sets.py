"""State sets come from the lifecycle modules (issue 19, point 5): no query spells a list of states
again. Four modules once copied the queue's states into SQL and disagreed with the lifecycle (the
engine's "outstanding" left out needs_attention, ``PENDING`` included it). Queries now name a set
(``offline.lifecycle.IN_FLIGHT``, ``invoices.lifecycle.OPEN_STATES``...) through
``core.statemachine.sql_states``; this test fails on a list of two or more state names typed into
a string anywhere else."""
from __future__ import annotations

import ast
import re

import pytest

from pos_app.core.statemachine import sql_states
from pos_app.invoices.lifecycle import InvoiceState
from pos_app.offline import lifecycle as QL
from pos_app.offline.lifecycle import QueueState

from tests.core.test_table_owners import _docstrings, _text, pos_app_sources

STATES = {s.value for s in InvoiceState} | {s.value for s in QueueState}
# ``IN ('a', 'b')`` or ``IN ("a","b")``: a list typed out.
LISTED = re.compile(r"\bIN\s*\(\s*((?:['\"]\w+['\"]\s*,\s*)+['\"]\w+['\"])\s*\)", re.IGNORECASE)
# Where the sets themselves are written, and the schema's own history (released steps never change).
EXEMPT = {"pos_app/store/migrations.py"}


def listed_states(source: str) -> list[tuple[int, list[str]]]:
    tree = ast.parse(source)
    skip = _docstrings(tree)
    out = []
    for node in ast.walk(tree):
        text = None if id(node) in skip else _text(node)
        if not text:
            continue
        for m in LISTED.finditer(text):
            words = re.findall(r"\w+", m.group(1))
            if len(words) >= 2 and all(w in STATES for w in words):
                out.append((node.lineno, words))
    return out


def test_the_scanner_sees_a_typed_out_list_and_not_a_named_set():
    assert listed_states('c.execute("SELECT 1 FROM offline_payments WHERE state IN (\'queued\',\'submitted\')")')
    assert listed_states('x = f"state IN (\\"new\\", \\"expired\\") AND {y}"')
    assert not listed_states('c.execute(f"SELECT 1 FROM t WHERE state IN {sql_states(PENDING)}")')
    assert not listed_states('c.execute("SELECT 1 FROM audit_log WHERE event IN (\'invoice.write\', \'x\')")')


def test_no_query_spells_a_set_of_states_again():
    found = [f"{module}:{line} {words}" for module, src in pos_app_sources().items() if module not in EXEMPT
             for line, words in listed_states(src)]
    assert found == []


def test_the_named_sets_are_what_the_engine_and_the_screens_count():
    assert sql_states({QueueState.QUEUED, QueueState.SUBMITTED}) == "('queued','submitted')"
    assert QL.IN_FLIGHT == QL.PENDING - {QueueState.NEEDS_ATTENTION}
    assert QL.SENT | QL.TO_SIGN <= QL.PENDING and QL.UNSENT <= QL.PENDING
    with pytest.raises(ValueError):
        sql_states([])
