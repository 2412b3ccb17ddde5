"""Every core error is a key and its parameters; the one catalogue renders it without Qt.

* every error the app builds names a key of ``pos_app/core/messages.py`` (a plain string, never an
  f-string or an English sentence), and every key is still raised somewhere;
* a key the list lacks fails at once under the tests (``SOMPOS_STRICT_TEXT``) and shows its text
  in a shop; ``as_json`` gives the code and parameters;
* ``pos_app.text`` renders a real error in Russian and Kyrgyz from the compiled JSON catalogue
  (nouns translated, amounts the local way), falls back to English on a broken translation, and
  never raises;
* the CLI prints a refusal in the shop's language, or in ``SOMPOS_LANG``'s.
"""
from __future__ import annotations

import ast
import json
import re
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest

from pos_app.core import errors
from pos_app.core.errors import BadInput, NotFound, PosError, UnknownMessage
from pos_app.core.messages import MESSAGES, NOUNS
from pos_app.text.catalogue import json_path, json_translate, plural_form
from pos_app.text.render import Words

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "pos_app"
CYRILLIC = re.compile(r"[А-Яа-яЁёҢңӨөҮү]")
KEY = re.compile(r"^[a-z]+\.[a-z0-9_]+$")


# -- the list is complete, and only keys are raised ------------------------------------------------
def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _error_classes(trees: dict[Path, ast.AST]) -> dict[str, int]:
    """{error class: position of its key argument}: PosError's family across the given modules.

    A subclass with its own ``__init__`` takes the key at its ``key`` or ``template`` parameter
    (``PayloadRefused(code, key)``); one that builds its own message is checked at
    ``super().__init__``.
    """
    found = {"PosError": 0}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for cls in ast.walk(tree):
                if not isinstance(cls, ast.ClassDef) or cls.name in found:
                    continue
                parents = [p for p in (_name(b) for b in cls.bases) if p in found]
                if not parents:
                    continue
                init = next((f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
                args = [a.arg for a in init.args.posonlyargs + init.args.args][1:] if init else []
                found[cls.name] = (args.index("key") if "key" in args else args.index("template")
                                   if "template" in args else -1) if init else found[parents[0]]
                grew = True
    return found


def _constants(tree: ast.AST) -> dict[str, str]:
    """Module-level names bound to a string (``MSG_LOCKED = "keys.too_many_wrong_passphrases"``)."""
    return {t.id: n.value.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
            and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
            for t in n.targets if isinstance(t, ast.Name)}


def key_problems(trees: dict[Path, ast.AST], keys: set[str]) -> list[str]:
    classes = _error_classes(trees)
    bad = []
    for path, tree in trees.items():
        consts = _constants(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if name in classes and classes[name] >= 0:
                index = classes[name]
                arg = node.args[index] if len(node.args) > index else None
            elif (isinstance(node.func, ast.Attribute) and node.func.attr == "__init__"
                  and isinstance(node.func.value, ast.Call) and _name(node.func.value.func) == "super"):
                arg = node.args[0] if node.args else None
                if not isinstance(arg, (ast.Constant, ast.JoinedStr)):
                    continue        # super().__init__(key, ...) passing its own parameter on
            else:
                continue
            value = arg.value if isinstance(arg, ast.Constant) else consts.get(arg.id) if isinstance(arg, ast.Name) else None
            if isinstance(arg, ast.Name) and arg.id in ("key", "template"):
                continue            # a helper passing its caller's key on (checked at the caller)
            if not isinstance(value, str):
                bad.append(f"{path.name}:{node.lineno}: {name}() needs a key of pos_app/core/messages.py, "
                           f"not {ast.unparse(arg) if arg else 'nothing'}")
            elif value not in keys:
                bad.append(f"{path.name}:{node.lineno}: {value!r} is not a key of pos_app/core/messages.py")
    return bad


@lru_cache(maxsize=1)
def _trees() -> dict[Path, ast.AST]:
    return {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(PKG.rglob("*.py"))}


def test_every_error_the_app_builds_names_a_listed_key():
    bad = key_problems(_trees(), set(MESSAGES))
    assert not bad, "errors built from words, not keys:\n" + "\n".join(bad)


def test_the_tests_own_fakes_raise_listed_keys_too():
    """A fake node in a test raises what a real one would: an unlisted key would only fail when
    that slow test runs (SOMPOS_STRICT_TEXT), so it is caught here, in the fast tier."""
    tests = ROOT / "tests"
    own = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(tests.rglob("test_*.py"))}
    bad = [b for b in key_problems({**_trees(), **own}, set(MESSAGES))
           if not b.startswith(("test_messages.py", "test_core_text.py"))]   # the fall-back tests
    assert not bad, "\n".join(bad)


def test_the_check_catches_words_f_strings_and_unknown_keys():
    sample = ast.parse(
        "class NotFound(PosError): pass\n"
        "class Odd(NotFound):\n"
        "    def __init__(self, what):\n"
        "        super().__init__(f'odd {what}')\n"
        "class Coded(NotFound):\n"
        "    def __init__(self, code, key, **params):\n"
        "        super().__init__(key, **params)\n"
        "MSG = 'sale.there_invoice_number'\n"
        "def f(n):\n"
        "    raise NotFound(f'There is no invoice number {n}.')\n"
        "def g(n):\n"
        "    raise NotFound('There is no invoice number {invoice}.', invoice=n)\n"
        "def h(n):\n"
        "    raise NotFound('sale.no_such_key', invoice=n)\n"
        "def k(n):\n"
        "    raise Coded('odd', f'Odd {n}.')\n"
        "def ok(n):\n"
        "    raise Coded('odd', MSG, invoice=n) from NotFound('sale.there_invoice_number', invoice=n)\n")
    bad = key_problems({Path("sample.py"): sample}, set(MESSAGES))
    assert len(bad) == 5, bad
    assert any(b.startswith("sample.py:4:") for b in bad), bad
    assert sum("is not a key" in b for b in bad) == 2 and sum("needs a key" in b for b in bad) == 3, bad


def test_keys_are_codes_and_every_one_is_still_raised():
    literals = {n.value for p in PKG.rglob("*.py") if p.name != "messages.py"
                for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert all(KEY.match(k) for k in MESSAGES), [k for k in MESSAGES if not KEY.match(k)]
    stray = sorted(k for k in MESSAGES if k not in literals)
    assert not stray, f"keys nothing raises any more: {stray}"
    assert len(set(NOUNS)) == len(NOUNS) and not set(MESSAGES.values()) & set(NOUNS)
    for key, template in MESSAGES.items():       # every template is a valid format string
        [f for f in __import__("string").Formatter().parse(template)]


# -- the error object ------------------------------------------------------------------------------
def test_an_error_carries_its_key_and_parameters_and_the_english_line():
    err = NotFound("sale.there_invoice_number", invoice=4711)
    assert err.key == "sale.there_invoice_number" and err.params == {"invoice": 4711}
    assert err.user_message == "There is no invoice number 4711." == str(err)
    assert err.as_json() == {"code": "sale.there_invoice_number", "params": {"invoice": 4711},
                             "message": "There is no invoice number 4711."}
    assert json.loads(json.dumps(BadInput("offline.authorization_malformed", field=Decimal("1.5")).as_json()))


def test_an_unlisted_key_fails_under_the_tests_and_shows_its_words_in_a_shop(monkeypatch):
    assert errors.STRICT, "the test suite runs with SOMPOS_STRICT_TEXT=1 (tests/conftest.py)"
    with pytest.raises(UnknownMessage):
        BadInput("An English sentence nobody listed.")
    monkeypatch.setattr(errors, "STRICT", False)
    err = BadInput("An English sentence nobody listed: {thing}.", thing="x")
    assert err.user_message == "An English sentence nobody listed: x."
    assert Words.for_language("ru").error(err) == err.user_message      # no words for it: English


# -- rendering without Qt ----------------------------------------------------------------------------
def _raised(fn, *args) -> PosError:
    with pytest.raises(PosError) as e:
        fn(*args)
    return e.value


def test_a_real_core_error_in_russian_and_kyrgyz_from_the_json_catalogue():
    from pos_app.core.money import parse_amount
    err = _raised(parse_amount, "-5")
    assert err.user_message == "The amount cannot be negative."        # the core stays English
    for lang in ("ru", "ky"):
        text = Words.for_language(lang).error(err)
        assert CYRILLIC.search(text) and "negative" not in text, (lang, text)
    assert Words.for_language("en").error(err) == err.user_message


def test_parameters_nouns_and_amounts_are_rendered_the_local_way():
    from pos_app.chain.profiles import check_address
    from pos_app.core.money import parse_amount
    ru = Words.for_language("ru")
    text = ru.error(NotFound("sale.there_invoice_number", invoice=4711))
    assert "4711" in text and CYRILLIC.search(text) and "invoice" not in text and "{" not in text, text
    text = ru.error(_raised(check_address, "0x1234", "merchant address"))
    assert CYRILLIC.search(text) and "merchant" not in text and "address" not in text, text
    assert ru.error(_raised(parse_amount, "999999999")).count("100\u00a0000\u00a0000,00") == 1
    assert "100,000,000.00" in Words.for_language("en").error(_raised(parse_amount, "999999999"))


def test_a_broken_translation_falls_back_to_english():
    broken = {"There is no invoice number {invoice}.": "Счёта нет.",             # field lost
              "Payment {payment} already belongs to invoice {invoice}.": "Платёж {платеж} {invoice}",
              "Enter an amount.": "Введите {сумму}",                            # field added
              "The amount cannot be negative.": "Сумма {"}                       # malformed
    words = Words(lambda ctx, src, n=-1: broken.get(src, src))
    for err in (NotFound("sale.there_invoice_number", invoice=3),
                BadInput("sale.payment_already_belongs_invoice", payment=1, invoice=2),
                BadInput("amount.enter_amount"), BadInput("amount.amount_cannot_negative")):
        assert words.error(err) == err.user_message


def test_rendering_never_raises():
    def exploding(ctx, src, n=-1):
        raise RuntimeError("translator broke")

    class Weird(Exception):
        key = "sale.there_invoice_number"
        params = {"invoice": object()}
        user_message = "weird"
    ru = Words.for_language("ru")
    assert ru.error(Weird())
    assert ru.error(ValueError("plain")) == "plain"
    odd = NotFound("sale.there_invoice_number", invoice=1)
    odd.params = None  # type: ignore[assignment]
    assert ru.error(odd) == odd.user_message
    assert Words(exploding).error(NotFound("sale.there_invoice_number", invoice=1)) == "There is no invoice number 1."


def test_the_catalogue_reads_plural_forms_and_survives_a_damaged_file(tmp_path, monkeypatch):
    assert [plural_form("ru", n) for n in (1, 2, 5, 11, 21, 22, 25)] == [0, 1, 2, 2, 0, 1, 2]
    assert [plural_form("ky", n) for n in (1, 2, 5)] == [0, 1, 1]
    from pos_app.text import catalogue
    (tmp_path / "sompos_ru.json").write_text('{"states": {"%n day(s)": ["%n день", "%n дня", "%n дней"]}}')
    (tmp_path / "sompos_ky.json").write_text("{not json")
    monkeypatch.setattr(catalogue, "DIR", tmp_path)
    monkeypatch.setattr(catalogue, "json_path", lambda lang, folder=tmp_path: folder / f"sompos_{lang}.json")
    catalogue._load.cache_clear()
    try:
        ru = catalogue.json_translate("ru")
        assert [ru("states", "%n day(s)", n) for n in (1, 3, 7)] == ["%n день", "%n дня", "%n дней"]
        assert catalogue.json_translate("ky")("core", "Enter an amount.") == "Enter an amount."
        assert catalogue.json_translate("xx")("core", "Enter an amount.") == "Enter an amount."
    finally:
        catalogue._load.cache_clear()


def test_every_key_has_words_in_both_languages():
    """The compiled catalogue holds every message: a key without words would reach a Kyrgyz
    cashier in English."""
    for lang in ("ru", "ky"):
        core = json.loads(json_path(lang).read_text(encoding="utf-8"))["core"]
        missing = [k for k, t in MESSAGES.items() if t not in core]
        assert not missing, (lang, missing[:5])
        translate = json_translate(lang)
        assert translate("core", MESSAGES["amount.enter_amount"]) != MESSAGES["amount.enter_amount"]


# -- the CLI speaks the shop's language ------------------------------------------------------------
def _refusal(capsys, *args: str) -> str:
    from pos_app.cli.main import main
    assert main(list(args)) == 2
    return capsys.readouterr().err


def test_the_cli_refuses_in_the_shops_language(tmp_path, capsys, monkeypatch):
    from pos_app.cli import output
    data = str(tmp_path / "shop")
    monkeypatch.setattr(output, "_shop_language", None)
    assert "There is no invoice number 99" in _refusal(capsys, "--data-dir", data, "--new-shop", "show", "99")
    monkeypatch.delenv("SOMPOS_LANG")
    russian = _refusal(capsys, "--data-dir", data, "show", "99")          # a new shop speaks Russian
    assert CYRILLIC.search(russian) and "99" in russian and "invoice" not in russian, russian
    from pos_app.cli.main import main
    assert main(["--data-dir", data, "config", "language", "ky"]) == 0
    capsys.readouterr()
    kyrgyz = _refusal(capsys, "--data-dir", data, "show", "99")
    assert CYRILLIC.search(kyrgyz) and kyrgyz != russian and "99" in kyrgyz, kyrgyz
    monkeypatch.setenv("SOMPOS_LANG", "ru")
    assert _refusal(capsys, "--data-dir", data, "show", "99") == russian
    # A refusal of the arguments themselves, before the shop is opened: its language all the same.
    monkeypatch.delenv("SOMPOS_LANG")
    monkeypatch.setattr(output, "_shop_language", None)
    typed = _refusal(capsys, "--data-dir", data, "request", "--amount", "abc")
    assert CYRILLIC.search(typed) and "amount" not in typed, typed
    assert _refusal(capsys, "--data=" + data, "request", "--amount", "abc") == typed   # argparse's abbreviation
    nowhere = _refusal(capsys, "--data-dir", str(tmp_path / "no shop here"), "request", "--amount", "abc")
    assert "Write the amount as digits" in nowhere          # no shop yet: English
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "sompos.db").write_bytes(b"not a database at all" * 100)
    assert "Write the amount as digits" in _refusal(capsys, "--data-dir", str(damaged), "request", "--amount", "abc")


def test_a_refused_hand_over_line_keeps_its_key_for_any_language():
    from pos_app.handover.importer import Refusal
    r = Refusal.of(4, BadInput("offline.payment_goes_another_address"))
    assert (r.line, r.code, r.reason) == (4, "offline.payment_goes_another_address",
                                          "This payment goes to another address, not to this shop.")
    assert r.as_json()["code"] == "offline.payment_goes_another_address"
    shown = Words.for_language("ky").error(r)
    assert CYRILLIC.search(shown) and "address" not in shown, shown
