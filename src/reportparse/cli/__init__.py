"""The ``reportparse`` command: :mod:`.main` builds the parser; one module per command."""

from reportparse.cli.app import main

__all__ = ["main"]
