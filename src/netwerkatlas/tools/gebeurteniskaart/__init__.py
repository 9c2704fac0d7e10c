"""The gebeurteniskaart: the client's life events on one time axis (in years or in the client's
age), helping events above it and hindering ones below, linked to the people involved.

The events are the atlas's event bollen, the same ones the netwerkintake shows; their time lives
on the event (`date`, `year`, `age`, `approximate`, `end_year`, `end_age`), read and written by
`dates`. Who was involved is an `InvolvedRelation` from the event to a person (`people`).
"""

VIEW = "gebeurteniskaart"
