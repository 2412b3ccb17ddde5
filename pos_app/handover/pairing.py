"""Which other tills this till accepts hand-over files from (the ``paired_devices`` table's owner).

Every till has an Ed25519 device key (``keys.device.device_key``); its fingerprint is shown on the
till's Offline queue screen and by ``sompos device show``. A hand-over file is signed by the
device that wrote it, but anyone can make a key and sign a file, so a signature alone proves
nothing about *which* till wrote it. Pairing closes that: a till imports only files signed by a
device a manager accepted once, after comparing the fingerprint on both screens (the CLI's
``--expect-device FINGERPRINT`` or the GUI's confirmation). The accepted public key is pinned;
a file signed by any other key, even one with the same shop address, is refused.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from pos_app.core.errors import BadInput
from pos_app.store.db import Store

FINGERPRINT_HEX = 16


def normalise_fingerprint(text: str) -> str:
    """``"AB12 cd34-ef56 7890"`` -> ``"ab12cd34ef567890"``; refuses anything else."""
    cleaned = "".join(ch for ch in str(text).strip().lower() if ch not in " -:")
    if len(cleaned) != FINGERPRINT_HEX or not all(ch in "0123456789abcdef" for ch in cleaned):
        raise BadInput("handover.till_s_number_16")
    return cleaned


def show_fingerprint(fp: str) -> str:
    """The fingerprint in groups of four, the way both screens show it."""
    return " ".join(fp[i:i + 4] for i in range(0, len(fp), 4))


@dataclass(frozen=True)
class PairedDevice:
    fingerprint: str
    public_key: str
    label: str
    accepted_at: int
    accepted_by: str


class Pairings:
    """The paired tills of this shop database."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, fingerprint: str) -> PairedDevice | None:
        row = self.store.one("SELECT * FROM paired_devices WHERE fingerprint = ?", (fingerprint,))
        return None if row is None else PairedDevice(**row)

    def list(self) -> list[PairedDevice]:
        return [PairedDevice(**r) for r in self.store.query("SELECT * FROM paired_devices ORDER BY accepted_at")]

    def is_trusted(self, fingerprint: str, public_key: str) -> bool:
        dev = self.get(fingerprint)
        return dev is not None and dev.public_key == public_key

    def pair(self, public_key: str, *, actor: str, label: str = "", c: Any = None) -> PairedDevice:
        """Accept the device with this public key (audited); pairing twice changes nothing."""
        from pos_app.keys.device import fingerprint
        fp = fingerprint(public_key)
        now = int(time.time())
        with self.store.transaction() as conn:
            row = conn.execute("SELECT public_key FROM paired_devices WHERE fingerprint = ?", (fp,)).fetchone()
            if row is None:
                conn.execute("INSERT INTO paired_devices(fingerprint, public_key, label, accepted_at, accepted_by)"
                             " VALUES (?,?,?,?,?)", (fp, public_key, label[:80], now, actor))
                self.store.audit(actor, "device.pair", f"device:{fp}", {"public_key": public_key, "label": label})
            elif row[0] != public_key:  # a 64-bit fingerprint collision: never replace a pinned key
                raise BadInput("handover.another_till_same_number")
        dev = self.get(fp)
        assert dev is not None
        return dev

    def forget(self, fingerprint: str, *, actor: str) -> None:
        fp = normalise_fingerprint(fingerprint)
        with self.store.transaction() as c:
            if c.execute("DELETE FROM paired_devices WHERE fingerprint = ?", (fp,)).rowcount == 0:
                raise BadInput("handover.till_number_paired_one",
                               device=show_fingerprint(fp))
            self.store.audit(actor, "device.forget", f"device:{fp}", {})
