"""``sompos sync`` never claims success without having read the chain (issue 18, point 11).

Seen before the fix: with a node that answers everything but serves nonsense for ``eth_getLogs``,
the drain's payment scan failed, ``SyncRunner.reconcile`` logged it and went on, the pass counted
as done and ``sompos sync --deadline N`` printed "all payments are final or failed" and exited 0;
payments that arrived meanwhile were never seen. Now the step counts as offline, the drain tries
again until its deadline, exits 3 (the deadline / no node code) and says in one line that the
chain could not be read. A real anvil node behind the hostile proxy of ``faulty_proxy.py``.
"""
from __future__ import annotations

import json

import pytest

from pos_app.cli.main import main as cli_main
from pos_app.shop.config import set_network

from .conftest import deploy_shop, profile_toml, shop_context, start_anvil, stop_anvil
from .faulty_proxy import FaultyProxy, Hostile

pytestmark = pytest.mark.anvil


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


def till_behind(tmp_path, shop, url: str):
    """A till whose token facts were cached through anvil itself, then pointed at ``url`` only."""
    ctx = shop_context(tmp_path, shop)
    ctx.token_info(refresh=True)
    set_network(ctx.store, str(profile_toml(tmp_path, [url], shop.token_address)))
    ctx.close()
    return tmp_path / "data"


def sync(capsys, data, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = cli_main(["--data-dir", str(data), "sync", *args])
    out, err = capsys.readouterr()
    return rc, out, err


LOGS_FAULTS = {
    "garbage": Hostile(methods=("eth_getLogs",), body=b"\xff<html>502 bad gateway</html>"),
    "not a list": Hostile(methods=("eth_getLogs",), result="0xZZ"),
    "null": Hostile(methods=("eth_getLogs",), result=None),
}


@pytest.mark.parametrize("fault", list(LOGS_FAULTS), ids=list(LOGS_FAULTS))
def test_sync_with_unreadable_logs_exits_3_and_says_the_chain_was_not_read(shop, hostile, tmp_path, capsys,
                                                                           fault):
    hostile.hostile = LOGS_FAULTS[fault]
    data = till_behind(tmp_path, shop, hostile.url)
    rc, out, err = sync(capsys, data, "--deadline", "4")
    assert hostile.counts["hostile"] >= 1                     # the scan did ask for the logs
    assert rc == 3, out + err
    assert "all payments are final" not in out
    last = out.strip().splitlines()[-1]
    assert last.startswith("deadline reached: the chain could not be read"), out
    assert "Traceback" not in err


def test_sync_json_says_the_chain_was_not_read(shop, hostile, tmp_path, capsys):
    hostile.hostile = LOGS_FAULTS["not a list"]
    data = till_behind(tmp_path, shop, hostile.url)
    rc, out, _err = sync(capsys, data, "--deadline", "3", "--json")
    got = json.loads(out)
    assert rc == 3 and got["done"] is False and got["chain_read"] is False
    assert "makes no sense" in got["chain_problem"] or "No blockchain node" in got["chain_problem"]


def test_sync_with_an_honest_node_still_finishes(shop, hostile, tmp_path, capsys):
    """The control: the same till and proxy, nothing hostile: exit 0 at once."""
    data = till_behind(tmp_path, shop, hostile.url)
    rc, out, err = sync(capsys, data, "--deadline", "20")
    assert rc == 0, out + err
    assert out.strip().splitlines()[-1] == "all payments are final or failed"
