"""Registry errors on pages speak the page's language; the command line keeps its English."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from urllib.parse import urlencode

import quadhelix
from quadhelix.accounts.passwords import MIN_LENGTH
from quadhelix.match.challenge import MAX_SIZE
from quadhelix.registry.errors import Conflict, InvalidValue, NotFound
from quadhelix.registry.messages import Message
from quadhelix.registry.vocab import HelixSector, MemberRole
from quadhelix.web.messages import (
    CONFLICTS,
    PAGE_REASONS,
    REASONS,
    Text,
    message_of,
    reason_of,
    translate,
    validation_reason,
)
from quadhelix.web.translations import translations
from tests.web.builder_seed import builder_seed
from tests.web.conftest import PASSWORD, Site


def _dutch(value: object) -> object:
    return translate(value, translations("nl").gettext)


def test_errors_keep_english_text_and_carry_what_a_catalogue_needs() -> None:
    wrong = InvalidValue("size", 60, "must be between 1 and %(most)s", most=50)
    assert str(wrong) == "size: must be between 1 and 50 (got 60)"  # what the CLI prints
    assert (wrong.reason_template, wrong.reason_params) == (
        "must be between 1 and %(most)s",
        {"most": 50},
    )
    taken = Conflict(template="user: %(name)r is taken", name="bert")
    assert str(taken) == "user: 'bert' is taken" and taken.params == {"name": "bert"}
    assert str(Conflict("plain words")) == "plain words"


def test_messages_are_translated_with_their_parameters() -> None:
    missing = message_of(NotFound("lead", "Niemand"))
    assert missing == "lead not found: 'Niemand'"  # still a str, in English
    assert _dutch(missing) == "trekker niet gevonden: 'Niemand'"
    empty = message_of(InvalidValue("text", "", "expected a whole number"))
    assert _dutch(empty) == "text: verwacht een geheel getal (gekregen: '')"
    unknown = Text("a sentence no catalogue holds")
    assert _dutch(unknown) == "a sentence no catalogue holds"
    assert _dutch("plain strings pass unchanged") == "plain strings pass unchanged"
    assert _dutch(Text("")) == ""


def test_pages_show_registry_errors_in_dutch_and_english(site: Site) -> None:
    builder_seed(site.engine)
    browser = site.browser("viewer")
    ask = {"title": "Hittestress", "lead": "Niemand Bekend"}
    dutch = browser.http.get("/builder?" + urlencode(ask))
    assert "trekker niet gevonden: &#39;Niemand Bekend&#39;" in dutch.text
    english = browser.http.get("/builder?" + urlencode(ask | {"lang": "en"}))
    assert "lead not found: &#39;Niemand Bekend&#39;" in english.text
    empty = browser.http.get("/builder?title=&description=")
    assert "beschrijf de uitdaging, of geef minstens één thema of gebied" in empty.text
    listing = browser.http.get("/actors", params={"theme": "geen-thema"})
    assert "onbekend thema" in listing.text
    assert browser.http.get("/actors/999999").status_code == 404
    assert "actor niet gevonden: 999999" in browser.http.get("/actors/999999").text


def _field_error(html: str, field: str) -> str:
    """The message a page shows under one form field."""
    found = re.search(rf'<p class="field-error" id="{field}-error">(.*?)</p>', html, re.S)
    assert found, f"no error shown for {field}"
    return found.group(1)


def test_messages_with_parameters_show_in_the_pages_language(site: Site) -> None:
    builder_seed(site.engine)
    editor = site.browser("editor")
    token = editor.csrf("/actors/new")
    actor = {"csrf_token": token, "name": "Proef", "helix": "<b>x</b>", "kind": "organisation"}
    sectors = ", ".join(sector.value for sector in HelixSector)
    for path, words in (
        ("/actors/new", "moet een van deze zijn: "),
        ("/actors/new?lang=en", "must be one of "),
    ):
        wrong = editor.http.post(path, data=actor)
        assert wrong.status_code == 422
        assert _field_error(wrong.text, "helix") == words + sectors
        assert "<b>x</b>" not in wrong.text  # a select: the wrong value is not echoed raw
    period = actor | {"helix": "knowledge", "start_date": "2024-05-01", "end_date": "2024-01-31"}
    backwards = editor.http.post("/actors/new", data=period)
    assert backwards.status_code == 422
    # A check of the whole record is shown next to the field it names.
    assert _field_error(backwards.text, "end_date") == "eindigt voordat het begint (2024-05-01)"

    ask = {"title": "Hittestress", "size": "99"}
    too_many = editor.http.get("/builder", params=ask)
    assert _field_error(too_many.text, "size") == f"moet tussen 1 en {MAX_SIZE} liggen"
    english = editor.http.get("/builder", params=ask | {"lang": "en"})
    assert _field_error(english.text, "size") == f"must be between 1 and {MAX_SIZE}"
    crowded = editor.http.get(
        "/builder", params={"title": "Hittestress", "size": "2", "mix_business": "3"}
    )
    assert _field_error(crowded.text, "mix") == "vraagt om meer dan 2"

    viewer = site.browser("viewer")
    short = {"current_password": PASSWORD, "new_password": "kort", "new_password_again": "kort"}
    for path, expected in (
        ("/account/password", f"een wachtwoord heeft minstens {MIN_LENGTH} tekens"),
        ("/account/password?lang=en", f"a password has at least {MIN_LENGTH} characters"),
    ):
        refused = viewer.http.post(path, data={"csrf_token": viewer.csrf("/account"), **short})
        assert refused.status_code == 422
        assert _field_error(refused.text, "new_password") == expected


def test_controlled_values_in_messages_say_their_label() -> None:
    twice = Conflict(
        template="member: %(actor)r is already %(role)s of %(coalition)r (membership #%(id)s)",
        actor="Buurtwerk",
        role=MemberRole.LEAD,
        coalition="Hitteplan",
        id=7,
    )
    assert str(twice) == "member: 'Buurtwerk' is already lead of 'Hitteplan' (membership #7)"
    assert _dutch(message_of(twice)) == (
        "lid: 'Buurtwerk' is al trekker van 'Hitteplan' (lidmaatschap #7)"
    )
    negative = InvalidValue(
        "helix_mix",
        -1,
        "the count for %(sector)s must be 0 or more",
        sector=HelixSector.CIVIL_SOCIETY,
    )
    assert str(negative) == "helix_mix: the count for civil_society must be 0 or more (got -1)"
    assert _dutch(reason_of(negative)) == "het aantal voor middenveld moet 0 of meer zijn"
    english = translate(reason_of(negative), translations("en").gettext)
    assert english == "the count for civil society must be 0 or more"
    # A controlled value shown on its own (an option's value, a link) stays the stored value.
    assert _dutch(HelixSector.CIVIL_SOCIETY) == "civil_society"


def test_translated_text_keeps_the_english_the_command_line_prints() -> None:
    size = InvalidValue("size", 99, "must be between 1 and %(most)s", most=MAX_SIZE)
    assert str(size) == f"size: must be between 1 and {MAX_SIZE} (got 99)"
    assert _dutch(message_of(size)) == f"size: moet tussen 1 en {MAX_SIZE} liggen (gekregen: 99)"


# Messages of the domain that pages never show, each with the reason it stays English.
LEFT_OUT = {
    "must be a whole number, 1 or more": "match/batch.py: batch files of the command line",
    "is a folder; give a file name": "io/export_records.py: the command line's --out",
    "no such record": "web/api: the API answers in English",
    "no actor by this id, external id or name": "web/api: the API answers in English",
    "expected text": "Challenge: forms always give text; only JSON can send another type",
    "unknown field": "Challenge.from_mapping: batch files and the API",
    "must be area or theme": "analytics/reports.py: pages pick the grouping from a fixed list",
    "must not be before the first date": "analytics/reports.py: the dashboard compares with today",
    "database: the demo city needs an empty registry": "demo/city.py: only `quadhelix demo`",
    "no mail server is configured: set %(variables)s": "survey pages show an error code instead",
    "the mail server %(server)s could not send (%(reason)s); no link was changed": (
        "survey pages show an error code instead"
    ),
}
# Files whose messages are built at run time on purpose, with the reason.
BUILT_AT_RUN_TIME = {
    "analytics/reports.py": "pages pick `by` from a fixed list and never set exact_limit",
    "io/export_records.py": "the command line's --out names an operating-system error",
    "io/jsonld.py": "the command line's --base-iri",
    "accounts/service.py": "passes on the user-name schema's own message",
    "web/api/common.py": "the API answers in English",
    "demo/fresh.py": "only `quadhelix demo` makes the demo city",
}
SOURCE = Path(quadhelix.__file__).parent


def _messages_in_source() -> list[tuple[str, int, ast.expr]]:
    """Every reason given to ``InvalidValue``, every ``Conflict`` message and every ``template=``,
    outside the CLI."""
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        name = path.relative_to(SOURCE).as_posix()
        if name.startswith("cli/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            callee = node.func.id if isinstance(node.func, ast.Name) else ""
            given = [k.value for k in node.keywords if k.arg == "template"]
            if callee == "InvalidValue":
                given += node.args[2:3] + [k.value for k in node.keywords if k.arg == "reason"]
            if callee == "Conflict":  # a clash is shown above the form, whole
                given += node.args[:1]
            found += [(name, node.lineno, message) for message in given]
    return found


def test_every_message_a_page_can_show_is_a_catalogue_id() -> None:
    messages = _messages_in_source()
    assert len(messages) > 50  # the scan sees the domain's errors
    dutch = translations("nl").gettext
    built = [
        f"{name}:{line}"
        for name, line, message in messages
        if not isinstance(message, ast.Constant) and name not in BUILT_AT_RUN_TIME
    ]
    assert built == [], "give these a template with %(name)s parameters"
    untranslated = {
        f"{name}:{line}: {message.value}"
        for name, line, message in messages
        if isinstance(message, ast.Constant)
        and message.value not in LEFT_OUT
        and dutch(message.value) == message.value
    }
    assert untranslated == set(), "add these to REASONS in web/messages.py and translate them"
    for reason in REASONS:
        assert dutch(reason) != reason, reason
    assert len(set(REASONS)) == len(REASONS), "a reason is listed twice"
    assert len(set(CONFLICTS)) == len(CONFLICTS), "a clash is listed twice"


def test_clashes_and_schema_checks_show_in_the_pages_language(site: Site) -> None:
    editor = site.browser("editor")
    token = editor.csrf("/actors/new")
    first = {"csrf_token": token, "name": "Buurtwerk", "helix": "civil_society"}
    first |= {"kind": "organisation", "external_id": "bw-1"}
    assert editor.http.post("/actors/new", data=first).status_code == 303
    twin = first | {"name": "Buurtwerk <Noord>"}
    for path, words in (
        ("/actors/new", "external_id: &#39;bw-1&#39; wordt al gebruikt door actor #"),
        ("/actors/new?lang=en", "external_id: &#39;bw-1&#39; is already used by actor #"),
    ):
        clash = editor.http.post(path, data=twin)
        assert clash.status_code == 409 and words in clash.text
        assert "Buurtwerk <Noord>" not in clash.text  # what was typed comes back escaped
    blank = first | {"name": "   ", "external_id": "bw-2"}
    for path, expected in (
        ("/actors/new", "een naam mag niet leeg zijn"),
        ("/actors/new?lang=en", "a name cannot be empty"),
    ):
        refused = editor.http.post(path, data=blank)
        assert refused.status_code == 422
        assert _field_error(refused.text, "name") == expected


def test_the_schemas_own_checks_speak_the_pages_language(site: Site) -> None:
    editor = site.browser("editor")
    token = editor.csrf("/actors/new")
    actor = {"csrf_token": token, "helix": "business", "kind": "organisation"}
    for path, expected in (
        ("/actors/new", "heeft hoogstens 300 tekens"),
        ("/actors/new?lang=en", "has at most 300 characters"),
    ):
        long = editor.http.post(path, data=actor | {"name": "x" * 1000})
        assert long.status_code == 422
        assert _field_error(long.text, "name") == expected
    assert (
        validation_reason({"type": "greater_than_equal", "ctx": {"ge": 1}}) == "must be 1 or more"
    )
    assert _dutch(validation_reason({"type": "greater_than_equal", "ctx": {"ge": 1}})) == (
        "moet 1 of meer zijn"
    )
    choice = {"type": "enum", "ctx": {"expected": "'department' or 'unit'"}}
    assert _dutch(validation_reason(choice)) == "moet een van deze zijn: department, unit"
    unknown = {"type": "url_scheme", "msg": "URL scheme should be 'http' or 'https'"}
    assert validation_reason(unknown) == unknown["msg"]  # no id: Pydantic's English
    assert validation_reason({"type": "string_too_long", "ctx": {}, "msg": "too long"}) == (
        "too long"  # a context without the parameter keeps the English
    )


def test_pages_never_send_people_to_the_command_line() -> None:
    hint = Message("unknown theme %(theme)s; see `quadhelix themes list`", {"theme": "'x'"})
    assert "quadhelix themes list" in hint  # the CLI keeps its hint
    english = translate(hint, translations("en").gettext)
    assert english == "unknown theme 'x'; see the list of themes, or tick 'Add unknown themes'"
    assert "quadhelix" not in _dutch(hint)
    for template, shown in PAGE_REASONS.items():
        assert "quadhelix" in template and "quadhelix" not in shown
