"""Review finding (issue 18), fixed; before the fix: an exchange that deducts a whole-som fee from a withdrawal keeps the sale's tail;
at a ONE-till shop that is taken for a twin till: the payment goes to the inbox (not to the only
open sale), and a twin alarm stops settling by amount for every later sale."""
from __future__ import annotations
import time
import pytest
from pos_app.app.context import AppContext
from pos_app.chain import demo_constants as A
from pos_app.chain.profiles import DEMO_CHAIN_ID
from pos_app.core.money import Tyiyn
from pos_app.invoices.model import Transfer

pytestmark = pytest.mark.anvil

EXCHANGE = "0x86cB1e7F0Bb2C0B36fFb5EdE6b9b61d7cc0aaA5F"


@pytest.fixture
def ctx(tmp_path):
    c = AppContext(tmp_path / "shop")
    c.token_info()
    yield c
    c.close()


def pay(ctx, n, value):
    pid, _ = ctx.service.record_transfer(Transfer(
        chain_id=DEMO_CHAIN_ID, token=A.DEMO_TOKEN_ADDRESS, tx_hash="0x" + f"{n:064x}", log_index=0,
        block_number=100 + n, block_hash="0x" + f"{n + 1000:064x}", block_time=int(time.time()),
        payer=EXCHANGE, payee=A.DEMO_MERCHANT, value=value))
    return ctx.service.payment(pid)


def test_exchange_fee_deducted_keeps_tail_and_raises_twin_alarm(ctx):
    unit = 10 ** (ctx.token_info().decimals - 2)
    sale = ctx.create_invoice(Tyiyn(10000))              # 100 som, asks 100.000001 (one-till shop)
    assert ctx.service.till().count == 1
    # the customer types the QR amount in the exchange; the exchange keeps a 0.40 som fee
    p = pay(ctx, 1, sale.due_base - 40 * unit)           # 99.600001
    print("matched_by", p["matched_by"], "invoice", p["invoice_id"], "alarm", ctx.service.twin_alarm())
    # what the docs promise: a one-till shop's only open sale takes a short/rounded exchange payment
    assert p["invoice_id"] == sale.id, f"went to {p['matched_by']}"


def test_after_false_alarm_next_exact_payment_is_not_settled(ctx):
    unit = 10 ** (ctx.token_info().decimals - 2)
    s1 = ctx.create_invoice(Tyiyn(10000))
    pay(ctx, 1, s1.due_base + 1000 * unit)               # 110.000001: customer adds a 10 som tip
    s2 = ctx.create_invoice(Tyiyn(5000))
    p2 = pay(ctx, 2, s2.due_base)                        # exact amount of the next sale
    print("alarm", ctx.service.twin_alarm(), "p2", p2["matched_by"])
    assert p2["invoice_id"] == s2.id, f"exact payment of sale 2 went to {p2['matched_by']}"
