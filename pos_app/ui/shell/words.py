"""The one catalogue (``pos_app/text/``) in the GUI's language.

``words()`` is ``pos_app.text.render.Words`` given Qt's installed translator (the .qm files
``pos_app.ui.shell.i18n.install_language`` loaded) and ``QLocale``'s way of writing numbers; the
CLI renders the same codes from the same .ts files through their JSON form.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from pos_app.text.render import Words


def qt_translate(context: str, source: str, n: int = -1) -> str:
    """Qt's installed translator as a ``Translate`` for ``Words``."""
    return QCoreApplication.translate(context, source, None, n)


def words() -> Words:
    """The words of the installed language with its way of writing numbers."""
    loc = QLocale()
    return Words(qt_translate, decimal_point=loc.decimalPoint(), group_separator=loc.groupSeparator())
