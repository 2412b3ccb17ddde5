"""A small forwarding HTTP proxy on loopback that counts what it carries (issue 18, point 13).

Like a shop's mandatory proxy: a plain-HTTP request names the absolute URI
(``POST http://127.0.0.1:8545/ HTTP/1.1``) and is forwarded; ``CONNECT host:port`` opens a raw
tunnel (for ``https://`` nodes: TLS then runs end to end through it). With ``credentials`` set it
answers ``407 Proxy Authentication Required`` to any request without the matching
``Proxy-Authorization: Basic ...``. ``counts`` has ``POST``, ``CONNECT`` and ``407``; ``auth_seen``
the Proxy-Authorization values received. Only the standard library is used.
"""
from __future__ import annotations

import base64
import collections
import http.client
import http.server
import socket
import threading
from urllib.parse import urlsplit

__all__ = ["ForwardingProxy"]


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    proxy: ForwardingProxy

    def handle_error(self, request, client_address) -> None:  # a client that went away is not news
        pass


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format, *args) -> None:  # noqa: A002 - keep test output clean
        pass

    def _allowed(self) -> bool:
        proxy = self.server.proxy
        got = self.headers.get("Proxy-Authorization")
        proxy._note(got)
        if proxy.credentials is None or got == proxy.expected_auth:
            return True
        proxy._count("407")
        self.close_connection = True
        body = b"proxy authentication required"
        self.send_response(407, "Proxy Authentication Required")
        self.send_header("Proxy-Authenticate", 'Basic realm="shop proxy"')
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        return False

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if not self._allowed():
            return
        target = urlsplit(self.path)
        if target.scheme != "http" or not target.hostname:
            self.send_error(400, "a proxy is asked for an absolute http:// URI")
            return
        self.server.proxy._count("POST")
        conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=10)
        try:
            conn.request("POST", (target.path or "/") + (f"?{target.query}" if target.query else ""), body=body,
                         headers={"Content-Type": self.headers.get("Content-Type", "application/json")})
            resp = conn.getresponse()
            answer = resp.read()
        except OSError:
            self.send_error(502, "the node did not answer the proxy")
            return
        finally:
            conn.close()
        self.send_response(resp.status, resp.reason)
        self.send_header("Content-Type", resp.getheader("Content-Type", "application/json"))
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def do_CONNECT(self) -> None:  # noqa: N802
        if not self._allowed():
            return
        host, _, port = self.path.rpartition(":")
        try:
            upstream = socket.create_connection((host, int(port)), timeout=10)
        except (OSError, ValueError):
            self.send_error(502, "cannot reach the node")
            return
        self.server.proxy._count("CONNECT")
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()
        self.close_connection = True
        client = self.connection
        pump = threading.Thread(target=_pipe, args=(upstream, client), daemon=True)
        pump.start()
        _pipe(client, upstream)
        pump.join(10)


def _pipe(a: socket.socket, b: socket.socket) -> None:
    try:
        a.settimeout(None)
        while data := a.recv(65536):
            b.sendall(data)
    except OSError:
        pass
    finally:
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


class ForwardingProxy:
    """See the module docstring; ``url`` is what HTTP_PROXY / HTTPS_PROXY are set to."""

    def __init__(self, credentials: tuple[str, str] | None = None) -> None:
        self.credentials = credentials
        self.expected_auth = None if credentials is None else "Basic " + base64.b64encode(
            f"{credentials[0]}:{credentials[1]}".encode()).decode("ascii")
        self.counts: collections.Counter[str] = collections.Counter()
        self.auth_seen: list[str | None] = []
        self.port = 0
        self._lock = threading.Lock()
        self._server: _Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url_with(self, user: str, password: str) -> str:
        return f"http://{user}:{password}@127.0.0.1:{self.port}"

    def start(self) -> ForwardingProxy:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.proxy = self
        self._server, self.port = server, server.server_address[1]
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True,
                         name=f"forwarding-proxy-{self.port}").start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()

    def __enter__(self) -> ForwardingProxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _count(self, key: str) -> None:
        with self._lock:
            self.counts[key] += 1

    def _note(self, auth: str | None) -> None:
        with self._lock:
            self.auth_seen.append(auth)
