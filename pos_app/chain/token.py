"""Reading the token's facts from the chain (decimals, symbol, EIP-712 domain, features), cached in the DB.

The app never assumes decimals: it asks the contract once online and keeps the answer, so it can
create invoices while offline later. Nor does it assume what the token can settle: the real som
token's interface is not public, so ``probe_features`` asks the contract itself (EIP-3009,
EIP-2612, a pause switch, a blacklist) and offline acceptance offers only what it found.
"""
from __future__ import annotations

import json
import logging
import time
from typing import Sequence

from eth_utils import function_signature_to_4byte_selector, to_checksum_address
from web3 import Web3
from web3.exceptions import ContractLogicError

from pos_app.chain.contract import revert_errors, token_abi
from pos_app.chain.rpc import RpcClient, RpcRefused
from pos_app.core.errors import ChainError, ConfigError
from pos_app.core.money import check_decimals
from pos_app.chain.token_cache import AUTH_METHODS, TokenFeatures, TokenInfo, cached_token_info, save_token_info
from pos_app.store.db import Store

# Blacklist functions issued stablecoins expose (USDC: isBlacklisted; USDT: isBlackListed and
# getBlackListStatus; others: blacklisted), each ``(address) -> bool``; the first that answers is used.
BLACKLIST_FUNCTIONS = ("isBlacklisted", "isBlackListed", "blacklisted", "getBlackListStatus")
# Payers checked against the blacklist per probe (those with a balance snapshot, newest first).
MAX_BLACKLIST_CHECKS = 200
# Where upgradeable tokens (USDC's FiatTokenProxy, OpenZeppelin's proxies) keep their logic contract.
_IMPLEMENTATION_SLOTS = (
    0x360894A13BA1A3210667C828492DB98DCA3E2076CC3735A920A3CA505D382BBC,  # EIP-1967
    0x7050C9E0F4CA769C69BD3A8EF740BC37934F8E2C036E5A723FD8EE048ED3F8C3,  # zeppelinos (USDC)
)
# The EIP-3009 calls the relay makes (pos_app/outbox/engine.py), by the name a payload gives them.
_AUTH_SELECTORS = {m: function_signature_to_4byte_selector(
    f"{m}(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)") for m in AUTH_METHODS}
_WORD = 32

log = logging.getLogger(__name__)


def _clean_text(value: object, what: str, limit: int = 64) -> str:
    if not isinstance(value, str) or len(value) > limit or any(ord(ch) < 32 for ch in value):
        raise ChainError("chain.token_contract_returned_unusable", what=what)
    return value


def read_token_info(rpc: RpcClient, address: str) -> TokenInfo:
    """Ask the token contract for decimals, symbol, name and its EIP-712 domain."""
    def read(w3: Web3) -> TokenInfo:
        if not w3.eth.get_code(address):
            raise ConfigError("chain.there_contract_check_token",
                              address=address, network=rpc.profile.name)
        c = w3.eth.contract(address=address, abi=token_abi())
        try:
            decimals = check_decimals(int(c.functions.decimals().call()))
            symbol = _clean_text(c.functions.symbol().call(), "symbol")
            name = _clean_text(c.functions.name().call(), "name")
        except (ContractLogicError, ValueError) as exc:
            if isinstance(exc, (json.JSONDecodeError, UnicodeDecodeError)):
                raise  # garbage from the link, not the contract's answer: RpcClient fails the node over
            raise ChainError("chain.token_contract_does_answer", detail=str(exc)) from exc
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


def refresh_token_info(store: Store, rpc: RpcClient, address: str, *, payers: Sequence[str] = ()) -> TokenInfo:
    """Read the facts and probe the features, then cache; a changed ``decimals`` is refused (it would break amounts).

    The watcher calls this once per start, and ``sompos sync`` before it sends: so the token is
    probed again whenever the shop's token or network changed (the cache is per chain and address).
    ``payers``: the customers whose blacklisting to check (the offline queue's snapshot payers,
    handed in by the caller: this layer does not read the queue's tables).
    """
    info = read_token_info(rpc, address)
    old = cached_token_info(store, info.chain_id, address)
    if old is not None and old.decimals != info.decimals:
        raise ChainError("chain.token_s_decimals_changed",
                         old=old.decimals, new=info.decimals)
    try:
        features = probe_features(rpc, address, payers=list(payers)[:MAX_BLACKLIST_CHECKS])
    except RpcRefused as exc:
        # A node that refuses one of the probe's calls (a restricted public RPC) must not stop the
        # till from selling: the facts are cached, the last known features kept (none: not checked,
        # so only signed transfers are taken offline), and the next start probes again.
        log.warning("the node refused the token probe: %s", exc.detail)
        features = None
    info = info.with_features(features)
    save_token_info(store, info)
    return cached_token_info(store, info.chain_id, address) or info


# -- what the token can settle ------------------------------------------------------------------------
def _selector(signature: str) -> bytes:
    return function_signature_to_4byte_selector(signature)


def _static(w3: Web3, address: str, data: bytes) -> bytes | None:
    """``eth_call``; ``None`` when the contract refused it (no such function, or it reverted)."""
    try:
        return bytes(w3.eth.call({"to": address, "data": Web3.to_hex(data)}))
    except revert_errors():
        return None


def _bool(answer: bytes | None) -> bool | None:
    """A well-formed ABI ``bool`` (one word, 0 or 1); ``None`` for anything else."""
    if answer is None or len(answer) != _WORD or any(answer[:-1]) or answer[-1] > 1:
        return None
    return answer[-1] == 1


def _word(address: str | None = None, value: int = 0) -> bytes:
    return bytes.fromhex(address[2:]).rjust(_WORD, b"\0") if address else value.to_bytes(_WORD, "big")


def _code_and_logic(w3: Web3, address: str) -> bytes:
    """The contract's code, plus its logic contract's when it is a known kind of proxy."""
    code = bytes(w3.eth.get_code(address))
    for slot in _IMPLEMENTATION_SLOTS:
        stored = bytes(w3.eth.get_storage_at(address, slot)).rjust(_WORD, b"\0")
        if any(stored[-20:]) and not any(stored[:-20]):
            code += bytes(w3.eth.get_code(to_checksum_address(stored[-20:])))
    return code


def _blacklist_function(w3: Web3, address: str) -> str | None:
    for name in BLACKLIST_FUNCTIONS:
        if _bool(_static(w3, address, _selector(f"{name}(address)") + _word(value=0))) is not None:
            return name
    return None


def probe_features(rpc: RpcClient, address: str, *, payers: Sequence[str] = (),
                   at: int | None = None) -> TokenFeatures:
    """Ask the token contract which offline payment kinds it can settle, and whether it is paused.

    EIP-3009 counts only when ``authorizationState(0x0, 0x0)`` answers a bool *and* the contract
    (or the logic behind its proxy) has ``receiveWithAuthorization``, the call a relay makes for a
    payee; ``auth_methods`` lists which of the two EIP-3009 calls it has.
    ``payers`` (addresses with a balance snapshot) are looked up in the blacklist when there is one.
    A missing function is an answer (the feature is absent); a node that does not answer raises.
    """
    at = int(time.time()) if at is None else at

    def probe(w3: Web3) -> TokenFeatures:
        zero = _word(value=0)
        state = _bool(_static(w3, address, _selector("authorizationState(address,bytes32)") + zero + zero))
        code = _code_and_logic(w3, address) if state is not None else b""
        methods = tuple(m for m, sel in _AUTH_SELECTORS.items() if sel in code)
        eip3009 = state is not None and "receiveWithAuthorization" in methods
        separator = _static(w3, address, _selector("DOMAIN_SEPARATOR()"))
        nonces = _static(w3, address, _selector("nonces(address)") + zero)
        eip2612 = separator is not None and len(separator) == _WORD and nonces is not None and len(nonces) == _WORD
        paused = _bool(_static(w3, address, _selector("paused()")))
        blacklist = _blacklist_function(w3, address)
        listed: list[str] = []
        if blacklist is not None:
            sel = _selector(f"{blacklist}(address)")
            for payer in list(payers)[:MAX_BLACKLIST_CHECKS]:
                if _bool(_static(w3, address, sel + _word(payer))):
                    listed.append(payer.lower())
        return TokenFeatures(eip3009=eip3009, eip2612=eip2612, pausable=paused is not None, paused=bool(paused),
                             blacklist=blacklist, blacklisted=tuple(listed), probed_at=at,
                             auth_methods=methods if eip3009 else ())
    return rpc.call("check what the token can do", probe)


def refresh_features(store: Store, rpc: RpcClient, address: str, *, payers: Sequence[str] = ()) -> TokenFeatures | None:
    """Probe again and store the answer with the cached facts (None when the facts are not cached yet).

    Cheap enough to call whenever the till comes online, so a pause or unpause, or a payer put on
    the blacklist, reaches offline acceptance without a restart.
    """
    info = cached_token_info(store, rpc.profile.chain_id, address)
    if info is None:
        return None
    features = probe_features(rpc, address, payers=list(payers)[:MAX_BLACKLIST_CHECKS])
    save_token_info(store, info.with_features(features))
    return features
