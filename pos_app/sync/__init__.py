"""The sync engine: sends what was accepted offline, follows it to finality, reports outcomes."""
