"""``python -m dashboard``: serve on HOST:PORT (default 127.0.0.1:8050)."""

from dashboard.app import create_app
from dashboard.settings import Settings


def main() -> None:
    settings = Settings.from_env()
    app = create_app(settings=settings)
    print(f"Hong Kong Network Atlas on http://{settings.host}:{settings.port}/")
    app.run(host=settings.host, port=settings.port, debug=settings.debug)


if __name__ == "__main__":
    main()
