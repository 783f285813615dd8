"""Build the country outlines the desk's maps draw: ``src/dateline/data/world_110m.json``.

Source: Natural Earth's 1:110m Admin 0 countries (public domain), as the TopoJSON file
``countries-110m.json`` of the npm package world-atlas 2.0.2 (ISC licence, Mike Bostock). The script
downloads the package tarball from the npm registry, decodes the TopoJSON here (quantized,
delta-encoded arcs stitched into rings) and writes, per country, its ISO 3166-1 numeric id, alpha-3
code (from pycountry, where the id has one), name, and polygon rings as [lon, lat] pairs rounded to
0.01 degree. The desk reads only the written file; it never fetches anything. See NOTICE.

Usage: .venv/bin/python scripts/build_world_map.py [--tarball world-atlas-2.0.2.tgz]
(without --tarball the package is downloaded from the registry).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import json
import sys
import tarfile
import urllib.request
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "dateline" / "data" / "world_110m.json"
PACKAGE, VERSION = "world-atlas", "2.0.2"
TARBALL_URL = f"https://registry.npmjs.org/{PACKAGE}/-/{PACKAGE}-{VERSION}.tgz"
# The registry's published integrity of world-atlas 2.0.2 (sha512 of the tarball), so a changed or
# truncated download is refused instead of quietly shipping other shapes.
TARBALL_SHA512 = "IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
MEMBER = "package/countries-110m.json"
DIGITS = 2

Point = list[float]
Ring = list[Point]


def download(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - a fixed https URL
        return bytes(response.read())


def checked(tarball: bytes) -> bytes:
    digest = base64.b64encode(hashlib.sha512(tarball).digest()).decode()
    if digest != TARBALL_SHA512:
        sys.exit(f"the tarball's sha512 is {digest}, not the registry's {TARBALL_SHA512}: refusing it")
    return tarball


def topology_from(tarball: bytes) -> dict[str, Any]:
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        member = archive.extractfile(MEMBER)
        if member is None:
            sys.exit(f"{MEMBER} is not in the tarball")
        data: dict[str, Any] = json.load(member)
        return data


def decoded_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Every arc as absolute [lon, lat] points: positions are quantized integers, each one stored as
    the difference from the one before it, so they are summed along the arc, then scaled and moved."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([x * sx + tx, y * sy + ty])
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[Ring]) -> Ring:
    """A closed ring from its arcs; a negative index ~i is arc i walked backwards. Each arc starts
    where the previous one ended, so that shared point is kept once."""
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry: dict[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []  # a null geometry: nothing to draw


def rounded(points: Ring) -> Ring:
    """Points to 0.01 degree, with a point equal to the one before it (after rounding) left out."""
    out: Ring = []
    for lon, lat in points:
        point = [round(lon, DIGITS), round(lat, DIGITS)]
        if not out or point != out[-1]:
            out.append(point)
    return out


def unwrapped(points: Ring) -> Ring:
    """The ring with longitudes made continuous: a step of more than 180 degrees is a crossing of
    the antimeridian (179 -> -180 is one degree east), so it continues past 180 (or -180) instead."""
    out: Ring = []
    shift = 0.0
    for lon, lat in points:
        if out:
            step = lon + shift - out[-1][0]
            shift -= 360 * round(step / 360)
        out.append([lon + shift, lat])
    return out


def clipped(points: Ring, keep_west: bool) -> Ring:
    """The part of a ring west (or east) of longitude 180, cut along it (Sutherland-Hodgman clipping
    against one meridian): the two parts are drawn at the two edges of a flat world map."""

    def inside(p: Point) -> bool:
        return p[0] <= 180 if keep_west else p[0] >= 180

    out: Ring = []
    for a, b in zip(points, points[1:] + points[:1], strict=True):
        if inside(a) != inside(b):
            t = (180 - a[0]) / (b[0] - a[0])
            crossing = [180.0, a[1] + t * (b[1] - a[1])]
            out.extend([a, crossing] if inside(a) else [crossing])
        elif inside(a):
            out.append(a)
    return out


def flat_rings(points: Ring) -> list[Ring]:
    """A ring as one or two rings that fit within -180..180 degrees of longitude. A ring around a
    pole (Antarctica) is left as it is: its step from 180 to -180 runs along the map's bottom edge."""
    continuous = unwrapped(points)
    if abs(continuous[-1][0] - continuous[0][0]) > 180:  # it winds round a pole
        return [points]
    if max(p[0] for p in continuous) > 180:
        west, east = clipped(continuous, keep_west=True), clipped(continuous, keep_west=False)
        return [r for r in (west, [[lon - 360, lat] for lon, lat in east]) if r]
    if min(p[0] for p in continuous) < -180:
        return flat_rings([[lon + 360, lat] for lon, lat in continuous])
    return [continuous]


def alpha3(numeric: str | None) -> str | None:
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_3 if country else None


def countries(topology: dict[str, Any]) -> list[dict[str, Any]]:
    arcs = decoded_arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        rings = [
            rounded(part)
            for polygon in polygons(geometry)
            for r in polygon
            for part in flat_rings(ring(r, arcs))
        ]
        rings = [r for r in rings if len(r) >= 4]  # a ring rounded down to a line is no area
        if rings:
            numeric = geometry.get("id")
            out.append(
                {
                    "id": numeric,
                    "code": alpha3(numeric),
                    "name": geometry["properties"]["name"],
                    "rings": rings,
                }
            )
    return sorted(out, key=lambda c: (c["name"], c["id"] or ""))


def world_file(topology: dict[str, Any]) -> dict[str, Any]:
    return {
        "about": (
            f"Country outlines from Natural Earth 1:110m Admin 0 countries (public domain), via "
            f"{MEMBER.split('/')[1]} of the npm package {PACKAGE} {VERSION} (ISC licence, Mike Bostock). "
            "Built by scripts/build_world_map.py; see NOTICE. id: ISO 3166-1 numeric; code: alpha-3; "
            f"rings: [lon, lat] in degrees, rounded to {DIGITS} decimals; outer rings and holes alike (fill them "
            "with the even-odd rule); a ring across the antimeridian is cut in two at +-180."
        ),
        "source": {"package": PACKAGE, "version": VERSION, "file": MEMBER.split("/")[1], "url": TARBALL_URL},
        "countries": countries(topology),
    }


def write(data: dict[str, Any], path: Path) -> None:
    """One country per line: small diffs when the shapes are rebuilt."""
    head = {k: v for k, v in data.items() if k != "countries"}
    lines = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in data["countries"]]
    text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
    text += ',\n "countries": [\n' + ",\n".join(lines) + "\n ]\n}\n"
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarball", type=Path, help="a local copy of the world-atlas tarball")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args()
    tarball = args.tarball.read_bytes() if args.tarball else download(TARBALL_URL)
    data = world_file(topology_from(checked(tarball)))
    write(data, args.output)
    points = sum(len(r) for c in data["countries"] for r in c["rings"])
    print(
        f"{args.output}: {len(data['countries'])} countries, {points} points, {args.output.stat().st_size} bytes"
    )


if __name__ == "__main__":
    main()
