#!/usr/bin/env python3
"""Keep the Russian and Kyrgyz translations of the Qt app in step with the source strings.

The English text in ``self.tr("…")`` calls in ``pos_app/ui/**/*.py`` is the source language. Qt's
Linguist tools move it through two files per language:

* ``resources/translations/sompos_<lang>.ts``: XML that translators edit (source + translation);
* ``pos_app/ui/translations/sompos_<lang>.qm``: the compiled form the app loads (``pos_app.ui.shell.i18n``).

Workflow (both files are committed, so a user never needs the Linguist tools):

1. Add or change a user-visible string in ``pos_app/ui/**/*.py``, always as ``self.tr("…")`` with
   ``%1``/``%2`` placeholders (never f-strings or ``+`` inside the ``tr()`` call: lupdate only sees a
   plain string literal written directly in ``self.tr(...)``).
2. ``python packaging/translations.py``: pyside6-lupdate merges the new strings into both .ts files
   (marked unfinished; old translations are kept, removed strings become "vanished"), then
   pyside6-lrelease compiles the .qm files.
3. Translate: open the .ts in Qt Linguist (``pyside6-linguist resources/translations/sompos_ky.ts``)
   or edit the XML (replace ``<translation type="unfinished"></translation>`` with
   ``<translation>…</translation>``). Keep ``%1``, ``%2`` and brand names as they are.
4. ``python packaging/translations.py`` again to compile the .qm files.
5. Commit the .ts and the .qm files together.

Counts use Qt's plural forms: ``self.tr("%n payment(s)", "", n)`` becomes a numerus message with
one ``<numerusform>`` per plural form of the language (Russian 3: платёж / платежа / платежей).
Qt has no plural rule of its own for Kyrgyz and keeps 2 forms for it (as for English); Kyrgyz does
not change the noun after a number ("1 төлөм", "5 төлөм"), so both forms hold the same text. A
form left empty makes Qt show the English source, so every form must be filled. English itself
has no .ts: ``pos_app.ui.shell.i18n.plural`` turns "(s)" into the right English ending.

``python packaging/translations.py --check`` changes nothing: it exits 1 when a string in the
sources is missing from a .ts file, a message is unfinished (or vanished without a translation),
a numerus message lacks one of its language's plural forms, or the committed .qm files differ from a fresh pyside6-lrelease of the committed .ts files.
``--release`` only compiles (step 4) without running lupdate.

The tools are looked up next to the running Python first (a virtualenv with PySide6 installed),
then on PATH. Only the standard library is used here.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "pos_app" / "ui"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = UI_DIR / "translations"
# The Qt-free catalogue (pos_app/text/): the contexts it renders, compiled to JSON for the CLI.
TEXT_DIR = ROOT / "pos_app" / "text"
JSON_DIR = TEXT_DIR / "translations"
JSON_CONTEXTS = ("core", "history", "states")
LANGUAGES = ("ru", "ky")
# How many <numerusform>s pyside6-lupdate gives a numerus message in each language (Qt's rules).
NUMERUS_FORMS = {"ru": 3, "ky": 2}
OBSOLETE_TYPES = ("vanished", "obsolete")


def ts_path(lang: str, ts_dir: Path = TS_DIR) -> Path:
    return ts_dir / f"sompos_{lang}.ts"


def qm_path(lang: str, qm_dir: Path = QM_DIR) -> Path:
    return qm_dir / f"sompos_{lang}.qm"


def json_path(lang: str, json_dir: Path = JSON_DIR) -> Path:
    return json_dir / f"sompos_{lang}.json"


def compile_json(ts: Path) -> str:
    """The catalogue ``pos_app/text/catalogue.py`` reads: the finished messages of the contexts
    it renders, ``{context: {source: translation or [plural forms]}}``, in a stable order."""
    out: dict[str, dict[str, object]] = {}
    for m in messages(ts):
        if m["context"] in JSON_CONTEXTS and not m["type"]:
            out.setdefault(m["context"], {})[m["source"]] = m["forms"] if m["numerus"] else m["translation"]
    return json.dumps(out, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def find_tool(name: str) -> str:
    """``pyside6-lupdate``/``pyside6-lrelease``: next to this Python (its venv), else on PATH."""
    exe = name + (".exe" if os.name == "nt" else "")
    here = Path(sys.executable).parent / exe
    if here.is_file():
        return str(here)
    found = shutil.which(name)
    if found:
        return found
    raise SystemExit(f"translations: {name} not found next to {sys.executable} or on PATH; "
                     "install PySide6 in this environment.")


def sources() -> list[Path]:
    """Every file with user-visible strings: the screens, the core's error list, the catalogue."""
    return sorted([*UI_DIR.rglob("*.py"), ROOT / "pos_app" / "core" / "messages.py", *TEXT_DIR.glob("*.py")])


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def _run(cmd: list[str]) -> str:
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    out = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0:
        raise SystemExit(f"translations: {Path(cmd[0]).name} failed ({proc.returncode}):\n{out}")
    return out


def lupdate(ts_files: list[Path]) -> str:
    """Merge the strings of pos_app/ui/**/*.py into ``ts_files`` (kept translations, new = unfinished)."""
    files = [_rel(p) for p in sources()]
    return _run([find_tool("pyside6-lupdate"), "-locations", "absolute", *files,
                 "-ts", *[str(p) for p in ts_files]])


def lrelease(ts: Path, qm: Path) -> str:
    qm.parent.mkdir(parents=True, exist_ok=True)
    return _run([find_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)])


def messages(ts: Path) -> list[dict]:
    """Every message of a .ts file: context, source, translation text, type ('' when finished);
    a numerus message also has its plural ``forms`` (its ``translation`` is them joined)."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            numerus = m.get("numerus") == "yes"
            forms = [f.text or "" for f in tr.iter("numerusform")] if numerus and tr is not None else []
            text = " | ".join(forms) if numerus else ((tr.text or "") if tr is not None else "")
            out.append({"context": name, "source": m.findtext("source") or "", "translation": text,
                        "numerus": numerus, "forms": forms,
                        "type": (tr.get("type") or "") if tr is not None else "unfinished"})
    return out


def active(ts: Path) -> set[tuple[str, str]]:
    return {(m["context"], m["source"]) for m in messages(ts) if m["type"] not in OBSOLETE_TYPES}


def _language(ts: Path) -> str:
    return ts.stem.rpartition("_")[2]


def problems(ts: Path) -> list[str]:
    """Messages that would ship untranslated: unfinished, empty (a numerus message: any of its
    plural forms empty or missing), or vanished without a translation."""
    bad = []
    want = NUMERUS_FORMS.get(_language(ts))
    for m in messages(ts):
        where = f'{ts.name}: [{m["context"]}] "{m["source"]}"'
        empty = (not m["translation"].strip() if not m["numerus"]
                 else not m["forms"] or any(not f.strip() for f in m["forms"]))
        if m["type"] == "unfinished" or (m["type"] not in OBSOLETE_TYPES and empty):
            bad.append(f"{where} is not translated" + (" (every plural form)" if m["numerus"] else ""))
        elif m["type"] in OBSOLETE_TYPES and empty:
            bad.append(f"{where} vanished without a translation (run without --check to clean up)")
        elif m["numerus"] and m["type"] not in OBSOLETE_TYPES and want and len(m["forms"]) != want:
            bad.append(f"{where} has {len(m['forms'])} plural forms; {ts.name} needs {want}")
    return bad


def update_and_release() -> int:
    print(lupdate([ts_path(lang) for lang in LANGUAGES]))
    return release()


def release() -> int:
    for lang in LANGUAGES:
        print(lrelease(ts_path(lang), qm_path(lang)))
        json_path(lang).parent.mkdir(parents=True, exist_ok=True)
        json_path(lang).write_text(compile_json(ts_path(lang)), encoding="utf-8")
    todo = [p for lang in LANGUAGES for p in problems(ts_path(lang))]
    for p in todo:
        print(f"  to translate: {p}")
    if todo:
        print(f"translations: {len(todo)} message(s) still to translate; edit the .ts files and run again.")
    return 0


def check() -> int:
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="sompos-tr-") as tmp:
        tmp_dir = Path(tmp)
        # 1. Are the committed .ts files in step with the sources? (lupdate on copies)
        copies = []
        for lang in LANGUAGES:
            copy = ts_path(lang, tmp_dir)
            shutil.copyfile(ts_path(lang), copy)
            copies.append(copy)
        lupdate(copies)
        for lang, copy in zip(LANGUAGES, copies):
            committed, fresh = active(ts_path(lang)), active(copy)
            for ctx, src in sorted(fresh - committed):
                failures.append(f'{ts_path(lang).name}: [{ctx}] "{src}" is in the sources but not in the .ts '
                                "(run packaging/translations.py)")
            for ctx, src in sorted(committed - fresh):
                failures.append(f'{ts_path(lang).name}: [{ctx}] "{src}" is no longer in the sources '
                                "(run packaging/translations.py)")
        # 2. Is every message translated?
        for lang in LANGUAGES:
            failures.extend(problems(ts_path(lang)))
        # 3. Are the committed .qm files what lrelease makes of the committed .ts files?
        for lang in LANGUAGES:
            fresh_qm = qm_path(lang, tmp_dir / "qm")
            lrelease(ts_path(lang), fresh_qm)
            committed_qm = qm_path(lang)
            if not committed_qm.is_file():
                failures.append(f"{_rel(committed_qm)} is missing (run packaging/translations.py)")
            elif committed_qm.read_bytes() != fresh_qm.read_bytes():
                failures.append(f"{_rel(committed_qm)} is out of date with its .ts "
                                "(run packaging/translations.py)")
            # 4. ... and the CLI's JSON catalogue what they give?
            committed_json = json_path(lang)
            if not committed_json.is_file() or committed_json.read_text(encoding="utf-8") != compile_json(ts_path(lang)):
                failures.append(f"{_rel(committed_json)} is missing or out of date with its .ts "
                                "(run packaging/translations.py)")
    for f in failures:
        print(f"translations: {f}", file=sys.stderr)
    if not failures:
        print("translations: OK (" + ", ".join(f"{lang}: {len(active(ts_path(lang)))} messages"
                                                for lang in LANGUAGES) + ")")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="change nothing; exit 1 if the .ts/.qm files are stale or incomplete")
    mode.add_argument("--release", action="store_true", help="only compile the .ts files into .qm files")
    args = ap.parse_args(argv)
    if args.check:
        return check()
    if args.release:
        return release()
    return update_and_release()


if __name__ == "__main__":
    sys.exit(main())
