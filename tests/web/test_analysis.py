"""The network map data, the analytics API, the dashboard, silo view and coalition analysis."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import Engine

from quadhelix.accounts.model import Role
from quadhelix.registry.actors import create_actor
from quadhelix.registry.database import transaction
from quadhelix.registry.schemas import ActorCreate, TieCreate
from quadhelix.registry.ties import add_tie
from quadhelix.web.analysis import ResultCache
from quadhelix.web.charts import bars, diverging_bars, heat_level
from quadhelix.web.pages.rendering import format_number
from quadhelix.web.translations import translations
from tests.web.conftest import Site
from tests.web.seed import seed

EVIL = "<script>alert('x')</script> \"Quote\""


def _evil_actor(engine: Engine, partner: int) -> int:
    with transaction(engine) as session:
        actor = create_actor(session, ActorCreate(name=EVIL, helix="citizens")).actor
        add_tie(session, TieCreate(source_actor=f"#{actor.id}", target_actor=f"#{partner}"))
        return actor.id


def test_network_has_nodes_edges_layout_and_metrics(site: Site) -> None:
    records = seed(site.engine)
    data = site.client(Role.VIEWER).get("/api/v1/network").json()
    assert {n["id"] for n in data["nodes"]} == {records.actor, records.partner}
    assert data["edges"] == [
        {"source": records.actor, "target": records.partner, "weight": 1.0}
    ] or data["edges"] == [{"source": records.partner, "target": records.actor, "weight": 1.0}]
    for node in data["nodes"]:
        assert -1 <= node["x"] <= 1 and -1 <= node["y"] <= 1
        assert node["degree"] == 1 and node["pagerank"] == 0.5
    assert data["betweenness_method"] == "exact"


def test_network_is_cached_until_the_registry_changes(site: Site) -> None:
    records = seed(site.engine)
    client = site.client(Role.VIEWER)
    first = client.get("/api/v1/network").json()
    assert client.get("/api/v1/network").json() == first
    _evil_actor(site.engine, records.actor)
    after = client.get("/api/v1/network").json()
    assert len(after["nodes"]) == len(first["nodes"]) + 1
    assert EVIL in {n["label"] for n in after["nodes"]}


def test_network_filters_use_the_cli_names(site: Site) -> None:
    seed(site.engine)
    client = site.client(Role.VIEWER)
    assert client.get("/api/v1/network?tie_type=funding").json()["edges"] == []
    answer = client.get("/api/v1/network?tie_type=nonsense")
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert client.get("/api/v1/network?theme=nowhere").status_code == 422
    assert client.get("/api/v1/network?colour=red").status_code == 422
    both = client.get("/api/v1/network?as_of=2024-01-01&from=2023-01-01")
    assert both.status_code == 422


def test_analytics_endpoints_wrap_the_reports(site: Site) -> None:
    records = seed(site.engine)
    client = site.client(Role.VIEWER)
    assert client.get("/api/v1/analytics/summary").json()["actors"] == 2
    rows = client.get("/api/v1/analytics/actors?metric=degree&top=1").json()["rows"]
    assert len(rows) == 1 and rows[0]["degree"] == 1
    assert client.get("/api/v1/analytics/actors?metric=shoe_size").status_code == 422
    assert client.get("/api/v1/analytics/silos?by=helix").json()["by"] == "helix"
    assert client.get("/api/v1/analytics/synergy").json()["coalitions"] == 1
    coalition = client.get(f"/api/v1/analytics/coalitions/{records.coalition}").json()
    assert coalition["composition"]["sector_counts"]["civil_society"] == 1
    assert client.get("/api/v1/analytics/coalitions/999999").status_code == 404
    change = client.get("/api/v1/analytics/compare?before=2020-01-01&after=2024-01-01").json()
    assert change["before"] == "2020-01-01"
    backwards = client.get("/api/v1/analytics/compare?before=2024-01-01&after=2020-01-01")
    assert backwards.status_code == 422


def test_pages_show_the_analysis_and_escape_names(site: Site) -> None:
    records = seed(site.engine)
    _evil_actor(site.engine, records.actor)
    browser = site.browser("viewer")
    for path in ("/", "/?since=2020-01-01", "/silos", "/silos?by=helix", "/map"):
        page = browser.http.get(path)
        assert page.status_code == 200, path
        assert "<script>alert" not in page.text
        assert 'style="' not in page.text
    home = browser.http.get("/").text
    assert "<svg" in home and "Silo-index per departement" in home
    mix = home.split('id="mix"', 1)[1].split("</section>", 1)[0]
    assert re.search(r'<text class="value"[^>]*>\d+%</text>', mix)  # shares say they are %
    assert "&lt;script&gt;alert" in home  # the top broker list shows the name as text
    assert (
        'data-api="/api/v1/network?tie_type=funding"'
        in browser.http.get("/map?tie_type=funding").text
    )
    detail = browser.http.get(f"/coalitions/{records.coalition}").text
    assert "Helixevenwicht" in detail and "Passende bestuursvorm" in detail
    assert browser.http.get("/silos?theme=nowhere").status_code == 200


def test_anonymous_visitors_are_sent_to_sign_in(site: Site) -> None:
    for path in ("/map", "/silos"):
        assert site.browser().http.get(path).status_code == 303


def test_result_cache_is_bounded() -> None:
    cache = ResultCache(size=2)
    calls: list[int] = []
    for key in (1, 2, 1, 3, 2):
        cache.get(key, lambda key=key: calls.append(key) or key)
    assert calls == [1, 2, 3, 2] and len(cache) == 2


def test_chart_geometry() -> None:
    made = bars([("a", 2, "x"), ("b", 4, "y")])
    assert [b.length for b in made] == [0.5, 1.0] and made[0].value == 2
    middle = diverging_bars([("silo", -1.0, 0.0), ("open", 0.5, None)])
    assert (middle[0].start, middle[0].length, middle[0].marker) == (0.0, 0.5, 0.5)
    assert (middle[1].start, middle[1].length, middle[1].marker) == (0.5, 0.25, None)
    assert [heat_level(c, 10) for c in (0, 1, 5, 10)] == [0, 1, 3, 5]


# What a browser sends for the map and silo filter forms left as they are: blanks are empty.
BLANK_FILTERS = {
    "as_of": "",
    "from": "",
    "to": "",
    "theme": "",
    "area": "",
    "tie_type": "",
    "coalition_kind": "",
    "view": "ties",
}


def _field_error(html: str, field: str) -> str:
    found = re.search(rf'<p class="field-error" id="{field}-error">(.*?)</p>', html, re.S)
    assert found, f"no error shown for {field}"
    return found.group(1)


def test_filter_forms_sent_as_a_browser_does_show_the_analysis(site: Site) -> None:
    seed(site.engine)
    browser = site.browser("viewer")
    silos = browser.http.get("/silos", params={"by": "department", **BLANK_FILTERS})
    assert silos.status_code == 200 and 'class="heat"' in silos.text
    assert 'aria-invalid="true"' not in silos.text
    network_map = browser.http.get("/map", params=BLANK_FILTERS)
    assert network_map.status_code == 200
    assert 'data-api="/api/v1/network"' in network_map.text  # blanks are not passed on
    api = site.client(Role.VIEWER).get("/api/v1/network", params=BLANK_FILTERS)
    assert api.status_code == 200 and len(api.json()["nodes"]) == 2
    chosen = browser.http.get("/map", params={**BLANK_FILTERS, "tie_type": "funding"})
    assert 'data-api="/api/v1/network?tie_type=funding"' in chosen.text
    home = browser.http.get("/", params={"since": ""})
    assert home.status_code == 200
    a_year_ago = (date.today() - timedelta(days=365)).isoformat()
    assert f'name="since" value="{a_year_ago}"' in home.text


def test_wrong_filters_are_named_next_to_their_field_in_the_pages_language(site: Site) -> None:
    seed(site.engine)
    browser = site.browser("viewer")
    dutch = translations("nl").gettext
    silos = browser.http.get("/silos", params={**BLANK_FILTERS, "as_of": "zz", "by": "zz"})
    assert silos.status_code == 200 and 'class="heat"' not in silos.text
    assert _field_error(silos.text, "as_of") == dutch("dates are written YYYY-MM-DD or DD/MM/YYYY")
    assert 'name="as_of" value="zz"' in silos.text  # the form keeps what was typed
    assert _field_error(silos.text, "by").startswith("moet een van deze zijn: department, unit")
    network_map = browser.http.get("/map", params={**BLANK_FILTERS, "theme": "nowhere"})
    assert network_map.status_code == 200 and 'id="map"' not in network_map.text
    assert _field_error(network_map.text, "theme") == "onbekend thema"
    area = browser.http.get("/silos?area=nowhere&lang=en")
    assert _field_error(area.text, "area") == "unknown area"
    assert "quadhelix areas" not in area.text  # no CLI command on a page
    period = browser.http.get(
        "/silos", params={**BLANK_FILTERS, "as_of": "2024-01-01", "from": "2023-01-01"}
    )
    assert _field_error(period.text, "as_of") == dutch("give either a date or a period, not both")
    backwards = browser.http.get(
        "/map", params={**BLANK_FILTERS, "from": "2024-01-01", "to": "2020-01-01"}
    )
    assert _field_error(backwards.text, "to") == dutch("the period ends before it starts")
    home = browser.http.get("/", params={"since": "zz"})
    assert home.status_code == 200 and 'name="since" value="zz"' in home.text
    assert _field_error(home.text, "since") == dutch("dates are written YYYY-MM-DD or DD/MM/YYYY")


def test_change_since_a_date_names_the_measures_and_writes_numbers_as_the_language_does(
    site: Site,
) -> None:
    seed(site.engine)
    browser = site.browser("viewer")
    dutch = browser.http.get("/", params={"since": "2020-01-01"}).text
    assert "largest_component" not in dutch and "degree_centralisation" not in dutch
    assert "Actoren in het grootste deel" in dutch and "Gradencentralisatie" in dutch
    cells = re.findall(r'<td class="number[^"]*">([^<]*)</td>', dutch)
    assert cells and not [c for c in cells if "e+" in c or re.search(r"\d\.\d", c)]
    english = browser.http.get("/?since=2020-01-01&lang=en").text
    assert "Actors in the largest part" in english
    assert format_number(1780.0, "nl") == "1.780" and format_number(1780, "en") == "1,780"
    assert format_number(0.0123, "nl") == "0,0123" and format_number(0.5, "nl", 2) == "0,50"
    assert (
        format_number(-60.0, "nl", sign=True) == "-60" and format_number(3, "nl", sign=True) == "+3"
    )
    assert format_number(0.0, "nl", sign=True) == "0" and format_number(None, "nl") == "–"


def test_silo_page_offers_two_different_groupings_of_the_org_tree(site: Site) -> None:
    seed(site.engine)
    silos = site.browser("viewer").http.get("/silos").text
    select = silos.split('id="f-by"', 1)[1].split("</select>", 1)[0]
    shown = re.findall(r"<option[^>]*>([^<]+)</option>", select)
    assert shown[:2] == ["Departement", "Dienst"] and len(set(shown)) == len(shown)
    table = site.browser("viewer").http.get("/silos?by=helix").text.split('id="ei"', 1)[1]
    cells = re.findall(r'<td class="number[^"]*">([^<]*)</td>', table)
    assert cells and not [c for c in cells if re.search(r"\d\.\d", c)]


def test_silo_groups_are_named_as_people_know_them(site: Site) -> None:
    with transaction(site.engine) as session:
        one = create_actor(
            session, ActorCreate(name="Buurthuis", helix="civil_society", area="Nieuwe Molens")
        ).actor
        two = create_actor(session, ActorCreate(name="Bakkerij", helix="business", area="Rabot"))
        add_tie(session, TieCreate(source_actor=f"#{one.id}", target_actor=f"#{two.actor.id}"))
    viewer = site.browser("viewer")
    by_area = viewer.http.get("/silos", params={"by": "area"}).text
    report = by_area.split('id="matrix"', 1)[1]  # the filter's options use the codes
    assert '<th scope="row">Nieuwe Molens</th>' in report and "nieuwe-molens" not in report
    by_sector = viewer.http.get("/silos", params={"by": "helix"}).text
    assert ">Middenveld</text>" in by_sector  # the chart's labels, in Dutch
    assert "civil_society</text>" not in by_sector
