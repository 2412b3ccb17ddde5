"""The Debian package: the PyInstaller folder in /opt/sompos, ``sompos`` on PATH, a desktop entry.

Depends lists the system libraries Qt's window-system plugins load that the build does not carry
(OpenGL/EGL dispatch, Wayland client, fonts) plus the X11 libraries a minimal desktop may lack
(libxcb-cursor0 is the classic "could not load the Qt platform plugin xcb"). Removing the
package removes only its own files: shop data lives in each user's data folder
(~/.local/share/sompos) and is never touched by dpkg.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

DEPENDS = ", ".join([
    "libc6 (>= 2.31)",
    "libegl1", "libgl1", "libglx0", "libopengl0",
    "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libglib2.0-0t64 | libglib2.0-0",
    "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
    "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0",
    "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xfixes0",
    "libxcb-xkb1", "libxkbcommon0", "libxkbcommon-x11-0",
])

DESKTOP = """[Desktop Entry]
Type=Application
Version=1.0
Name=Som POS
Name[ru]=Som POS — касса
Name[ky]=Som POS — касса
GenericName=Point of sale
GenericName[ru]=Касса
GenericName[ky]=Касса
Comment=Take digital som payments, online or offline
Comment[ru]=Приём цифровых сомов, в сети и без сети
Comment[ky]=Санариптик сом менен төлөм кабыл алуу, тармакта жана тармаксыз
Exec=/opt/sompos/sompos app
Icon=sompos
Terminal=false
Categories=Office;Finance;
StartupWMClass=sompos
"""

COPYRIGHT = """Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: sompos
Source: https://github.com/sompos/sompos

Files: *
Copyright: Som POS developers
License: MIT
 The bundled third-party components (Qt/PySide6 under the LGPL-3.0, Python under the PSF license,
 and the Python packages listed in /opt/sompos/_internal/*.dist-info) keep their own licenses.
"""


def _control(version: str, installed_kb: int) -> str:
    return (f"Package: sompos\nVersion: {version}\nArchitecture: amd64\n"
            "Maintainer: Som POS developers <dev@sompos.invalid>\n"
            f"Installed-Size: {installed_kb}\nDepends: {DEPENDS}\nSection: misc\nPriority: optional\n"
            "Homepage: https://github.com/sompos/sompos\n"
            "Description: point of sale for the digital Kyrgyz som\n"
            " Shows QR payment requests, accepts customer-signed payments while offline,\n"
            " keeps them safe in a local database and sends them when a connection returns.\n"
            " Includes an embedded demo network for trying it without internet.\n")


def build_deb(folder: Path, out: Path, *, version: str, epoch: int, root: Path, work: Path) -> Path:
    if work.exists():
        shutil.rmtree(work)
    stage = work / "root"
    shutil.copytree(folder, stage / "opt" / "sompos", symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink("../../opt/sompos/sompos", stage / "usr" / "bin" / "sompos")
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / "sompos.desktop").write_text(DESKTOP, encoding="utf-8")
    icons = stage / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(root / "resources" / "icons" / "sompos.png", icons / "sompos.png")
    doc = stage / "usr" / "share" / "doc" / "sompos"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    for p in stage.rglob("*"):
        if p.is_symlink():
            continue
        if p.is_dir():
            p.chmod(0o755)
        else:
            p.chmod(0o755 if os.access(p, os.X_OK) else 0o644)
    files = sorted(p for p in stage.rglob("*") if p.is_file() and not p.is_symlink())
    installed_kb = (sum(p.stat().st_size for p in files) + 1023) // 1024
    debian = stage / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(_control(version, installed_kb), encoding="utf-8")
    (debian / "md5sums").write_text("".join(
        f"{hashlib.md5(p.read_bytes()).hexdigest()}  {p.relative_to(stage)}\n" for p in files), encoding="utf-8")
    for src in (root / "packaging" / "linux").glob("*inst"):
        shutil.copy2(src, debian / src.name)
        (debian / src.name).chmod(0o755)
    for p in (*sorted(stage.rglob("*"), reverse=True), stage):
        os.utime(p, (epoch, epoch), follow_symlinks=False)
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "-z9", "--build", str(stage), str(out)],
                   check=True, env=env, capture_output=True)
    return out
