"""``quadhelix analyze``: network analytics from the command line.

Each command builds an ``AnalysisSpec`` from its options, calls one function of
``quadhelix.analytics.reports`` and prints the result as a table, JSON (``--json``, field names
documented in docs/analytics.md) or CSV (``--csv``).
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Annotated, Any

import typer

from quadhelix.analytics.actors import METRICS, ActorMetrics
from quadhelix.analytics.change import Comparison
from quadhelix.analytics.filters import CoMembershipWeight, GraphFilters, GraphView
from quadhelix.analytics.network import NetworkSummary
from quadhelix.analytics.paths import DEFAULT_PIVOTS
from quadhelix.analytics.reports import (
    AnalysisSpec,
    CoalitionReport,
    SilosReport,
    actors_report,
    coalition_report,
    compare_report,
    silos_report,
    summary_report,
    synergy_report,
)
from quadhelix.analytics.results import to_jsonable
from quadhelix.analytics.synergy import SynergyResult
from quadhelix.cli.common import DbOption, JsonOption, note, print_json, print_table, unit_of_work
from quadhelix.registry.errors import InvalidValue

app = typer.Typer(
    help="Network analytics: silos, brokers, helix balance and synergy, change over time. "
    "Without a command: the network summary.",
    invoke_without_command=True,
)

SUBCOMMANDS = ("actors", "silos", "synergy", "coalition", "compare")

AsOf = Annotated[str | None, typer.Option("--as-of", help="The network on this date (YYYY-MM-DD).")]
From = Annotated[str | None, typer.Option("--from", help="Start of a period (YYYY-MM-DD).")]
To = Annotated[str | None, typer.Option("--to", help="End of a period (YYYY-MM-DD).")]
Themes = Annotated[
    list[str] | None, typer.Option("--theme", help="Only this theme and its sub-themes.")
]
Areas = Annotated[
    list[str] | None, typer.Option("--area", help="Only this area and its sub-areas.")
]
TieTypes = Annotated[list[str] | None, typer.Option("--tie-type", help="Only ties of this type.")]
TieSources = Annotated[
    list[str] | None, typer.Option("--tie-source", help="Only ties from this source.")
]
Kinds = Annotated[
    list[str] | None, typer.Option("--coalition-kind", help="Only coalitions of this kind.")
]
View = Annotated[
    GraphView, typer.Option("--view", help="Link actors by ties, shared coalitions or both.")
]
Directed = Annotated[bool, typer.Option("--directed", help="Keep the direction of ties.")]
Weighting = Annotated[
    CoMembershipWeight,
    typer.Option("--weighting", help="Co-membership weight: count or newman (1/(n-1))."),
]
Seed = Annotated[int, typer.Option("--seed", help="Seed for sampling, Leiden and permutations.")]
Pivots = Annotated[
    int, typer.Option("--pivots", help="Sampled sources for path metrics above 2,000 actors.")
]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")]


def _given(ctx: typer.Context, name: str) -> bool:
    source = ctx.get_parameter_source(name)
    return source is not None and source.name != "DEFAULT"


def _day(value: str | None, field: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidValue(field, value, "expected a date as YYYY-MM-DD") from None


def _spec(options: dict[str, Any]) -> AnalysisSpec:
    """The analysis spec from a command's options (every command names them alike)."""

    filters = GraphFilters.parse(
        as_of=_day(options.get("as_of"), "as_of"),
        date_from=_day(options.get("date_from"), "from"),
        date_to=_day(options.get("date_to"), "to"),
        themes=options.get("theme") or (),
        areas=options.get("area") or (),
        tie_types=options.get("tie_type") or (),
        tie_sources=options.get("tie_source") or (),
        coalition_kinds=options.get("coalition_kind") or (),
    )
    pivots = int(options.get("pivots", DEFAULT_PIVOTS))
    if pivots < 1:
        raise InvalidValue("pivots", pivots, "must be at least 1")
    return AnalysisSpec(
        view=options.get("view", GraphView.TIES),
        filters=filters,
        directed=bool(options.get("directed", False)),
        weighting=options.get("weighting", CoMembershipWeight.COUNT),
        seed=int(options.get("seed", 0)),
        pivots=pivots,
        permutations=options.get("permutations"),
    )


def _emit(
    data: Any,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    fmt: tuple[bool, bool],
    title: str,
) -> None:
    as_json, as_csv = fmt
    if as_json and as_csv:
        raise InvalidValue("format", "--json --csv", "choose one output format")
    if as_json:
        print_json(to_jsonable(data))
    elif as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
    else:
        print_table(rows, columns, title=title)


def _number(value: float | None, digits: int = 4) -> str | None:
    return None if value is None else f"{value:.{digits}g}"


def _summary_rows(summary: NetworkSummary) -> list[list[object]]:
    rows: list[list[object]] = []
    for key, value in _fields(summary).items():
        if key == "articulation_points":
            names = ", ".join(str(p.name) for p in summary.articulation_points[:10])
            rows.append([key, f"{len(summary.articulation_points)}: {names}"])
        elif key == "bridges":
            rows.append([key, len(summary.bridges)])
        else:
            rows.append([key, _cell(value)])
    return rows


@app.callback()
def analyze(
    ctx: typer.Context,
    db: DbOption = None,
    as_of: AsOf = None,
    date_from: From = None,
    date_to: To = None,
    theme: Themes = None,
    area: Areas = None,
    tie_type: TieTypes = None,
    tie_source: TieSources = None,
    coalition_kind: Kinds = None,
    view: View = GraphView.TIES,
    directed: Directed = False,
    weighting: Weighting = CoMembershipWeight.COUNT,
    seed: Seed = 0,
    pivots: Pivots = DEFAULT_PIVOTS,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Network summary: size, density, components, distance, centralisation, mixing, cut points."""
    if ctx.invoked_subcommand is not None:
        # Options given before the subcommand (``analyze --db x actors``) become its defaults.
        given = {name: value for name, value in ctx.params.items() if _given(ctx, name)}
        ctx.default_map = dict.fromkeys(SUBCOMMANDS, given)
        return
    spec = _spec(locals())
    with unit_of_work(db) as session:
        summary = summary_report(session, spec)
    _emit(summary, ["metric", "value"], _summary_rows(summary), (as_json, as_csv), "Network")


@app.command("actors")
def actors(
    metric: Annotated[str, typer.Option("--metric", help=f"Sort by: {', '.join(METRICS)}.")] = (
        "betweenness"
    ),
    top: Annotated[int, typer.Option("--top", help="Show the first N actors (0 = all).")] = 20,
    by: Annotated[
        str,
        typer.Option("--by", help="Groups for brokerage roles: helix, department, unit or area."),
    ] = "helix",
    db: DbOption = None,
    as_of: AsOf = None,
    date_from: From = None,
    date_to: To = None,
    theme: Themes = None,
    area: Areas = None,
    tie_type: TieTypes = None,
    tie_source: TieSources = None,
    coalition_kind: Kinds = None,
    view: View = GraphView.TIES,
    directed: Directed = False,
    weighting: Weighting = CoMembershipWeight.COUNT,
    seed: Seed = 0,
    pivots: Pivots = DEFAULT_PIVOTS,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Actor metrics: centrality, brokerage roles, sectors and departments reached."""
    if metric not in METRICS:
        raise InvalidValue("metric", metric, f"must be one of {', '.join(METRICS)}")
    spec = _spec(locals())
    with unit_of_work(db) as session:
        result = actors_report(session, spec, brokerage_by=by)
    ranked = result.top(metric, top or None)
    shown = ActorMetrics(
        result.betweenness_method,
        result.pivots,
        result.seed,
        result.brokerage_groups,
        tuple(ranked),
    )
    if result.betweenness_method == "sampled" and not as_json:
        note(f"betweenness estimated from {result.pivots} sampled sources (seed {result.seed})")
    columns = [
        "actor_id",
        "name",
        "helix",
        "department",
        metric,
        "degree",
        "betweenness",
        "brokerage",
        "sectors_reached",
    ]
    if as_csv:
        plain = [_fields(row) for row in ranked]
        columns = list(plain[0]) if plain else columns
        rows: list[list[object]] = [list(row.values()) for row in plain]
    else:
        rows = [
            [
                r.actor_id,
                r.name,
                r.helix,
                r.department,
                _cell(getattr(r, metric)),
                r.degree,
                _number(r.betweenness),
                r.brokerage,
                r.sectors_reached,
            ]
            for r in ranked
        ]
    _emit(shown, columns, rows, (as_json, as_csv), f"Actors by {metric}")


def _fields(value: object) -> dict[str, Any]:
    plain = to_jsonable(value)
    assert isinstance(plain, dict)
    return plain


def _cell(value: object) -> object:
    return _number(value) if isinstance(value, float) else value


@app.command("silos")
def silos(
    by: Annotated[
        str, typer.Option("--by", help="Group by department, unit (dienst), helix or area.")
    ] = "department",
    permutations: Annotated[
        int | None, typer.Option("--permutations", help="Relabellings for the E-I test.")
    ] = None,
    db: DbOption = None,
    as_of: AsOf = None,
    date_from: From = None,
    date_to: To = None,
    theme: Themes = None,
    area: Areas = None,
    tie_type: TieTypes = None,
    tie_source: TieSources = None,
    coalition_kind: Kinds = None,
    view: View = GraphView.TIES,
    directed: Directed = False,
    weighting: Weighting = CoMembershipWeight.COUNT,
    seed: Seed = 0,
    pivots: Pivots = DEFAULT_PIVOTS,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Silo index (E-I with permutation test) per group, ties by sector, communities."""
    spec = _spec(locals())
    with unit_of_work(db) as session:
        report: SilosReport = silos_report(session, spec, by=by)
    ei = report.ei
    columns = ["group", "size", "external", "internal", "ei", "expected_ei", "p_lower", "p_upper"]
    rows = [
        [
            g.group,
            g.size,
            g.external,
            g.internal,
            _number(g.ei),
            _number(g.expected_ei),
            _number(g.p_lower),
            _number(g.p_upper),
        ]
        for g in sorted(ei.groups, key=lambda g: (g.ei is None, g.ei or 0.0))
    ]
    rows.append(
        [
            "(overall)",
            "",
            ei.external,
            ei.internal,
            _number(ei.ei),
            _number(ei.expected_ei),
            _number(ei.p_lower),
            _number(ei.p_upper),
        ]
    )
    _emit(report, columns, rows, (as_json, as_csv), f"E-I index by {by} (-1 = closed silo)")
    if not (as_json or as_csv):
        matrix = report.by_sector
        print_table(
            [[row, *counts] for row, counts in zip(matrix.rows, matrix.counts, strict=True)],
            [by, *matrix.columns],
            title=f"Ties of each {by} by the other end's sector",
        )
        if report.never_meet_civil_society:
            note(
                "No ties with civil society or citizens: "
                + ", ".join(report.never_meet_civil_society)
            )
        if report.communities is not None:
            c = report.communities
            note(
                f"Leiden: {c.communities} communities, modularity {c.modularity_communities:.3f}"
                f"; formal {by} modularity {c.modularity_formal:.3f}; NMI {_number(c.nmi)}"
            )


@app.command("synergy")
def synergy(
    by: Annotated[
        str | None, typer.Option("--by", help="Decompose over districts (area) or themes.")
    ] = None,
    db: DbOption = None,
    as_of: AsOf = None,
    date_from: From = None,
    date_to: To = None,
    theme: Themes = None,
    area: Areas = None,
    coalition_kind: Kinds = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Helix synergy (Leydesdorff): mutual information between sectors over coalitions."""
    spec = _spec(locals())
    with unit_of_work(db) as session:
        result: SynergyResult = synergy_report(session, spec, by=by)
    values = [*result.pairs, result.triple, result.quadruple]
    columns = ["dimensions", "t_bits", "t_mbits", "r_bits", "r_mbits"]
    rows: list[list[object]] = [
        [
            "+".join(v.dimensions),
            _number(v.t_bits),
            _number(v.t_mbits),
            _number(v.r_bits),
            _number(v.r_mbits),
        ]
        for v in values
    ]
    for part in result.decomposition:
        for group in part.groups:
            rows.append(
                [
                    f"{'+'.join(part.dimensions)} in {group.group} (n={group.coalitions})",
                    _number(group.t_bits),
                    _number(1000 * group.t_bits),
                    None,
                    None,
                ]
            )
        rows.append(
            [
                f"{'+'.join(part.dimensions)} between groups (T0)",
                _number(part.between_bits),
                _number(1000 * part.between_bits),
                None,
                None,
            ]
        )
    _emit(
        result,
        columns,
        rows,
        (as_json, as_csv),
        f"Helix synergy over {result.coalitions} coalitions (negative R = synergy)",
    )


@app.command("coalition")
def coalition(
    ref: Annotated[str, typer.Argument(help="Coalition id, external id or exact name.")],
    db: DbOption = None,
    as_of: AsOf = None,
    date_from: From = None,
    date_to: To = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Helix composition and governance fit (Provan & Kenis) of one coalition."""
    spec = _spec(locals())
    with unit_of_work(db) as session:
        report: CoalitionReport = coalition_report(session, ref, spec)
    c, g = report.composition, report.governance
    rows: list[list[object]] = [
        ["name", c.name],
        ["members", c.members],
        ["sectors_present", c.sectors_present],
        ["entropy_bits", _number(c.entropy_bits)],
        ["city_civil_society_citizens", c.city_civil_society_citizens],
        ["density", _number(g.density)],
        ["centralisation", _number(g.centralisation)],
        ["trust_density", _number(g.trust_density)],
        ["suggestion", g.suggestion],
    ]
    rows += [[f"share_{k}", _number(v)] for k, v in c.sector_shares.items()]
    rows += [["reason", reason] for reason in g.reasons]
    _emit(report, ["field", "value"], rows, (as_json, as_csv), f"Coalition {c.coalition_id}")


@app.command("compare")
def compare(
    date1: Annotated[datetime, typer.Argument(formats=["%Y-%m-%d"], help="First date.")],
    date2: Annotated[datetime, typer.Argument(formats=["%Y-%m-%d"], help="Second date.")],
    db: DbOption = None,
    theme: Themes = None,
    area: Areas = None,
    tie_type: TieTypes = None,
    tie_source: TieSources = None,
    coalition_kind: Kinds = None,
    view: View = GraphView.TIES,
    directed: Directed = False,
    weighting: Weighting = CoMembershipWeight.COUNT,
    seed: Seed = 0,
    pivots: Pivots = DEFAULT_PIVOTS,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """The network on two dates: ties and coalitions gained and lost, deltas, new brokers."""
    spec = _spec(locals())
    before, after = date1.date(), date2.date()
    with unit_of_work(db) as session:
        result: Comparison = compare_report(session, spec, before, after)
    rows: list[list[object]] = [
        ["metric", m.metric, None, _cell(m.before), _cell(m.after), _cell(m.change)]
        for m in result.metrics
    ]
    for label, items in (
        ("actor_joined", result.actors_joined),
        ("actor_left", result.actors_left),
        ("became_isolated", result.became_isolated),
        ("became_broker", result.became_brokers),
        ("stopped_brokering", result.stopped_brokering),
    ):
        rows += [[label, a.actor_id, a.name, None, None, None] for a in items]
    for label, coalitions in (
        ("coalition_started", result.coalitions_started),
        ("coalition_ended", result.coalitions_ended),
    ):
        rows += [[label, c.coalition_id, c.name, None, None, None] for c in coalitions]
    for label, ties in (("tie_gained", result.ties_gained), ("tie_lost", result.ties_lost)):
        rows += [
            [
                label,
                f"{t.source_actor_id}-{t.target_actor_id}",
                f"{t.source_name} - {t.target_name}",
            ]
            + [None] * 3
            for t in ties
        ]
    _emit(
        result,
        ["change", "id", "name", "before", "after", "delta"],
        rows,
        (as_json, as_csv),
        f"{before} → {after}",
    )
