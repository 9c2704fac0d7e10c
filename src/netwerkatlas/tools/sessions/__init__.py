"""Follow-up sessions: dated versions of the atlas, an earlier one rebuilt, and what changed."""
