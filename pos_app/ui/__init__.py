"""The Qt desktop app. The only package that imports PySide6; it drives the plain-Python core.

On import it turns off PySide6's scan of every later module's source for ``from __feature__``
switches (``shibokensupport.feature._mod_uses_pyside``): the app uses no such switch, and the
scan read the source of about a hundred modules before the first paint and kept all of it in
``linecache`` (12 ms and 27 MB at idle, run from source; the frozen app has no sources to read,
so it already ran this way). Guarded: another PySide6 without the hook is left as it is.
"""
from __future__ import annotations


def _skip_feature_scan() -> bool:
    try:
        import PySide6  # noqa: F401 - loads shibokensupport
        from shibokensupport import feature  # type: ignore[import-not-found]
    except ImportError:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = lambda _module: False
    return True


FEATURE_SCAN_SKIPPED = _skip_feature_scan()
