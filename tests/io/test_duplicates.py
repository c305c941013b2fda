from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import Engine, func, select

from quadhelix.io.duplicates import Candidate, find_duplicates, find_pairs, name_words, same_name
from quadhelix.io.load import import_spreadsheet
from quadhelix.registry.actors import get_actor
from quadhelix.registry.database import transaction
from quadhelix.registry.merge import merge_actors
from quadhelix.registry.model import Actor, Membership, Tie
from tests.io.helpers import registry_files, write
from tests.shared_data import DATA


def test_normalised_words() -> None:
    assert name_words("Koninklijke Fanfare Sint-Cecilia v.z.w.") == ("fanfare", "sint", "cecilia")
    assert name_words("VZW") == ("vzw",)


def test_same_name_examples() -> None:
    assert same_name("Chiro Mariakerke", "ChiroMariakerke") == "same words"
    assert same_name("VZW KSA Mopertingen", "Mopertingen KSA") == "same words"
    assert same_name("Wrestling Oostende", "Wrestling Lions Ostende") is not None
    assert same_name("Basketbal Oostende", "Wrestling Oostende") is None
    assert same_name("chiro", "chiro somethingelse") is None


def evaluate() -> tuple[int, int, int]:
    """True positives, false positives and false negatives on the register's own test set."""
    tp = fp = fn = 0
    flanders = DATA / "flanders"
    with (flanders / "verenigingsregister_dedup_expected_duplicates.csv").open() as handle:
        for row in list(csv.reader(handle))[1:]:
            for name in row[1].split(";"):
                tp, fn = (tp + 1, fn) if same_name(row[0], name) else (tp, fn + 1)
            fp += sum(1 for name in row[2].split(";") if same_name(row[0], name))
    with (flanders / "verenigingsregister_dedup_expected_unique.csv").open() as handle:
        fp += sum(1 for a, b in list(csv.reader(handle))[1:] if same_name(a, b))
    return tp, fp, fn


def test_precision_and_recall_on_the_register_test_set() -> None:
    tp, fp, fn = evaluate()
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.9


def test_blocking_finds_kbo_and_name_pairs() -> None:
    people = [
        Candidate(1, "Buurtwerk Rabot vzw", "0417497106", None),
        Candidate(2, "BUURTWERK RABOT", None, None),
        Candidate(3, "Rabot Sportclub", "0417497106", None),
        Candidate(4, "Stad Gent", None, None),
    ]
    pairs = {(p.first.id, p.second.id): p.reason for p in find_pairs(people)}
    assert pairs == {(1, 2): "same name", (1, 3): "same KBO number"}
    assert [(p.first.id, p.second.id) for p in find_pairs(people, among=[2])] == [(1, 2)]


def test_import_reports_duplicates_and_merge_keeps_everything(
    engine: Engine, tmp_path: Path
) -> None:
    for kind, path in registry_files(tmp_path).items():
        import_spreadsheet(engine, kind, path)
    extra = write(
        tmp_path / "more.csv", "id,name,helix,website\nrabot2,BUURTWERK RABOT,middenveld,x.be\n"
    )
    report = import_spreadsheet(engine, "actors", extra)
    assert [d[2] for d in report.duplicates] == ["same name"]
    members = write(
        tmp_path / "m.csv",
        "coalition_id,actor_id,role,start\nprog,rabot2,partner,\np1,rabot2,trekker,2021-01-01\n",
    )
    import_spreadsheet(engine, "members", members)
    ties = write(tmp_path / "t.csv", "source_id,target_id\nrabot2,ugent\nrabot2,rabot\n")
    import_spreadsheet(engine, "ties", ties)
    with engine.connect() as connection:
        assert len(find_duplicates(connection)) == 1
    with transaction(engine) as session:
        counts = (
            session.scalar(select(func.count()).select_from(Membership)),
            session.scalar(select(func.count()).select_from(Tie)),
        )
        result = merge_actors(session, get_actor(session, "rabot"), get_actor(session, "rabot2"))
        assert (result.memberships_moved, result.memberships_dropped) == (1, 1)
        assert (result.ties_moved, result.ties_dropped) == (0, 2)  # a double and a loop
        assert result.filled == []  # rabot has a website of its own
    with transaction(engine) as session:
        assert session.scalar(select(Actor).where(Actor.external_id == "rabot2")) is None
        assert session.scalar(select(func.count()).select_from(Membership)) == counts[0] - 1
        assert session.scalar(select(func.count()).select_from(Tie)) == counts[1] - 2
        rabot = get_actor(session, "rabot")
        assert {m.coalition.external_id for m in rabot.memberships} == {"p1", "prog"}


def test_one_name_contains_the_other_only_when_it_does() -> None:
    # "een" is a number here, not an article: neither name contains the other.
    assert same_name("UX Import Een", "UX Import Vijf") is None
    assert same_name("UX Import Een", "UX Import Twee") is None
    assert same_name("UX Import", "UX Import Vijf") == "one name contains the other"
    assert same_name("Kriko", "Scouts Kriko") == "one name contains the other"
    assert same_name("De Kriko", "Scouts Kriko vzw") == "one name contains the other"
    reason = same_name("Scouts Kriko", "Kriko")
    assert reason is not None and (reason.template, reason.params) == (
        "one name contains the other",
        {},
    )
    similar = same_name("Wrestling Oostende", "Wrestling Ostende")
    assert similar is not None and similar.template == "similar names (%(score)s)"
