"""Issue 18, points 8-10: an offline payment is final only by the evidence of its money.

Real anvil (automine), a real till (``Till`` of test_sync_anvil: the sync engine and the payment
watcher over JSON-RPC), and where the node misbehaves a real JSON-RPC proxy in front of anvil that
answers some calls itself (``lying_node.LyingNode``). Nothing of the chain is mocked.

8.  A node that swallows a signed transfer and says it went through (a receipt with status 1 in
    a real block): the item is never final while the watcher has recorded no Transfer; the same
    bytes are sent again; ``sompos upgrade-check`` says 10; once the node stops lying the payment
    lands exactly once and the sale settles. A node that never stops: needs attention.
9.  A node whose "finalized" block is the head, then a reorg dropping the payment: the sale the
    chain settled is reopened (received 0, ``reopened_at``), an offline item goes back to
    submitted and lands again; a settled sale left uncovered by an older version is found at start.
10. A relay transaction refused once, its authorization then cancelled by the payer: the relay
    number is filled with an empty transaction, the later relays land.
Also: the customer's wallet sent the same signed transfer again with a higher fee.
"""
from __future__ import annotations

import json
import time

import pytest
from eth_account import Account
from web3 import Web3

from pos_app.chain.contract import send_token_call
from pos_app.cli.main import main as cli_main
from pos_app.core.errors import PosError
from pos_app.core.events import InvoiceChanged
from pos_app.core.money import Tyiyn
from pos_app.offline.lifecycle import QueueState as Q
from pos_app.shop.config import set_network

from .conftest import profile_toml, start_anvil, stop_anvil
from .lying_node import LyingNode, tx_hash_of
from .test_sync_anvil import MERCHANT_KEY, Till, cancel_on_chain, receipt

pytestmark = pytest.mark.anvil


@pytest.fixture
def node():
    n = start_anvil(block_time=None)          # automine: each transaction gets its own block
    yield n
    stop_anvil(n)


@pytest.fixture
def liar(node):
    proxy = LyingNode(node.port).start()
    yield proxy
    proxy.stop()


def upgrade_check(till: Till, capsys) -> int:
    """``sompos upgrade-check --data-dir <the till's folder>``, in process; its exit code."""
    capsys.readouterr()
    code = cli_main(["--data-dir", str(till.ctx.data_dir), "upgrade-check"])
    capsys.readouterr()
    return code


def invoice(till: Till, invoice_id: int) -> dict:
    return till.ctx.store.one("SELECT * FROM invoices WHERE id = ?", (invoice_id,))


def live_payments(till: Till, invoice_id: int | None = None) -> list[dict]:
    if invoice_id is None:
        return till.ctx.store.query("SELECT * FROM payments WHERE status != 'removed' ORDER BY id")
    return till.ctx.store.query("SELECT * FROM payments WHERE invoice_id = ? AND status != 'removed' ORDER BY id",
                                (invoice_id,))


def use_finalized_tag(till: Till, tmp_path, url: str) -> None:
    """Finality by the node's "finalized" block (BSC's rule) instead of confirmations."""
    set_network(till.ctx.store, str(profile_toml(tmp_path, [url], till.shop.token_address, rule="finalized")))
    till.engine = till.ctx.sync_engine(relay=Account.from_key(MERCHANT_KEY))
    till.watcher = till.ctx.watcher()


# -- 8. a node that lies about a receipt ---------------------------------------------------------------

def lie_about(till: Till, liar: LyingNode, raw: str, payer: str) -> str:
    """The node swallows ``raw`` (answers its hash, never forwards it) and, asked for its receipt,
    says status 1 in the newest real block. Returns the hash."""
    tx_hash = tx_hash_of(raw)
    block = liar.honest("eth_getBlockByNumber", ["latest", False])     # a real block: number and hash
    liar.lie = lambda call: (liar.swallow_send(raw, call)
                             or liar.fake_receipt(tx_hash, block, call, sender=payer, to=till.shop.token_address))
    return tx_hash


def test_a_node_lying_about_a_receipt_never_makes_the_payment_final(node, liar, tmp_path, capsys):
    till = Till(tmp_path, node, urls=[liar.url])
    payer_key = till.payer("lied about")
    payer = Account.from_key(payer_key).address
    till.step()                                            # the watcher reads the chain from here on
    before = till.balance()
    inv, item = till.accept(till.raw(payer_key), som=42)
    raw = till.row(item.id)["payload"]
    tx_hash = lie_about(till, liar, raw, payer)
    assert till.row(item.id)["tx_hash"] == tx_hash

    for _ in range(8):                                     # the node keeps lying
        till.step()
        assert till.row(item.id)["state"] != Q.FINAL.value, till.path(item.id)
        node.mine(1)
    path = till.path(item.id)
    assert "final" not in path
    assert path[:4] == ["received", "queued", "submitted", "included"]
    assert path.count("included") >= 3 and path[4] == "submitted"       # the lie was caught, more than once
    caught = till.ctx.store.query("SELECT code FROM offline_history WHERE item_id = ? AND from_state = 'included'"
                                  " AND to_state = 'submitted'", (item.id,))
    assert caught and all(r["code"] == "receipt_lied" for r in caught)
    assert liar.counts["swallowed"] >= 3                   # the same bytes were sent again
    assert liar.counts["fake_receipt"] >= 3
    assert receipt(node.w3, tx_hash) is None and till.balance() == before    # nothing reached the chain
    assert invoice(till, inv.id)["state"] == "new" and live_payments(till) == []   # the sale is still due
    assert upgrade_check(till, capsys) == 10               # an installer is told: not done

    # The node stops lying (between a lie and its discovery: the item says included).
    till.run_until(lambda: till.row(item.id)["state"] == Q.INCLUDED.value, passes=3)
    liar.lie = lambda call: None
    till.run_until(lambda: till.states() == {item.id: Q.FINAL}, passes=8)
    r = till.row(item.id)
    rc = node.w3.eth.get_transaction_receipt(tx_hash)
    assert rc["status"] == 1 and rc["blockNumber"] == r["block_number"] and r["payload"] == raw
    assert till.balance() - before == inv.due_base         # landed exactly once
    pays = live_payments(till)
    assert len(pays) == 1 and pays[0]["tx_hash"] == tx_hash and pays[0]["offline_id"] == item.id
    assert pays[0]["invoice_id"] == inv.id and pays[0]["status"] == "final"
    sale = invoice(till, inv.id)
    assert sale["state"] == "settled" and sale["settled_by"] == "chain" and int(sale["paid_final"]) == inv.due_base
    assert upgrade_check(till, capsys) == 0
    snap = till.db_snapshot()
    node.mine(2)
    till.step()
    assert till.db_snapshot() == snap and till.balance() - before == inv.due_base


def test_a_node_that_never_stops_lying_leaves_the_payment_to_a_person(node, liar, tmp_path, capsys):
    from pos_app.outbox.engine import MAX_UNPROVEN_SENDS
    till = Till(tmp_path, node, urls=[liar.url])
    payer_key = till.payer("always lied about")
    till.step()
    before = till.balance()
    inv, item = till.accept(till.raw(payer_key), som=17)
    lie_about(till, liar, till.row(item.id)["payload"], Account.from_key(payer_key).address)
    till.run_until(lambda: till.row(item.id)["state"] == Q.NEEDS_ATTENTION.value, passes=3 * MAX_UNPROVEN_SENDS)
    assert "final" not in till.path(item.id)
    assert "never arrived" in till.ctx.offline.get(item.id).reason
    assert liar.counts["swallowed"] == MAX_UNPROVEN_SENDS   # sent again each time, then no more
    for _ in range(3):
        till.step()
        node.mine(1)
    assert till.row(item.id)["state"] == Q.NEEDS_ATTENTION.value and liar.counts["swallowed"] == MAX_UNPROVEN_SENDS
    assert till.balance() == before and invoice(till, inv.id)["state"] == "new"
    assert upgrade_check(till, capsys) == 10


# -- 9. a lying "finalized" tag, then a reorg deeper than finality -----------------------------------------

@pytest.mark.parametrize("kind", ["online", "raw_tx", "eip3009"])
def test_a_sale_settled_on_a_lying_finalized_tag_is_reopened_when_its_money_leaves(node, liar, tmp_path, kind):
    till = Till(tmp_path, node, urls=[liar.url])
    use_finalized_tag(till, tmp_path, liar.url)
    liar.ask = liar.lying_finalized                        # "finalized" is answered with the head
    payer_key = till.payer("reorged payer")
    till.step()                                            # a checkpoint below the payment
    before = till.balance()
    if kind == "online":
        inv = till.ctx.create_invoice(Tyiyn(64 * 100))
        item = None
        send_token_call(node.w3, payer_key, till.token.functions.transfer(till.merchant, inv.due_base))
        till.step()
    else:
        inv, item = till.accept(till.raw(payer_key) if kind == "raw_tx" else till.auth(payer_key), som=64)
        till.run_until(lambda: till.states() == {item.id: Q.FINAL}, passes=4)
        first = till.row(item.id)
    sale = invoice(till, inv.id)
    assert sale["state"] == "settled" and sale["settled_by"] == "chain" and sale["reopened_at"] is None
    (pay,) = live_payments(till, inv.id)
    assert pay["status"] == "final" and liar.counts["finalized_lie"] > 0
    assert node.w3.eth.get_block("finalized")["number"] < pay["block_number"]   # the honest node: not final
    assert till.balance() - before == inv.due_base

    depth = node.w3.eth.block_number - pay["block_number"] + 1
    node.rpc("anvil_reorg", [depth, []])                   # the payment's block leaves the chain
    assert till.balance() == before

    till.step()                                            # the watcher finds the reorg
    sale = invoice(till, inv.id)
    assert sale["state"] in ("new", "expired") and sale["settled_by"] is None
    assert sale["reopened_at"] is not None and int(sale["paid_seen"]) == 0 and int(sale["paid_final"]) == 0
    assert till.ctx.service.get(inv.id).received_tyiyn == 0
    assert [(h["from_state"], h["to_state"]) for h in till.ctx.service.history(inv.id)
            if h["from_state"] == "settled"] == [("settled", sale["state"])]
    assert live_payments(till) == []
    if item is None:
        for _ in range(3):                                 # nothing brings the money back
            node.mine(1)
            till.step()
        assert invoice(till, inv.id)["state"] in ("new", "expired") and till.balance() == before
        return

    # The offline payment: back to submitted, the same bytes sent again, final once more.
    till.run_until(lambda: till.states() == {item.id: Q.FINAL}, passes=6)
    path = till.path(item.id)
    assert path[:5] == ["received", "queued", "submitted", "included", "final"]
    assert path[5] == "submitted" and path[-1] == "final" and path.count("final") == 2
    last = till.row(item.id)
    assert (last["tx_hash"], last["payload"], last["relay_raw"], last["relay_nonce"]) == \
        (first["tx_hash"], first["payload"], first["relay_raw"], first["relay_nonce"])
    rc = node.w3.eth.get_transaction_receipt(last["tx_hash"])
    assert rc["status"] == 1 and "0x" + bytes(rc["blockHash"]).hex() == last["block_hash"] != first["block_hash"]
    assert till.balance() - before == inv.due_base        # landed again, once
    sale = invoice(till, inv.id)
    assert sale["state"] == "settled" and int(sale["paid_final"]) == inv.due_base
    assert len(live_payments(till)) == 1


def test_a_final_payment_a_deep_reorg_replaces_with_a_double_spend_ends_double_spent(node, liar, tmp_path):
    """The new branch of a reorg deeper than finality carries the payer's other transaction with
    the same number: the item, final before, ends double spent (its removed payment is no
    evidence that the money arrived) and the sale stays reopened with nothing received."""
    till = Till(tmp_path, node, urls=[liar.url])
    use_finalized_tag(till, tmp_path, liar.url)
    liar.ask = liar.lying_finalized
    payer_key = till.payer("double spender in a reorg")
    till.step()
    before = till.balance()
    inv, item = till.accept(till.raw(payer_key), som=52)
    till.run_until(lambda: till.states() == {item.id: Q.FINAL}, passes=4)
    first = till.row(item.id)
    assert invoice(till, inv.id)["state"] == "settled"
    elsewhere = Account.sign_transaction({
        "type": 2, "chainId": node.w3.eth.chain_id, "nonce": int(first["payer_nonce"]),
        "to": till.shop.token_address, "value": 0, "gas": 80_000,
        "data": till.token.encode_abi("transfer", [till.shop.customer, inv.due_base]),
        "maxFeePerGas": 3 * int(node.w3.eth.gas_price), "maxPriorityFeePerGas": int(node.w3.eth.gas_price)},
        payer_key)
    depth = node.w3.eth.block_number - first["block_number"] + 1
    node.rpc("anvil_reorg", [depth, [[Web3.to_hex(elsewhere.raw_transaction), 0]]])
    assert till.balance() == before and receipt(node.w3, first["tx_hash"]) is None
    assert node.w3.eth.get_transaction_count(Account.from_key(payer_key).address) == int(first["payer_nonce"]) + 1

    till.run_until(lambda: till.states() == {item.id: Q.DOUBLE_SPENT}, passes=6)
    path = till.path(item.id)
    assert path[:5] == ["received", "queued", "submitted", "included", "final"]
    assert path[5] == "submitted" and path[-1] == "double_spent"
    sale = invoice(till, inv.id)
    assert sale["state"] in ("new", "expired") and sale["reopened_at"] is not None and int(sale["paid_seen"]) == 0
    assert live_payments(till) == [] and till.balance() == before


def test_a_settled_sale_an_older_version_left_uncovered_is_found_at_start(node, liar, tmp_path, capsys):
    """The version before issue 18 kept a chain-settled sale settled when a reorg deeper than
    finality took its payment (the payment removed, the sale still settled, both written in the
    same second: ``repair`` as it was then did not re-read it). ``sompos audit verify`` names it,
    and today's till reopens it when its watcher starts, before it reaches the network."""
    till = Till(tmp_path, node, urls=[liar.url])
    use_finalized_tag(till, tmp_path, liar.url)
    liar.ask = liar.lying_finalized
    payer_key = till.payer("reorged under an old version")
    till.step()
    inv = till.ctx.create_invoice(Tyiyn(38 * 100))
    send_token_call(node.w3, payer_key, till.token.functions.transfer(till.merchant, inv.due_base))
    till.step()
    (pay,) = live_payments(till, inv.id)
    assert invoice(till, inv.id)["state"] == "settled" and pay["status"] == "final"
    node.rpc("anvil_reorg", [node.w3.eth.block_number - pay["block_number"] + 1, []])
    # What the older version wrote when it saw the reorg (its remove_payments_in: the payment
    # removed, paid_seen and paid_final recomputed, the state left settled), in one transaction;
    # it had no settled_by column (NULL after the upgrade: the sale's history says who settled it).
    now = int(time.time())
    with till.ctx.store.transaction() as c:
        c.execute("UPDATE payments SET status = 'removed', updated_at = ? WHERE id = ?", (now, pay["id"]))
        c.execute("UPDATE invoices SET paid_seen = '0', paid_final = '0', settled_by = NULL, updated_at = ?"
                  " WHERE id = ?", (now, inv.id))
    assert invoice(till, inv.id)["state"] == "settled"
    named = f"sale {inv.id} is settled but its final payments no longer cover it"

    capsys.readouterr()
    assert cli_main(["--data-dir", str(till.ctx.data_dir), "audit", "verify"]) == 1
    assert named in capsys.readouterr().out

    liar.stop()                                            # the till starts with the node unreachable
    changed: list[InvoiceChanged] = []
    till.ctx.events.subscribe(changed.append, InvoiceChanged)
    with pytest.raises(PosError):
        till.ctx.watcher().scan_once()                     # the start check runs before the network
    sale = invoice(till, inv.id)
    assert sale["state"] in ("new", "expired") and sale["reopened_at"] is not None and sale["settled_by"] is None
    assert [(e.invoice.id, e.previous.value) for e in changed] == [(inv.id, "settled")]
    capsys.readouterr()
    cli_main(["--data-dir", str(till.ctx.data_dir), "audit", "verify"])
    assert named not in capsys.readouterr().out


# -- 10. a relay number left unused --------------------------------------------------------------------------

def test_a_relay_number_left_unused_is_filled_and_later_authorizations_land(node, liar, tmp_path):
    till = Till(tmp_path, node, urls=[liar.url])
    pa, pb, pc = (till.payer(f"gap payer {x}") for x in "abc")
    till.step()
    before, relay_before = till.balance(), till.relay_nonce()
    _, a = till.accept(till.auth(pa), som=11)
    inv_b, b = till.accept(till.auth(pb, "transferWithAuthorization"), som=12)
    inv_c, c = till.accept(till.auth(pc), som=13)
    a_payload = json.loads(till.row(a.id)["payload"])
    a_nonce = a_payload["nonce"][2:].lower()
    refused: list[str] = []

    def refuse_first_relay_of_a(call):
        if call.get("method") == "eth_sendRawTransaction" and a_nonce in str(call["params"][0]).lower() \
                and not refused:
            refused.append(call["params"][0])
            return {"error": {"code": -32000, "message": "transaction underpriced"}}
        return None
    liar.lie = refuse_first_relay_of_a

    reports = [till.step()]
    assert refused                                         # A's relay was refused; B's and C's went out
    assert [till.row(i)["relay_nonce"] for i in (a.id, b.id, c.id)] == \
        [relay_before, relay_before + 1, relay_before + 2]
    assert till.row(a.id)["state"] == Q.QUEUED.value and till.row(a.id)["relay_raw"] is None
    assert {till.row(i)["state"] for i in (b.id, c.id)} == {Q.SUBMITTED.value}
    assert till.relay_nonce() == relay_before and till.balance() == before     # held behind the gap

    cancel_on_chain(till, pa, a_payload)                   # A can never be relayed now
    time.sleep(2.2)                                        # A's retry back-off (2 s) passes
    for _ in range(6):
        reports.append(till.step())
        if till.states() == {a.id: Q.CANCELLED, b.id: Q.FINAL, c.id: Q.FINAL}:
            break
        node.mine(1)
    assert till.states() == {a.id: Q.CANCELLED, b.id: Q.FINAL, c.id: Q.FINAL}, till.dump()
    assert sum(r.relay_gaps_filled for r in reports) == 1
    assert till.relay_nonce() == relay_before + 3 == till.relay_nonce("pending")
    assert till.balance() - before == inv_b.due_base + inv_c.due_base
    # The filler: an empty transaction of the relay account to itself at A's number.
    filler = None
    for n in range(node.w3.eth.block_number, 0, -1):
        for tx in node.w3.eth.get_block(n, full_transactions=True)["transactions"]:
            if tx["from"] == till.merchant and tx["nonce"] == relay_before:
                filler = tx
        if filler is not None:
            break
    assert filler is not None and filler["to"] == till.merchant and filler["value"] == 0
    assert bytes(filler["input"]) == b""
    assert till.row(a.id)["relay_raw"] is None and "cancelled" in till.ctx.offline.get(a.id).reason
    assert invoice(till, inv_b.id)["state"] == invoice(till, inv_c.id)["state"] == "settled"


# -- the customer's wallet sends the signed transfer again with a higher fee ----------------------------------

@pytest.mark.parametrize("blocks_before_sync", [0, 3])
def test_a_transfer_the_wallet_sent_again_with_a_higher_fee_settles_its_own_sale(node, tmp_path, blocks_before_sync):
    till = Till(tmp_path, node)
    payer_key = till.payer("fee bumper")
    till.step()
    before = till.balance()
    inv, item = till.accept(till.raw(payer_key), som=30)
    nxt = till.ctx.create_invoice(Tyiyn(45 * 100))       # the next customer's sale, still open
    first = till.row(item.id)
    signed = Account.sign_transaction({
        "type": 2, "chainId": node.w3.eth.chain_id, "nonce": int(first["payer_nonce"]),
        "to": till.shop.token_address, "value": 0, "gas": 80_000,
        "data": till.token.encode_abi("transfer", [till.merchant, inv.due_base]),
        "maxFeePerGas": 10 * int(node.w3.eth.gas_price), "maxPriorityFeePerGas": 5 * int(node.w3.eth.gas_price)},
        payer_key)
    again = Web3.to_hex(node.w3.eth.send_raw_transaction(signed.raw_transaction))
    assert again != first["tx_hash"] and node.w3.eth.wait_for_transaction_receipt(again, timeout=20)["status"] == 1
    node.mine(blocks_before_sync)

    till.run_until(lambda: till.states() == {item.id: Q.FINAL}, passes=6)
    assert "double_spent" not in till.path(item.id)
    (pay,) = live_payments(till)
    assert pay["tx_hash"] == again and pay["invoice_id"] == inv.id and pay["matched_by"] == "replaced"
    assert pay["offline_id"] == item.id
    assert invoice(till, inv.id)["state"] == "settled"
    other = invoice(till, nxt.id)
    assert other["state"] == "new" and int(other["paid_seen"]) == 0       # the next customer got nothing
    assert till.ctx.service.unmatched() == []
    assert receipt(node.w3, first["tx_hash"]) is None                     # the first bytes never landed
    assert till.balance() - before == inv.due_base
