"""The Overview page (/); dashboard/web/screens/overview.py draws it."""

from dashboard.web.screens.overview import render

render()
