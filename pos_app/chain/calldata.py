"""Calls to the token and the answers to them, built and read by public functions of the chain
layer (issue 19, point 3): the outbox and the watcher assemble no calldata and parse no raw answer
of their own. Raw JSON-RPC answers come from ``rawrpc.rpc_batch``.
"""
from __future__ import annotations

from typing import Any

from pos_app.chain.rawrpc import (
    SEL_AUTH_STATE, SEL_BALANCE, SEL_RECEIVE, SEL_TRANSFER, TOPIC_AUTH_CANCELED, TOPIC_AUTH_USED, _err, _get, _hex,
    _int, _word,
)

Call = tuple[str, list[Any]]


def word(value: int | str) -> str:
    """One 32-byte ABI word (hex, no 0x) of an address, a 0x bytes32 or a whole number."""
    return _word(value)


def answer_error(answer: dict[str, Any]) -> str | None:
    """The node's error message in a raw answer, or None when it answered."""
    return _err(answer)


def answer_field(answer: dict[str, Any], key: str) -> Any:
    """A field of a raw answer (``blockNumber``; eth-tester's provider says ``block_number``)."""
    return _get(answer, key)


def as_hex(value: Any) -> str:
    """Bytes or a hex string as ``0x`` hex."""
    return _hex(value)


def as_int(value: Any) -> int:
    """A number from an int, bytes or a (0x) hex string."""
    return _int(value)


def authorization_state_call(token: str, sender: str, payer: str, nonce: str) -> Call:
    """``authorizationState(payer, nonce)`` (EIP-3009): true once used or cancelled."""
    return ("eth_call", [{"from": sender, "to": token, "data": SEL_AUTH_STATE + word(payer) + word(nonce)},
                         "latest"])


def balance_call(token: str, sender: str, holder: str) -> Call:
    """``balanceOf(holder)``."""
    return ("eth_call", [{"from": sender, "to": token, "data": SEL_BALANCE + word(holder)}, "latest"])


def authorization_calldata(*, method: str, payer: str, payee: str, amount: int, valid_after: int,
                           valid_before: int, nonce: str, signature: bytes) -> str:
    """``receiveWithAuthorization`` / ``transferWithAuthorization`` with the customer's signature."""
    rs, ss, v = signature[:32], signature[32:64], signature[64]
    sel = SEL_RECEIVE if method == "receiveWithAuthorization" else SEL_TRANSFER
    return (sel + "".join(word(x) for x in (payer, payee, int(amount), int(valid_after), int(valid_before), nonce,
                                             v if v >= 27 else v + 27)) + rs.hex() + ss.hex())


def authorization_topics(payer: str, nonce: str) -> tuple[list[str], list[str]]:
    """The log topics of ``AuthorizationUsed`` and ``AuthorizationCanceled`` for this payer and nonce."""
    who = "0x" + word(payer)
    return [TOPIC_AUTH_USED, who, nonce.lower()], [TOPIC_AUTH_CANCELED, who, nonce.lower()]
