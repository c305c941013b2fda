"""The exports page and API: the network or the registry as a file to download."""

from __future__ import annotations

import io
import zipfile

import networkx as nx

from quadhelix.accounts.model import Role
from tests.web.conftest import Site
from tests.web.seed import seed


def test_a_viewer_downloads_the_network_for_gephi(site: Site) -> None:
    records = seed(site.engine)
    browser = site.browser("viewer")
    page = browser.http.get("/exports")
    assert page.status_code == 200
    assert (
        "Het netwerk exporteren" in page.text
        and '<a href="/exports" aria-current="page"' in page.text
    )
    got = browser.http.get("/exports/download", params={"format": "gexf", "view": "ties"})
    assert got.status_code == 200
    assert got.headers["content-type"].startswith("application/gexf+xml")
    disposition = got.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="quadhelix-') and disposition.endswith(
        '-ties.gexf"'
    )
    graph = nx.read_gexf(io.BytesIO(got.content))
    assert set(graph.nodes) == {str(records.actor), str(records.partner)}
    assert graph.number_of_edges() == 1


def test_the_form_sent_as_a_browser_sends_it_gives_the_csv_archive(site: Site) -> None:
    seed(site.engine)
    browser = site.browser("viewer")
    form = {"format": "csv", "view": "ties", "as_of": "", "from": "", "to": "", "excel": "yes"}
    got = browser.http.get("/exports/download", params=form)
    assert got.status_code == 200 and got.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(got.content))
    actors = archive.read("actors.csv").decode("utf-8-sig")
    assert "Buurtwerk Rabot" in actors and ";" in actors.splitlines()[0]  # Excel: semicolons


def test_a_wrong_date_shows_the_form_again_with_the_field_named(site: Site) -> None:
    browser = site.browser("viewer")
    sent = {"format": "graphml", "view": "comembership", "as_of": "31/31/2024"}
    wrong = browser.http.get("/exports/download", params=sent)
    assert wrong.status_code == 422
    assert wrong.headers["content-type"].startswith("text/html")
    assert '<a href="#f-as_of">Stand op</a>: ' in wrong.text
    assert 'value="31/31/2024"' in wrong.text  # what was typed is kept
    assert '<option value="comembership" selected>' in wrong.text


def test_the_api_hands_out_the_same_files(site: Site) -> None:
    seed(site.engine)
    viewer = site.client(Role.VIEWER)
    graphml = viewer.get("/api/v1/exports/graphml", params={"view": "both"})
    assert graphml.status_code == 200
    assert graphml.headers["content-type"].startswith("application/graphml+xml")
    assert nx.read_graphml(io.BytesIO(graphml.content)).number_of_nodes() == 2
    jsonld = viewer.get("/api/v1/exports/jsonld", params={"base_iri": "https://gent.example/"})
    assert jsonld.status_code == 200 and "https://gent.example/" in jsonld.text
    wrong = viewer.get("/api/v1/exports/gexf", params={"as_of": "morgen"})
    assert wrong.status_code == 422 and wrong.headers["content-type"] == "application/problem+json"
    assert viewer.get("/api/v1/exports/pdf").status_code == 422
    assert viewer.get("/api/v1/exports/gexf", params={"theme": "no-such-theme"}).status_code == 422
    assert site.client().get("/api/v1/exports/gexf").status_code == 401
