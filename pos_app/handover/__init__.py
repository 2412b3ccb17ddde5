"""The hand-over: a till's unsent offline queue carried to another till on a USB stick, as a signed file.

A field officer's device has no connection; an office machine has one. ``export_bundle`` writes
the field device's unsent payments to a file, ``import_bundle`` puts them into the office
machine's queue, whose sync engine then sends them (``sompos queue export|import FILE``).

File format (UTF-8, JSON lines, every line ends with ``\\n``)::

    {"format": "sompos-offline-queue", "version": 1, "chain_id": .., "token": .., "merchant": ..,
     "created_at": .., "device": "<Ed25519 public key, 64 hex>", "count": n}
    {"kind": .., "payload": "<customer-signed text, exactly as stored>",
     "invoice": {"number": .., "amount_tyiyn": .., "memo": .., "created_at": ..},
     "received_at": .., "key": "<idempotency key>", "tx_hash": ..}          (n lines)
    {"signature": "<Ed25519 signature, 128 hex, over every byte of the lines above>"}

What the checks prove
    *Integrity.* The device signature covers every byte before the signature line, and the
    signature line must be written exactly as the exporter writes it, so a flipped byte, a
    removed, added or re-ordered line, a cut-off file or a text-mode copy (CRLF) is refused as a
    whole, before anything is written.
    *Authenticity of the device.* The key is created on each till on first use
    (``device-key.pem``, 0600). The header carries the public key; a till imports only files
    signed by a till a manager paired once, comparing the fingerprint both screens show
    (``pairing.py``; ``expect_device=`` / ``--expect-device`` pairs). A file signed by any other
    key is refused whole.
    *The money.* What cannot be forged is the customer's signature on each payment. Every item
    is checked again against this machine's shop facts (payload well formed and signed by the
    payer it names, this network, this token, paid to this shop). The imported sale is for what
    the customer signed, and an authorization's time window is checked against the importing
    till's clock: the amounts and receive times the file states are kept only as notes.
    *Nothing stranded.* Exported items are marked handed off; they are taken back when the
    till's own file is loaded on it again, by a person (``queue take-back``), or by its sync
    engine once online and ``HANDOFF_GRACE_S`` after the hand-over (``OfflineQueue``).
    The header (format 3) also carries the sender's audit head, signed by its device key; the importer
    checks that signature and records the head.

Whole file or item by item
    Anything wrong with the file (format, newer version, signature, count, a line that is not an
    entry, another network / token / shop address than this machine's) refuses the whole file
    and changes nothing. A well-formed, correctly signed file whose *payment* fails the re-check
    (e.g. a customer signature that does not verify, another recipient) has only that item
    refused, reported as ``(line, reason)`` and kept in the audit record: the rest of the file is
    good money, and the field device vouched for the bytes. Not re-checked on import, because
    they are the field device's business and the sync engine handles the outcome: the offline
    risk limits and the fee floor (an under-priced transfer ends as ``rejected`` with its payer
    and invoice on record).

Duplicates
    Items are keyed by (chain id, idempotency key) as in the queue: one already on this machine
    is counted as ``already_there`` and skipped, so importing a file twice, or two overlapping
    exports, adds nothing the second time.

The rooms
    ``export.py`` writes a file (and holds ``HandoverTill``, what a hand-over needs from this till);
    ``file.py`` is the file itself: its format, signing and reading it back with every check;
    ``importer.py`` puts a file into this till's queue (pairing, re-checks, taking back);
    ``pairing.py`` owns the tills this one takes files from (``paired_devices``); ``own_file.py``
    says when a loaded file was this till's own. The device key that signs the files is
    ``keys/device.py``; the payments themselves stay the offline queue's (``offline/queue.py``).
"""
