"""Money as integers: ``Tyiyn`` in the shop (1 som = 100 tyiyn) and ``BaseUnits`` on chain.

Parsing what a cashier types and formatting for display are the only places that touch
``Decimal``; everything else adds and compares plain integers, so no amount is ever rounded
by a float. Conversion between tyiyn and token base units is exact and uses the token's
``decimals()`` as read from the chain.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import NewType

from pos_app.core.errors import BadInput

Tyiyn = NewType("Tyiyn", int)
BaseUnits = NewType("BaseUnits", int)

TYIYN_PER_SOM = 100
# Refuse amounts no shop would type (100 million som); a typo with extra zeros is caught here.
MAX_TYIYN = Tyiyn(100_000_000 * TYIYN_PER_SOM)
MAX_DECIMALS = 36  # ERC-20 allows uint8, but no sane token uses more

_SPACES = "\u0020\u00a0\u202f\u2009"  # space, no-break space, narrow no-break, thin space
_AMOUNT_RE = re.compile(r"^(?P<int>[0-9]+)(?:[.,](?P<frac>[0-9]*))?$")
_GROUPED_RE = re.compile(r"^[0-9]{1,3}( [0-9]{3})+([.,][0-9]*)?$")
_CURRENCY_WORDS = ("сом", "som", "kgs", "c")


def _integer(value: object, what: str) -> int:
    """``value`` if it is a whole number; a float or ``Decimal`` would be rounded silently by
    ``int()`` and ``True`` would count as 1, so each is refused as the programming error it is."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{what} must be an integer, not {type(value).__name__}")
    return int(value)


def as_tyiyn(value: object) -> Tyiyn:
    """An integer read from storage or another module, typed as tyiyn (floats and bools refused)."""
    return Tyiyn(_integer(value, "an amount in tyiyn"))


def as_base_units(value: object) -> BaseUnits:
    """An integer read from the chain or storage, typed as token base units (floats and bools refused)."""
    return BaseUnits(_integer(value, "an amount in base units"))


def stored_base_units(value: object) -> BaseUnits:
    """Base units as the database keeps them: decimal text (they outgrow SQLite's 64-bit integers),
    or an integer. Anything but ASCII digits is refused, never guessed at."""
    if isinstance(value, str):
        if not (value.isascii() and value.isdigit()):
            raise TypeError(f"stored base units must be digits, not {value!r}")
        return BaseUnits(int(value))
    return as_base_units(value)


def parse_amount(text: str) -> Tyiyn:
    """Parse an amount as a shop types it ("150", "150.5", "150,50", "1 250,00") into tyiyn.

    Raises ``BadInput`` with a cashier-friendly message for empty, negative, zero, malformed,
    over-precise (more than 2 decimals) or absurdly large amounts.
    """
    if not isinstance(text, str):
        raise BadInput("amount.enter_amount_number_example")
    s = text.strip()
    for sp in _SPACES[1:]:
        s = s.replace(sp, " ")
    low = s.lower()
    for word in _CURRENCY_WORDS:
        if low.endswith(word) and len(low) > len(word):
            s = s[: -len(word)].rstrip()
            break
    if not s:
        raise BadInput("amount.enter_amount")
    if len(s) > 40:
        raise BadInput("amount.amount_too_long_real")
    if s.startswith("-"):
        raise BadInput("amount.amount_cannot_negative")
    if s.startswith("+"):
        s = s[1:]
    if " " in s:
        if not _GROUPED_RE.match(s):
            raise BadInput("amount.write_amount_digits_one")
        s = s.replace(" ", "")
    m = _AMOUNT_RE.match(s)
    if m is None:
        if s.count(".") + s.count(",") > 1:
            raise BadInput("amount.use_only_one_decimal")
        raise BadInput("amount.write_amount_digits_example")
    frac = m.group("frac") or ""
    if len(frac) > 2:
        raise BadInput("amount.som_most_2_decimals")
    value = int(m.group("int")) * TYIYN_PER_SOM + int(frac.ljust(2, "0") or "0")
    if value == 0:
        raise BadInput("amount.amount_must_more_than")
    if value > MAX_TYIYN:
        raise BadInput("amount.amount_too_large_maximum",
                       maximum=to_decimal(MAX_TYIYN).quantize(Decimal("0.01")))
    return Tyiyn(value)


_WHOLE_RE = re.compile(r"[0-9]{1,18}")
_SECONDS_RE = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,6})?")


def parse_whole(text: object, *, minimum: int = 0, maximum: int = 10**18) -> int | None:
    """A whole number typed in the digits 0-9 (spaces around allowed), or None if it is not one.

    ``int()`` alone is too lenient for what a person types: it reads Arabic-Indic (``٣``),
    Persian, Devanagari and full-width digits, underscores (``1_000``) and a sign, so a stray
    keyboard layout or ``-3`` would become a setting. Only ``minimum <= n <= maximum`` is returned;
    the caller says what was wrong in its own words.
    """
    if not isinstance(text, (str, int)) or isinstance(text, bool):
        return None
    s = str(text).strip()
    if not _WHOLE_RE.fullmatch(s):
        return None
    value = int(s)
    return value if minimum <= value <= maximum else None


def parse_seconds(text: object, *, maximum: int = 366 * 24 * 3600) -> Decimal | None:
    """A positive number of seconds ("8", "0.5") in the digits 0-9, or None.

    ``float()`` accepts ``nan``, ``inf``, ``-5``, ``1e9`` and non-ASCII digits; none of them is a
    deadline a person means. Returned as a ``Decimal`` (exact); a timer may turn it into a float.
    """
    if not isinstance(text, str):
        return None
    s = text.strip()
    if not _SECONDS_RE.fullmatch(s):
        return None
    value = Decimal(s)
    return value if 0 < value <= maximum else None


def check_decimals(decimals: int) -> int:
    """Validate a token's ``decimals()`` answer; a node returning nonsense is refused."""
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= MAX_DECIMALS:
        raise BadInput("amount.token_reports_decimals_which", decimals=decimals)
    return decimals


def tyiyn_to_base_units(amount: Tyiyn, decimals: int) -> BaseUnits:
    """Convert tyiyn to token base units exactly; fails if the token cannot represent tyiyn."""
    amount = as_tyiyn(amount)
    check_decimals(decimals)
    if decimals >= 2:
        return BaseUnits(int(amount) * 10 ** (decimals - 2))
    step = 10 ** (2 - decimals)
    if amount % step:
        raise BadInput("amount.token_decimals_cannot_carry",
                       decimals=decimals)
    return BaseUnits(int(amount) // step)


def base_units_to_tyiyn(value: BaseUnits, decimals: int) -> tuple[Tyiyn, int]:
    """Split base units into whole tyiyn and the remainder below one tyiyn (in base units)."""
    value = as_base_units(value)
    check_decimals(decimals)
    if decimals >= 2:
        q, r = divmod(int(value), 10 ** (decimals - 2))
        return Tyiyn(q), r
    return Tyiyn(int(value) * 10 ** (2 - decimals)), 0


def base_units_to_decimal_str(value: BaseUnits, decimals: int) -> str:
    """Exact decimal text of an on-chain amount ("150.000001"), trailing zeros trimmed."""
    value = as_base_units(value)
    check_decimals(decimals)
    if value < 0:
        raise BadInput("amount.negative_chain_amount")
    if decimals == 0:
        return str(int(value))
    q, r = divmod(int(value), 10**decimals)
    frac = str(r).rjust(decimals, "0").rstrip("0")
    return f"{q}.{frac}" if frac else str(q)


def decimal_str_to_base_units(text: str, decimals: int) -> BaseUnits:
    """Parse an exact decimal token amount ("150.000001") into base units, refusing excess precision."""
    check_decimals(decimals)
    m = re.fullmatch(r"([0-9]+)(?:\.([0-9]+))?", text.strip())
    if m is None:
        raise BadInput("amount.token_amount", amount=text)
    frac = m.group(2) or ""
    if len(frac.rstrip("0")) > decimals:
        raise BadInput("amount.more_decimals_than_token", amount=text, decimals=decimals)
    frac = frac[:decimals].ljust(decimals, "0")
    return BaseUnits(int(m.group(1)) * 10**decimals + (int(frac) if frac else 0))


_FORMATS = {
    # language: (group separator, decimal separator, pattern)
    "ky": ("\u00a0", ",", "{n}\u00a0сом"),
    "ru": ("\u00a0", ",", "{n}\u00a0сом"),
    "en": (",", ".", "{n} som"),
}


def format_som(amount: Tyiyn, lang: str = "ru", *, with_unit: bool = True) -> str:
    """Format tyiyn for display: ky/ru "1 250,00 сом" (no-break spaces), en "1,250.00 som"."""
    amount = as_tyiyn(amount)
    group, dec, pattern = _FORMATS.get(lang, _FORMATS["en"])
    sign = "-" if amount < 0 else ""
    whole, cents = divmod(abs(int(amount)), TYIYN_PER_SOM)
    digits = f"{whole:,}".replace(",", group)
    n = f"{sign}{digits}{dec}{cents:02d}"
    return pattern.format(n=n) if with_unit else n


def format_som_plain(amount: Tyiyn) -> str:
    """Machine-friendly decimal text of tyiyn ("1250.00"), used in JSON and URIs."""
    whole, cents = divmod(as_tyiyn(amount), TYIYN_PER_SOM)
    return f"{whole}.{cents:02d}"


def to_decimal(amount: Tyiyn) -> Decimal:
    """Tyiyn as a Decimal number of som, for display widgets that need one."""
    return Decimal(as_tyiyn(amount)) / TYIYN_PER_SOM
