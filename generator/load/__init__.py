"""The load stage: YAML, JSON and configuration files read once, with the position of every value."""
