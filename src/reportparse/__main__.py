"""``python -m reportparse`` runs the command line."""

import sys

from reportparse.cli.app import main

sys.exit(main())
