"""The plan: the client's goals, an action plan per goal (I self, II naasten, III professionals)
and evaluations on the seed's five-point scale. Qt-free; the Qt view is `app/plan_view.py`."""

VIEW = "plan"
