"""An HTTP JSON-RPC provider for web3 that a hostile or broken node cannot hang or crash.

web3's own ``HTTPProvider`` (through requests) has only a socket timeout: a node that trickles one
byte every 2 s never trips it, and ``json.loads`` of a 100,000-deep reply overflows the C stack.
``GuardedHTTPProvider`` sends the POST itself (``http.client``, keep-alive connections reused) and

* gives every request a total time budget: ``BUDGET_S`` until the headers are in (a watchdog
  shuts the socket down, so even trickled headers end on time), then the body must keep coming at
  ``MIN_RATE`` bytes/s on average, never longer than ``MAX_BUDGET_S`` in all; an outer deadline
  (``deadline()``, e.g. ``sompos sync --deadline 8``) shortens every budget;
* refuses a body larger than ``guard.MAX_REPLY_BYTES`` (also by its Content-Length, unread), and
  one nested deeper than ``guard.MAX_REPLY_DEPTH`` before parsing it.

Each failure raises ``NodeLinkError`` (a ``ProviderConnectionError``: ``RpcClient`` fails over to the
next RPC URL); ``NodeTooSlow`` and ``HostileReply`` mark the endpoint for a long back-off.
Certificates: ``REQUESTS_CA_BUNDLE``/``SSL_CERT_FILE`` if set, else certifi's bundle (like requests).
User-info in the URL (``https://user:secret@host/``) becomes HTTP basic authentication.

Proxies are taken from the environment as requests takes them (``HTTPS_PROXY``, ``HTTP_PROXY``,
``ALL_PROXY``, lower case first; ``NO_PROXY`` by host, domain suffix, ``host:port``, CIDR or ``*``;
``urllib.request.getproxies()`` and ``proxy_bypass``): an ``https://`` node is reached through an
HTTP ``CONNECT`` tunnel (the certificate is still the node's), an ``http://`` node by sending the
absolute URI to the proxy; ``http://user:secret@proxy:3128`` becomes ``Proxy-Authorization``. A
till behind a mandatory proxy is not offline for ever; a proxy that refuses (``407``) says so.
"""
from __future__ import annotations

import base64
import http.client
import os
import select
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import unquote, urlsplit

from requests.utils import get_environ_proxies, prepend_scheme_if_needed, select_proxy
from web3 import HTTPProvider
from web3._utils.batching import sort_batch_response_by_response_ids
from web3.exceptions import ProviderConnectionError

from pos_app.chain import guard

BUDGET_S = 10.0          # until the status line and headers are in, and the base for the body
MIN_RATE = 16 * 1024     # bytes/s the body must average beyond the base budget
MAX_BUDGET_S = 120.0     # never longer than this for one request, however fast the bytes come
READ_TIMEOUT_S = 6.0     # one socket operation
MAX_IDLE = 4             # keep-alive connections kept per endpoint


class NodeLinkError(ProviderConnectionError):
    """The request did not produce a usable answer (transport, HTTP status, size, depth, time)."""


class NodeTooSlow(NodeLinkError):
    """No full answer within the request's time budget."""


class HostileReply(NodeLinkError):
    """An answer no JSON-RPC node sends: too large or too deeply nested."""


def _ssl_context() -> ssl.SSLContext:
    cafile = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("SSL_CERT_FILE")
    if not cafile:
        try:
            import certifi
            cafile = certifi.where()
        except ImportError:  # pragma: no cover - requests depends on certifi
            cafile = None
    return ssl.create_default_context(cafile=cafile)


def _basic(user: str | None, password: str | None) -> str:
    cred = f"{unquote(user or '')}:{unquote(password or '')}".encode()
    return "Basic " + base64.b64encode(cred).decode("ascii")


@dataclass(frozen=True)
class Proxy:
    """The HTTP proxy a request goes through; ``problem`` says why it cannot be used."""

    host: str
    port: int
    shown: str                       # its address without credentials, for messages
    authorization: str | None = None  # the Proxy-Authorization header's value
    problem: str | None = None


def proxy_for(uri: str) -> Proxy | None:
    """The proxy the environment names for ``uri`` (module docstring), or None to go direct."""
    chosen = select_proxy(uri, get_environ_proxies(uri))
    if not chosen:
        return None
    parts = urlsplit(prepend_scheme_if_needed(chosen, "http"))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        port = 0
    host = parts.hostname or ""
    shown = f"{parts.scheme}://{host}:{port}"
    if parts.scheme != "http" or not host or not port:
        # http.client speaks plain HTTP to a proxy only (no TLS to the proxy itself, no SOCKS).
        return Proxy(host, port, shown, problem=f"the proxy {shown} is not usable: only http:// proxies are")
    auth = _basic(parts.username, parts.password) if parts.username is not None else None
    return Proxy(host, port, shown, auth)


class BoundedTransport:
    """POST a body to one URL and return the answer's bytes, within the budgets above."""

    def __init__(self, uri: str, headers: dict[str, str], *, read_timeout: float = READ_TIMEOUT_S,
                 budget: float = BUDGET_S, max_budget: float = MAX_BUDGET_S, min_rate: float = MIN_RATE,
                 deadline: Callable[[], float | None] | None = None) -> None:
        parts = urlsplit(uri)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("an RPC URL starts with http:// or https:// and names a host")
        self.https = parts.scheme == "https"
        self.host = parts.hostname
        self.port = parts.port or (443 if self.https else 80)
        self.path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self.headers = dict(headers)
        if parts.username is not None:
            self.headers["Authorization"] = _basic(parts.username, parts.password)
        self.proxy = proxy_for(uri)
        self.target = self.path  # what the request line names
        if self.proxy is not None and not self.https:
            # A plain-HTTP proxy is asked for the absolute URI (credentials stay in the header).
            netloc = f"[{self.host}]" if ":" in self.host else self.host
            self.target = f"http://{netloc}:{self.port}{self.path}"
            if self.proxy.authorization:
                self.headers["Proxy-Authorization"] = self.proxy.authorization
        self.read_timeout = read_timeout
        self.budget = budget
        self.max_budget = max_budget
        self.min_rate = min_rate
        self.deadline = deadline
        self._idle: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()
        self._ssl: ssl.SSLContext | None = None

    # -- connections -----------------------------------------------------------------------------
    def _new(self, timeout: float) -> http.client.HTTPConnection:
        proxy = self.proxy
        host, port = (self.host, self.port) if proxy is None else (proxy.host, proxy.port)
        if not self.https:
            return http.client.HTTPConnection(host, port, timeout=timeout)
        if self._ssl is None:
            self._ssl = _ssl_context()
        conn = http.client.HTTPSConnection(host, port, timeout=timeout, context=self._ssl)
        if proxy is not None:
            # CONNECT through the proxy; TLS (and the certificate check) is then with the node itself.
            conn.set_tunnel(self.host, self.port, headers={"Proxy-Authorization": proxy.authorization}
                            if proxy.authorization else None)
        return conn

    def _take(self) -> http.client.HTTPConnection | None:
        while True:
            with self._lock:
                conn = self._idle.pop() if self._idle else None
            if conn is None or not _dropped(conn):
                return conn
            conn.close()  # the node closed it while idle (or sent something unasked)

    def _give_back(self, conn: http.client.HTTPConnection) -> None:
        with self._lock:
            if len(self._idle) < MAX_IDLE:
                self._idle.append(conn)
                return
        conn.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()

    # -- one request -----------------------------------------------------------------------------
    def _end(self, start: float, budget: float) -> float:
        end = start + budget
        outer = self.deadline() if self.deadline is not None else None
        return end if outer is None else min(end, outer)

    def in_time(self, why: str) -> None:
        """``NodeTooSlow(why)`` once the outer deadline (or this request's share of it) has passed."""
        end = self.deadline() if self.deadline is not None else None
        if end is not None and time.monotonic() >= end:
            raise NodeTooSlow(why)

    def post(self, body: bytes) -> bytes:
        if self.proxy is not None and self.proxy.problem:
            raise NodeLinkError(self.proxy.problem)
        start = time.monotonic()
        if self._end(start, self.budget) <= start:
            raise NodeTooSlow("no time left for another request before the deadline")
        conn = self._take()
        if conn is not None:
            try:
                return self._exchange(conn, body, start)
            except _Stale:
                conn.close()  # the node closed a kept-alive connection meanwhile: once more, fresh
        return self._exchange(None, body, start)

    def _exchange(self, conn: http.client.HTTPConnection | None, body: bytes, start: float) -> bytes:
        reused = conn is not None
        head_end = self._end(start, self.budget)
        timeout = max(0.05, min(self.read_timeout, head_end - time.monotonic()))
        if conn is None:
            conn = self._new(timeout)
        fired = threading.Event()
        held: list[socket.socket] = []  # http.client drops conn.sock when the answer says "close"

        def abort() -> None:
            fired.set()
            for sock in held or [s for s in (conn.sock,) if s is not None]:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        dog = threading.Timer(max(0.0, head_end - time.monotonic()), abort)
        dog.daemon = True
        dog.start()
        keep = False
        got_status = False
        try:
            if conn.sock is None:
                conn.connect()
            held.append(conn.sock)
            conn.sock.settimeout(timeout)
            conn.request("POST", self.target, body=body, headers=self.headers)
            resp = conn.getresponse()
            got_status = True
            dog.cancel()
            data = self._read_body(resp, start, fired, held[0], abort)
            keep = not resp.will_close
            if resp.status == 407 and self.proxy is not None:
                raise NodeLinkError(f"the proxy {self.proxy.shown} refused the request: HTTP 407 "
                                    f"{resp.reason} (check the user and password in the proxy setting)")
            if not 200 <= resp.status < 300:
                raise NodeLinkError(f"HTTP {resp.status} {resp.reason}".strip())
            return data
        except NodeLinkError:
            raise
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as exc:
            if fired.is_set():
                raise NodeTooSlow(f"no answer within {self.budget:g} s") from exc
            if reused and not got_status:
                raise _Stale() from exc
            raise NodeLinkError(f"{type(exc).__name__}: {exc}") from exc
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if fired.is_set():
                raise NodeTooSlow(f"no full answer within the time allowed ({self.budget:g} s "
                                  f"for the first bytes)") from exc
            if self.proxy is not None and str(exc).startswith("Tunnel connection failed"):
                raise NodeLinkError(f"the proxy {self.proxy.shown} refused to connect to the node: "
                                    f"{str(exc).partition(': ')[2]}") from exc
            raise NodeLinkError(f"{type(exc).__name__}: {exc}") from exc
        finally:
            dog.cancel()
            if keep and not fired.is_set():
                self._give_back(conn)
            else:
                conn.close()
                for sock in held:
                    sock.close()

    def _read_body(self, resp: http.client.HTTPResponse, start: float, fired: threading.Event,
                   sock: socket.socket, abort: Callable[[], None]) -> bytes:
        length = resp.getheader("Content-Length")
        if length is not None and length.strip().isdigit() and int(length) > guard.MAX_REPLY_BYTES:
            raise HostileReply(f"the node announced an answer of {int(length)} bytes")
        hard_end = self._end(start, self.max_budget)
        dog = threading.Timer(max(0.0, hard_end - time.monotonic()), abort)
        dog.daemon = True
        dog.start()
        data = bytearray()
        try:
            while True:
                now = time.monotonic()
                allowed = min(hard_end, self._end(start, self.budget + len(data) / self.min_rate))
                if now >= allowed:
                    raise NodeTooSlow(f"the answer came too slowly ({len(data)} bytes in {now - start:.0f} s)")
                sock.settimeout(max(0.05, min(self.read_timeout, allowed - now)))
                try:
                    chunk = resp.read1(65536)
                except TimeoutError as exc:
                    if time.monotonic() >= allowed - 0.05:  # the budget, not the node's silence, ended it
                        raise NodeTooSlow(f"the answer came too slowly ({len(data)} bytes in "
                                          f"{time.monotonic() - start:.0f} s)") from exc
                    raise
                if not chunk:
                    if fired.is_set():
                        raise NodeTooSlow(f"the answer was still incomplete after {now - start:.0f} s")
                    resp.close()  # done: the connection may carry the next request
                    return bytes(data)
                data += chunk
                if len(data) > guard.MAX_REPLY_BYTES:
                    raise HostileReply(f"the node's answer is larger than {guard.MAX_REPLY_BYTES} bytes")
                if resp.length == 0:  # all Content-Length bytes are in (read1 would not say so)
                    resp.close()
                    return bytes(data)
        finally:
            dog.cancel()


def _dropped(conn: http.client.HTTPConnection) -> bool:
    """An idle kept-alive connection with something to read has been closed by the node."""
    sock = conn.sock
    if sock is None:
        return True
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


class _Stale(Exception):
    """A kept-alive connection the node had closed; retried once on a new one."""


class GuardedHTTPProvider(HTTPProvider):
    """web3's ``HTTPProvider`` with the bounded transport and the reply guard (module docstring)."""

    sompos_guarded = True

    def __init__(self, endpoint_uri: str, *, read_timeout: float = READ_TIMEOUT_S, budget: float = BUDGET_S,
                 max_budget: float = MAX_BUDGET_S, min_rate: float = MIN_RATE,
                 deadline: Callable[[], float | None] | None = None) -> None:
        super().__init__(endpoint_uri, request_kwargs={"timeout": read_timeout}, exception_retry_configuration=None)
        self.transport = BoundedTransport(endpoint_uri, self.get_request_headers(), read_timeout=read_timeout,
                                          budget=budget, max_budget=max_budget, min_rate=min_rate,
                                          deadline=deadline)

    def _make_request(self, method: Any, request_data: bytes) -> bytes:
        return self.transport.post(request_data)

    def make_batch_request(self, batch_requests: list[tuple[Any, Any]]) -> Any:
        raw = self.transport.post(self.encode_batch_rpc_request(batch_requests))
        response = self.decode_rpc_response(raw)
        if not isinstance(response, list):
            return response  # one error object for the whole batch
        return sort_batch_response_by_response_ids(response)

    def decode_rpc_response(self, raw_response: bytes) -> Any:
        try:
            data = guard.check_reply(raw_response)
        except (guard.ReplyTooLarge, guard.ReplyTooDeep) as exc:
            raise HostileReply(str(exc)) from exc
        # Checking a huge answer takes a while: past the request's end it is not parsed as well.
        self.transport.in_time("the answer came too late to be read before the deadline")
        return HTTPProvider.decode_rpc_response(data)
