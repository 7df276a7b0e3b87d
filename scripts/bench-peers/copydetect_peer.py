"""copydetect as a passage finder, through its API (`CopyDetector`), as its documentation shows:
every statement is a test file and a reference file; `disable_filtering=True`, since prose is not
code (its Pygments filter would leave a .txt file as it is anyway); the noise and guarantee
thresholds at their defaults (25 characters: about four words). After `run()`, each pair of
statements with copied slices gives one detection per pair of slices (one in each statement)
that share one of the fingerprints copydetect matched (copydetect highlights the slices of each
side apart; the shared fingerprints say which slice answers which)."""

import numpy as np
from copydetect import CopyDetector

from peers import Detections, args, read_corpus


def main():
    options = args(__doc__.splitlines()[0])
    docs = read_corpus(options.dir)
    index = {str(options.dir / name): k for k, (name, _) in enumerate(docs)}
    detector = CopyDetector(
        test_dirs=[str(options.dir)],
        ref_dirs=[str(options.dir)],
        extensions=["txt"],
        disable_filtering=True,
        autoopen=False,
        silent=True,
    )
    detector.run()
    found = Detections(docs)
    for (f1, f2), (slices1, slices2) in detector.slice_matrix.items():
        a, b = index[f1], index[f2]
        fp1, fp2 = detector.file_data[f1], detector.file_data[f2]
        linked = set()
        for h in fp1.hashes & fp2.hashes:
            for i in fp1.hash_idx[h]:
                s1 = np.searchsorted(slices1[0], i, side="right") - 1
                for j in fp2.hash_idx[h]:
                    linked.add((s1, np.searchsorted(slices2[0], j, side="right") - 1))
        for s1, s2 in sorted(linked):
            found.add(a, int(slices1[0][s1]), int(slices1[1][s1]), b, int(slices2[0][s2]), int(slices2[1][s2]))
    found.write(options.out)


if __name__ == "__main__":
    main()
