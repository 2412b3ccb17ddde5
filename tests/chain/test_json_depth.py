"""``chain.guard.json_depth`` bounds a node's answer before it is parsed. Its fast path (answers
without escapes, i.e. every hex answer a node gives) must say exactly what the full scan says."""
from __future__ import annotations

import json
import re
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from pos_app.chain.guard import json_depth

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def slow_depth(raw: bytes) -> int:
    """The full scan, as json_depth was before the fast path."""
    brackets = bytes(b for b in _STRING.sub(b"", raw) if b in b"[]{}")
    return max(0, max(accumulate(_STEP[b] for b in brackets))) if brackets else 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='ab[]{}"\\ x', max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(alphabet="ab[]{}", max_size=4), inner,
                                                                 max_size=4),
    max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(json_values)
def test_valid_json_depth_agrees_with_the_full_scan(value):
    raw = json.dumps(value).encode()
    assert json_depth(raw) == slow_depth(raw)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=64).map(lambda b: bytes(c for c in b if c != 0x5C)) |
       st.text(alphabet='[]{}"ab', max_size=40).map(str.encode))
def test_garbage_without_escapes_agrees_with_the_full_scan(raw):
    assert json_depth(raw) == slow_depth(raw)


def test_examples():
    assert json_depth(b'{"result": [{"topics": ["0x1", "0x2"]}]}') == 4
    assert json_depth(b'{"a": "[[[[", "b": [1]}') == 2             # brackets in strings do not count
    assert json_depth(b'{"a": "\\"[[[", "b": [1]}') == 2           # nor after an escaped quote
    assert json_depth(b"[" * 1000 + b"]" * 1000) == 1000
    assert json_depth(b'"[[[') == 3                                  # unterminated: may over-count
