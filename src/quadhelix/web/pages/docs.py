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
}
_FILE_TO_PAGE = {file: name for name, files in PAGES.items() for file in files}
_DOC_LINK = re.compile(r'href="([\w.-]+\.md)(#[^"]*)?"')


@lru_cache(maxsize=32)
def documentation(file: str) -> str | None:
    """A documentation file as HTML (raw HTML in it is escaped), or None when absent.

    Links between documentation files become links between these pages.
    """
    path = DOCS / file
    if not path.is_file():
        return None
    renderer = MarkdownIt("commonmark", {"html": False}).enable("table")
    html = str(renderer.render(path.read_text(encoding="utf-8")))

    def local(found: re.Match[str]) -> str:
        page = _FILE_TO_PAGE.get(found.group(1))
        return f'href="/help/{page}{found.group(2) or ""}"' if page else found.group(0)

    return _DOC_LINK.sub(local, html)


@router.get("/help/{name}")
def help_page(name: str, view: ReaderView) -> HTMLResponse:
    files = PAGES.get(name)
    if files is None:
        return view.render("help.html", status_code=404, documentation=None, file=None)
    dutch, english = files
    chosen = [dutch, english] if view.language == "nl" else [english]
    html = next((page for file in chosen if (page := documentation(file)) is not None), None)
    return view.render(
        "help.html", status_code=200 if html else 404, documentation=html, file=english
    )
