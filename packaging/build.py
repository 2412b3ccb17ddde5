#!/usr/bin/env python3
"""Build Som POS installers: ``python3 packaging/build.py`` (Linux: .deb + portable .tar.xz).

    python3 packaging/build.py                 # dist/sompos_<version>_amd64.deb, .tar.xz, SHA256SUMS
    python3 packaging/build.py --nsis          # also compile the Windows installer script (makensis)
    python3 packaging/build.py --out DIR       # put the artifacts in DIR

Steps (each printed): a pinned build environment (.venv-build: packaging/constraints.txt plus
packaging/constraints-build.txt for PyInstaller), a PyInstaller one-folder build
(packaging/pyinstaller/sompos.spec), Qt's ICU data cut to the shop's languages (Linux), every file
time set to SOURCE_DATE_EPOCH (the commit's time unless set), then the packages and a SHA-256
checksum file beside them. Two builds of one commit give the same package contents
(tests/packaging/test_build.py checks it). On Windows the same script makes the PyInstaller folder
and, with --nsis, the installer (see .github/workflows/windows.yml).

Only the standard library is used here: it runs before anything is installed.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import hashlib
import io
import lzma
import os
import shutil
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import deb  # noqa: E402  (packaging/deb.py)
import icu_trim  # noqa: E402  (packaging/icu_trim.py)

BUILD_VENV = Path(os.environ.get("SOMPOS_BUILD_VENV", ROOT / ".venv-build"))
CONSTRAINTS = ROOT / "packaging" / "constraints.txt"
BUILD_CONSTRAINTS = ROOT / "packaging" / "constraints-build.txt"
SPEC = ROOT / "packaging" / "pyinstaller" / "sompos.spec"
NSIS_SCRIPT = ROOT / "packaging" / "windows" / "sompos.nsi"
APT_TOOLS = {"gcc": "gcc", "icupkg": "icu-devtools", "dpkg-deb": "dpkg", "makensis": "nsis"}


def say(msg: str) -> None:
    print(f"[sompos-build] {msg}", flush=True)


def version() -> str:
    for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("version"):
            return line.split("=", 1)[1].strip().strip('"')
    raise SystemExit("no version in pyproject.toml")


def source_date_epoch() -> int:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 1_700_000_000  # not a git checkout: a fixed time still gives reproducible packages


def _py(venv_dir: Path) -> Path:
    return venv_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


@contextlib.contextmanager
def setup_lock():
    """One build at a time sets up the build environment (apt-get, the venv, pip); the others wait.

    The PyInstaller stages themselves run in parallel: each build has its own work folder."""
    BUILD_VENV.parent.mkdir(parents=True, exist_ok=True)
    with open(BUILD_VENV.parent / ".sompos-build-setup.lock", "a+b") as f:
        try:
            import fcntl
        except ImportError:  # Windows: builds there are run one at a time by hand
            yield
            return
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def ensure_build_env() -> Path:
    """The app's pinned dependencies with the demo extra, and the pinned PyInstaller."""
    py = _py(BUILD_VENV)
    if not py.exists():
        say(f"creating the build environment in {BUILD_VENV}")
        venv.EnvBuilder(with_pip=True).create(BUILD_VENV)
    h = hashlib.sha256()
    for p in (ROOT / "pyproject.toml", CONSTRAINTS, BUILD_CONSTRAINTS):
        h.update(p.read_bytes())
    h.update(sys.version.encode())
    stamp = BUILD_VENV / ".sompos-build-stamp"
    if not stamp.exists() or stamp.read_text() != h.hexdigest():
        say("installing pinned packages (packaging/constraints.txt, packaging/constraints-build.txt)")
        subprocess.check_call([str(py), "-m", "pip", "install", "--quiet", "-c", str(CONSTRAINTS),
                               "-c", str(BUILD_CONSTRAINTS), "-e", f"{ROOT}[demo]", "pyinstaller",
                               "pyinstaller-hooks-contrib"])
        stamp.write_text(h.hexdigest())
    return py


def ensure_tools(names: list[str]) -> None:
    """Install missing Debian tools (gcc, icu-devtools, dpkg, nsis) when we may, else say which."""
    missing = [n for n in names if shutil.which(n) is None]
    if not missing:
        return
    pkgs = sorted({APT_TOOLS[n] for n in missing})
    if sys.platform.startswith("linux") and shutil.which("apt-get") and os.geteuid() == 0:
        say("installing build tools: " + " ".join(pkgs))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.call(["apt-get", "update", "-qq"], env=env)
        subprocess.check_call(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *pkgs], env=env)
    still = [n for n in names if shutil.which(n) is None]
    if still:
        raise SystemExit("missing build tools: " + ", ".join(still) + " (Debian packages: " + " ".join(pkgs) + ")")


def pyinstaller(py: Path, work: Path, epoch: int) -> Path:
    say("PyInstaller one-folder build")
    # Its own cache folder: --clean empties PyInstaller's cache, which is shared by default, so
    # two builds at once (the test suite's workers) would delete each other's files.
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch), PYTHONHASHSEED="0",
               PYINSTALLER_CONFIG_DIR=str(work / "pyinstaller-cache"))
    subprocess.check_call([str(py), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                           "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
                          cwd=ROOT, env=env)
    return work / "dist" / "sompos"


def set_times(folder: Path, epoch: int) -> None:
    for p in sorted(folder.rglob("*"), reverse=True):
        os.utime(p, (epoch, epoch), follow_symlinks=False)
    os.utime(folder, (epoch, epoch))


def write_tarball(folder: Path, out: Path, epoch: int) -> None:
    """A portable .tar.xz: sorted names, fixed owner and times; xz with the x86 filter (machine code
    compresses about 5% better) at preset 6: 46.8 MB where gzip -9 gave 59.9 MB. Deterministic:
    the same files give the same bytes (single-threaded lzma, no time stamp in the format)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for p in [folder, *sorted(folder.rglob("*"))]:
            info = tar.gettarinfo(str(p), arcname=str(Path("sompos") / p.relative_to(folder)))
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            info.mtime = epoch
            info.pax_headers = {}
            if info.isfile():
                with open(p, "rb") as f:
                    tar.addfile(info, f)
            else:
                tar.addfile(info)
    filters = [{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2, "preset": 6}]
    out.write_bytes(lzma.compress(buf.getvalue(), format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64, filters=filters))


def write_checksums(files: list[Path], out: Path) -> None:
    lines = [f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.name}\n" for f in sorted(files)]
    out.write_text("".join(lines), encoding="utf-8")


def makensis(folder: Path, out_dir: Path, ver: str) -> Path:
    say("compiling the Windows installer script (makensis)")
    out = out_dir / f"sompos-{ver}-setup.exe"
    subprocess.check_call(["makensis", "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={ver}",
                           f"-DPAYLOAD={folder}", f"-DOUTFILE={out}", f"-DROOT={ROOT}", str(NSIS_SCRIPT)])
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(ROOT / "dist"), help="where the packages go (default: dist/)")
    ap.add_argument("--work", default=str(ROOT / "build" / "pyinstaller"), help="PyInstaller's work folder")
    ap.add_argument("--nsis", action="store_true", help="also compile the Windows installer (makensis)")
    ap.add_argument("--no-deb", action="store_true", help="skip the .deb (e.g. on Windows)")
    args = ap.parse_args(argv)
    out_dir, work = Path(args.out).resolve(), Path(args.work).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    linux = sys.platform.startswith("linux")
    with setup_lock():  # two builds at once (the test suite's workers) install tools and packages once
        ensure_tools((["gcc", "icupkg"] if linux else []) + (["dpkg-deb"] if linux and not args.no_deb else [])
                     + (["makensis"] if args.nsis else []))
        py = ensure_build_env()
    epoch, ver = source_date_epoch(), version()
    folder = pyinstaller(py, work, epoch)
    if linux:
        saved = icu_trim.trim_bundle(folder, work / "icu")
        say(f"Qt's ICU data cut to the shop's languages: {saved / 2**20:.1f} MB saved")
    set_times(folder, epoch)
    artifacts = []
    if linux:
        arch = "amd64"
        tgz = out_dir / f"sompos-{ver}-linux-x86_64.tar.xz"
        # The two compressions share nothing: the tarball's lzma (which lets go of the GIL) runs on
        # a thread while dpkg-deb compresses the .deb, so a 2-core machine does both at once.
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            tarball = pool.submit(write_tarball, folder, tgz, epoch)
            if not args.no_deb:
                artifacts.append(deb.build_deb(folder, out_dir / f"sompos_{ver}_{arch}.deb", version=ver,
                                               epoch=epoch, root=ROOT, work=work / "deb"))
            tarball.result()
        artifacts.append(tgz)
    if args.nsis:
        artifacts.append(makensis(folder, out_dir, ver))
    write_checksums(artifacts, out_dir / "SHA256SUMS")
    for a in artifacts:
        say(f"{a.name}: {a.stat().st_size / 2**20:.1f} MB")
    say(f"installed size: {sum(p.stat().st_size for p in folder.rglob('*') if p.is_file() and not p.is_symlink()) / 2**20:.1f} MB"
        f" ({folder})")
    say(f"checksums: {out_dir / 'SHA256SUMS'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
