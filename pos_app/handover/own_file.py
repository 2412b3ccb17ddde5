"""Whether a loaded hand-over file was this till's own, brought back: a decision both faces (the
``sompos`` command line and the till's window) word their answer by, kept here so neither holds
the rule itself."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pos_app.keys.device import device_fingerprint

if TYPE_CHECKING:
    from pos_app.handover.importer import ImportResult


def own_file_returned(result: "ImportResult", data_dir: Path | str, *, expect_device: str | None = None) -> bool:
    """True when a loaded hand-over file was this till's own, brought back (a stick that never
    reached the other till): its payments were taken back to be sent from here, or none of them
    was still handed off. Then the person is told "this till's own file", not "imported 0".

    A file loaded to pair with a named till (``expect_device``) is reported as an import.
    """
    if result.taken_back:
        return True
    # Only an import that took nothing and refused nothing can be the own file; the fingerprint
    # (read from the device key) is compared last, when it can still change the answer.
    return (result.added == 0 and not result.refused and expect_device is None
            and result.device == device_fingerprint(data_dir))
