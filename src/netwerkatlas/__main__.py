import sys

from netwerkatlas.cli import main

sys.exit(main())
