"""Grader specification (to be written)."""

raise NotImplementedError("grader to be written by the lead")
