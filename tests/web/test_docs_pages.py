"""The user documentation as pages, in the page's language, linked from where it is needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from quadhelix.web.pages import docs
from tests.web.conftest import Site


def test_the_documentation_is_shown_in_the_pages_language(site: Site) -> None:
    viewer = site.browser("viewer")
    dutch = viewer.http.get("/help/exports")
    assert dutch.status_code == 200 and ">Exporteren, back-up en terugzetten</h1>" in dutch.text
    english = viewer.http.get("/help/exports", params={"lang": "en"})
    assert ">Exports, backup and restore</h1>" in english.text and "<table>" in english.text
    web = viewer.http.get("/help/web", params={"lang": "en"})
    assert 'href="/help/exports"' in web.text  # links between the files lead to these pages
    assert viewer.http.get("/help/no-such-page").status_code == 404
    assert 'href="/help/exports"' in viewer.http.get("/exports").text
    assert 'href="/help/web">Hulp</a>' in dutch.text  # the footer
    assert 'href="/help/guide"' in dutch.text  # the list of pages
    survey = viewer.http.get("/help/survey", params={"lang": "en"}).text
    assert '<h2 id="e-mail">E-mail</h2>' in survey  # sections can be linked to
    guide = viewer.http.get("/help/guide").text  # Dutch: the handleiding
    assert 'href="/help/guide?lang=en"' in guide  # its link to the English guide switches
    assert viewer.http.get("/help/cli-reference").status_code == 200


def test_markup_is_escaped_and_a_missing_copy_is_explained(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "guide.md").write_text("# Gids\n\n<script>alert(1)</script>\n", encoding="utf-8")
    monkeypatch.setattr(docs, "DOCS", tmp_path)
    docs.documentation.cache_clear()
    try:
        viewer = site.browser("viewer")
        page = viewer.http.get("/help/guide", params={"lang": "en"})
        assert page.status_code == 200 and '<h1 id="gids">Gids</h1>' in page.text
        assert "<script>alert(1)</script>" not in page.text
        missing = viewer.http.get("/help/exports", params={"lang": "en"})
        assert missing.status_code == 404 and "docs/exports.md" in missing.text
    finally:
        docs.documentation.cache_clear()
