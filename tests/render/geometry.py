"""Reading an SVG's geometry back: node boxes, label extents, the picture's size."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from constitution_rules.render.text import text_width

NS = {"svg": "http://www.w3.org/2000/svg"}


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: Rect) -> bool:
        return (
            self.x < other.x + other.w
            and other.x < self.x + self.w
            and self.y < other.y + other.h
            and other.y < self.y + self.h
        )

    def contains(self, other: Rect, slack: float = 0.5) -> bool:
        return (
            other.x >= self.x - slack
            and other.y >= self.y - slack
            and other.x + other.w <= self.x + self.w + slack
            and other.y + other.h <= self.y + self.h + slack
        )


def _rect(element: ET.Element) -> Rect:
    return Rect(*(float(element.get(k, "0")) for k in ("x", "y", "width", "height")))


def text_extent(element: ET.Element) -> Rect:
    size = float(element.get("font-size", "13"))
    bold = element.get("font-weight") == "bold"
    width = text_width("".join(element.itertext()), size, bold)
    x, y = float(element.get("x", "0")), float(element.get("y", "0"))
    anchor = element.get("text-anchor", "start")
    left = x - width / 2 if anchor == "middle" else (x - width if anchor == "end" else x)
    return Rect(left, y - size * 0.8, width, size)


def read(svg_text: str) -> tuple[Rect, dict[str, tuple[Rect, list[Rect]]], list[Rect]]:
    """The picture, each node's box and label lines, and every text's extent (in picture coordinates)."""
    root = ET.fromstring(svg_text.encode("utf-8"))
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    nodes: dict[str, tuple[Rect, list[Rect]]] = {}
    for group in root.iterfind(".//svg:g[@data-node]", NS):
        box = group.find("svg:rect", NS)
        assert box is not None
        labels = [text_extent(t) for t in group.iterfind("svg:text", NS) if t.get("class") == "label"]
        nodes[group.get("data-node", "")] = (_rect(box), labels)
    texts: list[Rect] = []
    for text in root.iter("{http://www.w3.org/2000/svg}text"):
        extent = text_extent(text)
        parent_translate = (0.0, 0.0)
        texts.append(Rect(extent.x + parent_translate[0], extent.y + parent_translate[1], extent.w, extent.h))
    legend = root.find(".//svg:g[@class='legend']", NS)
    if legend is not None:  # legend texts sit in a translated group
        dx, dy = (float(v) for v in legend.get("transform", "translate(0 0)")[10:-1].split())
        legend_texts = {id(t) for t in legend.iter("{http://www.w3.org/2000/svg}text")}
        texts = []
        for text in root.iter("{http://www.w3.org/2000/svg}text"):
            extent = text_extent(text)
            if id(text) in legend_texts:
                extent = Rect(extent.x + dx, extent.y + dy, extent.w, extent.h)
            texts.append(extent)
    return Rect(0, 0, width, height), nodes, texts


@dataclass(frozen=True)
class Chip:
    """A power over instruments drawn as a badge inside its holder's box."""

    source: str
    category: str
    edges: tuple[str, ...]
    rect: Rect
    lines: tuple[Rect, ...]
    title: str


def read_chips(svg_text: str) -> dict[str, Chip]:
    root = ET.fromstring(svg_text.encode("utf-8"))
    chips: dict[str, Chip] = {}
    for group in root.iterfind(".//svg:g[@data-chip]", NS):
        rect = group.find("svg:rect[@class='chip']", NS)
        title = group.find("svg:title", NS)
        assert rect is not None and title is not None
        chips[group.get("data-chip", "")] = Chip(
            source=group.get("data-source", ""),
            category=group.get("data-category", ""),
            edges=tuple(group.get("data-edge", "").split()),
            rect=_rect(rect),
            lines=tuple(text_extent(t) for t in group.iterfind("svg:text", NS)),
            title=title.text or "",
        )
    return chips


def drawn_edges(svg_text: str) -> set[str]:
    """Edge ids drawn as lines (not chips)."""
    root = ET.fromstring(svg_text.encode("utf-8"))
    return {g.get("data-edge", "") for g in root.iterfind(".//svg:g[@data-edge]", NS) if g.get("data-chip") is None}
