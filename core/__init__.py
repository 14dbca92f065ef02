"""Core pieces imported by every layer and importing none: periods, errors, paths."""
