"""Run every test named after a finding of issue 10 (``test_f<N>_...``) and count them per finding.

    python3 packaging/dev.py sompos --help >/dev/null   # once: sets up .venv
    .venv/bin/python bench/reliability.py [--markdown]

A "case" is one collected test (each parametrization counts once); "survived" means it passed.
The fault tests (SIGKILL loops, the hostile node, forged files, several tills on one anvil chain)
are ordinary tests, so this is the same suite CI runs, selected and summed. The figures are
written into docs/reliability.md by hand with the date and the machine.
"""
from __future__ import annotations

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"test_f(\d+)_")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = ap.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    anvil = ROOT / "packaging" / "node" / "node_modules" / ".bin" / "anvil"
    if anvil.exists():
        env.setdefault("SOMPOS_ANVIL", str(anvil))
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        t0 = time.monotonic()
        subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", "test_f",
                         f"--junitxml={report}", "tests"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        took = time.monotonic() - t0
        tree = ET.parse(report)
    tried: dict[int, int] = collections.Counter()
    survived: dict[int, int] = collections.Counter()
    for case in tree.iter("testcase"):
        m = NAME.search(case.get("name", ""))
        if not m:
            continue
        n = int(m.group(1))
        tried[n] += 1
        if not any(child.tag in ("failure", "error", "skipped") for child in case):
            survived[n] += 1
    rows = [(n, tried[n], survived[n]) for n in sorted(tried)]
    if args.markdown:
        print("| finding | cases tried | survived |\n|---|---|---|")
        for n, t, s in rows:
            print(f"| {n} | {t} | {s} |")
        print(f"| all | {sum(tried.values())} | {sum(survived.values())} |")
    else:
        for n, t, s in rows:
            print(f"finding {n:2}: {s}/{t} cases survived")
        print(f"all: {sum(survived.values())}/{sum(tried.values())} in {took:.0f} s")
    return 0 if rows and all(t == s for _n, t, s in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
