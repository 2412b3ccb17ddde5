"""Which offline payment of this till a transfer settles: the evidence only the chain has.

The watcher records each transfer with the strongest evidence there is (docs/architecture.md,
"Which sale a payment belongs to", rule 1): the transaction hash of an item this till holds, the
token's ``AuthorizationUsed`` in the same transaction for an authorization it holds, or the same
payer's same transaction number for a signed transfer it holds. ``network_evidence`` reads from
the node what only the chain can tell (before the watcher's write transaction: no lock is held
over the network); ``held`` looks the items up in the queue (``OfflineQueue.evidence``) inside it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from eth_utils import to_checksum_address

from pos_app.chain import answers
from pos_app.chain.rawrpc import TOPIC_AUTH_USED
from pos_app.chain.rpc import RpcClient
from pos_app.invoices.matching import Held
from pos_app.invoices.model import Transfer
from pos_app.payments.logs import _hex, _topic_for

if TYPE_CHECKING:
    from pos_app.offline.evidence import QueueEvidence

# tx hash -> ((log index, nonce) of each authorization of the payer the token says was used, in log
# order; the sender's transaction number)
NetworkEvidence = dict[str, tuple[list[tuple[int, str]], int | None]]
# item id -> (tx hash, log index) of the transfer already recorded for it: an item is paid once
Linked = Callable[[list[int]], dict[int, tuple[str, int]]]


def network_evidence(rpc: RpcClient, queue: "QueueEvidence", chain_id: int, token: str,
                     transfers: list[Transfer]) -> NetworkEvidence:
    """For transfers that might settle an item this till holds without it knowing the hash (an
    authorization sent by another till, a signed transfer the customer's wallet sent again):
    tx hash -> (authorization nonces the token says were used, the sender's transaction number).
    Read before the write transaction (no lock held over the network), only for those."""
    out: NetworkEvidence = {}
    for t in transfers:
        if t.tx_hash in out or queue.held_by_hash(chain_id, t.tx_hash, t.payee, t.value):
            continue
        wanted = queue.evidence_wanted(chain_id, t.payer, t.payee, t.value)
        if not wanted:
            continue
        nonces: list[tuple[int, str]] = []
        tx_nonce = None
        if "eip3009" in wanted:
            rc = rpc.call("read a payment's receipt", lambda w3, h=t.tx_hash: answers.receipt(
                w3.eth.get_transaction_receipt(h)))
            payer_topic = _topic_for(t.payer)
            for lg in rc["logs"]:
                topics = [_hex(x).lower() for x in lg["topics"]]
                if (str(lg["address"]).lower() == token.lower() and len(topics) == 3
                        and topics[0] == TOPIC_AUTH_USED.lower() and topics[1] == payer_topic):
                    nonces.append((answers.as_uint(lg["logIndex"], "log index", maximum=answers.MAX_LOG_INDEX),
                                   topics[2]))
        if "raw_tx" in wanted:
            # Checked inside the node's call: a nonsense answer fails that node over, never the pass.
            sender = rpc.call("read a payment's transaction", lambda w3, h=t.tx_hash: _sender_and_nonce(
                w3.eth.get_transaction(h)))
            if sender[0] == t.payer:
                tx_nonce = sender[1]
        out[t.tx_hash] = (sorted(nonces), tx_nonce)
    return out


def _sender_and_nonce(tx: object) -> tuple[str, int]:
    if not hasattr(tx, "get"):
        raise answers.BadAnswer("transaction: not a transaction")
    try:
        sender = to_checksum_address(tx.get("from"))
    except (TypeError, ValueError) as exc:
        raise answers.BadAnswer(f"transaction sender: {exc}") from exc
    return sender, answers.nonce(tx.get("nonce"))


def held(queue: "QueueEvidence", chain_id: int, t: Transfer, evidence: NetworkEvidence,
         linked: Linked) -> Held | None:
    """The strongest evidence that ``t`` settles an offline payment this till holds (or None).

    Each item is paid by one transfer: an item already linked to another transfer (another log of
    the same transaction, carrying another authorization) is not this one's. Of the authorizations
    the token marked used in the transaction, the one its event names just before this transfer
    (the token emits it, then moves the money) is this transfer's.
    """
    def free(found: list[Held]) -> list[Held]:
        done = linked([h.item_id for h in found])
        return [h for h in found if done.get(h.item_id, (t.tx_hash, t.log_index)) == (t.tx_hash, t.log_index)]

    by_hash = free(queue.held_by_hash(chain_id, t.tx_hash, t.payee, t.value))
    if by_hash or t.tx_hash not in evidence:
        return by_hash[0] if by_hash else None
    nonces, tx_nonce = evidence[t.tx_hash]
    before = [n for i, n in nonces if i < t.log_index][::-1] + [n for i, n in nonces if i > t.log_index]
    for nonce in before:
        found = queue.held_by_authorization(chain_id, t.payer, nonce, t.payee, t.value)
        if found is not None and free([found]):
            return found
    if tx_nonce is not None:
        found = queue.held_by_replacement(chain_id, t.payer, tx_nonce, t.payee, t.value)
        return found if found is not None and free([found]) else None
    return None
