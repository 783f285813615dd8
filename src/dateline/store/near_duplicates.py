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
# The band index is cut from the signature's first BANDS * ROWS values: texts 0.7 similar share a
# band with probability ~0.9988 (1 - (1 - 0.7**3)**16), texts 0.3 similar in ~35% of cases and
# unrelated texts almost never (then the whole signatures tell them apart). Every stored article
# writes one index row per band, each at a random place in a large store: 16 bands of 3 cost half
# the writes of 32 bands of 4, for a recall at 0.7 of 0.9988 instead of 0.9999.
BANDS = 16
ROWS = 3
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


def band_keys(sig: np.ndarray) -> list[int]:
    """One key per band, so equal bands give equal keys (see ``band_key_matrix``); a key two bands
    happen to share is given once, as the store holds it once."""
    return list(dict.fromkeys(int(key) for key in band_key_matrix(sig.reshape(1, -1))[0]))


def band_key_matrix(sigs: np.ndarray) -> np.ndarray:
    """The band keys of many signatures at once (int64, one row per signature, one column per band).

    A band's values are MinHash values, already uniform 32-bit hashes: they are folded into one
    64-bit integer with the band's number mixed in, so that a key is a fixed-size integer the store
    indexes compactly. Two different bands sharing a key only add a candidate, which its signature
    then rules out."""
    values = sigs.astype(np.uint64)[:, : BANDS * ROWS].reshape(len(sigs), BANDS, ROWS)
    keys = (np.arange(BANDS, dtype=np.uint64) + np.uint64(1)) * _ODD
    for row in range(ROWS):
        keys = (keys * _ODD) ^ values[..., row]  # times an odd number: a bijection of 64-bit words
    return keys.view(np.int64)


_ODD = np.uint64(0x9E3779B97F4A7C15)  # 2**64 / golden ratio, odd


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
    by_band: dict[int, list[str]] = field(default_factory=dict)

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
