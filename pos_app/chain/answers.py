"""Checks for the numbers and hashes a node sends, before they reach the logic or the database.

A broken or hostile node can answer ``null``, ``"0xZZ"``, ``"-0x1"``, ``1.5``, ``true``, a string
where a number belongs, or 2**300. Every reader in ``RpcClient`` (``block``, ``block_number``,
``gas_price``, ``balance``, ``nonce``, ``chain_id``) passes its answer through these; a value out of
type or range raises ``BadAnswer``, which ``RpcClient.call`` counts as a failure of that endpoint
(the next RPC URL is tried). Ranges are generous on purpose: they keep out what no chain can mean
(a negative block, a fee of 2**300 wei), not what is merely unusual.
"""
from __future__ import annotations

import re
from typing import Any

from pos_app.core.money import BaseUnits

MAX_BLOCK = 10**10              # BSC makes ~1.3 blocks a second: 10**10 is centuries away
MAX_TIMESTAMP = 2**33           # year 2242; a test chain may be moved far into the future
MAX_GAS_PRICE = 10**14          # wei: 100,000 gwei, thousands of times any real BSC price
MAX_UINT256 = 2**256 - 1        # a token balance or an amount
MAX_NONCE = 2**64 - 1           # EIP-2681
MAX_CHAIN_ID = 2**53            # EIP-2294 style bound; real ids are far below
MAX_LOG_INDEX = 2**32

_HEX_NUMBER = re.compile(r"0x[0-9a-fA-F]{1,64}")
_HASH = re.compile(r"0x[0-9a-fA-F]{64}")


class BadAnswer(ValueError):
    """A value from a node that makes no sense (type, format or range)."""


def as_uint(value: Any, what: str, *, maximum: int) -> int:
    """An int 0..maximum from a node's int or ``0x`` hex string; anything else is ``BadAnswer``."""
    if isinstance(value, bool):
        raise BadAnswer(f"{what}: a true/false where a number belongs")
    if isinstance(value, int):
        number = int(value)
    elif isinstance(value, str) and _HEX_NUMBER.fullmatch(value):
        number = int(value, 16)
    else:
        raise BadAnswer(f"{what}: {_show(value)} is not a number")
    if not 0 <= number <= maximum:
        raise BadAnswer(f"{what}: {_show(number)} is out of range (0 to {maximum})")
    return number


def as_hash(value: Any, what: str) -> str:
    """A 32-byte hash as lower-case ``0x`` hex, from bytes (HexBytes) or a hex string."""
    if isinstance(value, (bytes, bytearray)):
        if len(value) != 32:
            raise BadAnswer(f"{what}: {len(value)} bytes, not 32")
        return "0x" + bytes(value).hex()
    if isinstance(value, str) and _HASH.fullmatch(value):
        return value.lower()
    raise BadAnswer(f"{what}: {_show(value)} is not a 32-byte hash")


def block_number(value: Any, what: str = "block number") -> int:
    return as_uint(value, what, maximum=MAX_BLOCK)


def timestamp(value: Any, what: str = "block time") -> int:
    return as_uint(value, what, maximum=MAX_TIMESTAMP)


def gas_price(value: Any) -> int:
    return as_uint(value, "gas price", maximum=MAX_GAS_PRICE)


def balance(value: Any, what: str = "balance") -> int:
    """A balance of the chain's own coin, in wei (token amounts: ``token_amount``)."""
    return as_uint(value, what, maximum=MAX_UINT256)


def token_amount(value: Any, what: str = "token amount") -> BaseUnits:
    """A token balance or transfer value (``balanceOf``, a ``Transfer`` log), in the token's base units."""
    return BaseUnits(as_uint(value, what, maximum=MAX_UINT256))


def nonce(value: Any, what: str = "transaction count") -> int:
    return as_uint(value, what, maximum=MAX_NONCE)


def chain_id(value: Any) -> int:
    number = as_uint(value, "chain id", maximum=MAX_CHAIN_ID)
    if number == 0:
        raise BadAnswer("chain id: 0 is no chain")
    return number


def block(raw: Any, what: str = "block") -> dict[str, Any]:
    """``{number, hash, timestamp}`` (and ``baseFeePerGas`` where the chain has one) of a block answer,
    each checked."""
    if raw is None or not hasattr(raw, "get"):
        raise BadAnswer(f"{what}: {_show(raw)} is not a block")
    out = {"number": block_number(raw.get("number"), f"{what} number"),
           "hash": as_hash(raw.get("hash"), f"{what} hash"),
           "timestamp": timestamp(raw.get("timestamp"), f"{what} time")}
    if raw.get("baseFeePerGas") is not None:   # EIP-1559 chains: part of the fee floor offline checks use
        out["baseFeePerGas"] = gas_price(raw.get("baseFeePerGas"))
    return out


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# -- raw JSON-RPC answers (the sync engine's batches) ----------------------------------------------
def _field(d: Any, key: str) -> Any:
    """A field of a raw answer: nodes say ``blockNumber``, eth-tester's provider ``block_number``."""
    if key in d:
        return d[key]
    return d.get(re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), key))


def _data(value: Any, what: str) -> None:
    if isinstance(value, (bytes, bytearray)):
        return
    if not isinstance(value, str) or not re.fullmatch(r"0x(?:[0-9a-fA-F]{2})*", value):
        raise BadAnswer(f"{what}: {_show(value)} is not hex data")


def check_raw(method: str, answer: Any) -> None:
    """One raw answer (``{"result": …}`` or ``{"error": …}``) to ``method``, checked in place.

    Only the fields the engine reads are checked; an error answer is the caller's to read.
    """
    if not isinstance(answer, dict):
        raise BadAnswer(f"{method}: {_show(answer)} is not an answer")
    if "error" in answer and answer["error"] is not None:
        if not isinstance(answer["error"], (dict, str)):
            raise BadAnswer(f"{method}: error {_show(answer['error'])}")
        return
    result = answer.get("result")
    if method == "eth_getTransactionReceipt":
        if result is None:
            return
        if not hasattr(result, "get"):
            raise BadAnswer(f"receipt: {_show(result)} is not a receipt")
        block_number(_field(result, "blockNumber"), "receipt block number")
        as_hash(_field(result, "blockHash"), "receipt block hash")
        as_uint(result.get("status"), "receipt status", maximum=1)
    elif method == "eth_getBlockByNumber":
        if result is not None:
            if not hasattr(result, "get"):
                raise BadAnswer(f"block: {_show(result)} is not a block")
            as_hash(result.get("hash"), "block hash")
    elif method == "eth_getTransactionCount":
        nonce(result)
    elif method == "eth_call":
        _data(result, "call result")
    elif method == "eth_sendRawTransaction":
        as_hash(result, "transaction hash")


def check_batch(calls: list[tuple[str, list[Any]]], out: list[Any]) -> None:
    if len(out) != len(calls):
        raise BadAnswer(f"{len(out)} answers to {len(calls)} questions")
    for (method, _params), answer in zip(calls, out):
        check_raw(method, answer)


def logs(entries: Any) -> list[Any]:
    """A log search's answer: a list of logs whose numbers and hashes make sense (else ``BadAnswer``).

    Checked as a whole, so one nonsense log fails the node over instead of being skipped (a skipped
    log could be a payment the next node reports correctly).
    """
    if not isinstance(entries, (list, tuple)):
        raise BadAnswer(f"logs: {_show(entries)} is not a list")
    for entry in entries:
        if not hasattr(entry, "get"):
            raise BadAnswer(f"log: {_show(entry)} is not a log")
        block_number(_field(entry, "blockNumber"), "log block number")
        as_hash(_field(entry, "blockHash"), "log block hash")
        as_hash(_field(entry, "transactionHash"), "log transaction hash")
        as_uint(_field(entry, "logIndex"), "log index", maximum=MAX_LOG_INDEX)
        topics = entry.get("topics")
        if not isinstance(topics, (list, tuple)) or len(topics) > 4:
            raise BadAnswer(f"log topics: {_show(topics)}")
        for topic in topics:
            as_hash(topic, "log topic")
        _data(entry.get("data"), "log data")
    return list(entries)


def full_block(raw: Any, number: int) -> Any:
    """A block read with its transactions (the watcher's scan without ``eth_getLogs``), checked."""
    block(raw, f"block {number}")
    if raw.get("number") != number:
        raise BadAnswer(f"asked for block {number}, got {_show(raw.get('number'))}")
    txs = raw.get("transactions")
    if not isinstance(txs, (list, tuple)) or not all(hasattr(tx, "get") for tx in txs):
        raise BadAnswer(f"block {number}: its transactions are not a list of transactions")
    for tx in txs:
        as_hash(tx.get("hash"), "transaction hash")
    return raw


def receipt(raw: Any) -> Any:
    """A transaction receipt: block, hash, status 0/1 and its logs, checked."""
    if not hasattr(raw, "get"):
        raise BadAnswer(f"receipt: {_show(raw)} is not a receipt")
    block_number(_field(raw, "blockNumber"), "receipt block number")
    as_hash(_field(raw, "blockHash"), "receipt block hash")
    as_uint(raw.get("status"), "receipt status", maximum=1)
    logs(raw.get("logs"))
    return raw
