"""The Sources page (/sources); dashboard/web/screens/sources.py draws it."""

from dashboard.web.screens.sources import render

render()
