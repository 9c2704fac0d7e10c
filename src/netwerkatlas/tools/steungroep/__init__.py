"""The steungroep (resourcegroep) plan: who is in the client's group, how it meets and talks,
and per meeting an agenda from the client's goals. Qt-free; the tab is `app/steungroep_view.py`."""

VIEW = "steungroep"
