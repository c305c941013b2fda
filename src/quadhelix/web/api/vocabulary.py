"""``/api/v1/themes`` and ``/api/v1/areas``: the shared words and places records are tagged with."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, status
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

from quadhelix.registry.errors import InvalidValue, NotFound
from quadhelix.registry.model import Area, Theme
from quadhelix.registry.vocab import AreaKind, parse_choice
from quadhelix.registry.vocabulary import (
    add_area,
    add_theme,
    find_area,
    find_theme,
    list_areas,
    list_themes,
)
from quadhelix.web.api.common import (
    CREATE,
    READ,
    READ_ONE,
    PageOf,
    PageQuery,
    envelope,
    references,
    slice_page,
)
from quadhelix.web.deps import EditorUser, Reader, SessionDep

router = APIRouter()

Code = Annotated[str, Path(min_length=1, max_length=100, description="Code or name.")]
_CODE = r"^[a-z0-9][a-z0-9_-]*$"


class ThemePublic(BaseModel):
    id: int
    code: str
    name_nl: str
    name_en: str
    parent: str | None


class ThemesPublic(PageOf[ThemePublic]):
    pass


class ThemeCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: Annotated[str, Field(min_length=1, max_length=100, pattern=_CODE)]
    name_nl: Annotated[str, Field(min_length=1, max_length=200)]
    name_en: Annotated[str | None, Field(max_length=200)] = None
    parent: Annotated[str | None, Field(max_length=100)] = None


def _area_kind(value: object) -> AreaKind:
    """Area kinds as people type them: ``wijk``, ``district``, ``neighbourhood``."""
    if not isinstance(value, str | AreaKind):
        raise ValueError("an area kind is text: country, city, district or neighbourhood")
    try:
        return parse_choice(AreaKind, value, "kind")
    except InvalidValue as error:
        raise ValueError(error.reason) from None


class AreaPublic(BaseModel):
    id: int
    code: str
    name: str
    kind: AreaKind
    parent: str | None


class AreasPublic(PageOf[AreaPublic]):
    pass


class AreaCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: Annotated[str, Field(min_length=1, max_length=200)]
    kind: Annotated[AreaKind, BeforeValidator(_area_kind)] = AreaKind.NEIGHBOURHOOD
    parent: Annotated[str | None, Field(max_length=200)] = None
    code: Annotated[str | None, Field(max_length=100, pattern=_CODE)] = None

    @field_validator("name")
    @classmethod
    def _has_letters(cls, value: str) -> str:
        if not any(ch.isalnum() for ch in value):
            raise ValueError("an area needs a name with letters or digits")
        return value


def theme_public(theme: Theme) -> ThemePublic:
    parent = theme.parent.code if theme.parent else None
    return ThemePublic(
        id=theme.id, code=theme.code, name_nl=theme.name_nl, name_en=theme.name_en, parent=parent
    )


def area_public(area: Area) -> AreaPublic:
    parent = area.parent.code if area.parent else None
    return AreaPublic(id=area.id, code=area.code, name=area.name, kind=area.kind, parent=parent)


@router.get(
    "/themes", response_model=ThemesPublic, responses=READ, tags=["themes"], summary="List themes"
)
def list_themes_(
    request: Request, session: SessionDep, _reader: Reader, query: Annotated[PageQuery, Query()]
) -> ThemesPublic:
    page = slice_page(list_themes(session), query)
    return envelope(ThemesPublic, request, page, [theme_public(t) for t in page.items])


@router.get(
    "/themes/{code}",
    response_model=ThemePublic,
    responses=READ_ONE,
    tags=["themes"],
    summary="Read a theme",
)
def read_theme(code: Code, session: SessionDep, _reader: Reader) -> ThemePublic:
    theme = find_theme(session, code)
    if theme is None:
        raise NotFound("theme", code)
    return theme_public(theme)


@router.post(
    "/themes",
    response_model=ThemePublic,
    status_code=status.HTTP_201_CREATED,
    responses=CREATE,
    tags=["themes"],
    summary="Add a theme",
)
def create_theme(data: ThemeCreate, session: SessionDep, _user: EditorUser) -> ThemePublic:
    theme = add_theme(session, data.code, data.name_nl, data.name_en, data.parent)
    return theme_public(theme)


@router.get(
    "/areas", response_model=AreasPublic, responses=READ, tags=["areas"], summary="List areas"
)
def list_areas_(
    request: Request, session: SessionDep, _reader: Reader, query: Annotated[PageQuery, Query()]
) -> AreasPublic:
    page = slice_page(list_areas(session), query)
    return envelope(AreasPublic, request, page, [area_public(a) for a in page.items])


@router.get(
    "/areas/{code}",
    response_model=AreaPublic,
    responses=READ_ONE,
    tags=["areas"],
    summary="Read an area",
)
def read_area(code: Code, session: SessionDep, _reader: Reader) -> AreaPublic:
    area = find_area(session, code)
    if area is None:
        raise NotFound("area", code)
    return area_public(area)


@router.post(
    "/areas",
    response_model=AreaPublic,
    status_code=status.HTTP_201_CREATED,
    responses=CREATE,
    tags=["areas"],
    summary="Add an area",
)
def create_area(data: AreaCreate, session: SessionDep, _user: EditorUser) -> AreaPublic:
    with references():
        area = add_area(session, data.name, data.kind, data.parent, data.code)
    return area_public(area)
