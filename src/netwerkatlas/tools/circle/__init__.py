"""The Lensink netwerkcirkel (and the wijkecogram): the client in the centre, rings from close
to far, sectors by kind of contact; each person in one cell."""

VIEW = "netwerkcirkel"
