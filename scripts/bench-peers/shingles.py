"""The plain baseline of `make bench-peers`: an index of word 5-grams (standard library only).

Words are runs of word characters (`\\w+`), case-folded. Every 5-gram shared by two statements is
a match; per pair of statements, matches on one diagonal or a few words apart are merged into
passages (the next match starts at most GAP words after the passage ends, in both statements),
and each passage of at least --min-words words is a detection."""

import re
from array import array
from collections import defaultdict

from peers import Detections, args, read_corpus

N = 5  # words in a shingle
GAP = 3  # words an edit may leave between two matches of one passage


def main():
    options = args(__doc__.splitlines()[0])
    docs = read_corpus(options.dir)
    spans = []  # per statement, each word's start and end (characters)
    index = defaultdict(list)  # hash of a shingle -> [doc << 32 | position]
    for d, (_, text) in enumerate(docs):
        ms = list(re.finditer(r"\w+", text))
        spans.append((array("l", (m.start() for m in ms)), array("l", (m.end() for m in ms))))
        ws = [m.group().casefold() for m in ms]
        for p in range(len(ws) - N + 1):
            index[hash(" ".join(ws[p : p + N]))].append(d << 32 | p)
    matches = defaultdict(list)  # (doc a, doc b) -> [(position in a, position in b)]
    for places in index.values():
        for k, x in enumerate(places):
            for y in places[k + 1 :]:
                if x >> 32 != y >> 32:
                    matches[x >> 32, y >> 32].append((x & 0xFFFFFFFF, y & 0xFFFFFFFF))
    del index
    found = Detections(docs)
    for (a, b), pq in matches.items():
        pq.sort()
        passages = []  # [start a, end a, start b, end b] in words, ends exclusive
        for p, q in pq:
            for s in reversed(passages[-8:]):
                if s[0] <= p <= s[1] + GAP and s[2] <= q <= s[3] + GAP:
                    s[1], s[3] = max(s[1], p + N), max(s[3], q + N)
                    break
            else:
                passages.append([p, p + N, q, q + N])
        for sa, ea, sb, eb in passages:
            if min(ea - sa, eb - sb) >= options.min_words:
                found.add(a, spans[a][0][sa], spans[a][1][ea - 1], b, spans[b][0][sb], spans[b][1][eb - 1])
    found.write(options.out)


if __name__ == "__main__":
    main()
