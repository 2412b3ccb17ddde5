"""Talking to EVM nodes: several RPC URLs in order, failover, back-off, and a chain id check.

``RpcClient.call(what, fn)`` runs ``fn(w3)`` on the first healthy endpoint. Connection errors,
timeouts, HTTP 429/5xx and JSON-RPC rate limits put that endpoint in back-off (doubling up to a
minute) and the next URL is tried; when none answers, ``NodeUnavailable`` says so in words a
cashier understands. Any other JSON-RPC error is an answer, raised as ``RpcRefused`` for the caller
to interpret (for example a log range that is too large). Before its first use, an endpoint's
``eth_chainId`` must equal the profile's; a node of another chain is never used.

A hostile or broken node cannot hang or crash the caller (issue 10, points 10, 11, 13, 14):
requests go through ``GuardedHTTPProvider`` (a total time budget per request, a size and nesting
cap checked before parsing), and the readers below (``block``, ``block_number``, ``gas_price``,
``balance``, ``nonce``) check every value's type and range (``answers``). An answer that makes no
sense (``BadAnswer``, a bad hex number, ``null`` or a wrong type that breaks web3's formatters)
counts as a failure of that endpoint with a long back-off, like one that is too slow or too
deep, and the next URL is tried; when no endpoint gave a sensible answer, ``NonsenseAnswer``
says so. ``until(deadline)`` bounds every request made inside it by an outer deadline
(``sompos sync --deadline``).

Under a deadline one URL gets at most its share of the time that is left (that time divided by
the URLs still to try), so a node that hangs or trickles cannot use up the deadline before the
next URL is asked; and the caller stops waiting at that share's end even while web3 is still
checking and formatting a huge answer (the request runs on its own thread, left to finish alone).
A node found too slow is not asked again before its back-off ends, even when it is the only one: a
till with one trickling node ends a pass after one request budget instead of paying the budget
again for every request (issue 18, point 12). One that answered nonsense is still asked as the
last resort (asking costs nothing; on a single flaky link it is usually the link).
"""
from __future__ import annotations

import binascii
import json
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, TypeVar

import requests
from web3 import Web3
from web3.exceptions import (BadResponseFormat, BlockNotFound, ContractLogicError, ProviderConnectionError, Web3Exception,
                             Web3RPCError)

from pos_app.chain import answers
from pos_app.chain.provider import GuardedHTTPProvider, HostileReply, NodeTooSlow
from pos_app.core.errors import ChainError, NodeUnavailable, WrongNetwork
from pos_app.chain.profiles import NetworkProfile
from pos_app.core.text import mask_secrets, mask_url

T = TypeVar("T")

BACKOFF_START = 1.0
BACKOFF_MAX = 60.0
BACKOFF_HOSTILE = 60.0  # too slow, too deep, or nonsense: do not ask that node again soon
LATE_S = 0.1            # how long past a request's end the caller waits for its own NodeTooSlow
_RATE_LIMIT_WORDS = ("rate limit", "too many requests", "limit exceeded", "exceeded the quota")


class NonsenseAnswer(NodeUnavailable):
    """Every endpoint tried answered something that makes no sense (or was too slow or too deep)."""


# What web3's formatters and our readers raise on a malformed answer: a bad hex number, ``null``
# where a value belongs, a string instead of an object, a missing field.
_NONSENSE = (answers.BadAnswer, ValueError, TypeError, KeyError, IndexError, AttributeError,
             OverflowError, binascii.Error, RecursionError)


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
    shunned: bool = False  # in a hostile back-off: not asked before retry_at, even as the last resort

    def healthy(self, now: float) -> bool:
        return self.wrong_chain is None and now >= self.retry_at

    def fail(self, now: float, why: str, *, at_least: float = 0.0, shun: bool = False) -> None:
        self.failures += 1
        self.retry_at = now + max(at_least, min(BACKOFF_MAX, BACKOFF_START * 2 ** (self.failures - 1)))
        self.last_error = why
        # Only a node that cost a whole request budget (too slow) is skipped even as the last one:
        # a garbage answer costs nothing to ask again, and on a till with one flaky link it is
        # usually the link, not the node (a single node would otherwise be off for a minute).
        self.shunned = shun

    def ok(self) -> None:
        self.failures = 0
        self.retry_at = 0.0
        self.last_error = ""
        self.shunned = False


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
        self.deadline: float | None = None  # time.monotonic() by which every request must be done
        self._share = threading.local()      # .end: when the request on this thread must be done
        if profile.embedded:
            if embedded_w3 is None:
                raise ChainError("chain.demo_network_only_runs")
            self.endpoints = [Endpoint("embedded demo chain", embedded_w3)]
        else:
            self.endpoints = [
                Endpoint(mask_url(url), Web3(GuardedHTTPProvider(url, read_timeout=timeout,
                                                                 deadline=self._request_end)))
                for url in profile.rpc_urls]
        self.active: Endpoint | None = None

    @contextmanager
    def until(self, deadline: float | None) -> Iterator[None]:
        """Requests inside end by ``deadline`` (``time.monotonic()``); nested: the earlier one holds."""
        before = self.deadline
        if deadline is not None and (before is None or deadline < before):
            self.deadline = deadline
        try:
            yield
        finally:
            self.deadline = before

    def _out_of_time(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline

    def _request_end(self) -> float | None:
        """When the request being made on this thread must be done: its URL's share, or the deadline."""
        own, outer = getattr(self._share, "end", None), self.deadline
        return outer if own is None else own if outer is None else min(own, outer)

    def _share_end(self, left: int) -> float | None:
        """Under a deadline: the end of this URL's share of the time left, ``left`` URLs still to try."""
        if self.deadline is None or self.profile.embedded:
            return None
        now = time.monotonic()
        return now + max(0.0, self.deadline - now) / max(1, left)

    def _attempt(self, ep: Endpoint, fn: Callable[[Web3], T], end: float | None) -> T:
        """``fn`` on ``ep`` (its chain checked first); by ``end`` at the latest when there is one.

        With an end the request runs on a thread of its own, so the caller is back by then even if
        web3 is still parsing and formatting a 30 MB answer; that thread finishes alone and its
        result is dropped (what it asked is a read, or a signed transaction any node may get again).
        """
        if end is None:
            return self._ask(ep, fn)
        box: dict[str, Any] = {}
        done = threading.Event()

        def run() -> None:
            self._share.end = end
            try:
                box["result"] = self._ask(ep, fn)
            except BaseException as exc:  # noqa: BLE001 - handed to the caller as it is
                box["error"] = exc
            finally:
                done.set()
        threading.Thread(target=run, name="rpc-request", daemon=True).start()
        if not done.wait(max(0.0, end - time.monotonic()) + LATE_S):
            raise NodeTooSlow("no usable answer within the time allowed for this node")
        if "error" in box:
            raise box["error"]
        return box["result"]

    def _ask(self, ep: Endpoint, fn: Callable[[Web3], T]) -> T:
        if not ep.chain_checked:
            self._check_chain(ep)
        return fn(ep.w3)

    def _check_chain(self, ep: Endpoint) -> None:
        got = answers.chain_id(ep.w3.eth.chain_id)
        if got != self.profile.chain_id:
            ep.wrong_chain = got
            raise WrongNetwork(
                "chain.node_chain_will_used",
                node=ep.name, chain=got, expected=self.profile.chain_id, network=self.profile.name)
        ep.chain_checked = True

    def call(self, what: str, fn: Callable[[Web3], T]) -> T:
        """Run ``fn`` against the first healthy endpoint, failing over on transport errors."""
        now = self._clock()
        with self._lock:
            order = [e for e in self.endpoints if e.healthy(now)]
            if not order:  # all in back-off: try the one that is due first rather than none,
                # but not one that was too slow or nonsensical a moment ago (that costs a budget again)
                order = sorted((e for e in self.endpoints if e.wrong_chain is None and not e.shunned),
                               key=lambda e: e.retry_at)[:1]
            shunned = [e for e in self.endpoints if e.shunned and not e.healthy(now)] if not order else []
        if shunned and not self._out_of_time():
            raise NodeUnavailable(
                "chain.blockchain_node_answered_tried", tried=len(shunned),
                detail="; ".join(f"{e.name}: not asked again yet after: {e.last_error}" for e in shunned))
        wrong: WrongNetwork | None = None
        nonsense = 0
        tried = 0
        for i, ep in enumerate(order):
            if self._out_of_time():
                ep.last_error = ep.last_error or "not tried: the deadline had passed"
                break
            tried += 1
            try:
                result = self._attempt(ep, fn, self._share_end(len(order) - i))
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
                raise RpcRefused("chain.node_refused", code=code,
                                 node_message=message, what=what, message=message) from exc
            except (NodeTooSlow, HostileReply) as exc:
                ep.fail(self._clock(), mask_secrets(f"{type(exc).__name__}: {exc}", self.profile.rpc_urls)[:300],
                        at_least=BACKOFF_HOSTILE, shun=isinstance(exc, NodeTooSlow))
                nonsense += isinstance(exc, HostileReply)
                continue
            except Exception as exc:  # noqa: BLE001 - classify, never leak a traceback
                if _is_transient(exc) or isinstance(exc, OSError):
                    ep.fail(self._clock(), mask_secrets(f"{type(exc).__name__}: {exc}", self.profile.rpc_urls)[:300])
                    continue
                if not self.profile.embedded and (isinstance(exc, _NONSENSE) or (
                        isinstance(exc, Web3Exception)
                        and not isinstance(exc, (ProviderConnectionError, ContractLogicError)))):
                    # A malformed answer (answers.BadAnswer, or web3's formatters choking on a
                    # bad hex number, null or a wrong type): that node is not to be trusted now.
                    why = f"nonsense answer to {what}: {type(exc).__name__}: {exc}"
                    ep.fail(self._clock(), mask_secrets(why, self.profile.rpc_urls)[:300],
                            at_least=BACKOFF_HOSTILE)
                    nonsense += 1
                    continue
                raise
            ep.ok()
            self.active = ep
            return result
        if wrong is not None and all(e.wrong_chain is not None for e in self.endpoints):
            raise wrong
        self.active = None
        detail = "; ".join(f"{e.name}: {e.last_error}" for e in order)
        if nonsense and nonsense == tried:
            raise NonsenseAnswer(
                "chain.node_sent_answer_makes", detail=detail, what=what)
        if tried == 0:
            raise NodeUnavailable("chain.blockchain_node_asked_time", detail=detail)
        raise NodeUnavailable(
            "chain.blockchain_node_answered_tried", detail=detail, tried=tried)

    def status(self) -> RpcStatus:
        return RpcStatus(online=self.active is not None,
                         endpoint=self.active.name if self.active else None,
                         errors={e.name: e.last_error for e in self.endpoints if e.last_error})

    # -- common reads ------------------------------------------------------------------------
    # Each value is checked (answers.py) inside the call, so a nonsense answer fails over.
    def block_number(self) -> int:
        return self.call("report the latest block", lambda w3: answers.block_number(w3.eth.block_number))

    def block(self, ident: int | str) -> dict[str, Any]:
        """``{number, hash, timestamp}`` of a block by number or tag (latest, finalized)."""
        def get(w3: Web3) -> dict[str, Any]:
            try:
                raw = w3.eth.get_block(ident)
            except BlockNotFound as exc:
                if ident == "latest":  # ``null`` for the head: every node has one
                    raise answers.BadAnswer("no latest block") from exc
                raise
            b = answers.block(raw, f"block {ident}")
            if isinstance(ident, int) and b["number"] != ident:
                raise answers.BadAnswer(f"asked for block {ident}, got block {b['number']}")
            return b
        return self.call(f"give block {ident}", get)

    def gas_price(self, what: str = "read the gas price") -> int:
        return self.call(what, lambda w3: answers.gas_price(w3.eth.gas_price))

    def balance(self, address: str, what: str = "read a balance") -> int:
        """The address's balance of the chain's own coin (BNB), in wei."""
        return self.call(what, lambda w3: answers.balance(w3.eth.get_balance(address)))

    def nonce(self, address: str, block: str = "latest", what: str = "count an account's transactions") -> int:
        return self.call(what, lambda w3: answers.nonce(w3.eth.get_transaction_count(address, block)))
