"""A question the cashier answers with one tap, without blocking the event loop."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, name: str, text: str, buttons: list[tuple[str, str, QMessageBox.ButtonRole]],
        chosen: Callable[[str], None]) -> QMessageBox:
    """A question the cashier answers with one tap; never blocks the event loop (``open``, not ``exec``).

    ``buttons``: (objectName, text, role); ``chosen`` gets the objectName of the button tapped (the
    Escape key or closing the box counts as the last button: the safe choice is listed last).
    """
    box = QMessageBox(QMessageBox.Icon.Question, "Som POS", text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName(name)
    font = box.font()
    font.setPointSize(max(font.pointSize(), 14))     # read at arm's length at the counter
    box.setFont(font)
    made = []
    for object_name, label, role in buttons:
        b = box.addButton(label, role)
        b.setObjectName(object_name)
        b.setMinimumHeight(48)
        made.append(b)
    box.setEscapeButton(made[-1])
    box.setDefaultButton(made[-1])

    def done(_result: int) -> None:
        clicked = box.clickedButton()
        chosen(clicked.objectName() if clicked is not None else made[-1].objectName())
        box.deleteLater()
    box.finished.connect(done)
    box.open()
    return box
