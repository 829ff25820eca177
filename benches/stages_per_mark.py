#!/usr/bin/env python3
"""A contest run in three stages beside the same contest in one, scored
end to end by `podium score` (reading the files included), in turn: the
time per mark of each and their ratio (issue 14's target: the same time
per mark).

The one-stage contest is `podium gen --entries N --criteria 20 --judges 5
--seed 1`. The three-stage one is made from it as the scoring bench's
`common::staged_in_full` makes it in memory: every category marked again
in each stage (`quality_2`, `quality_3`, …, the same marks), the better
half going on each time (`Share(50)`), each stage carrying the one
before whole, and each entry keeping only the marks of the stages it
reaches (found by scoring the contest once with every mark).

usage: stages_per_mark.py [--entries N] [--runs R] [--podium BIN] [--data DIR]

Quote the ratio with the machine and this command, never a figure of
another day.
"""
import argparse
import csv
import os
import re
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from side_by_side import ROOT, measure  # noqa: E402

STAGES = ["first", "second", "final"]


def one_stage(podium, data, entries):
    """The generated contest, once."""
    contest = os.path.join(data, "one")
    if not os.path.exists(os.path.join(contest, "marks.csv")):
        print(f"generating {entries} entries into {contest} …", flush=True)
        subprocess.run([podium, "gen", contest, "--entries", str(entries), "--criteria", "20", "--judges", "5", "--seed", "1"], check=True)
    return contest


def staged_contest(source):
    """The one-stage contest.ron with its categories marked again in two
    more stages, and the stages."""
    text = open(source, encoding="utf-8").read()
    start = text.index("    categories: [\n") + len("    categories: [\n")
    end = text.index("\n    ],\n    ranking:")
    categories = text[start:end]
    ids = re.findall(r'Category\(id: "(\w+)"', categories)
    again = [re.sub(r'Category\(id: "(\w+)"', rf'Category(id: "\1_{k}"', categories) for k in (2, 3)]
    text = text[:start] + ",\n".join([categories.rstrip(","), *[a.rstrip(",") for a in again]]) + "," + text[end:]
    # Each stage's total is its own: no contest-wide maximum, no
    # contest-wide tie-breaks (each stage breaks ties by its first category).
    text = re.sub(r"\n    total_max: [^\n]*", "", text)
    text = re.sub(r"    ranking: \(tie_breaks: \[[^\]]*\]\),", "    ranking: (tie_breaks: []),", text)
    stage_categories = [ids, [f"{c}_2" for c in ids], [f"{c}_3" for c in ids]]
    stages = []
    for k, (stage, names) in enumerate(zip(STAGES, stage_categories)):
        listed = ", ".join(f'"{c}"' for c in names)
        carry = f', carry: [("{STAGES[k - 1]}", 100)]' if k > 0 else ""
        advance = ", advance: (rule: Share(50))" if k < len(STAGES) - 1 else ""
        stages.append(
            f'        Stage(id: "{stage}", label: (zh: "{stage}", en: "{stage}"), categories: [{listed}]{carry},\n'
            f'              tie_breaks: [Category("{names[0]}")]{advance}),'
        )
    return text.replace("    awards: [", "    stages: [\n" + "\n".join(stages) + "\n    ],\n    awards: [", 1)


def write_marks(source, target, reached=None):
    """Each mark of `source` once per stage, renamed to the stage's
    category; only for the stages an entry reached, when `reached` says."""
    with open(source, encoding="utf-8", newline="") as rows, open(target, "w", encoding="utf-8", newline="") as out:
        out.write(rows.readline())
        lines = rows.readlines()
        for k in range(len(STAGES)):
            for line in lines:
                entry, rest = line.split(",", 1)
                if reached is not None and reached.get(entry, 0) < k:
                    continue
                if k == 0:
                    out.write(line)
                else:
                    category, rest = rest.split(".", 1)
                    out.write(f"{entry},{category}_{k + 1}.{rest}")


def three_stages(podium, one, data):
    """The contest in three stages, made once from `one`."""
    contest = os.path.join(data, "three")
    if os.path.exists(os.path.join(contest, "marks.csv")):
        return contest
    print(f"making the three-stage contest in {contest} …", flush=True)
    os.makedirs(contest, exist_ok=True)
    with open(os.path.join(contest, "contest.ron"), "w", encoding="utf-8") as out:
        out.write(staged_contest(os.path.join(one, "contest.ron")))
    with open(os.path.join(one, "entries.csv"), encoding="utf-8") as entries:
        open(os.path.join(contest, "entries.csv"), "w", encoding="utf-8").write(entries.read())
    # Every mark of every stage, scored once to find who reaches which stage.
    marks = os.path.join(contest, "marks.csv")
    write_marks(os.path.join(one, "marks.csv"), marks)
    classification = os.path.join(data, "reached.csv")
    subprocess.run([podium, "score", contest, "--format", "csv", "--headers", "ids", "-o", classification], check=True)
    with open(classification, encoding="utf-8-sig", newline="") as rows:
        reached = {row["entry"]: STAGES.index(row["stage"]) for row in csv.DictReader(rows)}
    write_marks(os.path.join(one, "marks.csv"), marks, reached)
    return contest


def marks_in(contest):
    with open(os.path.join(contest, "marks.csv"), "rb") as marks:
        return sum(1 for _ in marks) - 1


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--podium", default=os.path.join(ROOT, "target", "release", "podium"))
    parser.add_argument("--data", default=None)
    args = parser.parse_args()
    data = args.data or os.path.join(ROOT, "target", "stages-per-mark", f"e{args.entries}")
    one = one_stage(args.podium, data, args.entries)
    three = three_stages(args.podium, one, data)
    contests = {"one stage": one, "three stages": three}
    marks = {name: marks_in(contest) for name, contest in contests.items()}
    runs = {name: [] for name in contests}
    for _ in range(args.runs):
        for name, contest in contests.items():
            out = os.path.join(data, f"{name.replace(' ', '-')}.csv")
            runs[name].append(measure([args.podium, "score", contest, "--format", "csv", "-o", out]))
    print(f"{'contest':<14}{'marks':>12}{'wall':>9}{'CPU':>9}{'memory':>10}{'ns/mark wall':>15}{'ns/mark CPU':>14}")
    per_mark = {}
    for name, measured in runs.items():
        wall, cpu, memory = (statistics.median(m[i] for m in measured) for i in range(3))
        per_mark[name] = (wall / marks[name] * 1e9, cpu / marks[name] * 1e9)
        print(f"{name:<14}{marks[name]:>12,}{wall:>8.3f}s{cpu:>8.3f}s{memory:>8.0f}MB{per_mark[name][0]:>15.1f}{per_mark[name][1]:>14.1f}")
    (one_wall, one_cpu), (three_wall, three_cpu) = per_mark["one stage"], per_mark["three stages"]
    print(f"three stages per mark: {three_wall / one_wall:.2f}x wall, {three_cpu / one_cpu:.2f}x CPU of one stage's")


if __name__ == "__main__":
    main()
