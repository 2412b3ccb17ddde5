"""A hostile or broken node (issue 10, points 10, 11, 13 and the node part of 14).

The faulty proxy in ``Hostile`` mode sits in front of a real anvil node and answers some or all
requests with a reply nested 100,000 levels deep, a trickle of one byte every few seconds, a huge
``Content-Length``, or the node's real answer with a number replaced by ``-0x1``, ``2**300``,
``null``, ``"0xZZ"`` or a wrong type. Each time the till must refuse the answer cleanly (a
``ChainError`` a cashier understands), try the next RPC URL, end on time, and store nothing absurd.
Subprocesses run what used to crash the interpreter (a segfault shows as a failed return code).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import pytest
from pos_app.chain import guard
from pos_app.chain.rpc import NonsenseAnswer, RpcClient
from pos_app.shop.config import set_network
from pos_app.core.errors import ChainError, NodeUnavailable
from pos_app.chain.profiles import NetworkProfile
from pos_app.outbox.engine import rpc_batch
from tests.integration.conftest import ANVIL_CHAIN_ID, ROOT, deploy_shop, profile_toml, shop_context, \
    start_anvil, stop_anvil
from tests.integration.faulty_proxy import FaultyProxy, Hostile, deep_reply

BAD_NUMBERS = ["-0x1", hex(2**300), None, "0xZZ", "", 1.5, True, [], {"a": 1}, "0x" + "f" * 65]


@pytest.fixture(scope="module")
def shop():
    node = start_anvil(block_time=None)
    node.mine(3)
    yield deploy_shop(node)
    stop_anvil(node)


@pytest.fixture
def hostile(shop):
    proxy = FaultyProxy(shop.node.port)
    proxy.start()
    yield proxy
    proxy.stop()


def client(shop, *urls: str, budget: float | None = None) -> RpcClient:
    rpc = RpcClient(NetworkProfile("anvil-test", ANVIL_CHAIN_ID, tuple(urls), shop.token_address))
    if budget is not None:
        for ep in rpc.endpoints:
            ep.w3.provider.transport.budget = budget
    return rpc


def run_py(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def sompos(data_dir, *args: str, timeout: float = 60) -> tuple[subprocess.CompletedProcess, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "pos_app", "--data-dir", str(data_dir), *args], env=env,
                              capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"sompos {' '.join(args)} still running after {timeout} s")
    return done, time.monotonic() - start


# -- 10. deep JSON ----------------------------------------------------------------------------------------

def test_f10_recursion_limit_is_sane_after_importing_the_chain_layer():
    done = run_py("""
        import sys
        import pos_app.chain.rpc, pos_app.payments.watcher, pos_app.chain.token, pos_app.outbox.engine
        import py_ecc, web3
        print(sys.getrecursionlimit())
    """)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) <= guard.SANE_RECURSION_LIMIT


def test_f10_deep_json_reply_is_refused_without_a_crash(shop, hostile):
    hostile.hostile = Hostile(body=deep_reply(100_000))
    done = run_py("""
        import json, sys
        from pos_app.chain.rpc import RpcClient
        from pos_app.core.errors import ChainError
        from pos_app.chain.profiles import NetworkProfile
        deep, good, token = sys.argv[1:4]
        out = {}
        try:
            RpcClient(NetworkProfile("t", 31337, (deep,), token)).block_number()
        except ChainError as exc:
            out["alone"] = [type(exc).__name__, exc.user_message]
        out["failover"] = RpcClient(NetworkProfile("t", 31337, (deep, good), token)).block_number()
        print(json.dumps(out))
    """, hostile.url, shop.node.url, shop.token_address)
    assert done.returncode == 0, f"rc {done.returncode}: {done.stderr[-2000:]}"   # -11: segmentation fault
    out = json.loads(done.stdout)
    assert out["alone"][0] == "NonsenseAnswer" and "makes no sense" in out["alone"][1]
    assert out["failover"] == shop.node.w3.eth.block_number
    assert hostile.counts["hostile"] >= 2


def test_f10_reply_guard_counts_depth_outside_strings_only():
    assert guard.json_depth(b'{"a": "[[[[{{{{", "b": [1, {"c": "]]]"}]}') == 3
    assert guard.json_depth(b'{"a": "\\"[[[["}') == 1
    assert guard.json_depth(deep_reply(100_000)) == 100_001
    with pytest.raises(guard.ReplyTooDeep):
        guard.check_reply(deep_reply(guard.MAX_REPLY_DEPTH))
    with pytest.raises(guard.ReplyTooLarge):
        guard.check_reply(b" " * (guard.MAX_REPLY_BYTES + 1))
    assert guard.check_reply(deep_reply(10)) == deep_reply(10)


def test_f10_huge_announced_answer_is_not_read(shop, hostile):
    hostile.hostile = Hostile(methods=("eth_blockNumber",), content_length=10**12)
    start = time.monotonic()
    with pytest.raises(NodeUnavailable) as caught:
        client(shop, hostile.url).block_number()
    assert time.monotonic() - start < 5
    assert "announced an answer of" in caught.value.detail
    assert client(shop, hostile.url, shop.node.url).block_number() == shop.node.w3.eth.block_number


# -- 11. trickle ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("headers_too", [False, True], ids=["body", "headers"])
def test_f11_trickling_node_is_cut_off_on_time_and_the_next_url_answers(shop, hostile, headers_too):
    hostile.hostile = Hostile(trickle_s=0.4, trickle_headers=headers_too)   # under the 6 s socket timeout
    rpc = client(shop, hostile.url, shop.node.url, budget=2.0)
    start = time.monotonic()
    assert rpc.block_number() == shop.node.w3.eth.block_number
    assert time.monotonic() - start < 2.0 + 2.5
    assert "NodeTooSlow" in rpc.endpoints[0].last_error
    start = time.monotonic()                  # the slow node is left alone for a while
    assert rpc.block_number() == shop.node.w3.eth.block_number
    assert time.monotonic() - start < 1.0


def test_f11_outer_deadline_bounds_every_request(shop, hostile):
    hostile.hostile = Hostile(trickle_s=0.4)
    rpc = client(shop, hostile.url)
    start = time.monotonic()
    with rpc.until(time.monotonic() + 1.5), pytest.raises(NodeUnavailable):
        rpc.block_number()
    assert time.monotonic() - start < 1.5 + 1.5
    with rpc.until(time.monotonic() - 1), pytest.raises(NodeUnavailable) as caught:
        rpc.block_number()
    assert "time allowed has run out" in caught.value.user_message


def _cli_shop(tmp_path, shop, urls):
    """A till whose token facts were cached through anvil, then pointed at ``urls``."""
    ctx = shop_context(tmp_path, shop)
    ctx.token_info(refresh=True)
    set_network(ctx.store, str(profile_toml(tmp_path, urls, shop.token_address)))
    ctx.close()
    return tmp_path / "data"


def test_f11_sync_once_ends_on_time_and_uses_the_next_url(shop, hostile, tmp_path):
    hostile.hostile = Hostile(trickle_s=2.0, trickle_headers=True)
    data = _cli_shop(tmp_path, shop, [hostile.url, shop.node.url])
    done, took = sompos(data, "--json", "sync", "--once")
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout)["head"] == shop.node.w3.eth.block_number
    assert took < 10 + 15   # one request budget for the slow node, start-up, the pass


def test_f11_sync_deadline_holds_with_only_a_trickling_node(shop, hostile, tmp_path):
    hostile.hostile = Hostile(trickle_s=2.0)
    data = _cli_shop(tmp_path, shop, [hostile.url])
    done, took = sompos(data, "sync", "--deadline", "8", timeout=60)
    assert done.returncode == 3, done.stdout + done.stderr
    assert "deadline reached" in done.stdout and "Traceback" not in done.stderr
    # Start-up (imports, opening the shop) and the 8 s: reading the token's facts counts in the 8 s.
    assert took < 8 + 8


# -- 13 + 14. numbers from a node -------------------------------------------------------------------------

@pytest.mark.parametrize("value", BAD_NUMBERS, ids=repr)
def test_f13_nonsense_block_number_is_refused_and_the_next_url_used(shop, hostile, value):
    hostile.hostile = Hostile(methods=("eth_blockNumber",), result=value)
    with pytest.raises(NonsenseAnswer) as caught:
        client(shop, hostile.url).block_number()
    assert "makes no sense" in caught.value.user_message
    assert client(shop, hostile.url, shop.node.url).block_number() == shop.node.w3.eth.block_number


@pytest.mark.parametrize("field,value", [("number", "-0x1"), ("number", hex(10**12)), ("number", None),
                                         ("hash", "0x1234"), ("hash", None), ("timestamp", "-0x5"),
                                         ("timestamp", hex(2**64)), ("timestamp", "0xZZ")])
def test_f13_nonsense_block_fields_are_refused(shop, hostile, field, value):
    hostile.hostile = Hostile(methods=("eth_getBlockByNumber",), edit=lambda b: {**b, field: value})
    with pytest.raises(NonsenseAnswer):
        client(shop, hostile.url).block("latest")
    good = client(shop, hostile.url, shop.node.url).block("latest")
    assert good["number"] == shop.node.w3.eth.block_number


def test_f14_null_latest_block_and_wrong_shape_are_refused(shop, hostile):
    for value in (None, "0x12", [1, 2]):
        hostile.hostile = Hostile(methods=("eth_getBlockByNumber",), result=value)
        with pytest.raises(NonsenseAnswer):
            client(shop, hostile.url).block("latest")


@pytest.mark.parametrize("value", ["-0x1", hex(2**300), None, "0xZZ", {"gwei": 5}])
def test_f13_node_gas_price_never_becomes_the_fee_floor(shop, hostile, tmp_path, value):
    hostile.hostile = Hostile(methods=("eth_gasPrice",), result=value)
    ctx = shop_context(tmp_path, shop, urls=[hostile.url])
    with pytest.raises(ChainError):
        ctx.watcher().scan_once()
    assert ctx.offline.fee_floor(ANVIL_CHAIN_ID) is None           # nothing stored from that node
    ctx.close()
    ctx = shop_context(tmp_path / "b", shop, urls=[hostile.url, shop.node.url])
    ctx.watcher().scan_once()
    assert ctx.offline.fee_floor(ANVIL_CHAIN_ID).gas_price == shop.node.w3.eth.gas_price
    ctx.close()


@pytest.mark.parametrize("method,value", [("eth_getBalance", "-0x1"), ("eth_getBalance", hex(2**300)),
                                          ("eth_getTransactionCount", None),
                                          ("eth_getTransactionCount", "0xZZ"),
                                          ("eth_getTransactionCount", hex(2**70))])
def test_f13_balances_and_nonces_are_checked(shop, hostile, method, value):
    hostile.hostile = Hostile(methods=(method,), result=value)
    with pytest.raises(NonsenseAnswer):
        if method == "eth_getBalance":
            client(shop, hostile.url).balance(shop.customer)
        else:
            client(shop, hostile.url).nonce(shop.customer)
    rpc = client(shop, hostile.url, shop.node.url)
    assert rpc.balance(shop.customer) == shop.node.w3.eth.get_balance(shop.customer)
    assert rpc.nonce(shop.customer) == shop.node.w3.eth.get_transaction_count(shop.customer)


@pytest.mark.parametrize("edit", [lambda r: {**r, "blockNumber": "-0x1"}, lambda r: {**r, "blockHash": "0x12"},
                                  lambda r: {**r, "status": "0x2"}, lambda r: [r], lambda r: "0xZZ"],
                         ids=["negative block", "short hash", "status 2", "a list", "a string"])
def test_f14_nonsense_receipts_in_a_batch_are_refused(shop, hostile, edit):
    tx = shop.pay(1)
    calls = [("eth_getTransactionReceipt", [tx]), ("eth_getTransactionCount", [shop.customer, "latest"])]
    hostile.hostile = Hostile(methods=("eth_getTransactionReceipt",), edit=edit)
    with pytest.raises(NonsenseAnswer):
        client(shop, hostile.url).call("read receipts", lambda w3: rpc_batch(w3, calls))
    got = client(shop, hostile.url, shop.node.url).call("read receipts", lambda w3: rpc_batch(w3, calls))
    assert got[0]["result"]["transactionHash"] == tx


def test_f14_sync_once_against_a_nonsense_node_says_so_in_one_line(shop, hostile, tmp_path):
    hostile.hostile = Hostile(methods=("eth_blockNumber", "eth_getBlockByNumber"), result="-0x1")
    data = _cli_shop(tmp_path, shop, [hostile.url])
    done, _took = sompos(data, "sync", "--once")
    assert done.returncode != 0 and "Traceback" not in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "makes no sense" in done.stderr or "No blockchain node" in done.stderr, done.stderr
    assert "unexpected" not in (done.stdout + done.stderr).lower()
    import sqlite3
    with sqlite3.connect(data / "sompos.db") as db:
        rows = db.execute("SELECT next_block FROM scan_cursor").fetchall()
    assert all(0 <= r[0] <= shop.node.w3.eth.block_number + 1 for r in rows)


@pytest.mark.parametrize("edit", [lambda lg: {**lg, "logIndex": "-0x1"}, lambda lg: {**lg, "blockNumber": hex(10**15)},
                                  lambda lg: {**lg, "transactionHash": "0xZZ"}, lambda lg: {**lg, "topics": None},
                                  lambda lg: None],
                         ids=["log index -1", "block 10**15", "bad hash", "topics null", "null log"])
def test_f14_nonsense_logs_fail_the_node_over_and_the_payment_is_not_lost(shop, hostile, tmp_path, edit):
    from pos_app.core.money import Tyiyn
    ctx = shop_context(tmp_path, shop, urls=[hostile.url, shop.node.url])
    inv = ctx.create_invoice(Tyiyn(123 + len(str(tmp_path)) % 50))
    tx = shop.pay(inv.due_base)
    shop.node.mine(3)
    hostile.hostile = Hostile(methods=("eth_getLogs",), edit=lambda logs: [edit(lg) for lg in logs])
    ctx.watcher().scan_once()
    rows = ctx.store.query("SELECT block_number, log_index, tx_hash FROM payments WHERE tx_hash = ?", (tx,))
    assert len(rows) == 1 and 0 < rows[0]["block_number"] <= shop.node.w3.eth.block_number
    assert rows[0]["log_index"] >= 0 and len(rows[0]["tx_hash"]) == 66
    assert hostile.counts["hostile"] >= 1
    ctx.close()


@pytest.mark.parametrize("method,edit", [
    ("eth_getBlockByNumber", lambda b: {**b, "transactions": None}),
    ("eth_getBlockByNumber", lambda b: {**b, "transactions": [5]}),
    ("eth_getTransactionReceipt", lambda r: {**r, "status": "0x7"}),
    ("eth_getTransactionReceipt", lambda r: {**r, "logs": [{"address": "0x1"}]}),
], ids=["txs null", "tx a number", "status 7", "log without fields"])
def test_f14_block_scan_without_logs_fails_nonsense_over(shop, hostile, tmp_path, method, edit):
    """Where eth_getLogs is off (public BSC endpoints) blocks and receipts are read: checked too."""
    from pos_app.core.money import Tyiyn
    ctx = shop_context(tmp_path, shop, urls=[hostile.url, shop.node.url])
    w = ctx.watcher()
    w.use_block_scan = True
    w.ensure_cursor()
    inv = ctx.create_invoice(Tyiyn(211 + len(str(tmp_path)) % 50))
    tx = shop.pay(inv.due_base)
    shop.node.mine(2)
    hostile.hostile = Hostile(methods=(method,), edit=lambda v: edit(v) if isinstance(v, dict) else v)
    w.scan_once()
    rows = ctx.store.query("SELECT block_number, log_index FROM payments WHERE tx_hash = ?", (tx,))
    assert len(rows) == 1 and rows[0]["log_index"] >= 0
    assert "nonsense answer" in w.rpc.endpoints[0].last_error   # that node was left for the next
    ctx.close()
