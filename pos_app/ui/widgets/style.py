"""The style every screen shares: touch-sized fields and buttons, and disabled controls that look
disabled. Installed once on the application (the main window and the first-run dialog do it)."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from pos_app.ui.widgets.common import DISABLED_LOOK, TOUCH_MIN

# min-height in a style sheet bounds the content box: borders and padding come on top, so the
# finished control is at least TOUCH_MIN px high.
SHARED_STYLE = f"""
QPushButton, QLineEdit, QComboBox, QSpinBox {{ min-height: {TOUCH_MIN}px; }}
QPushButton:disabled {{ {DISABLED_LOOK} }}
"""


def apply_shared_style(app: QApplication | None = None) -> None:
    """Install the shared style on the application (idempotent)."""
    app = app or QApplication.instance()
    if app is not None and app.styleSheet() != SHARED_STYLE:
        app.setStyleSheet(SHARED_STYLE)
