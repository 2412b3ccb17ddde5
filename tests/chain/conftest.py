"""Shared fixtures for chain tests: a fresh in-process EVM (eth-tester + py-evm) per test.

Keys are derived from labels with keccak so every run uses the same addresses, and they are
funded from eth-tester's unlocked default account exactly as a faucet would fund a wallet.
"""
from __future__ import annotations

from typing import Callable

import pytest
from eth_account import Account
from eth_tester import EthereumTester, PyEVMBackend
from eth_utils import keccak
from web3 import EthereumTesterProvider, Web3
from web3.contract import Contract

from pos_app.chain.contract import deploy_token, send_token_call, token_contract

ONE_ETH = 10**18


@pytest.fixture
def evm_w3() -> Web3:
    """A Web3 connected to a brand-new eth-tester chain (no state leaks between tests)."""
    w3 = Web3(EthereumTesterProvider(EthereumTester(PyEVMBackend())))
    assert w3.is_connected()
    return w3


@pytest.fixture
def funded_key(evm_w3: Web3) -> Callable[..., bytes]:
    """Factory: ``funded_key("payer")`` -> a 32-byte private key holding ``eth`` ETH for gas."""

    def make(label: str, eth: int = 10) -> bytes:
        key = keccak(text=f"sompos test key: {label}")
        address = Account.from_key(key).address
        tx_hash = evm_w3.eth.send_transaction(
            {"from": evm_w3.eth.accounts[0], "to": address, "value": eth * ONE_ETH}
        )
        assert evm_w3.eth.wait_for_transaction_receipt(tx_hash)["status"] == 1
        return key

    return make


@pytest.fixture
def minter_key(funded_key: Callable[..., bytes]) -> bytes:
    """Key of the account that deploys ``som_token`` and is therefore its minter."""
    return funded_key("minter")


@pytest.fixture
def som_token(evm_w3: Web3, minter_key: bytes) -> Contract:
    """A freshly deployed SomToken with 6 decimals, as the production som uses."""
    address = deploy_token(evm_w3, minter_key, "Som Test", "tSOM", 6, "1")
    return token_contract(evm_w3, address)


@pytest.fixture
def mint(evm_w3: Web3, som_token: Contract, minter_key: bytes) -> Callable[[str, int], None]:
    """Factory: ``mint(address, base_units)`` credits tokens from the minter."""

    def do_mint(to: str, value: int) -> None:
        send_token_call(evm_w3, minter_key, som_token.functions.mint(to, value))

    return do_mint


@pytest.fixture
def chain():
    """The embedded demo chain (eth-tester + py-evm), blocks mined by hand."""
    from pos_app.app.demo.chain import DemoChain
    c = DemoChain()
    yield c
    c.stop()


@pytest.fixture
def ctx(tmp_path, chain):
    """A shop on the demo chain (a test file may override it, e.g. with the shop's own provider)."""
    from pos_app.app.context import AppContext
    c = AppContext(tmp_path / "shop", embedded_w3=chain.w3)
    yield c
    c.close()
