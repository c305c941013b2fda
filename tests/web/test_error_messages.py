"""Registry errors on pages speak the page's language; the command line keeps its English."""

from __future__ import annotations

from urllib.parse import urlencode

from quadhelix.registry.errors import Conflict, InvalidValue, NotFound
from quadhelix.web.messages import Text, message_of, translate
from quadhelix.web.translations import translations
from tests.web.builder_seed import builder_seed
from tests.web.conftest import Site


def _dutch(value: object) -> object:
    return translate(value, translations("nl").gettext)


def test_errors_keep_english_text_and_carry_what_a_catalogue_needs() -> None:
    wrong = InvalidValue("size", 60, "must be between 1 and %(most)s", most=50)
    assert str(wrong) == "size: must be between 1 and 50 (got 60)"  # what the CLI prints
    assert (wrong.reason_template, wrong.reason_params) == (
        "must be between 1 and %(most)s",
        {"most": 50},
    )
    taken = Conflict(template="user: %(name)r is taken", name="bert")
    assert str(taken) == "user: 'bert' is taken" and taken.params == {"name": "bert"}
    assert str(Conflict("plain words")) == "plain words"


def test_messages_are_translated_with_their_parameters() -> None:
    missing = message_of(NotFound("lead", "Niemand"))
    assert missing == "lead not found: 'Niemand'"  # still a str, in English
    assert _dutch(missing) == "trekker niet gevonden: 'Niemand'"
    empty = message_of(InvalidValue("text", "", "expected a whole number"))
    assert _dutch(empty) == "text: verwacht een geheel getal (gekregen: '')"
    unknown = Text("a sentence no catalogue holds")
    assert _dutch(unknown) == "a sentence no catalogue holds"
    assert _dutch("plain strings pass unchanged") == "plain strings pass unchanged"
    assert _dutch(Text("")) == ""


def test_pages_show_registry_errors_in_dutch_and_english(site: Site) -> None:
    builder_seed(site.engine)
    browser = site.browser("viewer")
    ask = {"title": "Hittestress", "lead": "Niemand Bekend"}
    dutch = browser.http.get("/builder?" + urlencode(ask))
    assert "trekker niet gevonden: &#39;Niemand Bekend&#39;" in dutch.text
    english = browser.http.get("/builder?" + urlencode(ask | {"lang": "en"}))
    assert "lead not found: &#39;Niemand Bekend&#39;" in english.text
    empty = browser.http.get("/builder?title=&description=")
    assert "beschrijf de uitdaging, of geef minstens één thema of gebied" in empty.text
    listing = browser.http.get("/actors", params={"theme": "geen-thema"})
    assert "onbekend thema" in listing.text
    assert browser.http.get("/actors/999999").status_code == 404
    assert "actor niet gevonden: 999999" in browser.http.get("/actors/999999").text
