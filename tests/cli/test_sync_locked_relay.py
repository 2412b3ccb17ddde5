"""``sompos sync`` with a relay key and neither SOMPOS_RELAY_PASSPHRASE nor a terminal (a cron job):
it sends what needs no key (the customer-signed raw transfer), says the authorization waits for the
key's passphrase and exits 4; the drain stops with 4 as soon as only such authorizations are left,
rather than sitting out its deadline. With the passphrase the authorization goes too (exit 0).
Against a real anvil node."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from eth_account import Account

from pos_app.core.money import Tyiyn
from pos_app.keys.keystore import RelayKeyStore
from tests.integration.conftest import ROOT, deploy_shop, fund, key, shop_context, start_anvil, stop_anvil

pytestmark = pytest.mark.anvil

PASS = "correct horse battery staple"


@pytest.fixture()
def queued_shop(tmp_path):
    """A shop with a relay key, one queued raw transfer and one queued authorization."""
    from pos_app.app.demo.wallet import sign_authorization, sign_raw_transfer
    from pos_app.chain.contract import send_token_call
    node = start_anvil(block_time=0.5)
    try:
        shop = deploy_shop(node)
        fund(node, shop.merchant)
        ctx = shop_context(tmp_path, shop, confirmations=1)
        info = ctx.token_info(refresh=True)
        ctx.offline.record_sync(31337, at=int(time.time()), gas_price=1)
        RelayKeyStore(ctx.data_dir).import_key(key("merchant").hex(), PASS)  # the shop's own key relays
        payers = [key("locked relay payer 0"), key("locked relay payer 1")]
        for pk in payers:
            fund(node, Account.from_key(pk).address)
            send_token_call(node.w3, key("issuer"), shop.token.functions.mint(Account.from_key(pk).address, 10**9))
        raw_inv, auth_inv = ctx.create_invoice(Tyiyn(100)), ctx.create_invoice(Tyiyn(200))
        ctx.offline.accept(sign_raw_transfer(node.w3, payers[0], shop.token_address, shop.merchant,
                                             raw_inv.due_base), raw_inv.id, ctx.offline_facts())
        ctx.offline.accept(sign_authorization(payers[1], chain_id=31337, token=shop.token_address, to=shop.merchant,
                                              amount=auth_inv.due_base, name=info.eip712_name,
                                              version=info.eip712_version), auth_inv.id, ctx.offline_facts())
        ctx.close()
        yield tmp_path / "data"
    finally:
        stop_anvil(node)


def sync(data_dir, *args, passphrase: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOMPOS_RELAY")}
    env["PYTHONPATH"] = str(ROOT)
    if passphrase is not None:
        env["SOMPOS_RELAY_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "pos_app", "--data-dir", str(data_dir), "sync", *args], env=env,
                          cwd=ROOT, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


def states(data_dir) -> dict[str, str]:
    r = subprocess.run([sys.executable, "-m", "pos_app", "--data-dir", str(data_dir), "queue", "list", "--json"],
                       cwd=ROOT, capture_output=True, text=True, timeout=60)
    return {i["kind"]: i["state"] for i in json.loads(r.stdout)["items"]}


@pytest.mark.real_kdf  # a child process opens the key: the real scrypt (tests/conftest.py)
def test_sync_once_without_the_passphrase_sends_the_raw_transfer_and_says_what_waits(queued_shop):
    r = sync(queued_shop, "--once")
    assert r.returncode == 4, r.stdout + r.stderr
    assert r.stderr == ""
    assert "1 authorization(s) wait for the relay key" in r.stdout and "SOMPOS_RELAY_PASSPHRASE" in r.stdout
    got = states(queued_shop)
    assert got["raw_tx"] != "queued" and got["eip3009"] == "queued", got
    d = json.loads(sync(queued_shop, "--once", "--json").stdout)
    assert d["waiting_for_relay_key"] == 1

    started = time.monotonic()
    r = sync(queued_shop, "--deadline", "90")  # the drain: stops once only the authorization is left
    assert r.returncode == 4, r.stdout + r.stderr
    assert time.monotonic() - started < 60
    assert "1 authorization(s) wait for the relay key" in r.stdout
    assert states(queued_shop) == {"raw_tx": "final", "eip3009": "queued"}

    r = sync(queued_shop, "--deadline", "90", passphrase=PASS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert states(queued_shop) == {"raw_tx": "final", "eip3009": "final"}
