"""Hong Kong Network Atlas: the Dash app (``create_app``) and its read-only API."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hk-network-atlas")  # pyproject.toml's, once installed
except PackageNotFoundError:  # run from a checkout that was not installed
    __version__ = "unreleased"
