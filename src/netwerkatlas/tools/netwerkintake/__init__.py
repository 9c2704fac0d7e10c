"""The netwerkintake drawing: bollen around the client, scored ++ .. −−, linked where they
influence each other."""

VIEW = "netwerkintake"
