"""`python -m draftdesk` runs the command line."""

from __future__ import annotations

import sys

from draftdesk.cli import main

sys.exit(main())
