"""A hung or trickling first RPC URL defeats neither the deadline nor the failover (issue 18, point 12).

Seen before the fix: the per-request budget (10 s) is longer than ``sompos sync --deadline 8``, so
with a first URL that trickles one byte every 2 s (or accepts and never answers) the whole 8 s went
to it and the good second URL was never asked (exit 3); ``sync --once`` against a trickling node
ran for more than 20 s (the node was asked again, for a full budget, by every request); and a
valid 30 MB answer that arrived shortly before the deadline overshot it by seconds while web3
checked and formatted it. Now one URL gets at most its share of the time left, a node found too
slow is not asked again within its back-off, and the caller stops waiting at the deadline.
Real anvil nodes; the CLI runs in-process, timed from the call.
"""
from __future__ import annotations

import http.client
import http.server
import json
import socket
import threading
import time

import pytest

from pos_app.chain.profiles import NetworkProfile
from pos_app.chain.rpc import RpcClient
from pos_app.cli.main import main as cli_main
from pos_app.core.errors import NodeUnavailable
from pos_app.shop.config import set_network

from .conftest import ANVIL_CHAIN_ID, deploy_shop, profile_toml, shop_context, start_anvil, stop_anvil
from .faulty_proxy import FaultyProxy, Hostile

pytestmark = pytest.mark.anvil


@pytest.fixture(scope="module")
def shop():
    node = start_anvil(block_time=None)
    node.mine(3)
    yield deploy_shop(node)
    stop_anvil(node)


@pytest.fixture
def trickle(shop):
    proxy = FaultyProxy(shop.node.port)
    proxy.hostile = Hostile(trickle_s=2.0)   # status line and headers at once, then one byte every 2 s
    proxy.start()
    yield proxy
    proxy.stop()


class Silent:
    """Accepts connections and never answers (a hung node or a black-holing firewall)."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.accepted: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self) -> None:
        self.server.close()
        for c in self.accepted:
            c.close()


@pytest.fixture
def silent():
    s = Silent()
    yield s
    s.close()


@pytest.fixture(autouse=True)
def _let_requests_end():
    """A request the caller stopped waiting for may still be parsing a huge answer: let it end
    before the next test's timings start."""
    yield
    for t in threading.enumerate():
        if t.name == "rpc-request":
            t.join(30)


def till_on(tmp_path, shop, urls: list[str]):
    """A till whose token facts were cached through anvil itself, then pointed at ``urls``."""
    ctx = shop_context(tmp_path, shop)
    ctx.token_info(refresh=True)
    set_network(ctx.store, str(profile_toml(tmp_path, urls, shop.token_address)))
    ctx.close()
    return tmp_path / "data"


def sync(capsys, data, *args: str) -> tuple[int, str, str, float]:
    capsys.readouterr()
    start = time.monotonic()
    rc = cli_main(["--data-dir", str(data), "sync", *args])
    took = time.monotonic() - start
    out, err = capsys.readouterr()
    return rc, out, err, took


def client(shop, *urls: str) -> RpcClient:
    return RpcClient(NetworkProfile("anvil-test", ANVIL_CHAIN_ID, tuple(urls), shop.token_address))


# -- one URL's share of the deadline ----------------------------------------------------------------------

def test_a_hung_first_url_gets_only_its_share_and_the_second_answers(shop, silent):
    rpc = client(shop, silent.url, shop.node.url)
    start = time.monotonic()
    with rpc.until(start + 4):
        assert rpc.block_number() == shop.node.w3.eth.block_number
    took = time.monotonic() - start
    assert took < 2 + 1.2, took                      # half of 4 s for the first of two URLs, then the good one
    assert "NodeTooSlow" in rpc.endpoints[0].last_error
    assert silent.accepted                           # it was asked, and given up on


@pytest.mark.parametrize("bad", ["trickle", "silent"])
def test_sync_deadline_8_reaches_the_good_second_url_in_time(shop, tmp_path, capsys, request, bad):
    first = request.getfixturevalue(bad)
    data = till_on(tmp_path, shop, [first.url, shop.node.url])
    rc, out, err, took = sync(capsys, data, "--deadline", "8")
    assert rc == 0, out + err
    assert out.strip().splitlines()[-1] == "all payments are final or failed"   # the chain was read
    assert took < 8 + 1.0, took  # (a loaded machine: the suite runs in parallel)
    assert first.counts["hostile"] >= 1 if bad == "trickle" else first.accepted


# -- no deadline: one request budget for a trickling node, not one per request ----------------------------

def test_a_node_found_too_slow_is_not_asked_again_by_the_next_request(shop, trickle):
    rpc = client(shop, trickle.url)
    rpc.endpoints[0].w3.provider.transport.budget = 1.5
    start = time.monotonic()
    with pytest.raises(NodeUnavailable):
        rpc.block_number()
    assert time.monotonic() - start < 1.5 + 1.0
    asked = trickle.counts["hostile"]
    start = time.monotonic()
    with pytest.raises(NodeUnavailable) as caught:
        rpc.block_number()
    assert time.monotonic() - start < 1.0   # not a request budget (10 s) again
    assert trickle.counts["hostile"] == asked
    assert "No blockchain node answered" in caught.value.user_message
    assert "NodeTooSlow" in caught.value.detail


def test_sync_once_against_a_trickling_node_ends_within_one_request_budget(shop, trickle, tmp_path, capsys):
    data = till_on(tmp_path, shop, [trickle.url])
    rc, out, err, took = sync(capsys, data, "--once")
    assert rc == 3, out + err
    assert "No blockchain node answered" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert took < 15, took                           # BUDGET_S (10 s) and start-up, not 10 s per request


# -- a 30 MB valid answer near the deadline ---------------------------------------------------------------

_LOG = json.dumps({"address": "0x" + "12" * 20, "topics": ["0x" + "34" * 32] * 3, "data": "0x" + "00" * 32,
                   "blockNumber": "0x1", "blockHash": "0x" + "56" * 32, "transactionHash": "0x" + "78" * 32,
                   "transactionIndex": "0x0", "logIndex": "0x0", "removed": False}).encode()
BIG_LOGS = b'{"jsonrpc":"2.0","id":1,"result":[' + b",".join([_LOG] * (30 * 2**20 // (len(_LOG) + 1))) + b"]}"


class BigLogsNode:
    """Forwards every request to anvil but answers ``eth_getLogs`` with ``BIG_LOGS``: 30 MB of valid
    logs of another contract (nothing the till records). ``late``: the headers at once, a space every
    0.5 s until ``release_at``, then the 30 MB in one go. ``slow``: the 30 MB at 2 MB/s."""

    def __init__(self, target_port: int, mode: str) -> None:
        self.mode, self.target_port, self.release_at, self.asked = mode, target_port, 0.0, 0
        self.stopping = threading.Event()
        node = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.close_connection = True
                try:
                    if b'"eth_getLogs"' in body:
                        node._big(self.wfile)
                    else:
                        node._forward(self.wfile, body)
                except OSError:
                    pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def _forward(self, wfile, body: bytes) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.target_port, timeout=10)
        try:
            conn.request("POST", "/", body=body, headers={"Content-Type": "application/json"})
            answer = conn.getresponse().read()
        finally:
            conn.close()
        wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(answer), answer))

    def _big(self, wfile) -> None:
        self.asked += 1
        pad = b""
        if self.mode == "late":
            pad = b" " * max(0, int((self.release_at - time.monotonic()) / 0.5) + 1)
        wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    b"Content-Length: %d\r\n\r\n" % (len(pad) + len(BIG_LOGS)))
        wfile.flush()
        for space in pad:                      # keeps the link alive (JSON allows leading spaces)
            if self.stopping.wait(0.5):
                return
            wfile.write(bytes([space]))
            wfile.flush()
        step = 2 * 2**20 // 10 if self.mode == "slow" else len(BIG_LOGS)
        for i in range(0, len(BIG_LOGS), step):
            if self.mode == "slow" and self.stopping.wait(0.1):
                return
            wfile.write(BIG_LOGS[i:i + step])
        wfile.flush()

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.parametrize("mode", ["late", "slow"])
def test_sync_deadline_8_holds_with_a_30_mb_answer(shop, tmp_path, capsys, mode):
    """late: complete 1.5 s before the deadline, but checking and formatting 30 MB of logs takes
    seconds (before the fix: done at ~11 s, exit 0). slow: still arriving at the deadline, the body
    read stops there."""
    big = BigLogsNode(shop.node.port, mode)
    try:
        data = till_on(tmp_path, shop, [big.url])
        big.release_at = time.monotonic() + 6.5   # the answer is complete ~1.5 s before the deadline
        rc, out, err, took = sync(capsys, data, "--deadline", "8")
    finally:
        big.close()
    assert big.asked >= 1
    # Start-up, the 8 s, and a little to say so (more on a machine running the suite in parallel;
    # before the fix it overshot by 2.5 to 8 s).
    assert took < 8 + 1.5, took
    assert rc == 3, out + err
    assert out.strip().splitlines()[-1].startswith("deadline reached: the chain could not be read"), out
