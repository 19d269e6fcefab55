"""Scrapy project: settings, the typed Offer item, pipelines, spiders and per-shop page modules."""
