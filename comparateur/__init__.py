"""The `comparateur` command line: one entry point over the catalog, spiders, matcher and site."""
