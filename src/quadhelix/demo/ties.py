"""Ties between Leiemonde's actors: from shared coalitions, the silos, the brokers and daily work.

The structure is designed: most ties stay within a sector (and within a department for the city),
busy actors get many more ties than quiet ones (activity is Pareto-distributed, so degrees are
heavy-tailed), the silo diensten tie almost only to the city itself, and five brokers reach into
every sector.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import accumulate
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from quadhelix.demo.cast import Cast, Player
from quadhelix.demo.coalitions import Built, Member
from quadhelix.demo.org import PARTICIPATION, ROOT
from quadhelix.demo.places import NEIGHBOURHOOD_BY_NAME
from quadhelix.demo.timeline import WINDOW_END, clip, day_between, stamps
from quadhelix.registry.model import Tie
from quadhelix.registry.vocab import (
    ActorKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
    TieSource,
    TieType,
)

H = HelixSector
T = TieType
BROKERS: tuple[str, ...] = (PARTICIPATION, "schakel", "kenniscentrum", "leiestroom", "burgerkracht")
BACKGROUND_TIES = 1800
# How likely a tie started by a row sector lands in each column sector; the diagonal dominates.
_SECTORS = (H.GOVERNMENT, H.CIVIL_SOCIETY, H.BUSINESS, H.KNOWLEDGE, H.CITIZENS)
_MIXING: dict[HelixSector, tuple[float, ...]] = {
    # columns:       gov   civil business knowledge citizens
    H.GOVERNMENT: (0.7, 0.12, 0.06, 0.07, 0.05),
    H.CIVIL_SOCIETY: (0.1, 0.7, 0.05, 0.05, 0.1),
    H.BUSINESS: (0.09, 0.05, 0.74, 0.07, 0.05),
    H.KNOWLEDGE: (0.12, 0.09, 0.08, 0.65, 0.06),
    H.CITIZENS: (0.07, 0.17, 0.03, 0.03, 0.7),
}
_WEIGHTS: dict[TieType, tuple[tuple[int, ...], tuple[int, ...]]] = {
    T.COLLABORATION: ((1, 2, 3, 4, 5), (35, 28, 18, 12, 7)),
    T.INFORMATION: ((1, 2), (70, 30)),
    T.FUNDING: ((1, 2, 3, 4, 5), (20, 30, 25, 15, 10)),
    T.CONTRACT: ((1, 2, 3, 4), (30, 35, 25, 10)),
    T.MEMBERSHIP: ((1,), (1,)),
}
# The few ties a silo has beyond its own dienst: other city units, and a supplier or two.
SILO_CONTACTS: dict[str, tuple[str, ...]] = {
    "Dienst Financiën": ("Dienst HR", "Dienst ICT en Digitalisering", "Algemene Directie"),
    "Dienst Burgerzaken": ("Dienst ICT en Digitalisering", "Team Communicatie"),
    "Dienst Wegen, Bruggen en Waterlopen": (
        "Dienst Mobiliteit",
        "Dienst Ruimtelijke Planning",
        "Dienst Groen",
        "Dienst Facility Management",
    ),
}
SILO_SUPPLIERS: dict[str, tuple[str, int]] = {
    # silo dienst -> (archetype its suppliers come from, how many)
    "Dienst Financiën": ("ict", 1),
    "Dienst Burgerzaken": ("ict", 1),
    "Dienst Wegen, Bruggen en Waterlopen": ("bouw", 2),
}


class _TieBook:
    """Collects ties, refusing duplicates (one tie per pair and type) and loops."""

    def __init__(self, rng: random.Random, cast: Cast) -> None:
        self.rng = rng
        self.ties: list[dict[str, Any]] = []
        self.seen: set[tuple[int, int, TieType]] = set()
        self.degree = [0] * len(cast.players)

    def add(
        self,
        a: Player,
        b: Player,
        kind: TieType,
        period: tuple[date | None, date | None],
        source: TieSource,
        provenance: str | None = None,
    ) -> bool:
        pair = (min(a.index, b.index), max(a.index, b.index), kind)
        if a is b or pair in self.seen:
            return False
        self.seen.add(pair)
        self.degree[a.index] += 1
        self.degree[b.index] += 1
        values, odds = _WEIGHTS.get(kind, ((1,), (1,)))
        start, end = period
        self.ties.append(
            {
                **stamps(start),
                "source_actor_id": a.actor.id,
                "target_actor_id": b.actor.id,
                "type": kind,
                "directed": kind in (T.FUNDING, T.MEMBERSHIP),
                "weight": float(self.rng.choices(values, weights=odds)[0]),
                "start_date": start,
                "end_date": end,
                "source": source,
                "provenance": provenance,
            }
        )
        return True


def build_ties(
    session: Session, rng: random.Random, cast: Cast, built: list[Built]
) -> list[dict[str, Any]]:
    """Write all ties in one bulk insert (no ids needed back); returns the rows written."""
    book = _TieBook(rng, cast)
    _coalition_ties(book, built)
    _silo_ties(book, cast)
    _subsidy_ties(book, cast)
    _background_ties(book, cast, BACKGROUND_TIES)
    _broker_ties(book, cast)
    session.execute(insert(Tie).execution_options(render_nulls=True), book.ties)
    return book.ties


def _coalition_ties(book: _TieBook, built: list[Built]) -> None:
    """Working together in a coalition leaves ties: lead to partners, funders to the lead."""
    rng = book.rng
    for b in built:
        if b.plan.kind is CoalitionKind.EVENT or b.coalition.status is CoalitionStatus.IDEA:
            continue
        lead, *others = b.members
        note = f"samenwerking in {b.coalition.name}"
        for m in others:
            period = _shared(lead, m, b)
            if m.role is MemberRole.FUNDER:
                book.add(
                    m.player, lead.player, T.FUNDING, period, *_registered(rng, T.FUNDING, period)
                )
            elif m.role in (MemberRole.PARTNER, MemberRole.ADVISOR) and rng.random() < 0.8:
                kind = T.INFORMATION if m.role is MemberRole.ADVISOR else T.COLLABORATION
                book.add(lead.player, m.player, kind, period, TieSource.MANUAL, note)
            elif m.role is MemberRole.PARTICIPANT and rng.random() < 0.25:
                book.add(lead.player, m.player, T.INFORMATION, period, TieSource.MANUAL, note)
        partners = [m for m in others if m.role is MemberRole.PARTNER]
        if len(b.members) <= 6:
            for i, m in enumerate(partners):
                for other in partners[i + 1 :]:
                    if rng.random() < 0.35:
                        period = _shared(m, other, b)
                        book.add(
                            m.player, other.player, T.COLLABORATION, period, TieSource.MANUAL, note
                        )


def _shared(one: Member, two: Member, b: Built) -> tuple[date | None, date | None]:
    """The time two members spent together in a coalition."""
    if one.start is None or two.start is None:
        return None, None
    start = max(one.start, two.start)
    ends = [d for d in (one.end, two.end) if d is not None]
    end = min(ends) if ends else None
    if end is not None and end < start:
        end = start
    return start, end


def _registered(
    rng: random.Random, kind: TieType, period: tuple[date | None, date | None]
) -> tuple[TieSource, str | None]:
    """Where a tie was recorded: most funding and contracts come from the city's registers."""
    start = period[0]
    if start is None:
        return TieSource.IMPORT, "import oude relatiedatabank"
    year = f" {start.year}"
    if kind is T.FUNDING and rng.random() < 0.7:
        return TieSource.IMPORT, f"subsidieregister stad Leiemonde{year}"
    if kind is T.CONTRACT and rng.random() < 0.6:
        return TieSource.IMPORT, f"contractenregister aankoopdienst{year}"
    if kind is T.MEMBERSHIP and rng.random() < 0.6:
        return TieSource.IMPORT, f"ledenlijst{year}"
    if rng.random() < 0.2:
        return TieSource.IMPORT, f"import relatiebeheer stad{year}"
    return TieSource.MANUAL, None


def _period(rng: random.Random, a: Player, b: Player) -> tuple[date | None, date | None] | None:
    """A dated period inside both actors' lives (None if they never overlapped); a few undated.

    About one in five ties has ended; ties of an actor that stopped end when it stopped.
    """
    low_a, high_a = clip(a.start, a.end)
    low_b, high_b = clip(b.start, b.end)
    low, high = max(low_a, low_b), min(high_a, high_b)
    if low > high:
        return None
    if rng.random() < 0.07:
        return None, None
    start = day_between(rng, low, high, 0.6)
    if high < WINDOW_END or rng.random() < 0.2:
        return start, day_between(rng, min(start + timedelta(days=60), high), high)
    return start, None


def _silo_ties(book: _TieBook, cast: Cast) -> None:
    """A silo works inside its dienst, reports to its departement and knows a few city units."""
    rng = book.rng
    for head_key, contacts in SILO_CONTACTS.items():
        head = cast[head_key]
        units = [p for p in cast.players if p.silo == head_key]
        department = cast[head.department] if head.department else None
        links = [(unit, head) for unit in units if unit is not head]
        links += [(u, v) for i, u in enumerate(units) for v in units[i + 1 :] if u is not head]
        if department is not None:
            links.append((head, department))
        links += [(head, cast[key]) for key in contacts]
        for a, b in links:
            kind = T.COLLABORATION if rng.random() < 0.6 else T.INFORMATION
            period = _period(rng, a, b)
            if period is not None:
                book.add(a, b, kind, period, TieSource.MANUAL)
        archetype, count = SILO_SUPPLIERS[head_key]
        suppliers = [p for p in cast.players if p.archetype == archetype and p.end is None]
        for supplier in rng.sample(suppliers, count):
            period = _period(rng, head, supplier)
            if period is not None:
                book.add(head, supplier, T.CONTRACT, period, *_registered(rng, T.CONTRACT, period))


def _subsidy_ties(book: _TieBook, cast: Cast) -> None:
    """Governments subsidise organisations and initiatives working on their themes (directed).

    Subsidies run for one to three years from January and come mostly from subsidy registers.
    """
    rng = book.rng
    recipients = [
        p
        for p in cast.players
        if p.helix in (H.CIVIL_SOCIETY, H.CITIZENS) and p.actor.kind is not ActorKind.PERSON
    ]
    for funder in cast.sector(H.GOVERNMENT):
        if funder.silo is not None or funder.key == ROOT or not funder.focus:
            continue
        pool = [p for p in recipients if funder.shares_theme(p)]
        count = rng.randint(2, 5) if not funder.city else rng.randint(0, 3)
        for recipient in _weighted_sample(rng, pool, [p.activity for p in pool], count):
            low, high = clip(recipient.start, recipient.end)
            year = rng.randint(low.year, high.year)
            start = max(low, date(year, 1, 1))
            end = min(high, date(min(year + rng.randint(0, 2), WINDOW_END.year), 12, 31))
            if end < start:
                continue
            where = "subsidieregister stad Leiemonde" if funder.city else "subsidiedatabank"
            source = TieSource.IMPORT if rng.random() < 0.75 else TieSource.MANUAL
            note = f"{where} {year}" if source is TieSource.IMPORT else None
            book.add(funder, recipient, T.FUNDING, (start, end), source, note)


def _weighted_sample(
    rng: random.Random, pool: list[Player], weights: list[float], count: int
) -> list[Player]:
    """``count`` distinct players, heavier weights first more often (Efraimidis–Spirakis)."""
    keyed = sorted(
        ((rng.random() ** (1.0 / w), p) for p, w in zip(pool, weights, strict=True)),
        key=lambda pair: (-pair[0], pair[1].index),
    )
    return [p for _k, p in keyed[:count]]


def _allowed(rng: random.Random, a: Player, b: Player) -> bool:
    """Silos only tie to the city itself, and beyond their own department only now and then."""
    if a is b or ROOT in (a.key, b.key):
        return False
    for silo, other in ((a, b), (b, a)):
        if silo.silo is not None and other.silo != silo.silo:
            if not other.city:
                return False
            if other.department != silo.department and rng.random() > 0.3:
                return False
    return True


def _tie_type(rng: random.Random, a: Player, b: Player) -> tuple[TieType, Player, Player]:
    """The kind of tie two actors plausibly have, oriented from funder or member where directed."""
    if b.network != a.network:
        member, network = (a, b) if b.network else (b, a)
        if rng.random() < 0.8:
            return T.MEMBERSHIP, member, network
    person = ActorKind.PERSON in (a.actor.kind, b.actor.kind)
    sectors = {a.helix, b.helix}
    shared = a.shares_theme(b)
    roll = rng.random()
    if H.GOVERNMENT in sectors and len(sectors) == 2:
        gov, other = (a, b) if a.helix is H.GOVERNMENT else (b, a)
        if other.helix in (H.CIVIL_SOCIETY, H.CITIZENS) and shared and not person and roll < 0.45:
            return T.FUNDING, gov, other  # a subsidy from the dienst that owns the theme
        if other.helix is H.BUSINESS and roll < 0.55:
            return T.CONTRACT, gov, other
        if other.helix is H.KNOWLEDGE and roll < 0.2:
            return T.CONTRACT, gov, other
    elif sectors == {H.GOVERNMENT} and a.city != b.city and shared and roll < 0.35:
        funder, city = (b, a) if a.city else (a, b)
        return T.FUNDING, funder, city  # Flemish and provincial money for the city's work
    elif sectors == {H.BUSINESS} and roll < 0.35:
        return T.CONTRACT, a, b
    if rng.random() < 0.6:
        return T.COLLABORATION, a, b
    return T.INFORMATION, a, b


def _background_ties(book: _TieBook, cast: Cast, count: int) -> None:
    """Everyday ties: busy actors more, own sector and own department first, shared themes help."""
    rng = book.rng
    players = [p for p in cast.players if p.key != ROOT]
    by_sector = {h: [p for p in players if p.helix is h] for h in H}
    by_department: dict[str, list[Player]] = {}
    for p in players:
        if p.department is not None:
            by_department.setdefault(p.department, []).append(p)
    cumulative = {
        name: list(accumulate(p.activity for p in group)) for name, group in by_sector.items()
    }
    dept_cumulative = {
        name: list(accumulate(p.activity for p in group)) for name, group in by_department.items()
    }
    all_cumulative = list(accumulate(p.activity for p in players))
    added = 0
    while added < count:
        a = rng.choices(players, cum_weights=all_cumulative)[0]
        sector = rng.choices(_SECTORS, weights=_MIXING[a.helix])[0]
        if a.department is not None and sector is H.GOVERNMENT and rng.random() < 0.5:
            group = by_department[a.department]
            b = rng.choices(group, cum_weights=dept_cumulative[a.department])[0]
        else:
            b = rng.choices(by_sector[sector], cum_weights=cumulative[sector])[0]
        if not _allowed(rng, a, b) or rng.random() > _affinity(a, b):
            continue
        period = _period(rng, a, b)
        if period is None:
            continue
        kind, source, target = _tie_type(rng, a, b)
        if book.add(source, target, kind, period, *_registered(rng, kind, period)):
            added += 1


def _affinity(a: Player, b: Player) -> float:
    """How likely two actors that meet actually tie: shared themes and places matter."""
    score = 0.2
    if a.shares_theme(b):
        score += 0.55
    if a.hood is not None and b.hood is not None:
        if a.hood == b.hood:
            score += 0.25
        elif NEIGHBOURHOOD_BY_NAME[a.hood].district == NEIGHBOURHOOD_BY_NAME[b.hood].district:
            score += 0.1
    return score


def _broker_ties(book: _TieBook, cast: Cast) -> None:
    """Each broker reaches into every sector and five departments, to actors few others reach."""
    rng = book.rng
    for key in BROKERS:
        broker = cast[key]
        candidates = [
            p
            for p in cast.players
            if p is not broker and p.silo is None and p.key != ROOT and p.end is None
        ]
        for group, wanted in _broker_reach(rng, broker, candidates):
            weights = [_reach(book, broker, p) for p in group]
            for target in _weighted_sample(rng, group, weights, wanted):
                period = _period(rng, broker, target)
                if period is None:
                    continue
                kind = T.COLLABORATION if rng.random() < 0.6 else T.INFORMATION
                book.add(broker, target, kind, period, *_registered(rng, kind, period))


def _broker_reach(
    rng: random.Random, broker: Player, candidates: list[Player]
) -> list[tuple[list[Player], int]]:
    """Whom a broker is tied to: (pool, how many) per sector; city units one per department."""
    by_department: dict[str, list[Player]] = {}
    for p in candidates:
        if p.department is not None and p.department != broker.department:
            by_department.setdefault(p.department, []).append(p)
    units = [rng.choice(group) for group in by_department.values()]
    partners = [p for p in candidates if p.helix is H.GOVERNMENT and not p.city]
    quota = {H.CIVIL_SOCIETY: 7, H.BUSINESS: 5, H.KNOWLEDGE: 5, H.CITIZENS: 8}
    reach = [(units, 5), (partners, 2)]
    reach += [([p for p in candidates if p.helix is sector], n) for sector, n in quota.items()]
    return reach


def _reach(book: _TieBook, broker: Player, target: Player) -> float:
    """Brokers matter most where others are absent: prefer low-degree actors on shared themes."""
    weight = 1.0 / (1 + book.degree[target.index])
    return weight * (2.0 if broker.shares_theme(target) else 1.0)
