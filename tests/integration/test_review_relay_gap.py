"""Review finding (issue 18), fixed; before the fix: a relay number reserved by an authorization whose first relay was refused is never
filled when that authorization is then relayed by someone else (the customer, another till): the
item follows the other transaction to final but keeps holding the number, the gap is never filled,
and every later authorization waits behind it until its validBefore, then ends 'expired'."""
from __future__ import annotations
import json, time
import pytest
from eth_account import Account
from pos_app.offline.lifecycle import QueueState as Q
from tests.integration.conftest import key, send_token_call, start_anvil, stop_anvil, fund
from tests.integration.lying_node import LyingNode
from tests.integration.test_sync_anvil import Till

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


def test_gap_left_by_an_authorization_relayed_elsewhere(node, liar, tmp_path):
    till = Till(tmp_path, node, urls=[liar.url])
    pa, pb = till.payer("g payer a"), till.payer("g payer b")
    till.step()
    relay_before = till.relay_nonce()
    inv_a, a = till.accept(till.auth(pa, "transferWithAuthorization"), som=11)
    inv_b, b = till.accept(till.auth(pb, "transferWithAuthorization"), som=12)
    ap = json.loads(till.row(a.id)["payload"])
    a_nonce = ap["nonce"][2:].lower()
    refused = []

    def refuse_first_relay_of_a(call):
        if call.get("method") == "eth_sendRawTransaction" and a_nonce in str(call["params"][0]).lower() \
                and not refused:
            refused.append(1)
            return {"error": {"code": -32000, "message": "transaction underpriced"}}
        return None
    liar.lie = refuse_first_relay_of_a
    till.step()
    print("after first pass", till.dump())
    assert refused and till.row(a.id)["relay_nonce"] == relay_before and till.row(a.id)["relay_raw"] is None
    # Meanwhile the customer's wallet (or another till holding a hand-over) relays A itself.
    other = key("someone else")
    fund(node, Account.from_key(other).address)
    sig = bytes.fromhex(ap["signature"][2:])
    send_token_call(node.w3, other, till.token.functions.transferWithAuthorization(
        ap["from"], ap["to"], int(ap["value"]), int(ap["validAfter"]), int(ap["validBefore"]),
        bytes.fromhex(ap["nonce"][2:]), sig[64] if sig[64] >= 27 else sig[64] + 27, sig[:32], sig[32:64]))
    time.sleep(2.2)
    reports = []
    for _ in range(8):
        reports.append(till.step())
        node.mine(1)
    print("states", till.dump())
    print("relay latest", till.relay_nonce(), "pending", till.relay_nonce("pending"),
          "gaps filled", sum(r.relay_gaps_filled for r in reports))
    print("sale B", till.ctx.service.get(inv_b.id).state)
    assert till.states()[a.id] == Q.FINAL
    assert till.states()[b.id] == Q.FINAL, "B waits behind A's never-used relay number"
