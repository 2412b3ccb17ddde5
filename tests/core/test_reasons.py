"""Reasons are codes with parameters (issue 19, point 1): every code prints its English line, the
English an older version stored reads back as the same code, and a wrong code or parameter fails
when it is written, not when a screen shows it."""
from __future__ import annotations

import pytest

from pos_app.core.reasons import TEMPLATES, R, Reason, as_text, fields_of, parse_legacy, stored

EXAMPLE = {"actor": "cashier", "reason": "paid in cash", "payment": 7, "item": 3, "state": "double_spent",
           "device": "abcd1234ef567890", "kind": "raw_tx", "source": "scan", "invoice": 12, "memo": "bread",
           "file": "queue.jsonl", "message": "gas limit too low", "number": 1234, "n": 2, "minutes": 30,
           "note": "checked by hand"}


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_code_prints_its_english_and_reads_back_from_it(code):
    reason = Reason(code, {f: EXAMPLE[f] for f in fields_of(TEMPLATES[code])})
    line = reason.english()
    assert "{" not in line and str(reason) == line
    back = parse_legacy(line)
    assert back is not None and back.code == code, (line, back)
    assert as_text(back) == line
    assert stored(code, reason.to_json(), "") == reason                  # what a row holds reads back


def test_nested_reasons_and_a_persons_own_words():
    r = R("paid_offline_pending", note=R("handed_over_from", device="ab12"), item=5)
    assert r.english() == "handed over from device ab12, pending network (offline payment 5)"
    assert parse_legacy(r.english()) == r
    assert stored(r.code, r.to_json(), "") == r
    cancel = R("marked_because", actor="cashier", reason="customer changed their mind")
    assert parse_legacy(cancel.english()) == cancel
    taken = parse_legacy("taken back from the hand-over: no other till had sent it in time")
    assert taken == R("taken_back", reason=R("not_sent_in_time"))


def test_a_wrong_code_or_parameter_fails_at_once_and_unknown_text_stays_text():
    with pytest.raises(ValueError):
        R("no such reason")
    with pytest.raises(ValueError):
        R("in_block", block=5)
    assert parse_legacy("a note a person typed at the command line") is None
    assert stored(None, None, "a note a person typed") == "a note a person typed"
    assert stored("from_a_newer_version", "{}", "its old words") == "its old words"


# -- schema step 10: the English rows of a till of version 9 become codes -----------------------------
def _v9_till_with_english_rows(folder):
    """A copy of the version-9 fixture holding what a till of that version wrote: history rows and
    an offline payment's last reason in English, a person's own words, and a sale a cashier
    settled before step 9 recorded who did (settled_by NULL, no final payment covering it)."""
    import shutil
    import sqlite3
    from pathlib import Path

    from pos_app.store.audit import register_functions
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    folder.mkdir()
    shutil.copy(fixtures / "sompos_v9.db", folder / "sompos.db")
    conn = sqlite3.connect(folder / "sompos.db", isolation_level=None)
    register_functions(conn)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO invoices(id, created_at, expires_at, chain_id, token, merchant, decimals, amount_tyiyn,"
                 " amount_base, due_base, tail, state, paid_seen, paid_final, memo, updated_at)"
                 " SELECT 3, created_at, expires_at, chain_id, token, merchant, decimals, 700, '7000000',"
                 " '7000003', 3, 'settled', '0', '0', 'marked', updated_at FROM invoices WHERE id = 1")
    history = [(3, None, "new", "created"), (3, "new", "settled", "marked by cashier: paid in cash"),
               (2, "new", "new", "accepted offline, pending network (offline payment 1)"),
               (2, "new", "new", "the manager fixed this by hand")]
    conn.executemany("INSERT INTO invoice_history(invoice_id, at, from_state, to_state, reason)"
                     " VALUES (?, 1780000100, ?, ?, ?)", history)
    conn.execute("INSERT INTO offline_payments(id, kind, payload, payload_hash, idem_key, chain_id, token, payer,"
                 " payee, amount_base, amount_tyiyn, payer_nonce, invoice_id, state, reason, verdict,"
                 " received_at, updated_at)"
                 " SELECT 1, 'raw_tx', 'p', 'h', 'k', chain_id, token, '0x' || hex(zeroblob(20)), merchant,"
                 " '150000002', 15000, 4, 2, 'included', 'in block 4211', '{}', 1780000100, 1780000200"
                 " FROM invoices WHERE id = 2")
    conn.executemany("INSERT INTO offline_history(item_id, at, from_state, to_state, reason)"
                     " VALUES (1, 1780000100, ?, ?, ?)",
                     [(None, "received", "raw_tx from scan"), ("received", "queued", "verified offline"),
                      ("queued", "submitted", "sent to the network"), ("submitted", "included", "in block 4211"),
                      ("included", "included", "taken back from the hand-over: its own file a.json was loaded "
                                                "here again")])
    conn.execute("COMMIT")
    conn.close()


def test_step_10_turns_old_english_rows_into_codes_and_keeps_unknown_text(tmp_path):
    from pos_app.core.reasons import Reason
    from pos_app.invoices.service import InvoiceService
    from pos_app.keys.device import DeviceKeyOnce
    from pos_app.offline.queue import OfflineQueue
    from pos_app.store.db import open_store
    from pos_app.store.migrations import SCHEMA_VERSION
    folder = tmp_path / "till"
    _v9_till_with_english_rows(folder)
    store = open_store(folder, device_key=DeviceKeyOnce(folder))
    try:
        assert store.schema_version() == SCHEMA_VERSION >= 10
        service = InvoiceService(store)
        marked = service.history(3)
        assert [h["why"] for h in marked] == [R("created"), R("marked_because", actor="cashier",
                                                               reason="paid in cash")]
        assert [h["reason"] for h in marked] == ["created", "marked by cashier: paid in cash"]  # the CLI's line
        sale = service.history(2)
        assert sale[-2]["why"] == R("paid_offline_pending", note=R("accepted_offline"), item=1)
        assert sale[-1]["why"] == "the manager fixed this by hand"           # a person's words stay words
        assert store.one("SELECT reason, code FROM invoice_history WHERE reason != ''") == {
            "reason": "the manager fixed this by hand", "code": None}
        queue = OfflineQueue(store, service)
        item = queue.get(1)
        assert item.why == R("in_block", number=4211) and item.reason == "in block 4211"
        assert [h["why"] for h in queue.history(1)] == [
            R("received_from", kind="raw_tx", source="scan"), R("verified_offline"), R("sent"),
            R("in_block", number=4211), R("taken_back", reason=R("own_file_loaded", file="a.json"))]
        assert all(isinstance(h["why"], Reason) for h in queue.history(1))
        # The cashier's mark of an old sale is still read as a person's: the chain never reopens it.
        assert service.unbacked_settled() == []
    finally:
        store.close()


def test_new_rows_are_written_as_codes_never_words(tmp_path):
    """What the core writes now: the code and its JSON parameters, the words column empty; a
    writer that passes words instead of a Reason is stopped before anything is written."""
    from pos_app.app.context import AppContext
    from pos_app.core.money import Tyiyn
    from pos_app.invoices.lifecycle import InvoiceState
    ctx = AppContext(tmp_path / "shop")
    try:
        ctx.token_info()
        sale = ctx.create_invoice(Tyiyn(1500))
        ctx.service.mark(sale.id, InvoiceState.INVALID, actor="cashier", reason=R("sale_cancelled"))
        rows = ctx.store.query("SELECT reason, code, params FROM invoice_history WHERE invoice_id = ? ORDER BY id",
                               (sale.id,))
        assert rows == [{"reason": "", "code": "created", "params": "{}"},
                        {"reason": "", "code": "marked_because",
                         "params": '{"actor": "cashier", "reason": {"code": "sale_cancelled", "params": {}}}'}]
        other = ctx.create_invoice(Tyiyn(1500))
        with pytest.raises(TypeError):
            with ctx.store.transaction() as c:
                ctx.service.invalidate_in(c, other.id, "collected again", now=other.created_at)
        assert len(ctx.service.history(other.id)) == 1 and ctx.service.get(other.id).state == InvoiceState.NEW
    finally:
        ctx.close()
