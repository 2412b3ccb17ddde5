"""Network profiles (``pos_app/chain/profiles.py``).

Tested: the built-in profiles (BSC, BSC testnet, local, embedded demo with the deterministic
demo token), loading a TOML profile for an arbitrary EVM chain, one ``ConfigError`` per invalid
field whose message names that field, address checking (checksum, case, zero address), and
``resolve_profile`` for names, files and stored dicts.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from eth_utils import is_checksum_address

from pos_app.app.demo.accounts import DEMO_TOKEN_ADDRESS, MERCHANT
from pos_app.core.errors import ConfigError
from pos_app.chain.profiles import (
    DEMO_CHAIN_ID, builtin_profiles, check_address, load_profile_file, profile_from_dict,
    resolve_profile, with_token,
)

TOKEN = DEMO_TOKEN_ADDRESS  # a valid EIP-55 checksummed address


def _flip_one_letter(address: str) -> str:
    body = address[2:]
    i = next(i for i, ch in enumerate(body) if ch.isalpha())
    return "0x" + body[:i] + body[i].swapcase() + body[i + 1:]


VALID_TOML = f"""
name = "my-cbdc"
chain_id = 1234
rpc_urls = ["https://rpc1.example.org", "http://10.0.0.5:8545"]
token = "{TOKEN.lower()}"
explorer = "https://explorer.example.org"

[finality]
rule = "confirmations"
confirmations = 12

[logs]
enabled = false
max_range = 2000
poll_seconds = 2.5
"""


def _write(tmp_path: Path, text: str | bytes, name: str = "net.toml") -> Path:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def _valid_dict(**changes) -> dict:
    d = {"name": "x", "chain_id": 1234, "rpc_urls": ["https://rpc.example.org"], "token": TOKEN,
         "finality": {"rule": "confirmations", "confirmations": 3}}
    d.update(changes)
    return {k: v for k, v in d.items() if v is not ...}


# -- built-ins -------------------------------------------------------------------------------

def test_builtin_bsc():
    bsc = builtin_profiles()["bsc"]
    assert bsc.chain_id == 56
    assert bsc.finality.rule == "finalized"
    assert bsc.trust_coin == 20000714
    assert bsc.token is None  # never hard-coded: the shop sets it
    assert bsc.rpc_urls and all(u.startswith("https://") for u in bsc.rpc_urls)
    assert not bsc.embedded


def test_builtin_bsc_testnet_and_local():
    b = builtin_profiles()
    assert b["bsc-testnet"].chain_id == 97
    assert b["bsc-testnet"].finality.rule == "finalized"
    assert b["local"].rpc_urls == ("http://127.0.0.1:8545",)
    assert b["local"].finality.rule == "confirmations" and b["local"].finality.confirmations >= 1


def test_builtin_demo_is_embedded_with_deterministic_token():
    demo = builtin_profiles()["demo"]
    assert demo.embedded
    assert demo.rpc_urls == ()
    assert demo.chain_id == DEMO_CHAIN_ID
    assert demo.token == DEMO_TOKEN_ADDRESS
    assert is_checksum_address(demo.token)


def test_require_token_tells_how_to_set_it():
    with pytest.raises(ConfigError) as e:
        builtin_profiles()["bsc"].require_token()
    assert "sompos config token" in e.value.user_message
    assert builtin_profiles()["demo"].require_token() == DEMO_TOKEN_ADDRESS


# -- loading a TOML file ---------------------------------------------------------------------

def test_load_valid_toml_for_any_chain(tmp_path: Path):
    p = load_profile_file(_write(tmp_path, VALID_TOML))
    assert p.name == "my-cbdc"
    assert p.chain_id == 1234
    assert p.rpc_urls == ("https://rpc1.example.org", "http://10.0.0.5:8545")
    assert p.token == TOKEN  # lower-case input comes back checksummed
    assert p.finality.rule == "confirmations" and p.finality.confirmations == 12
    assert p.finality.describe() == "12 confirmations"
    assert (p.logs_enabled, p.max_log_range, p.poll_seconds) == (False, 2000, 2.5)
    assert p.explorer_tx_url("0xabc") == "https://explorer.example.org/tx/0xabc"
    assert not p.embedded and p.trust_coin is None


def test_minimal_toml_gets_safe_defaults(tmp_path: Path):
    p = load_profile_file(_write(tmp_path, 'name = "m"\nchain_id = 7\nrpc_urls = "https://a.example"\n'))
    assert p.rpc_urls == ("https://a.example",)
    assert p.token is None
    assert p.finality.rule == "finalized"
    assert p.logs_enabled and p.max_log_range == 5000


def test_profile_dict_round_trip():
    p = profile_from_dict(_valid_dict())
    d = p.to_dict()
    assert d["rpc_urls"] == ["https://rpc.example.org"]
    assert d["chain_id"] == 1234 and d["token"] == TOKEN


# -- invalid fields --------------------------------------------------------------------------

@pytest.mark.parametrize("changes,fragment", [
    ({"chain_id": "56"}, "chain_id"),
    ({"chain_id": 0}, "chain_id"),
    ({"chain_id": -1}, "chain_id"),
    ({"chain_id": True}, "chain_id"),
    ({"chain_id": 2**64}, "chain_id"),
    ({"chain_id": ...}, "chain_id"),
    ({"rpc_urls": ...}, "rpc_urls"),
    ({"rpc_urls": []}, "rpc_urls"),
    ({"rpc_urls": ["ftp://files.example.org"]}, "RPC URL"),
    ({"rpc_urls": ["rpc.example.org"]}, "RPC URL"),
    ({"rpc_urls": [123]}, "RPC URL"),
    ({"token": "0x1234"}, "token contract address"),
    ({"token": "not an address"}, "token contract address"),
    ({"token": _flip_one_letter(TOKEN)}, "checksum"),
    ({"token": "0x" + "0" * 40}, "zero address"),
    ({"colour": "blue"}, "colour"),
    ({"finality": {"rule": "eventually"}}, "finality.rule"),
    ({"finality": {"rule": "confirmations", "confirmations": 0}}, "finality.confirmations"),
    ({"finality": {"rule": "confirmations", "confirmations": -3}}, "finality.confirmations"),
    ({"finality": {"rule": "confirmations", "confirmations": 1.5}}, "finality.confirmations"),
    ({"finality": {"rule": "confirmations", "confirmation": 3}}, "confirmation"),
    ({"finality": "fast"}, "finality"),
    ({"logs": {"max_range": 0}}, "logs.max_range"),
    ({"logs": {"poll_seconds": 0}}, "logs.poll_seconds"),
    ({"logs": {"max_rang": 10}}, "max_rang"),
    ({"explorer": "ftp://explorer.example.org"}, "explorer"),
    ({"name": ""}, "name"),
    ({"name": ...}, "name"),
    ({"trust_coin": "bsc"}, "trust_coin"),
])
def test_each_invalid_field_is_named(changes, fragment):
    with pytest.raises(ConfigError) as e:
        profile_from_dict(_valid_dict(**changes))
    assert fragment in e.value.user_message


def test_wrong_checksum_in_file_mentions_checksum(tmp_path: Path):
    bad = _flip_one_letter(TOKEN)
    assert bad.lower() == TOKEN.lower() and bad != TOKEN
    path = _write(tmp_path, VALID_TOML.replace(TOKEN.lower(), bad))
    with pytest.raises(ConfigError) as e:
        load_profile_file(path)
    assert "checksum" in e.value.user_message


def test_invalid_toml(tmp_path: Path):
    with pytest.raises(ConfigError) as e:
        load_profile_file(_write(tmp_path, 'name = "x"\nchain_id = = 5\n'))
    assert "TOML" in e.value.user_message


def test_oversized_file(tmp_path: Path):
    text = VALID_TOML + "\n" + ("# padding\n" * 8000)
    with pytest.raises(ConfigError) as e:
        load_profile_file(_write(tmp_path, text))
    assert "too large" in e.value.user_message


def test_non_utf8_file(tmp_path: Path):
    raw = 'name = "Бишкек"\nchain_id = 5\n'.encode("cp1251")
    with pytest.raises(ConfigError) as e:
        load_profile_file(_write(tmp_path, raw))
    assert "TOML" in e.value.user_message


def test_missing_file(tmp_path: Path):
    with pytest.raises(ConfigError) as e:
        load_profile_file(tmp_path / "absent.toml")
    assert "Cannot read" in e.value.user_message


# -- addresses -------------------------------------------------------------------------------

def test_check_address_accepts_lower_upper_and_checksum():
    assert check_address(TOKEN) == TOKEN
    assert check_address(TOKEN.lower()) == TOKEN
    assert check_address("0x" + TOKEN[2:].upper()) == TOKEN
    assert check_address(f"  {MERCHANT.lower()} \n") == MERCHANT


@pytest.mark.parametrize("value,fragment", [
    (_flip_one_letter(MERCHANT), "checksum"),
    ("0x" + "0" * 40, "zero address"),
    (MERCHANT[:-1], "not a valid"),
    (MERCHANT + "0", "not a valid"),
    (MERCHANT[2:], "not a valid"),
    ("0x" + "g" * 40, "not a valid"),
    (None, "not a valid"),
    (12345, "not a valid"),
])
def test_check_address_refuses(value, fragment):
    with pytest.raises(ConfigError) as e:
        check_address(value, "merchant address")
    assert fragment in e.value.user_message
    assert "merchant address" in e.value.user_message


def test_with_token_checks_the_address():
    bsc = builtin_profiles()["bsc"]
    assert with_token(bsc, TOKEN.lower()).token == TOKEN
    with pytest.raises(ConfigError):
        with_token(bsc, _flip_one_letter(TOKEN))


# -- resolve_profile -------------------------------------------------------------------------

def test_resolve_builtin_file_and_dict(tmp_path: Path):
    assert resolve_profile("bsc").chain_id == 56
    assert resolve_profile(str(_write(tmp_path, VALID_TOML))).chain_id == 1234
    assert resolve_profile(_valid_dict(chain_id=777)).chain_id == 777


def test_resolve_unknown_name():
    with pytest.raises(ConfigError) as e:
        resolve_profile("ethereum-mainnet")
    msg = e.value.user_message
    assert "ethereum-mainnet" in msg and "bsc" in msg and ".toml" in msg


def test_files_cannot_claim_to_be_the_embedded_demo(tmp_path):
    p = tmp_path / "x.toml"
    p.write_text('name = "x"\nchain_id = 5\nembedded = true\n')
    with pytest.raises(ConfigError, match="embedded"):
        load_profile_file(p)


def test_logs_enabled_must_be_a_real_boolean(tmp_path):
    p = tmp_path / "x.toml"
    p.write_text('name = "x"\nchain_id = 5\nrpc_urls = ["http://127.0.0.1:1"]\n[logs]\nenabled = "false"\n')
    with pytest.raises(ConfigError, match="logs.enabled"):
        load_profile_file(p)


def test_demo_constants_match_the_demo_keys():
    """The literal demo addresses (used without eth libraries at start-up) derive from the keys."""
    from pos_app.app.demo import accounts
    from pos_app.chain import demo_constants as constants
    assert constants.DEMO_MERCHANT == accounts.MERCHANT
    assert constants.DEMO_TOKEN_ADDRESS == accounts.DEMO_TOKEN_ADDRESS
    assert tuple(accounts.CUSTOMERS) == constants.DEMO_CUSTOMER_NAMES


def test_checksum_address_is_eip55_as_eth_utils_writes_it():
    """chain/profiles.py writes EIP-55 itself (eth_utils costs 0.2 s before the first paint)."""
    from hypothesis import given, settings, strategies as st
    from eth_utils import to_checksum_address
    from pos_app.chain.profiles import check_address, checksum_address

    @settings(max_examples=300, deadline=None)
    @given(st.binary(min_size=20, max_size=20), st.sampled_from([str.lower, str.upper]))
    def same(raw: bytes, case) -> None:
        value = "0x" + case(raw.hex())
        assert checksum_address(value) == to_checksum_address(value)
    same()
    good = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
    assert check_address(good.lower()) == good == check_address(good)
    with pytest.raises(ConfigError):
        check_address(good[:-1] + "c")          # one letter's case changed: a typo
