"""The Qt desktop app. The only package that imports PySide6; it drives the plain-Python core."""
