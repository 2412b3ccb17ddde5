"""A lying JSON-RPC node: an HTTP proxy on loopback in front of a real node (anvil) that answers
some calls itself and forwards the rest (issue 18, point 8 onwards).

Each JSON-RPC call (single or inside a batch) is offered to ``lie(call)`` first: a dict returned is
the answer sent for that call (``{"result": ...}`` or ``{"error": {...}}``; the call never reaches
the node), ``None`` forwards it, after ``ask(call)`` has had the chance to change what is asked
(e.g. ``"finalized"`` -> ``"latest"``). The forwarded calls of one request go to the node as one
batch, and the answers are put back in the order asked. ``lie`` and ``ask`` may be replaced while
the proxy runs (the node starts or stops lying); ``counts`` says what it did.

Helpers build the usual lies: ``swallow_send`` (a signed transaction answered with its right hash
but never forwarded), ``fake_receipt`` (status 1 in a real existing block), ``refuse_send``
(an error for the first sends of some bytes) and ``lying_finalized`` (the head as "finalized").
Only the standard library and eth-utils.
"""
from __future__ import annotations

import collections
import http.client
import http.server
import json
import threading
from collections.abc import Callable
from typing import Any

from eth_utils import keccak

__all__ = ["LyingNode", "tx_hash_of"]

Call = dict[str, Any]


def tx_hash_of(raw_hex: str) -> str:
    """The transaction hash of signed bytes (what an honest node answers to eth_sendRawTransaction)."""
    return "0x" + keccak(bytes.fromhex(raw_hex.removeprefix("0x"))).hex()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    node: LyingNode

    def handle_error(self, request, client_address) -> None:  # a client that went away is not news
        pass


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format, *args) -> None:  # keep test output clean
        pass

    def do_POST(self) -> None:  # http.server's naming
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            answer = self.server.node._answer(body)
        except (OSError, http.client.HTTPException):
            answer = None
        self.close_connection = True
        if answer is None:   # the node behind is gone: so is this one
            self.send_error(502, "the node did not answer")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(answer)


class LyingNode:
    """See the module docstring."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.lie: Callable[[Call], dict[str, Any] | None] = lambda call: None
        self.ask: Callable[[Call], Call] = lambda call: call
        self.counts: collections.Counter[str] = collections.Counter()
        self.port = 0
        self._lock = threading.Lock()
        self._server: _Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LyingNode:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.node = self
        self._server, self.port = server, server.server_address[1]
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True,
                         name=f"lying-node-{self.port}").start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()

    def count(self, what: str) -> None:
        with self._lock:
            self.counts[what] += 1

    # -- the answer --------------------------------------------------------------------------------
    def _answer(self, body: bytes) -> bytes | None:
        request = json.loads(body)
        calls = request if isinstance(request, list) else [request]
        lie, ask = self.lie, self.ask             # read once: a swap applies to whole requests
        answers: dict[int, dict[str, Any]] = {}
        forward: list[tuple[int, Call]] = []
        for i, call in enumerate(calls):
            told = lie(call)
            if told is None:
                forward.append((i, ask(call)))
            else:
                answers[i] = {"jsonrpc": "2.0", "id": call.get("id"), **told}
        if forward:
            got = self._forward([c for _, c in forward] if isinstance(request, list) else forward[0][1])
            if got is None:
                return None
            got_list = got if isinstance(got, list) else [got]
            by_id = {g.get("id"): g for g in got_list}
            for i, c in forward:
                answers[i] = by_id.get(c.get("id"), {"jsonrpc": "2.0", "id": c.get("id"),
                                                     "error": {"code": -32603, "message": "lost"}})
        out = [answers[i] for i in range(len(calls))]
        return json.dumps(out if isinstance(request, list) else out[0]).encode()

    def _forward(self, payload: Any) -> Any:
        conn = http.client.HTTPConnection("127.0.0.1", self.target_port, timeout=10)
        try:
            conn.request("POST", "/", body=json.dumps(payload).encode(),
                         headers={"Content-Type": "application/json", "Connection": "close"})
            resp = conn.getresponse()
            data = resp.read()
            if resp.status != 200:
                return None
            return json.loads(data)
        finally:
            conn.close()

    def honest(self, method: str, params: list[Any]) -> Any:
        """Ask the node behind directly (what a lie is built from: a real block, a real receipt)."""
        got = self._forward({"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
        assert got is not None and "error" not in got, got
        return got["result"]

    # -- the usual lies ----------------------------------------------------------------------------
    def swallow_send(self, raw_hex: str, call: Call) -> dict[str, Any] | None:
        """``raw_hex`` sent: answered with its right hash, never forwarded (else None)."""
        if call.get("method") == "eth_sendRawTransaction" and \
                str(call["params"][0]).lower() == raw_hex.lower():
            self.count("swallowed")
            return {"result": tx_hash_of(raw_hex)}
        return None

    def fake_receipt(self, tx_hash: str, block: dict[str, Any], call: Call, *, sender: str,
                     to: str) -> dict[str, Any] | None:
        """A receipt of ``tx_hash``, status 1, in the real block ``block`` (number and hash copied),
        with no logs (else None)."""
        if call.get("method") != "eth_getTransactionReceipt" or str(call["params"][0]).lower() != tx_hash.lower():
            return None
        self.count("fake_receipt")
        return {"result": {
            "transactionHash": tx_hash, "transactionIndex": "0x0", "blockHash": block["hash"],
            "blockNumber": block["number"], "from": sender.lower(), "to": to.lower(),
            "cumulativeGasUsed": "0xd6d8", "gasUsed": "0xd6d8", "effectiveGasPrice": "0x3b9aca00",
            "contractAddress": None, "logs": [], "logsBloom": "0x" + "00" * 256, "type": "0x2", "status": "0x1"}}

    def lying_finalized(self, call: Call) -> Call:
        """``eth_getBlockByNumber("finalized")`` is asked as ``"latest"``: the head is called final."""
        if call.get("method") == "eth_getBlockByNumber" and call.get("params") and call["params"][0] == "finalized":
            self.count("finalized_lie")
            return {**call, "params": ["latest", *call["params"][1:]]}
        return call
