"""Integration fixtures: a real anvil node (npm @foundry-rs/anvil, pinned) on a free loopback port.

``python3 packaging/dev.py test`` installs anvil and sets SOMPOS_ANVIL and SOMPOS_REQUIRE_ANVIL,
so in the README's test command a missing anvil fails the run instead of skipping it.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from eth_utils import keccak
from web3 import HTTPProvider, Web3

from pos_app.chain.contract import deploy_token, send_token_call, token_contract
from pos_app.shop.config import set_merchant, set_network
from pos_app.app.context import AppContext

ROOT = Path(__file__).resolve().parents[2]
ANVIL_CHAIN_ID = 31337


def anvil_path() -> str | None:
    env = os.environ.get("SOMPOS_ANVIL")
    if env and Path(env).exists():
        return env
    local = ROOT / "packaging" / "node" / "node_modules" / ".bin" / "anvil"
    if local.exists():
        return str(local)
    return shutil.which("anvil")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Anvil:
    url: str
    port: int
    proc: subprocess.Popen
    w3: Web3

    def rpc(self, method: str, params: list) -> object:
        resp = self.w3.provider.make_request(method, params)
        assert "error" not in resp, resp
        return resp["result"]

    def mine(self, n: int = 1) -> None:
        self.rpc("anvil_mine", [hex(n)])


def start_anvil(port: int | None = None, *, block_time: float | None = 1.0, extra: list[str] | None = None) -> Anvil:
    exe = anvil_path()
    if exe is None:
        if os.environ.get("SOMPOS_REQUIRE_ANVIL"):
            pytest.fail("anvil is not installed; run the tests with: python3 packaging/dev.py test")
        pytest.skip("anvil not installed (python3 packaging/dev.py test installs it)")
    port = port or free_port()
    cmd = [exe, "--host", "127.0.0.1", "--port", str(port), "--silent", "--chain-id", str(ANVIL_CHAIN_ID),
           "--slots-in-an-epoch", "1"]  # 'finalized' = head - 2, like BSC's fast finality
    if block_time:
        cmd += ["--block-time", str(block_time)]
    proc = subprocess.Popen(cmd + (extra or []), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    w3 = Web3(HTTPProvider(url, request_kwargs={"timeout": 5}))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if w3.eth.chain_id == ANVIL_CHAIN_ID:
                return Anvil(url, port, proc, w3)
        except Exception:  # noqa: BLE001 - still starting
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("anvil did not start within 20 s")


def stop_anvil(node: Anvil) -> None:
    node.proc.terminate()
    try:
        node.proc.wait(5)
    except subprocess.TimeoutExpired:
        node.proc.kill()


@pytest.fixture
def anvil():
    node = start_anvil()
    yield node
    stop_anvil(node)


def key(label: str) -> bytes:
    return keccak(text=f"sompos anvil test: {label}")


@dataclass
class Shop:
    """A deployed som token, a merchant and a funded customer on an anvil node."""

    node: Anvil
    token: object
    token_address: str
    merchant: str
    customer_key: bytes
    customer: str

    def pay(self, value: int, key_: bytes | None = None) -> str:
        r = send_token_call(self.node.w3, key_ or self.customer_key,
                            self.token.functions.transfer(self.merchant, int(value)), gas=100_000)
        return Web3.to_hex(r["transactionHash"])


def fund(node: Anvil, address: str) -> None:
    node.rpc("anvil_setBalance", [address, hex(10**20)])


def deploy_shop(node: Anvil, decimals: int = 6) -> Shop:
    from eth_account import Account
    issuer, customer, merchant = key("issuer"), key("customer"), Account.from_key(key("merchant")).address
    for k in (issuer, customer):
        fund(node, Account.from_key(k).address)
    address = deploy_token(node.w3, issuer, "Som", "KGST", decimals, "1")
    token = token_contract(node.w3, address)
    send_token_call(node.w3, issuer, token.functions.mint(Account.from_key(customer).address, 10**12 * 10**decimals))
    return Shop(node, token, address, merchant, customer, Account.from_key(customer).address)


def profile_toml(tmp_path: Path, urls: list[str], token: str, *, rule: str = "confirmations",
                 confirmations: int = 2, max_range: int = 5000, chain_id: int = ANVIL_CHAIN_ID,
                 poll: float = 0.1) -> Path:
    p = tmp_path / "anvil-profile.toml"
    url_list = ", ".join(f'"{u}"' for u in urls)
    p.write_text(f'name = "anvil-test"\nchain_id = {chain_id}\nrpc_urls = [{url_list}]\ntoken = "{token}"\n'
                 f'[finality]\nrule = "{rule}"\nconfirmations = {confirmations}\n'
                 f'[logs]\nmax_range = {max_range}\npoll_seconds = {poll}\n')
    return p


def shop_context(tmp_path: Path, shop: Shop, urls: list[str] | None = None, **profile) -> AppContext:
    ctx = AppContext(tmp_path / "data")
    set_network(ctx.store, str(profile_toml(tmp_path, urls or [shop.node.url], shop.token_address, **profile)))
    set_merchant(ctx.store, shop.merchant)
    return ctx
