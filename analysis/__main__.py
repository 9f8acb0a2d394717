"""Entry point for ``python -m analysis``."""

import sys

try:
    from analysis.cli import main
except KeyboardInterrupt:  # Ctrl-C while the libraries load: one line, no traceback
    print("error: interrupted", file=sys.stderr)
    sys.exit(130)

sys.exit(main())
