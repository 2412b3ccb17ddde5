"""Review finding (issue 18), fixed; before the fix: one pass answered by a node a few blocks behind (another RPC URL after a fail-over, a
load-balanced public endpoint) looks like a reorg to the watcher (its newest checkpoint is above
that head). It removes every payment above an older checkpoint - FINAL ones included - and, new
with issue 18, reopens the chain-settled sale ('its payment left the network') and sends its
offline payment again. Nothing left the chain."""
from __future__ import annotations
import pytest
from pos_app.core.money import Tyiyn
from tests.integration.conftest import send_token_call, start_anvil, stop_anvil
from tests.integration.lying_node import LyingNode
from tests.integration.test_sync_anvil import Till
from tests.integration.test_evidence_anvil import invoice

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


@pytest.mark.parametrize("kind", ["online", "raw_tx"])
def test_lagging_node_reopens_settled_sale(node, liar, tmp_path, kind):
    till = Till(tmp_path, node, urls=[liar.url])
    pk = till.payer("lag payer")
    if kind == "online":
        inv = till.ctx.create_invoice(Tyiyn(4200)); item = None
        send_token_call(node.w3, pk, till.token.functions.transfer(till.merchant, inv.due_base))
    else:
        inv, item = till.accept(till.raw(pk), som=42)
    till.step(); node.mine(1); till.step()
    for _ in range(4):
        node.mine(1); till.step()
    assert invoice(till, inv.id)["state"] == "settled"
    pay = till.ctx.store.one("SELECT * FROM payments WHERE invoice_id = ?", (inv.id,))
    assert pay["status"] == "final"
    # one pass from a node LAG blocks behind (consistent with the canonical chain, only older)
    lag_head = pay["block_number"] - 1
    def lag(call):
        if call.get("method") == "eth_getBlockByNumber":
            tag = call["params"][0]
            if tag in ("latest", "finalized", "safe", "pending"):
                return {"result": liar.honest("eth_getBlockByNumber", [hex(lag_head), call["params"][1]])}
            if int(tag, 16) > lag_head:
                return {"result": None}
        return None
    events = []
    till.ctx.events.subscribe(events.append)
    liar.lie = lag
    try:
        till.step()
    except Exception as e:  # noqa
        print("step error", e)
    liar.lie = lambda call: None
    sale = invoice(till, inv.id)
    print(kind, "after lagging pass: sale", sale["state"], "reopened_at", sale["reopened_at"],
          "payment", till.ctx.store.one("SELECT status FROM payments WHERE id = ?", (pay["id"],))["status"],
          "item", None if item is None else till.row(item.id)["state"],
          "events", sorted({type(e).__name__ for e in events}))
    till.step(); node.mine(1); till.step()
    print("after honest passes", invoice(till, inv.id)["state"], None if item is None else till.path(item.id))
    assert sale["state"] == "settled" and sale["reopened_at"] is None
