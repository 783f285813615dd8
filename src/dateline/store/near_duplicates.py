"""Near-duplicate articles: the same wire story republished by other outlets with small edits.

A text's MinHash signature (datasketch, ``NUM_PERM`` permutations over its word five-grams) estimates
the Jaccard similarity of two texts' five-gram sets. The signature is cut into ``BANDS`` bands; two
texts sharing a whole band are candidates (locality-sensitive hashing), and a candidate whose
estimated similarity reaches ``SIMILARITY`` is a near-duplicate. The store keeps each extracted
article's signature and band keys (``signatures`` and ``bands`` tables), so a later copy is found
with one indexed lookup, and records the copy as a link to the first one instead of extracting it
again: counts of quotes and events are not inflated by republication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

NUM_PERM = 128
# Bands of NUM_PERM // BANDS = 4 rows: texts 0.7 similar share a band with probability ~0.9998
# (1 - (1 - 0.7**4)**32), texts 0.3 similar in ~23% of cases (then the signatures tell them apart).
BANDS = 32
# Estimated Jaccard of five-gram sets from which a text counts as a copy: a republication with a new
# headline, a dateline and a few words changed stays above it; two stories on one event stay far below.
SIMILARITY = 0.7
SHINGLE = 5
MIN_WORDS = 40  # shorter texts (briefs, headlines) share too much by chance to be judged
_WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature of ``text`` (uint32, ``NUM_PERM`` values), None for a short text."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    from datasketch import MinHash  # imports scipy: only for a run that stores articles

    minhash = MinHash(num_perm=NUM_PERM)  # fixed seed: the same text, the same signature, every run
    minhash.update_batch(
        [" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]
    )
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def band_keys(sig: np.ndarray) -> list[str]:
    """One key per band: its number and its values, so equal bands give equal keys."""
    rows = NUM_PERM // BANDS
    return [f"{b}:{sig[b * rows : (b + 1) * rows].tobytes().hex()}" for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of the texts behind two signatures."""
    return float(np.mean(a == b))


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


@dataclass
class RunIndex:
    """The originals of one run not yet committed: a copy may follow its original in the same run."""

    signatures: dict[str, np.ndarray] = field(default_factory=dict)
    by_band: dict[str, list[str]] = field(default_factory=dict)

    def add(self, article_id: str, sig: np.ndarray) -> None:
        self.signatures[article_id] = sig
        for key in band_keys(sig):
            self.by_band.setdefault(key, []).append(article_id)

    def candidates(self, sig: np.ndarray) -> dict[str, np.ndarray]:
        ids = {i for key in band_keys(sig) for i in self.by_band.get(key, [])}
        return {i: self.signatures[i] for i in ids}


def best_match(sig: np.ndarray, candidates: dict[str, np.ndarray], own_id: str) -> tuple[str, float] | None:
    """The most similar candidate at or over ``SIMILARITY`` (ties: the smallest id), never itself."""
    scored = sorted((-similarity(sig, other), i) for i, other in candidates.items() if i != own_id)
    if not scored or -scored[0][0] < SIMILARITY:
        return None
    score, best = scored[0]
    return best, round(-score, 3)
