"""Loading the compiled Qt Linguist translations (.qm), switching language at run time, plurals."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

QM_DIR = Path(__file__).resolve().parents[1] / "translations"
_installed: list[QTranslator] = []


def install_language(language: str) -> bool:
    """Replace the app's translator; English needs none (the source strings are English)."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(QLocale({"ky": QLocale.Language.Kyrgyz, "ru": QLocale.Language.Russian}.get(
        language, QLocale.Language.English)))
    if language == "en":
        return True
    t = QTranslator(app)
    if t.load(str(QM_DIR / f"sompos_{language}.qm")):
        app.installTranslator(t)
        _installed.append(t)
        return True
    return False


_ENGLISH_PLURAL = re.compile(r"\((e?s)\)")


def plural(text: str, n: int) -> str:
    """A numerus text (``self.tr("%n payment(s)", "", n)``) finished for English.

    Russian and Kyrgyz get their forms from the .qm files (three forms in Russian; Kyrgyz, which
    says "3 төлөм", has the same text in both of the forms Qt keeps for it). English has no
    translator, so Qt returns the source with only ``%n`` filled in: "(s)" becomes "s" or nothing
    here. A translated text has no "(s)" and passes unchanged.
    """
    return _ENGLISH_PLURAL.sub(lambda m: "" if abs(n) == 1 else m.group(1), text)
