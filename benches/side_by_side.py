#!/usr/bin/env python3
"""podium beside what a user would use instead, measured in one run on the
same file: the rules, generator and baseline scripts of ../shared/bench
(RULES.md). Each command runs in turn (podium, polars, DuckDB, … then
again), RUNS times; the medians of wall time, CPU time (user + system) and
peak memory are printed with podium's ratio to each baseline, and every
leaderboard is checked to be podium's, entry for entry (entry,total,rank).

usage: side_by_side.py [--entries N] [--runs R] [--bench DIR] [--data DIR]
                       [--podium BIN] [--tools polars,duckdb,...] [--store]

The data is made once under --data (default target/side-by-side/eN) with
the bench's gen_marks.py and seats.py; podium reads the seat-named copy with
the bench's contest.ron. The baselines need `pip install polars duckdb
pandas pyarrow`; a tool that is not installed is skipped with a word.
Quote the ratios with the machine and this command, never a figure of
another day.
"""
import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measure(command):
    """Runs `command`; returns (wall s, CPU s, peak resident MB)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    error = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if status != 0:
        sys.exit(f"{' '.join(command)} failed:\n{error}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def prepare(bench, data, entries):
    """The generated contest, once: the bench's file and podium's seat-named copy."""
    marks = os.path.join(data, "raw", "marks.csv")
    contest = os.path.join(data, "podium")
    if not os.path.exists(marks):
        print(f"generating {entries} entries into {data} …", flush=True)
        subprocess.run([sys.executable, os.path.join(bench, "gen_marks.py"), os.path.join(data, "raw"), str(entries)], check=True)
    if not os.path.exists(os.path.join(contest, "marks.csv")):
        os.makedirs(contest, exist_ok=True)
        subprocess.run([sys.executable, os.path.join(bench, "seats.py"), marks, os.path.join(contest, "marks.csv")], check=True)
        shutil.copy(os.path.join(data, "raw", "entries.csv"), contest)
        shutil.copy(os.path.join(bench, "contest.ron"), contest)
    return marks, contest


def stored(podium, contest, data):
    """The same contest with its marks in a mark store (imported once, not
    timed): what a contest scored at the event reads."""
    folder = os.path.join(data, "podium-store")
    if not os.path.exists(os.path.join(folder, "marks.db")):
        print("importing the marks into a mark store (once) …", flush=True)
        os.makedirs(folder, exist_ok=True)
        for name in ("contest.ron", "entries.csv"):
            shutil.copy(os.path.join(contest, name), folder)
        with open(os.path.join(contest, "marks.csv"), encoding="utf-8") as f, open(os.path.join(folder, "marks.csv"), "w", encoding="utf-8") as header:
            header.write(f.readline())
        subprocess.run([podium, "import", folder, os.path.join(contest, "marks.csv"), "--by", "bench"], check=True, stdout=subprocess.DEVNULL)
    return folder


def leaderboard(path):
    """(entry, total, rank) rows of a leaderboard CSV, whatever else it has."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = csv.DictReader(f)
        return [(r["entry"], r["total"], r["rank"]) for r in rows]


def installed(tool):
    module = {"python": None}.get(tool, tool)
    if module is None:
        return True
    try:
        __import__(module)
        return True
    except ImportError:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bench", default=os.path.join(ROOT, "..", "shared", "bench"))
    parser.add_argument("--data")
    parser.add_argument("--podium", default=os.path.join(ROOT, "target", "release", "podium"))
    parser.add_argument("--tools", default="polars,duckdb")
    parser.add_argument("--store", action="store_true", help="also podium scoring the same marks from its mark store")
    args = parser.parse_args()
    data = args.data or os.path.join(ROOT, "target", "side-by-side", f"e{args.entries}")
    if not os.path.exists(args.podium):
        sys.exit(f"{args.podium}: build it first (cargo build --release)")
    marks, contest = prepare(args.bench, data, args.entries)
    out = os.path.join(data, "out")
    os.makedirs(out, exist_ok=True)
    commands = {"podium": [args.podium, "score", contest, "--format", "csv", "--headers", "ids", "-o", os.path.join(out, "podium.csv")]}
    if args.store:
        folder = stored(args.podium, contest, data)
        commands["store"] = [args.podium, "score", folder, "--format", "csv", "--headers", "ids", "-o", os.path.join(out, "store.csv")]
    for tool in args.tools.split(","):
        if installed(tool):
            commands[tool] = [sys.executable, os.path.join(args.bench, "baselines.py"), tool, marks, os.path.join(out, f"{tool}.csv")]
        else:
            print(f"{tool}: not installed (pip install {tool}), skipped")
    figures = {name: [] for name in commands}
    for run in range(args.runs):
        for name, command in commands.items():
            figures[name].append(measure(command))
        print(f"run {run + 1} of {args.runs} done", flush=True)
    expected = leaderboard(os.path.join(out, "podium.csv"))
    for name in commands:
        if leaderboard(os.path.join(out, f"{name}.csv")) != expected:
            sys.exit(f"{name}'s leaderboard differs from podium's")
    medians = {name: [statistics.median(f[i] for f in runs) for i in range(3)] for name, runs in figures.items()}
    print(f"\n{args.entries} entries, {args.entries * 100} marks, {args.runs} runs each in turn; medians; every leaderboard identical")
    print(f"{'':10} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}   podium's ratio (wall, CPU, memory)")
    for name, (wall, cpu, memory) in medians.items():
        ratio = ""
        if name not in ("podium", "store"):
            p = medians["podium"]
            ratio = f"   {p[0] / wall:.2f}×  {p[1] / cpu:.2f}×  {p[2] / memory:.2f}×"
            if "store" in medians:
                q = medians["store"]
                ratio += f"   from the store: {q[0] / wall:.2f}×  {q[1] / cpu:.2f}×  {q[2] / memory:.2f}×"
        print(f"{name:10} {wall:8.2f} {cpu:8.2f} {memory:8.0f}{ratio}")


if __name__ == "__main__":
    main()
