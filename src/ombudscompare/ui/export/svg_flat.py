"""Make Qt's SVG of a chart render the same in any SVG reader (browsers, Inkscape, librsvg, Word).

Qt writes plot items as groups with the view's stretching transform (e.g. 18 × −389) and thin lines
as `vector-effect="non-scaling-stroke"`. Readers that ignore that attribute draw strokes hundreds of
pixels wide, and hatch patterns are stretched with the group. Here every such group's shapes get the
transform applied to their coordinates instead, so lines keep their width and hatches their size
without help from the reader; and the drawing gets a physical size that fills a 16:9 slide.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
SLIDE_MM = (338.67, 190.5)  # a 16:9 PowerPoint slide
SHAPES = {"rect", "path", "polyline", "polygon", "line"}
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
Matrix = tuple[float, float, float, float, float, float]


def flatten(data: bytes, width_px: int, height_px: int) -> bytes:
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    root = ET.fromstring(data)
    for group in root.iter(f"{{{SVG}}}g"):
        matrix = _matrix(group.get("transform", ""))
        if matrix is None or not _flattenable(group):
            continue
        if matrix[:4] == (1.0, 0.0, 0.0, 1.0):  # a shift only: strokes keep their width anyway
            for shape in group:
                shape.attrib.pop("vector-effect", None)
            continue
        for shape in list(group):
            _transform(shape, matrix)
            shape.attrib.pop("vector-effect", None)
        del group.attrib["transform"]
    width_mm = SLIDE_MM[0] * width_px / 1920
    root.set("width", f"{width_mm:.2f}mm")
    root.set("height", f"{width_mm * height_px / width_px:.2f}mm")
    return b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ET.tostring(root, encoding="utf-8")


def _matrix(text: str) -> Matrix | None:
    match = re.fullmatch(r"\s*matrix\(([^)]*)\)\s*", text)
    if not match:
        return None
    values = [float(v) for v in _NUMBER.findall(match.group(1))]
    return (values[0], values[1], values[2], values[3], values[4], values[5]) if len(values) == 6 else None


def _flattenable(group: ET.Element) -> bool:
    """Only shapes, and every visible stroke is a thin line meant in screen pixels."""
    strokes = group.get("stroke", "none") != "none" and group.get("stroke-opacity", "1") not in ("0", "0.0")
    for child in group:
        if child.tag.split("}")[-1] not in SHAPES:
            return False
        if strokes and child.get("vector-effect") != "non-scaling-stroke":
            return False
    return True


def _point(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _vector(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y, m[1] * x + m[3] * y


def _fmt(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def _transform(shape: ET.Element, m: Matrix) -> None:
    tag = shape.tag.split("}")[-1]
    if tag == "rect":
        x, y = float(shape.get("x", 0)), float(shape.get("y", 0))
        w, h = float(shape.get("width", 0)), float(shape.get("height", 0))
        if m[1] == 0 and m[2] == 0:
            (x0, y0), (x1, y1) = _point(m, x, y), _point(m, x + w, y + h)
            shape.set("x", _fmt(min(x0, x1)))
            shape.set("y", _fmt(min(y0, y1)))
            shape.set("width", _fmt(abs(x1 - x0)))
            shape.set("height", _fmt(abs(y1 - y0)))
            return
        corners = [_point(m, px, py) for px, py in ((x, y), (x + w, y), (x + w, y + h), (x, y + h))]
        for key in ("x", "y", "width", "height", "rx", "ry"):
            shape.attrib.pop(key, None)
        shape.tag = f"{{{SVG}}}path"
        shape.set("d", "M" + " L".join(f"{_fmt(px)},{_fmt(py)}" for px, py in corners) + " Z")
    elif tag in ("polyline", "polygon"):
        numbers = [float(v) for v in _NUMBER.findall(shape.get("points", ""))]
        pairs = [_point(m, numbers[i], numbers[i + 1]) for i in range(0, len(numbers) - 1, 2)]
        shape.set("points", " ".join(f"{_fmt(px)},{_fmt(py)}" for px, py in pairs))
    elif tag == "line":
        x1, y1 = _point(m, float(shape.get("x1", 0)), float(shape.get("y1", 0)))
        x2, y2 = _point(m, float(shape.get("x2", 0)), float(shape.get("y2", 0)))
        for key, value in (("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)):
            shape.set(key, _fmt(value))
    elif tag == "path":
        shape.set("d", _path(shape.get("d", ""), m))


def _path(d: str, m: Matrix) -> str:
    """Every point of a path through the matrix; H and V become L, as they may not stay level after a rotation."""
    tokens = _TOKEN.findall(d)
    out: list[str] = []
    index, command = 0, ""
    current = start = (0.0, 0.0)  # in the path's own coordinates
    arity = {"M": 2, "L": 2, "T": 2, "C": 6, "S": 4, "Q": 4, "H": 1, "V": 1, "Z": 0}
    while index < len(tokens):
        if tokens[index].isalpha():
            command = tokens[index]
            index += 1
            if command in "Zz":
                out.append("Z")
                current = start
                continue
        upper = command.upper()
        relative = command.islower()
        count = arity[upper]
        if index + count > len(tokens):
            break
        values = [float(v) for v in tokens[index:index + count]]
        index += count
        if upper == "H":
            values = [values[0] + (current[0] if relative else 0.0), current[1]]
            upper, relative = "L", False
        elif upper == "V":
            values = [current[0], values[0] + (current[1] if relative else 0.0)]
            upper, relative = "L", False
        if relative:
            values = [v + (current[i % 2]) for i, v in enumerate(values)]
        points = [_point(m, values[i], values[i + 1]) for i in range(0, len(values), 2)]
        out.append(upper + " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in points))
        current = (values[-2], values[-1])
        if upper == "M":
            start = current
            command = "l" if command == "m" else "L"  # further pairs after M are lines
    return " ".join(out)
