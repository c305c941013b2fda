"""Words for the registry's controlled values, in English for the catalogue to translate."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from quadhelix.accounts.model import Role
from quadhelix.registry.vocab import (
    ActorKind,
    CoalitionKind,
    CoalitionStatus,
    HelixSector,
    MemberRole,
    TieType,
)
from quadhelix.web.translations import N_

LABELS: dict[str, dict[str, str]] = {
    "helix": {
        "government": N_("Government"),
        "civil_society": N_("Civil society"),
        "business": N_("Business"),
        "knowledge": N_("Knowledge institutions"),
        "citizens": N_("Citizens"),
    },
    "actor_kind": {
        "organisation": N_("Organisation"),
        "department": N_("Department"),
        "team": N_("Team"),
        "person": N_("Person"),
        "citizen_initiative": N_("Citizen initiative"),
        "network": N_("Network"),
    },
    "coalition_kind": {
        "project": N_("Project"),
        "programme": N_("Programme"),
        "partnership": N_("Partnership"),
        "network": N_("Network"),
        "citizen_initiative": N_("Citizen initiative"),
        "covenant": N_("Covenant"),
        "event": N_("Event"),
    },
    "coalition_status": {
        "idea": N_("Idea"),
        "active": N_("Active"),
        "closed": N_("Closed"),
    },
    "member_role": {
        "lead": N_("Lead"),
        "partner": N_("Partner"),
        "funder": N_("Funder"),
        "advisor": N_("Advisor"),
        "participant": N_("Participant"),
    },
    "tie_type": {
        "collaboration": N_("Collaboration"),
        "funding": N_("Funding"),
        "information": N_("Information"),
        "membership": N_("Membership"),
        "contract": N_("Contract"),
        "other": N_("Other"),
    },
    "role": {
        "viewer": N_("Viewer"),
        "editor": N_("Editor"),
        "admin": N_("Administrator"),
    },
    # The measures of the network summary (``analytics.network.NetworkSummary``), as the start
    # page's "Change since a date" lists them.
    "network_measure": {
        "actors": N_("Actors"),
        "ties": N_("Ties"),
        "density": N_("Density"),
        "components": N_("Separate parts (components)"),
        "largest_component": N_("Actors in the largest part"),
        "isolates": N_("Actors without ties"),
        "average_distance": N_("Average distance (steps)"),
        "transitivity": N_("Closed triangles (transitivity)"),
        "degree_centralisation": N_("Degree centralisation"),
        "assortativity_helix": N_("Ties within the own sector (assortativity)"),
        "ei_helix": N_("E-I index per helix sector"),
        "ei_department": N_("E-I index per department"),
    },
}


# The vocabulary of each controlled value's type, for values passed as message parameters.
VOCABULARY_OF: dict[type[StrEnum], str] = {
    HelixSector: "helix",
    ActorKind: "actor_kind",
    CoalitionKind: "coalition_kind",
    CoalitionStatus: "coalition_status",
    MemberRole: "member_role",
    TieType: "tie_type",
    Role: "role",
}


def label(vocabulary: str, value: object) -> str:
    """The English label of a stored value (to be passed through gettext), or the value itself."""
    key = getattr(value, "value", value)
    return LABELS.get(vocabulary, {}).get(str(key), str(key))


def in_sentence(value: StrEnum, gettext: Callable[[str], str]) -> str:
    """A controlled value's label for use inside a sentence ("is already lead of")."""
    vocabulary = VOCABULARY_OF.get(type(value))
    if vocabulary is None:
        return value.value
    text = gettext(label(vocabulary, value))
    return text[:1].lower() + text[1:]
