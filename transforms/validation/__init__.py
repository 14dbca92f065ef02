"""Validation steps (issue 5): each module does one job; transforms/validate.py runs them."""
