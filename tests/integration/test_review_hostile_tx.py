"""Review finding (issue 18), fixed; before the fix: the watcher reads a transaction (the evidence for a wallet's replacement) and checks its
'from'/'nonce' OUTSIDE rpc.call: a node answering that one call with nonsense is not failed over;
the exception leaves scan_once, every pass dies on the same range, and no payment of the shop is
detected any more (also other customers' online payments)."""
from __future__ import annotations
import pytest
from eth_account import Account
from web3 import Web3
from pos_app.core.money import Tyiyn
from tests.integration.conftest import start_anvil, stop_anvil
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


@pytest.mark.parametrize("bad", [{"nonce": "0x" + "f" * 70}, {"from": None}])
def test_bad_transaction_answer(node, liar, tmp_path, bad):
    till = Till(tmp_path, node, urls=[liar.url, node.url])   # a good second node is listed
    pk = till.payer("replacer")
    other = till.payer("online customer")
    till.watcher.scan_once()
    inv, item = till.accept(till.raw(pk), som=30)
    first = till.row(item.id)
    signed = Account.sign_transaction({
        "type": 2, "chainId": node.w3.eth.chain_id, "nonce": int(first["payer_nonce"]),
        "to": till.shop.token_address, "value": 0, "gas": 80_000,
        "data": till.token.encode_abi("transfer", [till.merchant, inv.due_base]),
        "maxFeePerGas": 10 * int(node.w3.eth.gas_price), "maxPriorityFeePerGas": 5 * int(node.w3.eth.gas_price)},
        pk)
    again = Web3.to_hex(node.w3.eth.send_raw_transaction(signed.raw_transaction))

    def lie(call):
        if call.get("method") == "eth_getTransactionByHash" and call["params"][0].lower() == again.lower():
            tx = liar.honest("eth_getTransactionByHash", call["params"])
            tx.update(bad)
            liar.count("tx_lie")
            return {"result": tx}
        return None
    liar.lie = lie
    online = till.ctx.create_invoice(Tyiyn(1500))
    from tests.integration.conftest import send_token_call
    send_token_call(node.w3, other, till.token.functions.transfer(till.merchant, online.due_base))
    node.mine(3)
    errs = []
    for _ in range(3):
        try:
            till.watcher.scan_once()
        except Exception as e:  # noqa
            errs.append(f"{type(e).__name__}: {str(e)[:120]}")
    print("lies", liar.counts["tx_lie"], "errors", errs)
    print("online sale", invoice(till, online.id)["state"], "cursor", till.watcher.cursor(), node.w3.eth.block_number)
    assert invoice(till, online.id)["state"] != "new", "an ordinary online payment is never detected"
