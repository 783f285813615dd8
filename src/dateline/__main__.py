"""``python -m dateline``: the same command line as ``dateline``, for an environment whose scripts
directory is not on the PATH."""

from dateline.cli import app

app(prog_name="dateline")
