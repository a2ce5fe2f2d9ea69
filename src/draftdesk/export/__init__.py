"""Exporters: each draws a Layout in one output format."""
