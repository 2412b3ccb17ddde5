"""Which sale a payment belongs to, as one table (issue 18; docs/architecture.md "Which sale a
payment belongs to").

Each row is a situation a till meets and the one answer the rule set must give. The rules are
ordered by the strength of their evidence: a held offline payment (its transaction hash, the
authorization's identity, the same signed transaction number) > an amount a sale of this till
asked > the amount's tail > the only open sale. A weaker rule never speaks once a stronger one
has: the table has a row for each place where the weaker rule alone would credit another sale.
"""
from __future__ import annotations

import pytest

from pos_app.invoices.lifecycle import InvoiceState as S
from pos_app.invoices.matching import (
    Candidate, Evidence, Held, TailScheme, TillSlot, attribute, match_transfer,
)

DEC = 6
SCHEME = TailScheme.for_decimals(DEC)
SOM = 10**DEC
AT = 10_000


def sale(id_: int, som: int, tail: int, *, state=S.NEW, paid: int = 0, offline=False, rest: int | None = None,
         created=AT - 60, expires=AT + 840, short=0) -> Candidate:
    return Candidate(id_, state, som * SOM + tail, som * SOM, paid, created, expires, rest, offline, short)


X = sale(1, 100, 1)                                  # a sale asking 100.000001
Y = sale(2, 80, 1)                                   # the next customer's sale, 80.000001
PAID = sale(3, 240, 1, state=S.SETTLED, paid=240 * SOM + 1, rest=120 * SOM + 1)
OFFLINE = sale(4, 300, 1, offline=True)              # paid by a signed payment this till holds
CANCELLED = sale(5, 50, 1, state=S.INVALID)
PART = sale(6, 150, 1, paid=50 * SOM, rest=100 * SOM + 1)
HELD = Held(item_id=9, invoice_id=4, how="offline")

ONE = TillSlot(1, 1)
FIRST_OF_TWO = TillSlot(1, 2)

# (name, evidence, slot, twin alarm) -> (invoice, method, hint)
TABLE = [
    # 1. Held: the strongest evidence, whatever else speaks.
    ("held tx hash beats an open sale asking the same amount",
     Evidence(300 * SOM + 1, AT, HELD, asked=(X,), open_unpaid=(Y,)), ONE, False, (4, "offline", None)),
    ("held authorization identity, sent by another till",
     Evidence(300 * SOM + 1, AT, Held(9, 4, "authorization")), FIRST_OF_TWO, False, (4, "authorization", None)),
    ("held: the customer's wallet sent the same number again",
     Evidence(300 * SOM + 1, AT, Held(9, 4, "replaced"), open_unpaid=(Y,)), ONE, True, (4, "replaced", None)),
    # 2. Asked: a sale of this till asked exactly this amount.
    ("asked by a waiting sale", Evidence(100 * SOM + 1, AT, asked=(X,), open_unpaid=(X, Y)), ONE, False,
     (1, "exact", None)),
    ("the rest asked by a part-paid sale", Evidence(100 * SOM + 1, AT, asked=(PART,)), FIRST_OF_TWO, False,
     (6, "exact", None)),
    ("asked by a sale already paid in full (an old rest): inbox with a hint, never change (point 6)",
     Evidence(120 * SOM + 1, AT, asked=(PAID,), open_unpaid=(Y,)), ONE, False, (None, "none", 3)),
    ("asked by a sale paid offline: inbox with a hint, never the next sale (point 2)",
     Evidence(300 * SOM + 1, AT, asked=(OFFLINE,), open_unpaid=(Y,)), ONE, False, (None, "none", 4)),
    ("asked by a cancelled sale: that customer's money, inbox",
     Evidence(50 * SOM + 1, AT, asked=(CANCELLED,), open_unpaid=(Y,)), ONE, False, (None, "none", 5)),
    ("asked, but another till uses this number: settling by amount stops (point 5)",
     Evidence(100 * SOM + 1, AT, asked=(X,)), ONE, True, (None, "none", 1)),
    # 3. Tail.
    ("another till's tail", Evidence(250 * SOM + 2, AT, open_unpaid=(X,)), FIRST_OF_TWO, False,
     (None, "other_till", None)),
    ("this till's tail, asked by an older sale out of its window: inbox with the hint, never the sole sale",
     Evidence(100 * SOM + 1, AT, asked_before=7, open_unpaid=(Y,)), ONE, False, (None, "none", 7)),
    ("this till's first tails on an amount it never asked: a twin (point 5)",
     Evidence(250 * SOM + 1, AT, open_unpaid=(Y,)), ONE, False, (None, "twin", None)),
    ("a twin for till 1 of 2 too", Evidence(250 * SOM + 3, AT), FIRST_OF_TWO, False, (None, "twin", None)),
    ("a tip typed on the request keeps its tail: the one open sale asking with it takes it",
     Evidence(110 * SOM + 1, AT, open_unpaid=(X,), same_tail=(X,)), ONE, False, (1, "edited", None)),
    ("an exchange kept its fee from the request's amount: that sale's, part paid",
     Evidence(99 * SOM + 600_001, AT, open_unpaid=(X, Y), same_tail=(X,)), ONE, False, (1, "edited", None)),
    ("at a shop with several tills too", Evidence(99 * SOM + 600_001, AT, same_tail=(X,)), FIRST_OF_TWO, False,
     (1, "edited", None)),
    ("this till's tail far from the open sale asking with it: a twin's price",
     Evidence(250 * SOM + 1, AT, open_unpaid=(X,), same_tail=(X,)), ONE, False, (None, "twin", None)),
    ("a changed request while another till uses this number: inbox with the hint",
     Evidence(110 * SOM + 1, AT, same_tail=(X,)), ONE, True, (None, "none", 1)),
    ("an odd tail no till hands out early is no twin's: the sole sale takes it",
     Evidence(30 * SOM + 502, AT, open_unpaid=(Y,)), ONE, False, (2, "sole", None)),
    # 4. Sole: one till, one open unpaid sale, nothing stronger spoke.
    ("a round amount at a one-till shop goes to its only open sale (an exchange, a part)",
     Evidence(80 * SOM, AT, open_unpaid=(Y,)), ONE, False, (2, "sole", None)),
    ("a round amount with two open sales: inbox", Evidence(80 * SOM, AT, open_unpaid=(X, Y)), ONE, False,
     (None, "none", None)),
    ("a round amount at a shop with several tills: inbox", Evidence(80 * SOM, AT, open_unpaid=(Y,)),
     FIRST_OF_TWO, False, (None, "none", None)),
    ("a round amount while another till uses this number: inbox", Evidence(80 * SOM, AT, open_unpaid=(Y,)),
     ONE, True, (None, "none", None)),
    ("nothing open: inbox", Evidence(80 * SOM, AT), ONE, False, (None, "none", None)),
]


@pytest.mark.parametrize("name, evidence, slot, twin, want", TABLE, ids=[row[0] for row in TABLE])
def test_attribution_table(name, evidence, slot, twin, want):
    m = attribute(evidence, slot=slot, scheme=SCHEME, decimals=DEC, twin_alarm=twin)
    assert (m.invoice_id, m.method, m.hint) == want


def test_each_rule_is_needed_the_table_fails_without_it():
    """Mutations of the rule set the table must catch: evidence ignored, or a weaker rule first."""
    import pos_app.invoices.matching as M

    def failures(fn) -> int:
        return sum((lambda m: (m.invoice_id, m.method, m.hint))(fn(ev, slot=slot, scheme=SCHEME, decimals=DEC,
                                                                     twin_alarm=twin)) != want
                   for _name, ev, slot, twin, want in TABLE)

    def no_held(ev, **kw):
        return M.attribute(Evidence(ev.value, ev.at, None, ev.asked, ev.asked_before, ev.open_unpaid), **kw)

    def sole_first(ev, **kw):
        if len(ev.open_unpaid) == 1 and ev.held is None and not kw["slot"].shared:
            return M.Match(ev.open_unpaid[0].id, "sole")
        return M.attribute(ev, **kw)

    def no_twins(ev, **kw):
        return M.attribute(ev, **{**kw, "twin_alarm": False})

    assert failures(M.attribute) == 0
    assert failures(no_held) >= 3
    assert failures(sole_first) >= 4
    assert failures(no_twins) >= 2

    def no_edits(ev, **kw):
        return M.attribute(Evidence(ev.value, ev.at, ev.held, ev.asked, ev.asked_before, ev.open_unpaid), **kw)

    assert failures(no_edits) >= 4


def test_match_transfer_sorts_a_plain_list_into_the_same_evidence():
    """The convenience over a list of sales: the watch window and 'open when it was made' applied."""
    late = sale(8, 100, 1, created=AT + 500)          # charged after the transfer: cannot be its sale
    m = match_transfer(80 * SOM, AT, [Y, late], slot=ONE, scheme=SCHEME, decimals=DEC)
    assert (m.invoice_id, m.method) == (2, "sole")
    old = sale(9, 100, 1, created=AT - 3 * 86400, expires=AT - 2 * 86400)   # out of its watch window
    m = match_transfer(100 * SOM + 1, AT, [old, Y], slot=ONE, scheme=SCHEME, decimals=DEC, asked_before=9)
    assert (m.invoice_id, m.method, m.hint) == (None, "none", 9)
