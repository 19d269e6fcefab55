"""The catalog: typed models, engines and sessions, migrations, queries. No Flask, no Scrapy."""
