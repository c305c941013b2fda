"""Helix composition and Provan–Kenis governance fit of coalitions."""

from __future__ import annotations

import math

import igraph as ig
import pytest

from quadhelix.analytics.coalitions import composition, governance_fit
from quadhelix.analytics.graphs import CoalitionRecord, MemberRecord


def _coalition(sectors: list[str], roles: list[str] | None = None) -> CoalitionRecord:
    roles = roles or ["partner"] * len(sectors)
    members = tuple(
        MemberRecord(
            i + 1,
            f"m{i}",
            sector,
            role,
            "Dept" if sector == "government" else None,
            sector == "government",
        )
        for i, (sector, role) in enumerate(zip(sectors, roles, strict=True))
    )
    return CoalitionRecord(1, "c", "project", "active", None, None, None, None, members)


def _ties(n: int, edges: list[tuple[int, int]]) -> ig.Graph:
    graph = ig.Graph(n=n, edges=edges)
    graph.vs["actor_id"] = list(range(1, n + 1))
    return graph


def test_composition_shares_and_entropy() -> None:
    c = composition(_coalition(["government", "civil_society", "citizens", "business"]))
    assert c.sectors_present == 4 and c.entropy_bits == pytest.approx(2.0)
    assert c.sector_shares["citizens"] == 0.25 and c.city_civil_society_citizens
    one = composition(_coalition(["business", "business"]))
    assert one.one_sided and one.entropy_bits == 0.0 and not one.city_present
    five = composition(
        _coalition(["government", "civil_society", "citizens", "business", "knowledge"])
    )
    assert five.entropy_bits == pytest.approx(math.log2(5))


def test_small_dense_coalition_suits_shared_governance() -> None:
    coalition = _coalition(["government", "civil_society", "business", "knowledge"])
    fit = governance_fit(coalition, _ties(4, [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]))
    assert fit.suggestion == "shared" and fit.density == 1.0 and fit.centralisation == 0.0
    assert fit.trust_density is None and any("members" in r for r in fit.reasons)


def test_star_coalition_suits_a_lead_organisation() -> None:
    sectors = ["government"] + ["civil_society"] * 11
    coalition = _coalition(sectors, ["lead"] + ["partner"] * 11)
    fit = governance_fit(coalition, _ties(12, [(0, i) for i in range(1, 12)]))
    assert fit.suggestion == "lead_organisation" and fit.centralisation == 1.0


def test_large_coalition_suits_an_administrative_organisation() -> None:
    n = 40
    edges = [(i, (i + 1) % n) for i in range(n)] + [(i, (i + 7) % n) for i in range(n)]
    edges += [(i, (i + 13) % n) for i in range(n)] + [(i, (i + 5) % n) for i in range(n)]
    fit = governance_fit(_coalition(["business"] * n), _ties(n, edges))
    assert fit.members == 40
    assert fit.suggestion == "network_administrative_organisation"


def test_survey_ties_give_trust_density() -> None:
    coalition = _coalition(["government", "business", "knowledge"])
    survey = _ties(3, [(0, 1)])
    fit = governance_fit(coalition, _ties(3, [(0, 1), (1, 2), (0, 2)]), survey)
    assert fit.trust_density == pytest.approx(1 / 3)
    assert any("trust density" in r for r in fit.reasons)
