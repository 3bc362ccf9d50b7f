"""tavoitteet: a committee's operational goals as YAML files in git."""

__version__ = "0.1.0"
