"""The shop's configuration, kept in the database's settings table.

With nothing configured the app is on the embedded demo network with the demo merchant, so a
first run works with no internet and no questions. Every setter validates and raises
``ConfigError`` with a message for the field; nothing is saved on error.

``save_settings`` is the settings form's use case (the till's settings screen and its first-run
dialog): every field is checked with the setters' rules first, then all are saved in one
transaction, or ``SettingsRefused`` names each refused field and nothing changes.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any


from pos_app.chain.demo_constants import DEMO_MERCHANT
from pos_app.core.errors import BadInput, ConfigError, PosError
from pos_app.invoices.defaults import DEFAULT_EXPIRY_SECONDS, TillSlot
from pos_app.chain.profiles import NetworkProfile, check_address, resolve_profile
from pos_app.store.db import Store

LANGUAGES = ("ky", "ru", "en")
DEFAULT_LANGUAGE = "ru"   # a shop that never chose one


def default_data_dir() -> Path:
    """``$SOMPOS_DATA_DIR`` or the platform's per-user data folder."""
    env = os.environ.get("SOMPOS_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs  # only when no folder is given
    return Path(platformdirs.user_data_dir("sompos", "SomPOS"))


@dataclass(frozen=True)
class ShopConfig:
    network: NetworkProfile
    merchant: str | None
    expiry_seconds: int
    qr_format: str
    language: str
    till: TillSlot = TillSlot()
    # A part-paid sale short by at most this can be accepted as paid in full with one tap (a
    # payment from an exchange, short by its fee); 0: never. Set by the owner.
    short_tolerance: int = 0          # tyiyn

    def to_dict(self) -> dict[str, Any]:
        """The settings as shown to a person: RPC URLs with their keys and passwords masked."""
        from pos_app.core.text import mask_url
        return {"network": self.network.name, "chain_id": self.network.chain_id,
                "rpc_urls": [mask_url(u) for u in self.network.rpc_urls], "token": self.network.token,
                "finality": self.network.finality.describe(), "merchant": self.merchant,
                "expiry_seconds": self.expiry_seconds, "qr_format": self.qr_format,
                "language": self.language, "till": self.till.describe(),
                "short_tolerance_tyiyn": self.short_tolerance}


def load_config(store: Store) -> ShopConfig:
    spec = store.get_setting("network", "demo")
    network = resolve_profile(spec)
    token = store.get_setting("token_override")
    if token:
        network = replace(network, token=token)
    merchant = store.get_setting("merchant")
    if merchant is None and network.embedded:
        merchant = DEMO_MERCHANT
    return ShopConfig(network=network, merchant=merchant,
                      expiry_seconds=int(store.get_setting("expiry_seconds", DEFAULT_EXPIRY_SECONDS)),
                      qr_format=store.get_setting("qr_format", "eip681"),
                      language=store.get_setting("language", DEFAULT_LANGUAGE), till=load_till(store),
                      short_tolerance=load_short_tolerance(store))


SHORT_TOLERANCE_KEY = "short_tolerance_tyiyn"
MAX_SHORT_TOLERANCE = 100_00   # 100 som: beyond any exchange's withdrawal fee


def load_short_tolerance(store: Store) -> int:
    """The shortfall (tyiyn) a cashier may accept as paid; 0 when the owner set none."""
    value = store.get_setting(SHORT_TOLERANCE_KEY, 0)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def check_short_tolerance(text: Any) -> int:
    """``set_short_tolerance``'s rules: som as a shop types it ("0,50"), 0 (off) up to 100 som."""
    from pos_app.core.money import parse_amount
    if isinstance(text, str) and text.strip() in ("0", "0,00", "0.00", ""):
        return 0
    value = int(parse_amount(text))
    if value > MAX_SHORT_TOLERANCE:
        raise ConfigError("settings.shortfall_accepted_paid_som", maximum=MAX_SHORT_TOLERANCE // 100)
    return value


def set_short_tolerance(store: Store, text: Any) -> int:
    value = check_short_tolerance(text)
    store.set_setting(SHORT_TOLERANCE_KEY, value)
    return value


def load_till(store: Store) -> TillSlot:
    """This till's number among the tills that share the shop's address (1 of 1 by default)."""
    raw = store.get_setting("till")
    try:
        return TillSlot(int(raw["number"]), int(raw["count"])) if isinstance(raw, dict) else TillSlot()
    except (KeyError, TypeError, ValueError, BadInput):
        return TillSlot()


def set_till(store: Store, spec: str) -> TillSlot:
    """``"2/3"`` (or ``"2 of 3"``): this is till 2 of the 3 tills taking payments to one address.

    Every till of the shop must be told the same count and its own number: that is what keeps
    each till's amounts apart from the others'.
    """
    slot = check_till(store, spec)
    store.set_setting("till", {"number": slot.number, "count": slot.count})
    return slot


def check_till(store: Store, spec: str) -> TillSlot:
    """``set_till``'s rules without saving (the settings screen checks every field first)."""
    text = str(spec).strip().lower().replace(" of ", "/")
    parts = text.split("/")
    if len(parts) != 2 or not all(p.strip().isascii() and p.strip().isdigit() for p in parts):
        raise ConfigError("settings.write_till_number_count")
    slot = TillSlot(int(parts[0]), int(parts[1]))
    # Not while any sale's amount is still watched (open, or up to 24 h after its expiry, paid or
    # not): another till could be given that amount under the new numbering and both would settle.
    from pos_app.invoices.reads import any_amount_watched
    if slot != load_till(store) and any_amount_watched(store, int(time.time())):
        raise ConfigError("settings.finish_cancel_open_sales")
    return slot


def set_network(store: Store, spec: str) -> NetworkProfile:
    """A built-in name or a TOML file; the file's content is stored, so moving it later is harmless."""
    profile = resolve_profile(spec)
    with store.transaction():
        before = _token_key(store)
        if profile.name in ("bsc", "bsc-testnet", "local", "demo") and not spec.endswith(".toml"):
            store.set_setting("network", profile.name)
        else:
            store.set_setting("network", {k: v for k, v in profile.to_dict().items()
                                          if k not in ("max_log_range", "poll_seconds", "logs_enabled",
                                                       "finality", "embedded")}
                              | {"finality": {"rule": profile.finality.rule,
                                              "confirmations": profile.finality.confirmations},
                                 "logs": {"enabled": profile.logs_enabled, "max_range": profile.max_log_range,
                                          "poll_seconds": profile.poll_seconds}})
        store.set_setting("token_override", None)
        _reprobe_if_changed(store, before)
    return profile


def set_merchant(store: Store, address: str) -> str:
    checked = check_address(address, "merchant address")
    store.set_setting("merchant", checked)
    return checked


def set_token(store: Store, address: str) -> str:
    checked = check_address(address, "token contract address")
    with store.transaction():
        before = _token_key(store)
        store.set_setting("token_override", checked)
        _reprobe_if_changed(store, before)
    return checked


def _token_key(store: Store) -> tuple[int, str] | None:
    try:
        net = load_config(store).network
    except ConfigError:  # a broken stored profile is being replaced
        return None
    return (net.chain_id, net.token.lower()) if net.token else None


def _reprobe_if_changed(store: Store, before: tuple[int, str] | None) -> None:
    """Another token or chain: what it can settle offline is probed again before authorizations are
    taken (issue 10, point 5); until then it counts as not checked."""
    after = _token_key(store)
    if after is not None and after != before:
        from pos_app.chain.token_cache import forget_features
        forget_features(store, *after)


def check_expiry_minutes(minutes: Any) -> int:
    """``set_expiry_minutes``'s rules without saving: the whole minutes, 1 to 7 days' worth."""
    from pos_app.core.money import parse_whole
    value = parse_whole(minutes)  # digits 0-9 only: int() would also read "٣" or "１５"
    if value is None:
        raise ConfigError("settings.invoice_expiry_must_whole")
    if not 1 <= value <= 7 * 24 * 60:
        raise ConfigError("sale.invoice_expiry_must_between")
    return value


def set_expiry_minutes(store: Store, minutes: Any) -> int:
    value = check_expiry_minutes(minutes)
    store.set_setting("expiry_seconds", value * 60)
    return value


def check_qr_format(fmt: str) -> str:
    from pos_app.invoices.payment_request import FORMATS  # first use: kept off the window's start
    if fmt not in FORMATS:
        raise ConfigError("settings.qr_format_must_one", choices=", ".join(FORMATS))
    return fmt


def set_qr_format(store: Store, fmt: str) -> str:
    store.set_setting("qr_format", check_qr_format(fmt))
    return fmt


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ConfigError("settings.language_must_one", choices=", ".join(LANGUAGES))
    return lang


def set_language(store: Store, lang: str) -> str:
    store.set_setting("language", check_language(lang))
    return lang


# -- the settings form: all fields checked, then saved together ---------------------------------------
@dataclass(frozen=True)
class SettingsInput:
    """The settings form as a person filled it in (text, as typed)."""

    merchant: str                     # the shop's address; may stay empty on the demo network
    network: str                      # a built-in name or a path to a .toml profile
    token: str                        # empty: keep the network's own token
    expiry: str                       # invoice expiry in whole minutes
    qr_format: str
    language: str
    till: str | None = None           # "2/3"; None leaves it as it is (the first-run dialog has no field)
    short_tolerance: str | None = None  # som ("0,50"); None leaves it as it is


class SettingsRefused(ConfigError):
    """Some fields were refused; ``errors`` holds each one's reason by field name
    (``merchant``, ``network``, ``token``, ``expiry``, ``till``, ``qr_format``, ``language``,
    ``short_tolerance``).
    Nothing was saved."""

    def __init__(self, errors: dict[str, PosError]) -> None:
        super().__init__("settings.nothing_saved_correct_settings",
                         detail="; ".join(f"{k}: {e.user_message}" for k, e in errors.items()))
        self.errors = dict(errors)


def check_settings(store: Store, form: SettingsInput) -> dict[str, PosError]:
    """Every field of ``form`` checked with the setters' rules; the refusals by field (empty: all good)."""
    checks: list[tuple[str, Any]] = [
        ("network", lambda: resolve_profile(form.network)),
        ("expiry", lambda: check_expiry_minutes(form.expiry)),
        ("qr_format", lambda: check_qr_format(form.qr_format)),
        ("language", lambda: check_language(form.language)),
    ]
    if form.till is not None:
        checks.append(("till", lambda: check_till(store, form.till)))
    if form.short_tolerance is not None:
        checks.append(("short_tolerance", lambda: check_short_tolerance(form.short_tolerance)))
    if form.merchant or form.network != "demo":  # only the demo network has a shop address of its own
        checks.append(("merchant", lambda: check_address(form.merchant, "shop address")))
    if form.token:
        checks.append(("token", lambda: check_address(form.token, "token contract address")))
    errors: dict[str, PosError] = {}
    for name, check in checks:
        try:
            check()
        except PosError as exc:
            errors[name] = exc
    if "network" not in errors and not form.token and not resolve_profile(form.network).token:
        errors["token"] = ConfigError("settings.network_needs_som_token")
    return errors


def save_settings(store: Store, form: SettingsInput) -> ShopConfig:
    """Check every field of ``form``, then save them all in one transaction; the new configuration.

    Raises ``SettingsRefused`` (with every refused field's reason) and changes nothing when any
    field is refused. The network is set again only when it changed, and the token only when it
    differs from the network's, so saving the same values does not forget the token's probed
    features.
    """
    with store.transaction():
        errors = check_settings(store, form)
        if errors:
            raise SettingsRefused(errors)
        if form.network != load_config(store).network.name:
            set_network(store, form.network)
        if form.token and form.token != load_config(store).network.token:
            set_token(store, form.token)
        if form.merchant:
            set_merchant(store, form.merchant)
        set_expiry_minutes(store, form.expiry)
        set_qr_format(store, form.qr_format)
        set_language(store, form.language)
        if form.till is not None:
            set_till(store, form.till)
        if form.short_tolerance is not None:
            set_short_tolerance(store, form.short_tolerance)
    return load_config(store)
