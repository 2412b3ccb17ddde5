"""Numbered schema migrations. Never edit a released step: add a new one.

``PRAGMA user_version`` holds the number of steps applied. Big integers (token base units can
exceed 2**63) are stored as decimal TEXT and compared in Python.
"""
from __future__ import annotations

from typing import Any

from pos_app.store.audit import TRIGGERS_V7, baseline_invoices, install_queue_audit, upgrade_audited_fields

def reasons_to_codes(conn: Any) -> None:
    """Schema step 10: every stored English reason an older version wrote that a code stands for
    becomes that code and its parameters; an unknown text stays as it is (shown as typed)."""
    from pos_app.core.reasons import parse_legacy
    for table, text_col, code_col, params_col in (("invoice_history", "reason", "code", "params"),
                                                   ("offline_history", "reason", "code", "params"),
                                                   ("offline_payments", "reason", "reason_code", "reason_params")):
        rows = conn.execute(f"SELECT id, {text_col} FROM {table} WHERE {text_col} != ''").fetchall()
        done = []
        for row_id, text in rows:
            reason = parse_legacy(text)
            if reason is not None:
                done.append((reason.code, reason.to_json(), row_id))
        conn.executemany(f"UPDATE {table} SET {code_col} = ?, {params_col} = ?, {text_col} = '' WHERE id = ?", done)


MIGRATIONS: list[tuple[str, list[Any]]] = [  # SQL text, or a callable(conn) for Python steps
    ("initial schema: settings, invoices, payments, scan cursor, token cache, audit", [
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
        """CREATE TABLE token_info (
            chain_id INTEGER NOT NULL,
            address TEXT NOT NULL,
            decimals INTEGER NOT NULL,
            symbol TEXT NOT NULL,
            name TEXT NOT NULL,
            eip712_name TEXT NOT NULL,
            eip712_version TEXT NOT NULL,
            read_at INTEGER NOT NULL,
            PRIMARY KEY (chain_id, address)
        )""",
        """CREATE TABLE invoices (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            chain_id INTEGER NOT NULL,
            token TEXT NOT NULL,
            merchant TEXT NOT NULL,
            decimals INTEGER NOT NULL,
            amount_tyiyn INTEGER NOT NULL CHECK (amount_tyiyn > 0),
            amount_base TEXT NOT NULL,
            due_base TEXT NOT NULL,
            tail INTEGER NOT NULL,
            state TEXT NOT NULL,
            paid_seen TEXT NOT NULL DEFAULT '0',
            paid_final TEXT NOT NULL DEFAULT '0',
            flag_partial INTEGER NOT NULL DEFAULT 0,
            flag_over INTEGER NOT NULL DEFAULT 0,
            flag_late INTEGER NOT NULL DEFAULT 0,
            memo TEXT NOT NULL DEFAULT '',
            updated_at INTEGER NOT NULL
        )""",
        "CREATE INDEX invoices_state ON invoices(state, created_at)",
        """CREATE TABLE invoice_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            invoice_id INTEGER NOT NULL REFERENCES invoices(id),
            at INTEGER NOT NULL,
            from_state TEXT,
            to_state TEXT NOT NULL,
            reason TEXT NOT NULL
        )""",
        """CREATE TABLE payments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            chain_id INTEGER NOT NULL,
            token TEXT NOT NULL,
            tx_hash TEXT NOT NULL,
            log_index INTEGER NOT NULL,
            block_number INTEGER NOT NULL,
            block_hash TEXT NOT NULL,
            block_time INTEGER NOT NULL,
            payer TEXT NOT NULL,
            payee TEXT NOT NULL,
            value TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('seen', 'final', 'removed')),
            invoice_id INTEGER REFERENCES invoices(id),
            matched_by TEXT NOT NULL DEFAULT 'none',
            first_seen_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            UNIQUE (chain_id, tx_hash, log_index)
        )""",
        "CREATE INDEX payments_invoice ON payments(invoice_id)",
        "CREATE INDEX payments_status ON payments(status, block_number)",
        """CREATE TABLE scan_cursor (
            chain_id INTEGER NOT NULL,
            token TEXT NOT NULL,
            merchant TEXT NOT NULL,
            next_block INTEGER NOT NULL,
            PRIMARY KEY (chain_id, token, merchant)
        )""",
        """CREATE TABLE scan_checkpoints (
            chain_id INTEGER NOT NULL,
            block_number INTEGER NOT NULL,
            block_hash TEXT NOT NULL,
            PRIMARY KEY (chain_id, block_number)
        )""",
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            event TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL,
            result TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""",
    ]),
    ("index invoices by requested amount, for matching payments during a long catch-up", [
        "CREATE INDEX invoices_due ON invoices(merchant, due_base)",
    ]),
    ("offline acceptance: queued customer-signed payments, their history, payer snapshots", [
        """CREATE TABLE offline_payments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL CHECK (kind IN ('raw_tx', 'eip3009')),
            payload TEXT NOT NULL,
            payload_hash TEXT NOT NULL UNIQUE,
            idem_key TEXT NOT NULL,
            chain_id INTEGER NOT NULL,
            token TEXT NOT NULL,
            payer TEXT NOT NULL,
            payee TEXT NOT NULL,
            amount_base TEXT NOT NULL,
            amount_tyiyn INTEGER NOT NULL,
            payer_nonce INTEGER,
            auth_nonce TEXT,
            valid_before INTEGER,
            tx_hash TEXT,
            invoice_id INTEGER NOT NULL REFERENCES invoices(id),
            state TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            verdict TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT 'scan',
            received_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            UNIQUE (chain_id, idem_key)
        )""",
        # "Seen before" is forever: a payer nonce or an authorization nonce is accepted once.
        "CREATE UNIQUE INDEX offline_raw_nonce ON offline_payments(chain_id, payer, payer_nonce) "
        "WHERE kind = 'raw_tx'",
        "CREATE UNIQUE INDEX offline_auth_nonce ON offline_payments(chain_id, token, payer, auth_nonce) "
        "WHERE kind = 'eip3009'",
        "CREATE INDEX offline_state ON offline_payments(state, received_at)",
        "CREATE INDEX offline_payer ON offline_payments(payer, state)",
        "CREATE INDEX offline_invoice ON offline_payments(invoice_id)",
        """CREATE TABLE offline_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id INTEGER NOT NULL REFERENCES offline_payments(id),
            at INTEGER NOT NULL,
            from_state TEXT,
            to_state TEXT NOT NULL,
            reason TEXT NOT NULL
        )""",
        "CREATE INDEX offline_history_item ON offline_history(item_id)",
        """CREATE TABLE payer_snapshots (
            chain_id INTEGER NOT NULL,
            token TEXT NOT NULL,
            payer TEXT NOT NULL,
            balance_base TEXT NOT NULL,
            nonce INTEGER NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (chain_id, token, payer)
        )""",
        "ALTER TABLE invoices ADD COLUMN offline_id INTEGER REFERENCES offline_payments(id)",
    ]),
    ("offline queue totals from an index alone (exposure checks on every accept stay cheap)", [
        "CREATE INDEX offline_exposure ON offline_payments(chain_id, state, received_at, amount_tyiyn)",
    ]),
    ("per-payer offline standing from an index alone", [
        "CREATE INDEX offline_payer_standing ON offline_payments(chain_id, payer, state, kind, amount_tyiyn)",
    ]),
    ("the sync engine: what was sent, where it landed, retries, hand-over and outcomes", [
        # For an EIP-3009 item the relay transaction is signed and stored here (with its nonce and
        # hash in tx_hash) before it is first broadcast, so a restart resends the same bytes.
        "ALTER TABLE offline_payments ADD COLUMN relay_raw TEXT",
        "ALTER TABLE offline_payments ADD COLUMN relay_from TEXT",
        "ALTER TABLE offline_payments ADD COLUMN relay_nonce INTEGER",
        "ALTER TABLE offline_payments ADD COLUMN block_number INTEGER",
        "ALTER TABLE offline_payments ADD COLUMN block_hash TEXT",
        "ALTER TABLE offline_payments ADD COLUMN first_sent_at INTEGER",
        "ALTER TABLE offline_payments ADD COLUMN last_sent_at INTEGER",
        "ALTER TABLE offline_payments ADD COLUMN next_try_at INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE offline_payments ADD COLUMN last_error TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE offline_payments ADD COLUMN handed_off_at INTEGER",
        "ALTER TABLE offline_payments ADD COLUMN imported_from TEXT",
        "ALTER TABLE offline_payments ADD COLUMN resolved_at INTEGER",
        "ALTER TABLE offline_payments ADD COLUMN resolution TEXT",
        "CREATE INDEX offline_work ON offline_payments(chain_id, state, kind, next_try_at)",
        "CREATE UNIQUE INDEX offline_relay_nonce ON offline_payments(chain_id, relay_from, relay_nonce) "
        "WHERE relay_nonce IS NOT NULL",
        # The relay account's next nonce, kept locally so many authorizations go out back to back.
        """CREATE TABLE relay_nonces (
            chain_id INTEGER NOT NULL,
            address TEXT NOT NULL,
            next_nonce INTEGER NOT NULL,
            PRIMARY KEY (chain_id, address)
        )""",
    ]),
    ("money safety: paired tills, token features, key attempt counters, hand-over take-back", [
        # Tills whose hand-over files this till accepts: a manager accepted each once by the
        # fingerprint both screens show.
        """CREATE TABLE paired_devices (
            fingerprint TEXT PRIMARY KEY,
            public_key TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            accepted_at INTEGER NOT NULL,
            accepted_by TEXT NOT NULL
        )""",
        # What the token can settle (EIP-3009, EIP-2612, pause/blacklist), probed once online;
        # NULL means not probed yet.
        "ALTER TABLE token_info ADD COLUMN features TEXT",
        "ALTER TABLE token_info ADD COLUMN probed_at INTEGER",
        # Wrong-passphrase counters live here, next to the audit chain: deleting a file next to
        # the key does not lift a lockout.
        """CREATE TABLE key_attempts (
            name TEXT PRIMARY KEY,
            failures INTEGER NOT NULL DEFAULT 0,
            locked_until INTEGER NOT NULL DEFAULT 0,
            updated_at INTEGER NOT NULL
        )""",
        # Where a handed-off item went (the file's digest) and when it may be taken back.
        "ALTER TABLE offline_payments ADD COLUMN handed_file TEXT",
        "ALTER TABLE offline_payments ADD COLUMN taken_back_at INTEGER",
        # The device that signed an imported item's file, verified against paired_devices.
        "ALTER TABLE offline_payments ADD COLUMN imported_device TEXT",
        # Every invoice change leaves its digest in the audit chain, whoever writes it (store/audit.py);
        # the invoices already there get their starting record.
        *TRIGGERS_V7,
        baseline_invoices,
        # Creating an invoice and matching a payment read only recent invoices, by this range.
        "CREATE INDEX invoices_recent ON invoices(merchant, created_at)",
    ]),
    ("the counter: the rest of a partly paid sale asked by its own amount; payers' names", [
        # A partly paid sale asks the rest by a second unique amount (the rest plus a tail of this
        # till); a transfer of exactly that amount pays the same invoice. NULL: nothing asked.
        # Not in the audit digest (store/audit.INVOICE_FIELDS): it only says which amount the QR
        # asks, never what was paid; the row's money fields stay covered.
        "ALTER TABLE invoices ADD COLUMN rest_base TEXT",
        # Every amount a sale has asked besides its own (each rest, in turn): a replaced rest stays
        # this sale's for its whole watch window, never handed to a new sale nor taken by another.
        """CREATE TABLE invoice_asks (
            invoice_id INTEGER NOT NULL REFERENCES invoices(id),
            amount_base TEXT NOT NULL,
            asked_at INTEGER NOT NULL,
            PRIMARY KEY (invoice_id, amount_base)
        )""",
        "CREATE INDEX invoice_asks_amount ON invoice_asks(amount_base)",
        # The shop's small address book: the name a cashier gave a payer's address (lower case).
        """CREATE TABLE payer_names (
            address TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL
        )""",
    ]),
    ("attribution by evidence: clock-corrected payment times, held offline payments, carried sales", [
        # A transfer's block time in this till's clock (block time minus the measured clock
        # difference): every window and the "late" flag compare it with times this till wrote.
        # NULL (payments recorded before this step): the block time.
        "ALTER TABLE payments ADD COLUMN till_time INTEGER",
        # The offline payment this till holds that the transfer settles (by its transaction hash,
        # the authorization's identity, or the same signed transaction number sent again).
        "ALTER TABLE payments ADD COLUMN offline_id INTEGER REFERENCES offline_payments(id)",
        "CREATE INDEX payments_offline ON payments(offline_id) WHERE offline_id IS NOT NULL",
        # An unmatched payment equal to an amount a sale asked (already paid, cancelled, older):
        # shown to the cashier as a hint, never credited by itself.
        "ALTER TABLE payments ADD COLUMN hint_invoice_id INTEGER REFERENCES invoices(id)",
        # A sale another till made, whose customer-signed payment this till only carries to the
        # network (a hand-over file): "<device fingerprint>:<invoice number there>". Not this
        # till's sale; never matched by amount; never in the shop's sales figures here.
        "ALTER TABLE invoices ADD COLUMN carried_for TEXT",
        # Who settled it: 'chain' (its payments are final) or 'cashier' (marked by a person). A
        # sale the chain settled is reopened if its money leaves the chain. NULL on a sale settled
        # before this step: its history tells (InvoiceService._settled_by_chain).
        "ALTER TABLE invoices ADD COLUMN settled_by TEXT",
        # When a sale settled by the chain lost its money again (a reorg deeper than finality, a
        # node that lied): the alert stays until a cashier acts on the sale.
        "ALTER TABLE invoices ADD COLUMN reopened_at INTEGER",
        # The shortfall a cashier accepted as paid (an exchange's fee), in base units; audited.
        "ALTER TABLE invoices ADD COLUMN short_base TEXT",
        # Those that say whose money it is enter the invoice and payment digests (store/audit.py).
        upgrade_audited_fields,
        # Every change of the offline queue leaves its digest in the audit chain too.
        install_queue_audit,
        "CREATE INDEX offline_tx ON offline_payments(chain_id, tx_hash) WHERE tx_hash IS NOT NULL",
    ]),
    ("reasons stored as codes with their parameters, not as English sentences", [
        # Why a sale or an offline payment changed: a code of core/reasons.TEMPLATES and its
        # parameters (JSON). ``reason`` keeps only text no code matched (older rows, a note a
        # person typed); the screens render a code in the shop's language (issue 19, point 1).
        "ALTER TABLE invoice_history ADD COLUMN code TEXT",
        "ALTER TABLE invoice_history ADD COLUMN params TEXT",
        "ALTER TABLE offline_history ADD COLUMN code TEXT",
        "ALTER TABLE offline_history ADD COLUMN params TEXT",
        "ALTER TABLE offline_payments ADD COLUMN reason_code TEXT",
        "ALTER TABLE offline_payments ADD COLUMN reason_params TEXT",
        reasons_to_codes,
    ]),
]

SCHEMA_VERSION = len(MIGRATIONS)
