"""Themes and areas as an import sees them: looked up in bulk, new ones created in one go.

The rules are those of ``registry.vocabulary`` (a theme by code or Dutch/English name, an area by
code, slug or name), applied to in-memory maps so that 100,000 rows need no query each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, select

from quadhelix.io.bulk import TABLES, insert_rows, reserve_ids
from quadhelix.registry.names import fold, slug
from quadhelix.registry.vocab import AreaKind


@dataclass
class NewTheme:
    code: str
    name_nl: str
    name_en: str
    parent: str | None = None


@dataclass
class NewArea:
    code: str
    name: str
    kind: AreaKind = AreaKind.NEIGHBOURHOOD


@dataclass
class Vocabulary:
    """Theme and area ids by every name they are known by, plus what an import adds."""

    theme_ids: dict[str, int] = field(default_factory=dict)
    theme_names: dict[str, int] = field(default_factory=dict)
    area_ids: dict[str, int] = field(default_factory=dict)
    area_names: dict[str, str] = field(default_factory=dict)
    new_themes: dict[str, NewTheme] = field(default_factory=dict)
    new_areas: dict[str, NewArea] = field(default_factory=dict)
    # Asked for by rows that may still be refused; ``plan_theme``/``plan_area`` make them new.
    proposed_themes: dict[str, NewTheme] = field(default_factory=dict)
    proposed_areas: dict[str, NewArea] = field(default_factory=dict)

    @classmethod
    def load(cls, connection: Connection) -> Vocabulary:
        vocabulary = cls()
        themes = TABLES["theme"]
        for theme_id, code, name_nl, name_en in connection.execute(
            select(themes.c.id, themes.c.code, themes.c.name_nl, themes.c.name_en)
        ):
            vocabulary.theme_ids[code] = theme_id
            for label in (name_en, name_nl, code):
                vocabulary.theme_names[fold(label)] = theme_id
        areas = TABLES["area"]
        for area_id, code, name in connection.execute(
            select(areas.c.id, areas.c.code, areas.c.name)
        ):
            vocabulary.area_ids[code] = area_id
            vocabulary.area_names.setdefault(fold(name), code)
        return vocabulary

    def theme_code(self, ref: str) -> str | None:
        """The code of a known or planned theme, or None when nobody knows it."""
        if ref in self.theme_ids or ref in self.new_themes:
            return ref
        theme_id = self.theme_names.get(fold(ref))
        if theme_id is not None:
            return next(code for code, i in self.theme_ids.items() if i == theme_id)
        return None

    def plan_theme(self, theme: NewTheme) -> str:
        if theme.code not in self.theme_ids:
            self.new_themes.setdefault(theme.code, theme)
        return theme.code

    def plan_area(self, area: NewArea) -> str:
        if area.code not in self.area_ids and area.code not in self.new_areas:
            self.new_areas[area.code] = area
            self.area_names.setdefault(fold(area.name), area.code)
        return area.code

    def area_code(self, ref: str, create: bool = True, kind: AreaKind | None = None) -> str | None:
        """An area's code; an unknown name becomes a planned new area (a neighbourhood)."""
        text = ref.strip()
        for candidate in (text, slug(text)):
            if candidate in self.area_ids or candidate in self.new_areas:
                return candidate
        code = self.area_names.get(fold(text))
        if code is not None:
            return code
        if not create:
            return None
        code = slug(text)
        if not code:
            return None
        self.new_areas[code] = NewArea(code, text, kind or AreaKind.NEIGHBOURHOOD)
        self.area_names[fold(text)] = code
        return code

    def write(self, connection: Connection, now: datetime) -> tuple[list[str], list[str]]:
        """Create the planned themes and areas; returns their codes (for the report)."""
        themes = sorted(self.new_themes.values(), key=lambda t: t.parent in self.new_themes)
        areas = list(self.new_areas.values())
        theme_ids = reserve_ids(connection, TABLES["theme"], len(themes))
        self.theme_ids.update({t.code: i for t, i in zip(themes, theme_ids, strict=True)})
        insert_rows(
            connection,
            TABLES["theme"],
            ("id", "code", "name_nl", "name_en", "parent_id", "created_at", "updated_at"),
            [
                (i, t.code, t.name_nl, t.name_en, self.theme_ids.get(t.parent or ""), now, now)
                for t, i in zip(themes, theme_ids, strict=True)
            ],
        )
        area_ids = reserve_ids(connection, TABLES["area"], len(areas))
        self.area_ids.update({a.code: i for a, i in zip(areas, area_ids, strict=True)})
        insert_rows(
            connection,
            TABLES["area"],
            ("id", "code", "name", "kind", "created_at", "updated_at"),
            [(i, a.code, a.name, a.kind, now, now) for a, i in zip(areas, area_ids, strict=True)],
        )
        self.new_themes.clear()
        self.new_areas.clear()
        self.proposed_themes.clear()
        self.proposed_areas.clear()
        return [t.code for t in themes], [a.code for a in areas]
