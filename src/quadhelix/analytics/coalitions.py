"""Coalition-level analysis: who takes part (helix composition) and which governance fits."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from quadhelix.analytics.graphs import CoalitionRecord
from quadhelix.analytics.network import degree_centralisation, density
from quadhelix.registry.messages import Figure, Message, message
from quadhelix.registry.vocab import HelixSector, MemberRole

SECTORS = tuple(sector.value for sector in HelixSector)


@dataclass(frozen=True)
class Composition:
    """The helix make-up of one coalition."""

    coalition_id: int
    name: str
    members: int
    sector_counts: dict[str, int]
    sector_shares: dict[str, float]
    sectors_present: int
    entropy_bits: float
    city_present: bool
    civil_society_present: bool
    citizens_present: bool
    city_civil_society_citizens: bool
    one_sided: bool


def composition(coalition: CoalitionRecord) -> Composition:
    """Shares of the five helix sectors among the members, how many are present, and the
    Shannon entropy of the sector distribution in bits (Shannon 1948; 0 when one sector does
    everything, log2(5) = 2.32 when all five are equally present). ``city_present`` means a unit
    of the city's own org tree takes part; ``one_sided`` that fewer than two sectors do.

    >>> from quadhelix.analytics.graphs import MemberRecord
    >>> members = (MemberRecord(1, "Stad", "government", "lead", "Ruimte", True),
    ...            MemberRecord(2, "Vzw", "civil_society", "partner", None, False))
    >>> c = composition(CoalitionRecord(7, "Buurtpark", "project", "active", None, None,
    ...                                 None, None, members))
    >>> c.sectors_present, c.entropy_bits, c.city_civil_society_citizens
    (2, 1.0, False)
    """
    counts = dict.fromkeys(SECTORS, 0)
    for member in coalition.members:
        counts[member.helix] += 1
    total = len(coalition.members)
    shares = {sector: (count / total if total else 0.0) for sector, count in counts.items()}
    entropy = -sum(p * math.log2(p) for p in shares.values() if p > 0) + 0.0
    city = any(member.in_city for member in coalition.members)
    civil = counts[HelixSector.CIVIL_SOCIETY.value] > 0
    citizens = counts[HelixSector.CITIZENS.value] > 0
    present = sum(1 for count in counts.values() if count > 0)
    return Composition(
        coalition_id=coalition.id,
        name=coalition.name,
        members=total,
        sector_counts=counts,
        sector_shares=shares,
        sectors_present=present,
        entropy_bits=entropy,
        city_present=city,
        civil_society_present=civil,
        citizens_present=citizens,
        city_civil_society_citizens=city and civil and citizens,
        one_sided=present < 2,
    )


FEW_MEMBERS = 8
MANY_MEMBERS = 25
HIGH_DENSITY = 0.5
LOW_DENSITY = 0.2
HIGH_CENTRALISATION = 0.5

# The reasons a governance fit gives, as message ids (the web pages translate them).
FEW = "%(members)s members: few enough to govern together (<= %(few)s)"
MANY = "%(members)s members: many participants, which favours a separate administration"
MODERATE = (
    "%(members)s members: a moderate number of participants, which favours a separate "
    "administration"
)
NO_SURVEY = "tie density (no survey data)"
WIDELY_SHARED = "%(measure)s %(value)s: widely shared (>= %(high)s)"
NOT_WIDELY_SHARED = "%(measure)s %(value)s: not widely shared (< %(high)s)"
CENTRED = "centralisation %(value)s: ties run through one member"
NOT_CENTRED = "centralisation %(value)s: no member dominates"
LEADS = "%(leads)s member(s) in the lead role"


@dataclass(frozen=True)
class GovernanceFit:
    """Provan & Kenis indicators of one coalition and the governance form they point to."""

    coalition_id: int
    members: int
    density: float | None
    centralisation: float | None
    trust_density: float | None
    leads: int
    suggestion: str
    scores: dict[str, int]
    reasons: tuple[Message, ...]  # English; pages translate them


def _member_view(graph: Any, member_ids: set[int]) -> Any:
    keep = [v.index for v in graph.vs if v["actor_id"] in member_ids]
    return graph.induced_subgraph(keep)


def governance_fit(
    coalition: CoalitionRecord,
    ties: Any,
    survey: Any | None = None,
    trust_density: float | None = None,
) -> GovernanceFit:
    """Which governance form suits the coalition (Provan & Kenis 2008, "Modes of network
    governance: structure, management, and effectiveness", JPART 18(2), table 2).

    Indicators: number of members; density and Freeman degree centralisation of the ties among
    members (``ties``: a tie graph with an ``actor_id`` vertex attribute); and, when a survey
    graph is given and holds ties among members, trust density (density of the surveyed ties). A
    ``trust_density`` measured by a partner survey (``survey.scoring.trust_density``: the share
    of member pairs whose mean trust rating is 3 or more of 4) takes precedence. Each form
    scores a point per matching predictor: **shared** governance for few members (<= 8) with
    dense trust (>= 0.5) and no dominant member (centralisation < 0.5); **lead organisation**
    for up to 25 members with sparse or moderate trust (< 0.5) that centres on one member
    (centralisation >= 0.5, or a member in the lead role); a **network administrative
    organisation** for more than 8 members (two points above 25) with moderate density
    (0.2-0.5). Ties go to the simpler form. The thresholds are ours: Provan & Kenis give
    directions, not numbers.
    """
    ids = {member.actor_id for member in coalition.members}
    n = len(ids)
    view = _member_view(ties, ids)
    tie_density = density(view) if n >= 2 else None
    centralisation = degree_centralisation(view) if n >= 3 else None
    trust = trust_density
    if trust is None and survey is not None:
        surveyed = _member_view(survey, ids)
        if surveyed.ecount() > 0 and n >= 2:
            trust = density(surveyed)
    leads = sum(1 for m in coalition.members if m.role == MemberRole.LEAD.value)
    trust_like = trust if trust is not None else tie_density
    measure = message("trust density") if trust is not None else message(NO_SURVEY)
    if trust_density is not None:
        measure = message("trust density (partner survey)")
    scores = {"shared": 0, "lead_organisation": 0, "network_administrative_organisation": 0}
    reasons: list[Message] = []
    if n <= FEW_MEMBERS:
        scores["shared"] += 1
        reasons.append(message(FEW, members=n, few=FEW_MEMBERS))
    if n <= MANY_MEMBERS:
        scores["lead_organisation"] += 1
    if n > FEW_MEMBERS:
        points = 2 if n > MANY_MEMBERS else 1
        scores["network_administrative_organisation"] += points
        reasons.append(message(MANY if n > MANY_MEMBERS else MODERATE, members=n))
    if trust_like is not None:
        found = {"measure": measure, "value": Figure(trust_like), "high": Figure(HIGH_DENSITY, 1)}
        if trust_like >= HIGH_DENSITY:
            scores["shared"] += 1
            reasons.append(message(WIDELY_SHARED, **found))
        else:
            scores["lead_organisation"] += 1
            reasons.append(message(NOT_WIDELY_SHARED, **found))
            if trust_like >= LOW_DENSITY:
                scores["network_administrative_organisation"] += 1
    if centralisation is not None:
        if centralisation >= HIGH_CENTRALISATION:
            scores["lead_organisation"] += 1
            reasons.append(message(CENTRED, value=Figure(centralisation)))
        else:
            scores["shared"] += 1
            reasons.append(message(NOT_CENTRED, value=Figure(centralisation)))
    if leads and (centralisation is None or centralisation < HIGH_CENTRALISATION):
        scores["lead_organisation"] += 1
        reasons.append(message(LEADS, leads=leads))
    suggestion = max(scores, key=lambda form: scores[form])  # first maximum: simplest form
    return GovernanceFit(
        coalition_id=coalition.id,
        members=n,
        density=tie_density,
        centralisation=centralisation,
        trust_density=trust,
        leads=leads,
        suggestion=suggestion,
        scores=scores,
        reasons=tuple(reasons),
    )


def compositions(coalitions: list[CoalitionRecord]) -> list[Composition]:
    """The composition of every coalition, in the given order."""
    return [composition(c) for c in coalitions]


def one_sided_share(items: list[Composition]) -> float:
    """Share of coalitions with fewer than two sectors."""
    return float(np.mean([c.one_sided for c in items])) if items else 0.0
