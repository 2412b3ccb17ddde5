"""Local storage: one SQLite database per shop (WAL, synchronous=FULL), numbered migrations."""
from pos_app.store.db import Store, open_store

__all__ = ["Store", "open_store"]
