"""Folding names for search and matching: case, accents and spacing do not make another actor."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, accents removed, white space collapsed: ``Café  Zuid`` -> ``cafe zuid``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", stripped).strip()


def slug(text: str) -> str:
    """A code made from a name: ``Brugse Poort`` -> ``brugse-poort``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
