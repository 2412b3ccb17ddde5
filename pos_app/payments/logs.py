"""The token's Transfer logs to the merchant, as the payment watcher reads them.

``parse_log`` turns one log into a ``Transfer`` (or refuses it: not a Transfer to this shop, a
nonsense field, a block that changed under us); ``logs_from_blocks`` is the fallback where a node
has ``eth_getLogs`` switched off: the logs are taken from the receipts of direct transfers and
relayed authorizations to the shop. Reads only, no database; the watcher (``watcher.py``) decides what to do with them.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from eth_utils import to_checksum_address
from web3 import Web3

from pos_app.chain import answers
from pos_app.chain.rawrpc import SEL_RECEIVE, SEL_TRANSFER
from pos_app.chain.rpc import RpcClient
from pos_app.invoices.model import Transfer

log = logging.getLogger(__name__)

TRANSFER_TOPIC = "0x" + Web3.keccak(text="Transfer(address,address,uint256)").hex().removeprefix("0x")
TRANSFER_SELECTOR = "0xa9059cbb"  # transfer(address,uint256)
# transferWithAuthorization / receiveWithAuthorization(from, to, ...): an authorization relayed to the shop
AUTH_SELECTORS = frozenset({SEL_TRANSFER.lower(), SEL_RECEIVE.lower()})


def _topic_for(address: str) -> str:
    return "0x" + "0" * 24 + address.lower()[2:]


def _hex(value: Any) -> str:
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    s = str(value)
    return s if s.startswith("0x") else "0x" + s


def logs_from_blocks(rpc: RpcClient, token: str, merchant: str, a: int, b: int) -> list[dict[str, Any]]:
    """Fallback where ``eth_getLogs`` is disabled (public BSC endpoints): read each block's
    transactions, pick the token calls that pay the merchant directly (``transfer(merchant, ..)``,
    and an authorization's ``transferWithAuthorization`` / ``receiveWithAuthorization(from,
    merchant, ..)``, whoever relays it), and take the Transfer logs from their receipts. Transfers
    made through other contracts are not seen this way; the watcher says so in the log when it
    switches to this mode.
    """
    token, merchant_word = token.lower(), merchant.lower()[2:].rjust(64, "0")
    found: list[dict[str, Any]] = []
    for n in range(a, b + 1):
        blk = rpc.call(f"give block {n}", lambda w3, n=n: answers.full_block(
            w3.eth.get_block(n, full_transactions=True), n))  # checked: nonsense fails the node over
        for tx in blk["transactions"]:
            data = _hex(tx.get("input", b""))
            to_token = str(tx.get("to") or "").lower() == token
            direct = data[:10] == TRANSFER_SELECTOR and data[10:74].lower() == merchant_word
            relayed = data[:10] in AUTH_SELECTORS and data[74:138].lower() == merchant_word
            if to_token and (direct or relayed):
                rcpt = rpc.call("give a receipt", lambda w3, h=tx["hash"]: answers.receipt(
                    w3.eth.get_transaction_receipt(h)))
                if rcpt["status"] == 1:
                    found.extend(dict(lg) for lg in rcpt["logs"]
                                 if str(lg["address"]).lower() == token)
    return found


def parse_log(entry: dict[str, Any], *, chain_id: int, token: str, merchant: str,
              block: Callable[[int], dict[str, Any]], skew: int) -> Transfer | None:
    """Turn a log into a Transfer, or None if the node sent something that is not one.

    ``block``: the block of a number (the watcher's cache); ``skew``: network time minus this
    till's time, so the transfer's ``till_time`` is in this till's clock.
    """
    try:
        if entry.get("removed"):
            return None
        topics = [_hex(t) for t in entry["topics"]]
        if len(topics) != 3 or topics[0].lower() != TRANSFER_TOPIC.lower():
            return None
        if to_checksum_address(entry["address"]) != token:
            return None
        payee = to_checksum_address("0x" + topics[2][-40:])
        if payee != merchant:
            return None
        data = _hex(entry["data"])
        if len(data) != 66:
            return None
        # answers.BadAnswer is a ValueError: a log with a nonsense field is ignored below.
        number = answers.block_number(entry["blockNumber"], "log block number")
        block_hash = answers.as_hash(entry["blockHash"], "log block hash")
        tx_hash = answers.as_hash(entry["transactionHash"], "log transaction hash")
        log_index = answers.as_uint(entry["logIndex"], "log index", maximum=answers.MAX_LOG_INDEX)
        blk = block(number)
        if blk["hash"] != block_hash:
            return None  # the block changed under us; the next pass rescans it
        return Transfer(chain_id, token, tx_hash,
                        log_index, number, block_hash, blk["timestamp"],
                        to_checksum_address("0x" + topics[1][-40:]), payee, int(data, 16),
                        till_time=blk["timestamp"] - skew)
    except (KeyError, TypeError, ValueError) as exc:
        log.warning("ignoring a malformed log from the node: %s", exc)
        return None
