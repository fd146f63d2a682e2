"""Output scripts behind the make targets, one folder per output (pdf/, offline/, diagrams/), on shared
site-building, browser and serving helpers (site.py, browser.py, serve.py)."""
