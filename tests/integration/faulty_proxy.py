"""A fault-injecting HTTP proxy on loopback in front of a JSON-RPC node (anvil).

It forwards each POST body unchanged (single or batched JSON-RPC) to ``http://127.0.0.1:<target_port>/``
and relays the node's answer, except when it injects a fault. Every request draws one number from a
seeded ``random.Random`` (under a lock) that picks at most one fault, so a sequential run is reproducible.

Faults and what a client sees (the "took effect" column says whether the node got the request):

===================  ============================================================  ===========
fault                client-side symptom                                           took effect
===================  ============================================================  ===========
reset                connection reset / remote disconnect (requests: ConnectionError)  no
http_429             HTTP 429 Too Many Requests (with ``Retry-After: 1``)          no
http_503             HTTP 503 Service Unavailable                                  no
garbage              HTTP 200 with a non-JSON body (an HTML page or random bytes)  no
delay                the correct answer, ``delay_s`` seconds late                  yes
cut                  headers + part of the node's real answer, then EOF            yes
                     (requests: ChunkedEncodingError / IncompleteRead)
drop_after_forward   connection reset after the node answered                      yes
===================  ============================================================  ===========

``down = True`` resets every new connection as soon as it is accepted (the node is unreachable);
a node that really is unreachable behind the proxy also gives the client a reset.

``hostile = Hostile(...)`` makes the proxy a hostile or broken node (issue 10, points 10, 11, 13,
14), for every request or only for some JSON-RPC methods: it replaces the body (e.g. a reply
nested 100,000 levels deep), edits the node's real ``result`` (``-0x1``, ``2**300``, ``null``,
``"0xZZ"``, a wrong type), announces a huge ``Content-Length``, or trickles the answer one byte
every ``trickle_s`` seconds (headers too with ``trickle_headers``).

Only the standard library is used. Every answer carries ``Connection: close``.
"""
from __future__ import annotations

import collections
import http.client
import http.server
import json
import random
import socket
import struct
import threading
from dataclasses import dataclass, fields
from typing import Any, Callable

__all__ = ["Faults", "FaultyProxy", "Hostile", "deep_reply"]

_KEEP = object()


def deep_reply(depth: int = 100_000) -> bytes:
    """A JSON-RPC answer whose result is ``depth`` nested arrays."""
    return b'{"jsonrpc":"2.0","id":1,"result":' + b"[" * depth + b"]" * depth + b"}"


@dataclass
class Hostile:
    """What a hostile node does instead of answering fairly (see the module docstring)."""

    methods: tuple[str, ...] | None = None   # only requests for these methods (None: every request)
    body: bytes | None = None                # answer this instead of forwarding
    result: Any = _KEEP                      # put this JSON value in place of the real result
    edit: Callable[[Any], Any] | None = None  # or: the real result -> the value sent
    content_length: int | None = None        # announce this length (and send what there is)
    trickle_s: float = 0.0                   # one byte every trickle_s seconds
    trickle_headers: bool = False            # the status line and headers trickle too

    def applies(self, methods: list[str]) -> bool:
        return self.methods is None or any(m in self.methods for m in methods)

    def rewrite(self, request: Any, answer: bytes) -> bytes:
        if self.result is _KEEP and self.edit is None:
            return answer
        reply = json.loads(answer)
        asked = {r.get("id"): r.get("method") for r in (request if isinstance(request, list) else [request])}
        for item in reply if isinstance(reply, list) else [reply]:
            if self.methods is None or asked.get(item.get("id")) in self.methods:
                item["result"] = self.edit(item.get("result")) if self.edit is not None else self.result
        return json.dumps(reply).encode()

GARBAGE_HTML = b"<html><body><h1>502 bad gateway</h1></body></html>"


@dataclass
class Faults:
    """Per-request probabilities (0..1). Checked in field order against one random draw; their sum should
    stay <= 1 (anything above 1 only shrinks the faults listed last)."""

    delay: float = 0.0          # probability of delaying the answer
    delay_s: tuple[float, float] = (0.05, 0.5)
    reset: float = 0.0          # close the connection without answering (client sees a reset / remote disconnect)
    cut: float = 0.0            # send headers + only part of the body, then close (truncated JSON)
    garbage: float = 0.0        # answer 200 with a non-JSON body
    http_429: float = 0.0       # answer 429 Too Many Requests
    http_503: float = 0.0       # answer 503
    drop_after_forward: float = 0.0  # forward upstream (it takes effect) but reset the client instead of answering

    def pick(self, r: float) -> str | None:
        """The fault that the draw ``r`` in [0, 1) selects, or None."""
        edge = 0.0
        for f in fields(self):
            if f.name == "delay_s":
                continue
            edge += float(getattr(self, f.name))
            if r < edge:
                return f.name
        return None


def _reset(sock: socket.socket) -> None:
    """Abort a TCP connection: SO_LINGER 0 + close sends RST instead of FIN."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 64

    proxy: FaultyProxy

    def verify_request(self, request, client_address) -> bool:  # runs in the accept thread
        if self.proxy.down:
            self.proxy._count("down")
            _reset(request)
            return False
        return True

    def process_request(self, request, client_address) -> None:
        self.proxy._track(request, True)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        self.proxy._track(request, False)
        super().shutdown_request(request)

    def handle_error(self, request, client_address) -> None:  # a client that went away is not news
        pass


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format, *args) -> None:  # noqa: A002 - keep test output clean
        pass

    # -- plumbing -------------------------------------------------------------------------------------

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _abort(self) -> None:
        """Reset the client connection (the rfile holds a reference to the socket, so close it first)."""
        self.close_connection = True
        try:
            self.rfile.close()
        except OSError:
            pass
        _reset(self.connection)

    def _answer(self, status: int, body: bytes, content_type: str = "application/json",
                extra: dict[str, str] | None = None, *, send: int | None = None) -> None:
        self.close_connection = True
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body if send is None else body[:send])
        self.wfile.flush()

    # -- the request ----------------------------------------------------------------------------------

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        proxy = self.server.proxy
        try:
            body = self._read_body()
        except (OSError, ValueError):
            self._abort()
            return
        fault, delay = proxy._draw()
        proxy._count("requests")
        hostile = proxy.hostile
        if hostile is not None:
            self._hostile(hostile, body)
            return
        try:
            if fault in ("reset", "http_429", "http_503", "garbage"):
                proxy._count(fault)
                if fault == "reset":
                    self._abort()
                elif fault == "http_429":
                    self._answer(429, b"Too Many Requests", "text/plain", {"Retry-After": "1"})
                elif fault == "http_503":
                    self._answer(503, b"Service Unavailable", "text/plain")
                else:
                    self._answer(200, *proxy._garbage())
                return
            try:
                status, reason, answer, ctype = proxy._forward(body, self.headers.get("Content-Type"))
            except (OSError, http.client.HTTPException):
                proxy._count("upstream_error")
                self._abort()
                return
            proxy._count("forwarded")
            if fault is not None:
                proxy._count(fault)
            if fault == "drop_after_forward":
                self._abort()
            elif fault == "cut":
                self._answer(status, answer, ctype, send=len(answer) // 2)
            else:
                if fault == "delay" and proxy._stopping.wait(delay):
                    self._abort()
                    return
                self._answer(status, answer, ctype)
        except OSError:  # the client went away (e.g. timed out during a delay)
            self.close_connection = True

    def _hostile(self, hostile: Hostile, body: bytes) -> None:
        proxy = self.server.proxy
        self.close_connection = True
        try:
            request = json.loads(body)
            methods = [r.get("method") for r in (request if isinstance(request, list) else [request])]
        except ValueError:
            request, methods = None, []
        try:
            status, answer = 200, hostile.body
            if answer is None or not hostile.applies(methods):
                status, _reason, answer, _ctype = proxy._forward(body, self.headers.get("Content-Type"))
                if hostile.applies(methods) and status == 200:
                    answer = hostile.rewrite(request, answer)
            if not hostile.applies(methods):
                self._answer(status, answer)
                return
            proxy._count("hostile")
            length = hostile.content_length if hostile.content_length is not None else len(answer)
            head = (f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n"
                    f"Connection: close\r\n\r\n").encode()
            if hostile.trickle_s <= 0:
                self.wfile.write(head + answer)
                self.wfile.flush()
                return
            if not hostile.trickle_headers:
                self.wfile.write(head)
                self.wfile.flush()
                head = b""
            for i in range(len(head + answer)):
                if proxy._stopping.wait(hostile.trickle_s):
                    break
                self.wfile.write((head + answer)[i:i + 1])
                self.wfile.flush()
        except (OSError, http.client.HTTPException):  # the client gave up on us: that is the point
            pass


class FaultyProxy:
    """See the module docstring. ``faults`` may be replaced and ``down`` flipped while running."""

    def __init__(self, target_port: int, faults: Faults | None = None, *, seed: int = 0,
                 upstream_timeout: float = 10.0) -> None:
        self.target_port = target_port
        self.faults: Faults = faults or Faults()
        self.down: bool = False
        self.hostile: Hostile | None = None
        self.counts: collections.Counter[str] = collections.Counter()
        self.upstream_timeout = upstream_timeout
        self.port = 0
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._conns: set[socket.socket] = set()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> int:
        if self._server is not None:
            return self.port
        self._stopping.clear()
        server = _Server(("127.0.0.1", 0), _Handler)
        server.proxy = self
        self._server, self.port = server, server.server_address[1]
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"faulty-proxy-{self.port}", daemon=True)
        self._thread.start()
        return self.port

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()  # wakes handlers sleeping in a delay
        server.shutdown()
        server.server_close()
        with self._lock:
            conns, self._conns = list(self._conns), set()
        for c in conns:  # wake handlers blocked on a client; their threads are daemons and end on their own
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def __enter__(self) -> FaultyProxy:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- used by the handler ------------------------------------------------------------------------

    def _draw(self) -> tuple[str | None, float]:
        faults = self.faults  # read once: a swap at run time applies to whole requests
        with self._lock:
            fault = faults.pick(self._rng.random())
            delay = self._rng.uniform(*faults.delay_s) if fault == "delay" else 0.0
        return fault, delay

    def _garbage(self) -> tuple[bytes, str]:
        with self._lock:
            n = self.counts["garbage"]
            noise = bytes([0xFF]) + self._rng.randbytes(63)  # 0xff is never valid UTF-8 nor JSON
        return (GARBAGE_HTML, "text/html") if n % 2 else (noise, "application/json")

    def _count(self, key: str) -> None:
        with self._lock:
            self.counts[key] += 1

    def _track(self, sock: socket.socket, add: bool) -> None:
        with self._lock:
            (self._conns.add if add else self._conns.discard)(sock)

    def _forward(self, body: bytes, content_type: str | None) -> tuple[int, str, bytes, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.target_port, timeout=self.upstream_timeout)
        try:
            conn.request("POST", "/", body=body, headers={"Content-Type": content_type or "application/json",
                                                          "Connection": "close"})
            resp = conn.getresponse()
            answer = resp.read()
            return resp.status, resp.reason, answer, resp.getheader("Content-Type", "application/json")
        finally:
            conn.close()
