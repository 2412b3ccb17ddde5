"""A relay transaction held behind a relay number this till cannot fill ends named, by a deadline
(issue 19, point 3), on a real anvil node.

The relay key signed the authorization at number N+1 while N stayed unused; the pool lost both
the filler for N and the relay (a node restart); then the till restarted with its relay key
locked. It can send the same signed bytes again, but not fill N, so the payment waited behind
the gap as "submitted" for ever. Now, past ``Limits.stuck_after_s``, it is ``needs_attention``
with the reason ``relay_held_gap`` (how many numbers, how long); once the key is unlocked the gap
is filled, the money arrives and the evidence carries the item on to final.
"""
from __future__ import annotations

import time

import pytest
from eth_account import Account

from pos_app.offline.lifecycle import QueueState as Q

from .conftest import ANVIL_CHAIN_ID, start_anvil, stop_anvil
from .test_sync_anvil import MERCHANT_KEY, Till

pytestmark = pytest.mark.anvil


@pytest.fixture
def node():
    n = start_anvil(block_time=None)
    yield n
    stop_anvil(n)


def _reaches_final(till, node, item, sale) -> None:
    """Passes and blocks until the item is final (at most 8): its sale is then paid."""
    for _ in range(8):
        till.step()
        node.mine(1)
        if till.states()[item.id] == Q.FINAL:
            break
    assert till.states()[item.id] == Q.FINAL, till.dump()
    assert till.ctx.service.get(sale.id).state.value == "settled"

def test_a_relay_held_behind_an_unfillable_number_ends_named_and_then_final(node, tmp_path):
    till = Till(tmp_path, node)
    payer = till.payer("deadline payer")
    till.step()
    relay = Account.from_key(MERCHANT_KEY).address
    gap = till.relay_nonce("pending")
    # A number reserved and never used (an authorization that failed before its relay went out).
    till.ctx.store.execute("INSERT INTO relay_nonces(chain_id, address, next_nonce) VALUES (?, ?, ?)"
                           " ON CONFLICT(chain_id, address) DO UPDATE SET next_nonce = excluded.next_nonce",
                           (ANVIL_CHAIN_ID, relay, gap + 1))
    node.rpc("evm_setAutomine", [False])
    sale, item = till.accept(till.auth(payer), som=7)
    till.step()                                      # signed at gap + 1, sent; the filler for gap sent too
    assert till.row(item.id)["relay_nonce"] == gap + 1 and till.states()[item.id] == Q.SUBMITTED
    node.rpc("anvil_dropAllTransactions", [])        # the node restarted: its pool is empty
    till.engine.relay = None                         # ... and so did the till, its relay key locked
    till.engine.resend_after_s = 0
    till.step()                                      # the same bytes again; the gap cannot be filled
    assert till.states()[item.id] == Q.SUBMITTED
    assert till.relay_nonce("pending") == gap + 0    # nothing can be mined: the gap holds it
    # Before the deadline it keeps waiting; past it, it is named.
    start = time.time()
    till.engine.clock = lambda: start + 25 * 60
    till.step()
    assert till.states()[item.id] == Q.SUBMITTED
    till.engine.clock = lambda: start + 31 * 60
    till.step()
    assert till.states()[item.id] == Q.NEEDS_ATTENTION
    last = till.ctx.offline.history(item.id)[-1]
    assert last["why"].code == "relay_held_gap" and last["why"].params["n"] == 1, last
    # The key is unlocked (and funded): the gap is filled, the relay mined, the money recorded.
    till.engine.relay = Account.from_key(MERCHANT_KEY)
    _reaches_final(till, node, item, sale)


def test_a_relay_the_network_never_took_is_named_and_a_person_sends_it_again(node, tmp_path):
    """No gap: the relay transaction is next in line, but the network never mines it (the pool keeps
    losing it). Past the deadline it needs attention ("relay_not_mined"); the engine no longer
    resends it on its own, and the cashier's "send again" puts the same bytes back in line."""
    till = Till(tmp_path, node)
    payer = till.payer("not mined payer")
    till.step()
    node.rpc("evm_setAutomine", [False])
    sale, item = till.accept(till.auth(payer), som=9)
    till.engine.resend_after_s = 0
    till.step()
    assert till.states()[item.id] == Q.SUBMITTED
    start = time.time()
    till.engine.clock = lambda: start + 31 * 60
    till.step()
    assert till.states()[item.id] == Q.NEEDS_ATTENTION
    last = till.ctx.offline.history(item.id)[-1]
    assert last["why"].code == "relay_not_mined", last
    node.rpc("anvil_dropAllTransactions", [])          # the pool lost it: nobody sends it now
    till.step()
    node.mine(1)
    till.step()
    assert till.states()[item.id] == Q.NEEDS_ATTENTION
    from pos_app.app.till import Till as App
    App(till.ctx).send_again(item.id, actor="aida")
    assert till.states()[item.id] == Q.QUEUED
    _reaches_final(till, node, item, sale)
