"""Dutch and English: message catalogues read from the ``.po`` files at start-up.

The ``.po`` files in ``i18n/`` are the source; they are compiled in memory when the app starts,
so no compiled ``.mo`` file has to be built or committed. English message ids are the source
language; Dutch is the default language of the pages.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from io import BytesIO

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
DOMAIN = "messages"


def catalogue_dir() -> str:
    return str(files("quadhelix.web") / "i18n")


@lru_cache(maxsize=len(LANGUAGES))
def translations(language: str) -> Translations:
    """The compiled catalogue of one language (cached for the life of the process)."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    po = files("quadhelix.web") / "i18n" / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with po.open("rb") as source:
        catalogue = read_po(source, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def pick_language(*candidates: str | None) -> str:
    """The first supported language among the candidates (query, cookie), else Dutch."""
    for candidate in candidates:
        if candidate and candidate.lower()[:2] in LANGUAGES:
            return candidate.lower()[:2]
    return DEFAULT_LANGUAGE


def N_(message: str) -> str:  # noqa: N802  (the gettext convention for "translate later")
    """Mark a string for extraction; it is translated where it is shown."""
    return message
