"""SomToken on an in-process EVM: ERC-20, minting, EIP-712 domain, EIP-3009 and EIP-2612.

Signatures are made with eth-account's EIP-712 encoder, independently of the contract, so a
typehash or domain mistake in the Solidity shows up as "invalid signature" here.
"""
from __future__ import annotations

import pytest
from eth_account import Account
from eth_account.messages import encode_typed_data, hash_domain
from eth_keys import keys
from eth_utils import keccak
from web3.logs import DISCARD

from pos_app.chain.contract import ContractReverted, deploy_token, send_token_call, token_contract
from pos_app.core.errors import BadInput

SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141
ZERO_ADDRESS = "0x" + "00" * 20
HOUR = 3600

_AUTH_FIELDS = [
    {"name": "from", "type": "address"},
    {"name": "to", "type": "address"},
    {"name": "value", "type": "uint256"},
    {"name": "validAfter", "type": "uint256"},
    {"name": "validBefore", "type": "uint256"},
    {"name": "nonce", "type": "bytes32"},
]
TYPES = {
    "TransferWithAuthorization": _AUTH_FIELDS,
    "ReceiveWithAuthorization": _AUTH_FIELDS,
    "CancelAuthorization": [{"name": "authorizer", "type": "address"}, {"name": "nonce", "type": "bytes32"}],
    "Permit": [
        {"name": "owner", "type": "address"},
        {"name": "spender", "type": "address"},
        {"name": "value", "type": "uint256"},
        {"name": "nonce", "type": "uint256"},
        {"name": "deadline", "type": "uint256"},
    ],
}


# ---------------------------------------------------------------- helpers

def addr(key: bytes) -> str:
    return Account.from_key(key).address


def unfunded_key(label: str) -> bytes:
    """A key with no ETH: EIP-3009 payers never need gas, which the tests rely on."""
    return keccak(text=f"sompos unfunded key: {label}")


def nonce32(label: str) -> bytes:
    return keccak(text=f"auth nonce: {label}")


def now(w3) -> int:
    return w3.eth.get_block("latest").timestamp


def domain(token) -> dict:
    return {
        "name": token.functions.name().call(),
        "version": token.functions.version().call(),
        "chainId": token.w3.eth.chain_id,
        "verifyingContract": token.address,
    }


def sign(key: bytes, token, primary: str, message: dict) -> tuple[int, bytes, bytes]:
    signed = Account.sign_typed_data(key, domain(token), {primary: TYPES[primary]}, message)
    return signed.v, signed.r.to_bytes(32, "big"), signed.s.to_bytes(32, "big")


def auth_message(frm: str, to: str, value: int, valid_after: int, valid_before: int, nonce: bytes) -> dict:
    return {"from": frm, "to": to, "value": value, "validAfter": valid_after,
            "validBefore": valid_before, "nonce": nonce}


def auth_args(msg: dict, vrs: tuple[int, bytes, bytes]) -> tuple:
    return (msg["from"], msg["to"], msg["value"], msg["validAfter"], msg["validBefore"], msg["nonce"], *vrs)


def events(token, receipt, name: str) -> list[dict]:
    return [dict(e["args"]) for e in getattr(token.events, name)().process_receipt(receipt, errors=DISCARD)]


def balance(token, who: str) -> int:
    return token.functions.balanceOf(who).call()


@pytest.fixture
def relayer(funded_key) -> bytes:
    """Whoever submits a signed authorization and pays its gas (here: the shop's backend)."""
    return funded_key("relayer")


@pytest.fixture
def payer(som_token, mint) -> bytes:
    key = unfunded_key("payer")
    mint(addr(key), 1_000_000)  # 1 som at 6 decimals
    return key


def authorize(token, payer_key: bytes, to: str, value: int, *, valid_after: int = 0,
              valid_before: int | None = None, nonce: bytes | None = None,
              primary: str = "TransferWithAuthorization") -> tuple:
    valid_before = now(token.w3) + HOUR if valid_before is None else valid_before
    msg = auth_message(addr(payer_key), to, value, valid_after, valid_before, nonce or nonce32("default"))
    return auth_args(msg, sign(payer_key, token, primary, msg))


# ---------------------------------------------------------------- deployment and metadata

@pytest.mark.parametrize("decimals", [6, 18])
def test_deploy_sets_decimals(evm_w3, minter_key, decimals):
    token = token_contract(evm_w3, deploy_token(evm_w3, minter_key, "Som", "SOM", decimals))
    assert token.functions.decimals().call() == decimals
    assert token.functions.totalSupply().call() == 0
    assert token.functions.minter().call() == addr(minter_key)


@pytest.mark.parametrize("decimals", [-1, 256, True])
def test_deploy_refuses_bad_decimals(evm_w3, minter_key, decimals):
    with pytest.raises(BadInput, match="decimals"):
        deploy_token(evm_w3, minter_key, "Som", "SOM", decimals)


def test_metadata_and_eip712_domain(evm_w3, som_token):
    f = som_token.functions
    assert (f.name().call(), f.symbol().call(), f.version().call()) == ("Som Test", "tSOM", "1")
    fields, name, version, chain_id, verifying, salt, extensions = f.eip712Domain().call()
    assert fields == b"\x0f"
    assert (name, version, chain_id, verifying) == ("Som Test", "1", evm_w3.eth.chain_id, som_token.address)
    assert salt == b"\x00" * 32 and extensions == []
    assert f.DOMAIN_SEPARATOR().call() == hash_domain(domain(som_token))


def test_typehash_constants_match_the_standards(som_token):
    f = som_token.functions
    assert f.TRANSFER_WITH_AUTHORIZATION_TYPEHASH().call() == keccak(
        text="TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,"
             "uint256 validBefore,bytes32 nonce)")
    assert f.RECEIVE_WITH_AUTHORIZATION_TYPEHASH().call() == keccak(
        text="ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,"
             "uint256 validBefore,bytes32 nonce)")
    assert f.CANCEL_AUTHORIZATION_TYPEHASH().call() == keccak(
        text="CancelAuthorization(address authorizer,bytes32 nonce)")
    assert f.PERMIT_TYPEHASH().call() == keccak(
        text="Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)")


# ---------------------------------------------------------------- ERC-20 and minting

def test_mint_only_by_minter(evm_w3, som_token, minter_key, funded_key):
    outsider = funded_key("outsider")
    with pytest.raises(ContractReverted, match="caller is not the minter"):
        send_token_call(evm_w3, outsider, som_token.functions.mint(addr(outsider), 5))
    receipt = send_token_call(evm_w3, minter_key, som_token.functions.mint(addr(outsider), 5))
    assert events(som_token, receipt, "Transfer") == [
        {"from": ZERO_ADDRESS, "to": addr(outsider), "value": 5}]
    assert balance(som_token, addr(outsider)) == 5
    assert som_token.functions.totalSupply().call() == 5


def test_transfer_moves_balance_and_emits(evm_w3, som_token, mint, funded_key):
    alice, bob = funded_key("alice"), unfunded_key("bob")
    mint(addr(alice), 1000)
    receipt = send_token_call(evm_w3, alice, som_token.functions.transfer(addr(bob), 300))
    assert events(som_token, receipt, "Transfer") == [{"from": addr(alice), "to": addr(bob), "value": 300}]
    assert (balance(som_token, addr(alice)), balance(som_token, addr(bob))) == (700, 300)
    assert som_token.functions.totalSupply().call() == 1000


def test_transfer_over_balance_reverts(evm_w3, som_token, mint, funded_key):
    alice, bob = funded_key("alice"), unfunded_key("bob")
    mint(addr(alice), 1000)
    with pytest.raises(ContractReverted, match="transfer amount exceeds balance"):
        send_token_call(evm_w3, alice, som_token.functions.transfer(addr(bob), 1001))
    with pytest.raises(ContractReverted, match="transfer to the zero address"):
        send_token_call(evm_w3, alice, som_token.functions.transfer(ZERO_ADDRESS, 1))
    assert (balance(som_token, addr(alice)), balance(som_token, addr(bob))) == (1000, 0)


def test_mined_revert_is_reported(evm_w3, som_token, funded_key):
    # Explicit gas skips estimation, so the failing transaction is really mined.
    alice = funded_key("alice")
    with pytest.raises(ContractReverted, match="refused the transfer call"):
        send_token_call(evm_w3, alice, som_token.functions.transfer(addr(alice), 1), gas=200_000)


def test_approve_and_transfer_from(evm_w3, som_token, mint, funded_key):
    owner, spender, shop = funded_key("owner"), funded_key("spender"), unfunded_key("shop")
    mint(addr(owner), 1000)
    receipt = send_token_call(evm_w3, owner, som_token.functions.approve(addr(spender), 400))
    assert events(som_token, receipt, "Approval") == [
        {"owner": addr(owner), "spender": addr(spender), "value": 400}]
    assert som_token.functions.allowance(addr(owner), addr(spender)).call() == 400

    send_token_call(evm_w3, spender, som_token.functions.transferFrom(addr(owner), addr(shop), 150))
    assert som_token.functions.allowance(addr(owner), addr(spender)).call() == 250
    assert (balance(som_token, addr(owner)), balance(som_token, addr(shop))) == (850, 150)

    with pytest.raises(ContractReverted, match="exceeds allowance"):
        send_token_call(evm_w3, spender, som_token.functions.transferFrom(addr(owner), addr(shop), 251))
    with pytest.raises(ContractReverted, match="exceeds allowance"):  # the shop was never approved
        send_token_call(evm_w3, funded_key("shop-gas"),
                        som_token.functions.transferFrom(addr(owner), addr(shop), 1))


def test_unlimited_allowance_is_not_decremented(evm_w3, som_token, mint, funded_key):
    owner, spender = funded_key("owner"), funded_key("spender")
    mint(addr(owner), 1000)
    unlimited = 2**256 - 1
    send_token_call(evm_w3, owner, som_token.functions.approve(addr(spender), unlimited))
    send_token_call(evm_w3, spender, som_token.functions.transferFrom(addr(owner), addr(spender), 600))
    assert som_token.functions.allowance(addr(owner), addr(spender)).call() == unlimited
    with pytest.raises(ContractReverted, match="exceeds balance"):
        send_token_call(evm_w3, spender, som_token.functions.transferFrom(addr(owner), addr(spender), 401))


# ---------------------------------------------------------------- EIP-3009

def test_transfer_with_authorization(evm_w3, som_token, payer, relayer):
    shop = addr(unfunded_key("shop"))
    args = authorize(som_token, payer, shop, 250_000, nonce=nonce32("sale-1"))
    assert som_token.functions.authorizationState(addr(payer), nonce32("sale-1")).call() is False

    receipt = send_token_call(evm_w3, relayer, som_token.functions.transferWithAuthorization(*args))
    assert events(som_token, receipt, "AuthorizationUsed") == [
        {"authorizer": addr(payer), "nonce": nonce32("sale-1")}]
    assert events(som_token, receipt, "Transfer") == [{"from": addr(payer), "to": shop, "value": 250_000}]
    assert (balance(som_token, addr(payer)), balance(som_token, shop)) == (750_000, 250_000)
    assert som_token.functions.authorizationState(addr(payer), nonce32("sale-1")).call() is True
    assert evm_w3.eth.get_balance(addr(payer)) == 0  # the payer never needed gas

    with pytest.raises(ContractReverted, match="authorization is used or canceled"):
        send_token_call(evm_w3, relayer, som_token.functions.transferWithAuthorization(*args))
    assert balance(som_token, shop) == 250_000


def test_expired_and_not_yet_valid_authorizations_revert(evm_w3, som_token, payer, relayer):
    shop = addr(unfunded_key("shop"))
    t = now(evm_w3)
    expired = authorize(som_token, payer, shop, 1, valid_before=t, nonce=nonce32("old"))
    with pytest.raises(ContractReverted, match="authorization is expired"):
        send_token_call(evm_w3, relayer, som_token.functions.transferWithAuthorization(*expired))
    early = authorize(som_token, payer, shop, 1, valid_after=t + HOUR, valid_before=t + 2 * HOUR)
    with pytest.raises(ContractReverted, match="authorization is not yet valid"):
        send_token_call(evm_w3, relayer, som_token.functions.transferWithAuthorization(*early))
    assert balance(som_token, shop) == 0


@pytest.mark.parametrize("offset,ok", [(100, False), (101, True), (199, True), (200, False)])
def test_validity_window_is_exclusive_at_both_ends(evm_w3, som_token, payer, relayer, offset, ok):
    # USDC semantics: validAfter < block.timestamp < validBefore. The block including the
    # transaction is pinned with time_travel and gas is explicit, so the check runs on chain.
    shop = addr(unfunded_key("shop"))
    t = now(evm_w3)
    args = authorize(som_token, payer, shop, 7, valid_after=t + 100, valid_before=t + 200)
    evm_w3.provider.ethereum_tester.time_travel(t + offset)
    call = som_token.functions.transferWithAuthorization(*args)
    if ok:
        receipt = send_token_call(evm_w3, relayer, call, gas=200_000)
        assert evm_w3.eth.get_block(receipt["blockNumber"]).timestamp == t + offset
        assert balance(som_token, shop) == 7
    else:
        with pytest.raises(ContractReverted):
            send_token_call(evm_w3, relayer, call, gas=200_000)
        assert balance(som_token, shop) == 0


def test_authorization_from_wrong_signer_or_tampered_reverts(evm_w3, som_token, payer, relayer):
    shop = addr(unfunded_key("shop"))
    t = now(evm_w3)
    msg = auth_message(addr(payer), shop, 100, 0, t + HOUR, nonce32("x"))
    forged = auth_args(msg, sign(unfunded_key("thief"), som_token, "TransferWithAuthorization", msg))
    with pytest.raises(ContractReverted, match="invalid signature"):
        send_token_call(evm_w3, relayer, som_token.functions.transferWithAuthorization(*forged))

    genuine = auth_args(msg, sign(payer, som_token, "TransferWithAuthorization", msg))
    tampered = genuine[:2] + (200,) + genuine[3:]
    with pytest.raises(ContractReverted, match="invalid signature"):
        send_token_call(evm_w3, relayer, som_token.functions.transferWithAuthorization(*tampered))
    assert balance(som_token, addr(payer)) == 1_000_000
    assert som_token.functions.authorizationState(addr(payer), nonce32("x")).call() is False


def test_high_s_and_bad_v_signatures_revert(evm_w3, som_token, payer, relayer):
    shop = addr(unfunded_key("shop"))
    msg = auth_message(addr(payer), shop, 100, 0, now(evm_w3) + HOUR, nonce32("malleable"))
    args = auth_args(msg, sign(payer, som_token, "TransferWithAuthorization", msg))
    v, r, s = args[6:]
    high_s = SECP256K1_N - int.from_bytes(s, "big")
    twin_v = 55 - v  # 27 <-> 28
    # The twin is a mathematically valid signature by the payer; only the low-s rule stops it.
    primary = "TransferWithAuthorization"
    signable = encode_typed_data(domain(som_token), {primary: TYPES[primary]}, msg)
    digest = keccak(b"\x19" + signable.version + signable.header + signable.body)
    twin = keys.Signature(vrs=(twin_v - 27, int.from_bytes(r, "big"), high_s))
    assert twin.recover_public_key_from_msg_hash(digest).to_checksum_address() == addr(payer)

    call = som_token.functions.transferWithAuthorization
    with pytest.raises(ContractReverted, match="invalid signature 's' value"):
        send_token_call(evm_w3, relayer, call(*args[:6], twin_v, r, high_s.to_bytes(32, "big")))
    with pytest.raises(ContractReverted, match="invalid signature 'v' value"):
        send_token_call(evm_w3, relayer, call(*args[:6], v + 2, r, s))
    with pytest.raises(ContractReverted, match="invalid signature"):  # ecrecover yields address(0)
        send_token_call(evm_w3, relayer, call(*args[:6], 27, b"\x00" * 32, b"\x00" * 32))
    send_token_call(evm_w3, relayer, call(*args))  # the canonical signature still works
    assert balance(som_token, shop) == 100


def test_unrecoverable_signature_cannot_act_for_the_zero_address(evm_w3, som_token, relayer):
    # ecrecover returns address(0) for garbage; without an explicit check that would "match"
    # an authorization or cancellation claiming to come from the zero address.
    zero_sig = (27, b"\x00" * 32, b"\x00" * 32)
    nonce = nonce32("zero")
    with pytest.raises(ContractReverted, match="SomToken: invalid signature$"):
        send_token_call(evm_w3, relayer, som_token.functions.cancelAuthorization(ZERO_ADDRESS, nonce, *zero_sig))
    auth = (ZERO_ADDRESS, addr(relayer), 1, 0, now(evm_w3) + HOUR, nonce, *zero_sig)
    with pytest.raises(ContractReverted, match="SomToken: invalid signature$"):
        send_token_call(evm_w3, relayer, som_token.functions.transferWithAuthorization(*auth))
    assert som_token.functions.authorizationState(ZERO_ADDRESS, nonce).call() is False


def test_cancelled_authorization_cannot_be_used(evm_w3, som_token, payer, relayer):
    shop = addr(unfunded_key("shop"))
    nonce = nonce32("to-cancel")
    args = authorize(som_token, payer, shop, 100, nonce=nonce)
    cancel_msg = {"authorizer": addr(payer), "nonce": nonce}

    forged = sign(unfunded_key("thief"), som_token, "CancelAuthorization", cancel_msg)
    with pytest.raises(ContractReverted, match="invalid signature"):
        send_token_call(evm_w3, relayer, som_token.functions.cancelAuthorization(addr(payer), nonce, *forged))

    vrs = sign(payer, som_token, "CancelAuthorization", cancel_msg)
    cancel = som_token.functions.cancelAuthorization(addr(payer), nonce, *vrs)
    receipt = send_token_call(evm_w3, relayer, cancel)
    assert events(som_token, receipt, "AuthorizationCanceled") == [
        {"authorizer": addr(payer), "nonce": nonce}]
    assert som_token.functions.authorizationState(addr(payer), nonce).call() is True

    with pytest.raises(ContractReverted, match="authorization is used or canceled"):
        send_token_call(evm_w3, relayer, som_token.functions.transferWithAuthorization(*args))
    with pytest.raises(ContractReverted, match="authorization is used or canceled"):
        send_token_call(evm_w3, relayer, som_token.functions.cancelAuthorization(addr(payer), nonce, *vrs))
    assert balance(som_token, shop) == 0


def test_receive_with_authorization_only_by_payee(evm_w3, som_token, payer, relayer, funded_key):
    shop_key = funded_key("shop")
    args = authorize(som_token, payer, addr(shop_key), 300, primary="ReceiveWithAuthorization")
    with pytest.raises(ContractReverted, match="caller must be the payee"):
        send_token_call(evm_w3, relayer, som_token.functions.receiveWithAuthorization(*args))

    # A receive authorization is not a transfer authorization (different typehash).
    with pytest.raises(ContractReverted, match="invalid signature"):
        send_token_call(evm_w3, relayer, som_token.functions.transferWithAuthorization(*args))

    receipt = send_token_call(evm_w3, shop_key, som_token.functions.receiveWithAuthorization(*args))
    assert events(som_token, receipt, "AuthorizationUsed") == [{"authorizer": addr(payer), "nonce": args[5]}]
    assert balance(som_token, addr(shop_key)) == 300
    assert balance(som_token, addr(payer)) == 1_000_000 - 300


# ---------------------------------------------------------------- EIP-2612

def _permit(token, owner_key: bytes, spender: str, value: int, deadline: int,
            signer: bytes | None = None) -> tuple:
    owner = addr(owner_key)
    msg = {"owner": owner, "spender": spender, "value": value,
           "nonce": token.functions.nonces(owner).call(), "deadline": deadline}
    return (owner, spender, value, deadline, *sign(signer or owner_key, token, "Permit", msg))


def test_permit_sets_allowance_and_increments_nonce(evm_w3, som_token, payer, relayer):
    spender = addr(relayer)
    args = _permit(som_token, payer, spender, 500, now(evm_w3) + HOUR)
    assert som_token.functions.nonces(addr(payer)).call() == 0
    receipt = send_token_call(evm_w3, relayer, som_token.functions.permit(*args))
    assert events(som_token, receipt, "Approval") == [
        {"owner": addr(payer), "spender": spender, "value": 500}]
    assert som_token.functions.allowance(addr(payer), spender).call() == 500
    assert som_token.functions.nonces(addr(payer)).call() == 1

    with pytest.raises(ContractReverted, match="invalid signature"):  # the nonce moved on
        send_token_call(evm_w3, relayer, som_token.functions.permit(*args))
    send_token_call(evm_w3, relayer, som_token.functions.transferFrom(addr(payer), spender, 500))
    assert balance(som_token, spender) == 500


def test_permit_expired_or_wrong_signer_reverts(evm_w3, som_token, payer, relayer):
    spender = addr(relayer)
    expired = _permit(som_token, payer, spender, 500, now(evm_w3) - 1)
    with pytest.raises(ContractReverted, match="permit is expired"):
        send_token_call(evm_w3, relayer, som_token.functions.permit(*expired))
    forged = _permit(som_token, payer, spender, 500, now(evm_w3) + HOUR, signer=unfunded_key("thief"))
    with pytest.raises(ContractReverted, match="invalid signature"):
        send_token_call(evm_w3, relayer, som_token.functions.permit(*forged))
    assert som_token.functions.allowance(addr(payer), spender).call() == 0
    assert som_token.functions.nonces(addr(payer)).call() == 0
