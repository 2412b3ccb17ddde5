"""Entry point of the frozen app (PyInstaller): the same as the ``sompos`` console script."""
import sys

from pos_app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
