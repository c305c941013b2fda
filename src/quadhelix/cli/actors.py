"""``quadhelix actors ...``: the organisations, departments, teams and people in the registry."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from sqlalchemy import func, or_, select

from quadhelix.cli.common import (
    DbOption,
    JsonOption,
    LimitOption,
    OffsetOption,
    console,
    note,
    print_json,
    print_page_footer,
    print_table,
    unit_of_work,
)
from quadhelix.registry.actors import (
    actor_public,
    create_actor,
    delete_actor,
    get_actor,
    update_actor,
)
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.filters import actor_filter
from quadhelix.registry.identifiers import format_kbo
from quadhelix.registry.model import Actor, Membership, Tie
from quadhelix.registry.queries import list_actors
from quadhelix.registry.schemas import ActorCreate, ActorUpdate
from quadhelix.registry.vocab import HelixSector, helix_label_nl

app = typer.Typer(help="Actors: organisations, city departments and teams, citizen initiatives.")

HelixOption = Annotated[
    str | None,
    typer.Option(
        help="Helix sector: government/overheid, civil_society/middenveld, "
        "business/bedrijf, knowledge/kennisinstelling, citizens/burgers."
    ),
]
KindOption = Annotated[
    str | None,
    typer.Option(help="organisation, department, team, person, citizen_initiative, network."),
]
ExternalIdOption = Annotated[
    str | None, typer.Option("--id", "--external-id", help="Your own key, used by imports.")
]
ParentOption = Annotated[
    str | None, typer.Option(help="Parent actor (department > team, umbrella organisation).")
]
KboOption = Annotated[
    str | None, typer.Option(help="Belgian enterprise number, e.g. 0417.497.106.")
]
VcodeOption = Annotated[
    str | None,
    typer.Option("--association-code", "--vcode", help="Flemish association register code."),
]
WebsiteOption = Annotated[str | None, typer.Option()]
StreetOption = Annotated[str | None, typer.Option(help="Street and number.")]
PostalOption = Annotated[str | None, typer.Option(help="Belgian postal code (4 digits).")]
MunicipalityOption = Annotated[str | None, typer.Option()]
AreaOption = Annotated[str | None, typer.Option(help="Neighbourhood or district (created if new).")]
ThemeOption = Annotated[
    list[str] | None, typer.Option("--theme", help="Theme code or name; repeat for more.")
]
DescriptionOption = Annotated[str | None, typer.Option()]
StartOption = Annotated[str | None, typer.Option("--start", help="Active from (YYYY-MM-DD).")]
EndOption = Annotated[str | None, typer.Option("--end", help="Active until (YYYY-MM-DD).")]

_CLEARABLE = (
    "external_id",
    "parent",
    "kbo",
    "association_code",
    "website",
    "street",
    "postal_code",
    "municipality",
    "area",
    "themes",
    "description",
    "start_date",
    "end_date",
)


def _helix_text(helix: HelixSector) -> str:
    return f"{helix.value} ({helix_label_nl(helix)})"


def _print_saved(verb: str, actor: Actor, new_areas: list[Any], as_json: bool) -> None:
    for area in new_areas:
        note(f"New area: {area.code} ({area.name})")
    if as_json:
        print_json(actor_public(actor).model_dump(mode="json"))
    else:
        typer.echo(f"{verb} actor #{actor.id} {actor.name} [{_helix_text(actor.helix)}]")


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The actor's name.")],
    helix: HelixOption = None,
    kind: KindOption = None,
    external_id: ExternalIdOption = None,
    parent: ParentOption = None,
    kbo: KboOption = None,
    association_code: VcodeOption = None,
    website: WebsiteOption = None,
    street: StreetOption = None,
    postal_code: PostalOption = None,
    municipality: MunicipalityOption = None,
    area: AreaOption = None,
    theme: ThemeOption = None,
    description: DescriptionOption = None,
    start: StartOption = None,
    end: EndOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add an actor, e.g. quadhelix actors add "Buurtwerk Rabot vzw" --helix middenveld."""
    if helix is None:
        raise InvalidValue("helix", None, "every actor needs a helix sector (--helix)")
    fields: dict[str, Any] = {
        "name": name,
        "helix": helix,
        "external_id": external_id,
        "parent": parent,
        "kbo": kbo,
        "association_code": association_code,
        "website": website,
        "street": street,
        "postal_code": postal_code,
        "municipality": municipality,
        "area": area,
        "themes": theme or [],
        "description": description,
        "start_date": start,
        "end_date": end,
    }
    if kind is not None:
        fields["kind"] = kind
    data = ActorCreate.model_validate(fields)
    with unit_of_work(db) as session:
        saved = create_actor(session, data)
        _print_saved("Added", saved.actor, saved.new_areas, as_json)


@app.command("list")
def list_(
    search: Annotated[str | None, typer.Option("--search", "-s", help="Part of the name.")] = None,
    helix: Annotated[list[str] | None, typer.Option(help="Sector; repeat for more.")] = None,
    kind: Annotated[list[str] | None, typer.Option(help="Kind; repeat for more.")] = None,
    area: Annotated[list[str] | None, typer.Option(help="Area (with what lies in it).")] = None,
    theme: Annotated[list[str] | None, typer.Option(help="Theme (with its sub-themes).")] = None,
    parent: Annotated[str | None, typer.Option(help="Only the sub-units of this actor.")] = None,
    active_on: Annotated[str | None, typer.Option(help="Only actors active on this date.")] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List actors, filtered and paged."""
    with unit_of_work(db) as session:
        filters = actor_filter(
            session,
            search=search,
            helix=helix or [],
            kind=kind or [],
            area=area or [],
            theme=theme or [],
            parent=parent,
            active_on=active_on,
        )
        page = list_actors(session, filters, limit=limit or None, offset=offset)
        if as_json:
            print_json([actor_public(a).model_dump(mode="json") for a in page.items])
            return
        rows = [
            (
                a.id,
                a.name,
                a.helix.value,
                a.kind.value,
                a.area.name if a.area else "",
                format_kbo(a.kbo) if a.kbo else "",
            )
            for a in page.items
        ]
        print_table(rows, ["id", "name", "helix", "kind", "area", "kbo"])
        print_page_footer(page)


@app.command("show")
def show(
    ref: Annotated[str, typer.Argument(help="Id, external id, KBO number or exact name.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one actor with its memberships and ties."""
    with unit_of_work(db) as session:
        actor = get_actor(session, ref)
        memberships = list(
            session.scalars(
                select(Membership).where(Membership.actor_id == actor.id).order_by(Membership.id)
            )
        )
        tie_count = (
            session.scalar(
                select(func.count()).where(
                    or_(Tie.source_actor_id == actor.id, Tie.target_actor_id == actor.id)
                )
            )
            or 0
        )
        if as_json:
            data = actor_public(actor).model_dump(mode="json")
            data["memberships"] = [
                {
                    "coalition_id": m.coalition_id,
                    "coalition": m.coalition.name,
                    "role": m.role.value,
                    "start_date": m.start_date,
                    "end_date": m.end_date,
                }
                for m in memberships
            ]
            data["tie_count"] = tie_count
            print_json(data)
            return
        public = actor_public(actor)
        console.print(f"[bold]{actor.name}[/bold]  #{actor.id}", highlight=False)
        details = {
            "helix": _helix_text(actor.helix),
            "kind": actor.kind.value,
            "parent": f"#{actor.parent.id} {actor.parent.name}" if actor.parent else None,
            "external id": public.external_id,
            "KBO": format_kbo(actor.kbo) if actor.kbo else None,
            "association code": public.association_code,
            "website": public.website,
            "address": " ".join(
                p for p in (public.street, public.postal_code, public.municipality) if p
            )
            or None,
            "area": actor.area.name if actor.area else None,
            "themes": ", ".join(public.themes) or None,
            "active": _period(public.start_date, public.end_date),
            "description": public.description,
            "provenance": public.provenance,
            "merged ids": ", ".join(
                text
                for alias in public.aliases
                for text in (alias.external_id, alias.kbo and f"KBO {format_kbo(alias.kbo)}")
                if text
            )
            or None,
            "ties": str(tie_count),
        }
        print_table([(k, v) for k, v in details.items() if v], ["field", "value"])
        if memberships:
            print_table(
                [
                    (
                        m.coalition_id,
                        m.coalition.name,
                        m.role.value,
                        _period(m.start_date, m.end_date),
                    )
                    for m in memberships
                ],
                ["coalition", "name", "role", "period"],
                title="Memberships",
            )


def _period(start: object, end: object) -> str | None:
    if start is None and end is None:
        return None
    return f"{start or '…'} – {end or '…'}"


@app.command("edit")
def edit(
    ref: Annotated[str, typer.Argument(help="Id, external id, KBO number or exact name.")],
    name: Annotated[str | None, typer.Option(help="New name.")] = None,
    helix: HelixOption = None,
    kind: KindOption = None,
    external_id: ExternalIdOption = None,
    parent: ParentOption = None,
    kbo: KboOption = None,
    association_code: VcodeOption = None,
    website: WebsiteOption = None,
    street: StreetOption = None,
    postal_code: PostalOption = None,
    municipality: MunicipalityOption = None,
    area: AreaOption = None,
    theme: ThemeOption = None,
    description: DescriptionOption = None,
    start: StartOption = None,
    end: EndOption = None,
    clear: Annotated[
        list[str] | None,
        typer.Option(help=f"Empty a field; one of {', '.join(_CLEARABLE)}."),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Change an actor: only the options given change."""
    given: dict[str, Any] = {
        "name": name,
        "helix": helix,
        "kind": kind,
        "external_id": external_id,
        "parent": parent,
        "kbo": kbo,
        "association_code": association_code,
        "website": website,
        "street": street,
        "postal_code": postal_code,
        "municipality": municipality,
        "area": area,
        "themes": theme,
        "description": description,
        "start_date": start,
        "end_date": end,
    }
    fields = {key: value for key, value in given.items() if value is not None}
    for field in clear or []:
        key = field.replace("-", "_")
        key = {"start": "start_date", "end": "end_date", "theme": "themes"}.get(key, key)
        if key not in _CLEARABLE:
            raise InvalidValue("clear", field, f"can clear only {', '.join(_CLEARABLE)}")
        fields[key] = None
    if not fields:
        raise InvalidValue("options", None, "nothing to change; give at least one option")
    data = ActorUpdate.model_validate(fields)
    with unit_of_work(db) as session:
        saved = update_actor(session, get_actor(session, ref), data)
        _print_saved("Changed", saved.actor, saved.new_areas, as_json)


@app.command("delete")
def delete(
    ref: Annotated[str, typer.Argument(help="Id, external id, KBO number or exact name.")],
    cascade: Annotated[bool, typer.Option(help="Also delete its memberships and ties.")] = False,
    db: DbOption = None,
) -> None:
    """Delete an actor; refused while it has memberships, ties or sub-units, unless --cascade."""
    with unit_of_work(db) as session:
        actor = get_actor(session, ref)
        label = f"#{actor.id} {actor.name}"
        usage = delete_actor(session, actor, cascade=cascade)
        typer.echo(
            f"Deleted actor {label}"
            + (
                f" with {usage.memberships} memberships and {usage.ties} ties"
                if usage.in_use
                else ""
            )
        )
