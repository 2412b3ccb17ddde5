"""Raw JSON-RPC for the sync engine: batched calls answered as plain dicts, and ABI words.

``rpc_batch`` sends up to ``BATCH`` calls per HTTP request where the node batches (one by one
through web3 otherwise, as eth-tester needs); every answer is checked (``chain.answers``) before
the engine reads it. The small helpers read fields the way both real nodes and eth-tester spell
them.
"""
from __future__ import annotations

import re
from typing import Any

from eth_utils import keccak

from pos_app.chain import answers as node_answers

BATCH = 200                 # JSON-RPC calls per HTTP request


def _selector(signature: str) -> str:
    return "0x" + keccak(text=signature)[:4].hex()


SEL_AUTH_STATE = _selector("authorizationState(address,bytes32)")
SEL_BALANCE = _selector("balanceOf(address)")
SEL_RECEIVE = _selector("receiveWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)")
SEL_TRANSFER = _selector("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)")
TOPIC_AUTH_USED = "0x" + keccak(text="AuthorizationUsed(address,bytes32)").hex()
TOPIC_AUTH_CANCELED = "0x" + keccak(text="AuthorizationCanceled(address,bytes32)").hex()


def _word(value: int | str) -> str:
    if isinstance(value, str):  # address or 0x-bytes32
        return value.lower().removeprefix("0x").rjust(64, "0")
    return format(int(value), "064x")


def _int(value: Any) -> int:
    if isinstance(value, int):
        return value
    if isinstance(value, (bytes, bytearray)):
        return int.from_bytes(value, "big")
    return int(str(value), 16) if str(value).startswith("0x") else int(value)


def _hex(value: Any) -> str:
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    s = str(value)
    return s if s.startswith("0x") else "0x" + s




def rpc_batch(w3: Any, calls: list[tuple[str, list[Any]]]) -> list[dict[str, Any]]:
    """Raw JSON-RPC answers (``{"result": …}`` or ``{"error": …}``), one per call, in order.

    Uses one HTTP request per ``BATCH`` calls where the provider can batch; else one by one.
    Transport errors propagate (``RpcClient`` fails over); a JSON-RPC error is an answer.
    """
    provider = w3.provider
    out: list[dict[str, Any]] = []
    if getattr(provider, "sompos_no_batch", False) is False and hasattr(provider, "make_batch_request") \
            and (provider.__class__.__name__ == "HTTPProvider" or getattr(provider, "sompos_guarded", False)):
        for i in range(0, len(calls), BATCH):
            chunk = calls[i:i + BATCH]
            resp = provider.make_batch_request(chunk)
            if isinstance(resp, dict) or len(resp) != len(chunk):
                provider.sompos_no_batch = True  # this node does not batch: one by one from now on
                return rpc_batch(w3, calls)
            out.extend(dict(r) if isinstance(r, dict) else r for r in resp)
        node_answers.check_batch(calls, out)  # a nonsense field fails this node over (RpcClient.call)
        return out
    # One by one through web3's own request path (its formatters adapt the embedded demo chain).
    from web3.exceptions import Web3RPCError
    for method, params in calls:
        try:
            out.append({"result": w3.manager.request_blocking(method, params)})
        except Web3RPCError as exc:
            rpc = getattr(exc, "rpc_response", None) or {}
            err = rpc.get("error") if isinstance(rpc, dict) else None
            out.append({"error": err if isinstance(err, dict) else {"code": None, "message": str(exc)}})
        except (ConnectionError, TimeoutError, OSError):
            raise
        except Exception as exc:  # noqa: BLE001 - eth-tester raises what a node answers as an error
            if type(exc).__module__.startswith(("requests", "urllib3", "web3")):
                raise
            out.append({"error": {"code": None, "message": str(exc)}})
    node_answers.check_batch(calls, out)
    return out


def _get(d: dict[str, Any], key: str) -> Any:
    """A field of a raw answer: nodes say ``blockNumber``, eth-tester's provider ``block_number``."""
    if key in d:
        return d[key]
    return d[re.sub(r"([A-Z])", lambda m: "_" + m.group(1).lower(), key)]


def _err(resp: dict[str, Any]) -> str | None:
    e = resp.get("error")
    if e is None:
        return None
    return str(e.get("message", e)) if isinstance(e, dict) else str(e)
