"""The core's errors reach the screen in Kyrgyz or Russian (``pos_app.ui.shell.core_text``).

(That every error is a listed key is checked without Qt in tests/core/test_messages.py.)

* the screens (Qt's .qm) and the CLI (the JSON catalogue) give every key the same words;
* with the Russian translator installed a real error comes out in Russian, its parameters filled
  in (catalogue nouns such as "merchant address" translated too, amounts written the local way);
* an unknown key or a broken translation falls back to the English ``user_message``;
* the Worker hands errors over as the core raised them, and each screen renders them once.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ast  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from pos_app.core.errors import BadInput, NotFound, PosError  # noqa: E402
from pos_app.core.messages import MESSAGES  # noqa: E402
from pos_app.ui.shell import words as ui_words  # noqa: E402
from pos_app.ui.shell.core_text import error_text  # noqa: E402
from pos_app.ui.shell.i18n import install_language  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "pos_app"
CYRILLIC = re.compile(r"[А-Яа-яЁёҢңӨөҮү]")


# -- the screens and the CLI read the same catalogue ---------------------------------------------
def test_the_screens_and_the_cli_give_every_error_the_same_words(qapp):
    """Qt's .qm and the CLI's JSON are compiled from one .ts: every key reads the same through both."""
    from pos_app.text.render import Words
    try:
        for lang in ("ru", "ky"):
            assert install_language(lang)
            cli = Words.for_language(lang)
            differ = [k for k, t in MESSAGES.items() if "{" not in t
                      and error_text(PosError(k)) != cli.error(PosError(k))]
            assert not differ, (lang, differ[:5])
            assert CYRILLIC.search(cli.message("amount.enter_amount"))
    finally:
        install_language("en")


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
    text = error_text(NotFound("sale.there_invoice_number", invoice=4711))
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
def test_unknown_key_falls_back_to_english(russian, monkeypatch):
    from pos_app.core import errors
    monkeypatch.setattr(errors, "STRICT", False)
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
    real = ui_words.qt_translate
    monkeypatch.setattr(ui_words, "qt_translate", lambda ctx, text, n=-1: broken.get(text) or real(ctx, text, n))
    for err in (NotFound("sale.there_invoice_number", invoice=3),
                BadInput("sale.payment_already_belongs_invoice", payment=1, invoice=2),
                BadInput("amount.enter_amount"), BadInput("amount.amount_cannot_negative")):
        assert error_text(err) == err.user_message


def test_error_text_never_raises():
    class Weird(Exception):
        key = "sale.there_invoice_number"
        params = {"invoice": object()}
        user_message = "weird"
    assert error_text(Weird())
    assert error_text(ValueError("plain")) == "plain"
    odd = NotFound("sale.there_invoice_number", invoice=1)
    odd.params = None  # type: ignore[assignment]
    assert error_text(odd) == odd.user_message


# -- the Worker hands the error over as the core raised it; the screen renders it -------------------
def test_worker_hands_the_error_over_unchanged_and_error_text_renders_it(qtbot, russian):
    from pos_app.ui.shell.bridge import Worker
    worker = Worker("test-core-text")
    got: list[PosError] = []

    def job():
        raise NotFound("sale.there_payment_number", payment=12)

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


def test_a_refused_offline_payment_is_explained_in_the_cashiers_language(russian):
    """The offline screen renders a refusal from the verdict's key (the verdict crosses a thread
    as data, not as the exception)."""
    from pos_app.offline.payload import PayloadRefused
    from pos_app.offline.records import refused
    from pos_app.ui.screens.offline.offline_controller import refusal_text
    verdict = refused(PayloadRefused("wrong_chain", "offline.payment_made_another_network", got=1, want=56))
    assert verdict.message == "offline.payment_made_another_network" and verdict.code == "wrong_chain"
    text = refusal_text(verdict)
    assert CYRILLIC.search(text) and "network" not in text and "56" in text, text
