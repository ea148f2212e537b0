"""The ``reportparse`` command: :mod:`.main` builds the parser; one module per command."""

import os

# Arrow's own allocator (mimalloc) keeps the memory a table frees for reuse; the command builds
# and writes one large table after another, so with it a 1,000-file batch's command process
# peaks about 65 MB higher. The system allocator gives the memory back. A value the user set is
# kept. (Set before pandas loads pyarrow: the pool is chosen once, at its import.)
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

from reportparse.cli.app import main  # noqa: E402

__all__ = ["main"]
