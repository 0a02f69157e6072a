"""The Figure page (/figure); dashboard/web/screens/figure.py draws it."""

from dashboard.web.screens.figure import render

render()
