"""The ecogram (Hartman 1978): the client in the centre, contacts grouped by leefgebied around
them, with lines that say how strong the tie is, which way support flows and of what kind."""

VIEW = "ecogram"
