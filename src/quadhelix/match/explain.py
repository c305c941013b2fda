"""One sentence per pick, in English and in Dutch, built from the facts behind its score."""

from __future__ import annotations

from quadhelix.match.results import ActorRef, Candidate
from quadhelix.match.scoring import Weights
from quadhelix.registry.vocab import HelixSector, helix_label_nl

SECTOR_EN = {
    "government": "government",
    "civil_society": "civil society",
    "business": "business",
    "knowledge": "knowledge institutions",
    "citizens": "citizens",
}
REASONS = ("text", "text_coalitions", "experience", "themes", "areas")


def sector_nl(sector: str) -> str:
    return helix_label_nl(HelixSector(sector))


def _quoted(items: tuple[str, ...], left: str, right: str) -> str:
    return ", ".join(f"{left}{w}{right}" for w in items[:3])


def _reasons(candidate: Candidate, weights: Weights) -> list[str]:
    """The two components that added most to the score (and are worth mentioning)."""
    weighted = [
        (weights.of(name) * candidate.components[name], name)
        for name in REASONS
        if candidate.components[name] > 0
    ]
    weighted.sort(key=lambda item: (-item[0], REASONS.index(item[1])))
    chosen: list[str] = []
    for _, name in weighted:
        if name == "text" and not (candidate.matched_words or candidate.matched_themes):
            continue
        if name == "themes" and "text" in chosen and not candidate.matched_words:
            continue  # the text clause already names its themes
        if name in ("text_coalitions", "experience") and (
            "coalitions" in chosen or not candidate.best_coalition
        ):
            continue
        chosen.append("coalitions" if name in ("text_coalitions", "experience") else name)
        if len(chosen) == 2:
            break
    return chosen


def _coalitions(candidate: Candidate, dutch: bool) -> str:
    n = candidate.relevant_coalitions
    year = f" ({candidate.best_coalition_year})" if candidate.best_coalition_year else ""
    name = candidate.best_coalition
    if dutch:
        count = "een relevante coalitie" if n <= 1 else f"{n} relevante coalities"
        return f"nam deel aan {count}, zoals „{name}”{year}"
    count = "a relevant coalition" if n <= 1 else f"{n} relevant coalitions"
    return f"took part in {count}, such as “{name}”{year}"


def _reason_text(reason: str, candidate: Candidate, dutch: bool) -> str:
    if reason == "text" and candidate.matched_words:
        if dutch:
            return "de eigen beschrijving vermeldt " + _quoted(candidate.matched_words, "„", "”")
        return "its own description mentions " + _quoted(candidate.matched_words, "“", "”")
    if reason == "text":  # the match is in the names of its themes
        themes = candidate.matched_themes
        if dutch:
            names = _quoted(tuple(t.name_nl for t in themes), "„", "”")
            return (
                "werkt rond het thema " if len(themes) == 1 else "werkt rond de thema's "
            ) + names
        names = _quoted(tuple(t.name_en for t in themes), "“", "”")
        return ("works on the theme " if len(themes) == 1 else "works on the themes ") + names
    if reason == "coalitions":
        return _coalitions(candidate, dutch)
    if reason == "themes":
        return "werkt rond de gevraagde thema's" if dutch else "works on the themes asked for"
    return "is actief in het gevraagde gebied" if dutch else "is active in the area asked for"


def _network(candidate: Candidate, lead: ActorRef | None, dutch: bool) -> str:
    facts = candidate.network
    if facts is None or lead is None:
        return ""
    if facts.standing == "warm":
        links = []
        if facts.shared:
            links.append(
                (f"{facts.shared} gedeelde coalitie" + ("s" if facts.shared > 1 else ""))
                if dutch
                else f"{facts.shared} shared coalition" + ("s" if facts.shared > 1 else "")
            )
        if facts.shared_on_themes:
            links.append(
                f"{facts.shared_on_themes} rond de gevraagde thema's"
                if dutch
                else f"{facts.shared_on_themes} on the themes asked for"
            )
        if facts.ties:
            links.append(
                (f"{facts.ties} relatie" + ("s" if facts.ties > 1 else ""))
                if dutch
                else f"{facts.ties} tie" + ("s" if facts.ties > 1 else "")
            )
        since = (
            f", {'laatst' if dutch else 'latest'} {facts.last_link.year}" if facts.last_link else ""
        )
        detail = f" ({', '.join(links)}{since})" if links else ""
        return (
            f"al partner van {lead.name}{detail}"
            if dutch
            else f"already a partner of {lead.name}{detail}"
        )
    if facts.standing == "introducible" and len(facts.path) >= 3:
        broker = facts.path[1].name
        return (
            f"{broker} kan {lead.name} met hen in contact brengen"
            if dutch
            else f"{broker} can introduce them to {lead.name}"
        )
    return f"nog onbekend voor {lead.name}" if dutch else f"not yet known to {lead.name}"


def explain(
    candidate: Candidate, reason: str, lead: ActorRef | None, weights: Weights
) -> tuple[str, str]:
    """(English, Dutch) sentence: what makes the actor relevant, how the lead knows it, and
    whether it was picked for its score, to cover a sector, or on request."""
    sentences = []
    for dutch in (False, True):
        sector = sector_nl(candidate.actor.helix) if dutch else SECTOR_EN[candidate.actor.helix]
        parts = [_reason_text(r, candidate, dutch) for r in _reasons(candidate, weights)]
        if not parts:
            parts = [
                "heeft nog geen gelijkaardig werk geregistreerd"
                if dutch
                else ("has no similar work registered yet")
            ]
        body = " en ".join(parts) if dutch else " and ".join(parts)
        network = _network(candidate, lead, dutch)
        if network:
            body += "; " + network
        if reason == "coverage":
            body += (
                f"; gekozen om de sector {sector} te vertegenwoordigen"
                if dutch
                else f"; picked to represent {sector}"
            )
        elif reason == "included":
            body += "; op vraag opgenomen" if dutch else "; included on request"
        sentences.append(f"{candidate.actor.name} ({sector}): {body}.")
    return sentences[0], sentences[1]
