"""Unique on-chain amounts and matching a transfer to its invoice."""
import pytest
from hypothesis import given, strategies as st

from pos_app.errors import BadInput
from pos_app.invoices.lifecycle import InvoiceState as S, LATE_WATCH_SECONDS
from pos_app.invoices.matching import Candidate, TailScheme, allocate_tail, match_transfer


@pytest.mark.parametrize("decimals,unit,max_tail", [
    (18, 10**12, 9999), (6, 1, 9999), (8, 100, 9999), (4, 1, 99), (3, 1, 9), (2, 0, 0), (0, 0, 0)])
def test_tail_scheme_stays_below_one_tyiyn(decimals, unit, max_tail):
    s = TailScheme.for_decimals(decimals)
    assert (s.unit, s.max_tail) == (unit, max_tail)
    if decimals > 2:
        assert s.unit * s.max_tail < 10 ** (decimals - 2)


@given(st.integers(3, 36), st.lists(st.integers(1, 10**6), min_size=1, max_size=40))
def test_allocated_amounts_are_unique(decimals, som_amounts):
    scheme = TailScheme.for_decimals(decimals)
    taken: set[int] = set()
    for som in som_amounts:
        base = som * 10 ** (decimals - 2)
        try:
            tail = allocate_tail(base, scheme, taken)
        except BadInput:
            assert scheme.max_tail < len(som_amounts)
            continue
        due = base + tail * scheme.unit
        assert due not in taken and 1 <= tail <= scheme.max_tail
        taken.add(due)


def test_allocation_exhaustion_is_a_clear_error():
    scheme = TailScheme.for_decimals(3)
    taken = {1000 + t for t in range(1, 10)}
    with pytest.raises(BadInput, match="Too many open invoices"):
        allocate_tail(1000, scheme, taken)


def cand(id, due, amount=None, state=S.NEW, paid=0, created=0, expires=900):
    return Candidate(id, state, due, amount if amount is not None else due - 1, paid, created, expires)


def test_exact_amount_wins_even_with_several_open():
    cands = [cand(1, 1001), cand(2, 1002), cand(3, 2001)]
    assert match_transfer(1002, 100, cands).invoice_id == 2
    assert match_transfer(1002, 100, cands).method == "exact"


def test_other_amount_goes_to_the_sole_unpaid_invoice():
    cands = [cand(1, 1001, state=S.SETTLED, paid=1001), cand(2, 2001)]
    m = match_transfer(500, 100, cands)
    assert (m.invoice_id, m.method) == (2, "sole")


def test_ambiguous_payment_is_unmatched():
    m = match_transfer(500, 100, [cand(1, 1001), cand(2, 2001)])
    assert m.invoice_id is None and m.method == "none"


def test_outside_watch_window_or_invalid_is_not_matched():
    assert match_transfer(1001, 900 + LATE_WATCH_SECONDS + 1, [cand(1, 1001)]).invoice_id is None
    assert match_transfer(1001, 100, [cand(1, 1001, state=S.INVALID)]).invoice_id is None
    # Late but within 24 h: still matched.
    assert match_transfer(1001, 900 + 3600, [cand(1, 1001, state=S.EXPIRED)]).invoice_id == 1


def test_duplicate_exact_without_tail_prefers_unpaid():
    cands = [cand(1, 1000, amount=1000, state=S.SETTLED, paid=1000), cand(2, 1000, amount=1000)]
    assert match_transfer(1000, 100, cands).invoice_id == 2
