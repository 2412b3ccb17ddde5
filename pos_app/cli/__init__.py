"""The ``sompos`` command line: a registry of command groups, shared output helpers, one module a group."""
