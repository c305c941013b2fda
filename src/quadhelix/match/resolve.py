"""Finding the actors, themes and areas a challenge names, inside the snapshot.

The same rules as the registry's look-ups (``quadhelix.registry.actors.find_actor``,
``quadhelix.registry.vocabulary.find_theme``/``find_area``): external id, ``#id`` or id, then
the name with case and accents ignored; themes and areas by code or by name.
"""

from __future__ import annotations

from collections import defaultdict

from quadhelix.match.data import MatchData
from quadhelix.registry.errors import InvalidValue, NotFound
from quadhelix.registry.names import fold, slug


class Lookup:
    """Indexes of the snapshot's names, built once per builder."""

    def __init__(self, data: MatchData) -> None:
        self.data = data
        a = data.actors
        self._by_key = {key: i for i, key in enumerate(a.key)}
        self._by_id = {int(v): i for i, v in enumerate(a.id.tolist())}
        names: dict[str, list[int]] = defaultdict(list)
        for i, name in enumerate(a.name):
            names[fold(name)].append(i)
        self._by_name = dict(names)
        self._themes: dict[str, str] = {}
        for info in data.themes.values():
            for label in (info.name_nl, info.name_en, info.code):
                self._themes.setdefault(fold(label), info.code)
        self._areas: dict[str, str] = {}
        for area in data.areas.values():
            for label in (area.name, area.code):
                self._areas.setdefault(fold(label), area.code)
        self.theme_children: dict[str, list[str]] = defaultdict(list)
        for info in data.themes.values():
            if info.parent:
                self.theme_children[info.parent].append(info.code)
        self.area_children: dict[str, list[str]] = defaultdict(list)
        for area in data.areas.values():
            if area.parent:
                self.area_children[area.parent].append(area.code)

    def actor(self, ref: str, field: str) -> int:
        """The row of the actor a person refers to; ``NotFound`` naming the field otherwise."""
        text = ref.strip()
        if text in self._by_key:
            return self._by_key[text]
        digits = text.removeprefix("#")
        if digits.isdigit() and int(digits) in self._by_id:
            return self._by_id[int(digits)]
        named = self._by_name.get(fold(text), [])
        if len(named) > 1:
            listed = ", ".join(self.data.actors.key[i] for i in named[:5])
            # a wrong value of this field (shown next to it), not a clash with stored data
            raise InvalidValue(
                field, text, "names several actors (%(listed)s); use an id", listed=listed
            )
        if not named:
            raise NotFound(field, ref)
        return named[0]

    def theme(self, ref: str) -> str:
        code = ref.strip() if ref.strip() in self.data.themes else self._themes.get(fold(ref))
        if code is None:
            raise InvalidValue("themes", ref, "unknown theme; see `quadhelix themes list`")
        return code

    def area(self, ref: str) -> str:
        text = ref.strip()
        code = text if text in self.data.areas else self._areas.get(fold(text))
        if code is None and slug(text) in self.data.areas:
            code = slug(text)
        if code is None:
            raise InvalidValue("areas", ref, "unknown area; see `quadhelix areas list`")
        return code


def _closure(roots: list[str], children: dict[str, list[str]]) -> set[str]:
    found = set(roots)
    stack = list(roots)
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _ancestors(roots: list[str], parent_of: dict[str, str | None]) -> set[str]:
    found: set[str] = set()
    for root in roots:
        current = parent_of.get(root)
        while current is not None and current not in found:
            found.add(current)
            current = parent_of.get(current)
    return found


def theme_scope(lookup: Lookup, codes: list[str]) -> tuple[set[str], set[str]]:
    """(the themes and their sub-themes, their ancestors): a full and a partial match."""
    parents = {code: info.parent for code, info in lookup.data.themes.items()}
    full = _closure(codes, lookup.theme_children)
    return full, _ancestors(codes, parents) - full


def area_scope(lookup: Lookup, codes: list[str]) -> tuple[set[str], set[str]]:
    """(the areas and the areas inside them, the areas around them)."""
    parents = {code: area.parent for code, area in lookup.data.areas.items()}
    full = _closure(codes, lookup.area_children)
    return full, _ancestors(codes, parents) - full
