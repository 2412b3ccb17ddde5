"""Unique on-chain amounts and matching a transfer to its invoice."""
import pytest
from hypothesis import given, strategies as st

from pos_app.core.errors import BadInput
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


# -- several tills on one shop address (issue 10, finding 1) ----------------------------------
from pos_app.invoices.matching import TillSlot  # noqa: E402


@given(st.integers(3, 36), st.integers(2, 5), st.lists(st.integers(1, 50), min_size=1, max_size=30))
def test_f1_tills_of_one_shop_never_allocate_the_same_amount(decimals, count, som_amounts):
    """Each till allocates on its own (no shared database): their amounts still never collide."""
    scheme = TailScheme.for_decimals(decimals)
    per_till: list[set[int]] = [set() for _ in range(count)]
    for i, som in enumerate(som_amounts):
        till = i % count
        base = som * 10 ** (decimals - 2)
        try:
            tail = allocate_tail(base, scheme, per_till[till], TillSlot(till + 1, count))
        except BadInput:
            continue
        due = base + tail * scheme.unit
        assert scheme.tail_of(due, decimals) == tail
        assert TillSlot(till + 1, count).owns(tail)
        for other in range(count):
            if other != till:
                assert due not in per_till[other]
                assert not TillSlot(other + 1, count).owns(tail)
        per_till[till].add(due)


def test_f1_a_transfer_with_another_tills_tail_is_that_tills_business():
    scheme = TailScheme.for_decimals(6)
    a, b = TillSlot(1, 2), TillSlot(2, 2)
    base = 15000 * 10**4
    due_a = base + allocate_tail(base, scheme, set(), a) * scheme.unit
    due_b = base + allocate_tail(base, scheme, set(), b) * scheme.unit
    assert due_a != due_b
    # Till A has one open invoice; the customer of till B pays B's amount: A must not take it.
    cands = [cand(1, due_a, amount=base)]
    m = match_transfer(due_b, 100, cands, slot=a, scheme=scheme, decimals=6)
    assert (m.invoice_id, m.method) == (None, "other_till")
    # A round amount (no tail) cannot be attributed with several tills: the inbox, not the sole sale.
    m = match_transfer(400 * 10**6, 100, cands, slot=a, scheme=scheme, decimals=6)
    assert (m.invoice_id, m.method) == (None, "none")
    # The single-till rule still holds for a single till.
    assert match_transfer(400 * 10**6, 100, cands, slot=TillSlot(), scheme=scheme, decimals=6).method == "sole"
    assert match_transfer(due_a, 100, cands, slot=a, scheme=scheme, decimals=6).invoice_id == 1


def test_f1_a_token_without_room_for_a_tail_cannot_be_shared_by_tills():
    with pytest.raises(BadInput, match="tell tills apart"):
        allocate_tail(15000, TailScheme.for_decimals(2), set(), TillSlot(1, 2))
    assert allocate_tail(15000, TailScheme.for_decimals(2), set(), TillSlot()) == 0


@pytest.mark.parametrize("number,count", [(0, 1), (2, 1), (1, 0), (1, 21), (-1, 2)])
def test_f1_till_slot_is_validated(number, count):
    with pytest.raises(BadInput):
        TillSlot(number, count)


def test_f1_tills_share_the_tail_room_fairly():
    scheme = TailScheme.for_decimals(6)
    sizes = [len(TillSlot(k, 3).tails(scheme)) for k in (1, 2, 3)]
    assert sum(sizes) == scheme.max_tail and max(sizes) - min(sizes) <= 1
