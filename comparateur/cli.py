"""The `comparateur` command. Subcommands load lazily so `serve` never imports Scrapy."""

from __future__ import annotations

import importlib
import logging

import click

# name -> "module:attribute"; each area owns its own module of commands.
COMMANDS = {
    "db": "comparateur.db_cmd:db",
    "crawl": "comparateur.crawl_cmd:crawl",
    "schedule": "comparateur.schedule_cmd:schedule",
    "demo": "comparateur.demo_cmd:demo",
    "alerts": "comparateur.alerts_cmd:alerts",
    "users": "comparateur.alerts_cmd:users",
    "demoshops": "comparateur.demoshops_cmd:demoshops",
    "serve": "comparateur.web_cmd:serve",
    "export": "comparateur.web_cmd:export",
    "match": "comparateur.match_cmd:match",
    "match-pairs": "comparateur.match_cmd:match_pairs",
    "match-cluster": "comparateur.match_cmd:match_cluster",
    "match-eval": "comparateur.match_cmd:match_eval",
    "review": "comparateur.review_cmd:review",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)  # type: ignore[no-any-return]


@click.group(cls=LazyGroup)
@click.option("-v", "--verbose", count=True, help="More logging (-v info, -vv debug).")
def main(verbose: int) -> None:
    """Comparateur: compare hi-tech prices across shops."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
