"""flake8-azure-frt: find Azure OpenAI requests used for uses its terms forbid."""

__version__ = "0.1.0"
