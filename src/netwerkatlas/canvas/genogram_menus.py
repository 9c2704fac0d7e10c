"""The genogram's relation menus: a couple's status and years, how a child belongs to its
parents, twins, and the emotional relation between two selected people."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
)

from netwerkatlas.canvas.choices import choice, one_of
from netwerkatlas.i18n import t
from netwerkatlas.model.records import EmotionalKind, ParentChildKind, PartnerStatus
from netwerkatlas.tools.genogram import edits

STATUSES = (
    PartnerStatus.MARRIED,
    PartnerStatus.COHABITING,
    PartnerStatus.SEPARATED,
    PartnerStatus.DIVORCED,
    PartnerStatus.OTHER,
)


def add_relation_menus(menu: QMenu, view, person: str) -> None:
    """Add the submenus that change `person`'s relations to `menu` (built by `view`)."""
    atlas = view.drawn.atlas
    name = lambda node_id: atlas.node(node_id).shown_label  # noqa: E731
    for relation in edits.partner_relations(atlas, person):
        other = relation.target if relation.source == person else relation.source
        sub = menu.addMenu(t("genogram.menu.couple", name=name(other)))
        group = one_of(sub)
        for status in STATUSES:
            choice(
                sub,
                group,
                t(f"genogram.status.{status}"),
                lambda s=status, e=relation.id: view.push_command(
                    edits.set_partner(atlas, e, status=s)
                ),
                relation.status == status,
            )
        sub.addSeparator()
        sub.addAction(t("genogram.menu.years"), lambda e=relation.id: ask_years(view, e))
    links = edits.child_links(atlas, person)
    if links:
        sub = menu.addMenu(t("genogram.menu.child_of_parents"))
        current = links[0].relation
        group = one_of(sub)
        for kind in ParentChildKind:
            choice(
                sub,
                group,
                t(f"genogram.child.{kind}"),
                lambda k=kind: view.push_command(edits.set_child_kind(atlas, person, k)),
                current == kind,
            )
        siblings = edits.siblings_of(atlas, person)
        if siblings:
            sub.addSeparator()
            twin_group = links[0].twin_group
            for sibling in siblings:
                is_twin = bool(twin_group) and any(
                    e.twin_group == twin_group for e in edits.child_links(atlas, sibling)
                )
                action = sub.addAction(
                    t("genogram.menu.twin_with", name=name(sibling)),
                    lambda s=sibling, on=not is_twin: view.push_command(
                        edits.set_twins(atlas, person, s, on)
                    ),
                )
                action.setCheckable(True)
                action.setChecked(is_twin)
                if is_twin:
                    identical = links[0].identical_twin
                    toggle = sub.addAction(
                        t("genogram.menu.identical"),
                        lambda s=sibling, i=identical: view.push_command(
                            edits.set_twins(atlas, person, s, True, not i)
                        ),
                    )
                    toggle.setCheckable(True)
                    toggle.setChecked(identical)
    selected = view.drawn.selected_ids()
    if len(selected) == 2 and person in selected:
        a, b = selected
        existing = edits.emotional_between(atlas, a, b)
        sub = menu.addMenu(t("genogram.menu.emotional", a=name(a), b=name(b)))
        group = one_of(sub)
        for kind in EmotionalKind:
            key = "other_relation" if kind == EmotionalKind.OTHER else kind
            choice(
                sub,
                group,
                t(f"genogram.legend.{key}"),
                lambda k=kind: view.push_command(edits.set_emotional(atlas, a, b, k)),
                existing is not None and existing.quality == kind,
            )
        if existing is not None:
            sub.addSeparator()
            sub.addAction(
                t("genogram.menu.no_emotional"),
                lambda: view.push_command(edits.set_emotional(atlas, a, b, None)),
            )


class YearsDialog(QDialog):
    """The start and the end of a relation in two fields, so an end year alone stays the end."""

    def __init__(self, parent, start: int | None, end: int | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("genogram.menu.years_title"))
        self.start_edit = QLineEdit(str(start) if start else "")
        self.end_edit = QLineEdit(str(end) if end else "")
        for edit in (self.start_edit, self.end_edit):
            edit.setPlaceholderText(t("genogram.years.placeholder"))
        form = QFormLayout(self)
        form.addRow(QLabel(t("genogram.menu.years_prompt")))
        form.addRow(t("genogram.years.start"), self.start_edit)
        form.addRow(t("genogram.years.end"), self.end_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def years(self) -> tuple[int | None, int | None] | None:
        """(start, end) as typed; None when either field is not a year."""
        start = edits.parse_years(self.start_edit.text())
        end = edits.parse_years(self.end_edit.text())
        if start is None or end is None or start[1] is not None or end[1] is not None:
            return None
        return start[0], end[0]

    def typed(self) -> str:
        return " – ".join(e.text().strip() for e in (self.start_edit, self.end_edit)).strip(" –")


def ask_years(view, edge_id: str) -> None:
    relation = view.drawn.atlas.edge(edge_id)
    dialog = YearsDialog(view, relation.start_year, relation.end_year)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    years = dialog.years()
    if years is None:
        view.show_message(t("genogram.years_invalid", text=dialog.typed()))
        return
    start, end = years
    if start and end and end < start:
        view.show_message(t("genogram.years_order", start=start, end=end))
        return
    view.push_command(edits.set_partner(view.drawn.atlas, edge_id, start_year=start, end_year=end))
