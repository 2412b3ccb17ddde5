"""Wrong-passphrase counters for keys, kept in the shop database next to the audit chain.

Why the database and not a file next to the key
    A counter in a file beside the key is lifted by deleting that file. Here the count lives in
    the ``key_attempts`` table, and every change of it is also written to the audit chain (event
    ``key.attempts``, subject ``key:<name>``, the new count and lock in ``detail``) in the same
    transaction. Reading takes the stricter of the two (more failures, longer lock), so deleting or
    zeroing the row does not lift a lock: the last audit record still shows it, and the row is
    written back to agree. Removing the audit record as well breaks the audit chain, which
    ``Store.verify_audit_chain`` reports; a damaged row or record counts as a fresh lock (fail
    closed). Someone who can rewrite the whole database can also copy the key file and guess
    offline, so this is a defence against guessing at the till; the passphrase strength covers a
    stolen disk.

Why the lock is timed by the monotonic clock, not the wall clock (issue 18, finding 15)
    A lock that ends at a wall-clock time is lifted by setting the clock forward, ten fresh guesses
    each time. So a lock is stored as the seconds still to serve (``lock_left``) at a checkpoint of
    ``time.monotonic()`` (``mono``), and only monotonic time serves it: a reading ``m`` credits
    ``m - mono`` when ``m >= mono``, else ``m`` (the monotonic clock starts again at boot, so after
    a restart of the computer only the time since boot is certain to have passed; a checkpoint is
    written then). Either way the credit is never more than the time that really passed, whatever
    the wall clock says, and the monotonic clock is the system's, so a restart of the app (or another
    process) counts the time between. The wall clock only *shows* the end (``locked_until``); a lock
    is at most ``lockout_seconds`` long, so setting the clock back cannot lengthen it either. A lock
    written by an earlier version (a wall-clock end only) is served against the wall clock once,
    capped at ``lockout_seconds``, and from then on by the monotonic clock.

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
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pos_app.store.audit import last_detail

log = logging.getLogger(__name__)

AUDIT_EVENT = "key.attempts"
_LEGACY_FILE_LIMIT = 4096


@dataclass(frozen=True)
class Attempts:
    """A key's counter at one moment: wrong passphrases in a row, and the lock's end (or None).

    ``locked_until`` is a wall-clock time, for showing: the lock itself is served by the
    monotonic clock (module docstring).
    """

    failures: int
    locked_until: float | None

    @property
    def locked(self) -> bool:
        return self.locked_until is not None


@dataclass(frozen=True)
class _Lock:
    """What one stored source says now: failures, and seconds of lock still to serve (0: none)."""

    failures: int
    left: float


class KeyAttempts:
    """The wrong-passphrase counter of the key ``name`` in ``store`` (a ``pos_app.store.db.Store``).

    ``clock`` is the wall clock (only to show when a lock ends), ``monotonic`` the clock that
    serves a lock; both are injectable for tests.
    """

    def __init__(self, store, name: str, *, max_attempts: int, lockout_seconds: int,
                 clock: Callable[[], float], legacy_file: Path | None = None,
                 actor: str = "till", monotonic: Callable[[], float] = time.monotonic) -> None:
        self.store = store
        self.name = name
        self.max_attempts = max_attempts
        self.lockout_seconds = lockout_seconds
        self._clock = clock
        self._monotonic = monotonic
        self.legacy_file = legacy_file
        self.actor = actor
        self._legacy_folded = False

    # ------------------------------------------------------------------ the three moves

    def current(self) -> Attempts:
        """The counter as it stands now (a served lock counts as none)."""
        with self._transaction() as conn:
            wall, mono = self._now()
            return self._shown(self._current(conn, wall, mono), wall)

    def reserve(self) -> tuple[Attempts, bool]:
        """Count one guess before it is tried: (the new state, False), or (the lock, True) if locked."""
        with self._transaction() as conn:
            wall, mono = self._now()
            state = self._current(conn, wall, mono)
            if state.left > 0:
                return self._shown(state, wall), True
            failures = state.failures + 1
            left = float(self.lockout_seconds) if failures >= self.max_attempts else 0.0
            new = _Lock(failures, left)
            self._write(conn, new, wall, mono, "locked: too many wrong passphrases" if left else "guess counted")
            if left:
                log.warning("Key %s locked after %d wrong passphrases", self.name, failures)
            return self._shown(new, wall), False

    def succeeded(self) -> None:
        """The passphrase was right: the count starts again from zero."""
        with self._transaction() as conn:
            wall, mono = self._now()
            self._current(conn, wall, mono)  # folds in an old attempts file, so it cannot come back
            self._write(conn, _Lock(0, 0.0), wall, mono, "unlocked")

    def take_back(self) -> None:
        """The guess could not be tried (the key file was unreadable): it does not count."""
        with self._transaction() as conn:
            wall, mono = self._now()
            state = self._current(conn, wall, mono)
            failures = max(0, state.failures - 1)
            left = state.left if failures >= self.max_attempts else 0.0
            self._write(conn, _Lock(failures, left), wall, mono, "guess not counted: key file unreadable")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[object]:
        """``BEGIN IMMEDIATE`` .. ``COMMIT``; an old attempts file folded in is removed after it."""
        self._legacy_folded = False
        with self.store.transaction() as conn:
            yield conn
        if self._legacy_folded:
            self._remove_legacy()

    def _now(self) -> tuple[float, float]:
        return float(self._clock()), float(self._monotonic())

    @staticmethod
    def _shown(state: _Lock, wall: float) -> Attempts:
        return Attempts(state.failures, math.ceil(wall + state.left) if state.left > 0 else None)

    # ------------------------------------------------------------------ reading

    def _current(self, conn, wall: float, mono: float) -> _Lock:
        """The stricter of the audit record, the row and an old attempts file, made to agree; a
        served lock reads as a fresh count."""
        audit, restarted = self._audit(conn, wall, mono)
        row = self._row(conn, audit)
        legacy = self._legacy(wall)
        stored = [s for s in (audit, row, legacy) if s is not None]
        if not stored:
            return _Lock(0, 0.0)
        merged = _Lock(max(s.failures for s in stored), max(s.left for s in stored))
        if audit != merged or row is None or row.failures != merged.failures or legacy is not None or restarted:
            why = ("moved from the old attempts file" if legacy is not None
                   else "the computer was restarted: only the time since is counted" if restarted
                   else "counter restored")
            if row is not None and audit is not None and row.failures != audit.failures:
                log.warning("Key %s attempt counter disagreed with the audit record; "
                            "the stricter one is kept", self.name)
            self._write(conn, merged, wall, mono, why)
            self._legacy_folded = legacy is not None
        if merged.failures >= self.max_attempts and merged.left <= 0:
            return _Lock(0, 0.0)  # lock served: a fresh set of attempts
        return merged

    def _audit(self, conn, wall: float, mono: float) -> tuple[_Lock | None, bool]:
        """The last audit record's count and the lock it still holds now; True when the monotonic
        clock started again since (the computer was restarted)."""
        found = last_detail(conn, AUDIT_EVENT, self._subject)
        if found is None:
            return None, False
        try:
            detail = json.loads(found)
            failures, until = detail["failures"], detail["locked_until"]
            if not (_natural(failures) and _natural(until)):
                return self._damaged("audit record"), False
            if "lock_left" not in detail:                       # written by an earlier version
                return _Lock(failures, self._wall_left(until, wall)), False
            left, since = detail["lock_left"], detail["mono"]
            if not (_natural(left) and isinstance(since, (int, float)) and not isinstance(since, bool)
                    and math.isfinite(since) and since >= 0):
                return self._damaged("audit record"), False
        except (ValueError, TypeError, KeyError, RecursionError):
            return self._damaged("audit record"), False
        restarted = mono < since
        served = mono if restarted else mono - since      # never more than the time that really passed
        return _Lock(failures, max(0.0, min(float(left), self.lockout_seconds) - served)), restarted and left > 0

    def _row(self, conn, audit: _Lock | None) -> _Lock | None:
        """The row: a copy of the audit record's numbers, to read at a glance. Its lock is timed by
        the audit record; a lock only the row knows of cannot be timed, so it counts as a fresh one."""
        found = conn.execute("SELECT failures, locked_until FROM key_attempts WHERE name = ?",
                             (self.name,)).fetchone()
        if found is None:
            return None
        failures, until = found
        if not (_natural(failures) and _natural(until)):
            return self._damaged("row")
        if failures < self.max_attempts and not until:
            return _Lock(failures, 0.0)
        if audit is not None and audit.failures >= self.max_attempts:
            return _Lock(failures, audit.left)
        return _Lock(failures, float(self.lockout_seconds))

    def _legacy(self, wall: float) -> _Lock | None:
        if self.legacy_file is None:
            return None
        try:
            with open(self.legacy_file, "rb") as fh:
                data = json.loads(fh.read(_LEGACY_FILE_LIMIT + 1)[:_LEGACY_FILE_LIMIT].decode("utf-8"))
            until = data["locked_until"]
            if isinstance(until, float) and math.isfinite(until):
                until = math.ceil(until)
            failures, until = data["failures"], until or 0
            if not (_natural(failures) and _natural(until)):
                return self._damaged("old attempts file")
            return _Lock(failures, self._wall_left(until, wall))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return self._damaged("old attempts file")

    def _wall_left(self, until: int, wall: float) -> float:
        """A lock written as a wall-clock end (before this version): what is left, at most a lockout."""
        return max(0.0, min(float(self.lockout_seconds), until - wall)) if until else 0.0

    def _damaged(self, where: str) -> _Lock:
        # A counter that cannot be read must not hand out fresh attempts: start a lock now.
        log.warning("Key %s attempt counter (%s) is damaged; locking for %d s", self.name, where,
                    self.lockout_seconds)
        return _Lock(self.max_attempts, float(self.lockout_seconds))

    # ------------------------------------------------------------------ writing

    @property
    def _subject(self) -> str:
        return f"key:{self.name}"

    def _write(self, conn, state: _Lock, wall: float, mono: float, why: str) -> None:
        left = math.ceil(state.left) if state.left > 0 else 0
        until = math.ceil(wall + left) if left else 0         # for showing; the lock is ``lock_left``
        conn.execute(
            "INSERT INTO key_attempts(name, failures, locked_until, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET failures = excluded.failures, "
            "locked_until = excluded.locked_until, updated_at = excluded.updated_at",
            (self.name, state.failures, until, int(wall)))
        self.store.audit(self.actor, AUDIT_EVENT, self._subject,
                         {"failures": state.failures, "locked_until": until, "lock_left": left,
                          "mono": math.floor(mono * 1000) / 1000}, why)   # never later than now

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
