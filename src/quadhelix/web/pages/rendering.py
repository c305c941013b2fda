"""Rendering pages: one Jinja2 environment per language, autoescaped, with Babel's gettext.

``View`` bundles what every page needs (request, who is asking, language) so that handlers stay
short: ``return view.render("actors/list.html", page=page)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from math import isfinite
from typing import Annotated, Any
from urllib.parse import urlencode

from babel.numbers import format_decimal
from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from quadhelix.accounts.model import Role
from quadhelix.registry.model import Area, Theme
from quadhelix.web.deps import EditorUser, Principal, PrincipalDep, Reader, StateDep
from quadhelix.web.labels import LABELS, label
from quadhelix.web.messages import translate
from quadhelix.web.security import LANGUAGE_COOKIE
from quadhelix.web.state import AppState
from quadhelix.web.translations import LANGUAGES, pick_language, translations


def format_number(
    value: float | None, language: str, digits: int | None = None, sign: bool = False
) -> str:
    """A number as the page's language writes it ("1.780" and "0,25" in Dutch).

    ``digits``: that many decimals; without it whole numbers (and anything from 1000 up) are
    shown whole and others with up to three significant digits. ``sign`` shows a "+" for gains.
    None (a measure that does not apply) is a dash.
    """
    if value is None or not isfinite(value):
        return "–"
    if digits is not None:
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
    elif float(value).is_integer() or abs(value) >= 1000:
        pattern = "#,##0"
    else:
        pattern = "@##"
    if sign and value:  # no sign on "no change"
        pattern = f"+{pattern};-{pattern}"
    return format_decimal(value, pattern, locale=language)


class Renderer:
    """Compiled templates for each language; safe to share between threads."""

    def __init__(self) -> None:
        self._environments = {language: self._environment(language) for language in LANGUAGES}

    @staticmethod
    def _environment(language: str) -> Environment:
        catalogue = translations(language)

        def figure(value: float, digits: int) -> str:
            return format_number(value, language, digits)

        environment = Environment(
            loader=PackageLoader("quadhelix.web", "templates"),
            autoescape=True,
            extensions=["jinja2.ext.i18n"],
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            # Error messages (``web.messages.Text``) are shown in the page's language.
            finalize=lambda value: translate(value, catalogue.gettext, figure),
        )
        environment.install_gettext_translations(catalogue, newstyle=True)  # type: ignore[attr-defined]

        def translated_label(vocabulary: str, value: object) -> str:
            return catalogue.gettext(label(vocabulary, value))

        def choices(vocabulary: str) -> list[tuple[str, str]]:
            return [(value, catalogue.gettext(text)) for value, text in LABELS[vocabulary].items()]

        def theme_choices(themes: list[Theme]) -> list[tuple[str, str]]:
            return [(t.code, t.name_nl if language == "nl" else t.name_en) for t in themes]

        def number(value: float | None, digits: int | None = None, sign: bool = False) -> str:
            return format_number(value, language, digits, sign)

        environment.filters["number"] = number
        environment.globals["label"] = translated_label
        environment.globals["choices"] = choices

        def areas_choices(areas: list[Area]) -> list[tuple[str, str]]:
            return [(a.code, a.name) for a in areas]

        environment.globals["theme_choices"] = theme_choices
        environment.globals["areas_choices"] = areas_choices
        return environment

    def render(self, language: str, template: str, context: dict[str, Any]) -> str:
        return self._environments[language].get_template(template).render(context)


@lru_cache(maxsize=1)
def shared_renderer() -> Renderer:
    """One renderer per process: templates are compiled once, whatever the number of apps."""
    return Renderer()


def request_language(request: Request) -> str:
    return pick_language(request.query_params.get("lang"), request.cookies.get(LANGUAGE_COOKIE))


@dataclass(frozen=True)
class View:
    request: Request
    principal: Principal
    state: AppState
    language: str

    @property
    def is_htmx(self) -> bool:
        """A partial update by htmx (not a history restore, which needs the whole page)."""
        headers = self.request.headers
        return headers.get("HX-Request") == "true" and "HX-History-Restore-Request" not in headers

    def gettext(self, message: str) -> str:
        return translations(self.language).gettext(message)

    def label(self, vocabulary: str, value: object) -> str:
        """A controlled value's label in the page's language."""
        return self.gettext(label(vocabulary, value))

    def query_url(self, **changes: object) -> str:
        """This page's URL with some query parameters changed (``None`` removes one)."""
        params = [(k, v) for k, v in self.request.query_params.multi_items() if k not in changes]
        params += [(k, str(v)) for k, v in changes.items() if v is not None and v != ""]
        query = urlencode(params)
        return self.request.url.path + (f"?{query}" if query else "")

    def render(
        self,
        template: str,
        status_code: int = 200,
        headers: dict[str, str] | None = None,
        **context: Any,
    ) -> HTMLResponse:
        role = self.principal.role
        query = self.request.url.query
        base = {
            "lang": self.language,
            "user": self.principal if role is not None else None,
            "csrf_token": self.principal.csrf_token or "",
            "can_edit": role is not None and role.allows(Role.EDITOR),
            "is_admin": role is not None and role.allows(Role.ADMIN),
            "path": self.request.url.path + (f"?{query}" if query else ""),
            "query_url": self.query_url,
            "languages": LANGUAGES,
        }
        html = self.state.renderer.render(self.language, template, base | context)
        response = HTMLResponse(html, status_code=status_code, headers=headers)
        response.headers["Vary"] = "Cookie, HX-Request, HX-Target"
        response.headers["Content-Language"] = self.language
        return response


def public_view(request: Request, principal: PrincipalDep, state: StateDep) -> View:
    return View(request, principal, state, request_language(request))


PublicView = Annotated[View, Depends(public_view)]


def reader_view(view: PublicView, _reader: Reader) -> View:
    return view


def editor_view(view: PublicView, _editor: EditorUser) -> View:
    return view


ReaderView = Annotated[View, Depends(reader_view)]
EditorView = Annotated[View, Depends(editor_view)]
