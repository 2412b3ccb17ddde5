"""Blockchain access: the som token contract, node connections and payment detection (no Qt)."""
