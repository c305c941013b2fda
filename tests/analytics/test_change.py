"""The network on two dates: ties, coalitions and actors gained and lost, new brokers."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from quadhelix.analytics.reports import AnalysisSpec, compare_report
from quadhelix.registry.database import transaction
from quadhelix.registry.model import Actor, Coalition, Membership, Tie
from quadhelix.registry.vocab import (
    ActorKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
    TieSource,
    TieType,
)

BEFORE, AFTER = date(2022, 6, 1), date(2024, 6, 1)


def _tie(a: Actor, b: Actor, start: date | None = None, end: date | None = None) -> Tie:
    return Tie(
        source_actor=a,
        target_actor=b,
        type=TieType.COLLABORATION,
        directed=False,
        source=TieSource.MANUAL,
        start_date=start,
        end_date=end,
    )


def test_compare_two_dates(engine: Engine) -> None:
    with transaction(engine) as session:
        names = ["hub", "a", "b", "c", "d", "loner"]
        actors = {
            n: Actor(name=n, helix=HelixSector.BUSINESS, kind=ActorKind.ORGANISATION) for n in names
        }
        actors["late"] = Actor(
            name="late",
            helix=HelixSector.KNOWLEDGE,
            kind=ActorKind.ORGANISATION,
            start_date=date(2023, 1, 1),
        )
        session.add_all(actors.values())
        session.add_all(
            [
                _tie(actors["a"], actors["b"]),
                _tie(actors["b"], actors["c"]),
                _tie(actors["c"], actors["d"]),
                _tie(actors["loner"], actors["d"], end=date(2022, 12, 31)),
                _tie(actors["hub"], actors["a"], start=date(2023, 1, 1)),
                _tie(actors["hub"], actors["d"], start=date(2023, 1, 1)),
                _tie(actors["hub"], actors["late"], start=date(2023, 1, 1)),
            ]
        )
        old = Coalition(
            name="old",
            kind=CoalitionKind.PROJECT,
            status=CoalitionStatus.CLOSED,
            start_date=date(2020, 1, 1),
            end_date=date(2022, 12, 31),
        )
        new = Coalition(
            name="new",
            kind=CoalitionKind.PROJECT,
            status=CoalitionStatus.ACTIVE,
            start_date=date(2023, 1, 1),
        )
        session.add_all(
            [old, new, Membership(coalition=new, actor=actors["hub"], role=MemberRole.LEAD)]
        )
        session.flush()
        result = compare_report(session, AnalysisSpec(), BEFORE, AFTER)
    assert [a.name for a in result.actors_joined] == ["late"]
    assert [a.name for a in result.became_isolated] == ["loner"]
    assert {(t.source_name, t.target_name) for t in result.ties_lost} == {("loner", "d")} or {
        (t.target_name, t.source_name) for t in result.ties_lost
    } == {("loner", "d")}
    assert len(result.ties_gained) == 3
    assert [c.name for c in result.coalitions_started] == ["new"]
    assert [c.name for c in result.coalitions_ended] == ["old"]
    assert "hub" in [a.name for a in result.became_brokers]
    ties = next(m for m in result.metrics if m.metric == "ties")
    assert (ties.before, ties.after, ties.change) == (4, 6, 2.0)
