"""Issue 10, point 5 on a real node: the till probes the configured token and takes offline only
what that token can settle.

anvil runs the demo SomToken (EIP-3009 + EIP-2612), a plain ERC-20 and a pausable token with a
blacklist (resources/contracts/PlainToken.sol). Everything goes through the ``sompos`` commands a
shop uses: ``config show``, ``config token``, ``payload check|accept`` and ``sync``.
"""
from __future__ import annotations

import json
import time

import pytest
from eth_account import Account

from pos_app.chain.contract import ARTIFACT_PATH, deploy_contract, send_token_call
from pos_app.chain.token_cache import cached_token_info
from pos_app.cli.main import main
from pos_app.shop.config import set_merchant, set_network
from pos_app.app.context import AppContext
from pos_app.app.demo.wallet import sign_authorization
from pos_app.core.money import Tyiyn

from .conftest import ANVIL_CHAIN_ID, deploy_shop, fund, key, profile_toml, shop_context, start_anvil, stop_anvil

SOM = 10**6
GWEI = 10**9


@pytest.fixture
def node():
    n = start_anvil(block_time=0.5)
    yield n
    stop_anvil(n)


def deploy_test_token(node, name: str) -> tuple[str, object]:
    c = json.loads((ARTIFACT_PATH.parent / "PlainToken.json").read_text(encoding="utf-8"))["contracts"][name]
    address = deploy_contract(node.w3, key("issuer"), c["abi"], c["bytecode"], f"{name} som", "tSOM", 6)
    return address, node.w3.eth.contract(address=address, abi=c["abi"])


def cli(capsys, data_dir, *argv) -> tuple[int, dict | str]:
    rc = main(["--data-dir", str(data_dir), *argv])
    out, err = capsys.readouterr()
    try:
        return rc, json.loads(out)
    except ValueError:
        return rc, out + err


def signed_transfer(node, payer: bytes, token: str, to: str, amount: int) -> str:
    """A wallet's signed transfer, with a fee well above the floor the till saw (anvil's base fee falls
    block by block while idle, so the wallet's "current price" could be below the recorded floor)."""
    tx = {"type": 2, "chainId": ANVIL_CHAIN_ID, "to": token, "value": 0, "gas": 80_000,
          "nonce": node.w3.eth.get_transaction_count(Account.from_key(payer).address),
          "maxFeePerGas": 20 * GWEI, "maxPriorityFeePerGas": 5 * GWEI,
          "data": "0xa9059cbb" + bytes.fromhex(to[2:]).rjust(32, b"\0").hex() + amount.to_bytes(32, "big").hex()}
    return "0x" + bytes(Account.sign_transaction(tx, payer).raw_transaction).hex()


def funded_payer(node, token, label: str, som: int = 1_000) -> bytes:
    k = key(label)
    fund(node, Account.from_key(k).address)
    send_token_call(node.w3, key("issuer"), token.functions.mint(Account.from_key(k).address, som * SOM))
    return k


def test_f5_plain_erc20_on_anvil_takes_signed_transfers_only_and_they_settle(node, tmp_path, capsys):
    shop = deploy_shop(node)                                       # SomToken, merchant and a customer
    ctx = shop_context(tmp_path, shop, confirmations=1)
    data = ctx.data_dir
    rc, d = cli(capsys, data, "config", "show", "--json")
    assert rc == 0 and d["token_features"] is None and "not checked yet" in d["offline_kinds"]

    ctx.watcher().scan_once()                                      # online once: facts and features
    rc, d = cli(capsys, data, "config", "show", "--json")
    assert d["token_features"]["eip3009"] and d["offline_kinds"] == "signed transfers and authorizations"

    plain_address, plain = deploy_test_token(node, "PlainToken")
    rc, d = cli(capsys, data, "config", "token", plain_address, "--json")
    assert rc == 0 and d["token_features"] is None               # the old token's answer is not reused
    payer = funded_payer(node, plain, "plain payer")
    inv = ctx.create_invoice(Tyiyn(150_00))                        # online: the new token is probed now
    assert cached_token_info(ctx.store, ANVIL_CHAIN_ID, plain_address).features.eip3009 is False

    auth = tmp_path / "auth.json"
    auth.write_text(sign_authorization(payer, chain_id=ANVIL_CHAIN_ID, token=plain_address, to=shop.merchant,
                                       amount=inv.due_base, name="PlainToken som", version="1"))
    rc, d = cli(capsys, data, "payload", "check", "--amount", "150", "--json", str(auth))
    assert rc == 1 and d["ok"] is False and d["code"] == "kind_unsupported" and "signed transfer" in d["reason"]
    rc, _ = cli(capsys, data, "payload", "accept", "--invoice", str(inv.id), str(auth))
    assert rc != 0 and ctx.store.one("SELECT COUNT(*) AS n FROM offline_payments")["n"] == 0

    raw = tmp_path / "raw.txt"
    raw.write_text(signed_transfer(node, payer, plain_address, shop.merchant, inv.due_base))
    rc, out = cli(capsys, data, "payload", "accept", "--invoice", str(inv.id), str(raw))
    assert rc == 0, out
    rc, d = cli(capsys, data, "sync", "--deadline", "60", "--json")
    assert rc == 0 and d["done"] and not d["failed"], d
    assert plain.functions.balanceOf(shop.merchant).call() == inv.due_base
    assert ctx.offline.list()[0].state.value == "final"
    rc, d = cli(capsys, data, "config", "show")
    assert "signed transfers only" in d
    ctx.close()


def test_f5_guarded_token_paused_or_blacklisting_the_payer_is_refused_on_anvil(node, tmp_path, capsys):
    fund(node, Account.from_key(key("issuer")).address)
    address, token = deploy_test_token(node, "GuardedToken")
    merchant = Account.from_key(key("merchant")).address
    ctx = AppContext(tmp_path / "data")
    set_network(ctx.store, str(profile_toml(tmp_path, [node.url], address, confirmations=1)))
    set_merchant(ctx.store, merchant)
    data = ctx.data_dir
    bad, good = funded_payer(node, token, "bad payer"), funded_payer(node, token, "good payer")
    for k in (bad, good):  # payers this till knows from earlier sales (balance snapshots)
        ctx.offline.save_snapshot(ANVIL_CHAIN_ID, address, Account.from_key(k).address, balance_base=1_000 * SOM,
                                  nonce=0, at=int(time.time()))
    inv = ctx.create_invoice(Tyiyn(150_00))

    def check(k: bytes) -> dict:
        f = tmp_path / "raw.txt"
        f.write_text(signed_transfer(node, k, address, merchant, inv.due_base))
        return cli(capsys, data, "payload", "check", "--amount", "150", "--json", str(f))[1]

    assert cli(capsys, data, "sync", "--once", "--json")[0] == 0    # online: probed, fee floor recorded
    assert check(bad)["ok"] and check(good)["ok"]

    send_token_call(node.w3, key("issuer"), token.functions.setPaused(True))
    assert cli(capsys, data, "sync", "--once", "--json")[0] == 0
    d = check(good)
    assert d["ok"] is False and d["code"] == "token_paused" and "paused" in d["reason"]
    assert "paused" in cli(capsys, data, "config", "show", "--json")[1]["offline_kinds"]

    send_token_call(node.w3, key("issuer"), token.functions.setPaused(False))
    send_token_call(node.w3, key("issuer"), token.functions.setBlacklisted(Account.from_key(bad).address, True))
    assert cli(capsys, data, "sync", "--once", "--json")[0] == 0
    d = check(bad)
    assert d["ok"] is False and d["code"] == "payer_blacklisted"
    assert check(good)["ok"]
    features = cli(capsys, data, "config", "show", "--json")[1]["token_features"]
    assert features["blacklist"] == "isBlacklisted" and features["paused"] is False
    assert features["blacklisted"] == [Account.from_key(bad).address.lower()]
    ctx.close()
