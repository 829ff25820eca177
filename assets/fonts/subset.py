#!/usr/bin/env python3
"""Makes assets/fonts/NotoSansSC-podium.otf (charts) and .woff2 (HTML pages),
the font podium embeds.

The subset of Noto Sans CJK SC Regular (SIL OFL 1.1) that covers every
character of GB2312 (all 6,763 hanzi and its symbols), Latin-1, general and
CJK punctuation and full-width forms. Names outside it are caught by podium
before drawing (see src/chart/font.rs), never drawn as boxes.

Needs Debian's fonts-noto-cjk and PyPI's fonttools:
    apt-get install fonts-noto-cjk && pip install fonttools
    python3 assets/fonts/subset.py
"""
import pathlib
import subprocess

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FACE_SC = 2  # the .ttc's Simplified Chinese face
HERE = pathlib.Path(__file__).parent


def gb2312():
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                yield bytes([high, low]).decode("gb2312")
            except UnicodeDecodeError:
                pass


text = "".join(gb2312())
(HERE / "subset-text.txt").write_text(text, encoding="utf-8")
ranges = "U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2190-21FF,U+2460-24FF,U+25A0-25FF,U+3000-303F,U+FF00-FFEF"
subprocess.run(
    [
        "pyftsubset", SOURCE, f"--font-number={FACE_SC}",
        f"--text-file={HERE / 'subset-text.txt'}", f"--unicodes={ranges}",
        "--layout-features=kern,vert", "--no-hinting",
        "--name-IDs=*", f"--output-file={HERE / 'NotoSansSC-podium.otf'}",
    ],
    check=True,
)
# The same glyphs as WOFF2, for HTML pages (@font-face), about a third smaller.
subprocess.run(
    [
        "pyftsubset", SOURCE, f"--font-number={FACE_SC}",
        f"--text-file={HERE / 'subset-text.txt'}", f"--unicodes={ranges}",
        "--layout-features=kern,vert", "--no-hinting", "--flavor=woff2",
        "--name-IDs=*", f"--output-file={HERE / 'NotoSansSC-podium.woff2'}",
    ],
    check=True,
)
(HERE / "subset-text.txt").unlink()
