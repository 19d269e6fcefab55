"""The spiders: `product` (ad-hoc URLs, JSON lines contract), `shop` (a configured shop's
catalogue) and `fetch` (download only: the benchmark's baseline)."""
