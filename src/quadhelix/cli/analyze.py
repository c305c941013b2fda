"""``quadhelix analyze``: network analytics from the command line.

Each command builds an ``AnalysisSpec`` from its options, calls one function of
``quadhelix.analytics.reports`` and prints the result as a table, JSON (``--json``, field names
documented in docs/analytics.md) or CSV (``--csv``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import typer

from quadhelix.analytics.actors import METRICS, ActorMetrics
from quadhelix.analytics.change import Comparison
from quadhelix.analytics.filters import CoMembershipWeight, GraphFilters, GraphView
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
from quadhelix.analytics.synergy import SynergyResult
from quadhelix.cli.analyze_output import cell, emit, fields, number, summary_rows
from quadhelix.cli.common import (
    AreasOption,
    AsOfOption,
    CoalitionKindsOption,
    CsvOption,
    DbOption,
    FromOption,
    JsonOption,
    ThemesOption,
    TieSourcesOption,
    TieTypesOption,
    ToOption,
    note,
    print_table,
    unit_of_work,
)
from quadhelix.registry.errors import InvalidValue

app = typer.Typer(
    help="Network analytics: silos, brokers, helix balance and synergy, change over time. "
    "Without a command: the network summary.",
    invoke_without_command=True,
)

SUBCOMMANDS = ("actors", "silos", "synergy", "coalition", "compare")

# How the graph is built and measured; the network selection options are in cli/common.py.
ViewOption = Annotated[
    GraphView, typer.Option("--view", help="Link actors by ties, shared coalitions or both.")
]
DirectedOption = Annotated[bool, typer.Option("--directed", help="Keep the direction of ties.")]
WeightingOption = Annotated[
    CoMembershipWeight,
    typer.Option("--weighting", help="Co-membership weight: count or newman (1/(n-1))."),
]
SeedOption = Annotated[
    int, typer.Option("--seed", help="Seed for sampling, Leiden and permutations.")
]
PivotsOption = Annotated[
    int, typer.Option("--pivots", help="Sampled sources for path metrics above 2,000 actors.")
]


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


@app.callback()
def analyze(
    ctx: typer.Context,
    db: DbOption = None,
    as_of: AsOfOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    theme: ThemesOption = None,
    area: AreasOption = None,
    tie_type: TieTypesOption = None,
    tie_source: TieSourcesOption = None,
    coalition_kind: CoalitionKindsOption = None,
    view: ViewOption = GraphView.TIES,
    directed: DirectedOption = False,
    weighting: WeightingOption = CoMembershipWeight.COUNT,
    seed: SeedOption = 0,
    pivots: PivotsOption = DEFAULT_PIVOTS,
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
    emit(summary, ["metric", "value"], summary_rows(summary), (as_json, as_csv), "Network")


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
    as_of: AsOfOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    theme: ThemesOption = None,
    area: AreasOption = None,
    tie_type: TieTypesOption = None,
    tie_source: TieSourcesOption = None,
    coalition_kind: CoalitionKindsOption = None,
    view: ViewOption = GraphView.TIES,
    directed: DirectedOption = False,
    weighting: WeightingOption = CoMembershipWeight.COUNT,
    seed: SeedOption = 0,
    pivots: PivotsOption = DEFAULT_PIVOTS,
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
        plain = [fields(row) for row in ranked]
        columns = list(plain[0]) if plain else columns
        rows: list[list[object]] = [list(row.values()) for row in plain]
    else:
        rows = [
            [
                r.actor_id,
                r.name,
                r.helix,
                r.department,
                cell(getattr(r, metric)),
                r.degree,
                number(r.betweenness),
                r.brokerage,
                r.sectors_reached,
            ]
            for r in ranked
        ]
    emit(shown, columns, rows, (as_json, as_csv), f"Actors by {metric}")


@app.command("silos")
def silos(
    by: Annotated[
        str, typer.Option("--by", help="Group by department, unit (dienst), helix or area.")
    ] = "department",
    permutations: Annotated[
        int | None, typer.Option("--permutations", help="Relabellings for the E-I test.")
    ] = None,
    db: DbOption = None,
    as_of: AsOfOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    theme: ThemesOption = None,
    area: AreasOption = None,
    tie_type: TieTypesOption = None,
    tie_source: TieSourcesOption = None,
    coalition_kind: CoalitionKindsOption = None,
    view: ViewOption = GraphView.TIES,
    directed: DirectedOption = False,
    weighting: WeightingOption = CoMembershipWeight.COUNT,
    seed: SeedOption = 0,
    pivots: PivotsOption = DEFAULT_PIVOTS,
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
            number(g.ei),
            number(g.expected_ei),
            number(g.p_lower),
            number(g.p_upper),
        ]
        for g in sorted(ei.groups, key=lambda g: (g.ei is None, g.ei or 0.0))
    ]
    rows.append(
        [
            "(overall)",
            "",
            ei.external,
            ei.internal,
            number(ei.ei),
            number(ei.expected_ei),
            number(ei.p_lower),
            number(ei.p_upper),
        ]
    )
    emit(report, columns, rows, (as_json, as_csv), f"E-I index by {by} (-1 = closed silo)")
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
                f"; formal {by} modularity {c.modularity_formal:.3f}; NMI {number(c.nmi)}"
            )


@app.command("synergy")
def synergy(
    by: Annotated[
        str | None, typer.Option("--by", help="Decompose over districts (area) or themes.")
    ] = None,
    db: DbOption = None,
    as_of: AsOfOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    theme: ThemesOption = None,
    area: AreasOption = None,
    coalition_kind: CoalitionKindsOption = None,
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
            number(v.t_bits),
            number(v.t_mbits),
            number(v.r_bits),
            number(v.r_mbits),
        ]
        for v in values
    ]
    for part in result.decomposition:
        for group in part.groups:
            rows.append(
                [
                    f"{'+'.join(part.dimensions)} in {group.group} (n={group.coalitions})",
                    number(group.t_bits),
                    number(1000 * group.t_bits),
                    None,
                    None,
                ]
            )
        rows.append(
            [
                f"{'+'.join(part.dimensions)} between groups (T0)",
                number(part.between_bits),
                number(1000 * part.between_bits),
                None,
                None,
            ]
        )
    emit(
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
    as_of: AsOfOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
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
        ["entropy_bits", number(c.entropy_bits)],
        ["city_civil_society_citizens", c.city_civil_society_citizens],
        ["density", number(g.density)],
        ["centralisation", number(g.centralisation)],
        ["trust_density", number(g.trust_density)],
        ["suggestion", g.suggestion],
    ]
    rows += [[f"share_{k}", number(v)] for k, v in c.sector_shares.items()]
    rows += [["reason", reason] for reason in g.reasons]
    emit(report, ["field", "value"], rows, (as_json, as_csv), f"Coalition {c.coalition_id}")


@app.command("compare")
def compare(
    date1: Annotated[datetime, typer.Argument(formats=["%Y-%m-%d"], help="First date.")],
    date2: Annotated[datetime, typer.Argument(formats=["%Y-%m-%d"], help="Second date.")],
    db: DbOption = None,
    theme: ThemesOption = None,
    area: AreasOption = None,
    tie_type: TieTypesOption = None,
    tie_source: TieSourcesOption = None,
    coalition_kind: CoalitionKindsOption = None,
    view: ViewOption = GraphView.TIES,
    directed: DirectedOption = False,
    weighting: WeightingOption = CoMembershipWeight.COUNT,
    seed: SeedOption = 0,
    pivots: PivotsOption = DEFAULT_PIVOTS,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """The network on two dates: ties and coalitions gained and lost, deltas, new brokers."""
    spec = _spec(locals())
    before, after = date1.date(), date2.date()
    with unit_of_work(db) as session:
        result: Comparison = compare_report(session, spec, before, after)
    rows: list[list[object]] = [
        ["metric", m.metric, None, cell(m.before), cell(m.after), cell(m.change)]
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
    emit(
        result,
        ["change", "id", "name", "before", "after", "delta"],
        rows,
        (as_json, as_csv),
        f"{before} → {after}",
    )
