"""The entity builder's book: its clusters and their mentions, and the indexes that find them.

The builder (``entities``) and its joins (``entity_links``) ask, for every mention they make, which
cluster a token belongs to, which clusters were mentioned last before a token, which cluster has
a key or holds an office, which person a name is. Answered by a pass over every mention or cluster,
each question makes an article's cost grow with the square of its length. The book keeps the
mentions in text order with their starts beside them (bisection), how far a mention can reach from
its start (so that a walk back can stop), clusters by key, by name (``name_index.PersonIndex``) and
by office words, and answers each question exactly as the pass over everything would.
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter
from collections.abc import Callable, Iterator

from spacy.attrs import IDX
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from dateline.extract.clusters import Cluster, Mention, title_words
from dateline.extract.name_index import PersonIndex
from dateline.extract.text_spans import text_of


class EntityBook:
    """One article's clusters and mentions (``mentions``: in text order, each with its cluster)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.clusters: list[Cluster] = []
        self.mentions: list[tuple[Mention, Cluster]] = []
        self.mention_spans: set[tuple[int, int]] = set()
        self.used_tokens: set[int] = set()  # tokens already part of a mention or a title
        self.token_chars: list[int] = doc.to_array(IDX).tolist()  # each token's first character
        self.mention_starts: list[int] = []  # the start of each entry of ``mentions``
        self.mention_order: dict[int, int] = {}  # id(mention) -> when it was added
        self.mentions_of: Counter[int] = Counter()  # id(cluster) -> its entries in ``mentions``
        self.mentions_version = 0  # changes with every change to ``mentions``
        self.mention_tables: dict[str, tuple[int, dict[int, Cluster]]] = {}  # see _mention_table
        self.longest_mention = 0  # in characters
        self.head_after_start = self.head_before_start = 0  # in characters, at most (see _recent)
        self.position: dict[int, int] = {}  # id(cluster) -> its place in ``clusters``
        self.keyed: dict[str, Cluster] | None = {}  # key -> the first cluster with it (None: to redo)
        self.people = PersonIndex()
        self.offices: dict[tuple[str, str], set[int]] = {}  # see file_office

    # -- clusters --------------------------------------------------------------------------------

    def _find_or_new(self, key: str, type_: str, name: str) -> Cluster:
        """The first cluster with ``key``, else a new one."""
        if self.keyed is None:  # a key changed (see ``rekey``): file them all again
            self.keyed = {}
            for cluster in self.clusters:
                self.keyed.setdefault(cluster.key, cluster)
        found = self.keyed.get(key)
        return found if found is not None else self.new_cluster(type_, name, key)

    def new_cluster(self, type_: str, name: str, key: str) -> Cluster:
        cluster = Cluster(type=type_, name=name, key=key)
        self.clusters.append(cluster)
        self.position[id(cluster)] = len(self.clusters) - 1
        cluster.on_office = self.file_office
        if self.keyed is not None:
            self.keyed.setdefault(key, cluster)
        if type_ == "PERSON":
            self.people.add(cluster)
        return cluster

    def file_office(self, cluster: Cluster) -> None:
        """File a cluster under the words a description may match it by (``entities._holds_office``): its
        own description's head lemma, and every word of its titles. Called whenever they change."""
        at = self.position[id(cluster)]
        keys = [("title", word) for title in cluster.titles for word in title_words(title)]
        if cluster.head_lemma:
            keys.append(("lemma", cluster.head_lemma))
        for key in keys:
            self.offices.setdefault(key, set()).add(at)

    def rekey(self, cluster: Cluster, key: str) -> None:
        cluster.key = key
        self.keyed = None

    # -- mentions -------------------------------------------------------------------------------

    def _recent_clusters(self, before: int) -> list[Cluster]:
        """Clusters by their latest mention before token ``before``, nearest first: by the head of
        the last of their mentions (in ``mentions``) headed before it, then by the first."""
        latest: dict[int, tuple[int, Cluster]] = {}
        for mention, cluster in self.mentions:
            if mention.head < before:
                latest[id(cluster)] = (mention.head, cluster)
        return [c for _, c in sorted(latest.values(), key=lambda pair: -pair[0])]

    def _offices_named(self, lemma: str) -> set[int]:
        """The clusters (by place) that a description headed by ``lemma`` may name: those it can
        match by ``_holds_office``, filed by ``file_office``."""
        return self.offices.get(("lemma", lemma), set()) | self.offices.get(("title", lemma), set())

    def _recent_among(self, before: int, among: set[int]) -> list[Cluster]:
        """The clusters at ``among`` in the order of ``_recent_clusters(before)``: by the head of
        the last of their mentions (in the order of ``mentions``: by start, then as added) headed
        before ``before``, nearest first, then by the first of them; those with none left out."""
        ranked = []
        for at in among:
            cluster = self.clusters[at]
            placed = [
                ((m.start, self.mention_order[id(m)]), m.head) for m in cluster.mentions if m.head < before
            ]
            if placed:
                ranked.append((-max(placed)[1], min(placed)[0], at))
        return [self.clusters[at] for *_, at in sorted(ranked)]

    def _recent(self, before: int) -> Iterator[Cluster]:
        """``_recent_clusters(before)`` one at a time, walking back from ``before`` only as far as the
        caller reads (it stops at the cluster it looks for) instead of over every mention.

        Walking ``mentions`` backwards, a cluster first met is met at the last of its mentions, so
        its place in the order is known; it is given out once no mention not yet met can be headed
        at or after its head: mentions start at most ``head_after_start`` characters before their
        head. Two clusters last mentioned at the same token are ordered by their first mentions,
        which only the whole list tells: then the rest comes from ``_recent_clusters``."""
        starts, chars = self.mention_starts, self.token_chars
        # A mention headed before ``before`` starts at most ``head_before_start`` after its head.
        position = bisect.bisect_left(starts, chars[before] + self.head_before_start) - 1
        met: set[int] = set()
        waiting: list[tuple[int, int, Cluster]] = []  # (-head, order met, cluster): a heap
        given = 0
        while True:
            reach = starts[position] + self.head_after_start if position >= 0 else -1
            while waiting and (position < 0 or chars[-waiting[0][0]] > reach):
                head, _, cluster = heapq.heappop(waiting)
                if waiting and waiting[0][0] == head:
                    yield from self._recent_clusters(before)[given:]
                    return
                given += 1
                yield cluster
            if position < 0:
                return
            mention, cluster = self.mentions[position]
            position -= 1
            if mention.head < before and id(cluster) not in met:
                met.add(id(cluster))
                heapq.heappush(waiting, (-mention.head, len(met), cluster))

    def _add_mention(
        self, cluster: Cluster, start: int, end: int, head: int, kind: str, span: SpacySpan | None
    ) -> None:
        if (start, end) in self.mention_spans:
            return
        self.mention_spans.add((start, end))
        mention = Mention(start, end, head, kind)
        self.mention_order[id(mention)] = len(self.mention_order)
        cluster.mentions.append(mention)
        at = bisect.bisect_right(self.mention_starts, start)  # as bisect.insort keyed by start
        self.mentions.insert(at, (mention, cluster))
        self.mention_starts.insert(at, start)
        self.mentions_of[id(cluster)] += 1
        self.mentions_version += 1
        self.longest_mention = max(self.longest_mention, end - start)
        head_char = self.token_chars[head]
        self.head_after_start = max(self.head_after_start, head_char - start)
        self.head_before_start = max(self.head_before_start, start - head_char)
        self.used_tokens.update(range(span.start, span.end) if span is not None else [head])

    def _cluster_at(self, token_index: int) -> Cluster | None:
        """The cluster of the first mention (in ``mentions``) holding the token's first character.
        Only mentions starting within the longest mention's length before it can."""
        char = self.token_chars[token_index]
        low = bisect.bisect_right(self.mention_starts, char - self.longest_mention)
        high = bisect.bisect_right(self.mention_starts, char)
        for mention, cluster in self.mentions[low:high]:
            if mention.start <= char < mention.end:
                return cluster
        return None

    def _mention_table(
        self, name: str, make: Callable[[list[tuple[Mention, Cluster]]], dict[int, Cluster]]
    ) -> dict[int, Cluster]:
        """``make(mentions)``, made again only once the mentions have changed (``mentions_version``)."""
        version, table = self.mention_tables.get(name, (-1, {}))
        if version != self.mentions_version:
            table = make(self.mentions)
            self.mention_tables[name] = (self.mentions_version, table)
        return table

    def _relabel(self, moved: list[Mention], source: Cluster, target: Cluster) -> None:
        """``mentions`` as a new list, ``target`` in place of ``source``. The entries are found by
        their start (``mention_starts``) rather than by a pass over every mention, which per merge
        made long articles cost the square of their length; should the moved mentions not be all of
        ``source``'s entries, every entry is looked at."""
        mentions, starts = list(self.mentions), self.mention_starts
        relabelled = 0
        for mention in moved:
            at = bisect.bisect_left(starts, mention.start)
            while at < len(mentions) and starts[at] == mention.start:
                if mentions[at][0] is mention and mentions[at][1] is source:
                    mentions[at] = (mention, target)
                    relabelled += 1
                    break
                at += 1
        if relabelled != self.mentions_of[id(source)]:
            mentions = [(m, target if c is source else c) for m, c in self.mentions]
        self.mentions = mentions
        self.mentions_of[id(target)] += self.mentions_of.pop(id(source), 0)
        self.mentions_version += 1
