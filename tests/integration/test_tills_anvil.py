"""Issue 10, finding 1: several tills of one shop on one chain never credit each other's sales.

Each till has its own database (as on separate PCs) and shares only the shop's receiving address
and the chain (a real anvil node). Prices are equal on purpose: that is where tails used to
collide. Each customer pays exactly what their till's QR asks; every payment must settle exactly
its own sale and nothing else, and a round amount that no till asked for must not be taken by
any till's "only open sale".
"""
from __future__ import annotations

import pytest
from eth_account import Account

from pos_app.shop.config import set_till
from pos_app.invoices.lifecycle import InvoiceState as S
from pos_app.core.money import Tyiyn

from .conftest import deploy_shop, fund, key, send_token_call, shop_context

pytestmark = pytest.mark.anvil


def _customers(shop, n: int) -> list[bytes]:
    keys = []
    for i in range(n):
        k = key(f"till customer {i}")
        fund(shop.node, Account.from_key(k).address)
        send_token_call(shop.node.w3, shop.customer_key,
                        shop.token.functions.transfer(Account.from_key(k).address, 10**6 * 10**6), gas=100_000)
        keys.append(k)
    return keys


@pytest.mark.parametrize("tills", [2, 3])
def test_f1_tills_on_one_chain_each_settle_exactly_their_own_sales(anvil, tmp_path, tills):
    shop = deploy_shop(anvil)
    ctxs = []
    for n in range(1, tills + 1):
        ctx = shop_context(tmp_path / f"till{n}", shop)
        set_till(ctx.store, f"{n}/{tills}")
        ctx.token_info(refresh=True)
        ctx.watcher().ensure_cursor()
        ctxs.append(ctx)
    try:
        # Two sales per till at the same price (150 som), plus one 77 som sale on the last till.
        sales = [(i, ctx.create_invoice(Tyiyn(15000))) for i, ctx in enumerate(ctxs) for _ in range(2)]
        lone = ctxs[-1].create_invoice(Tyiyn(7700))
        dues = [inv.due_base for _i, inv in sales]
        assert len(set(dues)) == len(dues), "two tills asked for the same amount"
        payers = _customers(shop, len(sales))
        for (_i, inv), k in zip(sales, payers):
            shop.pay(inv.due_base, k)
        # A 400 som transfer to the shop that no till asked for (an edited amount).
        shop.pay(400 * 10**6)
        anvil.mine(3)
        for ctx in ctxs:
            ctx.watcher().scan_once()
        for i, ctx in enumerate(ctxs):
            for owner, inv in sales:
                if owner == i:
                    got = ctx.service.get(inv.id)
                    assert got.state == S.SETTLED and got.paid_final == inv.due_base and not got.flags.labels()
                    pays = ctx.service.payments_for(inv.id)
                    assert [int(p["value"]) for p in pays] == [inv.due_base]
            # Nothing of another till's was credited here, and the 400 som waits for a person.
            credited = ctx.store.query("SELECT value FROM payments WHERE invoice_id IS NOT NULL")
            mine = sorted(inv.due_base for owner, inv in sales if owner == i)
            assert sorted(int(r["value"]) for r in credited) == mine
            assert [int(p["value"]) for p in ctx.service.unmatched()] == [400 * 10**6]
        last = ctxs[-1].service.get(lone.id)
        assert last.state == S.NEW and last.paid_seen == 0
    finally:
        for ctx in ctxs:
            ctx.close()


def test_f1_a_single_till_still_catches_an_edited_amount(anvil, tmp_path):
    """With one till the only open sale still takes a partial payment (the counter's usual case)."""
    shop = deploy_shop(anvil)
    ctx = shop_context(tmp_path, shop)
    try:
        ctx.token_info(refresh=True)
        w = ctx.watcher()
        w.ensure_cursor()
        inv = ctx.create_invoice(Tyiyn(15000))
        shop.pay(100 * 10**6)
        anvil.mine(3)
        w.scan_once()
        got = ctx.service.get(inv.id)
        assert got.paid_seen == 100 * 10**6 and got.flags.partial
    finally:
        ctx.close()
