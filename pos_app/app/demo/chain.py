"""The embedded demo network: an in-process EVM (eth-tester + py-evm) with the som token.

Deterministic: fixed keys (``pos_app.app.demo.accounts``) mean the token always lands at
``DEMO_TOKEN_ADDRESS`` and the merchant is always the same address. A background thread mines an
empty block every ``block_time`` seconds so confirmations advance like on a real chain. eth-tester
is not thread-safe, so every request goes through one lock.
"""
from __future__ import annotations

import threading
import time
from typing import Any

from eth_account import Account
from web3 import EthereumTesterProvider, Web3

from pos_app.chain.contract import deploy_token, send_token_call, token_contract
from pos_app.app.demo import accounts as A
from pos_app.core.errors import ChainError, ConfigError
from pos_app.core.money import BaseUnits, Tyiyn, tyiyn_to_base_units

ETH_FOR_GAS = 10**20            # 100 native coins each, plenty of gas
CUSTOMER_START_SOM = 100_000    # each demo customer starts with 100,000 som


class _LockedProvider(EthereumTesterProvider):
    """eth-tester behind a lock, so the watcher thread and the customer panel can share it."""

    def __init__(self, tester: Any, lock: threading.RLock, switch: threading.Event | None = None) -> None:
        super().__init__(tester)
        self._chain_lock = lock
        self._switch = switch

    def make_request(self, method: Any, params: Any) -> Any:
        if self._switch is not None and not self._switch.is_set():
            # What a shop sees when its connection drops: the request never reaches a node.
            raise ConnectionError("the demo network is switched off")
        with self._chain_lock:
            return super().make_request(method, params)


class DemoChain:
    """Start with ``DemoChain()``; ``w3`` is ready and the token deployed and funded."""

    def __init__(self, *, block_time: float = 1.0) -> None:
        try:
            from eth_tester import EthereumTester, PyEVMBackend
        except ImportError as exc:  # the demo extra is missing
            raise ConfigError("app.demo_network_needs_demo") from exc
        from pos_app.chain.guard import settle_recursion_limit
        settle_recursion_limit()      # py-evm raised it when first imported (chain/guard.py)
        funded = [A.DEPLOYER, A.MERCHANT, *A.CUSTOMERS.values()]
        genesis = {bytes.fromhex(a[2:]): {"balance": ETH_FOR_GAS, "nonce": 0, "code": b"", "storage": {}}
                   for a in funded}
        self.lock = threading.RLock()
        self.tester = EthereumTester(PyEVMBackend(genesis_state=genesis))
        self.w3 = Web3(_LockedProvider(self.tester, self.lock))
        # The shop's own connection, which the demo can cut and restore (the chain keeps running:
        # customers' phones and the miner still reach it).
        self.network_on = threading.Event()
        self.network_on.set()
        self.shop_w3 = Web3(_LockedProvider(self.tester, self.lock, self.network_on))
        self.shop_w3.eth.default_account = A.DEPLOYER
        # eth_call needs a funded sender on this chain (the genesis has only our accounts).
        self.w3.eth.default_account = A.DEPLOYER
        self.block_time = block_time
        address = deploy_token(self.w3, A.DEPLOYER_KEY, A.DEMO_TOKEN_NAME, A.DEMO_TOKEN_SYMBOL,
                               A.DEMO_TOKEN_DECIMALS, A.DEMO_TOKEN_VERSION)
        if address != A.DEMO_TOKEN_ADDRESS:
            raise ChainError("app.demo_token_did_deploy", detail=address)
        self.token = token_contract(self.w3, address)
        start = tyiyn_to_base_units(Tyiyn(CUSTOMER_START_SOM * 100), A.DEMO_TOKEN_DECIMALS)
        for customer in A.CUSTOMERS.values():
            send_token_call(self.w3, A.DEPLOYER_KEY, self.token.functions.mint(customer, start))
        self._stop = threading.Event()
        self._miner: threading.Thread | None = None

    def set_network(self, on: bool) -> None:
        """Switch the shop's connection to the demo network on or off."""
        (self.network_on.set if on else self.network_on.clear)()

    def customer_key(self, customer: str) -> bytes:
        if customer not in A.CUSTOMER_KEYS:
            raise ConfigError("app.there_demo_customer_called", customer=customer)
        return A.CUSTOMER_KEYS[customer]

    def sign_offline(self, customer: str, kind: str, to: str, amount: BaseUnits) -> str:
        """What the customer's wallet would show as a QR: a signed transfer or an EIP-3009 authorization."""
        from pos_app.app.demo.wallet import sign_authorization, sign_raw_transfer
        key = self.customer_key(customer)
        with self.lock:
            if kind == "raw_tx":
                return sign_raw_transfer(self.w3, key, self.token.address, to, int(amount))
            return sign_authorization(key, chain_id=self.chain_id, token=self.token.address, to=to,
                                      amount=int(amount), name=A.DEMO_TOKEN_NAME, version=A.DEMO_TOKEN_VERSION)

    @property
    def chain_id(self) -> int:
        return int(self.w3.eth.chain_id)

    def mine(self, blocks: int = 1) -> None:
        with self.lock:
            self.tester.mine_blocks(blocks)

    def start_mining(self) -> None:
        """Mine an empty block every ``block_time`` seconds (confirmations keep coming)."""
        if self._miner is not None:
            return

        def loop() -> None:
            while not self._stop.wait(self.block_time):
                # Each transaction also makes a block with timestamp >= parent + 1, so block time
                # can run ahead of the wall clock; skip a beat until the clock catches up.
                with self.lock:
                    ahead = self.tester.get_block_by_number("latest")["timestamp"] > time.time()
                    if not ahead:
                        self.mine()
        self._miner = threading.Thread(target=loop, name="demo-miner", daemon=True)
        self._miner.start()

    def stop(self) -> None:
        self._stop.set()
        if self._miner is not None:
            self._miner.join(5)

    def balance(self, address: str) -> BaseUnits:
        return BaseUnits(int(self.token.functions.balanceOf(address).call()))

    def pay(self, customer: str, to: str, amount: BaseUnits) -> str:
        """The customer's wallet sends ``amount`` base units to ``to``; returns the tx hash."""
        key = A.CUSTOMER_KEYS.get(customer)
        if key is None:
            raise ConfigError("app.there_demo_customer_called", customer=customer)
        receipt = send_token_call(self.w3, key, self.token.functions.transfer(to, int(amount)))
        return Web3.to_hex(receipt["transactionHash"])

    def customer_address(self, customer: str) -> str:
        return Account.from_key(A.CUSTOMER_KEYS[customer]).address
