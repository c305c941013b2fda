"""``quadhelix build-coalition`` on the demo city, through a local app until it is registered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from quadhelix.cli import _FriendlyErrors
from quadhelix.cli.build import build_coalition
from quadhelix.demo.city import build_demo_city
from quadhelix.registry.bootstrap import initialise
from quadhelix.registry.database import make_engine, transaction
from tests.cli.helpers import Run

app = typer.Typer(cls=_FriendlyErrors)
app.command("build-coalition")(build_coalition)
app.command("noop", hidden=True)(lambda: None)  # keeps build-coalition a named sub-command

LEAD = "Dienst Ouderen en Zorg"


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('build') / 'demo.db'}"
    engine = make_engine(url)
    initialise(engine)
    with transaction(engine) as session:
        build_demo_city(session)
    engine.dispose()
    return url


def run(url: str, *args: str, ok: bool = True) -> Run:
    result = CliRunner().invoke(app, ["build-coalition", *args, "--db", url])
    if ok:
        assert result.exit_code == 0, (args, result.stdout, result.stderr, result.exception)
    else:
        assert result.exit_code != 0 and "Traceback" not in result.output
    return Run(result.exit_code, result.stdout, result.stderr)


def test_a_proposal_with_explanations_in_both_languages(demo_url: str) -> None:
    found = run(demo_url, "Eenzaamheid bij oudere migranten in Rabot", "--lead", LEAD)
    assert "Proposed coalition led by Dienst Ouderen en Zorg" in found.stdout
    assert found.stdout.count(" EN ") == 8 and found.stdout.count(" NL ") == 8
    assert "Indexes of" in found.stderr


def test_json_proposal(demo_url: str) -> None:
    args = ["heat stress in schoolyards", "--theme", "heat", "--area", "Rabot", "--size", "5"]
    data = run(demo_url, *args, "--lead", "Dienst Milieu en Klimaat", "--json").json()
    assert len(data["members"]) == 5
    assert data["lead"]["name"] == "Dienst Milieu en Klimaat"
    assert {"explanation_en", "explanation_nl", "reason"} <= set(data["members"][0])
    assert set(data["members"][0]["candidate"]["components"]) >= {"text", "network"}


def test_rank_lists_candidates_with_keys_and_scores(demo_url: str) -> None:
    data = run(demo_url, "eenzaamheid", "--lead", LEAD, "--rank", "5", "--json").json()
    assert [c["rank"] for c in data["candidates"]] == [1, 2, 3, 4, 5]
    assert all(c["actor"]["key"] and c["score"] > 0 for c in data["candidates"])
    table = run(demo_url, "eenzaamheid", "--rank", "3", "--as-of", "2023-01-01")
    assert "Top 3 of" in table.stdout


def test_batch_answers_one_json_line_per_query(demo_url: str, tmp_path: Path) -> None:
    queries = tmp_path / "queries.jsonl"
    queries.write_text(
        "\n".join(
            [
                json.dumps({"id": "q1", "text": "eenzaamheid", "lead": LEAD, "rank": 4}),
                json.dumps({"id": "q2", "text": "fietsen", "themes": ["cycling"], "size": 3}),
            ]
        ),
        encoding="utf-8",
    )
    lines = run(demo_url, "--batch", str(queries)).stdout.splitlines()
    results = [json.loads(line) for line in lines]
    assert [r["id"] for r in results] == ["q1", "q2"]
    assert len(results[0]["ranking"]["candidates"]) == 4
    assert len(results[1]["proposal"]["members"]) == 3
    queries.write_text(json.dumps({"id": "bad", "text": "x", "lead": "Nobody"}), encoding="utf-8")
    failed = run(demo_url, "--batch", str(queries), ok=False)
    assert json.loads(failed.stdout)["error"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["eenzaamheid", "--lead", "Dienst Toverdranken"], "Error: lead not found"),
        ([""], "Error: text: describe the challenge"),
        (["de het een"], "Error: text: has no words to search for"),
        (["xqzvy blorft"], "Error: text: none of its words occur"),
        (["eenzaamheid", "--as-of", "gisteren"], "Error: as_of: expected a date"),
        (["eenzaamheid", "--mix", "kennis"], "Error: mix: expected SECTOR=N"),
        (["eenzaamheid", "--theme", "astrology"], "Error: themes: unknown theme"),
    ],
)
def test_bad_input_is_one_clear_line(demo_url: str, args: list[str], message: str) -> None:
    lines = [line for line in run(demo_url, *args, ok=False).stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(message), lines
