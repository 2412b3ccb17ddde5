"""The SomToken contract: its compiled artifact, deployment and signed calls from a local key.

The ABI and bytecode come from ``artifacts/SomToken.json``, produced by
``node packaging/compile_contract.js`` from ``resources/contracts/SomToken.sol`` and committed,
so the app never needs a Solidity compiler at run time.

Transactions are signed locally with eth-account and sent raw: public BSC nodes (and anvil
without unlocked accounts) do not hold our keys, and the same code path then works against
eth-tester, anvil and a real network. Legacy ``gasPrice`` transactions are used because BSC
prices gas that way and every EVM node still accepts them.
"""
from __future__ import annotations

import functools
import json
from importlib import resources
import sys
from pathlib import Path
from typing import Any

from eth_account import Account
from eth_account.signers.local import LocalAccount
from web3 import Web3
from web3.contract import Contract
from web3.contract.contract import ContractConstructor, ContractFunction
from web3.exceptions import ContractLogicError
from web3.types import TxParams, TxReceipt

from pos_app.core.errors import BadInput, ChainError



def revert_errors() -> tuple[type[Exception], ...]:
    """What a reverted call raises. Remote nodes report a revert as ContractLogicError, but web3's
    in-process EthereumTesterProvider (the demo chain, tests) lets eth-tester's TransactionFailed
    escape instead. eth-tester is looked up only once something has loaded it: importing it would
    load py-evm (8-11 MB) into a till on a real network."""
    tester = sys.modules.get("eth_tester.exceptions")
    failed = getattr(tester, "TransactionFailed", None)
    return (ContractLogicError, failed) if isinstance(failed, type) else (ContractLogicError,)
_REVERT_PREFIX = "execution reverted: "

ARTIFACT_NAME = "SomToken.json"
ARTIFACT_PATH: Path = Path(__file__).resolve().parent / "artifacts" / ARTIFACT_NAME

# Estimates are exact for the state they ran on; a margin absorbs small state changes
# (e.g. a first-time balance slot write) between estimate and inclusion.
GAS_MARGIN = 1.2
RECEIPT_TIMEOUT_S = 120.0


class ContractReverted(ChainError):
    """The contract refused the call; ``reason`` is its revert message when the node gave one."""

    def __init__(self, what: str, reason: str | None, *, detail: str | None = None) -> None:
        if reason:
            super().__init__("chain.token_contract_refused", detail=detail,
                             what=what, reason=reason)
        else:
            super().__init__("chain.token_contract_refused_2", detail=detail, what=what)
        self.reason = reason


def _revert_reason(exc: Exception) -> str | None:
    raw = getattr(exc, "message", None) or (exc.args[0] if exc.args else None)
    if not isinstance(raw, str) or not raw:
        return None
    return raw[len(_REVERT_PREFIX):] if raw.startswith(_REVERT_PREFIX) else raw


@functools.lru_cache(maxsize=1)
def _artifact_text() -> str:
    # importlib.resources also works when the package is zipped or frozen.
    ref = resources.files(__package__ or "pos_app.chain") / "artifacts" / ARTIFACT_NAME
    try:
        return ref.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise RuntimeError(
            f"The SomToken artifact is missing ({ARTIFACT_PATH}); "
            "run `node packaging/compile_contract.js` to build it."
        ) from exc


def load_artifact() -> dict[str, Any]:
    """Return the compiled SomToken artifact (abi, bytecode, compiler, settings, sourceSha256).

    The file is read once; each call returns a fresh dict so callers may modify it freely.
    """
    return json.loads(_artifact_text())


def token_abi() -> list[dict[str, Any]]:
    """Return the SomToken ABI (a superset of ERC-20 + EIP-2612 + EIP-3009)."""
    return load_artifact()["abi"]


def _account(key: bytes | str) -> LocalAccount:
    try:
        return Account.from_key(key)
    except (ValueError, TypeError) as exc:
        # Never echo the key itself, not even in the detail.
        raise BadInput("chain.private_key_valid", detail=type(exc).__name__) from None


def _estimate(call: ContractFunction | ContractConstructor, sender: str, what: str) -> int:
    try:
        return int(call.estimate_gas({"from": sender}) * GAS_MARGIN)
    except revert_errors() as exc:
        raise ContractReverted(what, _revert_reason(exc), detail=repr(exc)) from exc


def _sign_and_send(w3: Web3, account: LocalAccount, tx: TxParams, what: str) -> TxReceipt:
    signed = account.sign_transaction(tx)
    tx_hash = w3.eth.send_raw_transaction(signed.raw_transaction)
    receipt = w3.eth.wait_for_transaction_receipt(tx_hash, timeout=RECEIPT_TIMEOUT_S)
    if receipt["status"] != 1:
        # Mined but reverted: receipts carry no reason, so none is reported.
        detail = f"tx {Web3.to_hex(tx_hash)} mined with status {receipt['status']}"
        raise ContractReverted(what, None, detail=detail)
    return receipt


def _base_tx(w3: Web3, sender: str) -> TxParams:
    return {
        "from": sender,
        # "pending" so two quick calls from the same key do not reuse a nonce on a real node.
        "nonce": w3.eth.get_transaction_count(sender, "pending"),
        "chainId": w3.eth.chain_id,
        "gasPrice": w3.eth.gas_price,
    }


def deploy_token(
    w3: Web3,
    deployer_key: bytes | str,
    name: str,
    symbol: str,
    decimals: int,
    version: str = "1",
) -> str:
    """Deploy a SomToken signed by ``deployer_key`` (who becomes the minter).

    Returns the checksum address of the new contract. Raises ``BadInput`` for arguments the
    contract would refuse, ``ContractReverted`` (a ``ChainError``) if deployment reverts.
    """
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 255:
        raise BadInput("chain.token_decimals_must_whole")
    for label, text in (("name", name), ("symbol", symbol), ("version", version)):
        if not isinstance(text, str) or not text:
            raise BadInput("chain.token_must_empty", field=label)
    account = _account(deployer_key)
    artifact = load_artifact()
    factory = w3.eth.contract(abi=artifact["abi"], bytecode=artifact["bytecode"])
    ctor = factory.constructor(name, symbol, decimals, version)
    tx = _base_tx(w3, account.address)
    tx["gas"] = _estimate(ctor, account.address, "token deployment")
    receipt = _sign_and_send(w3, account, ctor.build_transaction(tx), "token deployment")
    address = receipt["contractAddress"]
    if not address:
        raise ChainError("chain.token_deployment_did_create", detail=str(receipt))
    return Web3.to_checksum_address(address)


def deploy_contract(w3: Web3, deployer_key: bytes | str, abi: list[dict[str, Any]], bytecode: str,
                    *args: Any, what: str = "contract deployment") -> str:
    """Deploy any compiled contract (e.g. the test tokens in ``artifacts/PlainToken.json``); its address."""
    account = _account(deployer_key)
    ctor = w3.eth.contract(abi=abi, bytecode=bytecode).constructor(*args)
    tx = _base_tx(w3, account.address)
    tx["gas"] = _estimate(ctor, account.address, what)
    receipt = _sign_and_send(w3, account, ctor.build_transaction(tx), what)
    if not receipt["contractAddress"]:
        raise ChainError("chain.token_deployment_did_create", detail=str(receipt))
    return Web3.to_checksum_address(receipt["contractAddress"])


def token_contract(w3: Web3, address: str) -> Contract:
    """Return a web3 contract object for the SomToken (or any ERC-20 subset) at ``address``."""
    try:
        checksum = Web3.to_checksum_address(address)
    except (ValueError, TypeError):
        raise BadInput("chain.valid_token_contract_address", address=address) from None
    return w3.eth.contract(address=checksum, abi=token_abi())


def send_token_call(
    w3: Web3,
    key: bytes | str,
    contract_function_call: ContractFunction,
    gas: int | None = None,
) -> TxReceipt:
    """Sign ``contract_function_call`` (e.g. ``token.functions.mint(to, 10)``) with ``key`` and send it.

    Waits for the receipt and returns it. Without ``gas`` the call is estimated first, so a
    call that would revert raises ``ContractReverted`` with the contract's reason and nothing
    is sent. With an explicit ``gas`` the transaction is always sent; if it is mined but
    reverts, ``ContractReverted`` is raised without a reason (receipts do not carry one).
    """
    account = _account(key)
    what = f"{getattr(contract_function_call, 'fn_name', 'contract')} call"
    tx = _base_tx(w3, account.address)
    tx["gas"] = gas if gas is not None else _estimate(contract_function_call, account.address, what)
    return _sign_and_send(w3, account, contract_function_call.build_transaction(tx), what)
