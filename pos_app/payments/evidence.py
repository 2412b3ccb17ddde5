"""Which offline payment of this till a transfer settles: the evidence only the chain has.

The watcher records each transfer with the strongest evidence there is (docs/architecture.md,
"Which sale a payment belongs to", rule 1): the transaction hash of an item this till holds, the
token's ``AuthorizationUsed`` in the same transaction for an authorization it holds, or the same
payer's same transaction number for a signed transfer it holds. ``network_evidence`` reads from
the node what only the chain can tell (before the watcher's write transaction: no lock is held
over the network); ``held`` looks the items up in the queue (``OfflineQueue.evidence``) inside it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from eth_utils import to_checksum_address

from pos_app.chain import answers
from pos_app.chain.rawrpc import TOPIC_AUTH_USED
from pos_app.chain.rpc import RpcClient
from pos_app.invoices.matching import Held
from pos_app.invoices.model import Transfer
from pos_app.payments.logs import _hex, _topic_for

if TYPE_CHECKING:
    from pos_app.offline.evidence import QueueEvidence

# tx hash -> (authorization nonces the token says were used, the sender's transaction number)
NetworkEvidence = dict[str, tuple[list[str], int | None]]


def network_evidence(rpc: RpcClient, queue: "QueueEvidence", chain_id: int, token: str,
                     transfers: list[Transfer]) -> NetworkEvidence:
    """For transfers that might settle an item this till holds without it knowing the hash (an
    authorization sent by another till, a signed transfer the customer's wallet sent again):
    tx hash -> (authorization nonces the token says were used, the sender's transaction number).
    Read before the write transaction (no lock held over the network), only for those."""
    out: NetworkEvidence = {}
    for t in transfers:
        if t.tx_hash in out or queue.held_by_hash(chain_id, t.tx_hash, t.payee) is not None:
            continue
        wanted = queue.evidence_wanted(chain_id, t.payer, t.payee, t.value)
        if not wanted:
            continue
        nonces: list[str] = []
        tx_nonce = None
        if "eip3009" in wanted:
            rc = rpc.call("read a payment's receipt", lambda w3, h=t.tx_hash: answers.receipt(
                w3.eth.get_transaction_receipt(h)))
            payer_topic = _topic_for(t.payer)
            for lg in rc["logs"]:
                topics = [_hex(x).lower() for x in lg["topics"]]
                if (str(lg["address"]).lower() == token.lower() and len(topics) == 3
                        and topics[0] == TOPIC_AUTH_USED.lower() and topics[1] == payer_topic):
                    nonces.append(topics[2])
        if "raw_tx" in wanted:
            tx = rpc.call("read a payment's transaction", lambda w3, h=t.tx_hash: w3.eth.get_transaction(h))
            if to_checksum_address(tx["from"]) == t.payer:
                tx_nonce = answers.nonce(tx["nonce"])
        out[t.tx_hash] = (nonces, tx_nonce)
    return out


def held(queue: "QueueEvidence", chain_id: int, t: Transfer, evidence: NetworkEvidence) -> Held | None:
    """The strongest evidence that ``t`` settles an offline payment this till holds (or None)."""
    found = queue.held_by_hash(chain_id, t.tx_hash, t.payee)
    if found is not None or t.tx_hash not in evidence:
        return found
    nonces, tx_nonce = evidence[t.tx_hash]
    for nonce in nonces:
        found = queue.held_by_authorization(chain_id, t.payer, nonce)
        if found is not None:
            return found
    if tx_nonce is not None:
        return queue.held_by_replacement(chain_id, t.payer, tx_nonce, t.payee, t.value)
    return None
