"""`make bench-peers`: refrain and the tools a user would otherwise use, on the same generated
statements with planted passages, scored with the same PAN scorer (docs/bench.md, "Peers").

Steps: build the planted bench (`cargo bench --bench planted --no-run`); install the pinned peers
into target/bench-peers/ (`npm ci` of package-lock.json, a virtual environment with
requirements.txt), unless already installed from the same files; then for each size: write a
corpus with the project's generator (`planted -- write`), run each tool in a process of its own
with a time limit (wall time, CPU time and peak resident set of the process and its children,
from wait4), score its detections file (`planted -- score`), and finally rewrite the generated
part of docs/bench.md's "Peers" section (between its markers) with the tables, the machine, the
versions and the date. Everything it writes besides is in target/bench-peers/ (corpora,
detections, logs, results.json). A tool that exceeds the limit at one size is not run at the
larger ones.

Options: --sizes 5x500,50x2000,200x5000,2000x5000 (statements x words), --limit SECONDS (120),
--seed S (1), --min-words N (5), --tools refrain,shingles,... (all), --no-docs (leave
docs/bench.md alone), --from-results (measure nothing: rewrite the tables from the last
target/bench-peers/results.json)."""

import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCRATCH = ROOT / "target" / "bench-peers"
DOCS = ROOT / "docs" / "bench.md"
BEGIN = "<!-- bench-peers: the lines from here to the end marker are written by scripts/bench-peers/run.py -->"
END = "<!-- /bench-peers -->"
EDITS = ["none", "insert", "delete", "substitute", "synonym", "swap", "case", "punctuation", "nbsp", "nfkc", "sentence-end"]


# ---------------------------------------------------------------------------------------------
# The tools


class Tool:
    def __init__(self, key, name, how, command):
        self.key, self.name, self.how, self.command = key, name, how, command
        self.version = "?"


def tools(bench, min_words):
    """The tools in table order; `command(dir, out)` is the process to time."""
    node = lambda script, *extra: lambda d, o: ["node", str(SCRATCH / "npm" / script), d, o, *extra]
    mw = ["--min-words", str(min_words)]
    return [
        Tool("refrain", "refrain", f"every family, `min_words` {min_words}", lambda d, o: [bench, "detect", d, o, *mw]),
        Tool(
            "shingles",
            "5-gram shingles",
            "word 5-grams, gaps of 3 words",
            lambda d, o: [sys.executable, str(HERE / "shingles.py"), d, o, *mw],
        ),
        Tool("dolos", "Dolos", "`char` language, defaults", node("dolos.mjs")),
        Tool(
            "copydetect",
            "copydetect",
            "`disable_filtering`, defaults",
            lambda d, o: [str(SCRATCH / "venv" / "bin" / "python"), str(HERE / "copydetect_peer.py"), d, o],
        ),
        Tool("dmp", "diff-match-patch", "word mode, all pairs", node("dmp.mjs", *mw)),
        Tool("jsdiff", "jsdiff", "`diffWords`, all pairs", node("jsdiff.mjs", *mw)),
    ]


# ---------------------------------------------------------------------------------------------
# Setting up


def say(message):
    print(f"bench-peers: {message}", flush=True)


def run(command, **kwargs):
    say(" ".join(str(c) for c in command))
    return subprocess.run(command, check=True, **kwargs)


def build_bench():
    """Builds the planted bench; returns its executable."""
    out = run(
        ["cargo", "bench", "--bench", "planted", "--no-run", "--message-format=json-render-diagnostics"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    for line in out.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "planted":
            if message.get("executable"):
                return message["executable"]
    raise SystemExit("bench-peers: cargo built no `planted` bench executable")


def installed(folder, sources, install):
    """Runs `install` unless `folder` holds a stamp of the same `sources`."""
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()
    stamp = folder / ".installed-from"
    if stamp.exists() and stamp.read_text() == digest:
        say(f"{folder.relative_to(ROOT)}: installed from the same {', '.join(p.name for p in sources)}")
        return
    install()
    stamp.write_text(digest)


def install_peers():
    npm = SCRATCH / "npm"
    npm.mkdir(parents=True, exist_ok=True)
    locks = [HERE / "package.json", HERE / "package-lock.json"]

    def npm_ci():
        for p in locks:
            shutil.copy(p, npm / p.name)
        # No install scripts: Dolos's tree-sitter parsers are native code that its char language
        # (the one measured) never loads.
        run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=npm)
        # Dolos imports tree-sitter even so; where its prebuilt binary does not load (it needs the
        # libstdc++ of GCC 13, newer than Debian 12's), build it from source with Node's own headers.
        loads = subprocess.run(["node", "-e", "require('tree-sitter')"], cwd=npm, capture_output=True)
        if loads.returncode != 0:
            headers = Path(shutil.which("node")).resolve().parent.parent
            gyp = npm / "node_modules" / ".bin" / "node-gyp"
            run([str(gyp), "rebuild", f"--nodedir={headers}"], cwd=npm / "node_modules" / "tree-sitter")

    installed(npm, locks, npm_ci)
    for script in HERE.glob("*.mjs"):
        shutil.copy(script, npm / script.name)

    venv = SCRATCH / "venv"

    def pip():
        if not (venv / "bin" / "python").exists():
            run([sys.executable, "-m", "venv", str(venv)])
        run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "-r", str(HERE / "requirements.txt")])

    venv.mkdir(parents=True, exist_ok=True)
    installed(venv, [HERE / "requirements.txt"], pip)


def versions(all_tools):
    def npm_version(package):
        return json.loads((SCRATCH / "npm" / "node_modules" / package / "package.json").read_text())["version"]

    cargo = (ROOT / "Cargo.toml").read_text()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "src", "benches", "Cargo.toml", "Cargo.lock"],
                           cwd=ROOT, capture_output=True, text=True).stdout
    refrain = re.search(r'^version\s*=\s*"([^"]+)"', cargo, re.M).group(1)
    copydetect = subprocess.run(
        [str(SCRATCH / "venv" / "bin" / "python"), "-c", "import importlib.metadata as m; print(m.version('copydetect'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    found = {
        "refrain": f"{refrain} ({commit.strip()}{', modified' if dirty else ''})",
        "shingles": f"Python {platform.python_version()}",
        "dolos": npm_version("@dodona/dolos-lib"),
        "copydetect": copydetect,
        "dmp": npm_version("diff-match-patch"),
        "jsdiff": npm_version("diff"),
    }
    for t in all_tools:
        t.version = found[t.key]
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return {"refrain": found["refrain"], "node": node, "python": platform.python_version(), "rustc": rustc}


def machine():
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    return {"cores": os.cpu_count(), "cpu": cpu, "memory": memory, "system": f"{platform.system()} {platform.release()}"}


# ---------------------------------------------------------------------------------------------
# Measuring


def timed(command, log, limit):
    """Runs `command` in a session of its own (stdout and stderr to `log`); kills the session at
    `limit` seconds. Returns (exit status or None when killed, wall seconds, CPU seconds, peak
    resident set in bytes of the process and its children)."""
    with open(log, "w") as out:
        out.write("$ " + " ".join(command) + "\n")
        out.flush()
        start = time.monotonic()
        child = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        killed = False
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid == child.pid:
                break
            if time.monotonic() - start > limit and not killed:
                os.killpg(child.pid, signal.SIGKILL)
                killed = True
            time.sleep(0.02)
        wall = time.monotonic() - start
        child.returncode = os.waitstatus_to_exitcode(status)
    return (None if killed else child.returncode), wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def score(bench, corpus, detections):
    """The scorer's figures for a detections file: the measures, and per edit kind (cases, share
    of cases found, mean share of their characters found)."""
    out = subprocess.run([bench, "score", str(corpus), str(detections)], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip() or out.stdout.strip())
    lines = out.stdout.splitlines()
    name = detections.name
    row = next(line.split() for line in lines if line.split()[:1] == [name])
    figures = {
        "detections": int(row[-5]),
        "precision": float(row[-4]),
        "recall": float(row[-3]),
        "granularity": float(row[-2]),
        "plagdet": float(row[-1]),
        "kinds": {},
    }
    for line in lines:
        cells = line.split()
        if cells and cells[0] in EDITS and len(cells) == 5:
            found = None if cells[2] == "-" else (float(cells[2].rstrip("%")), float(cells[3].rstrip("%")))
            figures["kinds"][cells[0]] = {"cases": int(cells[1]), "found": found}
    if set(figures["kinds"]) != set(EDITS):
        raise RuntimeError(f"the scorer's table per edit kind was not understood:\n{out.stdout}")
    return figures


def measure(bench, all_tools, sizes, limit, seed):
    results = []
    stopped = {}  # tool key -> why it is not run at larger sizes
    for docs, words in sizes:
        corpus = SCRATCH / "corpora" / f"{docs}x{words}"
        shutil.rmtree(corpus, ignore_errors=True)
        written = run(
            [bench, "write", str(corpus), "--docs", str(docs), "--words", str(words), "--seed", str(seed)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout
        described = next(line for line in written.splitlines() if line.startswith("wrote ")).split(": ", 1)[1]
        model = next(line for line in written.splitlines() if line.startswith("text model: "))
        size = {"docs": docs, "words": words, "corpus": described, "text_model": model, "tools": {}}
        say(f"{docs} x {words} words: {described}")
        for t in all_tools:
            if t.key in stopped:
                size["tools"][t.key] = {"status": "skipped", "why": stopped[t.key]}
                continue
            out = SCRATCH / "detections" / f"{docs}x{words}" / f"{t.key}.json"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.unlink(missing_ok=True)
            log = SCRATCH / "logs" / f"{docs}x{words}-{t.key}.log"
            log.parent.mkdir(parents=True, exist_ok=True)
            load = os.getloadavg()[0]
            code, wall, cpu, peak = timed(t.command(str(corpus), str(out)), log, limit)
            entry = {"wall": wall, "cpu": cpu, "peak": peak, "load": load}
            if code is None:
                entry["status"] = "limit"
                stopped[t.key] = f"> {limit:g} s at {docs:,} x {words:,}"
            elif code != 0:
                lines = log.read_text(errors="replace").strip().splitlines()[1:] or ["?"]
                errors = [line for line in lines if re.search(r"error|Error|Killed|memory", line)]
                entry.update(status="failed", why=f"exit {code}: {(errors or lines)[-1].strip()[:200]}")
                stopped[t.key] = f"failed at {docs:,} x {words:,}"
            else:
                entry.update(status="ok", **score(bench, corpus, out))
            size["tools"][t.key] = entry
            shown = {k: entry[k] for k in ("status", "detections", "precision", "recall", "plagdet", "why") if k in entry}
            say(f"  {t.name}: {wall:.2f} s, CPU {cpu:.2f} s, peak {peak / 2**20:.0f} MiB, {shown}")
        results.append(size)
    return results


# ---------------------------------------------------------------------------------------------
# The tables


def seconds(s):
    return f"{s:.2f} s" if s < 10 else f"{s:.1f} s" if s < 100 else f"{s:.0f} s"


def markdown(results, all_tools, info):
    limit = info["limit"]
    m = info["machine"]
    lines = [
        BEGIN,
        "",
        f"Measured on {info['date']} by `make bench-peers` ({info['minutes']:.0f} min in all) at refrain "
        f"{info['runtimes']['refrain']}, on {m['cores']} cores ({m['cpu']}), {m['memory']}, {m['system']}; "
        f"load average {info['load_start']:.1f} at the start and {info['load_end']:.1f} at the end. The machine "
        "was shared with other work: wall times are noisy, CPU times (user + system, the process and its "
        "children) steadier. Seed "
        f"{info['seed']}, time limit {limit:g} s per tool and size, passages of at least {info['min_words']} words. "
        f"Node {info['runtimes']['node']}, Python {info['runtimes']['python']}, {info['runtimes']['rustc']}.",
        "",
        "Peak memory: the highest resident set of the tool's process and its children. Time: the whole "
        "process (starting, reading the files, finding, writing the detections file).",
    ]
    for size in results:
        lines += [
            "",
            f"### {size['docs']:,} statements x {size['words']:,} words",
            "",
            f"{size['corpus']}.",
            "",
            "| tool | version | setting | time | CPU time | peak memory | detections | precision | recall | granularity | plagdet |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for t in all_tools:
            e = size["tools"].get(t.key)
            if e is None:
                continue
            head = f"| {t.name} | {t.version} | {t.how} |"
            if e["status"] == "ok":
                lines.append(
                    f"{head} {seconds(e['wall'])} | {seconds(e['cpu'])} | {e['peak'] / 2**20:,.0f} MiB | "
                    f"{e['detections']:,} | {e['precision']:.3f} | {e['recall']:.3f} | {e['granularity']:.3f} | "
                    f"**{e['plagdet']:.3f}** |"
                )
            elif e["status"] == "limit":
                lines.append(
                    f"{head} > {limit:g} s | {seconds(e['cpu'])} when stopped | {e['peak'] / 2**20:,.0f} MiB when stopped "
                    "| | | | | - |"
                )
            elif e["status"] == "failed":
                lines.append(f"{head} {seconds(e['wall'])} | | {e['peak'] / 2**20:,.0f} MiB | | | | | failed: {e['why']} |")
            else:
                lines.append(f"{head} not run ({e['why']}) | | | | | | | - |")
    one = [s for s in results if s["docs"] * s["words"] == 1_000_000] or results[-1:]
    for size in one:
        done = [t for t in all_tools if size["tools"].get(t.key, {}).get("status") == "ok"]
        if not done:
            continue
        lines += [
            "",
            f"Per edit kind at {size['docs']:,} x {size['words']:,} words: cases with one copy so edited (`none`: "
            "both copies exact), the share of them found at all / the mean share of their characters found.",
            "",
            "| edit | cases | " + " | ".join(t.name for t in done) + " |",
            "| --- | --- | " + " | ".join("---" for _ in done) + " |",
        ]
        for kind in EDITS:
            cases = size["tools"][done[0].key]["kinds"][kind]["cases"]
            cells = []
            for t in done:
                found = size["tools"][t.key]["kinds"][kind]["found"]
                cells.append("-" if found is None else f"{found[0]:.1f}% / {found[1]:.1f}%")
            lines.append(f"| `{kind}` | {cases} | " + " | ".join(cells) + " |")
    lines += ["", END]
    return "\n".join(lines)


def write_docs(section):
    text = DOCS.read_text()
    if BEGIN in text and END in text:
        before, rest = text.split(BEGIN, 1)
        after = rest.split(END, 1)[1]
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n## Peers\n\n" + section + "\n"
    DOCS.write_text(text)
    say(f"wrote {DOCS.relative_to(ROOT)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5x500,50x2000,200x5000,2000x5000")
    parser.add_argument("--limit", type=float, default=120)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--min-words", type=int, default=5)
    parser.add_argument("--tools", default="", help="keys among refrain,shingles,dolos,copydetect,dmp,jsdiff")
    parser.add_argument("--no-docs", action="store_true")
    parser.add_argument(
        "--from-results", action="store_true", help="measure nothing: rewrite the tables from the last results.json"
    )
    options = parser.parse_args()
    if options.from_results:
        last = json.loads((SCRATCH / "results.json").read_text())
        info, results = last["info"], last["sizes"]
        all_tools = [t for t in tools("", info["min_words"]) if t.key in info["tools"]]
        for t in all_tools:
            t.version = info["tools"][t.key]
        return write_docs(markdown(results, all_tools, info))
    sizes = [tuple(int(n.replace("_", "")) for n in s.split("x")) for s in options.sizes.split(",")]
    started, load_start = time.monotonic(), os.getloadavg()[0]
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    SCRATCH.mkdir(parents=True, exist_ok=True)
    bench = build_bench()
    install_peers()
    all_tools = tools(bench, options.min_words)
    if options.tools:
        keys = options.tools.split(",")
        unknown = set(keys) - {t.key for t in all_tools}
        if unknown:
            raise SystemExit(f"bench-peers: unknown tools {sorted(unknown)}")
        all_tools = [t for t in all_tools if t.key in keys]
    info = {
        "date": date,
        "limit": options.limit,
        "seed": options.seed,
        "min_words": options.min_words,
        "runtimes": versions(all_tools),
        "machine": machine(),
        "load_start": load_start,
    }
    info["tools"] = {t.key: t.version for t in all_tools}
    say(f"versions: {info['tools']}; {info['runtimes']}")
    results = measure(bench, all_tools, sizes, options.limit, options.seed)
    info["load_end"], info["minutes"] = os.getloadavg()[0], (time.monotonic() - started) / 60
    (SCRATCH / "results.json").write_text(json.dumps({"info": info, "sizes": results}, indent=1))
    section = markdown(results, all_tools, info)
    print(section)
    if not options.no_docs:
        write_docs(section)


if __name__ == "__main__":
    main()
