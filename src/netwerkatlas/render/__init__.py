"""The drawing vocabulary shared by the screen and the printed page. Pure Python, no Qt."""
