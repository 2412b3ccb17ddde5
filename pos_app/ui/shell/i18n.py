"""Loading the compiled Qt Linguist translations (.qm) and switching language at run time."""
from __future__ import annotations

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
