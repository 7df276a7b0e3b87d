"""What the Python adapters of `make bench-peers` share (the Node ones have peers.mjs): the command
line, reading a corpus written by `cargo bench --bench planted -- write`, and writing the
detections file that `cargo bench --bench planted -- score` reads (docs/bench.md, "Files, for
other tools"): a JSON list of pairs of spans, half-open UTF-8 byte offsets."""

import argparse
import json
from pathlib import Path


def args(description):
    """`ADAPTER DIR OUT.json [--min-words N]`."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("dir", type=Path, help="a corpus written by `planted -- write`")
    parser.add_argument("out", type=Path, help="the detections file to write")
    parser.add_argument("--min-words", type=int, default=5, help="the shortest passage reported, in words")
    return parser.parse_args()


def read_corpus(folder):
    """The statements, in the order of truth.json: (file name, text)."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    return [(name, (folder / name).read_text(encoding="utf-8")) for name in truth["files"]]


class Detections:
    """Detections of a corpus, given in characters (code points) and written in UTF-8 bytes."""

    def __init__(self, docs):
        self.docs = docs
        self.spans = []

    def add(self, i, a_start, a_end, j, b_start, b_end):
        self.spans.append(((i, a_start, a_end), (j, b_start, b_end)))

    def write(self, out):
        # Each document's offsets, converted in order: one pass over its text.
        offsets = {}
        for side in (s for pair in self.spans for s in pair):
            offsets.setdefault(side[0], set()).update(side[1:])
        byte = {}
        for doc, chars in offsets.items():
            text, at, count = self.docs[doc][1], 0, 0
            for c in sorted(chars):
                count += len(text[at:c].encode("utf-8"))
                byte[doc, c] = count
                at = c
        span = lambda s: {"doc": self.docs[s[0]][0], "start": byte[s[0], s[1]], "end": byte[s[0], s[2]]}
        out.write_text(json.dumps([{"a": span(a), "b": span(b)} for a, b in self.spans]), encoding="utf-8")
        print(f"{out}: {len(self.spans)} detections")
