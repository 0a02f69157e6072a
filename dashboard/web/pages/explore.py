"""The Explore page (/explore); dashboard/web/screens/explore.py draws it."""

from dashboard.web.screens.explore import render

render()
