"""Recomputes a podium draw from its published seed, with Python's standard
library only, following the algorithm in docs/contest-format.md ("Drawing
lots"). Reads `podium draw CONTEST --for WHAT --show --format json` on
standard input; prints the places it computes, one `entry<TAB>heat<TAB>slot`
line each (heat empty for order and codes), in the draw's order."""

import hashlib
import json
import sys


def numbers(seed, what):
    """Block k = SHA-256(seed || "podium-draw:" || what || k as 8 bytes big-endian); four numbers a block."""
    k = 0
    while True:
        block = hashlib.sha256(seed + b"podium-draw:" + what.encode() + k.to_bytes(8, "big")).digest()
        for i in range(4):
            yield int.from_bytes(block[8 * i : 8 * i + 8], "big")
        k += 1


def below(stream, n):
    """A number below n: draw again while x >= 2**64 - (2**64 mod n)."""
    limit = 2**64 - (2**64 % n)
    while True:
        x = next(stream)
        if x < limit:
            return x % n


def places(seed_hex, what, entries, stations, heats):
    seed = bytes.fromhex(seed_hex)
    items = sorted(entries, key=lambda e: e.encode())
    stream = numbers(seed, what)
    for i in range(len(items) - 1, 0, -1):
        j = below(stream, i + 1)
        items[i], items[j] = items[j], items[i]
    width = max(3, len(str(len(items))))
    out = []
    for k, entry in enumerate(items):
        if what == "order":
            out.append((entry, "", str(k + 1)))
        elif what == "codes":
            out.append((entry, "", str(k + 1).zfill(width)))
        else:
            out.append((entry, str(k // len(stations) + 1), stations[k % len(stations)]))
    return out


def main():
    draw = json.load(sys.stdin)
    assert hashlib.sha256(bytes.fromhex(draw["seed"])).hexdigest() == draw["commitment"], "the seed does not match its commitment"
    # The list digest published with the commitment: SHA-256 of each id (sorted by UTF-8 bytes) and a line end.
    listed = "".join(e + "\n" for e in sorted(draw["entries"], key=lambda e: e.encode()))
    assert hashlib.sha256(listed.encode()).hexdigest() == draw["list"], "the list is not the one committed to"
    for entry, heat, slot in places(draw["seed"], draw["what"], draw["entries"], draw["stations"], draw["heats"]):
        print(f"{entry}\t{heat}\t{slot}")


if __name__ == "__main__":
    main()
