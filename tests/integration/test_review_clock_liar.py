"""Review finding (issue 18), fixed; before the fix: one node answers 'latest' with a head timestamp a day in the future (everything
else honest). The watcher takes it as 'the till's clock is a day slow' and shifts every payment's
time a day back: the till's own exact payments go to the inbox, and the first one raises the twin
alarm, which then blocks settling by amount even after the node is honest again."""
from __future__ import annotations
import pytest
from pos_app.core.money import Tyiyn
from pos_app.invoices.lifecycle import InvoiceState as S
from tests.integration.conftest import start_anvil, stop_anvil
from tests.integration.lying_node import LyingNode
from tests.integration.review_harness import Shop

pytestmark = pytest.mark.anvil


@pytest.fixture
def node():
    n = start_anvil(block_time=None)
    yield n
    stop_anvil(n)


@pytest.fixture
def liar(node):
    p = LyingNode(node.port).start()
    yield p
    p.stop()


@pytest.mark.parametrize("shift", [+86400, -3 * 86400])
def test_lying_head_timestamp(node, liar, tmp_path, shift):
    shop = Shop(node, tmp_path)
    t = shop.till("t", "1/1", urls=[liar.url])

    def lie(call):
        if call.get("method") == "eth_getBlockByNumber" and call["params"][0] == "latest":
            b = liar.honest("eth_getBlockByNumber", call["params"])
            b["timestamp"] = hex(int(b["timestamp"], 16) + shift)
            liar.count("head_lie")
            return {"result": b}
        return None
    liar.lie = lie
    c = shop.customer("clock customer")
    shop.settle(2)                            # the watcher has measured the 'clock' by now
    sale = t.create_invoice(Tyiyn(10000))
    shop.pay(c, sale.due_base)                # the exact amount, online, right away
    shop.settle(3)
    p = t.store.query("SELECT matched_by, invoice_id, till_time, block_time, hint_invoice_id FROM payments")
    print("skew", t.test_watcher.skew, "payments", p, "alarm", t.service.twin_alarm())
    liar.lie = lambda call: None             # the node is honest again
    sale2 = t.create_invoice(Tyiyn(5000))
    shop.pay(c, sale2.due_base)
    shop.settle(3)
    print("after honest: skew", t.test_watcher.skew, t.store.query("SELECT id, matched_by, invoice_id FROM payments"))
    print("sale1", t.service.get(sale.id).state, "sale2", t.service.get(sale2.id).state)
    bad = []
    if t.service.get(sale.id).state != S.SETTLED:
        bad.append("sale 1 (paid exactly) not settled")
    if t.service.get(sale2.id).state != S.SETTLED:
        bad.append("sale 2 (paid exactly, node honest again) not settled")
    shop.close()
    assert not bad, bad
