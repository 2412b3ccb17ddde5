"""Wrong-passphrase counters for keys, kept in the shop database next to the audit chain.

Why the database and not a file next to the key
    A counter in a file beside the key is lifted by deleting that file. Here the count lives in
    the ``key_attempts`` table, and every change of it is also written to the audit chain (event
    ``key.attempts``, subject ``key:<name>``, the new count and lock time in ``detail``) in the same
    transaction. Reading takes the stricter of the two (more failures, later lock), so deleting or
    zeroing the row does not lift a lock: the last audit record still shows it, and the row is
    written back to agree. Removing the audit record as well breaks the audit chain, which
    ``Store.verify_audit_chain`` reports; a damaged row or record counts as a fresh lock (fail
    closed). Someone who can rewrite the whole database can also copy the key file and guess
    offline, so this is a defence against guessing at the till; the passphrase strength covers a
    stolen disk.

Why ``BEGIN IMMEDIATE``
    Each guess is counted by reading and raising the count inside one ``BEGIN IMMEDIATE``
    transaction, which SQLite grants to one connection of one process at a time. Eight guesses
    started at the same moment by eight processes are therefore counted as eight. The count is
    raised *before* the slow decryption (outside the transaction, so a guess does not hold up
    sales) and taken back only when the key file turns out to be unreadable, so killing the app in
    the middle of a guess does not give a free guess.

Earlier versions kept the count in ``<data_dir>/relay-key.attempts``. Such a file is folded into
the table (the stricter state wins; a damaged file counts as a lock) and then removed; a file
written afterwards can only make the count stricter.
"""
from __future__ import annotations

import contextlib
import json
import logging
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

AUDIT_EVENT = "key.attempts"
_LEGACY_FILE_LIMIT = 4096


@dataclass(frozen=True)
class Attempts:
    """A key's counter at one moment: wrong passphrases in a row, and the lock's end (or None)."""

    failures: int
    locked_until: float | None

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


class KeyAttempts:
    """The wrong-passphrase counter of the key ``name`` in ``store`` (a ``pos_app.store.db.Store``)."""

    def __init__(self, store, name: str, *, max_attempts: int, lockout_seconds: int,
                 clock: Callable[[], float], legacy_file: Path | None = None,
                 actor: str = "till") -> None:
        self.store = store
        self.name = name
        self.max_attempts = max_attempts
        self.lockout_seconds = lockout_seconds
        self._clock = clock
        self.legacy_file = legacy_file
        self.actor = actor
        self._legacy_folded = False

    # ------------------------------------------------------------------ the three moves

    def current(self) -> Attempts:
        """The counter as it stands now (an expired lock counts as none)."""
        with self._transaction() as conn:
            return self._current(conn, self._clock())

    def reserve(self) -> tuple[Attempts, bool]:
        """Count one guess before it is tried: (the new state, False), or (the lock, True) if locked."""
        with self._transaction() as conn:
            now = self._clock()
            state = self._current(conn, now)
            if state.locked:
                return state, True
            failures = state.failures + 1
            until = math.ceil(now + self.lockout_seconds) if failures >= self.max_attempts else None
            new = Attempts(failures, until)
            self._write(conn, new, now, "locked: too many wrong passphrases" if until else "guess counted")
            if until:
                log.warning("Key %s locked after %d wrong passphrases", self.name, failures)
            return new, False

    def succeeded(self) -> None:
        """The passphrase was right: the count starts again from zero."""
        with self._transaction() as conn:
            now = self._clock()
            self._current(conn, now)  # folds in an old attempts file, so it cannot come back
            self._write(conn, Attempts(0, None), now, "unlocked")

    def take_back(self) -> None:
        """The guess could not be tried (the key file was unreadable): it does not count."""
        with self._transaction() as conn:
            now = self._clock()
            state = self._current(conn, now)
            failures = max(0, state.failures - 1)
            until = state.locked_until if failures >= self.max_attempts else None
            self._write(conn, Attempts(failures, until), now, "guess not counted: key file unreadable")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[object]:
        """``BEGIN IMMEDIATE`` .. ``COMMIT``; an old attempts file folded in is removed after it."""
        self._legacy_folded = False
        with self.store.transaction() as conn:
            yield conn
        if self._legacy_folded:
            self._remove_legacy()

    # ------------------------------------------------------------------ reading

    def _current(self, conn, now: float) -> Attempts:
        """The stricter of the row, the last audit record and an old attempts file; made to agree."""
        row = self._row(conn, now)
        audit = self._audit(conn, now)
        legacy = self._legacy(now)
        stored = [s for s in (row, audit, legacy) if s is not None]
        if not stored:
            return Attempts(0, None)
        failures = max(s.failures for s in stored)
        until = max((s.locked_until or 0) for s in stored) or None
        if until is None and failures >= self.max_attempts:
            until = math.ceil(now + self.lockout_seconds)  # should not happen; fail closed
        if until is not None and until - now > self.lockout_seconds:
            until = math.ceil(now + self.lockout_seconds)  # the clock went back: cap the wait
        merged = Attempts(failures, until)
        if row != merged or audit != merged or legacy is not None:
            why = "moved from the old attempts file" if legacy is not None else "counter restored"
            if row is not None and audit is not None and row != audit:
                log.warning("Key %s attempt counter disagreed with the audit record; "
                            "the stricter one is kept", self.name)
            self._write(conn, merged, now, why)
            self._legacy_folded = legacy is not None
        if until is not None and now >= until:
            return Attempts(0, None)  # lock served: a fresh set of attempts
        return merged

    def _row(self, conn, now: float) -> Attempts | None:
        found = conn.execute("SELECT failures, locked_until FROM key_attempts WHERE name = ?",
                             (self.name,)).fetchone()
        if found is None:
            return None
        return self._checked(found[0], found[1], now, "row")

    def _audit(self, conn, now: float) -> Attempts | None:
        found = conn.execute("SELECT detail FROM audit_log WHERE event = ? AND subject = ? "
                             "ORDER BY id DESC LIMIT 1", (AUDIT_EVENT, self._subject)).fetchone()
        if found is None:
            return None
        try:
            detail = json.loads(found[0])
            return self._checked(detail["failures"], detail["locked_until"], now, "audit record")
        except (ValueError, TypeError, KeyError, RecursionError):
            return self._damaged(now, "audit record")

    def _legacy(self, now: float) -> Attempts | None:
        if self.legacy_file is None:
            return None
        try:
            with open(self.legacy_file, "rb") as fh:
                data = json.loads(fh.read(_LEGACY_FILE_LIMIT + 1)[:_LEGACY_FILE_LIMIT].decode("utf-8"))
            until = data["locked_until"]
            if isinstance(until, float) and math.isfinite(until):
                until = math.ceil(until)
            return self._checked(data["failures"], until or 0, now, "old attempts file")
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return self._damaged(now, "old attempts file")

    def _checked(self, failures: object, until: object, now: float, where: str) -> Attempts:
        if not (_natural(failures) and _natural(until)):
            return self._damaged(now, where)
        return Attempts(failures, until or None)  # type: ignore[arg-type]

    def _damaged(self, now: float, where: str) -> Attempts:
        # A counter that cannot be read must not hand out fresh attempts: start a lock now.
        log.warning("Key %s attempt counter (%s) is damaged; locking for %d s", self.name, where,
                    self.lockout_seconds)
        return Attempts(self.max_attempts, math.ceil(now + self.lockout_seconds))

    # ------------------------------------------------------------------ writing

    @property
    def _subject(self) -> str:
        return f"key:{self.name}"

    def _write(self, conn, state: Attempts, now: float, why: str) -> None:
        until = state.locked_until or 0
        conn.execute(
            "INSERT INTO key_attempts(name, failures, locked_until, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET failures = excluded.failures, "
            "locked_until = excluded.locked_until, updated_at = excluded.updated_at",
            (self.name, state.failures, until, int(now)))
        self.store.audit(self.actor, AUDIT_EVENT, self._subject,
                         {"failures": state.failures, "locked_until": until}, why)

    def _remove_legacy(self) -> None:
        # Removed only after the count is committed to the table; if this fails the file is read
        # again and can only make the count stricter.
        try:
            self.legacy_file.unlink(missing_ok=True)  # type: ignore[union-attr]
        except OSError as exc:
            log.warning("The old attempts file could not be removed: %s", exc.strerror)


def _natural(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**62


__all__ = ["AUDIT_EVENT", "Attempts", "KeyAttempts"]
