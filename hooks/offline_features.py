"""MkDocs hook: the offline bundle (OFFLINE=true) leaves out the features that cannot work from file://.

Instant navigation fetches the next page with XHR, which browsers refuse on file://; Material then
falls back to full page loads anyway. Switching it off says so in the build instead of relying on that.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig

FILE_URL_INCOMPATIBLE = ("navigation.instant",)  # and its sub-features (navigation.instant.progress, …)
log = logging.getLogger(f"mkdocs.hooks.{__name__}")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    offline = config.plugins.get("material/offline")
    if offline is None or not offline.config.enabled:
        return config
    features: list[str] = config.theme["features"]
    dropped = [f for f in features if f.startswith(FILE_URL_INCOMPATIBLE)]
    config.theme["features"] = [f for f in features if f not in dropped]
    if dropped:
        log.info(f"offline build: {', '.join(dropped)} switched off (needs http://, not file://)")
    return config
