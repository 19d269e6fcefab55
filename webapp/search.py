"""Home page and search (placeholder until the search area lands)."""

from flask import Blueprint

bp = Blueprint("search", __name__)


@bp.get("/")
def home() -> str:
    return "Comparateur"
