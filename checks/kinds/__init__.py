"""One module per kind of file the checker knows; checks/registry.py lists them in matching order."""
