"""Netwerkatlas: draw a client's social network together, as one atlas with many views."""

import os

__version__ = "0.1.0"

# No third-party pydantic plugin is given the records to watch: they are health data about a
# client and the people around them. Looking for plugins also read every installed package's
# metadata at the start (3 ms).
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
