"""The core's error messages reach the screen in Kyrgyz or Russian (``pos_app.ui.shell.core_text``).

* every error the core raises is a plain template (no f-string) listed in the catalogue, so
  pyside6-lupdate extracts it and translators see it;
* with the Russian translator installed a real error comes out in Russian, its parameters filled
  in (catalogue nouns such as "merchant address" translated too, amounts written the local way);
* an unknown template or a broken translation falls back to the English ``user_message``;
* the Worker hands errors to the widgets already translated.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ast  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from pos_app.core.errors import BadInput, NotFound, PosError  # noqa: E402
from pos_app.ui.shell import core_text  # noqa: E402
from pos_app.ui.shell.core_text import NOUNS, TEMPLATES, error_text  # noqa: E402
from pos_app.ui.shell.i18n import install_language  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "pos_app"
CYRILLIC = re.compile(r"[А-Яа-яЁёҢңӨөҮү]")


# -- the catalogue is complete ------------------------------------------------------------------
def _core_sources() -> list[Path]:
    return sorted(p for p in PKG.rglob("*.py")
                  if p.relative_to(PKG).parts[0] != "ui" and p != PKG / "cli" / "output.py")


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _error_classes() -> set[str]:
    """PosError and its subclasses from pos_app/core/errors.py."""
    tree = ast.parse((PKG / "core" / "errors.py").read_text(encoding="utf-8"))
    return {n.name for n in tree.body if isinstance(n, ast.ClassDef)}


def _core_error_classes(trees: dict[Path, ast.AST]) -> tuple[dict[str, int], set[str]]:
    """({error class: position of its template argument}, all error classes) in errors.py and the core.

    A subclass without ``__init__`` takes the template where its parent does; one with its own
    ``__init__`` takes it at its ``template`` parameter (``PayloadRefused(code, template)``), or
    builds its message itself (``ContractReverted(what, reason)``: checked at ``super().__init__``).
    """
    templated = dict.fromkeys(_error_classes(), 0)
    everything = set(templated)
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for cls in ast.walk(tree):
                parents = [_name(b) for b in cls.bases] if isinstance(cls, ast.ClassDef) else []
                if not isinstance(cls, ast.ClassDef) or cls.name in everything or not set(parents) & everything:
                    continue
                everything.add(cls.name)
                grew = True
                init = next((f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
                if init is None:
                    parent = next((p for p in parents if p in templated), None)
                    if parent is not None:
                        templated[cls.name] = templated[parent]
                    continue
                args = [a.arg for a in init.args.args[1:]]
                if "template" in args:
                    templated[cls.name] = args.index("template")
    return templated, everything


def template_problems(trees: dict[Path, ast.AST], catalogue: set[str]) -> list[str]:
    templated, everything = _core_error_classes(trees)
    bad = []
    for path, tree in trees.items():
        where = path.relative_to(ROOT) if path.is_absolute() else path
        # X("template", ...) for every error class that takes a template
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node.func) in templated:
                index = templated[_name(node.func)]
                arg = node.args[index] if len(node.args) > index else next(
                    (k.value for k in node.keywords if k.arg == "template"), None)
                if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                    bad.append(f"{where}:{node.lineno}: {_name(node.func)}() needs a plain string template "
                               f"with named fields, not {ast.unparse(arg) if arg else 'nothing'}")
                elif arg.value not in catalogue:
                    bad.append(f"{where}:{node.lineno}: {arg.value!r} is not in pos_app/ui/shell/core_text.py")
        # super().__init__("template", ...) inside an error class (e.g. ContractReverted)
        for cls in ast.walk(tree):
            if not (isinstance(cls, ast.ClassDef) and cls.name in everything):
                continue
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "__init__" and isinstance(node.func.value, ast.Call)
                        and _name(node.func.value.func) == "super" and node.args):
                    arg = node.args[0]
                    if isinstance(arg, ast.JoinedStr):
                        bad.append(f"{where}:{node.lineno}: {cls.name} builds its message with an f-string")
                    elif isinstance(arg, ast.Constant) and arg.value not in catalogue:
                        bad.append(f"{where}:{node.lineno}: {arg.value!r} is not in pos_app/ui/shell/core_text.py")
    return bad


def test_every_core_error_is_a_catalogued_template():
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in _core_sources()}
    bad = template_problems(trees, set(TEMPLATES))
    assert not bad, ("core errors the GUI cannot translate (write a template with named fields and add it "
                     "to pos_app/ui/shell/core_text.py, then run packaging/translations.py):\n" + "\n".join(bad))


def test_the_check_catches_f_strings_and_missing_templates():
    sample = ast.parse(
        "class Odd(NotFound):\n"
        "    def __init__(self, what):\n"
        "        super().__init__(f'odd {what}')\n"
        "def f(n):\n"
        "    raise NotFound(f'There is no invoice number {n}.')\n"
        "def g(n):\n"
        "    raise BadInput('Brand new {n}.', n=n)\n"
        "def h(n):\n"
        "    raise NotFound('There is no invoice number {invoice}.', invoice=n)\n"
        "class Coded(BadInput):\n"
        "    def __init__(self, code, template, **params):\n"
        "        super().__init__(template, **params)\n"
        "def k(n):\n"
        "    raise Coded('odd', f'Odd {n}.')\n")
    bad = template_problems({Path("sample.py"): sample}, set(TEMPLATES))
    assert len(bad) == 4, bad
    assert "plain string template" in bad[0] and "Brand new" in bad[1] and "Coded()" in bad[2]
    assert "f-string" in bad[3]


def test_catalogue_has_no_strays_or_duplicates():
    """Every catalogue entry is still written somewhere in pos_app (a removed message goes too)."""
    literals = {n.value for p in PKG.rglob("*.py") if p.name != "core_text.py"
                for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    assert len(set(TEMPLATES)) == len(TEMPLATES) and len(set(NOUNS)) == len(NOUNS)
    assert not set(TEMPLATES) & set(NOUNS)
    stray = sorted(t for t in TEMPLATES if t not in literals)
    assert not stray, f"catalogue entries no code raises any more: {stray}"


# -- translation at run time ------------------------------------------------------------------------
@pytest.fixture
def russian(qapp):
    assert install_language("ru")
    yield
    install_language("en")


@pytest.fixture
def kyrgyz(qapp):
    assert install_language("ky")
    yield
    install_language("en")


def _raised(fn, *args) -> PosError:
    with pytest.raises(PosError) as e:
        fn(*args)
    return e.value


def test_a_real_core_error_comes_out_in_russian(russian):
    from pos_app.core.money import parse_amount
    err = _raised(parse_amount, "-5")
    assert err.user_message == "The amount cannot be negative."        # the core stays English
    text = error_text(err)
    assert CYRILLIC.search(text) and "negative" not in text, text


def test_parameters_are_filled_in(russian):
    text = error_text(NotFound("There is no invoice number {invoice}.", invoice=4711))
    assert "4711" in text and CYRILLIC.search(text) and "invoice" not in text, text
    assert "{" not in text


def test_nouns_and_amounts_are_translated_too(russian):
    from pos_app.core.money import parse_amount
    from pos_app.chain.profiles import check_address
    text = error_text(_raised(check_address, "0x1234", "merchant address"))
    assert CYRILLIC.search(text) and "merchant" not in text and "address" not in text, text
    assert error_text(_raised(parse_amount, "999999999")).count("100\u00a0000\u00a0000,00") == 1


def test_profile_file_noun_keeps_the_file_name(russian, tmp_path):
    from pos_app.chain.profiles import load_profile_file
    p = tmp_path / "my-cbdc.toml"
    p.write_text('name = "x"\nchain_id = 5\nrpc_urls = ["https://a.example"]\ncolour = "red"\n')
    err = _raised(load_profile_file, p)
    assert err.user_message == "The profile file my-cbdc.toml has unknown setting(s): colour."
    text = error_text(err)
    assert "my-cbdc.toml" in text and "colour" in text and "profile" not in text and CYRILLIC.search(text), text


def test_kyrgyz_too(kyrgyz):
    from pos_app.core.money import parse_amount
    text = error_text(_raised(parse_amount, "0"))
    assert CYRILLIC.search(text) and "zero" not in text, text


# -- fall-backs --------------------------------------------------------------------------------------
def test_unknown_template_falls_back_to_english(russian):
    err = BadInput("A message nobody catalogued: {thing}.", thing="x")
    assert error_text(err) == "A message nobody catalogued: x."
    assert error_text(PosError("No fields here, not catalogued.")) == "No fields here, not catalogued."


def test_english_without_a_translator(qapp):
    install_language("en")
    from pos_app.core.money import parse_amount
    for text in ("-5", "0", "999999999", "1,505"):
        err = _raised(parse_amount, text)
        assert error_text(err) == err.user_message


def test_broken_translation_falls_back_to_english(russian, monkeypatch):
    broken = {"There is no invoice number {invoice}.": "Счёта нет.",             # field lost
              "Payment {payment} already belongs to invoice {invoice}.": "Платёж {платеж} {invoice}",
              "Enter an amount.": "Введите {сумму}",                            # field added
              "The amount cannot be negative.": "Сумма {"}                       # malformed
    real = core_text._translate
    monkeypatch.setattr(core_text, "_translate", lambda text: broken.get(text) or real(text))
    for err in (NotFound("There is no invoice number {invoice}.", invoice=3),
                BadInput("Payment {payment} already belongs to invoice {invoice}.", payment=1, invoice=2),
                BadInput("Enter an amount."), BadInput("The amount cannot be negative.")):
        assert error_text(err) == err.user_message


def test_error_text_never_raises():
    class Weird(Exception):
        template = "There is no invoice number {invoice}."
        params = {"invoice": object()}
        user_message = "weird"
    assert error_text(Weird())
    assert error_text(ValueError("plain")) == "plain"
    odd = NotFound("There is no invoice number {invoice}.", invoice=1)
    odd.params = None  # type: ignore[assignment]
    assert error_text(odd) == odd.user_message


# -- the Worker hands the error over as the core raised it; the screen renders it -------------------
def test_worker_hands_the_error_over_unchanged_and_error_text_renders_it(qtbot, russian):
    from pos_app.ui.shell.bridge import Worker
    worker = Worker("test-core-text")
    got: list[PosError] = []

    def job():
        raise NotFound("There is no payment number {payment}.", payment=12)

    worker.run(job, on_error=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    worker.shutdown()
    # Not rewritten on the way (the log keeps the core's English; nobody translates twice) ...
    assert got[0].user_message == "There is no payment number 12."
    assert got[0].params == {"payment": 12}
    # ... and the screen's one rendering is in the shop's language.
    shown = error_text(got[0])
    assert "12" in shown and CYRILLIC.search(shown), shown
    assert error_text(got[0]) == shown   # rendering twice gives the same words


def test_no_screen_shows_an_errors_english_message():
    """Every screen shows an error through error_text: a widget given ``err.user_message`` would
    show English to a Kyrgyz cashier (the Worker no longer rewrites it)."""
    import ast
    from pathlib import Path
    ui = Path(__file__).resolve().parents[2] / "pos_app" / "ui"
    found = []
    for path in ui.rglob("*.py"):
        if path.name in ("core_text.py", "bridge.py"):   # error_text's fallback; the bridge's log line
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "user_message" and isinstance(node.ctx, ast.Load):
                found.append(f"{path.relative_to(ui)}:{node.lineno}")
    assert not found, found
