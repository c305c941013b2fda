"""Helix synergy: the textbook checks (XOR, copies), the sign of R and the decomposition."""

from __future__ import annotations

import numpy as np
import pytest

from quadhelix.analytics.graphs import CoalitionRecord, MemberRecord
from quadhelix.analytics.synergy import (
    decompose,
    helix_synergy,
    joint_entropy,
    mutual_information,
    synergy_value,
)

X = np.array([0, 0, 1, 1], dtype=bool)
Y = np.array([0, 1, 0, 1], dtype=bool)


def test_xor_gives_minus_one_bit() -> None:
    data = np.column_stack([X, Y, X ^ Y])
    assert mutual_information(data, [0, 1, 2]) == pytest.approx(-1.0)
    value = synergy_value(data, ["x", "y", "z"], ["x", "y", "z"])
    assert value.t_bits == pytest.approx(-1.0) and value.t_mbits == pytest.approx(-1000.0)
    assert value.r_bits == pytest.approx(-1.0)  # R = T in three dimensions: synergy


def test_three_copies_give_plus_one_bit() -> None:
    data = np.column_stack([X, X, X])
    assert mutual_information(data, [0, 1, 2]) == pytest.approx(1.0)


def test_two_dimensions_is_ordinary_mutual_information() -> None:
    data = np.column_stack([X, X, Y])
    assert mutual_information(data, [0, 1]) == pytest.approx(1.0)
    assert mutual_information(data, [0, 2]) == pytest.approx(0.0)
    value = synergy_value(data, ["a", "b", "c"], ["a", "b"])
    assert value.r_bits == pytest.approx(-1.0)  # R = -T in two dimensions


def test_four_dimensions_by_hand() -> None:
    """w, x, y independent uniform bits and z their parity: T = +1 bit, R = -1 bit."""
    bits = np.array(list(np.ndindex(2, 2, 2)), dtype=bool)
    data = np.column_stack([bits, bits[:, 0] ^ bits[:, 1] ^ bits[:, 2]])
    # H(each) = 1, pairs 2, triples 3, all four 3: 4 - 12 + 12 - 3 = 1
    assert mutual_information(data, [0, 1, 2, 3]) == pytest.approx(1.0)
    assert synergy_value(data, list("wxyz"), list("wxyz")).r_bits == pytest.approx(-1.0)


def test_entropy_of_a_fair_coin_and_a_constant() -> None:
    assert joint_entropy(np.column_stack([X]), [0]) == 1.0
    assert joint_entropy(np.ones((5, 1), dtype=bool), [0]) == 0.0


def test_decomposition_adds_up() -> None:
    rng = np.random.default_rng(4)
    data = rng.random((200, 3)) < 0.5
    data[:100, 0], data[:100, 1] = np.tile(X, 25), np.tile(Y, 25)
    data[:100, 2] = data[:100, 0] ^ data[:100, 1]
    groups = ["north"] * 100 + ["south"] * 80 + [None] * 20
    result = decompose(data, ["k", "b", "g"], ["k", "b", "g"], groups)
    assert result.t_bits == pytest.approx(result.between_bits + result.within_bits)
    assert [g.group for g in result.groups] == ["(none)", "north", "south"]
    north = result.groups[1]
    assert north.t_bits == pytest.approx(-1.0) and north.weighted_bits == pytest.approx(-0.5)


def _coalition(i: int, sectors: list[str], district: str | None) -> CoalitionRecord:
    members = tuple(
        MemberRecord(100 * i + j, f"m{j}", sector, "partner", None, False)
        for j, sector in enumerate(sectors)
    )
    return CoalitionRecord(i, f"c{i}", "project", "active", None, None, district, None, members)


def test_helix_synergy_over_coalitions() -> None:
    # knowledge and business uniform and independent, government present exactly when one of them
    patterns = [(False, False), (False, True), (True, False), (True, True)]
    coalitions = []
    for i, (k, b) in enumerate(patterns * 5):
        sectors = ["citizens"] + (["knowledge"] if k else []) + (["business"] if b else [])
        if k != b:
            sectors.append("government")
        coalitions.append(_coalition(i, sectors, "north" if i % 2 else "south"))
    result = helix_synergy(coalitions, by="district")
    assert result.coalitions == 20
    assert result.triple.t_bits == pytest.approx(-1.0)
    assert result.sector_shares["civil_society"] == 1.0  # citizens count as civil society
    assert len(result.pairs) == 6 and result.quadruple.dimensions[-1] == "civil_society"
    triple = result.decomposition[0]
    assert triple.t_bits == pytest.approx(triple.between_bits + triple.within_bits)
