"""One module per command; each has `register(app)`. `wz_tasks.cli` lists them (the index)."""
