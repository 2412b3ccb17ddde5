"""Issue 18, finding 14: the audit chain's head is signed with this till's device key.

The probe extended the chain with the database alone: drop a trigger, mark a sale settled, put the
trigger back, append a correctly hashed record, move ``audit-anchor.json`` to it; ``audit verify``
agreed. Tested here on real shops in ``tmp_path``:

* that attack, step by step, is found (the anchor's signature, the records beyond the signed head),
  and stays found after the app writes again (it records what it did not write, never signs over it);
* a forged signature on the anchor file or on the head in the database is refused, and so is a
  missing head once the chain was keyed;
* offline payments are audited like invoices: a change made outside the app is found, a plain
  ``sqlite3`` shell cannot make one without dropping a trigger, and an old shop's queue gets its
  starting records;
* a normal day (sales, offline accepts, a hand-over to another till and its import) verifies clean
  on both tills; the hand-over file carries the signed head, the importer checks its signature with
  the file's device key and records it.
"""
from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from eth_abi import encode
from eth_account import Account
from eth_utils import keccak

from pos_app.app.context import AppContext
from pos_app.chain.demo_constants import DEMO_MERCHANT, DEMO_TOKEN_ADDRESS
from pos_app.chain.profiles import DEMO_CHAIN_ID
from pos_app.cli.main import main
from pos_app.core.errors import BadInput
from pos_app.core.money import Tyiyn
from pos_app.keys import device as D
from pos_app.store import audit as A
from pos_app.store.audit import ANCHOR_NAME, INVOICE_FIELDS, TRIGGERS, chain_hash, row_digest, verify

NOW = int(time.time())
GWEI = 10**9
KEYS = [keccak(text=f"keyed audit test payer {i}") for i in range(4)]


def raw(data: Path) -> sqlite3.Connection:
    """The database as someone with a sqlite3 shell sees it (none of the app's functions, no key)."""
    return sqlite3.connect(data / "sompos.db", isolation_level=None)


def raw_transfer(key: bytes, amount: int, *, nonce: int = 0) -> str:
    data = bytes.fromhex("a9059cbb") + encode(["address", "uint256"], [DEMO_MERCHANT, amount])
    tx = {"type": 2, "chainId": DEMO_CHAIN_ID, "nonce": nonce, "to": DEMO_TOKEN_ADDRESS, "value": 0, "data": data,
          "gas": 80_000, "maxFeePerGas": GWEI, "maxPriorityFeePerGas": GWEI // 10}
    return "0x" + bytes(Account.sign_transaction(tx, key).raw_transaction).hex()


def open_shop(folder: Path) -> AppContext:
    ctx = AppContext(folder)
    ctx.offline.record_sync(DEMO_CHAIN_ID, at=NOW - 60, gas_price=GWEI // 10)
    ctx.offline_facts()
    return ctx


def sell_offline(ctx: AppContext, som: int, key: bytes):
    inv = ctx.create_invoice(Tyiyn(som * 100))
    item, dup = ctx.offline.accept(raw_transfer(key, inv.due_base), inv.id, ctx.offline_facts(), now=NOW)
    assert not dup
    return inv, item


def run(capsys, *argv: str) -> tuple[int, str]:
    rc = main(list(argv))
    return rc, capsys.readouterr().out


@pytest.fixture()
def shop(tmp_path) -> Path:
    data = tmp_path / "shop"
    ctx = AppContext(data)
    for som in (150, 70, 12):
        ctx.create_invoice(Tyiyn(som * 100), memo="bread")
    ctx.close()
    return data


def append_like_the_app(conn: sqlite3.Connection, event: str, subject: str, detail: str) -> tuple[int, str]:
    """What the probe did: a record hashed exactly as the app hashes (the algorithm is public)."""
    prev = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    at = int(time.time())
    digest = chain_hash(at, "app", event, subject, detail, "ok", prev)
    cur = conn.execute("INSERT INTO audit_log(at, actor, event, subject, detail, result, prev_hash, hash)"
                       " VALUES (?,?,?,?,?,?,?,?)", (at, "app", event, subject, detail, "ok", prev, digest))
    return int(cur.lastrowid), digest


def the_probes_attack(data: Path, *, anchor: str) -> None:
    """Drop the trigger, mark sale 1 settled, put the trigger back, append a correctly hashed record
    of the new row, move the anchor file to it (``anchor``: "keep-signature", "unsigned", "leave")."""
    conn = raw(data)
    conn.execute("DROP TRIGGER invoice_audit_update")
    due = conn.execute("SELECT due_base FROM invoices WHERE id = 1").fetchone()[0]
    conn.execute("UPDATE invoices SET state = 'settled', paid_seen = ?, paid_final = ? WHERE id = 1", (due, due))
    conn.execute(next(sql for sql in TRIGGERS if sql.split()[2] == "invoice_audit_update"))
    row = conn.execute(f"SELECT {', '.join(INVOICE_FIELDS)} FROM invoices WHERE id = 1").fetchone()
    rid, digest = append_like_the_app(conn, "invoice.write", "invoice:1",
                                      json.dumps({"digest": row_digest(*row)}, sort_keys=True))
    conn.close()
    path = data / ANCHOR_NAME
    old = json.loads(path.read_text())
    if anchor == "keep-signature":
        path.write_text(json.dumps({**old, "id": rid, "hash": digest, "count": old.get("count", 0) + 1}))
    elif anchor == "unsigned":
        path.write_text(json.dumps({"id": rid, "hash": digest}))


# -- the probe's attack -------------------------------------------------------------------------------
def test_an_untouched_shop_verifies_and_its_anchor_and_head_are_signed(shop, capsys):
    rc, out = run(capsys, "--data-dir", str(shop), "audit", "verify")
    assert rc == 0 and "everything agrees" in out
    anchor = json.loads((shop / ANCHOR_NAME).read_text())
    key = D.device_key(shop)
    assert A.head_signed_by(D.public_key_hex(key), anchor)
    conn = raw(shop)
    stored = json.loads(conn.execute("SELECT value FROM settings WHERE key = 'audit_head'").fetchone()[0])
    newest = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert stored == anchor and (stored["id"], stored["hash"]) == tuple(newest)
    assert stored["count"] == conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]


@pytest.mark.parametrize("anchor", ["keep-signature", "unsigned", "leave"])
def test_the_probes_attack_is_found(shop, capsys, anchor):
    """The chain hashes, the invoice matches its newest digest: only the signed head tells."""
    the_probes_attack(shop, anchor=anchor)
    ctx = AppContext(shop)
    try:
        assert ctx.store.verify_audit_chain()                      # the hash chain alone agrees
        assert ctx.service.get(1).state.value == "settled"
        problems = verify(ctx.store, shop).problems
    finally:
        ctx.close()
    assert any("were added outside the app" in p and "after the newest head this till signed" in p
               for p in problems), problems
    if anchor != "leave":
        assert "the audit anchor file next to the database is not signed by this till's device key" in problems
    rc, out = run(capsys, "--data-dir", str(shop), "audit", "verify")
    assert rc == 1 and "added outside the app" in out


def test_after_the_attack_the_app_writes_on_and_never_signs_over_the_foreign_record(shop, capsys):
    the_probes_attack(shop, anchor="keep-signature")
    ctx = AppContext(shop)
    try:
        foreign = ctx.store.audit_head()[0]
        ctx.create_invoice(Tyiyn(500))                              # the next sale: a new signed head
        head = ctx.store.signed_audit_head()
        assert head is not None and head["id"] > foreign
        problems = verify(ctx.store, shop).problems
        finding = ctx.store.one("SELECT id, detail FROM audit_log WHERE event = 'audit.unsigned'")
    finally:
        ctx.close()
    assert json.loads(finding["detail"]) == {"from": foreign, "to": foreign}
    assert problems == [f"audit records {foreign} to {foreign} were added outside the app: they came after the "
                        f"head this till had signed (found at record {finding['id']})"]
    assert run(capsys, "--data-dir", str(shop), "audit", "verify")[0] == 1   # for good


def test_a_forged_anchor_signature_is_refused(shop):
    forger = Ed25519PrivateKey.generate()
    conn = raw(shop)
    newest = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    count = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    conn.close()
    (shop / ANCHOR_NAME).write_text(json.dumps(A.sign_head(forger, newest[0], count, newest[1])))
    ctx = AppContext(shop)
    try:
        assert verify(ctx.store, shop).problems == [
            "the audit anchor file next to the database is not signed by this till's device key"]
    finally:
        ctx.close()


def test_a_forged_or_missing_head_in_the_database_is_refused(shop):
    forger = Ed25519PrivateKey.generate()
    conn = raw(shop)
    # The attacker appends a record and signs a head over it with a key of their own.
    rid, digest = append_like_the_app(conn, "mark_invalid", "invoice:3", json.dumps({"reason": "test"}))
    count = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    conn.execute("UPDATE settings SET value = ? WHERE key = 'audit_head'",
                 (json.dumps(A.sign_head(forger, rid, count, digest)),))
    ctx = AppContext(shop)
    try:
        assert "the audit log's head in the database is not signed by this till's device key" in \
            verify(ctx.store, shop).problems
    finally:
        ctx.close()
    raw(shop).execute("DELETE FROM settings WHERE key = 'audit_head'")
    ctx = AppContext(shop)                     # the app opens it: it does not key the chain afresh
    try:
        problems = verify(ctx.store, shop).problems
        finding = json.loads(ctx.store.one("SELECT detail FROM audit_log WHERE event = 'audit.unsigned'")["detail"])
    finally:
        ctx.close()
    assert finding == {"from": None, "to": rid, "why": "missing"}
    assert any("signed head was missing" in p and f"records up to {rid} are not vouched for" in p for p in problems)


# -- the offline queue's audit --------------------------------------------------------------------------
def test_offline_payments_changed_outside_the_app_are_found(tmp_path, capsys):
    data = tmp_path / "shop"
    ctx = open_shop(data)
    try:
        _, item = sell_offline(ctx, 150, KEYS[0])
        records = ctx.store.query("SELECT event FROM audit_log WHERE subject = ?", (f"offline:{item.id}",))
        assert {"event": "offline.write"} in records                # the accept itself left a digest
        assert verify(ctx.store, data).ok
    finally:
        ctx.close()
    conn = raw(data)
    with pytest.raises(sqlite3.OperationalError, match="no such function"):
        conn.execute("UPDATE offline_payments SET amount_tyiyn = 1 WHERE id = ?", (item.id,))
    conn.execute("DROP TRIGGER offline_audit_update")
    conn.execute("UPDATE offline_payments SET state = 'final', amount_tyiyn = 1 WHERE id = ?", (item.id,))
    conn.close()
    rc, out = run(capsys, "--data-dir", str(data), "audit", "verify")
    assert rc == 1 and f"offline payment {item.id} was changed outside the app" in out
    assert "the audit of offline payments was switched off" in out   # the app put the trigger back and said so
    names = {r[0] for r in raw(data).execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"offline_audit_insert", "offline_audit_update", "offline_audit_delete"} <= names


def test_an_older_shops_offline_payments_get_their_starting_record(tmp_path):
    """A shop from before the queue was audited (schema 8): schema step 9 (``install_queue_audit``)
    gives every offline payment already there its starting record, and a second run adds nothing."""
    from pos_app.store.migrations import MIGRATIONS
    data = tmp_path / "shop"
    data.mkdir()
    conn = sqlite3.connect(data / "sompos.db", isolation_level=None)
    A.register_functions(conn)
    conn.execute("BEGIN")
    for _title, statements in MIGRATIONS[:8]:
        for sql in statements:
            sql(conn) if callable(sql) else conn.execute(sql)
    conn.execute("PRAGMA user_version = 8")
    now = int(time.time())
    for n in (1, 2):
        conn.execute("INSERT INTO invoices(created_at, expires_at, chain_id, token, merchant, decimals, amount_tyiyn,"
                     " amount_base, due_base, tail, state, updated_at, offline_id) VALUES (?,?,?,?,?,6,?,?,?,?,'new',?,?)",
                     (now, now + 900, DEMO_CHAIN_ID, DEMO_TOKEN_ADDRESS, DEMO_MERCHANT, 100 * n, str(10**6 * n),
                      str(10**6 * n + n), n, now, n))
        conn.execute("INSERT INTO offline_payments(kind, payload, payload_hash, idem_key, chain_id, token, payer, payee,"
                     " amount_base, amount_tyiyn, payer_nonce, tx_hash, invoice_id, state, verdict, received_at,"
                     " updated_at) VALUES ('raw_tx', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'queued', '{}', ?, ?)",
                     (f"0x{n:02x}", f"h{n}", f"0x{n:064x}", DEMO_CHAIN_ID, DEMO_TOKEN_ADDRESS,
                      Account.from_key(KEYS[n - 1]).address, DEMO_MERCHANT, str(10**6 * n + n), 100 * n,
                      f"0x{n:064x}", n, now, now))
    conn.execute("COMMIT")
    assert conn.execute("SELECT COUNT(*) FROM audit_log WHERE event = 'offline.write'").fetchone()[0] == 0
    conn.close()
    ctx = AppContext(data)                                        # upgrades to today's schema
    try:
        assert ctx.store.one("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'offline.write'")["n"] == 2
        with ctx.store.transaction() as c:                        # the step again: nothing more
            A.install_queue_audit(c)
        assert ctx.store.one("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'offline.write'")["n"] == 2
        assert verify(ctx.store, data).ok, verify(ctx.store, data).problems
        # From now on a change outside the app is seen.
        ctx.store.conn.execute("DROP TRIGGER offline_audit_update")
        ctx.store.conn.execute("UPDATE offline_payments SET state = 'final' WHERE id = 1")
        assert "offline payment 1 was changed outside the app" in verify(ctx.store, data).problems
    finally:
        ctx.close()


# -- a normal day, and the hand-over file -----------------------------------------------------------------
def test_a_normal_day_verifies_clean_on_both_tills_and_the_file_carries_the_signed_head(tmp_path):
    from pos_app.handover import file as F
    from pos_app.handover.pairing import Pairings
    from pos_app.shop.config import set_till
    field, office = open_shop(tmp_path / "field"), open_shop(tmp_path / "office")
    try:
        set_till(field.store, "1/2")                               # two tills of one shop
        set_till(office.store, "2/2")
        Pairings(office.store).pair(D.public_key_hex(D.device_key(field.data_dir)), actor="manager")
        field.create_invoice(Tyiyn(4000), memo="bread")
        sell_offline(field, 150, KEYS[0])
        sell_offline(field, 70, KEYS[1])
        path = tmp_path / "stick" / "queue.jsonl"
        path.parent.mkdir()
        field.export_handover(path)
        bundle = F.read_bundle(path)
        head = bundle.audit
        assert A.head_signed_by(bundle.device_key, head)
        assert field.store.verify_against((head["id"], head["hash"])) == []
        got = office.import_handover(path)
        assert got.added == 2
        detail = json.loads(office.store.one("SELECT detail FROM audit_log WHERE event = 'offline.import'")["detail"])
        assert detail["sender_audit_head"] == head and detail["device_key"] == bundle.device_key
        for ctx in (field, office):
            rep = verify(ctx.store, ctx.data_dir)
            assert rep.ok, (ctx.data_dir.name, rep.problems)
    finally:
        field.close()
        office.close()


def test_the_engine_sending_offline_payments_to_the_chain_verifies_clean(tmp_path):
    """Every state the engine moves an offline payment through is a change of its row, each audited."""
    from pos_app.app.demo.chain import DemoChain
    from pos_app.app.demo.headless import open_demo_context
    from pos_app.offline.lifecycle import QueueState as Q
    chain = DemoChain(block_time=1.0)
    ctx = open_demo_context(str(tmp_path / "shop"), chain)
    try:
        ctx.offline.record_sync(chain.chain_id, at=int(time.time()), gas_price=int(chain.w3.eth.gas_price))
        for customer, kind, som in (("Aigul", "raw_tx", 150), ("Bakyt", "eip3009", 70)):
            inv = ctx.create_invoice(Tyiyn(som * 100))
            ctx.offline.accept(chain.sign_offline(customer, kind, inv.merchant, inv.due_base), inv.id,
                               ctx.offline_facts())
        engine, watcher = ctx.sync_engine(), ctx.watcher()
        for _ in range(8):
            engine.pass_once()
            chain.mine(1)
            watcher.scan_once()
            if all(i.state == Q.FINAL for i in ctx.offline.list()):
                break
        assert all(i.state == Q.FINAL for i in ctx.offline.list())
        writes = ctx.store.one("SELECT COUNT(*) AS n FROM audit_log WHERE event = 'offline.write'")["n"]
        assert writes >= 2 * 4                                   # accepted, submitted, included, final
        rep = verify(ctx.store, ctx.data_dir)
        assert rep.ok, rep.problems
    finally:
        ctx.close()
        chain.stop()


def test_a_hand_over_file_whose_audit_head_signature_is_forged_is_refused(tmp_path):
    from pos_app.handover import file as F
    field = open_shop(tmp_path / "field")
    try:
        sell_offline(field, 150, KEYS[0])
        path = tmp_path / "queue.jsonl"
        field.export_handover(path)
        key = D.device_key(field.data_dir)
    finally:
        field.close()
    lines = [ln + b"\n" for ln in path.read_bytes()[:-1].split(b"\n")[:-1]]
    header = json.loads(lines[0])
    header["audit"] = {**header["audit"], "id": header["audit"]["id"] + 5}     # a head the till never signed
    lines[0] = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"
    forged = tmp_path / "forged.jsonl"
    forged.write_bytes(F.sign_lines(lines, key))                 # even the file's own key on the whole file
    with pytest.raises(BadInput) as e:
        F.read_bundle(forged)
    assert "its device signature does not match" in e.value.user_message
