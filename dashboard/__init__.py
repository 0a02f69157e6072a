"""Indicators with exact citations: catalog, validator and dashboard."""
