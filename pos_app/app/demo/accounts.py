"""Fixed demo keys, so the demo token address and merchant are known without starting a chain.

These keys are public (derived from fixed phrases). They exist only on the in-process demo chain
and must never hold real money.
"""
from __future__ import annotations

import rlp
from eth_keys import keys
from eth_utils import keccak, to_checksum_address

from pos_app.chain.demo_constants import (  # noqa: F401 - re-exported for callers of this module
    DEMO_CUSTOMER_NAMES, DEMO_TOKEN_DECIMALS, DEMO_TOKEN_NAME, DEMO_TOKEN_SYMBOL, DEMO_TOKEN_VERSION,
)


def _key(phrase: str) -> bytes:
    return keccak(text=f"sompos demo key: {phrase}")


DEPLOYER_KEY = _key("token issuer")
MERCHANT_KEY = _key("merchant")
CUSTOMER_KEYS = {name: _key(f"customer {name}") for name in DEMO_CUSTOMER_NAMES}


def address_of(key: bytes) -> str:
    return keys.PrivateKey(key).public_key.to_checksum_address()


DEPLOYER = address_of(DEPLOYER_KEY)
MERCHANT = address_of(MERCHANT_KEY)
CUSTOMERS = {name: address_of(k) for name, k in CUSTOMER_KEYS.items()}

# The token is the deployer's first contract (nonce 0): CREATE address = keccak(rlp([sender, 0]))[12:].
DEMO_TOKEN_ADDRESS = to_checksum_address(
    keccak(rlp.encode([bytes.fromhex(DEPLOYER[2:]), 0]))[12:])
