"""One renderer: a code and its parameters in the shop's words and language.

``Words`` turns what the core stores or raises into what a person reads:

* ``error(err)``: a ``PosError`` by its key (``pos_app/core/messages.py``), parameters filled in,
  catalogue nouns translated, amounts written the local way;
* ``reason(r)``, ``history(row)``, ``queue_history(row)``: a history row's code (``core/reasons.py``)
  in shop words (``pos_app/text/words.py``: no block, nonce or 0x address);
* ``invoice_state(s)``, ``queue_state(s)``, ``queue_failure(s)``: each state's one label.

It is given a ``Translate`` (context, source, count) -> words: the screens pass Qt's translator
(the .qm files), the CLI the compiled catalogue (``pos_app/text/catalogue.py``); both come from the
same .ts files. Nothing here raises: an unknown key, a missing or broken translation (a field lost
or renamed) give the English text.
"""
from __future__ import annotations

import re
import string
from decimal import Decimal
from typing import Any, Callable, Mapping

from pos_app.core.errors import PosError
from pos_app.core.messages import MESSAGES, NOUNS
from pos_app.core.reasons import Reason
from pos_app.text import words as W

Translate = Callable[[str, str, int], str]
_NOUNS = frozenset(n for n in NOUNS if "{" not in n)
_NOUN_PATTERNS = tuple(n for n in NOUNS if "{" in n)
_ENGLISH_PLURAL = re.compile(r"\((e?s)\)")
# How each language writes 1 250,50 (what QLocale says for ru and ky: a no-break space groups).
SEPARATORS = {"en": (".", ","), "ru": (",", "\u00a0"), "ky": (",", "\u00a0")}


def english(context: str, source: str, n: int = -1) -> str:
    """The ``Translate`` of the source language: the text as written."""
    return source


def english_plural(text: str, n: int) -> str:
    """A count's "(s)" finished for English ("%n payment(s)" -> "1 payment", "3 payments");
    a translated text has no "(s)" and passes unchanged."""
    return _ENGLISH_PLURAL.sub(lambda m: "" if abs(n) == 1 else m.group(1), text)


def fields(text: str) -> set[str]:
    """The field names of a template ("{invoice}" -> "invoice"); ValueError if it is malformed."""
    names = set()
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None:
            names.add(name.partition(".")[0].partition("[")[0])
    return names


class _Formatter(string.Formatter):
    def __init__(self, decimal_point: str, group: str) -> None:
        self.decimal_point, self.group = decimal_point, group

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Decimal):
            exponent = value.as_tuple().exponent
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            text = f"{value:,.{places}f}"
            return text.replace(",", "\0").replace(".", self.decimal_point).replace("\0", self.group)
        return super().format_field(value, format_spec)


class Words:
    """Codes into words with one ``Translate`` and one way of writing numbers."""

    def __init__(self, translate: Translate = english, *, decimal_point: str = ".",
                 group_separator: str = ",") -> None:
        self._translate = translate
        self._formatter = _Formatter(decimal_point, group_separator)

    @classmethod
    def for_language(cls, lang: str, translate: Translate | None = None) -> "Words":
        """``lang``'s words from its compiled catalogue (the CLI), or from ``translate`` when given."""
        if translate is None:
            from pos_app.text.catalogue import json_translate
            translate = json_translate(lang) if lang != "en" else english
        point, group = SEPARATORS.get(lang, SEPARATORS["en"])
        return cls(translate, decimal_point=point, group_separator=group)

    def tr(self, context: str, source: str, n: int = -1) -> str:
        try:
            text = self._translate(context, source, n)
        except Exception:  # noqa: BLE001 - a translator must never hide what it translates
            return source
        return text if isinstance(text, str) and text else source

    # -- errors ------------------------------------------------------------------------------------
    def _localised(self, context: str, source: str, params: Mapping[str, Any]) -> str | None:
        translated = self.tr(context, source)
        if _safe_fields(translated) != _safe_fields(source):
            return None
        if not fields(source) and not params:
            return translated  # like PosError: a template without params is not formatted
        return self._formatter.format(translated, **params)

    def _param(self, value: Any, params: Mapping[str, Any]) -> Any:
        """A parameter as shown: catalogue nouns translated, everything else as it is."""
        if not isinstance(value, str):
            return value
        try:
            if value in _NOUNS:
                return self._localised("core", value, {}) or value
            for noun in _NOUN_PATTERNS:
                try:
                    if noun.format(**params) != value:
                        continue
                except (KeyError, IndexError, ValueError, AttributeError):
                    continue
                return self._localised("core", noun, params) or value
        except Exception:  # noqa: BLE001 - a noun must never break the message
            return value
        return value

    def error(self, err: BaseException) -> str:
        """``err`` in this language; its English ``user_message`` when that is not possible."""
        try:
            fallback = getattr(err, "user_message", None) or str(err)
        except Exception:  # noqa: BLE001 - even a broken exception object gets some text
            fallback = type(err).__name__
        try:
            key = getattr(err, "key", None)
            template = MESSAGES.get(key) if isinstance(key, str) else None
            params = getattr(err, "params", None) or {}
            if template is None or not isinstance(params, Mapping):
                return fallback
            shown = {k: self._param(v, params) for k, v in params.items()}
            text = self._localised("core", template, shown)
            return text if text else fallback
        except Exception:  # noqa: BLE001 - a translation must never hide the error itself
            return fallback

    def message(self, key: str, **params: Any) -> str:
        """The sentence of a key of ``pos_app/core/messages.py`` (what an error with it would say)."""
        return self.error(PosError(key, **params))

    # -- states ------------------------------------------------------------------------------------
    def _state_label(self, labels: Mapping[str, str], state: Any) -> str:
        state = getattr(state, "value", state)   # an InvoiceState / QueueState or its stored value
        if state in labels:
            return self.tr(W.STATES_CONTEXT, labels[state])
        return str(state or "")

    def invoice_state(self, state: Any) -> str:
        """A sale's state as the cashier reads it (one label per state, everywhere)."""
        return self._state_label(W.INVOICE_STATES, state)

    def queue_state(self, state: Any) -> str:
        """An offline payment's state as the cashier reads it (one label per state, everywhere)."""
        return self._state_label(W.QUEUE_STATES, state)

    def queue_failure(self, state: Any) -> str:
        """Why an offline payment in a failed ``state`` failed ("the network refused it" for any other)."""
        state = getattr(state, "value", state)
        return self.tr(W.STATES_CONTEXT, W.QUEUE_FAILURES.get(state, W.QUEUE_FAILURES["rejected"]))

    # -- histories ---------------------------------------------------------------------------------
    def actor(self, actor: str) -> str:
        return self.tr(W.CONTEXT, W.ACTORS[actor]) if actor in W.ACTORS else actor

    def reason(self, reason: "Reason | str | None") -> str:
        """A stored reason (a ``Reason``: code and parameters) in the cashier's words and language.

        Text is shown as it is: a person's own words, or an old row no code matched (schema step 10
        turned every text it recognised into a code; nothing is parsed here)."""
        if not reason:
            return ""
        if not isinstance(reason, Reason):
            return str(reason).strip()
        shown = W.DISPLAY.get(reason.code)
        if shown is None:          # a code this version has no words for: its English line
            return reason.english()
        params: dict[str, Any] = {}
        for name, value in reason.params.items():
            if isinstance(value, Reason):
                value = self.reason(value)
            elif name == "actor":
                value = self.actor(str(value))
            elif name == "state":           # inside a sentence: "failed (refused by network)"
                label = self.queue_state(str(value))
                value = label[:1].lower() + label[1:]
            params[name] = value
        # A count (``%n``): the catalogue's texts are plain messages, translated so they read with
        # any number ("... (%n)"); English gets its "(s)" ending.
        n = int(params.pop("n")) if "%n" in shown and "n" in params else -1
        translated = self.tr(W.CONTEXT, shown)
        got = _safe_fields(translated)
        if got is None or got - params.keys():
            translated = shown                                     # a broken translation: the English
        translated = translated.replace("%n", str(n)) if n >= 0 else translated
        try:
            text = translated.format(**params)
        except (KeyError, IndexError, ValueError):
            return reason.english()
        return english_plural(text, n) if n >= 0 else text

    def _history(self, row: Mapping[str, Any], label: Callable[[Any], str]) -> str:
        before, after = row.get("from_state"), row.get("to_state")
        why = self.reason(row.get("why", row.get("reason")))
        states = label(after)
        if before and before != after:
            states = f"{label(before)} → {states}"
        return f"{states}: {why}" if why else states

    def history(self, row: Mapping[str, Any]) -> str:
        """One invoice history row (``from_state``, ``to_state``, ``reason``) as a cashier reads it:
        "Waiting → Confirming: A payment arrived". A row whose state did not change names it once."""
        return self._history(row, self.invoice_state)

    def queue_history(self, row: Mapping[str, Any]) -> str:
        """One offline payment's history row, like ``history`` with the queue's state words."""
        return self._history(row, self.queue_state)


def _safe_fields(text: str) -> set[str] | None:
    """``fields`` of a translation, or None when it is malformed (so it never equals the source's)."""
    try:
        return fields(text)
    except ValueError:
        return None
