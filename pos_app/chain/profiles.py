"""Network profiles: which chain, which nodes, which token, and when a payment is final.

Nothing else in the app names a chain or a token. Built-in profiles cover BSC, BSC testnet, a
local node and the embedded demo; a TOML file describes any other EVM chain:

    name = "my-cbdc"
    chain_id = 1234
    rpc_urls = ["https://rpc1.example", "https://rpc2.example"]
    token = "0x..."                 # the som token contract
    explorer = "https://explorer.example"   # optional, for links
    [finality]
    rule = "confirmations"          # or "finalized" (the node's finalized block tag)
    confirmations = 12
    [logs]
    enabled = true                  # false where the RPC disables eth_getLogs
    max_range = 5000                # blocks per eth_getLogs request (shrinks on refusal)
    poll_seconds = 1.0
    [[exchange_wallets]]            # optional, repeatable: an exchange's shared hot wallet
    address = "0x..."               # many customers pay from it: never named after a person
    label = "Binance"               # the exchange, as the shop names it

The built-in ``bsc`` profile lists the exchange hot wallets of ``chain/exchange_wallets.py``; the
demo lists the demo's own exchange.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse


from pos_app.core.errors import ConfigError

_HEX_ADDRESS = re.compile(r"0x[0-9a-fA-F]{40}")
DEMO_CHAIN_ID = 131277322940537  # eth-tester's chain id; the demo chain runs in-process


@dataclass(frozen=True)
class Finality:
    """``finalized``: trust the node's finalized tag (BSC fast finality); else N confirmations."""

    rule: str = "finalized"
    confirmations: int = 0

    def describe(self) -> str:
        if self.rule == "finalized":
            return "node's finalized block"
        return f"{self.confirmations} confirmations"


MAX_EXCHANGE_LABEL = 40


@dataclass(frozen=True)
class ExchangeWallet:
    """An exchange's shared hot wallet: one address that many customers withdraw from."""

    address: str   # EIP-55
    label: str     # the exchange as the shop names it ("Binance")


@dataclass(frozen=True)
class NetworkProfile:
    name: str
    chain_id: int
    rpc_urls: tuple[str, ...]
    token: str | None
    finality: Finality = field(default_factory=Finality)
    explorer: str | None = None
    logs_enabled: bool = True
    max_log_range: int = 5000
    poll_seconds: float = 1.0
    embedded: bool = False   # the demo chain lives inside the process, there is no URL
    trust_coin: int | None = None  # Trust Wallet's coin id for this chain (BSC: 20000714)
    exchange_wallets: tuple[ExchangeWallet, ...] = ()  # never named after a person, never refunded to

    def exchange_of(self, address: str | None) -> str | None:
        """The exchange whose shared wallet ``address`` is (any spelling), else None."""
        if not address:
            return None
        key = address.lower()
        return next((w.label for w in self.exchange_wallets if w.address.lower() == key), None)

    def require_token(self) -> str:
        if not self.token:
            raise ConfigError(
                "chain.network_som_token_contract", network=self.name)
        return self.token

    def explorer_tx_url(self, tx_hash: str) -> str | None:
        return f"{self.explorer.rstrip('/')}/tx/{tx_hash}" if self.explorer else None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["rpc_urls"] = list(self.rpc_urls)
        d["exchange_wallets"] = [{"address": w.address, "label": w.label} for w in self.exchange_wallets]
        return d


def _demo_token() -> str:
    from pos_app.chain.demo_constants import DEMO_TOKEN_ADDRESS  # deterministic, no chain needed
    return DEMO_TOKEN_ADDRESS


def _wallets(entries: tuple[tuple[str, str], ...]) -> tuple[ExchangeWallet, ...]:
    return tuple(ExchangeWallet(address, label) for address, label in entries)


def builtin_profiles() -> dict[str, NetworkProfile]:
    from pos_app.chain.demo_constants import DEMO_EXCHANGE
    from pos_app.chain.exchange_wallets import BSC_EXCHANGE_WALLETS
    return {
        "bsc": NetworkProfile(
            name="bsc", chain_id=56,
            rpc_urls=("https://bsc-dataseed.bnbchain.org", "https://bsc-dataseed1.defibit.io",
                      "https://bsc-dataseed1.ninicoin.io"),
            token=None, finality=Finality("finalized"), explorer="https://bscscan.com", trust_coin=20000714,
            # Public BSC endpoints disable eth_getLogs on mainnet; point rpc_urls at a provider
            # that serves logs, or detection falls back to balance checks.
            logs_enabled=True, max_log_range=1000, poll_seconds=1.0,
            exchange_wallets=_wallets(BSC_EXCHANGE_WALLETS)),
        "bsc-testnet": NetworkProfile(
            name="bsc-testnet", chain_id=97,
            rpc_urls=("https://bsc-testnet-dataseed.bnbchain.org", "https://data-seed-prebsc-1-s1.bnbchain.org:8545"),
            token=None, finality=Finality("finalized"), explorer="https://testnet.bscscan.com",
            max_log_range=1000),
        "local": NetworkProfile(
            name="local", chain_id=31337, rpc_urls=("http://127.0.0.1:8545",), token=None,
            finality=Finality("confirmations", 2), max_log_range=5000, poll_seconds=0.5),
        "demo": NetworkProfile(
            name="demo", chain_id=DEMO_CHAIN_ID, rpc_urls=(), token=_demo_token(),
            finality=Finality("confirmations", 2), max_log_range=5000, poll_seconds=0.25,
            embedded=True, trust_coin=20000714,
            # The demo phone's "Exchange" pays from this one wallet for many customers.
            exchange_wallets=_wallets(((DEMO_EXCHANGE, "DemoEx"),))),
    }


def _check_url(url: Any, what: str = "RPC URL") -> str:
    if not isinstance(url, str) or not url.strip():
        raise ConfigError("chain.each_must_text_such", what=what)
    from pos_app.core.text import mask_url, safe_text
    text = url.strip()
    try:
        parsed = urlparse(text)
        parsed.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        parsed = None
    if (parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc
            or safe_text(text) != text or " " in text):
        # masked: the URL may carry an API key, and this message is shown and logged
        raise ConfigError("chain.http_s", url=safe_text(mask_url(text), limit=200), what=what)
    return text


def checksum_address(value: str) -> str:
    """``0x`` and 40 hex digits in EIP-55 form (the case of each letter from the keccak hash of
    the lower-case digits). Written here with eth_hash, not eth_utils: a network profile's
    addresses are checked before the first paint, and eth_utils costs about 0.2 s to import
    (pydantic). ``tests/core/test_profiles.py`` checks it against eth_utils."""
    from eth_hash.auto import keccak
    body = value[2:].lower()
    digest = keccak(body.encode("ascii")).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(digest[i], 16) >= 8 else c for i, c in enumerate(body))


def check_address(value: Any, what: str = "address") -> str:
    """Return the checksummed address or raise ``ConfigError`` explaining what is wrong."""
    if not isinstance(value, str) or not _HEX_ADDRESS.fullmatch(value.strip()):
        raise ConfigError("chain.valid_0x_address_0x", what=what)
    value = value.strip()
    body = value[2:]
    checksummed = checksum_address(value)
    if body != body.lower() and body != body.upper() and value != checksummed:
        # Mixed case that is not the EIP-55 checksum means a typo somewhere.
        raise ConfigError("chain.wrong_checksum_typo_copy", what=what)
    if int(value, 16) == 0:
        raise ConfigError("chain.cannot_zero_address", what=what)
    return checksummed


def _flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError("chain.must_true_false", setting=what)
    return value


def profile_from_dict(data: dict[str, Any], *, source: str = "profile", file: str | None = None) -> NetworkProfile:
    """Validate a profile read from TOML/JSON; every problem is a ``ConfigError`` naming the field.

    ``source`` names where the data came from ("profile file {file}" with ``file`` given); it is
    a message parameter, so the GUI can translate it.
    """
    where: dict[str, Any] = {"source": source if file is None else source.format(file=file)}
    if file is not None:
        where["file"] = file
    if not isinstance(data, dict):
        raise ConfigError("chain.table_settings", **where)
    # "embedded" is not accepted from files: only the built-in demo runs an in-process chain.
    known = {"name", "chain_id", "rpc_urls", "token", "explorer", "finality", "logs",
             "trust_coin", "exchange_wallets"}
    unknown = set(data) - known
    if unknown:
        raise ConfigError("chain.unknown_setting_s", settings=", ".join(sorted(unknown)), **where)
    name = data.get("name")
    if isinstance(name, str):
        from pos_app.core.text import safe_text
        name = safe_text(name)  # no terminal escapes or direction overrides reach a screen
    if not isinstance(name, str) or not name.strip() or len(name) > 64:
        raise ConfigError("chain.needs_short_name", **where)
    chain_id = data.get("chain_id")
    if not isinstance(chain_id, int) or isinstance(chain_id, bool) or not 0 < chain_id < 2**53:
        raise ConfigError("chain.needs_positive_whole_chain", **where)
    embedded = False
    urls = data.get("rpc_urls", [])
    if isinstance(urls, str):
        urls = [urls]
    if not isinstance(urls, list) or (not urls and not embedded):
        raise ConfigError("chain.needs_rpc_urls_list", **where)
    rpc_urls = tuple(_check_url(u) for u in urls)
    token = data.get("token")
    token = check_address(token, "token contract address") if token not in (None, "") else None
    fin = data.get("finality", {}) or {}
    if not isinstance(fin, dict):
        raise ConfigError("chain.finality_must_table", **where)
    if set(fin) - {"rule", "confirmations"}:
        raise ConfigError("chain.finality_unknown_setting_s",
                          settings=", ".join(sorted(set(fin) - {"rule", "confirmations"})), **where)
    rule = fin.get("rule", "finalized")
    if rule not in ("finalized", "confirmations"):
        raise ConfigError("chain.finality_rule_must_finalized")
    conf = fin.get("confirmations", 0 if rule == "finalized" else 12)
    if not isinstance(conf, int) or isinstance(conf, bool) or not 0 <= conf <= 10_000:
        raise ConfigError("chain.finality_confirmations_must_whole")
    if rule == "confirmations" and conf < 1:
        raise ConfigError("chain.finality_confirmations_must_least")
    logs = data.get("logs", {}) or {}
    if not isinstance(logs, dict):
        raise ConfigError("chain.logs_must_table", **where)
    if set(logs) - {"enabled", "max_range", "poll_seconds"}:
        raise ConfigError("chain.logs_unknown_setting_s",
                          settings=", ".join(sorted(set(logs) - {"enabled", "max_range", "poll_seconds"})),
                          **where)
    max_range = logs.get("max_range", 5000)
    if not isinstance(max_range, int) or isinstance(max_range, bool) or not 1 <= max_range <= 100_000:
        raise ConfigError("chain.logs_max_range_must")
    poll = logs.get("poll_seconds", 1.0)
    if not isinstance(poll, (int, float)) or isinstance(poll, bool) or not 0.05 <= poll <= 3600:
        raise ConfigError("chain.logs_poll_seconds_must")
    explorer = data.get("explorer")
    if explorer is not None:
        explorer = _check_url(explorer, "explorer URL")
    trust_coin = data.get("trust_coin")
    if trust_coin is not None and (not isinstance(trust_coin, int) or isinstance(trust_coin, bool)
                                   or trust_coin < 0):
        raise ConfigError("chain.trust_coin_must_trust")
    exchange_wallets = _exchange_wallets(data.get("exchange_wallets", []), where)
    return NetworkProfile(
        exchange_wallets=exchange_wallets,
        trust_coin=trust_coin, name=name.strip(), chain_id=chain_id, rpc_urls=rpc_urls, token=token,
        finality=Finality(rule, conf), explorer=explorer, logs_enabled=_flag(logs.get("enabled", True), "logs.enabled"),
        max_log_range=max_range, poll_seconds=float(poll),  # seconds: a float is fine, not money
        embedded=embedded)


def _exchange_wallets(entries: Any, where: dict[str, Any]) -> tuple[ExchangeWallet, ...]:
    """``exchange_wallets``: a list of ``{address, label}`` tables, each address once."""
    from pos_app.core.text import safe_text
    if entries is None:
        return ()
    if not isinstance(entries, list) or not all(isinstance(e, dict) and set(e) == {"address", "label"}
                                                for e in entries):
        raise ConfigError("chain.exchange_wallets_must_list", **where)
    wallets: list[ExchangeWallet] = []
    seen: set[str] = set()
    for entry in entries:
        address = check_address(entry["address"], "exchange wallet address")
        label = safe_text(entry["label"]).strip() if isinstance(entry["label"], str) else ""
        if not label or len(label) > MAX_EXCHANGE_LABEL:
            raise ConfigError("chain.each_exchange_wallet_needs", maximum=MAX_EXCHANGE_LABEL, **where)
        if address.lower() in seen:
            raise ConfigError("chain.exchange_wallet_listed_twice",
                              address=address, **where)
        seen.add(address.lower())
        wallets.append(ExchangeWallet(address, label))
    return tuple(wallets)


MAX_PROFILE_NESTING = 20  # a profile has two tables and one list; anything deeper is not one


def _nesting_depth(text: str) -> int:
    """How deeply ``[``/``{`` nest outside quoted strings and comments (a cheap bound before parsing).

    tomllib parses nested arrays and inline tables recursively; a file of 100,000 ``[`` would
    exhaust the stack (or, with the recursion limit raised by an import, crash the process).
    """
    depth = deepest = 0
    quote = ""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            while i < n and text[i] != "\n":
                i += 1
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
        i += 1
    return deepest


def load_profile_file(path: Path | str) -> NetworkProfile:
    """Read and check a TOML profile: an ordinary file of at most 64 KB, never a device or a pipe."""
    from pos_app.core.files import PROFILE_LIMIT, FileRefused, read_limited
    p = Path(path)
    try:
        raw = read_limited(p, PROFILE_LIMIT, what="network profile")
    except FileRefused as exc:  # said as a ConfigError, which the settings screen shows by its field
        if exc.reason == "too_large":
            raise ConfigError("chain.too_large_network_profile", file=p.name) from None
        if exc.reason == "folder":
            raise ConfigError("chain.folder_file", file=p.name) from None
        if exc.reason == "not_regular":
            raise ConfigError("chain.ordinary_file_device_pipe",
                              file=p.name) from None
        raise ConfigError("chain.cannot_read_network_profile", detail=exc.user_message,
                          file=p.name) from None
    import tomllib  # only for profile files
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError("chain.valid_toml_network_profile", file=p.name,
                          problem="not UTF-8 text") from exc
    if _nesting_depth(text) > MAX_PROFILE_NESTING:
        raise ConfigError("chain.nested_too_deeply_network", file=p.name)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("chain.valid_toml_network_profile", file=p.name,
                          problem=str(exc)) from exc
    except RecursionError as exc:  # a nesting the cheap scan above missed
        raise ConfigError("chain.nested_too_deeply_network", file=p.name) from exc
    return profile_from_dict(data, source="profile file {file}", file=p.name)


def resolve_profile(spec: str | dict[str, Any]) -> NetworkProfile:
    """A built-in name, a path to a TOML file, or a stored profile dict."""
    if isinstance(spec, dict):
        return profile_from_dict(spec, source="saved network profile")
    builtins = builtin_profiles()
    if spec in builtins:
        return builtins[spec]
    try:  # "" would name the current folder
        is_file = bool(spec.strip()) and (spec.endswith(".toml") or Path(spec).exists())
    except (OSError, ValueError):  # a name no file can have (a NUL byte, far too long)
        is_file = False
    if is_file:
        return load_profile_file(spec)
    from pos_app.core.text import safe_text
    raise ConfigError("chain.unknown_network_use_one",
                      network=safe_text(spec, limit=200), choices=", ".join(builtins))


def with_token(profile: NetworkProfile, token: str) -> NetworkProfile:
    return replace(profile, token=check_address(token, "token contract address"))
