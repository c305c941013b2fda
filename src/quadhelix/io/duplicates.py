"""Finding probable duplicate actors: the same KBO number, or names that mean the same body.

Names are compared after normalising case, accents, punctuation, legal forms (vzw, v.z.w., bv,
asbl ...), honorifics (Koninklijke) and stop words, then word by word with a similarity ratio
(difflib's Ratcliff/Obershelp) so that typos, spacing and word order do not hide a duplicate.
Measured on the Flemish association register's own duplicate test set (``benchmarks/imports.py``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from sqlalchemy import Connection, select

from quadhelix.io.bulk import TABLES
from quadhelix.registry.messages import Figure, Message, message
from quadhelix.registry.names import fold

LEGAL_FORMS = frozenset(
    [
        "vzw",
        "ivzw",
        "asbl",
        "aisbl",
        "vog",
        "bv",
        "bvba",
        "nv",
        "sa",
        "cv",
        "cvba",
        "cvoa",
        "sprl",
        "srl",
        "scrl",
        "sc",
        "vof",
        "snc",
        "commv",
        "comm",
        "scs",
        "esv",
        "gie",
        "fv",
        "ps",
        "son",
    ]
)
HONORIFICS = frozenset(["koninklijke", "koninklijk", "kon", "royal", "royale"])
STOP_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "van",
        "der",
        "den",
        "des",
        "en",
        "voor",
        "op",
        "in",
        "te",
        "t",
        "s",
        "the",
        "of",
        "and",
        "for",
        "a",
        "an",
        "la",
        "le",
        "les",
        "l",
        "du",
        "d",
        "et",
    ]
)
# Words that say what kind of body it is, not which one: sharing only these proves nothing.
GENERIC = frozenset(
    [
        "chiro",
        "ksa",
        "klj",
        "kljs",
        "scouts",
        "scouting",
        "gidsen",
        "club",
        "vereniging",
        "fanfare",
        "harmonie",
        "koor",
        "buurtcomite",
        "comite",
        "okra",
        "samana",
        "ferm",
        "feest",
        "raad",
        "vrienden",
    ]
)
SIMILAR_WORD = 0.8
SIMILAR_NAME = 0.8
MAX_BLOCK = 60
_ABBREVIATION = re.compile(r"\b(?:[a-z]\.){2,}(?:[a-z]\b\.?)?")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def _all_words(name: str) -> tuple[str, ...]:
    """Every word of a name, folded, with abbreviations such as ``v.z.w.`` written together."""
    text = fold(name)
    text = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)
    return tuple(_NON_WORD.sub(" ", text).split())


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """The words that identify a body: ``Koninklijke Fanfare Sint-Cecilia v.z.w.`` ->
    ``('fanfare', 'sint', 'cecilia')``."""
    words = _all_words(name)
    kept = tuple(
        w
        for w in words
        if w not in LEGAL_FORMS and w not in HONORIFICS and w not in STOP_WORDS and len(w) > 2
    )
    return kept or tuple(words)


@lru_cache(maxsize=262144)
def _word_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if min(len(a), len(b)) >= 5 and (
        a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)
    ):
        return 0.9  # a Dutch compound and one of its parts: chiromeisjes ~ chiro
    if 2 * min(len(a), len(b)) < SIMILAR_WORD * (len(a) + len(b)):
        return 0.0  # too different in length to reach the threshold
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() < SIMILAR_WORD:
        return 0.0
    return matcher.ratio()


def _matched(short: Sequence[str], long: Sequence[str]) -> list[tuple[str, str, float]]:
    """Greedy best one-to-one matching of words whose similarity reaches ``SIMILAR_WORD``."""
    free = list(long)
    pairs = []
    for word in sorted(short, key=len, reverse=True):
        best, score = None, 0.0
        for candidate in free:
            similarity = _word_similarity(word, candidate)
            if similarity > score:
                best, score = candidate, similarity
        if best is not None and score >= SIMILAR_WORD:
            free.remove(best)
            pairs.append((word, best, score))
    return pairs


def _left_out(name: str) -> list[str]:
    """Words ``name_words`` drops that still tell bodies apart: stop words and short words after
    the first identifying word (``een`` in ``Import Een`` is a number, not an article), but no
    legal forms, honorifics or leading articles."""
    words = _all_words(name)
    kept = set(name_words(name))
    first = next((i for i, w in enumerate(words) if w in kept), len(words))
    return [
        w for w in words[first:] if w not in kept and w not in LEGAL_FORMS and w not in HONORIFICS
    ]


def _contains(short: str, long: str) -> bool:
    """Whether the longer name holds every word of the shorter one that tells bodies apart."""
    rest = set(_all_words(long))
    return all(word in rest for word in _left_out(short))


def same_name(a: str, b: str) -> Message | None:
    """Why two names probably name the same body, or None. Symmetric.

    The reason is English (``quadhelix actors duplicates`` prints it) and a message id for pages.
    """
    wa, wb = name_words(a), name_words(b)
    if wa == wb:
        return message("same name")
    if "".join(wa) == "".join(wb) or sorted(wa) == sorted(wb):
        return message("same words")
    (short, short_name), (long, long_name) = sorted(((wa, a), (wb, b)), key=lambda w: len(w[0]))
    pairs = _matched(short, long)
    total = sum(len(w) for w in wa) + sum(len(w) for w in wb)
    score = sum((len(x) + len(y)) * s for x, y, s in pairs) / total if total else 0.0
    if score >= SIMILAR_NAME:
        return message("similar names (%(score)s)", score=Figure(score))
    distinctive = [x for x, _y, _s in pairs if x not in GENERIC]
    if (
        len(pairs) == len(short)
        and sum(len(x) for x in distinctive) >= 4
        and _contains(short_name, long_name)
    ):
        return message("one name contains the other")
    return None


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    kbo: str | None
    external_id: str | None


@dataclass(frozen=True)
class DuplicatePair:
    first: Candidate
    second: Candidate
    reason: Message


def _blocks(candidate: Candidate) -> set[str]:
    words = name_words(candidate.name)
    keys = {"w:" + w for w in words if w not in GENERIC}
    keys |= {"p:" + w[:3] for w in words}
    keys |= {"s:" + w[-5:] for w in words if len(w) > 5}
    keys.add("c:" + "".join(words))
    if candidate.kbo:
        keys.add("k:" + candidate.kbo)
    return keys


def find_pairs(
    candidates: Sequence[Candidate], among: Iterable[int] | None = None
) -> list[DuplicatePair]:
    """Probable duplicate pairs; with ``among``, only pairs involving one of those ids.

    Candidates are compared only within blocks (a shared word, word prefix or KBO number); blocks
    larger than ``MAX_BLOCK`` are too common to tell anything and are skipped.
    """
    blocks: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        for key in _blocks(candidate):
            blocks[key].append(candidate)
    focus = None if among is None else set(among)
    seen: set[tuple[int, int]] = set()
    pairs: list[DuplicatePair] = []
    for key, members in blocks.items():
        if len(members) < 2 or (len(members) > MAX_BLOCK and not key.startswith("k:")):
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = (min(a.id, b.id), max(a.id, b.id))
                if pair in seen or (focus is not None and a.id not in focus and b.id not in focus):
                    continue
                seen.add(pair)
                if a.kbo and a.kbo == b.kbo:
                    reason: Message | None = message("same KBO number")
                else:
                    reason = same_name(a.name, b.name)
                if reason is not None:
                    first, second = (a, b) if a.id < b.id else (b, a)
                    pairs.append(DuplicatePair(first, second, reason))
    return sorted(pairs, key=lambda p: (p.first.id, p.second.id))


def load_candidates(connection: Connection) -> list[Candidate]:
    table = TABLES["actor"]
    rows = connection.execute(
        select(table.c.id, table.c.name, table.c.kbo, table.c.external_id).order_by(table.c.id)
    )
    return [Candidate(*row) for row in rows]


def find_duplicates(connection: Connection) -> list[DuplicatePair]:
    """Every probable duplicate pair in the registry (``quadhelix actors duplicates``)."""
    return find_pairs(load_candidates(connection))


def duplicates_of(connection: Connection, actor_ids: Sequence[int]) -> list[tuple[str, str, str]]:
    """Pairs between just-imported actors and all others, for the import report."""
    if not actor_ids:
        return []
    pairs = find_pairs(load_candidates(connection), among=actor_ids)
    return [
        (f"#{p.first.id} {p.first.name}", f"#{p.second.id} {p.second.name}", p.reason)
        for p in pairs
    ]
