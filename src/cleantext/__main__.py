"""`python -m cleantext`: the same as the `cleantext` command."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
