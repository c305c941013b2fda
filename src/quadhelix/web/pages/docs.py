"""The user documentation (``docs/*.md``) as pages, in Dutch where it is translated.

The pages link to it where people need it (the columns of an import, the export formats). The
documentation lives in the repository, beside the package: an installation without the source
tree shows a page that says where to find it instead.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from markdown_it import MarkdownIt

from quadhelix.web.pages.rendering import ReaderView

router = APIRouter()
DOCS = Path(__file__).resolve().parents[4] / "docs"  # the repository's documentation
# The pages offered, by name: (Dutch file, English file).
PAGES = {
    "guide": ("handleiding.md", "guide.md"),
    "imports": ("imports.nl.md", "imports.md"),
    "exports": ("exports.nl.md", "exports.md"),
    "analytics": ("analytics.nl.md", "analytics.md"),
    "builder": ("builder.nl.md", "builder.md"),
    "survey": ("survey.nl.md", "survey.md"),
    "web": ("web.nl.md", "web.md"),
    "demo-city": ("demo-city.nl.md", "demo-city.md"),
    "cli-reference": ("cli-reference.md", "cli-reference.md"),
    "architecture": ("architecture.md", "architecture.md"),
}
_FILE_TO_PAGE = {file: name for name, files in PAGES.items() for file in files}
_DOC_LINK = re.compile(r'href="([\w.-]+\.md)(#[^"]*)?"')
_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>")


@lru_cache(maxsize=32)
def documentation(file: str) -> str | None:
    """A documentation file as HTML (raw HTML in it is escaped), or None when absent.

    Links between documentation files become links between these pages, in the language of the
    file they point to; headings get ids, so that links to a section (``#e-mail``) work.
    """
    path = DOCS / file
    if not path.is_file():
        return None
    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    html = str(renderer.render(path.read_text(encoding="utf-8")))

    def local(found: re.Match[str]) -> str:
        page = _FILE_TO_PAGE.get(found.group(1))
        if page is None:
            return found.group(0)
        language = _language(found.group(1))
        switch = f"?lang={language}" if language and language != _language(file) else ""
        return f'href="/help/{page}{switch}{found.group(2) or ""}"'

    def heading(found: re.Match[str]) -> str:
        level, text = found.group(1), found.group(2)
        return f'<h{level} id="{_slug(text)}">{text}</h{level}>'

    return _HEADING.sub(heading, _DOC_LINK.sub(local, html))


def _language(file: str) -> str | None:
    """ "nl" or "en" for a file with a translation, None for one in a single language."""
    for dutch, english in PAGES.values():
        if dutch != english and file in (dutch, english):
            return "nl" if file == dutch else "en"
    return None


def _slug(html: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, no punctuation, spaces as hyphens."""
    text = re.sub(r"<[^>]+>", "", html).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


@router.get("/help/{name}")
def help_page(name: str, view: ReaderView) -> HTMLResponse:
    files = PAGES.get(name)
    if files is None:
        return view.render("help.html", status_code=404, documentation=None, file=None, name="")
    dutch, english = files
    chosen = [dutch, english] if view.language == "nl" else [english]
    html = next((page for file in chosen if (page := documentation(file)) is not None), None)
    return view.render(
        "help.html", status_code=200 if html else 404, documentation=html, file=english, name=name
    )
