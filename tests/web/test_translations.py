"""Message catalogues: current with the sources, complete in Dutch, loadable without .mo files."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from quadhelix.web.translations import LANGUAGES, pick_language, translations

WEB = Path(str(files("quadhelix.web")))
I18N = WEB / "i18n"


def _catalogue(path: Path) -> dict[str, str]:
    with path.open("rb") as source:
        return {str(m.id): str(m.string) for m in read_po(source) if m.id}


def _extracted() -> set[str]:
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    options = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    return {
        message if isinstance(message, str) else str(tuple(message))  # a plural: both forms
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(WEB), method_map, options
        )
    }


def test_the_template_lists_every_message_in_the_sources() -> None:
    pot = set(_catalogue(I18N / "messages.pot"))
    assert _extracted() == pot, (
        "src/quadhelix/web/i18n/messages.pot is stale: see docs/web.md, 'Translations'"
    )


def test_every_language_has_every_message_and_dutch_translates_them_all() -> None:
    pot = set(_catalogue(I18N / "messages.pot"))
    for language in LANGUAGES:
        catalogue = _catalogue(I18N / language / "LC_MESSAGES" / "messages.po")
        assert set(catalogue) == pot, language
    dutch = _catalogue(I18N / "nl" / "LC_MESSAGES" / "messages.po")
    assert [message for message, text in dutch.items() if not text] == []


def test_catalogues_compile_in_memory() -> None:
    assert translations("nl").gettext("Actors") == "Actoren"
    assert translations("en").gettext("Actors") == "Actors"
    assert not list(I18N.rglob("*.mo"))


def test_language_choice() -> None:
    assert pick_language(None, None) == "nl"
    assert pick_language("EN", "nl") == "en"
    assert pick_language("fr", "en-GB") == "en"
