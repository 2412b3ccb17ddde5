"""The one catalogue: codes into the shop's words (Kyrgyz, Russian, English), without Qt.

The core stores and raises codes with parameters (``pos_app/core/reasons.py`` for history rows,
``pos_app/core/messages.py`` for errors); ``words.py`` holds each state's label and each history
code's shop words once; ``render.py`` (``Words``) renders any of them in a language; its
translator is Qt's for the screens and ``catalogue.py``'s compiled JSON for the CLI (and, next,
receipts and reports), both made from the same .ts files.
"""
