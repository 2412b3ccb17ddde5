"""Amount parsing, conversion and formatting: examples plus hypothesis properties."""
import pytest
from hypothesis import given, strategies as st

from pos_app.core.errors import BadInput
from pos_app.core.money import (
    MAX_TYIYN, Tyiyn, BaseUnits, base_units_to_decimal_str, base_units_to_tyiyn,
    decimal_str_to_base_units, format_som, format_som_plain, parse_amount, tyiyn_to_base_units,
)


@pytest.mark.parametrize("text,expected", [
    ("150", 15000), ("150.5", 15050), ("150,50", 15050), ("0,01", 1), ("1 250,00", 125000),
    ("1\u00a0250,00", 125000), (" 7 ", 700), ("150,", 15000), ("150 сом", 15000), ("+3", 300),
    ("12 345 678", 1234567800),
])
def test_parse_accepts_what_shops_type(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text,fragment", [
    ("", "Enter an amount"), ("   ", "Enter an amount"), ("-5", "negative"), ("0", "more than zero"),
    ("0,00", "more than zero"), ("1,505", "at most 2 decimals"), ("1.2.3", "one decimal separator"),
    ("1,250.50", "one decimal separator"), ("abc", "digits"), ("1e5", "digits"), ("١٢٣", "digits"),
    ("100000001", "too large"), ("12 34", "one decimal separator"), ("9" * 60, "too long"),
    ("NaN", "digits"), ("inf", "digits"),
])
def test_parse_refuses_with_clear_message(text, fragment):
    with pytest.raises(BadInput) as e:
        parse_amount(text)
    assert fragment in e.value.user_message


def test_parse_rejects_non_string():
    with pytest.raises(BadInput):
        parse_amount(150.5)  # type: ignore[arg-type]


@given(st.integers(min_value=1, max_value=int(MAX_TYIYN)), st.sampled_from([".", ","]))
def test_parse_roundtrips_plain_and_display(t, sep):
    plain = format_som_plain(Tyiyn(t)).replace(".", sep)
    assert parse_amount(plain) == t
    for lang in ("ru", "ky"):
        assert parse_amount(format_som(Tyiyn(t), lang)) == t
    assert parse_amount(format_som(Tyiyn(t), "en", with_unit=False).replace(",", "")) == t


@given(st.text(max_size=30))
def test_parse_never_crashes_and_result_is_in_range(s):
    try:
        v = parse_amount(s)
    except BadInput as e:
        assert e.user_message
    else:
        assert 1 <= v <= MAX_TYIYN


def test_format_per_language():
    assert format_som(Tyiyn(125000), "ru") == "1\u00a0250,00\u00a0сом"
    assert format_som(Tyiyn(125000), "ky") == "1\u00a0250,00\u00a0сом"
    assert format_som(Tyiyn(125000), "en") == "1,250.00 som"
    assert format_som(Tyiyn(5), "en") == "0.05 som"


@given(st.integers(min_value=1, max_value=int(MAX_TYIYN)), st.integers(min_value=2, max_value=36))
def test_conversion_is_exact(t, decimals):
    b = tyiyn_to_base_units(Tyiyn(t), decimals)
    assert base_units_to_tyiyn(b, decimals) == (t, 0)
    assert decimal_str_to_base_units(base_units_to_decimal_str(b, decimals), decimals) == b


def test_conversion_small_decimals():
    assert tyiyn_to_base_units(Tyiyn(1500), 0) == 15
    with pytest.raises(BadInput):
        tyiyn_to_base_units(Tyiyn(1550), 0)
    assert base_units_to_tyiyn(BaseUnits(15), 1) == (150, 0)  # 1.5 som
    assert base_units_to_tyiyn(BaseUnits(150_000_123), 6) == (15000, 123)


def test_decimal_strings():
    assert base_units_to_decimal_str(BaseUnits(150_000_001), 6) == "150.000001"
    assert base_units_to_decimal_str(BaseUnits(150_000_000), 6) == "150"
    assert decimal_str_to_base_units("150.000001", 6) == 150_000_001
    with pytest.raises(BadInput):
        decimal_str_to_base_units("1.0000001", 6)
    with pytest.raises(BadInput):
        tyiyn_to_base_units(Tyiyn(1), 99)


# -- the money types at the edges (issue 11): conversions say what they return and take no floats --
import typing  # noqa: E402
from decimal import Decimal  # noqa: E402

from pos_app.core import money  # noqa: E402

RETURNS = {
    "parse_amount": Tyiyn, "tyiyn_to_base_units": BaseUnits, "base_units_to_tyiyn": tuple[Tyiyn, int],
    "decimal_str_to_base_units": BaseUnits, "as_tyiyn": Tyiyn, "as_base_units": BaseUnits,
}


@pytest.mark.parametrize("name", sorted(RETURNS))
def test_conversions_are_declared_to_return_the_money_types(name):
    assert typing.get_type_hints(getattr(money, name))["return"] == RETURNS[name]


def test_conversions_return_plain_integers_of_the_right_size():
    assert type(parse_amount("150,50")) is int and parse_amount("150,50") == Tyiyn(15050)
    assert type(tyiyn_to_base_units(Tyiyn(15050), 6)) is int and tyiyn_to_base_units(Tyiyn(15050), 6) == 150_500_000
    t, rest = base_units_to_tyiyn(BaseUnits(150_500_001), 6)
    assert (type(t), t, rest) == (int, 15050, 1)
    assert type(decimal_str_to_base_units("1.5", 18)) is int
    assert money.as_base_units(7) == 7 and money.as_tyiyn(0) == 0


NOT_INTEGERS = [150.0, 150.5, True, False, Decimal("150"), "150", None]


@pytest.mark.parametrize("bad", NOT_INTEGERS, ids=repr)
@pytest.mark.parametrize("convert", [
    lambda v: tyiyn_to_base_units(v, 6),
    lambda v: base_units_to_tyiyn(v, 6),
    lambda v: base_units_to_decimal_str(v, 6),
    lambda v: format_som(v, "ru"),
    lambda v: format_som_plain(v),
    lambda v: money.to_decimal(v),
    money.as_tyiyn,
    money.as_base_units,
], ids=["tyiyn_to_base_units", "base_units_to_tyiyn", "base_units_to_decimal_str", "format_som",
        "format_som_plain", "to_decimal", "as_tyiyn", "as_base_units"])
def test_conversions_refuse_floats_bools_and_other_non_integers(convert, bad):
    """``int(150.5)`` would quietly pay 150 and ``True`` would be 1 tyiyn: neither is an amount."""
    with pytest.raises(TypeError, match="must be an integer"):
        convert(bad)


@pytest.mark.parametrize("bad", [6.0, True, "6", None], ids=repr)
def test_decimals_refuse_non_integers(bad):
    with pytest.raises(BadInput):
        tyiyn_to_base_units(Tyiyn(100), bad)


def test_a_token_amount_read_from_a_node_is_base_units_and_nonsense_is_refused():
    from pos_app.chain import answers
    assert typing.get_type_hints(answers.token_amount)["return"] == BaseUnits
    assert answers.token_amount("0x10") == 16 and answers.token_amount(2**256 - 1) == 2**256 - 1
    for bad in (True, 1.5, -1, 2**256, "16", None):
        with pytest.raises(answers.BadAnswer):
            answers.token_amount(bad)


@pytest.mark.parametrize("text, value", [("0", 0), ("150000001", 150_000_001), (str(2**255), 2**255), (7, 7)])
def test_stored_base_units_read_the_databases_decimal_text(text, value):
    assert money.stored_base_units(text) == value


@pytest.mark.parametrize("bad", ["", "-1", "1.5", "0x10", "１２", " 12", 1.0, True, None], ids=repr)
def test_stored_base_units_refuse_anything_but_digits(bad):
    with pytest.raises(TypeError):
        money.stored_base_units(bad)
