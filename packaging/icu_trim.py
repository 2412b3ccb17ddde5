"""Cut Qt's ICU data library to the shop's languages (Linux builds).

PySide6's Linux wheels ship ICU 73 with the data of every language on earth in
``libicudata.so.73`` (31 MB, the largest file of the build). Qt uses ICU for case mapping,
normalisation, collation and time zones; Som POS shows Kyrgyz, Russian and English only. We take
the data package out of the library (the exported ``icudt73_dat`` symbol), drop the locale data of
other languages, the legacy code page converters and the transliterator with ``icupkg`` (Debian's
icu-devtools), and link the rest back into a library with the same name, soname and symbol. The
frozen app's self-test and GUI run against the cut library in tests/packaging.

Kept: all Unicode properties, normalisation and collation root data, break iterator rules and
dictionaries, time zone data, and every locale resource of root, en*, ru* and ky*.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

KEEP_LANGUAGES = {"root", "en", "ru", "ky"}
_LOCALE_FILE = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9_]*)?\.res$")


def _symbol(lib: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the icudtNN_dat symbol."""
    out = subprocess.run(["readelf", "-W", "--dyn-syms", str(lib)], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 8 and re.fullmatch(r"icudt\d+_dat", parts[7]):
            value, size = int(parts[1], 16), int(parts[2], 0)
            break
    else:
        raise RuntimeError(f"no icudt*_dat symbol in {lib}")
    # Map the symbol's address to a file offset through its section.
    sections = subprocess.run(["readelf", "-W", "-S", str(lib)], capture_output=True, text=True, check=True).stdout
    for line in sections.splitlines():
        m = re.search(r"\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m:
            addr, off, sz = int(m.group(2), 16), int(m.group(3), 16), int(m.group(4), 16)
            if addr <= value < addr + sz:
                return parts[7], off + (value - addr), size
    raise RuntimeError(f"cannot place {parts[7]} in a section of {lib}")


def dropped_items(items: list[str]) -> list[str]:
    """The ICU data items to remove: other languages' locale data, code pages, transliteration."""
    drop = []
    for item in items:
        name = item.rpartition("/")[2]
        if name.endswith(".cnv") or item.startswith("translit/"):
            drop.append(item)
            continue
        m = _LOCALE_FILE.match(name)
        if m and m.group(1) not in KEEP_LANGUAGES:
            drop.append(item)
    return drop


def trim_library(lib: Path, work: Path) -> int:
    """Replace ``lib`` with the cut library; returns the bytes saved."""
    work.mkdir(parents=True, exist_ok=True)
    symbol, offset, size = _symbol(lib)
    data = lib.read_bytes()[offset:offset + size]
    full = work / f"{symbol[:-4]}l.dat"
    full.write_bytes(data)
    items = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True, check=True).stdout.split()
    (work / "drop.txt").write_text("\n".join(dropped_items(items)) + "\n")
    small = work / "small.dat"
    small.unlink(missing_ok=True)
    subprocess.run(["icupkg", "-r", str(work / "drop.txt"), str(full), str(small)], check=True,
                   capture_output=True)
    asm = work / "icudata.S"
    asm.write_text(
        "    .section .rodata\n"
        f"    .globl {symbol}\n"
        f"    .type {symbol}, @object\n"
        "    .balign 16\n"
        f"{symbol}:\n"
        f'    .incbin "{small}"\n'
        f"    .size {symbol}, . - {symbol}\n"
        '    .section .note.GNU-stack,"",@progbits\n')
    soname = lib.name
    new = work / soname
    subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-Wl,--build-id=sha1",
                    "-o", str(new), str(asm)], check=True)
    subprocess.run(["strip", "--strip-unneeded", str(new)], check=True)
    before = lib.stat().st_size
    new.replace(lib)
    return before - lib.stat().st_size


def trim_bundle(folder: Path, work: Path) -> int:
    libs = sorted(folder.rglob("libicudata.so.*"))
    return sum(trim_library(lib, work / lib.name) for lib in libs if not lib.is_symlink())
