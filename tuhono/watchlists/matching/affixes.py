"""Name parts that share a name-forming word: 'Hamidullah' and 'Waliullah' share most of their
letters only because both end in 'ullah' (of God); the names are Hamid and Wali."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import OSA

# Name-forming words written into a name part: the theophoric endings of Arabic and Persian names
# (Hamidullah, Shamsuddin), the 'abd' prefix (Abdurrahim), the Nordic and Georgian family-name
# endings (Jónsdóttir, Margoshvili). Two parts that share one are compared on what is left.
NAME_SUFFIXES = ("ullah", "ulla", "allah", "uddin", "eddin", "addin", "udin", "dottir", "dotter", "shvili")
NAME_PREFIXES = ("abdul", "abdur", "abdel", "abdol", "abdu", "abd")
MIN_STEM = 3


def _shared_affix_stems(a: str, b: str) -> tuple[str, str] | None:
    for suffix in NAME_SUFFIXES:
        if a.endswith(suffix) and b.endswith(suffix):
            sa, sb = a[: -len(suffix)], b[: -len(suffix)]
            return (sa, sb) if min(len(sa), len(sb)) >= MIN_STEM else None
    for prefix in NAME_PREFIXES:
        if a.startswith(prefix) and b.startswith(prefix):
            sa, sb = a[len(prefix) :], b[len(prefix) :]
            return (sa, sb) if min(len(sa), len(sb)) >= MIN_STEM else None
    return None


@lru_cache(maxsize=100000)
def different_stems(a: str, b: str, floor: float) -> float | None:
    """The similarity of two name parts that share a name-forming affix but whose own parts are
    different names (Hamid / Wali in Hamidullah / Waliullah), or None when that is not the case.
    A typo in one of them ('Hamidullah' / 'Hamidulah', 'Hamidullah' / 'Hamedullah') keeps the
    stems close and is left to the usual comparison."""
    stems = _shared_affix_stems(a, b)
    if stems is None or stems[0] == stems[1]:
        return None
    similarity = OSA.normalized_similarity(*stems)
    return similarity if similarity < floor else None
