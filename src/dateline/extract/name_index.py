"""Indexes of people's names, so that matching one name against an article's others costs no scan.

The entity stage asks, for every name it meets, which earlier name is the same person
(``clusters.same_person``) or ends the same way. Asked of every cluster in turn, that makes an
article's cost grow with the square of its length. These indexes map each way two names can match
(the same words, one ending the other, the same given name, the same first and last word, the
first of two family names, a surname one letter off) to the names that have it; a question looks up
the few names that can match and checks them with the rule itself, so the answers are exactly the
rule's.
"""

from __future__ import annotations

from collections.abc import Iterable

from dateline.extract.clusters import FIRST_SURNAME_NAME_WORDS, Cluster, same_person

Words = tuple[str, ...]
ONE_LETTER_OFF_MIN = 6  # clusters.one_letter_off compares words of at least this many letters


class Surnames:
    """A fixed set of people's names (lower-case words), asked what a name is to them."""

    def __init__(self, names: Iterable[Words]) -> None:
        self.names = set(names)
        self.endings = {name[-k:] for name in self.names for k in range(1, len(name))}
        self.given = {name[0] for name in self.names if len(name) > 1}

    def named_by(self, words: Words) -> bool:
        """``any(words == n or is_suffix(words, n) or first_name_of(words, n) for n in names)``."""
        return words in self.names or words in self.endings or (len(words) == 1 and words[0] in self.given)

    def ending(self, words: Words) -> bool:
        """``any(is_suffix(n, words) for n in names)``: one of the names ends ``words``."""
        return any(words[-k:] in self.names for k in range(1, len(words)))


class PersonIndex:
    """Clusters by the name words they hold (``Cluster.words``), for ``same_person`` questions.

    Every cluster made as a PERSON is added (``add``) in the order of the builder's cluster list,
    and moved (``rename``) whenever its words change; questions check the clusters found with
    ``same_person`` itself, and the caller checks whatever else it asks (type, anonymity)."""

    def __init__(self) -> None:
        self.position: dict[int, int] = {}  # id(cluster) -> its place in the order added
        self.clusters: list[Cluster] = []
        self.indexed: list[Words] = []  # the words each cluster is filed under
        self.keys: dict[object, set[int]] = {}

    def add(self, cluster: Cluster) -> None:
        self.position[id(cluster)] = len(self.clusters)
        self.clusters.append(cluster)
        self.indexed.append(cluster.words)
        self._file(len(self.clusters) - 1, cluster.words, add=True)

    def rename(self, cluster: Cluster) -> None:
        """Refile a cluster whose words changed."""
        at = self.position.get(id(cluster))
        if at is None or self.indexed[at] == cluster.words:
            return
        self._file(at, self.indexed[at], add=False)
        self.indexed[at] = cluster.words
        self._file(at, cluster.words, add=True)

    def matches(self, words: Words) -> list[Cluster]:
        """The clusters whose words are ``same_person`` as ``words``, in the order added."""
        if not words:
            return []
        found: set[int] = set()
        for key in _asked(words):
            found |= self.keys.get(key, set())
        return [self.clusters[at] for at in sorted(found) if same_person(words, self.clusters[at].words)]

    def _file(self, at: int, words: Words, *, add: bool) -> None:
        for key in _filed(words):
            if add:
                self.keys.setdefault(key, set()).add(at)
            else:
                self.keys[key].discard(at)


def _filed(words: Words) -> set[object]:
    """The keys a known name is filed under: one for each way ``same_person`` may match it."""
    if not words:
        return set()  # same_person matches no empty name
    keys: set[object] = {("is", words)}
    keys.update(("ends", words[-k:]) for k in range(1, len(words)))  # what ends it
    if len(words) > 1:
        keys.add(("given", words[0]))
        keys.add(("first-last", words[0], words[-1]))
        if len(words[-1]) >= ONE_LETTER_OFF_MIN:
            keys.add(("surname-shape", len(words[-1]), words[-1][0]))
    if len(words) == FIRST_SURNAME_NAME_WORDS:
        keys.add(("first-surname", words[1]))
    return keys


def _asked(words: Words) -> set[object]:
    """The keys under which a name that ``same_person`` matches with ``words`` is filed."""
    keys: set[object] = {("is", words), ("ends", words)}  # the same name; a name it ends
    keys.update(("is", words[-k:]) for k in range(1, len(words)))  # a name that ends it
    if len(words) == 1:
        keys.add(("given", words[0]))  # first_name_of(words, known)
        keys.add(("first-surname", words[0]))  # first_surname_of(words, known)
        if len(words[0]) >= ONE_LETTER_OFF_MIN:
            keys.add(("surname-shape", len(words[0]), words[0][0]))  # a misspelt surname
    else:
        keys.add(("is", words[:1]))  # first_name_of(known, words)
        keys.add(("first-last", words[0], words[-1]))
    return keys
