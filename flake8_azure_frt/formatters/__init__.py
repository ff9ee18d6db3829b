"""flake8 report formatters (``--format=afr-sarif|afr-rdjson|afr-json|afr-baseline``); all read the registry."""
