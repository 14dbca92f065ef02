"""Synthetic, realistic extract sets for `cla demo-data` (see demo.generate.generate)."""
