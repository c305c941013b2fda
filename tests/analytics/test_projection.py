"""Merging parallel ties and projecting memberships onto actors."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from quadhelix.analytics.projection import merge_edges, project_memberships
from tests.analytics.datasets import davis_nx, davis_women, rows


def test_merge_sums_weights_and_drops_loops() -> None:
    merged = merge_edges([0, 1, 2, 2], [1, 0, 2, 0], [1.0, 2.0, 9.0, 4.0], 3, directed=True)
    assert list(zip(merged.source.tolist(), merged.target.tolist(), strict=True)) == [
        (0, 1),
        (1, 0),
        (2, 0),
    ]
    assert merged.weight.tolist() == [1.0, 2.0, 4.0]


def test_davis_projection_equals_networkx() -> None:
    women = davis_women()
    events = sorted({r["target"] for r in rows("davis_southern_women_edges.csv")})
    edges = rows("davis_southern_women_edges.csv")
    projection = project_memberships(
        [women.index(r["source"]) for r in edges],
        [events.index(r["target"]) for r in edges],
        len(women),
    )
    counts = nx.bipartite.weighted_projected_graph(davis_nx(), women)
    newman = nx.bipartite.collaboration_weighted_projected_graph(davis_nx(), women)
    assert projection.source.size == counts.number_of_edges()
    for a, b, shared, weight in zip(
        projection.source, projection.target, projection.shared, projection.newman, strict=True
    ):
        assert shared == counts[women[a]][women[b]]["weight"]
        assert weight == pytest.approx(newman[women[a]][women[b]]["weight"], abs=1e-12)


def test_repeated_memberships_count_once_and_singletons_add_nothing() -> None:
    projection = project_memberships([0, 0, 1, 2], [0, 0, 0, 1], 3)
    assert projection.source.tolist() == [0] and projection.target.tolist() == [1]
    assert projection.shared.tolist() == [1] and projection.newman.tolist() == [1.0]
    empty = project_memberships(np.zeros(0, int), np.zeros(0, int), 4)
    assert empty.source.size == 0
