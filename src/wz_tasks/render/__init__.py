"""Renderers: each lays out a finished result and nothing else."""
