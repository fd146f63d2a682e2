"""Heroku app.json: Heroku's documented schema, then agreement with the Procfile next to it.

Heroku publishes no machine-readable schema for app.json, so the schema below is written from its
reference page (linked at APP_JSON_SCHEMA).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jsonschema

from ..model import CodeTable, Finding, Kind, Source
from ..parsed import json_sources
from ..schemas import schema_findings
from . import procfile

CODES = CodeTable(
    ("PKG001", "error", "app.json does not match Heroku's app.json schema (unknown key, wrong type)"),
    ("PKG002", "error", "app.json formation names a process type that the Procfile does not define"),
)

APP_JSON_SCHEMA: dict[str, Any] = {  # Heroku's documented keys: https://devcenter.heroku.com/articles/app-json-schema
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 3, "maxLength": 30},
        "description": {"type": "string"},
        "keywords": {"type": "array", "items": {"type": "string"}},
        "website": {"type": "string", "format": "uri"},
        "repository": {"type": "string"},
        "logo": {"type": "string"},
        "success_url": {"type": "string"},
        "scripts": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"postdeploy": {"type": "string"}, "pr-predestroy": {"type": "string"}},
        },
        "env": {
            "type": "object",
            "additionalProperties": {
                "oneOf": [
                    {"type": "string"},
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "description": {"type": "string"},
                            "value": {"type": "string"},
                            "required": {"type": "boolean"},
                            "generator": {"enum": ["secret"]},
                        },
                    },
                ]
            },
        },
        "formation": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {"quantity": {"type": "integer", "minimum": 0}, "size": {"type": "string"}},
            },
        },
        "image": {"type": "string"},
        "addons": {
            "type": "array",
            "items": {
                "oneOf": [
                    {"type": "string"},
                    {
                        "type": "object",
                        "required": ["plan"],
                        "additionalProperties": False,
                        "properties": {
                            "plan": {"type": "string"},
                            "as": {"type": "string"},
                            "options": {"type": "object"},
                        },
                    },
                ]
            },
        },
        "buildpacks": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["url"],
                "additionalProperties": False,
                "properties": {"url": {"type": "string"}},
            },
        },
        "environments": {"type": "object"},
        "stack": {"enum": ["heroku-22", "heroku-24", "container"]},
    },
}
VALIDATOR = jsonschema.Draft202012Validator(APP_JSON_SCHEMA)


def check_app_json(sources: Sequence[Source]) -> list[Finding]:
    findings: list[Finding] = []
    for src, doc in json_sources(sources, findings):
        findings += schema_findings(src, doc, VALIDATOR, CODES, "PKG001", "app.json")
        procfile_path = src.path.parent / "Procfile"
        formation = doc.data.get("formation") if isinstance(doc.data, dict) else None
        if isinstance(formation, dict) and procfile_path.is_file():
            defined = {e.name for e in procfile.entries(procfile_path.read_text(encoding="utf-8"))}
            for name in formation:
                if name not in defined:
                    findings.append(
                        CODES.finding(
                            src,
                            doc.line("formation", name),
                            "PKG002",
                            f"formation.{name}: the Procfile defines {', '.join(sorted(defined))}",
                        )
                    )
    return findings


KIND = Kind(
    name="Heroku app.json",
    description="Heroku app manifest",
    recognised_by="app.json",
    tools=("app.json schema", "app.json rules"),
    codes=CODES,
    matches=lambda src: src.name == "app.json",
    check=check_app_json,
)
