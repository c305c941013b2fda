"""Stop early, with a clear message, when the Python that builds .venv is too old."""

import sys

MINIMUM = (3, 11)

if sys.version_info < MINIMUM:
    sys.exit(f"quadhelix needs Python 3.11 or newer; {sys.executable} is {sys.version.split()[0]}")
