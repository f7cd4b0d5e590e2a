"""Rules: the registry, the TOML packs (data) and the code rules that need context."""
