"""Build the coalitions from their plans: dates, status, themes, areas, links and members.

Designed members (lead, partners) always join; the rest are drawn among actors that share a theme,
are active at the time and, for local coalitions, live nearby. Silo units are only drawn into
internal coalitions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from quadhelix.demo.alliances import COVENANTS, NETWORKS, PARTNERSHIPS
from quadhelix.demo.cast import Cast, Player
from quadhelix.demo.governance import GOVERNANCE_PROGRAMMES, LOOSE_PROJECTS, SEMINARS
from quadhelix.demo.initiatives import initiative_plans
from quadhelix.demo.org import ROOT
from quadhelix.demo.places import CITY_NAME, NEIGHBOURHOOD_BY_NAME
from quadhelix.demo.plans import Plan
from quadhelix.demo.programmes import PROGRAMMES
from quadhelix.demo.storage import add_in_order
from quadhelix.demo.timeline import WINDOW_END, WINDOW_START, day_between, stamps
from quadhelix.registry.model import Area, Coalition, CoalitionLink, Membership, Theme
from quadhelix.registry.vocab import (
    ActorKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
)

Kind = CoalitionKind
Role = MemberRole
# Who comes to a seminar on innovating urban organisations: mostly civil servants and middenveld.
_SEMINAR_MIX = {
    HelixSector.GOVERNMENT: 0.45,
    HelixSector.CIVIL_SOCIETY: 0.3,
    HelixSector.KNOWLEDGE: 0.15,
    HelixSector.BUSINESS: 0.05,
    HelixSector.CITIZENS: 0.05,
}
_FUNDING = ("Subsidie van {amount} euro", "Cofinanciering van {amount} euro")
_ADVICE = {
    HelixSector.KNOWLEDGE: ("Wetenschappelijke begeleiding", "Advies en evaluatie"),
    HelixSector.GOVERNMENT: ("Procesbegeleiding", "Advies vanuit de stad"),
}
# Euros: citizen initiatives get small grants, projects and programmes real budgets.
_AMOUNTS = {
    Kind.CITIZEN_INITIATIVE: (500, 1000, 1500, 2500, 5000),
    Kind.PROJECT: (5000, 10000, 15000, 25000, 40000, 60000, 100000),
}


@dataclass(frozen=True)
class Member:
    """One actor's part in a built coalition (becomes a Membership once ids exist)."""

    player: Player
    role: MemberRole
    start: date | None
    end: date | None
    contribution: str | None


@dataclass
class Built:
    """A coalition as built, with its members in join order (the lead first)."""

    plan: Plan
    coalition: Coalition
    parent: Built | None
    members: list[Member] = field(default_factory=list)


def all_plans(rng: random.Random, cast: Cast) -> list[Plan]:
    """Every designed coalition in build order: seminars first, so that they get ids 1 and 2."""
    return [
        *SEMINARS,
        *PROGRAMMES,
        *GOVERNANCE_PROGRAMMES,
        *LOOSE_PROJECTS,
        *PARTNERSHIPS,
        *NETWORKS,
        *COVENANTS,
        *initiative_plans(rng, cast),
    ]


def build_coalitions(
    session: Session,
    rng: random.Random,
    cast: Cast,
    areas: dict[str, Area],
    themes: dict[str, Theme],
) -> list[Built]:
    """Create every coalition with its links and members; ids follow the plans' order."""
    built: list[Built] = []
    for plan in all_plans(rng, cast):
        built.extend(_build(rng, plan, None, cast, areas, themes))
    add_in_order(session, [(b.coalition, b.parent.coalition if b.parent else None) for b in built])
    session.execute(
        insert(Membership).execution_options(render_nulls=True),
        [
            {
                **stamps(m.start or b.coalition.start_date),
                "coalition_id": b.coalition.id,
                "actor_id": m.player.actor.id,
                "role": m.role,
                "start_date": m.start,
                "end_date": m.end,
                "contribution": m.contribution,
            }
            for b in built
            for m in b.members
        ],
    )
    return built


def _build(
    rng: random.Random,
    plan: Plan,
    parent: Built | None,
    cast: Cast,
    areas: dict[str, Area],
    themes: dict[str, Theme],
) -> list[Built]:
    lead = cast[plan.lead]
    start, end = _period(rng, plan, parent, lead)
    status = plan.status or _status(start, end)
    if status is CoalitionStatus.IDEA:
        start = end = None
    coalition = Coalition(
        **stamps(start or date(2025, 9, 1)),  # ideas were registered this autumn
        name=plan.name,
        kind=plan.kind,
        status=status,
        description=plan.description,
        goals=plan.goals,
        start_date=start,
        end_date=end,
        themes=[themes[code] for code in sorted(plan.themes)],
        areas=[areas[name] for name in plan.areas] or [areas[CITY_NAME]],
        links=[CoalitionLink(**stamps(start), title=t, url=u) for t, u in plan.links],
    )
    here = Built(plan, coalition, parent)
    for player, role in _members(rng, plan, cast, start, end):
        m_start, m_end = _membership_period(rng, player, role, plan.kind, start, end)
        contribution = _contribution(rng, role, player, plan.kind)
        here.members.append(Member(player, role, m_start, m_end, contribution))
    result = [here]
    for child in plan.children:
        result.extend(_build(rng, child, here, cast, areas, themes))
    return result


def _period(
    rng: random.Random, plan: Plan, parent: Built | None, lead: Player
) -> tuple[date | None, date | None]:
    """Planned dates if given, else drawn after the lead exists; projects end with the parent."""
    if plan.status is CoalitionStatus.IDEA:
        return None, None
    start, end = plan.start, plan.end
    if start is None:
        start, end = _drawn_period(rng, plan, parent, lead)
    elif end is None and plan.kind is Kind.PROJECT:  # a planned start, a drawn duration
        end = start + timedelta(days=round(30.4 * rng.randint(*plan.months)))
    if parent is not None and parent.coalition.end_date is not None and end is not None:
        end = min(end, parent.coalition.end_date)
    return start, end


def _drawn_period(
    rng: random.Random, plan: Plan, parent: Built | None, lead: Player
) -> tuple[date, date | None]:
    low = max(WINDOW_START, lead.start or WINDOW_START)
    high = date(2025, 6, 30)
    if parent is not None:
        p_start = parent.coalition.start_date or WINDOW_START
        p_end = parent.coalition.end_date
        low = max(low, p_start + timedelta(days=30))
        high = min(p_end or WINDOW_END, WINDOW_END) - timedelta(days=120)
    start = day_between(rng, low, max(low, high), 0.45)
    if plan.kind is Kind.PROGRAMME:
        return start, None
    if plan.kind is Kind.NETWORK:
        closed = rng.random() < 0.15 and start < date(2024, 6, 30)
        return start, day_between(rng, start + timedelta(days=365), WINDOW_END) if closed else None
    end = start + timedelta(days=round(30.4 * rng.randint(*plan.months)))
    if plan.kind is Kind.PARTNERSHIP and end > WINDOW_END and rng.random() < 0.5:
        return start, None
    return start, end


def _status(start: date | None, end: date | None) -> CoalitionStatus:
    """As seen on the demo's reference date, the last day of the window."""
    if start is None or start > WINDOW_END:
        return CoalitionStatus.IDEA
    if end is not None and end <= WINDOW_END:
        return CoalitionStatus.CLOSED
    return CoalitionStatus.ACTIVE


def _members(
    rng: random.Random, plan: Plan, cast: Cast, start: date | None, end: date | None
) -> list[tuple[Player, MemberRole]]:
    low = start or WINDOW_END
    high = min(end or WINDOW_END, WINDOW_END)
    chosen: list[tuple[Player, MemberRole]] = [(cast[plan.lead], Role.LEAD)]
    for key in plan.partners:
        partner = cast[key]
        if partner.active_between(low, high):
            chosen.append((partner, Role.PARTNER))
    if start is None:  # an idea: only its first few people
        return chosen
    taken = {p.key for p, _r in chosen}
    if plan.kind is Kind.EVENT:
        for player in _draw_event(rng, cast, taken, low, plan.participants):
            chosen.append((player, Role.PARTICIPANT))
        return chosen
    for player in _draw(rng, plan, cast, taken, low, high, plan.draw):
        chosen.append((player, _role(rng, plan.kind, player)))
        taken.add(player.key)
    chosen.extend(_support(rng, plan, cast, taken, low, high))
    return chosen


def _eligible(plan: Plan, player: Player, low: date, high: date) -> bool:
    if player.key == ROOT or not player.active_between(low, high):
        return False
    if plan.internal:
        return player.city
    return player.silo is None and player.helix in plan.sectors


def _draw(
    rng: random.Random,
    plan: Plan,
    cast: Cast,
    taken: set[str],
    low: date,
    high: date,
    count: int,
) -> list[Player]:
    """``count`` members sharing a theme, weighted by activity and closeness to the plan's areas."""
    hoods = {name for name in plan.areas if name in NEIGHBOURHOOD_BY_NAME}
    districts = {NEIGHBOURHOOD_BY_NAME[h].district for h in hoods} | (set(plan.areas) - hoods)
    scored: list[tuple[float, Player]] = []
    for player in cast.players if plan.internal else cast.working_on(plan.themes):
        if player.key in taken or not _eligible(plan, player, low, high):
            continue
        overlap = player.works_on(plan.themes)
        weight = player.activity * (1.0 + 0.5 * overlap)
        if plan.areas and player.hood is not None:
            if player.hood in hoods:
                weight *= 4.0
            elif NEIGHBOURHOOD_BY_NAME[player.hood].district in districts:
                weight *= 2.0
            else:
                weight *= 0.3
        scored.append((rng.random() ** (1.0 / weight), player))
    scored.sort(key=lambda pair: (-pair[0], pair[1].index))
    return [player for _score, player in scored[:count]]


def _draw_event(
    rng: random.Random, cast: Cast, taken: set[str], day: date, count: int
) -> list[Player]:
    """Seminar participants by sector quota, the busiest actors most likely (never silos)."""
    chosen: list[Player] = []
    for helix, share in _SEMINAR_MIX.items():
        pool = [
            p
            for p in cast.sector(helix)
            if p.key not in taken
            and p.silo is None
            and p.key != ROOT
            and p.active_between(day, day)
        ]
        scored = sorted(
            ((rng.random() ** (1.0 / p.activity), p) for p in pool),
            key=lambda pair: (-pair[0], pair[1].index),
        )
        chosen.extend(p for _s, p in scored[: round(count * share)])
    return chosen


def _role(rng: random.Random, kind: CoalitionKind, player: Player) -> MemberRole:
    if player.helix is HelixSector.GOVERNMENT and not player.city:
        return Role.FUNDER if rng.random() < 0.6 else Role.PARTNER
    researcher = player.helix is HelixSector.KNOWLEDGE and player.archetype != "school"
    if researcher and kind is not Kind.COVENANT and rng.random() < 0.5:
        return Role.ADVISOR
    if player.actor.kind is ActorKind.PERSON:
        return Role.PARTICIPANT
    if kind is Kind.COVENANT or player.city:
        return Role.PARTNER
    if kind is Kind.NETWORK:
        return Role.PARTICIPANT if rng.random() < 0.7 else Role.PARTNER
    return Role.PARTNER if rng.random() < 0.65 else Role.PARTICIPANT


def _support(
    rng: random.Random, plan: Plan, cast: Cast, taken: set[str], low: date, high: date
) -> list[tuple[Player, MemberRole]]:
    """The city backs citizen initiatives; Flemish agencies and the province fund projects."""
    extra: list[tuple[Player, MemberRole]] = []
    if plan.kind is Kind.CITIZEN_INITIATIVE:
        for key, role, chance in (
            ("Team Wijkregie", Role.ADVISOR, 0.45),
            ("Team Burgerbudget", Role.FUNDER, 0.35),
            ("schakel", Role.PARTNER, 0.3),
        ):
            local = key != "schakel" or any(
                NEIGHBOURHOOD_BY_NAME[a].district in ("Binnenstad", "Leiemonde-Noord")
                for a in plan.areas
            )
            if key not in taken and local and rng.random() < chance:
                extra.append((cast[key], role))
        return extra
    if plan.internal or plan.kind not in (Kind.PROGRAMME, Kind.PROJECT, Kind.PARTNERSHIP):
        return extra
    if rng.random() < 0.3:
        funders = [
            p
            for p in cast.sector(HelixSector.GOVERNMENT)
            if not p.city
            and p.key not in taken
            and p.works_on(plan.themes)
            and p.active_between(low, high)
        ]
        if funders:
            extra.append((rng.choice(funders), Role.FUNDER))
    return extra


def _membership_period(
    rng: random.Random,
    player: Player,
    role: MemberRole,
    kind: CoalitionKind,
    start: date | None,
    end: date | None,
) -> tuple[date | None, date | None]:
    """Inside the coalition's period and the actor's; some join late, some leave early."""
    if start is None:
        return None, None
    if kind is Kind.EVENT:
        return start, end
    closed = end is not None and end <= WINDOW_END
    last = end if closed and end is not None else WINDOW_END
    if player.end is not None:
        last = min(last, player.end)
    first = max(start, player.start or start)  # never after ``last``: members are eligible
    m_start = first
    if role in (Role.PARTICIPANT, Role.ADVISOR) and rng.random() < 0.3:
        m_start = day_between(rng, first, max(first, last - timedelta(days=60)), 0.3)
    m_end = end if closed else None
    if role is not Role.LEAD and rng.random() < 0.12:
        m_end = day_between(rng, min(m_start + timedelta(days=60), last), last)
    if player.end is not None:
        m_end = min(m_end or player.end, player.end)
    return m_start, m_end


def _contribution(
    rng: random.Random, role: MemberRole, player: Player, kind: CoalitionKind
) -> str | None:
    """What a funder or advisor brings: an amount in euros, or the kind of advice."""
    if role is Role.FUNDER:
        amounts = _AMOUNTS.get(kind, (25000, 50000, 100000, 150000, 250000))
        amount = f"{rng.choice(amounts):,}".replace(",", ".")
        return rng.choice(_FUNDING).format(amount=amount)
    if role is Role.ADVISOR:
        return rng.choice(_ADVICE.get(player.helix, ("Advies",)))
    return None
