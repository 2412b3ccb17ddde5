"""What the cashier must see at the counter, on a real in-process EVM: received so far, still due
(asked again by its own amount, on the same invoice), change to give, and charging a sale again.

Transfers are real token transfers on the demo chain (eth-tester + py-evm) seen by the real
watcher; nothing stands in for the matching or the invoice service.
"""
from __future__ import annotations

import pytest

from pos_app.app.demo import accounts as A
from pos_app.core.errors import BadInput
from pos_app.core.money import Tyiyn
from pos_app.invoices.lifecycle import InvoiceState as S
from pos_app.invoices.matching import TailScheme, TillSlot
from pos_app.invoices.service import InvoiceService
from pos_app.shop.config import set_till

UNIT = 10**4  # base units per tyiyn for the 6-decimal demo token
SOM = 100 * UNIT


@pytest.fixture
def watcher(ctx):
    w = ctx.watcher()
    w.ensure_cursor()
    return w


def settle(chain, watcher) -> None:
    chain.mine(2)
    watcher.scan_once()


def test_partial_payment_shows_received_and_still_due_and_the_rest_is_asked_on_the_same_invoice(chain, ctx, watcher):
    sale = ctx.create_invoice(Tyiyn(15000))                      # 150 som
    chain.pay("Aigul", A.MERCHANT, 50 * SOM)                     # the sole open sale takes any amount
    settle(chain, watcher)
    part = ctx.service.get(sale.id)
    assert part.state == S.NEW and part.flags.partial
    assert (part.received_tyiyn, part.still_due_tyiyn, part.change_tyiyn) == (5000, 10000, 0)
    # The QR now asks the rest, 100 som, with its own tail: a unique amount, not the old price.
    assert part.rest_base is not None and part.asked_base == part.rest_base
    assert part.rest_base // UNIT == 10000 and part.rest_base % UNIT != 0
    assert part.request().amount_base == part.rest_base
    assert part.rest_base != sale.due_base
    # Another sale opens meanwhile (the sole-sale rule is off now): the rest still lands here.
    other = ctx.create_invoice(Tyiyn(10000))
    assert other.due_base != part.rest_base                      # the rest's amount is reserved
    chain.pay("Aigul", A.MERCHANT, part.asked_base)
    settle(chain, watcher)
    paid = ctx.service.get(sale.id)
    assert paid.state == S.SETTLED and not paid.flags.partial and not paid.flags.over
    assert (paid.received_tyiyn, paid.still_due_tyiyn, paid.change_tyiyn) == (15000, 0, 0)
    assert [p["matched_by"] for p in ctx.service.payments_for(sale.id)] == ["sole", "exact"]
    assert ctx.service.get(other.id).state == S.NEW and ctx.service.unmatched() == []
    assert paid.asked_base == paid.due_base                      # nothing is asked any more


def test_a_second_partial_payment_asks_the_new_rest(chain, ctx, watcher):
    sale = ctx.create_invoice(Tyiyn(15000))
    chain.pay("Bakyt", A.MERCHANT, 50 * SOM)
    settle(chain, watcher)
    first = ctx.service.get(sale.id)
    chain.pay("Bakyt", A.MERCHANT, 30 * SOM + 502)               # an odd amount below one tyiyn too
    settle(chain, watcher)
    second = ctx.service.get(sale.id)
    assert second.still_due_tyiyn == 7000 and second.received_tyiyn == 8000
    assert second.rest_base != first.rest_base and second.rest_base // UNIT == 7000
    chain.pay("Bakyt", A.MERCHANT, second.asked_base)
    settle(chain, watcher)
    done = ctx.service.get(sale.id)
    assert done.state == S.SETTLED and done.change_tyiyn == 0 and done.still_due_tyiyn == 0


def test_overpayment_shows_the_change_to_give(chain, ctx, watcher):
    sale = ctx.create_invoice(Tyiyn(15000))
    chain.pay("Cholpon", A.MERCHANT, sale.amount_base + 10 * SOM)   # an amount typed by hand: whole tyiyn
    settle(chain, watcher)
    got = ctx.service.get(sale.id)
    assert got.state == S.SETTLED and got.flags.over
    assert (got.received_tyiyn, got.still_due_tyiyn, got.change_tyiyn) == (16000, 0, 1000)


def test_paying_the_full_price_again_after_a_part_gives_that_part_back(chain, ctx, watcher):
    sale = ctx.create_invoice(Tyiyn(15000))
    chain.pay("Aigul", A.MERCHANT, 50 * SOM)
    settle(chain, watcher)
    chain.pay("Aigul", A.MERCHANT, sale.due_base)                # the old QR scanned again
    settle(chain, watcher)
    got = ctx.service.get(sale.id)
    assert got.state == S.SETTLED and got.change_tyiyn == 5000 and got.received_tyiyn == 20000


def test_with_several_tills_the_rest_is_matched_by_this_tills_tail(chain, ctx, watcher):
    set_till(ctx.store, "2/3")
    sale = ctx.create_invoice(Tyiyn(15000))
    other = ctx.create_invoice(Tyiyn(15000))
    chain.pay("Aigul", A.MERCHANT, 50 * SOM)                     # no tail: no till can claim it
    settle(chain, watcher)
    [pay] = ctx.service.unmatched()
    ctx.service.assign_payment(pay["id"], sale.id, actor="aida")  # the cashier decides
    part = ctx.service.get(sale.id)
    tail = (part.rest_base % UNIT) // TailScheme.for_decimals(6).unit
    assert part.still_due_tyiyn == 10000 and TillSlot(2, 3).owns(tail)
    chain.pay("Aigul", A.MERCHANT, part.asked_base)
    settle(chain, watcher)
    assert ctx.service.get(sale.id).state == S.SETTLED
    assert ctx.service.get(other.id).state == S.NEW and ctx.service.unmatched() == []


def test_charge_again_reopens_an_expired_sale_with_a_fresh_expiry_audited(chain, ctx, watcher):
    clock = [1_800_000_000.0]
    svc = InvoiceService(ctx.store, events=ctx.events, clock=lambda: clock[0])
    sale = svc.create(Tyiyn(5000), chain_id=ctx.config.network.chain_id, token=A.DEMO_TOKEN_ADDRESS,
                      merchant=A.MERCHANT, decimals=6, expiry_seconds=60)
    clock[0] += 120
    assert svc.expire_due()[0].state == S.EXPIRED
    again = svc.charge_again(sale.id, actor="aida")
    assert again.state == S.NEW and again.expires_at == int(clock[0]) + 15 * 60
    assert again.id == sale.id and again.due_base == sale.due_base      # the same sale, the same QR
    assert [(h["from_state"], h["to_state"], h["reason"]) for h in svc.history(sale.id)][-1] == (
        "expired", "new", "charged again by aida")
    audit = ctx.store.query("SELECT actor, event, subject FROM audit_log WHERE event = 'charge_again'")
    assert audit == [{"actor": "aida", "event": "charge_again", "subject": f"invoice:{sale.id}"}]
    # Asking again while it waits only moves the expiry on, with a line in its story.
    clock[0] += 60
    assert svc.charge_again(sale.id, actor="aida").expires_at == int(clock[0]) + 15 * 60
    assert svc.history(sale.id)[-1]["reason"] == "charged again by aida"
    # More than a day later it is refused, and nothing changes.
    clock[0] += 25 * 3600
    before = svc.get(sale.id)
    with pytest.raises(BadInput):
        svc.charge_again(sale.id, actor="aida")
    assert svc.get(sale.id) == before


def test_charge_again_on_a_partly_paid_expired_sale_asks_the_rest(chain, ctx, watcher):
    sale = ctx.create_invoice(Tyiyn(15000))
    chain.pay("Aigul", A.MERCHANT, 50 * SOM)
    settle(chain, watcher)
    ctx.store.execute("UPDATE invoices SET expires_at = created_at - 1 WHERE id = ?", (sale.id,))
    ctx.service.expire_due()
    expired = ctx.service.get(sale.id)
    assert expired.state == S.EXPIRED and expired.rest_open and expired.still_due_tyiyn == 10000
    again = ctx.service.charge_again(sale.id, actor="cashier")
    assert again.state == S.NEW and again.asked_base == expired.rest_base
    chain.pay("Aigul", A.MERCHANT, again.asked_base)
    settle(chain, watcher)
    done = ctx.service.get(sale.id)
    assert done.state == S.SETTLED and not done.flags.late and done.still_due_tyiyn == 0


@pytest.mark.parametrize("finish", ["settled", "invalid"])
def test_charge_again_refuses_a_finished_sale_and_changes_nothing(chain, ctx, watcher, finish):
    sale = ctx.create_invoice(Tyiyn(5000))
    if finish == "settled":
        chain.pay("Aigul", A.MERCHANT, sale.due_base)
        settle(chain, watcher)
    else:
        ctx.service.mark(sale.id, S.INVALID, actor="aida", reason="customer left")
    before = ctx.service.get(sale.id)
    audit = ctx.store.query("SELECT count(*) AS n FROM audit_log")[0]["n"]
    with pytest.raises(BadInput):
        ctx.service.charge_again(sale.id, actor="aida")
    assert ctx.service.get(sale.id) == before
    assert ctx.store.query("SELECT count(*) AS n FROM audit_log")[0]["n"] == audit
