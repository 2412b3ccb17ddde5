"""The invoice lifecycle: the transition table checked exhaustively, and status derivation."""
import itertools

import pytest

from pos_app.core.errors import IllegalTransition
from pos_app.invoices.lifecycle import (
    TRANSITIONS, InvoiceState as S, PaymentView, check_transition, derive_status,
)

# The specification, written independently of the table in the module.
ALLOWED = {
    (S.NEW, S.PROCESSING), (S.NEW, S.SETTLED), (S.NEW, S.EXPIRED), (S.NEW, S.INVALID),
    (S.PROCESSING, S.SETTLED), (S.PROCESSING, S.NEW), (S.PROCESSING, S.EXPIRED), (S.PROCESSING, S.INVALID),
    (S.EXPIRED, S.PROCESSING), (S.EXPIRED, S.SETTLED), (S.EXPIRED, S.INVALID), (S.EXPIRED, S.NEW),
    (S.INVALID, S.SETTLED),
    # Only the chain takes a settlement back, when the final money it settled on is gone (issue 18, 9).
    (S.SETTLED, S.PROCESSING), (S.SETTLED, S.NEW), (S.SETTLED, S.EXPIRED),
}


@pytest.mark.parametrize("a,b", list(itertools.product(S, S)))
def test_every_pair_follows_the_specification(a, b):
    if a == b or (a, b) in ALLOWED:
        check_transition(a, b)
    else:
        with pytest.raises(IllegalTransition) as e:
            check_transition(a, b)
        assert a.value in e.value.user_message and b.value in e.value.user_message


def test_table_has_no_extra_edges():
    edges = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}
    assert edges == ALLOWED
    assert S.INVALID not in TRANSITIONS[S.SETTLED]


UNIT = 10**4  # base units per tyiyn (6 decimals)
AMOUNT = 15000 * UNIT  # 150 som
EXP = 1_000


def status(payments, now=500, current=S.NEW, reopen=False):
    return derive_status(current=current, amount_base=AMOUNT, tyiyn_unit=UNIT, expires_at=EXP,
                         payments=payments, now=now, reopen=reopen)


def test_unpaid_is_new_then_expired():
    assert status([]).state == S.NEW
    assert status([], now=EXP).state == S.EXPIRED


def test_full_payment_seen_is_processing_and_final_is_settled():
    tail = 1
    s = status([PaymentView(AMOUNT + tail, 400, False)])
    assert s.state == S.PROCESSING and s.flags.labels() == []
    s = status([PaymentView(AMOUNT + tail, 400, True)])
    assert s.state == S.SETTLED and s.paid_final == AMOUNT + tail


def test_partial_payment_keeps_new_with_flag_and_expires_partial():
    s = status([PaymentView(AMOUNT // 2, 400, True)])
    assert s.state == S.NEW and s.flags.partial and not s.flags.over
    s = status([PaymentView(AMOUNT // 2, 400, True)], now=EXP + 1)
    assert s.state == S.EXPIRED and s.flags.partial


def test_two_partials_complete_the_invoice():
    s = status([PaymentView(AMOUNT // 2, 400, True), PaymentView(AMOUNT - AMOUNT // 2, 450, True)])
    assert s.state == S.SETTLED and not s.flags.partial


def test_overpayment_flag_only_from_a_whole_tyiyn():
    assert not status([PaymentView(AMOUNT + UNIT - 1, 400, True)]).flags.over
    s = status([PaymentView(AMOUNT + UNIT, 400, True)])
    assert s.flags.over and s.state == S.SETTLED


def test_late_payment_flag_and_expired_to_processing():
    s = status([PaymentView(AMOUNT, EXP + 10, False)], now=EXP + 20, current=S.EXPIRED)
    assert s.state == S.PROCESSING and s.flags.late
    # Paid in time but noticed after expiry (catch-up): not late.
    s = status([PaymentView(AMOUNT, EXP - 10, True)], now=EXP + 3600, current=S.EXPIRED)
    assert s.state == S.SETTLED and not s.flags.late


def test_reorg_returns_processing_to_new_or_expired():
    assert status([], now=10, current=S.PROCESSING).state == S.NEW
    assert status([], now=EXP + 1, current=S.PROCESSING).state == S.EXPIRED


def test_settled_and_invalid_are_not_moved_automatically():
    assert status([], now=EXP + 1, current=S.SETTLED).state == S.SETTLED
    s = status([PaymentView(AMOUNT, 400, True)], current=S.INVALID)
    assert s.state == S.INVALID and s.paid_final == AMOUNT


def test_no_state_is_terminal_for_the_chain_and_the_lifecycle_says_so():
    from pos_app.invoices.lifecycle import LIFECYCLE
    assert LIFECYCLE.terminal == set()
    assert LIFECYCLE.edges() == ALLOWED


def test_a_sale_the_chain_settled_reopens_when_its_final_money_leaves_the_chain():
    """Issue 18, 9: a reorg deeper than finality (or a lying 'finalized' tag) took its payment."""
    assert status([], now=EXP + 1, current=S.SETTLED, reopen=True).state == S.EXPIRED
    assert status([], now=10, current=S.SETTLED, reopen=True).state == S.NEW
    # The payment was seen again in another block, not final yet: processing, not settled.
    assert status([PaymentView(AMOUNT, 400, False)], now=EXP + 1, current=S.SETTLED, reopen=True).state \
        == S.PROCESSING
    # Still final and covering the sale: nothing moves. A cashier's settlement is never reopened.
    assert status([PaymentView(AMOUNT, 400, True)], now=EXP + 1, current=S.SETTLED, reopen=True).state \
        == S.SETTLED
    assert status([], now=EXP + 1, current=S.SETTLED, reopen=False).state == S.SETTLED


def test_an_expired_invoice_never_reopens_by_itself_when_the_clock_goes_back():
    """Only a cashier's "charge again" moves expired -> new (InvoiceService.charge_again)."""
    s = status([], now=EXP - 600, current=S.EXPIRED)
    assert s.state == S.EXPIRED
    assert status([PaymentView(AMOUNT // 2, EXP - 700, False)], now=EXP - 600, current=S.EXPIRED).state == S.EXPIRED
