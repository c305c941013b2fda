"""Themes and areas: the shared words and places that actors and coalitions are tagged with."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from quadhelix.registry.default_themes import DEFAULT_THEMES
from quadhelix.registry.errors import Conflict, InvalidValue, NotFound
from quadhelix.registry.model import Area, Theme
from quadhelix.registry.names import fold, slug
from quadhelix.registry.vocab import AreaKind, parse_choice


def ensure_default_themes(session: Session) -> int:
    """Add the default themes that are missing; returns how many were added. Idempotent."""
    existing = {theme.code: theme for theme in session.scalars(select(Theme))}
    added = 0
    for code, name_nl, name_en, parent_code in DEFAULT_THEMES:
        if code in existing:
            continue
        theme = Theme(code=code, name_nl=name_nl, name_en=name_en)
        if parent_code is not None:
            theme.parent = existing[parent_code]
        session.add(theme)
        existing[code] = theme
        added += 1
    session.flush()
    return added


def list_themes(session: Session) -> list[Theme]:
    return list(session.scalars(select(Theme).order_by(Theme.code)))


def find_theme(session: Session, ref: str) -> Theme | None:
    """A theme by code, or by its Dutch or English name (case and accents ignored)."""
    theme = session.scalar(select(Theme).where(Theme.code == ref.strip()))
    if theme is not None:
        return theme
    wanted = fold(ref)
    for candidate in session.scalars(select(Theme)):
        if wanted in (fold(candidate.code), fold(candidate.name_nl), fold(candidate.name_en)):
            return candidate
    return None


def resolve_themes(session: Session, refs: list[str], field: str = "themes") -> list[Theme]:
    themes: list[Theme] = []
    for ref in refs:
        theme = find_theme(session, ref)
        if theme is None:
            raise InvalidValue(field, ref, "unknown theme; see `quadhelix themes list`")
        if theme not in themes:
            themes.append(theme)
    return themes


def add_theme(
    session: Session, code: str, name_nl: str, name_en: str | None = None, parent: str | None = None
) -> Theme:
    if session.scalar(select(Theme).where(Theme.code == code)) is not None:
        raise Conflict(template="code: theme %(code)r already exists", code=code)
    theme = Theme(code=code, name_nl=name_nl, name_en=name_en or name_nl)
    if parent is not None:
        theme.parent = resolve_themes(session, [parent], "parent")[0]
    session.add(theme)
    session.flush()
    return theme


def find_area(session: Session, ref: str) -> Area | None:
    """An area by code or name (case and accents ignored)."""
    area = session.scalar(select(Area).where(or_(Area.code == ref.strip(), Area.code == slug(ref))))
    if area is not None:
        return area
    wanted = fold(ref)
    return next((a for a in session.scalars(select(Area)) if fold(a.name) == wanted), None)


def get_area(session: Session, ref: str) -> Area:
    area = find_area(session, ref)
    if area is None:
        raise NotFound("area", ref)
    return area


def add_area(
    session: Session,
    name: str,
    kind: str | AreaKind = AreaKind.NEIGHBOURHOOD,
    parent: str | None = None,
    code: str | None = None,
) -> Area:
    code = code or slug(name)
    if not code:
        raise InvalidValue("name", name, "an area needs a name with letters or digits")
    if session.scalar(select(Area).where(Area.code == code)) is not None:
        raise Conflict(template="code: area %(code)r already exists", code=code)
    area = Area(code=code, name=name.strip(), kind=parse_choice(AreaKind, kind, "kind"))
    if parent is not None:
        area.parent = get_area(session, parent)
    session.add(area)
    session.flush()
    return area


def resolve_areas(
    session: Session, refs: list[str], field: str = "areas", create: bool = True
) -> tuple[list[Area], list[Area]]:
    """The areas named; unknown names become new neighbourhoods when ``create`` is set.

    Returns (areas, newly created areas) so that callers can tell the user what was added.
    """
    areas: list[Area] = []
    created: list[Area] = []
    for ref in refs:
        area = find_area(session, ref)
        if area is None:
            if not create:
                raise InvalidValue(field, ref, "unknown area; see `quadhelix areas list`")
            area = add_area(session, ref)
            created.append(area)
        if area not in areas:
            areas.append(area)
    return areas, created


def list_areas(session: Session) -> list[Area]:
    return list(session.scalars(select(Area).order_by(Area.code)))
