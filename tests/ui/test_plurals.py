"""Counts on screen take the plural form of the cashier's language (issue 12, point 4: "1 payments").

Counts go through Qt's numerus translations: ``self.tr("%n payment(s)", "", n)``. Russian has three
forms (1 платёж, 2 платежа, 5 платежей, 21 платёж); Kyrgyz does not change the noun after a number
(1 төлөм, 5 төлөм) and Qt keeps two identical forms for it; English has no .qm and
``pos_app.ui.shell.i18n.plural`` finishes "(s)".
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ast  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QTranslator  # noqa: E402

from pos_app.core.money import Tyiyn  # noqa: E402
from pos_app.ui.screens.offline.queue_view import QueueView  # noqa: E402
from pos_app.ui.shell.i18n import install_language, plural  # noqa: E402

from .test_translations import QM_DIR, ts_messages  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "pos_app" / "ui"


def _summary(failed: int, pending: int = 0):
    return SimpleNamespace(pending_count=pending, pending_tyiyn=Tyiyn(pending * 100), unsent_count=pending,
                           failed_count=failed, first_unsent_at=None, deadline=None, warn_at=None,
                           last_sync_at=None, limits=SimpleNamespace(total_tyiyn=50_000_00, max_items=200))


def _shown(qtbot, lang: str, failed: int, pending: int = 0) -> str:
    assert install_language(lang)
    try:
        view = QueueView(lang)
        qtbot.addWidget(view)
        view.set_data([], _summary(failed, pending))
        return view.totals.text()
    finally:
        install_language("en")


@pytest.mark.parametrize("n,expected", [(1, "Не прошёл: 1 платёж."), (2, "Не прошли: 2 платежа."),
                                        (5, "Не прошли: 5 платежей."), (11, "Не прошли: 11 платежей."),
                                        (21, "Не прошёл: 21 платёж."), (22, "Не прошли: 22 платежа.")])
def test_russian_has_three_forms(qtbot, n, expected):
    assert expected in _shown(qtbot, "ru", n)


@pytest.mark.parametrize("n", [1, 2, 5, 21])
def test_kyrgyz_keeps_the_noun(qtbot, n):
    assert f"Өтпөй калды: {n} төлөм." in _shown(qtbot, "ky", n)


@pytest.mark.parametrize("n,expected", [(1, "Failed: 1 payment."), (2, "Failed: 2 payments."),
                                        (0, "Failed: 0 payments.")])
def test_english_says_payment_or_payments(n, expected):
    install_language("en")
    from PySide6.QtCore import QCoreApplication
    assert plural(QCoreApplication.translate("QueueView", "Failed: %n payment(s).", None, n), n) == expected


def test_english_count_in_the_queue_totals(qtbot):
    install_language("en")
    view = QueueView("en")
    qtbot.addWidget(view)
    view.set_data([], _summary(0, pending=1))
    assert view.totals.text().startswith("Waiting: 1 payment, ")
    view.set_data([], _summary(0, pending=3))
    assert view.totals.text().startswith("Waiting: 3 payments, ")


def test_plural_leaves_translations_alone():
    assert plural("Ожидают: 3 платежа", 3) == "Ожидают: 3 платежа"
    assert plural("%n till(s), 1 sale(s)", 1) == "%n till, 1 sale"
    assert plural("2 box(es)", 2) == "2 boxes"


@pytest.mark.parametrize("lang", ["ru", "ky"])
def test_every_count_is_translated_for_every_form(lang):
    """Each numerus message of the compiled .qm answers in the language for counts that pick each form."""
    t = QTranslator()
    assert t.load(str(QM_DIR / f"sompos_{lang}.qm"))
    numerus = [m for m in ts_messages(lang) if m["numerus"]]
    assert len(numerus) >= 8
    bad = []
    forms = {}
    for m in numerus:
        for n in (1, 2, 5, 21):
            # (the translator picks the form; QCoreApplication.translate then fills %n in)
            text = t.translate(m["context"], m["source"], None, n)
            if not text or text == m["source"] or "%n" not in text:
                bad.append(f'[{m["context"]}] {m["source"]!r} n={n}: {text!r}')
            forms.setdefault(m["source"], set()).add(text)
    assert not bad, "\n".join(bad)
    if lang == "ru":   # 1, 2 and 5 pick three different forms (21 the same as 1)
        assert all(len(f) == 3 for f in forms.values()), forms


# -- the sources: every count shown is a numerus message ---------------------------------------------
# "N <noun>" in a tr() text with a %1-style count: a plural form cannot be chosen for it.
COUNT = re.compile(r"%[1-9] (?:offline |saved |unsent )?(?:payments|payment|sales|steps|tills|items)\b")
NOT_COUNTS = {
    # "of 200 payments": the limit, never 1; Russian and Kyrgyz say it the same way for any number
    "Limits used: %1 of %2, %3 of %4 payments.",
}
# Numerus texts without "(s)": English never sees them with 1.
ALWAYS_MANY = {
    "%n payments matched no sale.",   # ui/screens/sales/unmatched_alert.py: only for two or more
}


def _tr_texts() -> list[tuple[str, int, str, bool]]:
    out = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "tr" \
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                out.append((str(path.relative_to(ROOT)), node.lineno, node.args[0].value, len(node.args) >= 3))
    return out


def test_counts_in_the_sources_use_plural_forms():
    texts = _tr_texts()
    assert any(numerus for *_, numerus in texts)
    bad = [f"{p}:{line}: {text!r}" for p, line, text, numerus in texts
           if not numerus and COUNT.search(text) and text not in NOT_COUNTS]
    bad += [f"{p}:{line}: {text!r} (a numerus text needs %n and, for English, '(s)')" for p, line, text, numerus
            in texts if numerus and ("%n" not in text or ("(s)" not in text and text not in ALWAYS_MANY))]
    assert not bad, "counts shown without plural forms:\n" + "\n".join(bad)


def test_the_count_scan_catches_a_count():
    assert COUNT.search("Waiting: %1 payments, %2.") and COUNT.search("Saved %1 payments to %2.")
    assert not COUNT.search("Payment %1 from %2") and not COUNT.search("Sale %1")
