"""Reproducible packages: two builds of one commit from scratch give byte-identical packages.

Both builds run at once (separate work folders; ``packaging/build.py`` sets up its build
environment under a lock, so a clean machine installs it once). A file of its own, so a second
test worker runs it beside test_build.py's build.
"""
from __future__ import annotations

import concurrent.futures
import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.packaging.conftest import ROOT, need


def _build(out: Path, work: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--out", str(out),
                           "--work", str(work)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)


def _hashes(folder: Path) -> dict[Path, str]:
    return {p.relative_to(folder): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


def test_two_builds_of_one_commit_give_the_same_packages(tmp_path):
    need("gcc", "icupkg", "dpkg-deb", "readelf")
    runs = [tmp_path / "a", tmp_path / "b"]
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        done = list(pool.map(lambda d: _build(d / "out", d / "work"), runs))
    for r in done:
        assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    first, second = ((d / "out" / "SHA256SUMS").read_text() for d in runs)
    assert first.count("\n") == 2 and ".deb" in first and ".tar.xz" in first, first
    if first != second:
        a, b = (_hashes(d / "work" / "dist" / "sompos") for d in runs)
        differ = sorted(str(k) for k in set(a) | set(b) if a.get(k) != b.get(k))
        raise AssertionError("builds differ in: " + (", ".join(differ[:20]) or "the packages only"))
