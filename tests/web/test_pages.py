"""The pages as a person uses them: lists with filters, profiles, forms, members, languages."""

from __future__ import annotations

import re

from quadhelix.accounts.model import Role
from quadhelix.registry.actors import create_actor
from quadhelix.registry.database import transaction
from quadhelix.registry.schemas import ActorCreate
from tests.web.conftest import Site
from tests.web.seed import seed

NASTY = """<script>alert("x")</script> & 'quotes' "here\""""
ESCAPED = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;quotes&#39; &#34;here&#34;"


def _version(html: str) -> str:
    found = re.search(r'name="version" value="([^"]+)"', html)
    assert found
    return found.group(1).replace("&#34;", '"')


def test_anonymous_visitors_are_sent_to_sign_in(site: Site) -> None:
    response = site.browser().http.get("/actors?helix=business")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Factors%3Fhelix%3Dbusiness"
    htmx = site.browser().http.get("/actors", headers={"HX-Request": "true"})
    assert htmx.headers["HX-Redirect"].startswith("/login?next=")


def test_actor_list_filters_sorts_pages_and_answers_htmx_with_a_fragment(site: Site) -> None:
    api = site.client(Role.EDITOR)
    for number in range(30):
        helix = "business" if number % 2 else "knowledge"
        api.post("/api/v1/actors", json={"name": f"Actor {number:02}", "helix": helix})
    browser = site.browser("viewer")
    page = browser.http.get("/actors", params={"helix": "business", "sort": "-name"})
    assert page.status_code == 200
    names = re.findall(r'href="/actors/\d+">([^<]+)</a>', page.text)
    assert names[:2] == ["Actor 29", "Actor 27"] and len(names) == 15
    assert "<html" in page.text
    first = browser.http.get("/actors", params={"page": 2})
    assert re.findall(r'href="/actors/\d+">([^<]+)</a>', first.text)[0] == "Actor 25"
    fragment = browser.http.get(
        "/actors",
        params={"search": "actor 0"},
        headers={"HX-Request": "true", "HX-Target": "results"},
    )
    assert "<html" not in fragment.text
    assert re.findall(r'href="/actors/\d+">([^<]+)</a>', fragment.text)[0] == "Actor 00"
    assert "HX-Request" in fragment.headers["Vary"]
    unknown = browser.http.get("/actors", params={"theme": "no-such-theme"})
    assert unknown.status_code == 200 and "onbekend thema" in unknown.text  # in Dutch


def test_profile_shows_identifiers_memberships_and_ties(site: Site) -> None:
    records = seed(site.engine, "p")
    browser = site.browser("viewer")
    profile = browser.http.get(f"/actors/{records.actor}")
    assert profile.status_code == 200
    assert f'href="/coalitions/{records.coalition}"' in profile.text
    assert f'href="/actors/{records.partner}"' in profile.text
    assert "Bewerken" not in profile.text  # a viewer gets no edit button
    assert browser.http.get("/actors/999").status_code == 404


def test_editor_adds_and_edits_an_actor_through_the_forms(site: Site) -> None:
    browser = site.browser("editor")
    token = browser.csrf("/actors/new")
    wrong = browser.http.post(
        "/actors/new", data={"csrf_token": token, "name": "", "helix": "media"}
    )
    assert wrong.status_code == 422
    assert 'aria-invalid="true"' in wrong.text and "een naam mag niet leeg zijn" in wrong.text
    made = browser.http.post(
        "/actors/new",
        data={
            "csrf_token": token,
            "name": "Buurtwerk Rabot",
            "helix": "civil_society",
            "kind": "organisation",
            "themes": ["climate", "heat"],
            "kbo": "0417.497.106",
        },
    )
    assert made.status_code == 303
    location = made.headers["location"]
    profile = browser.http.get(location)
    assert "0417.497.106" in profile.text
    themes = (
        '<a href="/actors?theme=climate">Klimaat</a>, <a href="/actors?theme=heat">Hittestress</a>'
    )
    assert themes in profile.text  # names in the page's language, each listing its actors
    form = browser.http.get(location + "/edit")
    version = _version(form.text)
    saved = browser.http.post(
        location + "/edit",
        data={
            "csrf_token": token,
            "version": version,
            "name": "Buurtwerk Rabot vzw",
            "helix": "civil_society",
            "kind": "organisation",
            "themes": ["climate"],
        },
    )
    assert saved.status_code == 303
    stale = browser.http.post(
        location + "/edit",
        data={
            "csrf_token": token,
            "version": version,
            "name": "Overwritten",
            "helix": "civil_society",
            "kind": "organisation",
        },
    )
    assert stale.status_code == 409
    assert "changed by someone else" in stale.text
    assert 'value="Overwritten"' in stale.text  # the editor's input is kept
    assert "Buurtwerk Rabot vzw" in browser.http.get(location).text


def test_a_failed_form_saves_nothing(site: Site) -> None:
    browser = site.browser("editor")
    token = browser.csrf("/actors/new")
    response = browser.http.post(
        "/actors/new",
        data={
            "csrf_token": token,
            "name": "A",
            "helix": "business",
            "area": "Nieuwe Wijk",
            "themes": ["no-such-theme"],
        },
    )
    assert response.status_code == 422
    areas = site.client(Role.VIEWER).get("/api/v1/areas").json()
    assert areas["total"] == 0  # the area made on the way was rolled back


def test_coalition_forms_and_member_management(site: Site) -> None:
    records = seed(site.engine, "c")
    browser = site.browser("editor")
    token = browser.csrf("/coalitions/new")
    made = browser.http.post(
        "/coalitions/new",
        data={
            "csrf_token": token,
            "name": "Groene Speelplaatsen",
            "kind": "project",
            "status": "active",
            "links_text": "Plan | example.org/plan\nhttps://example.org/b",
            "themes": ["heat"],
        },
    )
    assert made.status_code == 303
    location = made.headers["location"]
    english = browser.http.get(location, params={"lang": "en"})
    assert '<a href="/coalitions?theme=heat">Heat stress</a>' in english.text
    added = browser.http.post(
        location + "/members",
        data={"csrf_token": token, "actor": f"#{records.partner}", "role": "lead"},
    )
    assert added.status_code == 303
    detail = browser.http.get(location)
    assert "Universiteit Gent" in detail.text and 'href="https://example.org/plan"' in detail.text
    # One member: no survey wave yet, and the page says why.
    assert "Een bevragingsronde heeft minstens twee leden nodig." in detail.text
    assert "/surveys/new?coalition=" not in detail.text
    again = browser.http.post(
        location + "/members",
        data={"csrf_token": token, "actor": f"#{records.partner}", "role": "lead"},
    )
    assert again.status_code == 409 and "is al trekker van" in again.text  # the role's label
    english = browser.http.post(
        location + "/members?lang=en",
        data={"csrf_token": token, "actor": f"#{records.partner}", "role": "lead"},
    )
    assert english.status_code == 409 and "is already lead of" in english.text
    # The governance fit gives its reasons in the page's language.
    governance = detail.text[detail.text.index('id="governance"') :]
    assert "aantal leden 1: weinig genoeg om samen te besturen (&lt;= 8)" in governance
    assert "aantal leden in de rol van trekker: 1" in governance
    english_detail = browser.http.get(location, params={"lang": "en"}).text
    assert "1 members: few enough to govern together" in english_detail
    nobody = browser.http.post(
        location + "/members", data={"csrf_token": token, "actor": "Nobody", "role": "lead"}
    )
    assert nobody.status_code == 422
    membership = re.search(r"/members/(\d+)/delete", detail.text)
    assert membership
    remove_form = detail.text[membership.start() :]
    removed = browser.http.post(
        f"{location}/members/{membership.group(1)}/delete",
        data={"csrf_token": token, "version": _version(remove_form)},
    )
    assert removed.status_code == 303
    assert "Universiteit Gent" not in browser.http.get(location).text
    version = _version(browser.http.get(location).text)
    deleted = browser.http.post(
        location + "/delete", data={"csrf_token": token, "version": version}
    )
    assert deleted.status_code == 303
    assert browser.http.get(location).status_code == 404


def test_deleting_an_actor_in_use_asks_for_cascade(site: Site) -> None:
    records = seed(site.engine, "d")
    browser = site.browser("editor")
    profile = browser.http.get(f"/actors/{records.actor}")
    token, version = browser.csrf(f"/actors/{records.actor}"), _version(profile.text)
    kept = browser.http.post(
        f"/actors/{records.actor}/delete", data={"csrf_token": token, "version": version}
    )
    assert kept.status_code == 409 and "lidmaatschappen" in kept.text
    gone = browser.http.post(
        f"/actors/{records.actor}/delete",
        data={"csrf_token": token, "version": version, "cascade": "yes"},
    )
    assert gone.status_code == 303


def test_viewers_cannot_use_the_forms(site: Site) -> None:
    browser = site.browser("viewer")
    token = browser.csrf()
    assert browser.http.get("/actors/new").status_code == 403
    posted = browser.http.post("/actors/new", data={"csrf_token": token, "name": "A"})
    assert posted.status_code == 403


def test_names_with_markup_render_as_text_everywhere(site: Site) -> None:
    records = seed(site.engine, "e")
    api = site.client(Role.EDITOR)
    path = f"/api/v1/actors/{records.actor}"
    etag = api.get(path).headers["ETag"]
    assert (
        api.patch(
            path, json={"name": NASTY, "description": NASTY}, headers={"If-Match": etag}
        ).status_code
        == 200
    )
    path = f"/api/v1/coalitions/{records.coalition}"
    etag = api.get(path).headers["ETag"]
    assert api.patch(path, json={"name": NASTY}, headers={"If-Match": etag}).status_code == 200
    browser = site.browser("editor")
    for page in (
        "/actors",
        f"/actors/{records.actor}",
        f"/actors/{records.actor}/edit",
        f"/actors/{records.partner}",
        "/coalitions",
        f"/coalitions/{records.coalition}",
        f"/coalitions/{records.coalition}/edit",
    ):
        html = browser.http.get(page).text
        assert "<script>alert" not in html, page
        assert ESCAPED in html, page


def test_dutch_by_default_english_on_request(site: Site) -> None:
    browser = site.browser("viewer")
    dutch = browser.http.get("/")
    assert '<html lang="nl">' in dutch.text and "Actoren" in dutch.text
    assert dutch.headers["Content-Language"] == "nl"
    english = browser.http.get("/", params={"lang": "en"})
    assert '<html lang="en">' in english.text and ">Actors<" in english.text
    switched = browser.http.get("/language/en", params={"next": "/actors?page=1"})
    assert switched.status_code == 303 and switched.headers["location"] == "/actors?page=1"
    assert '<html lang="en">' in browser.http.get("/actors").text
    away = browser.http.get("/language/nl", params={"next": "//evil.example/"})
    assert away.headers["location"] == "/"


def test_a_second_actor_with_the_same_name_needs_a_confirmation(site: Site) -> None:
    browser = site.browser("editor")
    token = browser.csrf("/actors/new")
    first = {"csrf_token": token, "name": "Buurtwerk Rabot", "helix": "civil_society"}
    first |= {"kind": "organisation"}
    made = browser.http.post("/actors/new", data=first)
    assert made.status_code == 303
    original = made.headers["location"]
    twin = first | {"name": "buurtwerk  RABOT"}  # case and spacing do not make it different
    asked = browser.http.post("/actors/new", data=twin)
    assert asked.status_code == 409
    assert "Er is al een actor met deze naam" in asked.text
    assert f'<a href="{original}">Buurtwerk Rabot</a>' in asked.text
    assert 'name="same_name" value="yes"' in asked.text
    assert 'value="buurtwerk  RABOT"' in asked.text  # what was typed is kept
    confirmed = browser.http.post("/actors/new", data=twin | {"same_name": "yes"})
    assert confirmed.status_code == 303 and confirmed.headers["location"] != original
    # Editing an actor without renaming it does not ask; renaming it onto another's name does.
    form = browser.http.get(original + "/edit")
    same = {"csrf_token": token, "version": _version(form.text)} | first
    assert browser.http.post(original + "/edit", data=same).status_code == 303
    other = browser.http.post("/actors/new", data=first | {"name": "Buurtwerk Noord"})
    form = browser.http.get(other.headers["location"] + "/edit")
    rename = {"csrf_token": token, "version": _version(form.text)} | first
    assert browser.http.post(other.headers["location"] + "/edit", data=rename).status_code == 409


def _names(html: str, kind: str) -> list[str]:
    return re.findall(rf'href="/{kind}/\d+">([^<]+)</a>', html)


def test_list_filter_forms_sent_as_a_browser_does_list_everything(site: Site) -> None:
    seed(site.engine, "b")
    browser = site.browser("viewer")
    # Unchecked boxes are not sent; text fields and selects left open are sent empty.
    actors = browser.http.get(
        "/actors", params={"search": "", "area": "", "theme": "", "parent": "", "sort": "name"}
    )
    assert actors.status_code == 200 and len(_names(actors.text, "actors")) == 2
    assert 'aria-invalid="true"' not in actors.text
    coalitions = browser.http.get(
        "/coalitions", params={"search": "", "area": "", "theme": "", "sort": "name", "page": ""}
    )
    assert coalitions.status_code == 200 and _names(coalitions.text, "coalitions") == [
        "Klimaatwijk b"
    ]


def test_a_page_past_the_end_shows_the_last_and_a_wrong_one_the_first(site: Site) -> None:
    api = site.client(Role.EDITOR)
    for number in range(30):
        api.post("/api/v1/actors", json={"name": f"Actor {number:02}", "helix": "business"})
        if number < 3:
            api.post("/api/v1/coalitions", json={"name": f"Coalition {number}", "kind": "project"})
    browser = site.browser("viewer")
    past = browser.http.get("/actors", params={"page": 28})
    assert past.status_code == 200 and "Geen actoren" not in past.text
    assert _names(past.text, "actors")[0] == "Actor 25" and "pagina 2 van 2" in past.text
    assert 'rel="prev"' in past.text and 'rel="next"' not in past.text
    for wrong in ("abc", "0", "-3", "", "9" * 30):
        first = browser.http.get("/actors", params={"page": wrong})
        assert first.status_code == 200, wrong
        assert _names(first.text, "actors")[0] == "Actor 00" and "pagina 1 van 2" in first.text
    coalitions = browser.http.get("/coalitions", params={"page": 5})
    assert coalitions.status_code == 200 and len(_names(coalitions.text, "coalitions")) == 3
    assert browser.http.get("/coalitions?page=abc").status_code == 200
    many = browser.http.get("/actors?page=1").text
    assert "30 resultaten" in many


def test_list_filter_errors_are_named_at_their_field_without_cli_hints(site: Site) -> None:
    seed(site.engine, "e")
    browser = site.browser("viewer")
    actors = browser.http.get("/actors", params={"theme": "no-such-theme", "area": ""})
    assert actors.status_code == 200
    error = re.search(r'<p class="field-error" id="theme-error">(.*?)</p>', actors.text)
    assert error and error.group(1) == "onbekend thema"
    assert 'id="f-theme" name="theme" aria-invalid="true"' in actors.text
    assert "quadhelix themes" not in actors.text
    fragment = browser.http.get(
        "/actors?area=nowhere", headers={"HX-Request": "true", "HX-Target": "results"}
    )
    assert fragment.status_code == 200 and "onbekend gebied" in fragment.text
    assert '<a href="#f-area">Gebied</a>' in fragment.text  # the summary names the field
    coalitions = browser.http.get("/coalitions?area=nowhere&theme=&lang=en")
    assert coalitions.status_code == 200 and "unknown area" in coalitions.text
    assert "quadhelix areas" not in coalitions.text


def test_a_coalition_with_two_members_offers_a_survey_wave(site: Site) -> None:
    records = seed(site.engine, "s")
    browser = site.browser("editor")
    location = f"/coalitions/{records.coalition}"
    assert "Een bevragingsronde heeft minstens twee leden nodig." in browser.http.get(location).text
    token = browser.csrf(location)
    second = {"csrf_token": token, "actor": f"#{records.partner}", "role": "partner"}
    assert browser.http.post(location + "/members", data=second).status_code == 303
    detail = browser.http.get(location).text
    assert f'href="/surveys/new?coalition={records.coalition}"' in detail
    assert "minstens twee leden" not in detail
    # Numbers as Dutch writes them: the two members' tie makes a density of one.
    assert "<dt>Dichtheid van de relaties tussen de leden</dt><dd>1,00</dd>" in detail
    shared = "(geen gegevens uit een bevraging) 1,00: breed gedeeld (&gt;= 0,5)"
    assert shared in detail  # figures inside the governance reasons too


def test_an_empty_result_offers_the_whole_list(site: Site) -> None:
    seed(site.engine, "e")
    browser = site.browser("viewer")
    for path in ("/actors", "/coalitions"):
        empty = browser.http.get(path, params={"search": "niets dat bestaat"})
        assert f'<a href="{path}">Alles tonen</a>' in empty.text
        assert "Alles tonen" not in browser.http.get(path).text


def test_a_name_two_actors_share_is_a_field_error_on_the_member_form(site: Site) -> None:
    records = seed(site.engine, "m")
    with transaction(site.engine) as session:
        for _ in range(2):
            create_actor(session, ActorCreate(name="Chiro Rabot", helix="civil_society"))
    browser = site.browser("editor")
    location = f"/coalitions/{records.coalition}"
    token = browser.csrf(location)
    sent = {"csrf_token": token, "actor": "chiro rabot", "role": "partner"}
    refused = browser.http.post(location + "/members", data=sent)
    assert refused.status_code == 422
    error = re.search(r'<p class="field-error" id="actor-error">([^<]*)</p>', refused.text)
    assert error and error.group(1).startswith("past op meerdere actoren (#")
    assert '<a href="#f-actor">Actor</a>: past op meerdere actoren' in refused.text
