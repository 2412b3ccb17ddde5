"""The Qt part of ``sompos --self-test``: the shipped ky and ru translations load and translate.

Uses a bare ``QTranslator`` (no QApplication, no display), so it runs on a headless server.
"""
from __future__ import annotations

from pathlib import Path

from pos_app.app.selftest import Step

# A string every build shows on its first screen; if it comes back English the .qm is broken.
PROBE = ("SaleScreen", "Clear")


def _translations(scratch: Path) -> str:
    from PySide6.QtCore import QTranslator

    from pos_app.ui.shell.i18n import QM_DIR
    seen = []
    for lang in ("ky", "ru"):
        t = QTranslator()
        path = QM_DIR / f"sompos_{lang}.qm"
        if not t.load(str(path)):
            raise RuntimeError(f"cannot load {path}")
        text = t.translate(*PROBE)
        if not text or text == PROBE[1]:
            raise RuntimeError(f"{lang}: {PROBE[1]!r} is not translated")
        seen.append(f"{lang} {text!r}")
    return "loaded " + ", ".join(seen)


STEP = Step("translations", _translations)
