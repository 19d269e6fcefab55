"""Site-wide wiring: languages, security headers, error pages, template helpers."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from webapp import i18n, labels, security

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    i18n.init_app(app)
    security.init_app(app)
    labels.init_app(app)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _server_error)
    app.jinja_env.globals["site_name"] = app.config.get("SITE_NAME", "Comparateur")


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _http_error(error: HTTPException) -> Response | tuple[str, int]:
    code = error.code or 500
    if _wants_json():
        response = jsonify({"error": error.name, "status": code})
        response.status_code = code
        return response
    if code in (304,) or code < 400:
        return error.get_response()
    return render_template("errors/error.html", code=code, name=error.name), code


def _server_error(error: Exception) -> Response | tuple[str, int]:
    if isinstance(error, HTTPException):
        return _http_error(error)
    log.exception("unhandled error on %s", request.path)
    if _wants_json():
        response = jsonify({"error": "Internal Server Error", "status": 500})
        response.status_code = 500
        return response
    return render_template("errors/error.html", code=500, name="Internal Server Error"), 500
