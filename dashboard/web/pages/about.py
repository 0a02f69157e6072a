"""The About page (/about); dashboard/web/screens/about.py draws it."""

from dashboard.web.screens.about import render

render()
