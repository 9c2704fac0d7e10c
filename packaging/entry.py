"""The frozen program's entry point: the same `netwerkatlas` command as in a virtual env."""

import sys

from netwerkatlas.cli import main

if __name__ == "__main__":
    sys.exit(main())
