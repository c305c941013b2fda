"""``quadhelix themes`` and ``quadhelix areas``: the words and places to tag records with."""

from __future__ import annotations

from typing import Annotated

import typer

from quadhelix.cli.common import DbOption, JsonOption, print_json, print_table, unit_of_work
from quadhelix.registry.model import Area, Theme
from quadhelix.registry.vocabulary import add_area, add_theme, list_areas, list_themes

themes_app = typer.Typer(help="The theme vocabulary (urban policy domains, SDGs, your own).")
areas_app = typer.Typer(help="The city's areas: city > district > neighbourhood.")


def _theme_json(theme: Theme) -> dict[str, object]:
    return {
        "code": theme.code,
        "name_nl": theme.name_nl,
        "name_en": theme.name_en,
        "parent": theme.parent.code if theme.parent else None,
    }


def _area_json(area: Area) -> dict[str, object]:
    return {
        "code": area.code,
        "name": area.name,
        "kind": area.kind.value,
        "parent": area.parent.code if area.parent else None,
    }


def _depth_first(nodes: list[Theme] | list[Area]) -> list[tuple[int, Theme | Area]]:
    """Nodes in tree order with their depth, so the listing reads like the hierarchy."""
    children: dict[int | None, list[Theme | Area]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    ordered: list[tuple[int, Theme | Area]] = []

    def walk(parent: int | None, depth: int) -> None:
        for node in children.get(parent, []):
            ordered.append((depth, node))
            walk(node.id, depth + 1)

    walk(None, 0)
    return ordered


@themes_app.command("list")
def themes_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the themes as a tree, with their Dutch and English names."""
    with unit_of_work(db) as session:
        themes = list_themes(session)
        if as_json:
            print_json([_theme_json(t) for t in themes])
            return
        rows = []
        for depth, node in _depth_first(themes):
            assert isinstance(node, Theme)
            rows.append(("  " * depth + node.code, node.name_nl, node.name_en))
        print_table(rows, ["code", "nl", "en"])


@themes_app.command("add")
def themes_add(
    code: Annotated[str, typer.Argument(help="Short code, e.g. 'urban-farming' or 'SC5'.")],
    nl: Annotated[str, typer.Option("--nl", help="Dutch name.")],
    en: Annotated[str | None, typer.Option("--en", help="English name.")] = None,
    parent: Annotated[str | None, typer.Option(help="Broader theme.")] = None,
    db: DbOption = None,
) -> None:
    """Add a theme to the vocabulary."""
    with unit_of_work(db) as session:
        theme = add_theme(session, code, nl, en, parent)
        typer.echo(f"Added theme {theme.code} ({theme.name_nl} / {theme.name_en})")


@areas_app.command("list")
def areas_list(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the areas as a tree."""
    with unit_of_work(db) as session:
        areas = list_areas(session)
        if as_json:
            print_json([_area_json(a) for a in areas])
            return
        rows = []
        for depth, node in _depth_first(areas):
            assert isinstance(node, Area)
            rows.append(("  " * depth + node.name, node.code, node.kind.value))
        print_table(rows, ["name", "code", "kind"])


@areas_app.command("add")
def areas_add(
    name: Annotated[str, typer.Argument(help="The area's name, e.g. 'Rabot'.")],
    kind: Annotated[
        str,
        typer.Option(help="country, city, district or neighbourhood (land, stad, district, wijk)."),
    ] = "neighbourhood",
    parent: Annotated[str | None, typer.Option(help="The area it lies in.")] = None,
    code: Annotated[str | None, typer.Option(help="Code; made from the name if left out.")] = None,
    db: DbOption = None,
) -> None:
    """Add an area."""
    with unit_of_work(db) as session:
        area = add_area(session, name, kind, parent, code)
        typer.echo(f"Added area {area.code} ({area.name}, {area.kind.value})")
