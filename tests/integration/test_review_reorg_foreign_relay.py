"""Review finding (issue 18), fixed; before the fix: an authorization this till holds was relayed by someone else (the customer, or the
till a hand-over went to); final on a lying 'finalized' tag; a reorg deeper than finality drops
that relay. The item goes back to 'submitted' with no bytes of its own (relay_raw NULL, relay_from
NULL): every resend sends null, the double-spend/expiry check asks the nonce of address null and
'decides next pass' for ever: never re-relayed, never expired, the sale stays reopened."""
from __future__ import annotations
import json
import pytest
from eth_account import Account
from tests.integration.conftest import key, send_token_call, start_anvil, stop_anvil, fund
from tests.integration.lying_node import LyingNode
from tests.integration.test_sync_anvil import Till
from tests.integration.test_evidence_anvil import use_finalized_tag, invoice

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


def test_foreign_relay_reorged_away(node, liar, tmp_path):
    till = Till(tmp_path, node, urls=[liar.url])
    use_finalized_tag(till, tmp_path, liar.url)
    liar.ask = liar.lying_finalized
    pk = till.payer("foreign relay payer")
    till.step()
    before = till.balance()
    inv, item = till.accept(till.auth(pk, "transferWithAuthorization"), som=33)
    ap = json.loads(till.row(item.id)["payload"])
    other = key("customer's relayer")
    fund(node, Account.from_key(other).address)
    sig = bytes.fromhex(ap["signature"][2:])
    send_token_call(node.w3, other, till.token.functions.transferWithAuthorization(
        ap["from"], ap["to"], int(ap["value"]), int(ap["validAfter"]), int(ap["validBefore"]),
        bytes.fromhex(ap["nonce"][2:]), sig[64] if sig[64] >= 27 else sig[64] + 27, sig[:32], sig[32:64]))
    till.watcher.scan_once()
    till.run_until(lambda: till.states()[item.id].value == "final", passes=4)
    print("before reorg", till.dump(), invoice(till, inv.id)["state"])
    pay = till.ctx.store.one("SELECT * FROM payments WHERE invoice_id = ?", (inv.id,))
    depth = node.w3.eth.block_number - pay["block_number"] + 1
    node.rpc("anvil_reorg", [depth, []])
    assert till.balance() == before
    for _ in range(8):
        till.step()
        node.mine(1)
    r = till.row(item.id)
    print("after", {k: r[k] for k in ("state", "relay_raw", "relay_from", "tx_hash", "attempts", "last_error")})
    print("sale", invoice(till, inv.id)["state"], "balance delta", till.balance() - before)
    assert till.balance() - before == inv.due_base, "the still-valid authorization is never sent again"
