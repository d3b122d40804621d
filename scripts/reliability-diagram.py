#!/usr/bin/env python3
"""Draws the reliability diagram of a relata run folder (runs/<time>-<name>/reliability.json).

    scripts/reliability-diagram.py RUN_FOLDER [OUTPUT]

Per confidence bin a bar of the share of correct answers, the diagonal a perfectly calibrated model would follow, the
mean confidence of each bin (red) and how many answers fell into it. OUTPUT defaults to RUN_FOLDER/reliability.png
with matplotlib (Debian: python3-matplotlib), or RUN_FOLDER/reliability.svg without it; an OUTPUT ending in .svg is
always written as plain SVG. docs/reliability-*.png are drawn by this script from `evaluate` runs
(scripts/bench-models.sh diagrams).
"""
import json
import sys
from pathlib import Path

LEGEND = "bars: share correct   red: mean confidence   dashed: perfect calibration   n: answers per bin"


def subtitle(data):
    return "ECE %.4f over %d candidate answers" % (data["ece"], data["samples"])


def draw_png(data, output):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    bins = data["bins"]
    fig, ax = plt.subplots(figsize=(7.6, 6.0), dpi=100)
    for b in bins:
        width = b["to"] - b["from"]
        if b["count"] > 0:
            ax.bar(b["from"] + width / 2, b["accuracy"], width=width * 0.92, color="#4682b4", edgecolor="#285078")
            ax.hlines(b["meanConfidence"], b["from"] + width * 0.04, b["to"] - width * 0.04, colors="#c83c28", linewidth=3)
        inside = b["count"] > 0 and b["accuracy"] > 0.9
        label_y = b["accuracy"] - 0.01 if inside else (b["accuracy"] if b["count"] > 0 else 0) + 0.01
        ax.text(b["from"] + width / 2, label_y, "n=%d" % b["count"], ha="center", va="top" if inside else "bottom",
                fontsize=8, color="white" if inside else "#333333")
    ax.plot([0, 1], [0, 1], "k--", linewidth=1.5)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xticks([i / 10 for i in range(11)])
    ax.set_yticks([i / 10 for i in range(11)])
    ax.grid(axis="y", color="#ebebeb")
    ax.set_axisbelow(True)
    ax.set_xlabel("confidence (calibrated probability)")
    ax.set_ylabel("share correct")
    ax.set_title(data["title"] + "\n" + subtitle(data), fontsize=11, loc="left")
    fig.text(0.01, 0.01, LEGEND, fontsize=8)
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(output)
    plt.close(fig)


def draw_svg(data, output):
    width, height, left, right, top, bottom = 760, 600, 80, 30, 60, 80
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(value):
        return left + value * plot_w

    def y(value):
        return top + (1 - value) * plot_h

    def text(tx, ty, content, size=12, anchor="start", extra=""):
        content = content.replace("&", "&amp;").replace("<", "&lt;")
        return '<text x="%.1f" y="%.1f" font-size="%d" text-anchor="%s" %s>%s</text>' % (tx, ty, size, anchor, extra, content)

    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif">' % (width, height),
             '<rect width="100%" height="100%" fill="white"/>']
    for i in range(1, 10):
        parts.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ebebeb"/>' % (left, y(i / 10), left + plot_w, y(i / 10)))
    for b in data["bins"]:
        x0, x1 = x(b["from"]), x(b["to"])
        if b["count"] > 0:
            parts.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#4682b4" stroke="#285078"/>'
                         % (x0 + 3, y(b["accuracy"]), x1 - x0 - 6, y(0) - y(b["accuracy"])))
            parts.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#c83c28" stroke-width="3"/>'
                         % (x0 + 3, y(b["meanConfidence"]), x1 - 3, y(b["meanConfidence"])))
        inside = b["count"] > 0 and b["accuracy"] > 0.9
        label_y = y(b["accuracy"]) + 16 if inside else (y(b["accuracy"]) if b["count"] > 0 else y(0)) - 4
        parts.append(text((x0 + x1) / 2, label_y, "n=%d" % b["count"], 11, "middle",
                          'fill="white"' if inside else 'fill="#333333"'))
    parts.append('<line x1="%d" y1="%.1f" x2="%.1f" y2="%d" stroke="black" stroke-width="2" stroke-dasharray="8,6"/>'
                 % (left, y(0), x(1), top))
    parts.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="black"/>' % (left, top, plot_w, plot_h))
    for i in range(11):
        parts.append(text(x(i / 10), top + plot_h + 18, "%.1f" % (i / 10), 12, "middle"))
        parts.append(text(left - 8, y(i / 10) + 4, "%.1f" % (i / 10), 12, "end"))
    parts.append(text(left + plot_w / 2, top + plot_h + 40, "confidence (calibrated probability)", 12, "middle"))
    parts.append(text(left - 45, top + plot_h / 2, "share correct", 12, "middle",
                      'transform="rotate(-90 %d %.1f)"' % (left - 45, top + plot_h / 2)))
    parts.append(text(left, 25, data["title"], 16, "start", 'font-weight="bold"'))
    parts.append(text(left, 45, subtitle(data), 12))
    parts.append(text(12, height - 12, LEGEND, 12))
    parts.append("</svg>")
    output.write_text("\n".join(parts) + "\n", encoding="utf-8")


def main(argv):
    if len(argv) not in (2, 3) or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 0 if len(argv) == 2 and argv[1] in ("-h", "--help") else 2
    folder = Path(argv[1])
    data = json.loads((folder / "reliability.json").read_text(encoding="utf-8"))
    try:
        import matplotlib  # noqa: F401
        have_matplotlib = True
    except ImportError:
        have_matplotlib = False
    output = Path(argv[2]) if len(argv) == 3 else folder / ("reliability.png" if have_matplotlib else "reliability.svg")
    if output.suffix == ".svg":
        draw_svg(data, output)
    elif have_matplotlib:
        draw_png(data, output)
    else:
        print("matplotlib is not installed (apt-get install python3-matplotlib): give an OUTPUT ending in .svg",
              file=sys.stderr)
        return 1
    print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
