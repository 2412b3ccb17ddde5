"""Talking to EVM nodes: several RPC URLs in order, failover, back-off, and a chain id check.

``RpcClient.call(what, fn)`` runs ``fn(w3)`` on the first healthy endpoint. Connection errors,
timeouts, HTTP 429/5xx and JSON-RPC rate limits put that endpoint in back-off (doubling up to a
minute) and the next URL is tried; when none answers, ``NodeUnavailable`` says so in words a
cashier understands. Any other JSON-RPC error is an answer, raised as ``RpcRefused`` for the caller
to interpret (for example a log range that is too large). Before its first use, an endpoint's
``eth_chainId`` must equal the profile's; a node of another chain is never used.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

import requests
from web3 import HTTPProvider, Web3
from web3.exceptions import BadResponseFormat, ProviderConnectionError, Web3RPCError

from pos_app.errors import ChainError, NodeUnavailable, WrongNetwork
from pos_app.profiles import NetworkProfile
from pos_app.text import mask_secrets, mask_url

T = TypeVar("T")

BACKOFF_START = 1.0
BACKOFF_MAX = 60.0
_RATE_LIMIT_WORDS = ("rate limit", "too many requests", "limit exceeded", "exceeded the quota")


class RpcRefused(ChainError):
    """The node answered with a JSON-RPC error (it is up, it said no)."""

    def __init__(self, template: str, *, code: int | None, node_message: str, **params: object) -> None:
        super().__init__(template, detail=node_message, **params)
        self.code = code
        self.node_message = node_message


def _rpc_error_parts(exc: Web3RPCError) -> tuple[int | None, str]:
    rpc = getattr(exc, "rpc_response", None) or {}
    err = rpc.get("error") if isinstance(rpc, dict) else None
    if isinstance(err, dict):
        code = err.get("code") if isinstance(err.get("code"), int) else None
        return code, str(err.get("message", ""))
    return None, str(getattr(exc, "message", None) or exc)


def _is_transient(exc: BaseException) -> bool:
    """A flaky link, not an answer: try the next URL and back off this one.

    Resets, timeouts, HTTP errors, a body cut short (ChunkedEncodingError) and garbage where JSON
    should be (a proxy's HTML error page, random bytes) all count.
    """
    # Any HTTP error status too: 429/5xx pass, and a 401/403 (a key or plan problem at a provider)
    # makes the endpoint unusable for now; either way the next URL is tried.
    return isinstance(exc, (requests.RequestException, ProviderConnectionError, BadResponseFormat,
                            json.JSONDecodeError, UnicodeDecodeError, ConnectionError, TimeoutError))


@dataclass
class Endpoint:
    name: str
    w3: Web3
    failures: int = 0
    retry_at: float = 0.0
    chain_checked: bool = False
    wrong_chain: int | None = None
    last_error: str = ""

    def healthy(self, now: float) -> bool:
        return self.wrong_chain is None and now >= self.retry_at

    def fail(self, now: float, why: str) -> None:
        self.failures += 1
        self.retry_at = now + min(BACKOFF_MAX, BACKOFF_START * 2 ** (self.failures - 1))
        self.last_error = why

    def ok(self) -> None:
        self.failures = 0
        self.retry_at = 0.0
        self.last_error = ""


@dataclass
class RpcStatus:
    """What the status bar shows."""

    online: bool
    endpoint: str | None
    errors: dict[str, str] = field(default_factory=dict)


class RpcClient:
    """Failover across a profile's RPC URLs (or one embedded Web3 for the demo chain)."""

    def __init__(self, profile: NetworkProfile, *, embedded_w3: Web3 | None = None,
                 timeout: float = 6.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.profile = profile
        self._clock = clock
        self._lock = threading.Lock()
        if profile.embedded:
            if embedded_w3 is None:
                raise ChainError("The demo network only runs inside `sompos demo`.")
            self.endpoints = [Endpoint("embedded demo chain", embedded_w3)]
        else:
            self.endpoints = [
                Endpoint(mask_url(url), Web3(HTTPProvider(url, request_kwargs={"timeout": timeout},
                                                exception_retry_configuration=None)))
                for url in profile.rpc_urls]
        self.active: Endpoint | None = None

    def _check_chain(self, ep: Endpoint) -> None:
        got = int(ep.w3.eth.chain_id)
        if got != self.profile.chain_id:
            ep.wrong_chain = got
            raise WrongNetwork(
                "The node {node} is on chain {chain}, not {expected} ({network}); it will not be used.",
                node=ep.name, chain=got, expected=self.profile.chain_id, network=self.profile.name)
        ep.chain_checked = True

    def call(self, what: str, fn: Callable[[Web3], T]) -> T:
        """Run ``fn`` against the first healthy endpoint, failing over on transport errors."""
        now = self._clock()
        with self._lock:
            order = [e for e in self.endpoints if e.healthy(now)]
            if not order:  # all in back-off: try the one that is due first rather than none
                order = sorted((e for e in self.endpoints if e.wrong_chain is None),
                               key=lambda e: e.retry_at)[:1]
        wrong: WrongNetwork | None = None
        for ep in order:
            try:
                if not ep.chain_checked:
                    self._check_chain(ep)
                result = fn(ep.w3)
            except WrongNetwork as exc:
                wrong = exc
                continue
            except Web3RPCError as exc:
                code, message = _rpc_error_parts(exc)
                if code == -32005 or any(w in message.lower() for w in _RATE_LIMIT_WORDS):
                    ep.fail(self._clock(), f"rate limited: {message}")
                    continue
                ep.ok()
                self.active = ep
                raise RpcRefused("The node refused to {what}: {message}", code=code,
                                 node_message=message, what=what, message=message) from exc
            except Exception as exc:  # noqa: BLE001 - classify, never leak a traceback
                if _is_transient(exc) or isinstance(exc, OSError):
                    ep.fail(self._clock(), mask_secrets(f"{type(exc).__name__}: {exc}", self.profile.rpc_urls)[:300])
                    continue
                if isinstance(exc, ValueError) and "chain" in str(exc).lower():
                    raise ChainError("The node gave an unexpected answer to {what}.",
                                     detail=str(exc), what=what) from exc
                raise
            ep.ok()
            self.active = ep
            return result
        if wrong is not None and all(e.wrong_chain is not None for e in self.endpoints):
            raise wrong
        self.active = None
        raise NodeUnavailable(
            "No blockchain node answered (tried {tried}); payments will be checked when the "
            "connection returns.", detail="; ".join(f"{e.name}: {e.last_error}" for e in order),
            tried=len(order))

    def status(self) -> RpcStatus:
        return RpcStatus(online=self.active is not None,
                         endpoint=self.active.name if self.active else None,
                         errors={e.name: e.last_error for e in self.endpoints if e.last_error})

    # -- common reads ------------------------------------------------------------------------
    def block_number(self) -> int:
        return int(self.call("report the latest block", lambda w3: w3.eth.block_number))

    def block(self, ident: int | str) -> dict[str, Any]:
        """``{number, hash, timestamp}`` of a block by number or tag (latest, finalized)."""
        def get(w3: Web3) -> dict[str, Any]:
            b = w3.eth.get_block(ident)
            return {"number": int(b["number"]), "hash": "0x" + bytes(b["hash"]).hex(),
                    "timestamp": int(b["timestamp"])}
        return self.call(f"give block {ident}", get)
