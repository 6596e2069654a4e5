"""Renderers: the power graph as SVG, HTML, DOT, Mermaid, GraphML, GEXF and node-link JSON."""
