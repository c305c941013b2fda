"""The coalition builder page and API: proposal, explanations, paths, errors, create, roles."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from sqlalchemy import func, select

from quadhelix.accounts.model import Role
from quadhelix.registry.actors import create_actor
from quadhelix.registry.database import transaction
from quadhelix.registry.model import Coalition, Membership
from quadhelix.registry.schemas import ActorCreate
from tests.web.builder_seed import builder_seed
from tests.web.conftest import Site

ASK = {"title": "Hittestress op speelplaatsen", "lead": "Dienst Groen", "size": "4"}


def _coalitions(site: Site) -> int:
    with transaction(site.engine) as session:
        return session.scalar(select(func.count()).select_from(Coalition)) or 0


def _picked(html: str) -> list[str]:
    rows = re.findall(r'<tr class="pick pick-row">(.*?)</tr>', html, re.S)
    return [re.search(r'href="/actors/\d+">([^<]+)</a>', row).group(1) for row in rows]  # type: ignore[union-attr]


def test_anonymous_visitors_sign_in_first_and_viewers_get_no_create_form(site: Site) -> None:
    builder_seed(site.engine)
    anonymous = site.browser().http.get("/builder?" + urlencode(ASK))
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")
    viewer = site.browser("viewer").http.get("/builder?" + urlencode(ASK))
    assert viewer.status_code == 200
    assert len(_picked(viewer.text)) == 4
    assert 'action="/builder/create"' in viewer.text  # the form wraps the table …
    assert 'name="member"' not in viewer.text and "Coalitie maken" not in viewer.text  # … inert


def test_the_proposal_shows_components_explanations_and_introduction_paths(site: Site) -> None:
    seed = builder_seed(site.engine)
    browser = site.browser("viewer")
    empty = browser.http.get("/builder")
    assert empty.status_code == 200 and 'id="proposal"' not in empty.text
    assert '<a href="/builder" aria-current="page">Coalitiebouwer</a>' in empty.text
    page = browser.http.get("/builder?" + urlencode(ASK))
    assert page.status_code == 200
    picked = _picked(page.text)
    assert seed.names["scholar"] in picked and seed.names["other"] not in picked
    # Dutch explanation with the introducer, and the path lead -> broker -> candidate as links.
    assert "Buurtwerk Rabot kan Dienst Groen met hen in contact brengen" in page.text
    path = re.search(r'<ol class="path"[^>]*>(.*?)</ol>', page.text, re.S)
    assert path is not None
    assert re.findall(r'href="/actors/(\d+)"', path.group(1)) == [
        str(seed.ids[k]) for k in ("lead", "broker", "scholar")
    ]
    assert "Eigen tekst" in page.text and "Netwerk" in page.text  # component headings
    assert page.text.count('class="alternate pick-row"') >= 1  # the next best candidates
    rows = re.findall(r'<tr class="(?:pick|alternate) pick-row">(.*?)</tr>', page.text, re.S)
    ranks = [int(re.findall(r"<td>(\d+)</td>", row)[0]) for row in rows]
    assert len(ranks) == len(set(ranks))  # picks and alternates are numbered by one ranking
    english = browser.http.get("/builder?" + urlencode(ASK | {"lang": "en"}))
    assert "Buurtwerk Rabot can introduce them to Dienst Groen" in english.text
    assert "Proposed coalition" in english.text


def test_unknown_lead_empty_challenge_and_bad_numbers_are_clear_errors(site: Site) -> None:
    builder_seed(site.engine)
    browser = site.browser("viewer")
    unknown = browser.http.get("/builder?" + urlencode(ASK | {"lead": "Niemand Bekend"}))
    assert unknown.status_code == 422
    assert (
        'id="f-lead"' in unknown.text
        and 'aria-invalid="true" aria-describedby="lead-error"' in (unknown.text)
    )
    assert "Niemand Bekend" in unknown.text and 'id="proposal"' not in unknown.text
    empty = browser.http.get("/builder?title=&description=&lead=")
    assert empty.status_code == 422
    assert 'href="#f-title"' in empty.text
    size = browser.http.get("/builder?" + urlencode(ASK | {"size": "zeven"}))
    assert size.status_code == 422 and 'aria-describedby="size-error"' in size.text
    mix = browser.http.get("/builder?" + urlencode(ASK | {"size": "2", "mix_knowledge": "3"}))
    assert mix.status_code == 422 and 'id="mix-error"' in mix.text
    assert "<script>" not in browser.http.get("/builder?title=%3Cscript%3E").text


def test_lead_suggestions_list_matching_actors_as_options(site: Site) -> None:
    seed = builder_seed(site.engine)
    browser = site.browser("viewer")
    options = browser.http.get("/builder/actors", params={"lead": "groen"})
    assert options.status_code == 200
    assert re.findall(r'<option value="([^"]+)">', options.text) == sorted(
        [seed.names["lead"], seed.names["firm"]]
    )
    assert "<option" not in browser.http.get("/builder/actors", params={"lead": "g"}).text


def test_an_editor_creates_the_coalition_from_the_proposal_in_one_go(site: Site) -> None:
    seed = builder_seed(site.engine)
    browser = site.browser("editor")
    page = browser.http.get("/builder?" + urlencode(ASK))
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    challenge = re.search(r'name="challenge" value="([^"]*)"', page.text).group(1)  # type: ignore[union-attr]
    members = re.findall(r'name="member" value="(\d+)"[^>]*checked', page.text)
    assert len(members) == 4 and str(seed.ids["lead"]) not in members
    form = {
        "csrf_token": token,
        "challenge": challenge.replace("&amp;", "&"),
        "lead": str(seed.ids["lead"]),
        "name": "Koele Speelplaatsen",
        "kind": "project",
        "status": "idea",
        "description": "Hittestress op speelplaatsen",
        "member": [*members[:3], str(seed.ids["team"])],
    }
    before = _coalitions(site)
    made = browser.http.post("/builder/create", data=form)
    assert made.status_code == 303, made.text
    coalition_id = int(made.headers["location"].rsplit("/", 1)[1])
    with transaction(site.engine) as session:
        coalition = session.get_one(Coalition, coalition_id)
        assert (coalition.name, coalition.status.value) == ("Koele Speelplaatsen", "idea")
        roles = dict(
            session.execute(
                select(Membership.actor_id, Membership.role).where(
                    Membership.coalition_id == coalition_id
                )
            ).all()
        )
    expected = {seed.ids["lead"]: "lead"} | {int(m): "partner" for m in members[:3]}
    assert {k: v.value for k, v in roles.items()} == expected | {seed.ids["team"]: "partner"}
    assert _coalitions(site) == before + 1
    detail = browser.http.get(made.headers["location"])
    assert "Koele Speelplaatsen" in detail.text

    # Nothing is written when a part fails: an empty name, an unknown actor, no partner at all.
    for broken in ({"name": ""}, {"member": ["999999"]}, {"member": []}):
        refused = browser.http.post("/builder/create", data=form | broken)
        assert refused.status_code == 422, broken
        assert 'id="proposal"' in refused.text  # the proposal is shown again with the message
    assert _coalitions(site) == before + 1


def test_only_editors_with_the_form_token_can_create(site: Site) -> None:
    seed = builder_seed(site.engine)
    form = {"name": "X", "kind": "project", "status": "idea", "member": [str(seed.ids["firm"])]}
    viewer = site.browser("viewer")
    assert (
        viewer.http.post("/builder/create", data=form | {"csrf_token": viewer.csrf()}).status_code
        == 403
    )
    editor = site.browser("editor")
    assert (
        editor.http.post("/builder/create", data=form | {"csrf_token": "forged"}).status_code == 403
    )
    assert site.browser().http.post("/builder/create", data=form).status_code == 303
    assert _coalitions(site) == 1


def test_the_builder_is_built_once_per_registry_state(site: Site) -> None:
    builder_seed(site.engine)
    browser = site.browser("viewer")
    state = site.app.state.quadhelix
    browser.http.get("/builder?" + urlencode(ASK))
    first = list(state.builders._items.values())
    browser.http.get("/builder?" + urlencode(ASK | {"size": "3"}))
    assert list(state.builders._items.values()) == first and len(first) == 1
    added = site.client(Role.EDITOR).post(
        "/api/v1/actors",
        json={"name": "Hittenetwerk Noord", "helix": "citizens", "description": "hittestress"},
    )
    assert added.status_code == 201
    page = browser.http.get("/builder?" + urlencode(ASK | {"size": "8"}))
    assert "Hittenetwerk Noord" in page.text  # the new actor is known without a restart
    assert list(state.builders._items.values()) != first and len(state.builders) == 1


def test_api_proposal_and_ranking(site: Site) -> None:
    seed = builder_seed(site.engine)
    body = {"title": "Hittestress op speelplaatsen", "lead": "Dienst Groen", "size": 4}
    viewer = site.client(Role.VIEWER)
    answer = viewer.post("/api/v1/builder/proposal", json=body)
    assert answer.status_code == 200, answer.text
    proposal = answer.json()
    assert proposal["lead"]["id"] == seed.ids["lead"] and len(proposal["members"]) == 4
    scholar = next(
        p for p in proposal["members"] if p["candidate"]["actor"]["id"] == seed.ids["scholar"]
    )
    assert [a["id"] for a in scholar["candidate"]["network"]["path"]] == [
        seed.ids[k] for k in ("lead", "broker", "scholar")
    ]
    assert scholar["explanation_nl"].startswith("Klimaatlab Universiteit (kennisinstellingen)")
    ranking = viewer.post("/api/v1/builder/ranking?limit=3", json=body).json()
    assert [c["rank"] for c in ranking["candidates"]] == [1, 2, 3]
    assert set(ranking["candidates"][0]["components"]) >= {"text", "network", "experience"}

    assert site.client().post("/api/v1/builder/proposal", json=body).status_code == 401
    unknown = viewer.post("/api/v1/builder/proposal", json=body | {"lead": "Niemand"})
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "lead"
    empty = viewer.post("/api/v1/builder/proposal", json={"title": "", "size": 4})
    assert empty.status_code == 422 and empty.json()["errors"][0]["field"] == "text"
    extra = viewer.post("/api/v1/builder/proposal", json=body | {"colour": "red"})
    assert extra.status_code == 422


def test_a_lead_named_by_two_actors_is_a_field_error_in_dutch(site: Site) -> None:
    builder_seed(site.engine)
    with transaction(site.engine) as session:
        twin = create_actor(session, ActorCreate(name="Dienst Groen", helix="government")).actor
    browser = site.browser("viewer")
    asked = browser.http.get("/builder?" + urlencode(ASK))
    assert asked.status_code == 422
    error = re.search(r'<p class="field-error" id="lead-error">([^<]*)</p>', asked.text)
    assert error and error.group(1).startswith("past op meerdere actoren (")
    assert f"#{twin.id}" in error.group(1) and error.group(1).endswith("; gebruik een id")
    assert '<a href="#f-lead">Trekker</a>: past op meerdere actoren' in asked.text
