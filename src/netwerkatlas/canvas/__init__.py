"""The Qt canvas: a scene that follows the atlas model, its items and the view around it."""
