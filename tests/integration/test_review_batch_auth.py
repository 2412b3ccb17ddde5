"""Review finding (issue 18), fixed; before the fix: two authorizations of the same payer held at one till (sales X and Y) are relayed
in ONE transaction by a batching contract (anyone may call transferWithAuthorization). The watcher
takes every AuthorizationUsed of that payer in the transaction as evidence for every Transfer in it,
and held_by_authorization does not compare the amount: both transfers go to X ('give back' Y's
money), Y gets nothing and its item never becomes final."""
from __future__ import annotations
import json
import pytest
from eth_account import Account
from web3 import Web3
from tests.integration.conftest import key, start_anvil, stop_anvil, fund
from tests.integration.test_sync_anvil import Till

pytestmark = pytest.mark.anvil


def forwarder_code(token: str) -> bytes:
    t = bytes.fromhex(token[2:])
    def call():
        return bytes([0x60, 0, 0x60, 0, 0x82, 0x60, 0, 0x60, 0, 0x73]) + t + bytes([0x5a, 0xf1, 0x15])
    body = bytes([0x60, 0, 0x35, 0x80, 0x60, 0x20, 0x60, 0, 0x37]) + call()
    # PUSH2 revert JUMPI placeholder
    part2 = bytes([0x80, 0x60, 0x20, 0x01, 0x80, 0x36, 0x03, 0x80, 0x82, 0x60, 0, 0x37]) + call()
    size = len(body) + 4 + len(part2) + 4 + 1
    dest = size
    j = bytes([0x61, dest >> 8, dest & 0xff, 0x57])
    code = body + j + part2 + j + bytes([0x00]) + bytes([0x5b, 0x60, 0, 0x80, 0xfd])
    assert code[dest] == 0x5b
    return code


@pytest.fixture
def node():
    n = start_anvil(block_time=None)
    yield n
    stop_anvil(n)


def calldata(till, p):
    sig = bytes.fromhex(p["signature"][2:])
    v = sig[64] if sig[64] >= 27 else sig[64] + 27
    fn = till.token.functions.transferWithAuthorization(
        p["from"], p["to"], int(p["value"]), int(p["validAfter"]), int(p["validBefore"]),
        bytes.fromhex(p["nonce"][2:]), v, sig[:32], sig[32:64])
    return bytes.fromhex(fn._encode_transaction_data()[2:])


def test_batched_authorizations_go_to_one_sale(node, tmp_path):
    till = Till(tmp_path, node)
    pa = till.payer("batch payer")
    till.watcher.scan_once()
    inv_x, a = till.accept(till.auth(pa, "transferWithAuthorization"), som=11)
    inv_y, b = till.accept(till.auth(pa, "transferWithAuthorization"), som=12)
    pA, pB = (json.loads(till.row(i.id)["payload"]) for i in (a, b))
    fwd = "0x" + "ab" * 20
    node.rpc("anvil_setCode", [fwd, "0x" + forwarder_code(till.shop.token_address).hex()])
    da, db = calldata(till, pA), calldata(till, pB)
    data = len(da).to_bytes(32, "big") + da + db
    other = key("batcher")
    fund(node, Account.from_key(other).address)
    acct = Account.from_key(other)
    tx = {"to": Web3.to_checksum_address(fwd), "data": "0x" + data.hex(), "gas": 500_000,
          "gasPrice": int(node.w3.eth.gas_price) * 2, "nonce": node.w3.eth.get_transaction_count(acct.address),
          "chainId": node.w3.eth.chain_id, "value": 0}
    h = node.w3.eth.send_raw_transaction(acct.sign_transaction(tx).raw_transaction)
    rc = node.w3.eth.wait_for_transaction_receipt(h, timeout=30)   # anvil mines it soon, not at once under load
    assert rc["status"] == 1, rc
    node.mine(3)
    till.watcher.scan_once()          # the watcher reads it first (the app's watcher thread)
    print("watcher first", till.ctx.store.query("SELECT value, invoice_id, matched_by, offline_id FROM payments"))
    for _ in range(4):
        till.step()
        node.mine(1)
    pays = till.ctx.store.query("SELECT value, invoice_id, matched_by, offline_id FROM payments")
    print("payments", pays)
    X, Y = till.ctx.service.get(inv_x.id), till.ctx.service.get(inv_y.id)
    print("X", X.state, "received", X.received_tyiyn, "give back", X.change_tyiyn)
    print("Y", Y.state, "received", Y.received_tyiyn, "still due", Y.still_due_tyiyn)
    print("items", till.dump())
    assert {(int(p["invoice_id"]), int(p["value"])) for p in pays} == {(inv_x.id, inv_x.due_base), (inv_y.id, inv_y.due_base)}
