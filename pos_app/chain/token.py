"""Reading the token's facts from the chain (decimals, symbol, EIP-712 domain), cached in the DB.

The app never assumes decimals: it asks the contract once online and keeps the answer, so it can
create invoices while offline later.
"""
from __future__ import annotations

from web3 import Web3
from web3.exceptions import ContractLogicError

from pos_app.chain.contract import token_abi
from pos_app.chain.rpc import RpcClient
from pos_app.errors import ChainError, ConfigError
from pos_app.money import check_decimals
from pos_app.chain.token_cache import TokenInfo, cached_token_info, save_token_info
from pos_app.store.db import Store


def _clean_text(value: object, what: str, limit: int = 64) -> str:
    if not isinstance(value, str) or len(value) > limit or any(ord(ch) < 32 for ch in value):
        raise ChainError("The token contract returned an unusable {what}.", what=what)
    return value


def read_token_info(rpc: RpcClient, address: str) -> TokenInfo:
    """Ask the token contract for decimals, symbol, name and its EIP-712 domain."""
    def read(w3: Web3) -> TokenInfo:
        if not w3.eth.get_code(address):
            raise ConfigError("There is no contract at {address} on {network}; check the token address.",
                              address=address, network=rpc.profile.name)
        c = w3.eth.contract(address=address, abi=token_abi())
        try:
            decimals = check_decimals(int(c.functions.decimals().call()))
            symbol = _clean_text(c.functions.symbol().call(), "symbol")
            name = _clean_text(c.functions.name().call(), "name")
        except (ContractLogicError, ValueError) as exc:
            raise ChainError("The token contract does not answer like an ERC-20 token.", detail=str(exc)) from exc
        try:  # EIP-5267 first; older tokens (USDC) only have name() and version()
            dom = c.functions.eip712Domain().call()
            e_name, e_version = _clean_text(dom[1], "EIP-712 name"), _clean_text(dom[2], "EIP-712 version")
        except Exception:  # noqa: BLE001 - optional interface
            e_name = name
            try:
                e_version = _clean_text(c.functions.version().call(), "version")
            except Exception:  # noqa: BLE001 - optional interface
                e_version = "1"
        return TokenInfo(rpc.profile.chain_id, address, decimals, symbol, name, e_name, e_version)
    return rpc.call("describe the token", read)


def refresh_token_info(store: Store, rpc: RpcClient, address: str) -> TokenInfo:
    """Read from the chain and cache; a changed ``decimals`` is refused (it would break amounts)."""
    info = read_token_info(rpc, address)
    old = cached_token_info(store, info.chain_id, address)
    if old is not None and old.decimals != info.decimals:
        raise ChainError("The token's decimals changed from {old} to {new}; stop and check the network profile.",
                         old=old.decimals, new=info.decimals)
    save_token_info(store, info)
    return info
