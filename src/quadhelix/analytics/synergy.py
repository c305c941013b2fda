"""Helix synergy: does the presence of the sectors in coalitions reduce uncertainty together?

Cases are coalitions; each helix dimension is a binary variable "this sector takes part". The
mutual information in n dimensions is computed by inclusion–exclusion over joint entropies
(McGill 1954, "Multivariate information transmission", Psychometrika 19(2)):

    T(1..n) = sum over non-empty subsets S of (-1)^(|S|+1) H(S)

so T(x,y) = H(x) + H(y) - H(xy) and T(x,y,z) = H(x) + H(y) + H(z) - H(xy) - H(xz) - H(yz)
+ H(xyz) (Leydesdorff 2003, "The mutual information of university-industry-government
relations: an indicator of the Triple Helix dynamics", Scientometrics 58(2)).

Sign convention. In three dimensions a negative T is read as *synergy*: the configuration
reduces uncertainty beyond what the pairs explain (x, y uniform and z = x XOR y give T = -1 bit);
a positive T is redundancy-free overlap (three copies of one variable give T = +1 bit). Because
the sign of T alternates with the number of dimensions, we also report the *mutual redundancy*
R = (-1)^(n+1) T (Leydesdorff & Ivanova 2014, "Mutual redundancies in interhuman communication
systems", JASIST 65(2)), which is negative where Leydesdorff reads synergy in every dimension.
Note R = -T <= 0 in two dimensions, and that for n copies of one variable R alternates in sign
with n (Krippendorff 2009, "Ross Ashby's information theory", Int. J. General Systems 38(2)):
read R as Leydesdorff's indicator, not as a probability-like quantity.

Values are in bits (log base 2) and millibits (1000 mbit = 1 bit).

Decomposition (Leydesdorff & Fritsch 2006, "Measuring the knowledge base of regional innovation
systems in Germany", Research Policy 35(10)): with the coalitions split into groups g (districts
or themes), T = T0 + sum_g (n_g / N) T_g, where T0 is the synergy at the level of the city
above the groups.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
from numpy.typing import NDArray

from quadhelix.analytics.graphs import CoalitionRecord

BoolArray = NDArray[np.bool_]

# The four helix dimensions; citizens belong to the civil-society helix (Carayannis & Campbell
# 2009, "'Mode 3' and 'Quadruple Helix'", Int. J. Technology Management 46(3/4)).
HELIX_DIMENSIONS: Mapping[str, frozenset[str]] = {
    "knowledge": frozenset({"knowledge"}),
    "business": frozenset({"business"}),
    "government": frozenset({"government"}),
    "civil_society": frozenset({"civil_society", "citizens"}),
}
TRIPLE = ("knowledge", "business", "government")
QUADRUPLE = ("knowledge", "business", "government", "civil_society")
NO_GROUP = "(none)"


def joint_entropy(data: BoolArray, columns: Sequence[int]) -> float:
    """Shannon entropy in bits of the joint distribution of binary columns over the rows.

    >>> joint_entropy(np.array([[1, 0], [0, 1], [1, 1], [0, 0]], dtype=bool), [0, 1])
    2.0
    """
    rows = data.shape[0]
    if rows == 0 or not columns:
        return 0.0
    pattern = np.zeros(rows, dtype=np.int64)
    for column in columns:
        pattern = pattern * 2 + data[:, column].astype(np.int64)
    counts = np.bincount(pattern)
    p = counts[counts > 0] / rows
    return float(-(p * np.log2(p)).sum())


def mutual_information(data: BoolArray, columns: Sequence[int]) -> float:
    """T of the given columns by inclusion–exclusion over joint entropies, in bits.

    >>> x = np.array([0, 0, 1, 1], dtype=bool); y = np.array([0, 1, 0, 1], dtype=bool)
    >>> mutual_information(np.column_stack([x, y, x ^ y]), [0, 1, 2])
    -1.0
    >>> mutual_information(np.column_stack([x, x, x]), [0, 1, 2])
    1.0
    """
    total = 0.0
    for size in range(1, len(columns) + 1):
        sign = 1.0 if size % 2 == 1 else -1.0
        for subset in combinations(columns, size):
            total += sign * joint_entropy(data, subset)
    return total + 0.0  # turns -0.0 into 0.0


@dataclass(frozen=True)
class SynergyValue:
    """T and R for one set of dimensions, in bits and millibits."""

    dimensions: tuple[str, ...]
    t_bits: float
    t_mbits: float
    r_bits: float
    r_mbits: float


def synergy_value(data: BoolArray, names: Sequence[str], chosen: Sequence[str]) -> SynergyValue:
    """T and R = (-1)^(n+1) T of the chosen named dimensions."""
    t = mutual_information(data, [list(names).index(name) for name in chosen])
    r = t if len(chosen) % 2 == 1 else -t
    return SynergyValue(tuple(chosen), t, 1000 * t, r + 0.0, 1000 * r + 0.0)


def presence(
    coalitions: Sequence[CoalitionRecord],
    dimensions: Mapping[str, frozenset[str]] = HELIX_DIMENSIONS,
) -> BoolArray:
    """Cases x dimensions: whether any member of the coalition is of that dimension's sectors."""
    data = np.zeros((len(coalitions), len(dimensions)), dtype=bool)
    for i, coalition in enumerate(coalitions):
        sectors = {member.helix for member in coalition.members}
        for j, wanted in enumerate(dimensions.values()):
            data[i, j] = bool(sectors & wanted)
    return data


@dataclass(frozen=True)
class GroupSynergy:
    """One group's share of the decomposition."""

    group: str
    coalitions: int
    t_bits: float
    weighted_bits: float


@dataclass(frozen=True)
class Decomposition:
    """T = T0 + sum_g n_g/N T_g for one set of dimensions."""

    dimensions: tuple[str, ...]
    t_bits: float
    between_bits: float
    within_bits: float
    groups: tuple[GroupSynergy, ...]


def decompose(
    data: BoolArray, names: Sequence[str], chosen: Sequence[str], groups: Sequence[str | None]
) -> Decomposition:
    """Split T over groups of cases (Leydesdorff & Fritsch 2006); ``between_bits`` is T0.

    >>> x = np.array([0, 1, 0, 1], dtype=bool)
    >>> d = decompose(np.column_stack([x, x]), ["a", "b"], ["a", "b"], ["n", "n", "s", "s"])
    >>> d.t_bits, d.within_bits, d.between_bits
    (1.0, 1.0, 0.0)
    """
    columns = [list(names).index(name) for name in chosen]
    total = mutual_information(data, columns)
    labels = [NO_GROUP if g is None else g for g in groups]
    n = len(labels)
    parts = []
    for group in sorted(set(labels)):
        rows = np.array([label == group for label in labels])
        t = mutual_information(data[rows], columns)
        parts.append(GroupSynergy(group, int(rows.sum()), t, rows.sum() / n * t))
    within = float(sum(part.weighted_bits for part in parts))
    return Decomposition(tuple(chosen), total, total - within + 0.0, within, tuple(parts))


@dataclass(frozen=True)
class SynergyResult:
    """Helix synergy of a set of coalitions (see the module documentation)."""

    coalitions: int
    sector_shares: dict[str, float]
    pairs: tuple[SynergyValue, ...]
    triple: SynergyValue
    quadruple: SynergyValue
    by: str | None
    decomposition: tuple[Decomposition, ...]


def helix_synergy(coalitions: Sequence[CoalitionRecord], by: str | None = None) -> SynergyResult:
    """Mutual information between the helices over coalitions, in 2, 3 and 4 dimensions.

    ``by`` = "district" or "theme" adds the decomposition over the coalitions' districts or
    top-level themes (coalitions in several go to "(several)", those in none to "(none)").
    """
    names = list(HELIX_DIMENSIONS)
    data = presence(coalitions, HELIX_DIMENSIONS)
    cases = data.shape[0]
    shares = {name: float(data[:, j].mean()) if cases else 0.0 for j, name in enumerate(names)}
    decomposition: tuple[Decomposition, ...] = ()
    if by is not None:
        groups = [getattr(c, by) for c in coalitions]
        decomposition = tuple(
            decompose(data, names, chosen, groups) for chosen in (TRIPLE, QUADRUPLE)
        )
    return SynergyResult(
        coalitions=cases,
        sector_shares=shares,
        pairs=tuple(synergy_value(data, names, pair) for pair in combinations(names, 2)),
        triple=synergy_value(data, names, TRIPLE),
        quadruple=synergy_value(data, names, QUADRUPLE),
        by=by,
        decomposition=decomposition,
    )
