"""The signaleringsplan (plan B): per phase, from how it goes when it goes well to the crisis,
the signals and what the client, the naasten and the professionals do; crisis contacts; who
agreed to it and when. One Plan record of kind "signaleringsplan"."""

VIEW = "signaleringsplan"
