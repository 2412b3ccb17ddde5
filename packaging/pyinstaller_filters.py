"""What the frozen Som POS leaves out: unused Qt modules, plugins, QML and Qt's own translations
(except ky/ru/en), and Python packages the app never imports. Shared by the PyInstaller spec and
the test that checks a build (tests/packaging)."""
from __future__ import annotations

import re
from pathlib import Path

# The app imports QtCore, QtGui and QtWidgets only (tests/core/test_no_qt_in_core.py keeps Qt in ui/).
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtDBus")
QT_MODULES_UNUSED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtBluetooth",
    "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDesigner", "QtGraphs", "QtHelp",
    "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth",
    "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport",
    "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
    "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel",
    "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
)
EXCLUDED_MODULES = [
    *(f"PySide6.{m}" for m in QT_MODULES_UNUSED),
    "tkinter", "_tkinter", "unittest", "pydoc", "doctest", "pytest", "_pytest", "hypothesis",
    "setuptools", "pkg_resources", "pip", "IPython", "matplotlib", "numpy", "PyInstaller",
    "pytestqt", "lib2to3", "idlelib", "ensurepip", "venv",
    # Pillow reads PNG/JPEG pictures of QR codes; AVIF alone would add 5 MB of codec.
    "PIL._avif", "PIL.AvifImagePlugin", "PIL.ImageTk", "PIL.ImageQt",
]

# Qt shared libraries by the module they belong to: libQt6Quick.so.6, Qt6Quick.dll...
_QT_LIB = re.compile(r"(?:lib)?Qt6([A-Za-z0-9]+?)(?:\.so[.0-9]*|\.dll)$")
_KEEP_QT_LIBS = {m[2:] for m in QT_MODULES_USED} | {"XcbQpa", "WaylandClient", "OpenGL"}
# Qt plugins a widgets app on a desktop needs: the X11 and Wayland window systems (plus offscreen
# for the headless self-test), input methods, image formats for icons. Not the GTK theme (it pulls
# in GTK, cairo and pango: 8 MB for native-looking file dialogs), not eglfs/linuxfb/vnc (kiosk
# setups without a desktop) and their evdev input plugins.
_KEEP_PLUGINS = {"platforms", "xcbglintegrations", "imageformats", "platformthemes", "platforminputcontexts",
                 "iconengines", "styles", "wayland-decoration-client", "wayland-shell-integration",
                 "wayland-graphics-integration-client"}
_KEEP_PLATFORMS = ("qxcb", "qwayland", "qoffscreen", "qminimal.", "qwindows")
_KEEP_THEMES = ("qxdgdesktopportal",)
_KEEP_WAYLAND_GRAPHICS = ("wayland-egl", "shm-emulation")
_KEEP_IMAGEFORMATS = ("qico", "qpng", "qjpeg", "qsvg", "qgif")
# Qt's own translations (qtbase_ru.qm...) for the shop's languages only.
_KEEP_QT_TRANSLATIONS = re.compile(r"qt(base)?_(ru|ky|en)\.qm$")


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def keep_binary(dest: str) -> bool:
    d = _norm(dest)
    name = d.rsplit("/", 1)[-1]
    m = _QT_LIB.match(name)
    if m and m.group(1) not in _KEEP_QT_LIBS:
        return False
    if "/plugins/" in d:
        part = d.split("/plugins/", 1)[1]
        group = part.split("/", 1)[0]
        if group not in _KEEP_PLUGINS:
            return False
        only = {"imageformats": _KEEP_IMAGEFORMATS, "platforms": _KEEP_PLATFORMS,
                "platformthemes": _KEEP_THEMES, "wayland-graphics-integration-client": _KEEP_WAYLAND_GRAPHICS}
        if group in only and not any(k in name for k in only[group]):
            return False
    if name.startswith(("opengl32sw", "d3dcompiler")):
        return False
    return True


def keep_data(dest: str) -> bool:
    d = _norm(dest)
    if "/Qt/qml/" in d or d.endswith("/Qt/qml") or "/qml/" in d:
        return False
    if "/translations/" in d and d.split("/translations/", 1)[0].endswith("Qt"):
        return bool(_KEEP_QT_TRANSLATIONS.search(d))
    if "/plugins/" in d:
        return keep_binary(dest)
    return True


def _is_shared_lib(dest: str) -> bool:
    name = _norm(dest).rsplit("/", 1)[-1]
    return (name.startswith("lib") and ".so" in name and "cpython" not in name and ".abi3." not in name
            and "/plugins/" not in _norm(dest)) or name.lower().endswith(".dll")


def prune_unneeded(binaries: list, imports_of) -> list:
    """Drop shared libraries that only a removed plugin or module needed.

    PyInstaller collects each binary's dependencies before the spec filters the binaries, so the
    GTK theme's GTK, cairo and pango stay behind after the theme is gone. Keep a library only if a
    kept extension module, plugin or library needs it (``imports_of(src) -> {(name, path)}``).
    libpython is loaded by the bootloader, not by DT_NEEDED, so it is always kept."""
    libs = {}
    roots = []
    for entry in binaries:
        dest, src = entry[0], entry[1]
        if _is_shared_lib(dest) and not _norm(dest).rsplit("/", 1)[-1].startswith("libpython"):
            libs.setdefault(_norm(dest).rsplit("/", 1)[-1], []).append(entry)
        else:
            roots.append(entry)
    needed: set[str] = set()
    todo = [e[1] for e in roots]
    while todo:
        src = todo.pop()
        for name, _path in imports_of(src):
            if name in libs and name not in needed:
                needed.add(name)
                todo.extend(e[1] for e in libs[name])
    return roots + [e for name in sorted(needed) for e in libs[name]]


def drop_dangling_links(entries: list, kept: set[str]) -> list:
    """PyInstaller adds top-level symlinks (``libQt6Svg.so.6 -> PySide6/Qt/lib/...``) for the Qt
    libraries it saw; keep a link only if what it points to is still in the build."""
    out = []
    for entry in entries:
        if len(entry) > 2 and entry[2] == "SYMLINK":
            parent = _norm(entry[0]).rpartition("/")[0]
            target = _norm(str(Path(parent) / entry[1])) if parent else _norm(entry[1])
            if target not in kept:
                continue
        out.append(entry)
    return out
