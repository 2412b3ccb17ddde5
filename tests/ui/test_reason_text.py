"""Why a sale or an offline payment changed, on the cashier's screen (issue 19, point 1).

The core stores a code and its parameters (``pos_app/core/reasons.py``); ``ui/shell/reasons.py``
renders each code from one catalogue (``DISPLAY``) in the shop's language and words. Checked here:

* every code the core can write has words on the screen, and the catalogue has no stray entry;
* the core never writes words where a reason goes: every ``R(...)`` names a known code with its
  parameters, and no string or f-string is passed where a reason is expected (the scan is itself
  tested on a sample, so a broken scan cannot pass quietly);
* what the cashier reads has no jargon, in Russian and Kyrgyz, with plural forms;
* a text without a code (a person's own words, an old row) is shown as it is: nothing is parsed.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import ast  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from pos_app.core.reasons import TEMPLATES, R, fields_of  # noqa: E402
from pos_app.ui.shell.i18n import install_language  # noqa: E402
from pos_app.ui.shell.reasons import DISPLAY, history_text, queue_history_text, reason_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "pos_app"
CYRILLIC = re.compile(r"[А-Яа-яЁёҢңӨөҮү]")
JARGON = re.compile(r"block|nonce|0x[0-9a-fA-F]|reorg|chain|raw_tx|eip3009|authoriz", re.IGNORECASE)

EXAMPLE = {"actor": "cashier", "reason": R("sale_cancelled"), "payment": 7, "item": 3, "state": "double_spent",
           "device": "3f9a77c2e1d0b4a5", "kind": "raw_tx", "source": "scan", "invoice": 12,
           "file": "queue.jsonl", "message": "replacement transaction underpriced 0xabc", "number": 4211, "n": 2,
           "minutes": 30, "note": R("accepted_offline")}


def example(code: str):
    return R(code, **{f: EXAMPLE[f] for f in fields_of(TEMPLATES[code])})


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


# -- one catalogue, complete ----------------------------------------------------------------------
def test_every_code_has_words_on_the_screen_and_no_entry_is_stray():
    assert set(DISPLAY) == set(TEMPLATES), (sorted(set(TEMPLATES) - set(DISPLAY)),
                                            sorted(set(DISPLAY) - set(TEMPLATES)))
    for code, shown in DISPLAY.items():
        used = {f for _, f, _, _ in __import__("string").Formatter().parse(shown) if f is not None}
        assert used <= fields_of(TEMPLATES[code]), (code, used)     # only what the core stores
        if "%n" in shown:
            assert "n" in fields_of(TEMPLATES[code]), code


# -- the core writes codes, never words -----------------------------------------------------------
# Calls whose argument becomes a history row's reason, and the keyword arguments that carry one.
DECISIONS = ("Sent", "Included", "Final", "Failed", "BackInLine", "NeedsPerson", "Bookkeeping")
REASON_CALLS = {"recompute_in", "recompute_many", "recompute", "remove_payments_in", "finalize_payments_in",
                "_recompute_in", "_move_in", "invalidate_in", "transition", "_move", "_history_in"}
REASON_KEYWORDS = {"note", "received_reason", "queued_reason"}
# Where a person's own words may stand for a reason (a cashier's reason to cancel, a note typed at
# the command line): only by a variable, never a text of the core's.
WORDS_ALLOWED = {"mark", "take_back"}


def _sources() -> list[Path]:
    return sorted(PKG.rglob("*.py"))   # the core, the command line and the screens


def _name(node: ast.AST) -> str | None:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def _is_words(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)) \
        or (isinstance(node, ast.BinOp) and (_is_words(node.left) or _is_words(node.right)))


def scan(trees: dict[Path, ast.AST]) -> tuple[list[str], list[str]]:
    """(codes used with R(...) as "code:fields", words written where a reason goes) with their places."""
    codes, words = [], []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            name = _name(node.func)
            if name == "R" and node.args and isinstance(node.args[0], ast.Constant):
                fields = ",".join(sorted(k.arg for k in node.keywords if k.arg))
                codes.append((f"{node.args[0].value}:{fields}", where))
                continue
            suspects: list[ast.AST] = []
            if name in DECISIONS and len(node.args) >= 2:      # core/sending.py: (item, reason, columns)
                suspects.append(node.args[1])
            if name in REASON_CALLS:
                suspects.extend(node.args)
            suspects.extend(k.value for k in node.keywords
                            if k.arg in REASON_KEYWORDS or (k.arg == "reason" and name not in WORDS_ALLOWED))
            if name in WORDS_ALLOWED:
                suspects.extend(k.value for k in node.keywords if k.arg == "reason" and _is_words(k.value))
            if name in ("execute", "executemany") and node.args and isinstance(node.args[0], ast.Constant) \
                    and "_history(" in str(node.args[0].value) and "code" not in str(node.args[0].value):
                words.append(where + ": a history row written without its code")
            words.extend(f"{where}: {ast.unparse(a)[:60]}" for a in suspects if _is_words(a))
    return codes, words


def test_the_core_writes_only_known_codes_and_never_words():
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in _sources()}
    codes, words = scan(trees)
    assert not words, "words written where a reason goes (use R(code, ...)):\n" + "\n".join(words)
    used = {c.split(":")[0] for c, _ in codes}
    # The scan sees the core's reasons (so a broken scan cannot pass quietly).
    assert {"created", "expired", "payment_seen", "payment_final", "verified_offline", "sent", "money_final",
            "received_from", "in_block", "stuck_gap"} <= used, sorted(used)
    bad = [f"{w}: {c}" for c, w in codes
           if c.split(":")[0] not in TEMPLATES or set(filter(None, c.split(":")[1].split(","))) !=
           fields_of(TEMPLATES[c.split(":")[0]])]
    assert not bad, "unknown codes or wrong parameters:\n" + "\n".join(bad)
    # Every code the core can write is written somewhere, or read back from an old row only.
    # ("final": an older version's; a resolution's code is put together from its action, resolve())
    assert set(TEMPLATES) - used == {"final", "collected_again", "collected_again_note", "resolved",
                                     "resolved_note"}, sorted(set(TEMPLATES) - used)


def test_the_scan_catches_words_where_a_reason_goes():
    sample = ast.parse("def f(c, r, n, q, why):\n"
                       "    Final(r, 'landed on the moon')\n"
                       "    self.service.recompute_in(c, [1], f'moved by {n}')\n"
                       "    q.take_back(actor='x', reason='in block 7')\n"
                       "    q.take_back(actor='x', reason=why)\n"
                       "    q.link_offline(c, 1, 2, note='accepted offline', now=1)\n"
                       "    c.execute('INSERT INTO offline_history(item_id, reason) VALUES (?,?)', (1, 'x'))\n"
                       "    R('no_such_code')\n"
                       "    R('in_block', block=5)\n")
    codes, words = scan({ROOT / "x.py": sample})
    assert len(words) == 5, words
    assert sorted(c for c, _ in codes) == ["in_block:block", "no_such_code:"]


# -- what the cashier reads -----------------------------------------------------------------------
@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_reason_in_russian_and_kyrgyz_without_jargon(code, qapp):
    reason = example(code)
    for language in ("ru", "ky"):
        assert install_language(language)
        try:
            shown = reason_text(reason)
        finally:
            install_language("en")
        assert CYRILLIC.search(shown), (language, code, shown)
        assert not JARGON.search(shown), (language, code, shown)
        assert "3f9a77c2e1d0b4a5" not in shown and "double_spent" not in shown and "cashier" not in shown, shown
        assert "{" not in shown and "%n" not in shown, shown


def test_english_words_and_text_without_a_code_shown_as_it_is(qapp):
    install_language("en")
    assert reason_text(R("in_block", number=429)) == "Arrived, confirming"
    assert reason_text(R("money_final")) == "Confirmed"
    assert reason_text(R("marked_because", actor="cashier", reason="customer changed their mind")) == \
        "Marked by the cashier: customer changed their mind"
    assert reason_text(R("marked_because", actor="cashier", reason=R("sale_cancelled"))) == \
        "Marked by the cashier: sale cancelled"
    # Nothing is parsed: old words stay words, even ones that look like the core's.
    assert reason_text("paid in cash, see the notebook") == "paid in cash, see the notebook"
    assert reason_text("in block 429") == "in block 429"
    assert reason_text("") == "" and reason_text(None) == ""


def test_stuck_count_has_plural_forms(russian):
    assert "(s)" not in reason_text(R("stuck_gap", n=2, minutes=30))
    install_language("en")
    assert "has 1 earlier payment that" in reason_text(R("stuck_gap", n=1, minutes=30))
    assert "has 2 earlier payments that" in reason_text(R("stuck_gap", n=2, minutes=30))


def test_stuck_verdicts_and_late_arrivals_are_codes(qapp):
    from pos_app.core.sending import OutboxItem, Phase
    from pos_app.outbox import stuck
    install_language("en")

    def item(phase, resolution=None):
        return OutboxItem(id=1, phase=phase, kind="raw_tx", payer="0x1", payee="0x2", amount_base=1,
                          payload="0x", payer_nonce=5, resolution=resolution)
    row = item(Phase.SENT)
    assert stuck.verdict(row, 3, 1800) == R("stuck_gap", n=2, minutes=30)
    assert stuck.verdict(row, 5, 1800) == R("stuck_not_taken", minutes=30)
    assert stuck.verdict(row, 6, 1800) is None
    shown = {stuck.landed(item(Phase.STUCK, r), 4211).code for r in (None, "collect_again", "resolved")}
    assert shown == {"in_block_after_giving_up", "in_block_paid_twice", "in_block_check_twice"}
    assert "4211" not in reason_text(stuck.landed(item(Phase.STUCK, "collect_again"), 4211))


HISTORY = [
    ({"from_state": None, "to_state": "new", "why": R("created")}, "Ожидание: Продажа начата"),
    ({"from_state": "new", "to_state": "processing", "why": R("payment_seen")},
     "Ожидание → Подтверждается: Пришёл платёж"),
    ({"from_state": "new", "to_state": "invalid", "why": R("marked_because", actor="cashier",
                                                           reason=R("sale_cancelled"))},
     "Ожидание → Отменено: Отмечено кассиром: продажа отменена"),
]


@pytest.mark.parametrize("row,expected", HISTORY)
def test_invoice_history_in_russian(row, expected, russian):
    assert history_text(row) == expected


def test_history_rows_name_the_states_and_keep_unknown_words(qapp):
    install_language("en")
    assert history_text({"from_state": "new", "to_state": "settled", "why": "settled by hand"}) == \
        "Waiting → Paid: settled by hand"
    assert history_text({"from_state": "new", "to_state": "new",
                         "why": R("paid_offline_pending", note=R("accepted_offline"), item=9)}) == \
        "Waiting: Paid offline; waiting for the network (offline payment 9)"
    assert queue_history_text({"from_state": "submitted", "to_state": "included", "why": R("in_block", number=7)}) \
        == "Sent → Confirming: Arrived, confirming"


# -- each state's label, defined once ------------------------------------------------------------
def test_every_state_has_one_label_and_every_screen_shows_that_label(qapp):
    """The sales list, the payment screen's headline, the queue's table, the histories and a reason
    that names a state all show the one label of ``ui/shell/reasons.py`` (they had three wordings)."""
    from types import SimpleNamespace
    from pos_app.invoices.lifecycle import InvoiceState
    from pos_app.offline.lifecycle import QueueState
    from pos_app.ui.models.tables import InvoiceTableModel
    from pos_app.ui.screens.offline.queue_view import QueueTableModel
    from pos_app.ui.shell.reasons import INVOICE_STATES, QUEUE_STATES, invoice_state_text, queue_state_text
    install_language("ru")
    try:
        assert set(INVOICE_STATES) == {s.value for s in InvoiceState}
        assert set(QUEUE_STATES) == {s.value for s in QueueState}
        queue = QueueTableModel()
        for state in QueueState:
            label = queue_state_text(state)
            assert CYRILLIC.search(label) and label == queue_state_text(state.value)
            assert queue.state_text(state.value) == label
            assert queue_history_text({"from_state": None, "to_state": state.value, "why": ""}) == label
        sales = InvoiceTableModel()
        for state in InvoiceState:
            inv = SimpleNamespace(carried=False, state=state, flags=SimpleNamespace(labels=lambda: []),
                                  short_base=0, reopened_at=None)
            assert sales.state_text(inv) == invoice_state_text(state) and CYRILLIC.search(invoice_state_text(state))
            assert history_text({"from_state": None, "to_state": state.value, "why": ""}) == invoice_state_text(state)
        # A reason naming a state reads it inside the sentence, in the same words.
        said = reason_text(R("offline_failed_collect_again", item=3, state="double_spent"))
        label = queue_state_text("double_spent")
        assert (label[:1].lower() + label[1:]) in said, said
    finally:
        install_language("en")


def _state_maps(tree: ast.AST) -> list[int]:
    """Lines of dict literals that spell state labels themselves: two or more lifecycle state
    names as keys, each mapped to a tr()/translate call."""
    from pos_app.invoices.lifecycle import InvoiceState
    from pos_app.offline.lifecycle import QueueState
    names = {s.value for s in InvoiceState} | {s.value for s in QueueState}
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        keyed = [v for k, v in zip(node.keys, node.values)
                 if isinstance(k, ast.Constant) and k.value in names and isinstance(v, ast.Call)
                 and getattr(v.func, "attr", getattr(v.func, "id", "")) in ("tr", "translate", "QT_TRANSLATE_NOOP")]
        if len(keyed) >= 2:
            lines.append(node.lineno)
    return lines


def test_no_screen_spells_its_own_state_labels():
    sample = ast.parse('names = {"new": self.tr("Waiting"), "settled": self.tr("Paid")}')
    assert _state_maps(sample) == [1]            # the scan finds the old form
    found = []
    for path in (PKG / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line in _state_maps(tree):
            if path.name == "reasons.py":     # the one catalogue (QT_TRANSLATE_NOOP("states", ...))
                continue
            found.append(f"{path.relative_to(PKG)}:{line}")
    assert not found, found
