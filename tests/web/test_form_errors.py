"""Form error summaries name each field by the label the form shows, in the page's language.

The summary is what a screen reader announces first and what a sighted user reads before
scrolling; ``helix`` or ``links_text`` means nothing to either of them.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, nodes

from quadhelix.web.pages.forms import FormErrors
from quadhelix.web.pages.rendering import Renderer
from tests.web.builder_seed import builder_seed
from tests.web.conftest import Site

TEMPLATES = Path(__file__).parents[2] / "src" / "quadhelix" / "web" / "templates"
FIELD_MACRO = re.compile(r'm\.(?:input|select|textarea|multiselect)\("(\w+)", ([\w.\[\]"]+)')
FIELD_ERROR = re.compile(r'm\.field_error\(\w+, "(\w+)"\)')
# Label tables the page code builds: a survey's fields are its questions, in the wave's language.
FROM_PAGE_CODE = {"respond.html": {"labels"}}
SUMMARY = re.compile(r"m\.form_errors_summary\((\w+)(?:, (?:dict\()?(\w+))?")


def _summary(html: str) -> list[str]:
    """The summary's items, as HTML."""
    found = re.search(r'<div class="alert error" role="alert">(.*?)</div>', html, re.S)
    assert found, "no error summary on the page"
    return [item.strip() for item in re.findall(r"<li>(.*?)</li>", found.group(1), re.S)]


def test_the_actor_form_summary_uses_the_labels_in_dutch_and_in_english(site: Site) -> None:
    browser = site.browser("editor")
    token = browser.csrf("/actors/new")
    sent = {"csrf_token": token, "name": "", "helix": "media", "kbo": "0417.497.107"}
    dutch = browser.http.post("/actors/new", data=sent)
    assert dutch.status_code == 422
    items = _summary(dutch.text)
    assert any(i.startswith('<a href="#f-name">Naam</a>: ') for i in items), items
    assert any(i.startswith('<a href="#f-helix">Helixsector</a>: ') for i in items), items
    assert any(i.startswith('<a href="#f-kbo">Ondernemingsnummer (KBO)</a>: ') for i in items)
    english = browser.http.post("/actors/new", params={"lang": "en"}, data=sent)
    items = _summary(english.text)
    assert any(i.startswith('<a href="#f-helix">Helix sector</a>: ') for i in items), items
    assert any(i.startswith('<a href="#f-kbo">Enterprise number (KBO)</a>: ') for i in items)
    for html in (dutch.text, english.text):  # every link leads to a control on the page
        for target in re.findall(r'<li><a href="#([\w-]+)">', html):
            assert f'id="{target}"' in html


def test_an_error_on_a_value_built_from_another_box_links_to_that_box(site: Site) -> None:
    browser = site.browser("editor")
    token = browser.csrf("/coalitions/new")
    response = browser.http.post(
        "/coalitions/new",
        data={
            "csrf_token": token,
            "name": "Hitteplan",
            "kind": "project",
            "status": "idea",
            "links_text": "Plan | niet-een-adres",
        },
    )
    assert response.status_code == 422
    items = _summary(response.text)
    assert len(items) == 1 and items[0].startswith('<a href="#f-links_text">Documenten</a>: ')
    assert 'id="f-links_text"' in response.text


def test_the_builder_names_a_sector_of_the_helix_mix_by_its_label(site: Site) -> None:
    builder_seed(site.engine)
    browser = site.browser("viewer")
    query = {"title": "Hittestress", "lead": "Dienst Groen", "mix_knowledge": "-1"}
    response = browser.http.get("/builder?" + urlencode(query))
    assert response.status_code == 422
    items = _summary(response.text)
    assert items[0].startswith('<a href="#f-mix_knowledge">Kennisinstellingen</a>: '), items
    too_many = browser.http.get(
        "/builder?" + urlencode(query | {"size": "2", "mix_knowledge": "3"})
    )
    item = _summary(too_many.text)[0]
    assert item.startswith('<a href="#f-mix_government">Helixmix</a>: '), item


def test_an_error_the_form_does_not_show_is_listed_by_its_message_alone() -> None:
    environment = Renderer._environment("en")
    summary = environment.from_string(
        '{% import "macros.html" as m with context %}{{ m.form_errors_summary(errors, labels) }}'
    )
    errors = FormErrors({"name": "is required", "version": "is stale"})
    html = summary.render(errors=errors, labels={"name": "Name"})
    assert '<li><a href="#f-name">Name</a>: is required</li>' in html
    assert "<li>is stale</li>" in html and "version" not in html
    assert "<li>" in summary.render(errors=errors, labels={})  # no table: messages alone
    assert "href" not in summary.render(errors=errors, labels={})


def _label_tables(source: str) -> dict[str, set[str]]:
    """The label tables a template sets (``{% set labels = {...} %}``): name -> field names."""
    tables: dict[str, set[str]] = {}
    for assign in Environment().parse(source).find_all(nodes.Assign):
        if isinstance(assign.target, nodes.Name) and isinstance(assign.node, nodes.Dict):
            keys = {item.key.value for item in assign.node.items}  # type: ignore[attr-defined]
            tables[assign.target.name] = keys
    return tables


def test_every_form_field_takes_its_label_from_the_table_its_summary_uses() -> None:
    checked = 0
    for path in sorted(TEMPLATES.rglob("*.html")):
        source = path.read_text(encoding="utf-8")
        summaries = SUMMARY.findall(source)
        if path.name == "macros.html" or not summaries:
            continue
        tables = _label_tables(source)
        used = {table for _, table in summaries if table} - FROM_PAGE_CODE.get(path.name, set())
        assert used <= set(tables), f"{path.name}: a summary names a table it does not set"
        names = set().union(*(tables[t] for t in used)) if used else set()
        for name, text in FIELD_MACRO.findall(source):
            assert text.split(".")[-1] == name and text.split(".")[0] in used, (path.name, name)
            assert name not in dir(dict), f"{path.name}: {name!r} hides a dict method"
            checked += 1
        for name in FIELD_ERROR.findall(source) if path.name not in FROM_PAGE_CODE else ():
            assert name in names, f"{path.name}: the summary has no label for {name!r}"
    assert checked > 40


def test_no_partner_ticked_links_to_the_table_of_partners(site: Site) -> None:
    builder_seed(site.engine)
    browser = site.browser("editor")
    ask = {"title": "Hittestress", "lead": "Dienst Groen", "size": "3"}
    page = browser.http.get("/builder?" + urlencode(ask))
    form = {
        "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1),  # type: ignore[union-attr]
        "challenge": urlencode(ask),
        "name": "Koele speelplaatsen",
        "kind": "project",
        "status": "idea",
    }
    refused = browser.http.post("/builder/create", data=form)
    assert refused.status_code == 422
    assert _summary(refused.text)[0].startswith('<a href="#f-member">Partners</a>: ')
    assert '<table class="records proposal" id="f-member"' in refused.text
