"""The genogram: the client's family over three or four generations, with McGoldrick's symbols,
drawn from the same person nodes every other view uses."""

VIEW = "genogram"
