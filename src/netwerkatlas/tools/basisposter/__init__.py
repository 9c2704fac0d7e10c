"""The basisposter: the client's questions for the plan, their network drawn small, who is
invited and the agenda, on the poster the client brings to the meedenkbijeenkomst."""

VIEW = "basisposter"
