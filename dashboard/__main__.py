"""``python -m dashboard``: serve on HOST:PORT (default 127.0.0.1:8050).

``python -m dashboard check-deck FILE [FILE ...]``: check deck files against the deck schema
(``dashboard/decks/deck.schema.json``) and every scene's query like a link; exit 1 on the first
problem, naming the file, the scene and what is wrong.
"""

from __future__ import annotations

import argparse
import sys


def serve() -> int:
    from dashboard.app import create_app
    from dashboard.settings import Settings

    settings = Settings.from_env()
    app = create_app(settings=settings)
    print(f"Hong Kong Network Atlas on http://{settings.host}:{settings.port}/")
    app.run(host=settings.host, port=settings.port, debug=settings.debug)
    return 0


def check_decks(files: list[str]) -> int:
    from dashboard.scenes import DeckError, load_file, state_options
    from geodata.catalog import default_catalog

    options = state_options(default_catalog())
    status = 0
    for f in files:
        try:
            deck = load_file(f, options)
        except DeckError as e:
            print(f"{f}: {e}", file=sys.stderr)
            status = 1
            continue
        print(f"{f}: OK, {len(deck.scenes)} scene(s)")
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("serve", help="serve the dashboard (the default)")
    check = sub.add_parser("check-deck", help="check deck files against the deck schema")
    check.add_argument("files", nargs="+", help="deck JSON files")
    args = parser.parse_args(argv)
    if args.command == "check-deck":
        return check_decks(args.files)
    return serve()


if __name__ == "__main__":
    sys.exit(main())
