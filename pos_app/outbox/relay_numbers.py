"""The relay account's transaction numbers, as the sync engine reads them.

``next_relay_nonce``: the number the next relay transaction is signed with (the local counter or
the node's pending count, whichever is higher). ``fill_relay_gaps`` (the engine's step 6): a
number reserved when an authorization's relay was signed stays unused if the authorization fails
before its relay goes out, and every later relay transaction would wait behind it on the network
for ever; an empty transaction from the relay account to itself fills it. The local counter,
``relay_nonces``, is owned by ``engine.py`` (it moves with the signed bytes, in one commit); this
module only reads it and the queue.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import logging
from typing import Any, Callable

from pos_app.chain.calldata import answer_error as _err
from pos_app.chain.rpc import RpcClient
from pos_app.store.db import Store

if TYPE_CHECKING:
    from pos_app.offline.outbox_reads import OutboxReads

log = logging.getLogger(__name__)

# The engine's JSON-RPC batch: (what, [(method, params), ...]) -> one answer per call, in order.
Batch = Callable[[str, list[tuple[str, list[Any]]]], list[dict[str, Any]]]


def next_relay_nonce(store: Store, rpc: RpcClient, chain_id: int, address: str) -> int:
    """The transaction number the next new relay transaction of ``address`` is signed with."""
    row = store.one("SELECT next_nonce FROM relay_nonces WHERE chain_id = ? AND address = ?",
                    (chain_id, address))
    pending = rpc.nonce(address, "pending", "count the relay account's transactions")
    return max(pending, int(row["next_nonce"]) if row else 0)


def fill_relay_gaps(store: Store, outbox: "OutboxReads", rpc: RpcClient, relay: Any, chain_id: int,
                    batch: Batch) -> int:
    """Fill every relay transaction number below the local counter that no item will use any
    more (its authorization failed before its relay went out) with an empty transaction to the
    relay account itself: later relays would otherwise wait behind the gap for ever.

    ``relay``: the unlocked relay account (None: nothing to fill). Returns how many were filled.
    """
    if relay is None:
        return 0
    address = relay.address
    row = store.one("SELECT next_nonce FROM relay_nonces WHERE chain_id = ? AND address = ?",
                    (chain_id, address))
    if row is None:
        return 0
    mined = rpc.nonce(address, "latest", "count the relay account's transactions")
    top = int(row["next_nonce"])
    if mined >= top:
        return 0
    # A final item holds its number too: a reorg deeper than finality can drop its relay
    # transaction (the number is unused again), and the item sends the same bytes again.
    held = outbox.relay_numbers_held(chain_id, address, mined)
    gaps = [n for n in range(mined, top) if n not in held]
    if not gaps:
        return 0
    gas_price = rpc.gas_price()
    calls = []
    for n in gaps:
        signed = relay.sign_transaction({"to": address, "value": 0, "gas": 21_000, "gasPrice": gas_price,
                                         "nonce": n, "chainId": chain_id})
        calls.append(("eth_sendRawTransaction", ["0x" + bytes(signed.raw_transaction).hex()]))
    answers = batch("fill unused relay numbers", calls)
    for n, a in zip(gaps, answers):
        if _err(a):
            log.info("relay number %s not filled yet: %s", n, _err(a))
        else:
            log.warning("relay number %s was reserved for an authorization that failed: filled", n)
    return sum(1 for a in answers if not _err(a))
