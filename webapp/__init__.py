"""The Flask site: an app factory that wires blueprints and extensions and defines no routes."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from flask import Flask

from webapp import db, site

# Each area is a blueprint in its own module ("module:attribute").
BLUEPRINTS = [
    "webapp.search:bp",
    "webapp.products:bp",
    "webapp.exports:bp",
    "webapp.api:bp",
    "webapp.alerts:bp",
    "webapp.admin:bp",
    "webapp.widget:bp",
    "webapp.feeds:bp",
]


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY="dev-only-change-me",
        DATABASE_URL=None,  # None: DATABASE_URL from the environment, else var/comparateur.db
        SITE_NAME="Comparateur",
        BABEL_DEFAULT_LOCALE="fr",
    )
    app.config.from_prefixed_env("COMPARATEUR")
    if config:
        app.config.from_mapping(config)
    db.init_app(app)
    site.init_app(app)
    for target in BLUEPRINTS:
        module_name, attr = target.split(":")
        app.register_blueprint(getattr(importlib.import_module(module_name), attr))
    return app
