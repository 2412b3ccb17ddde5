"""Does a decoded payload pay *this* shop, on *this* network, enough, in a form the chain will take?

Pure checks against ``ShopFacts`` (network, token and its EIP-712 domain, what the token can
settle as last probed online, merchant, the last known fee floor, the minimum gas a token
transfer needs) and the clock. No database and no network: risk limits and "seen before" live in
``pos_app.offline.risk`` / ``queue``.
"""
from __future__ import annotations

from dataclasses import dataclass

from pos_app.chain.token_cache import TokenFeatures
from pos_app.core.money import BaseUnits
from pos_app.offline.payload import Authorization, Payload, PayloadRefused, RawTransfer, recover_authorization_signer

# A standard ERC-20 transfer costs ~34.5k gas to a holder and ~51.5k to an empty balance (the
# SomToken figures are checked by a test); below this a wallet's gas limit risks running out.
DEFAULT_MIN_TRANSFER_GAS = 52_000


@dataclass(frozen=True)
class FeeFloor:
    """The network's minimum fee as last seen online (``eth_gasPrice`` and the block base fee)."""

    gas_price: int
    base_fee: int
    at: int

    @property
    def priority(self) -> int:
        return max(0, self.gas_price - self.base_fee)


@dataclass(frozen=True)
class ShopFacts:
    chain_id: int
    token: str
    merchant: str
    decimals: int
    token_name: str          # EIP-712 domain name
    token_version: str       # EIP-712 domain version
    fee_floor: FeeFloor | None
    min_transfer_gas: int = DEFAULT_MIN_TRANSFER_GAS
    # What the token can settle, from the cache (``AppContext.offline_facts``); None = never probed,
    # then authorizations are refused. No default that skips the rules: whoever builds facts says.
    features: "TokenFeatures | None" = None


def verify_payload(p: Payload, facts: ShopFacts, *, due_base: BaseUnits, now: int, sync_deadline: int,
                   exact: bool = False) -> None:
    """Raise ``PayloadRefused`` unless ``p`` pays ``facts.merchant`` at least ``due_base`` (exactly,
    with ``exact``: a sale's own amount carries this till's tail, so the same signed payment can
    never be accepted at another till too, nor be taken on the chain for another sale)."""
    if p.chain_id != facts.chain_id:
        raise PayloadRefused("wrong_chain", "offline.payment_made_another_network", got=p.chain_id, want=facts.chain_id)
    if p.token.lower() != facts.token.lower():
        raise PayloadRefused("wrong_token", "offline.payment_another_token_shop")
    verify_token_can_settle(p, facts.features)
    if isinstance(p, RawTransfer):
        _verify_raw(p, facts)
    else:
        _verify_authorization(p, facts, now=now, sync_deadline=sync_deadline)
    if p.recipient.lower() != facts.merchant.lower():
        raise PayloadRefused("wrong_recipient", "offline.payment_goes_another_address")
    if exact and p.amount != due_base:
        raise PayloadRefused("not_this_sale", "offline.payment_sale_s_exact")
    if p.amount < due_base:
        raise PayloadRefused("too_little", "offline.payment_less_than_sale")
    verify_payer_not_blocked(p, facts.features)


def verify_token_can_settle(p: Payload, features: TokenFeatures | None) -> None:
    """Refuse a kind of payment the shop's token cannot settle (or might not: never probed), or any while paused."""
    if features is not None and features.paused:
        raise PayloadRefused("token_paused", "offline.token_s_issuer_paused")
    if isinstance(p, RawTransfer):
        return
    if features is None:
        raise PayloadRefused("token_not_checked", "offline.kind_payment_authorization_checked")
    if p.kind not in features.offline_kinds or not features.settles_authorization(p.method):
        raise PayloadRefused("kind_unsupported", "offline.shop_s_token_cannot")


def verify_payer_not_blocked(p: Payload, features: TokenFeatures | None) -> None:
    """Refuse a payer the token's blacklist listed at the last check (only tokens that have one)."""
    if features is not None and features.blacklist and features.is_blacklisted(p.payer):
        raise PayloadRefused("payer_blacklisted", "offline.token_s_issuer_blocked")


def _verify_raw(p: RawTransfer, facts: ShopFacts) -> None:
    if p.gas < facts.min_transfer_gas:
        raise PayloadRefused("gas_too_low", "offline.customer_s_wallet_set", gas=p.gas)
    floor = facts.fee_floor
    if floor is None:
        raise PayloadRefused("no_fee_floor", "offline.network_fee_known_yet")
    if p.tx_type == 2:
        ok = (p.max_fee or 0) >= floor.gas_price and (p.max_priority_fee or 0) >= floor.priority
    else:
        ok = (p.gas_price or 0) >= floor.gas_price
    if not ok:
        raise PayloadRefused("fee_too_low", "offline.fee_customer_s_wallet")


def _verify_authorization(p: Authorization, facts: ShopFacts, *, now: int, sync_deadline: int) -> None:
    signer = recover_authorization_signer(p, token_name=facts.token_name, token_version=facts.token_version)
    if signer.lower() != p.payer.lower():
        raise PayloadRefused("bad_signature", "offline.authorization_signed_payer_names")
    if p.valid_before <= now:
        raise PayloadRefused("expired", "offline.authorization_expired_ask_customer")
    if p.valid_after > now:
        raise PayloadRefused("not_yet_valid", "offline.authorization_valid_yet_check")
    if p.valid_before < sync_deadline:
        raise PayloadRefused("expires_before_sync", "offline.authorization_expires_before_shop")
