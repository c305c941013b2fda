"""Where the shared reference data lies: ``../shared`` beside the clone, or QUADHELIX_SHARED_DIR."""

from __future__ import annotations

import os
from pathlib import Path

SHARED = Path(
    os.environ.get("QUADHELIX_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared")
)
DATA = SHARED / "data"
