"""Issue 10, point 2 on a real node: a signed transfer with a skipped number does not hang for ever.

anvil, like geth, keeps a transaction whose sender skipped numbers in its pool, unmined, for as
long as the gap lasts. Seen before the fix: the item sat "submitted" for ever, its sale never
expired, ``sompos sync`` always exited 3 and ``queue resolve`` refused it ("has not failed").
Now: refused at acceptance when a snapshot of the payer shows the gap; accepted without one, then
given up as ``stuck`` after the deadline (an injected clock), ``sync`` exits 0, the cashier
collects again; and if the customer later sends the missing ones, the same bytes are mined and the
item goes on to final, its invoice credited by the transaction hash (not lost).
"""
from __future__ import annotations

import time

import pytest
from eth_abi import encode
from eth_account import Account

from pos_app.cli.main import main as cli_main
from pos_app.core.money import Tyiyn
from pos_app.offline.lifecycle import QueueState as Q

from .conftest import ANVIL_CHAIN_ID
from .test_sync_anvil import Till, node  # noqa: F401 - node is a fixture

pytestmark = pytest.mark.anvil

MIN = 60


class Clock:
    def __init__(self) -> None:
        self.now = float(int(time.time()))

    def __call__(self) -> float:
        return self.now


def signed(till: Till, payer_key: bytes, amount: int, *, nonce: int, to: str | None = None) -> str:
    """A wallet's signed token transfer with an explicit transaction number."""
    w3 = till.node.w3
    price = int(w3.eth.gas_price)
    tx = {"type": 2, "chainId": ANVIL_CHAIN_ID, "nonce": nonce, "to": till.shop.token_address, "value": 0,
          "gas": 80_000, "maxFeePerGas": 3 * price, "maxPriorityFeePerGas": price,
          "data": bytes.fromhex("a9059cbb") + encode(["address", "uint256"], [to or till.merchant, int(amount)])}
    return "0x" + bytes(Account.sign_transaction(tx, payer_key).raw_transaction).hex()


def sompos(capsys, till: Till, *args: str) -> tuple[int, str]:
    capsys.readouterr()
    rc = cli_main([*args, "--data-dir", str(till.ctx.data_dir)])
    out, err = capsys.readouterr()
    return rc, out + err


def test_f2_skipped_nonce_is_refused_at_acceptance_with_a_snapshot_anvil(node, tmp_path):  # noqa: F811
    till = Till(tmp_path, node)
    payer = till.payer("gap with snapshot")
    address = Account.from_key(payer).address
    # What a sync reads about a payer the shop knows: balance and the next transaction number.
    till.ctx.offline.save_snapshot(ANVIL_CHAIN_ID, till.shop.token_address, address,
                                   balance_base=till.balance(address),
                                   nonce=node.w3.eth.get_transaction_count(address), at=int(time.time()))
    inv = till.ctx.create_invoice(Tyiyn(150_00))
    v = till.ctx.offline.evaluate(signed(till, payer, inv.due_base, nonce=5), till.ctx.offline_facts(),
                                  due_base=inv.amount_base)
    assert not v.ok and v.code == "nonce_gap" and "must first send 5 earlier payment" in v.reason
    assert till.ctx.offline.evaluate(signed(till, payer, inv.due_base, nonce=0), till.ctx.offline_facts(),
                                     due_base=inv.amount_base).ok


def test_f2_gap_transfer_without_snapshot_is_given_up_as_stuck_then_lands_later_anvil(node, tmp_path,  # noqa: F811
                                                                                         capsys):
    till = Till(tmp_path, node)
    payer = till.payer("gap without snapshot")
    address = Account.from_key(payer).address
    before = till.balance()
    inv = till.ctx.create_invoice(Tyiyn(150_00))
    item, _ = till.ctx.offline.accept(signed(till, payer, inv.due_base, nonce=5), inv.id, till.ctx.offline_facts())
    clock = Clock()
    till.engine.clock = clock
    start = clock.now

    # The node takes it into its pool and never mines it: submitted, no receipt.
    for minute in range(0, 30, 5):
        clock.now = start + minute * MIN + 1
        report = till.engine.pass_once()
        node.mine(1)
        assert till.ctx.offline.get(item.id).state == Q.SUBMITTED and report.outstanding == 1
    assert node.w3.eth.get_transaction_count(address) == 0
    rc, out = sompos(capsys, till, "sync", "--deadline", "2")
    assert rc == 3 and "1 payments still to finish" in out
    rc, out = sompos(capsys, till, "queue", "resolve", str(item.id), "--collect-again")
    assert rc != 0 and "has not failed" in out

    # Past the deadline: the named failure; nothing is outstanding any more.
    clock.now = start + 31 * MIN
    report = till.engine.pass_once()
    got = till.ctx.offline.get(item.id)
    assert got.state == Q.STUCK and "never went through" in got.reason and "5 earlier payment" in got.reason
    assert report.outstanding == 0
    assert till.path(item.id) == ["received", "queued", "submitted", "stuck"]
    rc, out = sompos(capsys, till, "sync", "--deadline", "5")
    assert rc == 0, out
    assert "all payments are final or failed" in out and f"FAILED #{item.id}" in out and "Never went through" in out
    rc, out = sompos(capsys, till, "queue", "resolve", str(item.id), "--collect-again")
    assert rc == 0, out
    assert till.ctx.service.get(inv.id).state.value == "invalid"

    # The customer's wallet later sends the five it skipped: the node mines the held one too.
    w3 = node.w3
    for n in range(5):
        w3.eth.send_raw_transaction(signed(till, payer, 1, nonce=n, to=till.shop.customer))
    node.mine(2)
    assert w3.eth.get_transaction_receipt(got.tx_hash)["status"] == 1
    assert till.balance() - before == inv.due_base
    clock.now = time.time()
    till.engine.clock = time.time
    till.run_until(lambda: till.ctx.offline.get(item.id).state == Q.FINAL, passes=6, mine=1)
    landed = till.ctx.offline.get(item.id)
    assert till.path(item.id)[-3:] == ["stuck", "included", "final"]
    assert "paid twice" in till.ctx.offline.history(item.id)[-2]["reason"]
    assert landed.resolution == "collect_again"
    # The payment watcher credits the sale by its transaction hash: recorded, not lost.
    till.ctx.watcher().scan_once()
    pays = till.ctx.service.payments_for(inv.id)
    assert [p["tx_hash"].lower() for p in pays] == [got.tx_hash.lower()]
    assert till.ctx.service.get(inv.id).paid_seen == inv.due_base


def test_f2_stuck_transfer_that_lands_before_anyone_resolved_it_settles_its_sale_anvil(node, tmp_path):  # noqa: F811
    till = Till(tmp_path, node)
    payer = till.payer("gap then filled")
    inv = till.ctx.create_invoice(Tyiyn(80_00))
    till.ctx.watcher().ensure_cursor()
    item, _ = till.ctx.offline.accept(signed(till, payer, inv.due_base, nonce=2), inv.id, till.ctx.offline_facts())
    clock = Clock()
    till.engine.clock = clock
    till.engine.pass_once()
    clock.now += 40 * MIN
    till.engine.pass_once()
    assert till.ctx.offline.get(item.id).state == Q.STUCK
    for n in range(2):
        node.w3.eth.send_raw_transaction(signed(till, payer, 1, nonce=n, to=till.shop.customer))
    node.mine(1)
    till.run_until(lambda: till.ctx.offline.get(item.id).state == Q.FINAL, passes=6, mine=1)
    assert till.ctx.offline.unresolved_failures() == []
    till.ctx.watcher().scan_once()
    assert till.ctx.service.get(inv.id).state.value == "settled"
