"""The packaging helpers, each on small inputs: what the frozen build leaves out, the ICU cut,
the reproducible tarball and .deb, and the Windows installer script."""
from __future__ import annotations

import hashlib
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, need

import build as B  # packaging/build.py
import deb as D  # packaging/deb.py
import icu_trim as I  # packaging/icu_trim.py
import pyinstaller_filters as F  # packaging/pyinstaller_filters.py


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6Qml.so.6", False),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
    ("PySide6/Qt6Network.dll", False),
    ("PySide6/Qt6Gui.dll", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/Qt/plugins/imageformats/libqpng.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/opengl32sw.dll", False),
    ("libssl.so.3", True),
])
def test_which_qt_binaries_the_build_keeps(dest, kept):
    assert F.keep_binary(dest) is kept


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/translations/qtbase_ru.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qt_help_ru.qm", False),
    ("PySide6/Qt/qml/QtQuick/Controls/impl/x.qml", False),
    ("pos_app/ui/translations/sompos_ky.qm", True),
    ("pos_app/chain/artifacts/SomToken.json", True),
])
def test_which_data_files_the_build_keeps(dest, kept):
    assert F.keep_data(dest) is kept


def test_libraries_only_a_removed_plugin_needed_are_dropped():
    binaries = [("PySide6/QtGui.abi3.so", "/x/QtGui.abi3.so", "BINARY"),
                ("libQt6Gui.so.6", "/x/libQt6Gui.so.6", "BINARY"),
                ("libpng16.so.16", "/x/libpng16.so.16", "BINARY"),
                ("libgtk-3.so.0", "/x/libgtk-3.so.0", "BINARY"),
                ("libcairo.so.2", "/x/libcairo.so.2", "BINARY"),
                ("libpython3.11.so.1.0", "/x/libpython3.11.so.1.0", "BINARY")]
    deps = {"/x/QtGui.abi3.so": {("libQt6Gui.so.6", "/x/libQt6Gui.so.6")},
            "/x/libQt6Gui.so.6": {("libpng16.so.16", "/x/libpng16.so.16")},
            "/x/libgtk-3.so.0": {("libcairo.so.2", "/x/libcairo.so.2")}}
    kept = {b[0] for b in F.prune_unneeded(binaries, lambda src: deps.get(src, set()))}
    assert kept == {"PySide6/QtGui.abi3.so", "libQt6Gui.so.6", "libpng16.so.16", "libpython3.11.so.1.0"}


def test_links_to_files_left_out_are_dropped():
    entries = [("libQt6Svg.so.6", "PySide6/Qt/lib/libQt6Svg.so.6", "SYMLINK"),
               ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
               ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY")]
    out = F.drop_dangling_links(entries, kept={"PySide6/Qt/lib/libQt6Gui.so.6"})
    assert [e[0] for e in out] == ["libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6"]


def test_the_icu_cut_keeps_the_shops_languages_and_all_shared_data():
    items = ["ru.res", "ky.res", "ky_KG.res", "en_GB.res", "root.res", "de.res", "zh_Hant_TW.res", "coll/de_.res",
             "coll/de.res", "coll/ru.res", "coll/root.res", "coll/ucadata.icu", "brkitr/thaidict.dict",
             "brkitr/root.res", "ibm-943_P15A-2003.cnv", "translit/root.res", "supplementalData.res",
             "zoneinfo64.res", "uprops.icu", "nfkc.nrm", "curr/ja.res", "curr/ru.res", "zone/pool.res"]
    dropped = set(I.dropped_items(items))
    assert dropped == {"de.res", "zh_Hant_TW.res", "coll/de_.res", "coll/de.res", "ibm-943_P15A-2003.cnv",
                       "translit/root.res", "curr/ja.res"}


def test_the_portable_tarball_is_the_same_bytes_twice(tmp_path):
    folder = tmp_path / "sompos"
    (folder / "_internal").mkdir(parents=True)
    (folder / "sompos").write_bytes(b"\x7fELF fake")
    (folder / "sompos").chmod(0o755)
    (folder / "_internal" / "b.txt").write_text("b")
    (folder / "_internal" / "a.txt").write_text("a")
    B.set_times(folder, 1_700_000_000)
    one, two = tmp_path / "1.tar.xz", tmp_path / "2.tar.xz"
    B.write_tarball(folder, one, 1_700_000_000)
    (folder / "_internal" / "a.txt").touch()        # a later time on disk does not leak in
    B.write_tarball(folder, two, 1_700_000_000)
    assert one.read_bytes() == two.read_bytes()
    with tarfile.open(one) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == ["sompos", "sompos/_internal", "sompos/_internal/a.txt",
                                         "sompos/_internal/b.txt", "sompos/sompos"]
    assert {(m.uid, m.gid, m.mtime) for m in members} == {(0, 0, 1_700_000_000)}
    assert members[-1].mode & 0o111
    assert one.read_bytes()[:6] == b"\xfd7zXZ\x00"          # xz (issue 19, point 8: under 50 MB)


def _fake_build(tmp_path: Path) -> Path:
    folder = tmp_path / "dist" / "sompos"
    (folder / "_internal").mkdir(parents=True)
    exe = folder / "sompos"
    exe.write_text("#!/bin/sh\necho sompos-fake \"$@\"\n")
    exe.chmod(0o755)
    (folder / "_internal" / "data.txt").write_text("x" * 5000)
    return folder


def test_the_deb_layout_and_reproducibility(tmp_path):
    need("dpkg-deb")
    folder = _fake_build(tmp_path)
    one = D.build_deb(folder, tmp_path / "one.deb", version="1.2.3", epoch=1_700_000_000, root=ROOT,
                      work=tmp_path / "w1")
    two = D.build_deb(folder, tmp_path / "two.deb", version="1.2.3", epoch=1_700_000_000, root=ROOT,
                      work=tmp_path / "w2")
    assert hashlib.sha256(one.read_bytes()).digest() == hashlib.sha256(two.read_bytes()).digest()
    info = subprocess.run(["dpkg-deb", "-f", str(one)], capture_output=True, text=True, check=True).stdout
    assert "Package: sompos" in info and "Version: 1.2.3" in info and "libxcb-cursor0" in info
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(one), str(root)], check=True)
    link = root / "usr" / "bin" / "sompos"
    assert link.is_symlink() and (link.parent / link.readlink()).resolve() == (root / "opt" / "sompos" / "sompos")
    out = subprocess.run([str(link), "--version"], capture_output=True, text=True, check=True).stdout
    assert "sompos-fake --version" in out
    desktop = (root / "usr" / "share" / "applications" / "sompos.desktop").read_text()
    assert "Exec=/opt/sompos/sompos app" in desktop and "Icon=sompos" in desktop and "Name[ky]=" in desktop
    assert (root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "sompos.png").stat().st_size > 1000
    listing = subprocess.run(["dpkg-deb", "-c", str(one)], capture_output=True, text=True, check=True).stdout
    assert all(" root/root " in line for line in listing.splitlines())
    # Nothing in the package reaches into a user's data folder: removal cannot delete sales.
    assert ".local" not in listing and "/home" not in listing


def test_the_windows_installer_script_compiles(tmp_path):
    need("makensis")
    payload = tmp_path / "payload"
    (payload / "_internal").mkdir(parents=True)
    (payload / "sompos.exe").write_bytes(b"MZ stub")
    (payload / "_internal" / "x.dll").write_bytes(b"stub")
    out = tmp_path / "setup.exe"
    subprocess.run(["makensis", "-V2", "-INPUTCHARSET", "UTF8", "-DVERSION=1.2.3", f"-DPAYLOAD={payload}",
                    f"-DOUTFILE={out}", f"-DROOT={ROOT}", str(ROOT / "packaging" / "windows" / "sompos.nsi")],
                   check=True, capture_output=True)
    data = out.read_bytes()
    assert data[:2] == b"MZ" and len(data) > 30_000
    script = (ROOT / "packaging" / "windows" / "sompos.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script            # per-user, no administrator
    assert "MB_DEFBUTTON2" in script and "AskDeleteData" in script  # data kept unless asked


def test_every_pinned_package_has_a_windows_wheel(tmp_path):
    """pip resolves the pinned runtime and build packages for win_amd64 / CPython 3.11 from wheels
    only (no compiler on a shop's PC, none in the installer build)."""
    pins = [l.strip() for f in ("constraints.txt", "constraints-build.txt")
            for l in (ROOT / "packaging" / f).read_text().splitlines() if l.strip() and not l.startswith("#")]
    req = tmp_path / "req.txt"
    req.write_text("\n".join(pins) + "\n")
    r = subprocess.run([__import__("sys").executable, "-m", "pip", "install", "--dry-run", "--quiet",
                        "--ignore-installed", "--target", str(tmp_path / "t"), "--platform", "win_amd64",
                        "--python-version", "3.11", "--implementation", "cp", "--only-binary=:all:", "--no-deps",
                        "-r", str(req)], capture_output=True, text=True, timeout=600)
    errors = [l for l in r.stderr.splitlines() if l.startswith("ERROR")]
    assert r.returncode == 0, "\n".join(errors)


def test_the_uninstaller_asks_about_the_folder_the_app_really_uses(monkeypatch):
    """The data folder the NSIS script offers to delete is the one default_data_dir() gives on
    Windows (platformdirs), also for a user name in Cyrillic."""
    import re

    import platformdirs.windows as W
    local = "C:\\Users\\Айгүл Бакытова\\AppData\\Local"
    monkeypatch.setattr(W, "get_win_folder", lambda csidl: local)
    app_dir = W.Windows("sompos", "SomPOS").user_data_dir.replace("/", "\\")  # os.path.join of Linux here
    script = (ROOT / "packaging" / "windows" / "sompos.nsi").read_text(encoding="utf-8")
    datadir = re.search(r'!define DATADIR "([^"]+)"', script).group(1)
    assert datadir.replace("$LOCALAPPDATA", local) == app_dir
    from pos_app.shop import config
    monkeypatch.delenv("SOMPOS_DATA_DIR", raising=False)
    import platformdirs
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name, author: W.Windows(name, author).user_data_dir)
    assert str(config.default_data_dir()).replace("/", "\\") == app_dir
