#!/usr/bin/env python3
"""Developer entry point: one command sets everything up and runs the app or the tests.

    python3 packaging/dev.py demo         # start Som POS on its embedded demo network
    python3 packaging/dev.py test         # run the whole test suite (installs anvil + solc via npm)
    python3 packaging/dev.py test --fast  # the fast tier, after every change: no node, EVM, window walk or build
    python3 packaging/dev.py sompos …     # run any sompos command inside the project environment

The suite runs in parallel (pytest-xdist, ``SOMPOS_TEST_WORKERS`` processes, 3 by default: its
slow tiers mostly wait on nodes, builds and windows, so even a 2-core machine gains from a third);
each test file stays on one worker (``--dist loadfile``), so module-wide fixtures (a build, a
demo chain) are made once. ``-n 0`` runs it in one process.

It creates `.venv/` next to pyproject.toml, installs the package with pinned versions
(packaging/constraints.txt) and, for tests, the pinned npm tools (packaging/node). A stamp
file records what was installed, so a second run starts immediately. Only the standard
library is used here because this runs before anything is installed.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("SOMPOS_VENV", ROOT / ".venv"))
NODE_DIR = ROOT / "packaging" / "node"
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"


def _say(msg: str) -> None:
    print(f"[sompos-dev] {msg}", flush=True)


def _fingerprint(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    h.update(sys.version.encode())
    return h.hexdigest()


def _venv_python() -> Path:
    sub = "Scripts" if os.name == "nt" else "bin"
    exe = "python.exe" if os.name == "nt" else "python"
    return VENV / sub / exe


def ensure_python_env(with_dev: bool) -> Path:
    if sys.version_info < (3, 11):
        sys.exit("Som POS needs Python 3.11 or newer; this is " + sys.version.split()[0])
    py = _venv_python()
    if not py.exists():
        _say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    extra = "[dev]" if with_dev else ""
    stamp = VENV / f".sompos-stamp{'-dev' if with_dev else ''}"
    want = _fingerprint(ROOT / "pyproject.toml", CONSTRAINTS)
    if not stamp.exists() or stamp.read_text() != want:
        _say("installing Python packages (pinned by packaging/constraints.txt)")
        subprocess.check_call([str(py), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
        subprocess.check_call([
            str(py), "-m", "pip", "install", "--quiet",
            "-c", str(CONSTRAINTS), "-e", f"{ROOT}{extra}",
        ])
        stamp.write_text(want)
    return py


def ensure_node_tools() -> Path:
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("The tests need Node.js and npm (for anvil and solc). Install Node.js 18+ and retry.")
    stamp = NODE_DIR / "node_modules" / ".sompos-stamp"
    want = _fingerprint(NODE_DIR / "package.json", NODE_DIR / "package-lock.json")
    if not stamp.exists() or stamp.read_text() != want:
        _say("installing pinned npm tools (anvil, solc, ethers) from packaging/node/package-lock.json")
        # Not `npm ci`: the lock holds only the anvil binary package of the platform that wrote
        # it, and `npm ci` refuses a lock without the other platforms' optional packages.
        # Exact versions are pinned in package.json and the lock pins everything else.
        subprocess.check_call([npm, "install", "--no-audit", "--no-fund", "--no-save"], cwd=NODE_DIR)
        stamp.write_text(want)
    return NODE_DIR / "node_modules" / ".bin"


# Debian tools the tests use: gcc + icupkg cut Qt's ICU data, dpkg-deb builds the .deb, makensis
# compiles the Windows installer script (tests/packaging); Xvfb, xdotool and ImageMagick's import
# run the real window on an X screen with real clicks and take its screenshots
# (packaging/counter_walk.py, tests/ui/test_counter_walk.py).
SYSTEM_TOOLS = {"gcc": "gcc", "icupkg": "icu-devtools", "dpkg-deb": "dpkg", "makensis": "nsis", "readelf": "binutils",
                "Xvfb": "xvfb", "xdotool": "xdotool", "import": "imagemagick"}
# What Qt's xcb platform plugin loads that a server without a desktop may lack (as ctypes finds the
# library), and a font to draw text with (packaging/deb.py lists the same libraries for the .deb).
SYSTEM_LIBS = {"xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-image": "libxcb-image0",
               "xcb-keysyms": "libxcb-keysyms1", "xcb-render-util": "libxcb-render-util0",
               "xcb-shape": "libxcb-shape0", "xkbcommon-x11": "libxkbcommon-x11-0", "X11-xcb": "libx11-xcb1",
               "EGL": "libegl1", "GL": "libgl1", "fontconfig": "libfontconfig1", "dbus-1": "libdbus-1-3"}
FONT_DIR, FONT_PACKAGE = Path("/usr/share/fonts/truetype/dejavu"), "fonts-dejavu-core"


def missing_system_packages() -> list[str]:
    """Debian packages of the tools and libraries above that this machine lacks."""
    from ctypes.util import find_library
    pkgs = {SYSTEM_TOOLS[t] for t in SYSTEM_TOOLS if shutil.which(t) is None}
    pkgs.update(pkg for lib, pkg in SYSTEM_LIBS.items() if find_library(lib) is None)
    if not FONT_DIR.is_dir():
        pkgs.add(FONT_PACKAGE)
    return sorted(pkgs)


def ensure_system_tools() -> None:
    if not sys.platform.startswith("linux"):
        return
    pkgs = missing_system_packages()
    if not pkgs:
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        _say("installing Debian packages for the tests: " + " ".join(pkgs))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.call(["apt-get", "update", "-qq"], env=env)
        subprocess.check_call(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *pkgs], env=env)
    else:
        _say("the tests need: " + " ".join(pkgs) + " (install them, e.g. sudo apt-get install ...)")


FAST_TIER = "not (anvil or evm or walk or build)"   # the markers: tests/conftest.py


def test_args(args: list[str]) -> list[str]:
    """pytest's arguments for ``dev.py test [--fast] [pytest args]``: the tier and the workers."""
    args = list(args)
    fast = "--fast" in args
    args = [a for a in args if a != "--fast"]
    if fast:
        args = ["-m", FAST_TIER, *args]
    if not any(a == "-n" or a.startswith("-n") and a[2:].isdigit() or a.startswith("--numprocesses") for a in args):
        args = ["-n", os.environ.get("SOMPOS_TEST_WORKERS", "3"), "--dist", "loadfile", *args]
    return args


def run_tests(py: Path, args: list[str]) -> int:
    args = test_args(args)
    bin_dir = ensure_node_tools()
    ensure_system_tools()
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    anvil = bin_dir / ("anvil.cmd" if os.name == "nt" else "anvil")
    env["SOMPOS_ANVIL"] = str(anvil)
    env["SOMPOS_REQUIRE_ANVIL"] = "1"  # a missing anvil is a failure here, not a skip
    cmd = [str(py), "-m", "pytest", *args]
    _say("running: " + " ".join(cmd))
    rc = subprocess.call(cmd, cwd=ROOT, env=env)
    if rc == 5:
        _say("pytest collected no tests: treating as a failure")
        return 1
    return rc


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    cmd, rest = argv[0], argv[1:]
    if cmd == "test":
        py = ensure_python_env(with_dev=True)
        return run_tests(py, rest)
    if cmd == "demo":
        py = ensure_python_env(with_dev=True)  # the demo chain is eth-tester (a dev extra)
        return subprocess.call([str(py), "-m", "pos_app", "demo", *rest], cwd=ROOT)
    if cmd == "sompos":
        py = ensure_python_env(with_dev=True)
        return subprocess.call([str(py), "-m", "pos_app", *rest], cwd=ROOT)
    print(f"unknown command {cmd!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
