"""Opens the Sanne example compared with its intake, on the tab named by the first
argument (netwerkintake or netwerkcirkel), for docs/screenshots/vergelijken-*.png. When the
example has no closed session yet, it first holds a follow-up three months on with the changes
such a conversation brings (a score better, one worse, a new person, a theme gone, a friend
closer), each as the window's own edit:

    /work/shared/tools/screenshot -w 8 docs/screenshots/vergelijken-netwerkintake.png -- \
        .venv/bin/python docs/screenshots/vergelijken.py netwerkintake
"""

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from netwerkatlas.app.main import open_window
from netwerkatlas.app.session_bar import NOW
from netwerkatlas.model import NodeKind
from netwerkatlas.resources import example_path
from netwerkatlas.tools.circle import edits as circle
from netwerkatlas.tools.netwerkintake import edits
from netwerkatlas.tools.sessions.edits import start_follow_up
from netwerkatlas.tools.sessions.history import sessions_in_order


def hold_follow_up(window) -> None:
    """Place the people in the netwerkcirkel, start a follow-up, change what a follow-up does."""
    atlas = window.document.atlas
    named = {node.shown_label: node.id for node in atlas.nodes()}
    window.push(
        circle.place(
            atlas,
            {
                named["Moeder"]: ("intimi", "familie"),
                named["Fleur"]: ("vrienden", "samenleving"),
                named["Trainer Kim"]: ("bekenden", "samenleving"),
                named["Huisarts"]: ("diensten", "professionals"),
            },
        )
    )
    last = sessions_in_order(atlas)[-1].date or "2026-08-11"
    year, month, day = (int(part) for part in last.split("-"))
    month += 3
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    window.push(start_follow_up(atlas, f"{year:04d}-{month:02d}-{min(day, 28):02d}", ""))
    window.push(edits.set_score(atlas, [named["Wonen"]], 1))
    window.push(edits.set_score(atlas, [named["Slapen"]], -1))
    window.push(edits.set_score(atlas, [named["Social media"]], -2))
    window.push(edits.remove(atlas, [named["Pesten op werk"]]))
    window.push(edits.add_bol("Buurvrouw Ans", (-330.0, -250.0), NodeKind.PERSON))
    ans = next(node.id for node in atlas.nodes() if node.shown_label == "Buurvrouw Ans")
    window.push(edits.add_link(atlas, ans, named["Wonen"]))
    window.push(
        circle.place(
            atlas,
            {named["Fleur"]: ("intimi", "samenleving"), ans: ("vrienden", "samenleving")},
        )
    )


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    path = folder / "netwerkintake-sanne.netwerkatlas"
    shutil.copy(example_path("netwerkintake-sanne"), path)
    window = open_window(str(path), QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1600, 1000)
    window.showMaximized()
    if not any(session.snapshot for session in sessions_in_order(window.document.atlas)):
        hold_follow_up(window)
    first = sessions_in_order(window.document.atlas)[0]
    window.sessions.bar.choose(NOW, first.id)  # since the intake: the most to see
    window.views.show_instrument(sys.argv[1] if len(sys.argv) > 1 else "netwerkintake")
    QTimer.singleShot(500, lambda: window.current_view().fit_all())
    window.document.undo_stack.set_clean()
    app.exec()


if __name__ == "__main__":
    main()
