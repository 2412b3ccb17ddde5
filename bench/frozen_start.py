"""Cold start of the installed (frozen) app to its sale screen vs a bare PySide6 window frozen
the same way, on a real X server (Xvfb, 1366x768), plus the package sizes and the ten largest files.

Both programs are PyInstaller one-folder builds with the same filters (packaging/pyinstaller_filters.py)
and the same build environment (.venv-build). Each run is a fresh process; the time is from
starting it to its window being mapped on the X server (xdotool), so nothing inside the app is
trusted to report it. Target: the app at most 1.5x the bare window.

    python3 packaging/build.py && python3 bench/frozen_start.py [--runs 11]

Needs Xvfb and xdotool (apt-get install xvfb xdotool).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_DIR = ROOT / "build" / "pyinstaller" / "dist" / "sompos"
BARE_WORK = ROOT / "build" / "bench-bare"
BUILD_PY = ROOT / ".venv-build" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
DISPLAY = ":97"

BARE_SRC = '''
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.setWindowTitle("bare-window")
w.setCentralWidget(QLabel("hello"))
w.resize(1100, 700)
w.show()
sys.exit(app.exec())
'''

BARE_SPEC = '''
import sys
sys.path.insert(0, {packaging!r})
from pyinstaller_filters import EXCLUDED_MODULES, drop_dangling_links, keep_binary, keep_data, prune_unneeded
from PyInstaller.depend.bindepend import get_imports
a = Analysis([{entry!r}], excludes=EXCLUDED_MODULES)
a.binaries = prune_unneeded([b for b in a.binaries if keep_binary(b[0])], get_imports)
a.datas = [d for d in a.datas if keep_data(d[0])]
_kept = {{d[0] for d in (*a.binaries, *a.datas) if d[2] != "SYMLINK"}}
a.binaries = drop_dangling_links(a.binaries, _kept)
a.datas = drop_dangling_links(a.datas, _kept)
pyz = PYZ(a.pure)
exe = EXE(pyz, a.scripts, [], exclude_binaries=True, name="bare", strip=True, upx=False, console=True)
coll = COLLECT(exe, a.binaries, a.datas, strip=True, upx=False, name="bare")
'''


def build_bare() -> Path:
    BARE_WORK.mkdir(parents=True, exist_ok=True)
    entry = BARE_WORK / "bare.py"
    entry.write_text(BARE_SRC)
    spec = BARE_WORK / "bare.spec"
    spec.write_text(BARE_SPEC.format(packaging=str(ROOT / "packaging"), entry=str(entry)))
    subprocess.run([str(BUILD_PY), "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath",
                    str(BARE_WORK / "dist"), "--workpath", str(BARE_WORK / "build"), str(spec)], check=True)
    return BARE_WORK / "dist" / "bare" / "bare"


def time_to_window(cmd: list[str], title: str, env: dict) -> float:
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
    try:
        while True:
            r = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=env,
                               capture_output=True, text=True)
            if r.stdout.strip():
                return time.perf_counter() - t0
            if proc.poll() is not None:
                err.seek(0)
                raise SystemExit(f"{cmd[0]} exited with {proc.returncode} before showing a window:\n"
                                 + err.read().decode(errors="replace")[-2000:])
            if time.perf_counter() - t0 > 60:
                raise SystemExit(f"{cmd[0]} showed no window in 60 s")
            time.sleep(0.01)
    finally:
        proc.kill()
        proc.wait()


def sizes(folder: Path) -> dict:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    top = sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:10]
    return {"installed_mb": round(sum(p.stat().st_size for p in files) / 2**20, 1),
            "largest": [(str(p.relative_to(folder)), round(p.stat().st_size / 2**20, 1)) for p in top]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--app", default=str(APP_DIR / "sompos"))
    args = ap.parse_args()
    app = Path(args.app)
    if not app.exists():
        raise SystemExit(f"no build at {app}: run python3 packaging/build.py first")
    bare = build_bare()
    xvfb = subprocess.Popen(["Xvfb", DISPLAY, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "PYTHON"))}
        env["DISPLAY"] = DISPLAY
        for _ in range(200):          # until the X server answers (a busy machine needs seconds)
            if subprocess.run(["xdotool", "getdisplaygeometry"], env=env, capture_output=True).returncode == 0:
                break
            time.sleep(0.05)
        else:
            raise SystemExit(f"Xvfb did not start on {DISPLAY}")
        data = Path(tempfile.mkdtemp(prefix="sompos-frozen-bench-"))
        for cfg in (["network", "local"], ["token", "0x" + "11" * 20], ["merchant", "0x" + "22" * 20]):
            subprocess.run([str(app), "--data-dir", str(data), "config", *cfg], env=env, check=True,
                           capture_output=True)
        app_cmd = [str(app), "--data-dir", str(data), "app"]
        time_to_window([str(bare)], "bare-window", env)       # warm the file cache for both
        time_to_window(app_cmd, "Som POS", env)
        b, a = [], []
        for _ in range(args.runs):
            b.append(time_to_window([str(bare)], "bare-window", env))
            a.append(time_to_window(app_cmd, "Som POS", env))
        shutil.rmtree(data, ignore_errors=True)
    finally:
        xvfb.kill()
    result = {
        "runs": args.runs,
        "bare_frozen_window_s": round(statistics.median(b), 3),
        "sompos_frozen_sale_screen_s": round(statistics.median(a), 3),
        "ratio": round(statistics.median(a) / statistics.median(b), 2), "target_ratio": 1.5,
        "bare_installed_mb": sizes(bare.parent)["installed_mb"],
        "sompos": sizes(app.parent),
    }
    dist = ROOT / "dist"
    if dist.is_dir():
        result["packages_mb"] = {p.name: round(p.stat().st_size / 2**20, 1) for p in sorted(dist.iterdir())
                                 if p.suffix in (".deb", ".gz", ".exe")}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
