"""Allows ``python -m pos_app`` as an alias of the ``sompos`` command."""
import sys

from pos_app.cli.main import main

sys.exit(main())
