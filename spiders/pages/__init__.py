"""Per-shop extraction modules: `spiders.pages.<module>.extract(response) -> list[Offer]`."""
