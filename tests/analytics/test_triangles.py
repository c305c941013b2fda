"""Triangle listing in arrays against igraph's own list, with the rows of each triangle's edges."""

from __future__ import annotations

import igraph as ig
import numpy as np
import pytest

from quadhelix.analytics.triangles import count_triangles, iter_triangle_edges, iter_triangles


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_same_triangles_as_igraph(seed: int) -> None:
    rng = np.random.default_rng(seed)
    edges = {tuple(sorted(e)) for e in rng.integers(0, 80, (600, 2)).tolist() if e[0] != e[1]}
    graph = ig.Graph(n=80, edges=sorted(edges))
    src, dst = np.array(sorted(edges)).T
    ours = {tuple(sorted(t)) for chunk in iter_triangles(src, dst, 80, 50) for t in chunk.tolist()}
    theirs = {tuple(sorted(t)) for t in graph.list_triangles()}
    assert ours == theirs
    assert count_triangles(src, dst, 80) == len(theirs)


def test_cliques_and_empty_graphs() -> None:
    clique = ig.Graph.Full(7)
    src, dst = np.array(clique.get_edgelist()).T
    assert count_triangles(src, dst, 7) == 35
    empty = np.zeros(0, dtype=np.int64)
    assert count_triangles(empty, empty, 3) == 0


@pytest.mark.parametrize("chunk", [1, 50, 250_000])
def test_each_triangle_comes_with_the_rows_of_its_edges(chunk: int) -> None:
    rng = np.random.default_rng(4)
    pairs = {tuple(e) for e in rng.integers(0, 40, (300, 2)).tolist() if e[0] != e[1]}
    unique = {tuple(sorted(e)): e for e in pairs}  # one orientation per pair, as given
    src, dst = np.array(list(unique.values())).T
    seen = 0
    for corners, edges in iter_triangle_edges(src, dst, 40, chunk):
        for (x, y, z), rows in zip(corners.tolist(), edges.tolist(), strict=True):
            ends = [{int(src[r]), int(dst[r])} for r in rows]
            assert ends == [{x, y}, {x, z}, {y, z}]
            seen += 1
    assert seen == count_triangles(src, dst, 40) > 0
