"""Rules: the shared keys and their validation (``schema``, ``base``), loading rule
files (``loader``, ``registry``), matching helpers (``patterns``, ``wordlist``),
vocabularies (``vocab``), the kinds (``kinds/``) and backends (``backends/``)."""
