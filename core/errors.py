"""User-facing errors: each carries the CLI exit code the spec gives it."""


class ClaError(Exception):
    """A problem the user can act on; printed without a traceback."""

    exit_code = 3


class UsageError(ClaError):
    exit_code = 2


class BlockedError(ClaError):
    """Validation blocked the run (blocking errors, quarantine over threshold, bad period)."""

    exit_code = 1


class CheckFailedError(ClaError):
    """The built indicator tables failed their expectations: nothing was published."""

    exit_code = 3
