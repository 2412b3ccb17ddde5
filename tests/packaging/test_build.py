"""The real Linux build: `python3 packaging/build.py`, the .deb unpacked into a scratch root,
and the installed binary run headless (self-test, old shop databases opened and upgraded).

Slow (PyInstaller builds, ~3 min on 2 cores), so it builds once per test run: two builds at once,
one to install and run, the other to check that two builds of one commit give the same bytes.
"""
from __future__ import annotations

import concurrent.futures
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, need

FIXTURES = ROOT / "tests" / "fixtures"
DEB_LIMIT = 50 * 2**20
INSTALLED_LIMIT = 150 * 2**20


def _build(out: Path, work: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--out", str(out), "--work",
                           str(work)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The build the tests install and run, and a second one from scratch made at the same time
    (separate work folders; build.py sets its environment up under a lock) for the
    reproducibility check: two builds in parallel, not one after the other."""
    need("gcc", "icupkg", "dpkg-deb", "readelf")
    base, again = tmp_path_factory.mktemp("build"), tmp_path_factory.mktemp("build-again")
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        runs = list(pool.map(lambda d: _build(d / "out", d / "work"), (base, again)))
    for r in runs:
        assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    debs = sorted((base / "out").glob("sompos_*_amd64.deb"))
    assert len(debs) == 1
    root = base / "root"
    subprocess.run(["dpkg-deb", "-x", str(debs[0]), str(root)], check=True)
    return {"base": base, "out": base / "out", "deb": debs[0], "root": root, "again": again,
            "folder": base / "work" / "dist" / "sompos", "exe": root / "opt" / "sompos" / "sompos"}


def _run(exe: Path, *args: str, data: Path | None = None, timeout: int = 180) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "SOMPOS_"))}
    env["HOME"] = str(exe.parents[3] / "home")            # nothing of the developer's leaks in
    cmd = [str(exe), *(["--data-dir", str(data)] if data else []), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=exe.parents[3])


def test_checksums_sizes_and_contents(built):
    sums = (built["out"] / "SHA256SUMS").read_text().splitlines()
    files = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in sums}
    assert set(files) == {p.name for p in built["out"].iterdir() if p.name != "SHA256SUMS"}
    for name, digest in files.items():
        assert hashlib.sha256((built["out"] / name).read_bytes()).hexdigest() == digest
    assert built["deb"].stat().st_size < DEB_LIMIT
    installed = sum(p.stat().st_size for p in built["folder"].rglob("*") if p.is_file() and not p.is_symlink())
    assert installed < INSTALLED_LIMIT
    internal = built["root"] / "opt" / "sompos" / "_internal"
    names = {p.name for p in internal.rglob("*")}
    assert "libqxcb.so" in names and "sompos_ky.qm" in names and "sompos_ru.qm" in names
    assert not any(n.startswith(("libQt6Quick", "libQt6Qml", "libQt6WebEngine", "libqgtk3")) for n in names)
    assert not any(n.startswith("qtbase_") and not n.startswith(("qtbase_ru", "qtbase_en")) for n in names)
    with tarfile.open(next(built["out"].glob("*.tar.xz"))) as tar:
        assert "sompos/sompos" in tar.getnames()


def test_the_installed_binary_passes_its_self_test_headless(built):
    r = _run(built["exe"], "--self-test", timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    for step in ("database", "qr", "translations", "demo-payment"):
        assert any(line.startswith(f"ok   {step}:") for line in lines), r.stdout
    assert lines[-1].startswith("self-test passed")


def test_a_failing_step_is_named_and_exits_non_zero(built, tmp_path):
    """Break one component of an installed copy: the self-test names that step."""
    copy = tmp_path / "opt" / "sompos"
    shutil.copytree(built["root"] / "opt" / "sompos", copy, symlinks=True)
    for qm in copy.rglob("sompos_ky.qm"):
        qm.write_bytes(b"not a translation")
    r = _run(copy / "sompos", "--self-test", timeout=300)
    assert r.returncode != 0
    assert "self-test failed at step: translations" in r.stdout


@pytest.mark.parametrize("version", range(1, 8))
def test_the_installed_binary_upgrades_every_old_shop_database(built, tmp_path, version):
    """Installing a newer package keeps the data: a shop database of each schema version opens,
    is upgraded in place and keeps its sales."""
    src = FIXTURES / f"sompos_v{version}.db"
    data = tmp_path / "shop"
    data.mkdir()
    shutil.copy(src, data / "sompos.db")
    before = sqlite3.connect(src).execute("SELECT count(*) FROM invoices").fetchone()[0]
    r = _run(built["exe"], "--json", "invoices", data=data)
    assert r.returncode == 0, r.stdout + r.stderr
    import json
    assert len(json.loads(r.stdout)) == before
    version_now = sqlite3.connect(data / "sompos.db").execute("PRAGMA user_version").fetchone()[0]
    assert version_now >= version


def test_a_database_newer_than_the_app_is_refused_untouched(built, tmp_path):
    data = tmp_path / "shop"
    data.mkdir()
    shutil.copy(FIXTURES / "sompos_v7.db", data / "sompos.db")
    db = sqlite3.connect(data / "sompos.db")
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    before = (data / "sompos.db").read_bytes()
    r = _run(built["exe"], "invoices", data=data)
    assert r.returncode != 0
    # In the shop's language (Russian by default): the packaged app carries the CLI's catalogue too.
    assert "более новой версией Som POS" in r.stderr, r.stderr
    assert (data / "sompos.db").read_bytes() == before


def test_two_builds_of_one_commit_give_the_same_packages(built):
    """Reproducible: a second build from scratch gives byte-identical packages."""
    first = (built["out"] / "SHA256SUMS").read_text()
    second = (built["again"] / "out" / "SHA256SUMS").read_text()
    assert first.count("\n") == 2 and ".deb" in first and ".tar.xz" in first, first
    if first != second:
        a = {p.relative_to(built["folder"]): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in built["folder"].rglob("*") if p.is_file()}
        folder2 = built["again"] / "work" / "dist" / "sompos"
        b = {p.relative_to(folder2): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder2.rglob("*") if p.is_file()}
        differ = sorted(str(k) for k in set(a) | set(b) if a.get(k) != b.get(k))
        pytest.fail("builds differ in: " + (", ".join(differ[:20]) or "the packages only"))


def test_a_real_dpkg_install_upgrade_and_removal_leave_shop_data_alone(built, tmp_path):
    """dpkg itself, on a scratch root (its own package database): the package installs, runs,
    installs again over itself (the upgrade path, preinst included), and removal takes every file
    of the program and nothing of a user's shop data."""
    need("dpkg")
    if os.geteuid() != 0:
        pytest.skip("dpkg needs root to set file owners")
    root = tmp_path / "root"
    admin = root / "var" / "lib" / "dpkg"
    (admin / "info").mkdir(parents=True)
    (admin / "updates").mkdir()
    (admin / "status").touch()
    data = root / "home" / "aigul" / ".local" / "share" / "sompos"
    data.mkdir(parents=True)
    (data / "sompos.db").write_bytes(b"the shop's sales")
    dpkg = ["dpkg", f"--instdir={root}", f"--admindir={admin}", "--force-script-chrootless",
            f"--log={tmp_path / 'dpkg.log'}"]
    for _ in range(2):                                  # install, then over itself
        r = subprocess.run([*dpkg, "--force-depends", "-i", str(built["deb"])], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        assert _run(root / "opt" / "sompos" / "sompos", "--help").returncode == 0
    r = subprocess.run([*dpkg, "-r", "sompos"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    left = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() and "var/lib/dpkg" not in str(p))
    assert left == ["home/aigul/.local/share/sompos/sompos.db"]
    assert (data / "sompos.db").read_bytes() == b"the shop's sales"


def _offline_helpers():
    from payloads import authorization
    from test_cli_offline import LOCAL_CHAIN, prepare
    return authorization, LOCAL_CHAIN, prepare


def test_the_upgrade_warns_when_payments_accepted_offline_are_unsent(built, tmp_path):
    """The .deb's preinst asks the installed version (``sompos upgrade-check``) about every user's
    shop before an upgrade, and says so when payments accepted offline are still unsent."""
    from pos_app.app.context import AppContext
    from pos_app.core.money import Tyiyn
    authorization, chain, prepare = _offline_helpers()
    root = tmp_path / "root"
    shutil.copytree(built["root"] / "opt", root / "opt", symlinks=True)
    busy = root / "home" / "aigul" / ".local" / "share" / "sompos"
    quiet = root / "home" / "bakyt" / ".local" / "share" / "sompos"
    for shop in (busy, quiet):
        prepare(shop)
    ctx = AppContext(busy)
    try:
        inv = ctx.create_invoice(Tyiyn(150_00))
        ctx.offline.accept(authorization(chain_id=chain, amount=inv.due_base), inv.id, ctx.offline_facts())
    finally:
        ctx.close()
    preinst = ROOT / "packaging" / "linux" / "preinst"
    env = dict(os.environ, SOMPOS_PREINST_ROOT=str(root))
    r = subprocess.run(["sh", str(preinst), "upgrade", "0.0.9"], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0                       # a warning, never a failed upgrade
    assert "aigul/.local/share/sompos holds payments accepted offline that are not sent yet" in r.stderr
    assert "bakyt" not in r.stderr
    r = subprocess.run(["sh", str(preinst), "install"], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stderr == ""    # a first install asks nothing
