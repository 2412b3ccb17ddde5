"""Self-test of the fault-injecting proxy against a tiny JSON-RPC stub (no anvil needed)."""
from __future__ import annotations

import collections
import http.server
import json
import socket
import threading
import time

import pytest
import requests
from web3 import HTTPProvider, Web3

from tests.integration.faulty_proxy import Faults, FaultyProxy

CHAIN_ID_HEX = "0x7a69"  # 31337


class Stub:
    """An upstream that answers every JSON-RPC call with 0x7a69 and counts HTTP requests and calls."""

    def __init__(self) -> None:
        self.requests = 0
        self.calls: list[str] = []
        lock = threading.Lock()
        stub = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                items = payload if isinstance(payload, list) else [payload]
                with lock:
                    stub.requests += 1
                    stub.calls += [c.get("method") for c in items]
                answers = [{"jsonrpc": "2.0", "id": c.get("id"), "result": CHAIN_ID_HEX} for c in items]
                body = json.dumps(answers if isinstance(payload, list) else answers[0]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def stub():
    s = Stub()
    yield s
    s.stop()


@pytest.fixture
def proxy(stub):
    p = FaultyProxy(stub.port, seed=1)
    p.start()
    yield p
    p.stop()


def call(url: str, method: str = "eth_chainId", id_: int = 1, timeout: float = 5) -> requests.Response:
    return requests.post(url, json={"jsonrpc": "2.0", "id": id_, "method": method, "params": []}, timeout=timeout)


def test_clean_proxy_forwards_single_and_batch(proxy, stub):
    r = call(proxy.url, id_=7)
    assert r.status_code == 200
    assert r.json() == {"jsonrpc": "2.0", "id": 7, "result": CHAIN_ID_HEX}
    assert r.headers["Connection"] == "close"

    batch = [{"jsonrpc": "2.0", "id": i, "method": m, "params": []}
             for i, m in enumerate(["eth_chainId", "eth_blockNumber", "eth_getLogs"])]
    r = requests.post(proxy.url, data=json.dumps(batch), headers={"Content-Type": "application/json"}, timeout=5)
    assert [a["id"] for a in r.json()] == [0, 1, 2]
    assert stub.calls == ["eth_chainId", "eth_chainId", "eth_blockNumber", "eth_getLogs"]
    assert stub.requests == 2
    assert proxy.counts["forwarded"] == 2 and proxy.counts["requests"] == 2


def test_web3_through_the_proxy(proxy):
    w3 = Web3(HTTPProvider(proxy.url, request_kwargs={"timeout": 5}))
    assert w3.eth.chain_id == 31337


@pytest.mark.parametrize("fault,status", [("http_429", 429), ("http_503", 503)])
def test_http_error_statuses(proxy, stub, fault, status):
    proxy.faults = Faults(**{fault: 1.0})
    r = call(proxy.url)
    assert r.status_code == status
    with pytest.raises(requests.HTTPError):
        r.raise_for_status()
    if status == 429:
        assert r.headers["Retry-After"] == "1"
    assert stub.requests == 0 and proxy.counts[fault] == 1 and proxy.counts["forwarded"] == 0


def test_garbage_is_not_json(proxy, stub):
    proxy.faults = Faults(garbage=1.0)
    for _ in range(2):  # an HTML page, then random bytes
        r = call(proxy.url)
        assert r.status_code == 200
        with pytest.raises(ValueError):  # requests.JSONDecodeError is a ValueError
            r.json()
    assert stub.requests == 0 and proxy.counts["garbage"] == 2


def test_cut_truncates_the_real_answer(proxy, stub):
    proxy.faults = Faults(cut=1.0)
    with pytest.raises((requests.exceptions.ChunkedEncodingError, requests.ConnectionError)):
        call(proxy.url)
    # read leniently: the part that arrived is a prefix of a JSON answer that does not parse
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as s:
        body = b'{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}'
        s.sendall(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        raw = b""
        while chunk := s.recv(65536):
            raw += chunk
    head, _, partial = raw.partition(b"\r\n\r\n")
    length = int(next(h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")).split(b":")[1])
    assert 0 < len(partial) < length and partial.startswith(b"{")
    with pytest.raises(ValueError):
        json.loads(partial)
    assert stub.requests == 2 and proxy.counts["cut"] == 2  # the node did answer both


def test_reset_never_reaches_the_node(proxy, stub):
    proxy.faults = Faults(reset=1.0)
    with pytest.raises(requests.ConnectionError):
        call(proxy.url)
    assert stub.requests == 0 and proxy.counts["reset"] == 1


def test_delay_answers_late_but_right(proxy, stub):
    proxy.faults = Faults(delay=1.0, delay_s=(0.2, 0.25))
    t0 = time.monotonic()
    r = call(proxy.url, id_=3)
    assert time.monotonic() - t0 >= 0.2
    assert r.json()["result"] == CHAIN_ID_HEX and r.json()["id"] == 3
    assert proxy.counts["delay"] == 1 and proxy.counts["forwarded"] == 1


def test_drop_after_forward_reaches_the_node_but_not_the_client(proxy, stub):
    proxy.faults = Faults(drop_after_forward=1.0)
    with pytest.raises(requests.ConnectionError):
        call(proxy.url, method="eth_sendRawTransaction")
    assert stub.calls == ["eth_sendRawTransaction"]
    assert proxy.counts["drop_after_forward"] == 1 and proxy.counts["forwarded"] == 1


def test_down_and_back_up(proxy, stub):
    proxy.down = True
    with pytest.raises(requests.ConnectionError):
        call(proxy.url)
    assert stub.requests == 0 and proxy.counts["down"] == 1
    proxy.down = False
    assert call(proxy.url).json()["result"] == CHAIN_ID_HEX


def test_node_down_behind_the_proxy_resets_the_client(stub):
    with FaultyProxy(stub.port) as p:
        stub.stop()
        with pytest.raises(requests.ConnectionError):
            call(p.url)
        assert p.counts["upstream_error"] == 1 and p.counts["forwarded"] == 0


def test_mixed_faults_are_reproducible_and_counted(stub):
    faults = Faults(delay=0.1, delay_s=(0.0, 0.01), reset=0.1, cut=0.1, garbage=0.1, http_429=0.1, http_503=0.1,
                    drop_after_forward=0.1)

    def run() -> tuple[list[str], collections.Counter]:
        outcomes = []
        with FaultyProxy(stub.port, faults, seed=42) as p:
            for i in range(40):
                try:
                    r = call(p.url, id_=i)
                    outcomes.append(str(r.status_code) if r.status_code != 200 else
                                    ("ok" if r.json().get("result") == CHAIN_ID_HEX else "?"))
                except ValueError:  # before RequestException: requests.JSONDecodeError is both
                    outcomes.append("not-json")
                except requests.RequestException as e:
                    outcomes.append(type(e).__name__)
        return outcomes, p.counts

    first, counts = run()
    second, counts2 = run()
    assert first == second and counts == counts2
    injected = sum(counts[f] for f in ("delay", "reset", "cut", "garbage", "http_429", "http_503",
                                       "drop_after_forward"))
    assert counts["requests"] == 40 and 0 < injected < 40
    assert first.count("429") == counts["http_429"] and first.count("503") == counts["http_503"]
    assert first.count("not-json") == counts["garbage"]
    assert first.count("ok") == counts["forwarded"] - counts["cut"] - counts["drop_after_forward"]


def test_faults_can_be_swapped_at_run_time(proxy):
    proxy.faults = Faults(http_503=1.0)
    assert call(proxy.url).status_code == 503
    proxy.faults = Faults()
    assert call(proxy.url).status_code == 200


def test_stop_frees_the_port_and_threads(stub):
    p = FaultyProxy(stub.port, Faults(delay=1.0, delay_s=(5.0, 5.0)))
    port = p.start()
    # a request stuck in a long delay must not hold stop() up
    errors: list[Exception] = []

    def slow() -> None:
        try:
            call(p.url, timeout=10)
        except requests.RequestException as e:
            errors.append(e)

    t = threading.Thread(target=slow)
    t.start()
    time.sleep(0.2)
    t0 = time.monotonic()
    p.stop()
    assert time.monotonic() - t0 < 1.0
    t.join(5)
    assert not t.is_alive() and len(errors) == 1
    assert not any(th.name == f"faulty-proxy-{port}" for th in threading.enumerate())
    with pytest.raises(requests.ConnectionError):
        call(f"http://127.0.0.1:{port}", timeout=2)
    with socket.socket() as s:  # the port is free again
        s.bind(("127.0.0.1", port))
    p.stop()  # idempotent
