"""The token's facts (decimals, symbol, EIP-712 domain) and their cache in the database.

No web3 here: the app reads the cache at start-up and when creating invoices offline.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from pos_app.store.db import Store


@dataclass(frozen=True)
class TokenInfo:
    chain_id: int
    address: str
    decimals: int
    symbol: str
    name: str
    eip712_name: str
    eip712_version: str


def cached_token_info(store: Store, chain_id: int, address: str) -> TokenInfo | None:
    row = store.one("SELECT * FROM token_info WHERE chain_id = ? AND address = ?", (chain_id, address))
    if row is None:
        return None
    return TokenInfo(row["chain_id"], row["address"], row["decimals"], row["symbol"], row["name"],
                     row["eip712_name"], row["eip712_version"])


def save_token_info(store: Store, info: TokenInfo) -> None:
    store.execute(
        "INSERT INTO token_info(chain_id, address, decimals, symbol, name, eip712_name, eip712_version, read_at)"
        " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(chain_id, address) DO UPDATE SET decimals=excluded.decimals,"
        " symbol=excluded.symbol, name=excluded.name, eip712_name=excluded.eip712_name,"
        " eip712_version=excluded.eip712_version, read_at=excluded.read_at",
        (info.chain_id, info.address, info.decimals, info.symbol, info.name, info.eip712_name,
         info.eip712_version, int(time.time())))
