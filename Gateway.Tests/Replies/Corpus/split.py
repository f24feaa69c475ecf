#!/usr/bin/env python3
"""The one-time split of the issue-12 reply corpus into a sealed test part and a development part.

Run once, before anyone tuned the risk reader on the new rows, in the commit that added this script:
    python3 Gateway.Tests/Replies/Corpus/split.py
Inputs (deleted by that same commit; check out its parent to run it again and get the same files):
    unsplit.tsv  every new row written for issue 12, in one file
    earlier.tsv  the team's earlier rows (replies.tsv converted to 8 columns); tuned on already, so all go to development
Outputs:
    sealed.tsv       about half of the new rows
    development.tsv  the earlier rows, then the other new rows

Stratified by (kind, risk): each stratum is shuffled with one seeded generator and its first half sealed; where a
stratum has an odd number of rows the extra row goes to the sealed and development parts in turn, so the parts stay
within one row of each other. Row order inside each part follows unsplit.tsv, under its section lines.
The script refuses to overwrite an existing split: the sealed part is never regenerated.
"""
import collections
import os
import random
import sys

SEED = 12_2025  # issue 12; stated here and in README.md
HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = "# text\tscale\tmood\ttags\trisk\tcorrection\twho\tkind"


def read(name):
    """Rows as (section, cells); section lines kept so each part can keep its headings."""
    rows, section = [], ""
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("##"):
                section = line
            elif line and not line.startswith("#"):
                cells = line.split("\t")
                if len(cells) != 8:
                    sys.exit(f"{name}: expected 8 columns, got {len(cells)}: {line!r}")
                rows.append((section, cells))
    return rows


def write(name, title, groups):
    out = [title, HEADER,
           "# scale: 0-10, 1-10 or 1-5. mood: the score or -. tags: expected tags, or * when not asserted. risk: none, review, high.",
           "# correction: y or blank. who: sender, from-others, third-party or -. kind: the kind of case. See README.md."]
    for rows in groups:
        section = None
        for sec, cells in rows:
            if sec != section:
                out.append(sec)
                section = sec
            out.append("\t".join(cells))
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    for done in ("sealed.tsv", "development.tsv"):
        if os.path.exists(os.path.join(HERE, done)):
            sys.exit(f"{done} exists: the split is done once and never regenerated.")
    new, earlier = read("unsplit.tsv"), read("earlier.tsv")

    strata = collections.defaultdict(list)
    for i, (_, cells) in enumerate(new):
        strata[(cells[7], cells[4])].append(i)
    rng = random.Random(SEED)
    sealed, extra_to_sealed = set(), True
    for key in sorted(strata):
        members = strata[key][:]
        rng.shuffle(members)
        take = len(members) // 2
        if len(members) % 2:
            take += 1 if extra_to_sealed else 0
            extra_to_sealed = not extra_to_sealed
        sealed.update(members[:take])

    sealed_rows = [r for i, r in enumerate(new) if i in sealed]
    dev_new = [r for i, r in enumerate(new) if i not in sealed]
    assert len(sealed_rows) + len(dev_new) == len(new)

    write("sealed.tsv",
          f"# Buddy reply corpus, SEALED test part: {len(sealed_rows)} rows split off once (split.py, seed {SEED}) before any tuning. "
          "Never edited to make a test pass; a wrong label is fixed in its own commit saying why.",
          [sealed_rows])
    write("development.tsv",
          f"# Buddy reply corpus, DEVELOPMENT part: {len(earlier)} earlier rows and {len(dev_new)} new rows (split.py, seed {SEED}). "
          "Tune on this part only.",
          [earlier, dev_new])

    for name, rows in (("sealed", sealed_rows), ("development", earlier + dev_new)):
        risk = collections.Counter(c[4] for _, c in rows)
        print(f"{name}: {len(rows)} rows; high {risk['high']}, review {risk['review']}, none {risk['none']}")


if __name__ == "__main__":
    main()
