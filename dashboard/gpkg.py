"""One GeoPackage of a view: every layer as a table, as QGIS and ArcGIS users expect.

``atlas_gpkg(catalog, state)`` writes the view's layers — countries and provinces (their
boundaries with the metric columns), each point layer shown (offices, cities; routes as great
circles cut at the antimeridian) and the chosen proposals' items (a table without geometry) —
with the same columns and sources as the API's CSV downloads, in WGS 84, and returns the file's
bytes. pyogrio writes it (GDAL's GPKG driver); nothing is kept on disk.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
from shapely.geometry import shape

from dashboard import tables as lyr
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog

AREA_TABLES = ("countries", "provinces")


def view_tables(state: ViewState) -> tuple[str, ...]:
    """The tables of a view's GeoPackage, in the order a GIS lists them."""
    return (*state.point_layers, *AREA_TABLES, "proposals")


def _frame(catalog: Catalog, state: ViewState, name: str) -> pd.DataFrame:
    """A table of the view: its records (the CSV's columns) with the geometry the GeoJSON
    download gives them (None for the proposals' items)."""
    df = lyr.layer_frame(catalog, state, name, lang=state.lang).reset_index(drop=True)
    if name == "proposals":
        return df
    fc = lyr.to_geojson(df, name, catalog)
    shapes = [shape(f["geometry"]) if f["geometry"] else None for f in fc["features"]]
    return gpd.GeoDataFrame(df, geometry=gpd.GeoSeries(shapes, crs="EPSG:4326"))


@reads_draft
def atlas_gpkg(catalog: Catalog, state: ViewState) -> bytes:
    """The GeoPackage of ``state`` as bytes."""
    with tempfile.TemporaryDirectory(prefix="hk-atlas-gpkg-") as tmp:
        path = Path(tmp) / "atlas.gpkg"
        for name in view_tables(state):
            frame = _frame(catalog, state, name)
            if name == "proposals" and frame.empty:
                continue
            kw = {"promote_to_multi": True} if name == "routes" else {}
            if isinstance(frame, gpd.GeoDataFrame):
                kw["geometry_type"] = "Unknown" if name in AREA_TABLES else None
                kw = {k: v for k, v in kw.items() if v is not None}
                pyogrio.write_dataframe(frame, path, layer=name, driver="GPKG", **kw)
            else:
                pyogrio.write_dataframe(pd.DataFrame(frame), path, layer=name, driver="GPKG")
        return path.read_bytes()
