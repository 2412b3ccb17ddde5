"""The shop's words without Qt: the compiled catalogue a language's .ts file gives the CLI.

``packaging/translations.py`` compiles the contexts this package renders ("core" errors,
"history" reasons, "states" labels) from ``resources/translations/sompos_<lang>.ts`` into
``pos_app/text/translations/sompos_<lang>.json`` beside the .qm files the screens load: one source
(the .ts a translator edits), two compiled forms, checked equal by ``translations.py --check``.

``json_translate(lang)`` gives a ``Translate`` for ``Words`` (``pos_app/text/render.py``); an
unknown language, a missing or damaged file all give English (the source text), never an error.
"""
from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import Callable, Mapping

log = logging.getLogger(__name__)

DIR = Path(__file__).resolve().parent / "translations"
LANGUAGES = ("ru", "ky")
Translate = Callable[[str, str, int], str]   # (context, source, count or -1) -> words


def json_path(lang: str, folder: Path = DIR) -> Path:
    return folder / f"sompos_{lang}.json"


def plural_form(lang: str, n: int) -> int:
    """Which of a language's plural forms a count takes, by Qt's rules (so both compiled forms agree).

    Russian has three (1 платёж, 2 платежа, 5 платежей); Qt keeps two for Kyrgyz, as for English.
    """
    n = abs(n)
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 1


@lru_cache(maxsize=8)
def _load(lang: str) -> Mapping[str, Mapping[str, object]]:
    if lang not in LANGUAGES:
        return {}
    try:
        data = json.loads(json_path(lang).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a table of contexts")
        return data
    except (OSError, ValueError) as exc:
        log.warning("the %s catalogue cannot be read (%s); English is shown", lang, exc)
        return {}


def json_translate(lang: str) -> Translate:
    """A ``Translate`` reading ``lang``'s compiled catalogue; the source text where it has none."""
    table = _load(lang)

    def translate(context: str, source: str, n: int = -1) -> str:
        found = table.get(context, {}).get(source) if isinstance(table.get(context), dict) else None
        if isinstance(found, list) and found:
            form = plural_form(lang, n) if n >= 0 else 0
            found = found[min(form, len(found) - 1)]
        return found if isinstance(found, str) and found else source
    return translate

