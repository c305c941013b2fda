"""``quadhelix coalitions ...`` and ``quadhelix members ...``: who works together on what."""

from __future__ import annotations

from typing import Annotated, Any

import typer

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
from quadhelix.registry.actors import get_actor
from quadhelix.registry.coalitions import (
    add_member,
    coalition_public,
    create_coalition,
    delete_coalition,
    get_coalition,
    members_of,
    membership_public,
    remove_member,
    update_coalition,
)
from quadhelix.registry.errors import InvalidValue
from quadhelix.registry.filters import coalition_filter
from quadhelix.registry.model import Area, Coalition
from quadhelix.registry.queries import list_coalitions
from quadhelix.registry.schemas import CoalitionCreate, CoalitionUpdate, MembershipCreate
from quadhelix.registry.vocab import MemberRole, parse_choice

app = typer.Typer(help="Coalitions: projects, programmes, partnerships, networks, events.")
members_app = typer.Typer(help="Members of coalitions, with their roles and periods.")

KindOption = Annotated[
    str | None,
    typer.Option(
        help="project, programme, partnership, network, citizen_initiative, covenant, event."
    ),
]
StatusOption = Annotated[str | None, typer.Option(help="idea, active or closed.")]
ExternalIdOption = Annotated[
    str | None, typer.Option("--id", "--external-id", help="Your own key, used by imports.")
]
DescriptionOption = Annotated[str | None, typer.Option()]
GoalsOption = Annotated[str | None, typer.Option()]
ThemeOption = Annotated[
    list[str] | None, typer.Option("--theme", help="Theme code or name; repeat for more.")
]
AreaOption = Annotated[
    list[str] | None, typer.Option("--area", help="Area (created if new); repeat for more.")
]
StartOption = Annotated[str | None, typer.Option("--start", help="Start date (YYYY-MM-DD).")]
EndOption = Annotated[str | None, typer.Option("--end", help="End date (YYYY-MM-DD).")]
ParentOption = Annotated[str | None, typer.Option(help="The programme this belongs to.")]
LinkOption = Annotated[
    list[str] | None,
    typer.Option("--link", help='A document or page: "Title|https://..." or a URL; repeatable.'),
]
CoalitionRef = Annotated[str, typer.Argument(help="Coalition id, external id or exact name.")]
ActorRef = Annotated[str, typer.Argument(help="Actor id, external id, KBO number or name.")]

_CLEARABLE = (
    "external_id",
    "description",
    "goals",
    "themes",
    "areas",
    "start_date",
    "end_date",
    "parent",
    "links",
)


def _links(values: list[str]) -> list[dict[str, str]]:
    links = []
    for value in values:
        title, _, url = value.rpartition("|")
        links.append({"title": title.strip() or url.strip(), "url": url.strip()})
    return links


def _print_saved(verb: str, coalition: Coalition, new_areas: list[Area], as_json: bool) -> None:
    for area in new_areas:
        note(f"New area: {area.code} ({area.name})")
    if as_json:
        print_json(coalition_public(coalition).model_dump(mode="json"))
    else:
        typer.echo(f"{verb} coalition #{coalition.id} {coalition.name} [{coalition.kind.value}]")


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="The coalition's name.")],
    kind: KindOption = None,
    status: StatusOption = None,
    external_id: ExternalIdOption = None,
    description: DescriptionOption = None,
    goals: GoalsOption = None,
    theme: ThemeOption = None,
    area: AreaOption = None,
    start: StartOption = None,
    end: EndOption = None,
    parent: ParentOption = None,
    link: LinkOption = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add a coalition, e.g. quadhelix coalitions add "Warme Buurt Rabot" --kind project."""
    fields: dict[str, Any] = {
        "name": name,
        "external_id": external_id,
        "description": description,
        "goals": goals,
        "themes": theme or [],
        "areas": area or [],
        "start_date": start,
        "end_date": end,
        "parent": parent,
        "links": _links(link or []),
    }
    fields.update({k: v for k, v in {"kind": kind, "status": status}.items() if v is not None})
    data = CoalitionCreate.model_validate(fields)
    with unit_of_work(db) as session:
        saved = create_coalition(session, data)
        _print_saved("Added", saved.coalition, saved.new_areas, as_json)


@app.command("list")
def list_(
    search: Annotated[str | None, typer.Option("--search", "-s", help="Part of the name.")] = None,
    kind: Annotated[list[str] | None, typer.Option(help="Kind; repeat for more.")] = None,
    status: Annotated[list[str] | None, typer.Option(help="Status; repeat for more.")] = None,
    theme: Annotated[list[str] | None, typer.Option(help="Theme (with its sub-themes).")] = None,
    area: Annotated[list[str] | None, typer.Option(help="Area (with what lies in it).")] = None,
    member: Annotated[str | None, typer.Option(help="Only coalitions with this actor.")] = None,
    active_on: Annotated[str | None, typer.Option(help="Only those running on this date.")] = None,
    limit: LimitOption = 50,
    offset: OffsetOption = 0,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List coalitions, filtered and paged."""
    with unit_of_work(db) as session:
        filters = coalition_filter(
            session,
            search=search,
            kind=kind or [],
            status=status or [],
            theme=theme or [],
            area=area or [],
            member=member,
            active_on=active_on,
        )
        page = list_coalitions(session, filters, limit=limit or None, offset=offset)
        if as_json:
            print_json([coalition_public(c).model_dump(mode="json") for c in page.items])
            return
        rows = [
            (c.id, c.name, c.kind.value, c.status.value, c.start_date, c.end_date)
            for c in page.items
        ]
        print_table(rows, ["id", "name", "kind", "status", "start", "end"])
        print_page_footer(page)


@app.command("show")
def show(ref: CoalitionRef, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Show one coalition with its members."""
    with unit_of_work(db) as session:
        coalition = get_coalition(session, ref)
        memberships = members_of(session, coalition)
        if as_json:
            data = coalition_public(coalition).model_dump(mode="json")
            data["members"] = [
                {
                    **membership_public(m).model_dump(mode="json"),
                    "actor": m.actor.name,
                    "helix": m.actor.helix.value,
                }
                for m in memberships
            ]
            print_json(data)
            return
        public = coalition_public(coalition)
        console.print(f"[bold]{coalition.name}[/bold]  #{coalition.id}", highlight=False)
        details = {
            "kind": public.kind.value,
            "status": public.status.value,
            "external id": public.external_id,
            "part of": f"#{coalition.parent.id} {coalition.parent.name}"
            if coalition.parent
            else None,
            "period": f"{public.start_date or '…'} – {public.end_date or '…'}",
            "themes": ", ".join(public.themes) or None,
            "areas": ", ".join(public.areas) or None,
            "goals": public.goals,
            "description": public.description,
        }
        for link in public.links:
            details[f"link: {link.title}"] = link.url
        print_table([(k, v) for k, v in details.items() if v], ["field", "value"])
        print_table(
            [
                (
                    m.actor_id,
                    m.actor.name,
                    m.actor.helix.value,
                    m.role.value,
                    f"{m.start_date or '…'} – {m.end_date or '…'}",
                )
                for m in memberships
            ],
            ["actor", "name", "helix", "role", "period"],
            title=f"Members ({len(memberships)})",
        )


@app.command("edit")
def edit(
    ref: CoalitionRef,
    name: Annotated[str | None, typer.Option(help="New name.")] = None,
    kind: KindOption = None,
    status: StatusOption = None,
    external_id: ExternalIdOption = None,
    description: DescriptionOption = None,
    goals: GoalsOption = None,
    theme: ThemeOption = None,
    area: AreaOption = None,
    start: StartOption = None,
    end: EndOption = None,
    parent: ParentOption = None,
    link: LinkOption = None,
    clear: Annotated[
        list[str] | None,
        typer.Option(help=f"Empty a field; one of {', '.join(_CLEARABLE)}."),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Change a coalition: only the options given change (themes, areas, links are replaced)."""
    given: dict[str, Any] = {
        "name": name,
        "kind": kind,
        "status": status,
        "external_id": external_id,
        "description": description,
        "goals": goals,
        "themes": theme,
        "areas": area,
        "start_date": start,
        "end_date": end,
        "parent": parent,
        "links": None if link is None else _links(link),
    }
    fields = {key: value for key, value in given.items() if value is not None}
    for field in clear or []:
        key = field.replace("-", "_")
        key = {
            "start": "start_date",
            "end": "end_date",
            "theme": "themes",
            "area": "areas",
            "link": "links",
        }.get(key, key)
        if key not in _CLEARABLE:
            raise InvalidValue("clear", field, f"can clear only {', '.join(_CLEARABLE)}")
        fields[key] = None
    if not fields:
        raise InvalidValue("options", None, "nothing to change; give at least one option")
    data = CoalitionUpdate.model_validate(fields)
    with unit_of_work(db) as session:
        saved = update_coalition(session, get_coalition(session, ref), data)
        _print_saved("Changed", saved.coalition, saved.new_areas, as_json)


@app.command("delete")
def delete(
    ref: CoalitionRef,
    cascade: Annotated[bool, typer.Option(help="Also delete its memberships.")] = False,
    db: DbOption = None,
) -> None:
    """Delete a coalition; refused while it has members, unless --cascade."""
    with unit_of_work(db) as session:
        coalition = get_coalition(session, ref)
        label = f"#{coalition.id} {coalition.name}"
        removed = delete_coalition(session, coalition, cascade=cascade)
        typer.echo(
            f"Deleted coalition {label}" + (f" and {removed} memberships" if removed else "")
        )


@members_app.command("add")
def members_add(
    coalition: CoalitionRef,
    actor: ActorRef,
    role: Annotated[
        str, typer.Option(help="lead, partner, funder, advisor or participant.")
    ] = "partner",
    start: StartOption = None,
    end: EndOption = None,
    contribution: Annotated[str | None, typer.Option(help="What the member brings.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add an actor to a coalition in a role."""
    data = MembershipCreate.model_validate(
        {
            "role": role,
            "start_date": start,
            "end_date": end,
            "contribution": contribution,
        }
    )
    with unit_of_work(db) as session:
        found = get_coalition(session, coalition)
        member = get_actor(session, actor)
        membership = add_member(session, found, member, data)
        if as_json:
            print_json(membership_public(membership).model_dump(mode="json"))
        else:
            typer.echo(f"Added {member.name} to {found.name} as {membership.role.value}")


@members_app.command("remove")
def members_remove(
    coalition: CoalitionRef,
    actor: ActorRef,
    role: Annotated[str | None, typer.Option(help="Only this role.")] = None,
    db: DbOption = None,
) -> None:
    """Remove an actor from a coalition (all its roles there, or one)."""
    chosen = None if role is None else parse_choice(MemberRole, role, "role")
    with unit_of_work(db) as session:
        found = get_coalition(session, coalition)
        member = get_actor(session, actor)
        removed = remove_member(session, found, member, chosen)
        typer.echo(f"Removed {member.name} from {found.name} ({removed} membership(s))")


@members_app.command("list")
def members_list(coalition: CoalitionRef, db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the members of a coalition."""
    with unit_of_work(db) as session:
        memberships = members_of(session, get_coalition(session, coalition))
        if as_json:
            print_json(
                [
                    {
                        **membership_public(m).model_dump(mode="json"),
                        "actor": m.actor.name,
                        "helix": m.actor.helix.value,
                    }
                    for m in memberships
                ]
            )
            return
        print_table(
            [
                (
                    m.actor_id,
                    m.actor.name,
                    m.actor.helix.value,
                    m.role.value,
                    m.start_date,
                    m.end_date,
                )
                for m in memberships
            ],
            ["actor", "name", "helix", "role", "start", "end"],
        )
