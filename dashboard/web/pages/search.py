"""The Search page (/search); dashboard/web/screens/search.py draws it."""

from dashboard.web.screens.search import render

render()
