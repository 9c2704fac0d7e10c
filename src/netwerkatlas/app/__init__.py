"""The desktop application: main window, menus and the file round trip."""
