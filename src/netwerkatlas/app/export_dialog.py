"""Bestand → Exporteren / Afdrukken: choices on the left, the real pages on the right.

The preview shows pages of the very PDF that will be written or printed. The choices are
remembered between uses (except the session label, which belongs to one session).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from netwerkatlas.app.pdf_pages import page_count, page_image, page_size_pt
from netwerkatlas.app.printing import ask_and_print
from netwerkatlas.export import (
    PAPER_MM,
    TILE_PAPERS,
    ExportError,
    ExportOptions,
    Format,
    Kind,
    NameStyle,
    Privacy,
    export_atlas,
    render,
)
from netwerkatlas.i18n import t
from netwerkatlas.model import Atlas
from netwerkatlas.tools import registry

CUSTOM = "custom"
SETTINGS_GROUP = "export"
PREVIEW_DELAY_MS = 250


class ExportDialog(QDialog):
    def __init__(
        self, atlas: Atlas, settings: QSettings, base_name: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("export.title"))
        self.atlas = atlas
        self.settings = settings
        self.base_name = base_name
        self.pdf: bytes | None = None
        self.page = 0
        self.last_written: Path | None = None
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._resize_timer = QTimer(self, singleShot=True, interval=60)
        self._resize_timer.timeout.connect(lambda: self.show_page(self.page))
        self._build()
        self.set_options(self._remembered())
        self.resize(1100, 760)
        self.update_preview()

    # --- widgets ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind = QComboBox()
        self.kind.addItem(t("export.kind_poster"), Kind.POSTER)
        self.kind.addItem(t("export.kind_summary"), Kind.SUMMARY)
        self.view_box = QComboBox()
        for instrument in registry.INSTRUMENTS:
            if instrument.exportable:
                self.view_box.addItem(t(instrument.title_key), instrument.name)
        self.paper = QComboBox()
        for name in PAPER_MM:
            self.paper.addItem(name, name)
        self.paper.addItem(t("export.paper_custom"), CUSTOM)
        self.custom_w, self.custom_h = self._mm_box(50, 5000, 600), self._mm_box(50, 5000, 900)
        custom = QHBoxLayout()
        custom.addWidget(self.custom_w)
        custom.addWidget(QLabel("×"))
        custom.addWidget(self.custom_h)
        self.landscape = QCheckBox(t("export.landscape"))
        self.margin = self._mm_box(0, 100, 12)
        self.tiles = QComboBox()
        self.tiles.addItem(t("export.tiles_none"), None)
        for name in TILE_PAPERS:
            self.tiles.addItem(t("export.tiles_on", paper=name), name)
        self.overlap = self._mm_box(0, 50, 10)
        self.format = QComboBox()
        for fmt in Format:
            self.format.addItem(t(f"export.format_{fmt.value}"), fmt)
        self.dpi = QSpinBox(minimum=30, maximum=1200, value=150, suffix=" dpi")
        self.hide_names = QCheckBox(t("export.hide_names"))
        self.name_style = QComboBox()
        self.name_style.addItem(t("export.names_initials"), NameStyle.INITIALS)
        self.name_style.addItem(t("export.names_pseudonyms"), NameStyle.PSEUDONYMS)
        self.hide_private = QCheckBox(t("export.hide_private"))
        self.hide_scores = QCheckBox(t("export.hide_scores"))
        self.hide_goals = QCheckBox(t("export.hide_goals"))
        self.other_views = False  # as Beeld → Andere visies tonen is set in the window
        self.session_label = QLineEdit()
        self.session_label.setPlaceholderText(t("export.session_placeholder"))
        self.name_in_metadata = QCheckBox(t("export.name_in_metadata"))

        page_form = QFormLayout()
        page_form.addRow(t("export.kind"), self.kind)
        page_form.addRow(t("export.view"), self.view_box)
        page_form.addRow(t("export.paper"), self.paper)
        page_form.addRow(t("export.custom_size"), custom)
        page_form.addRow("", self.landscape)
        page_form.addRow(t("export.margin"), self.margin)
        page_form.addRow(t("export.tiles"), self.tiles)
        page_form.addRow(t("export.overlap"), self.overlap)
        page_form.addRow(t("export.format"), self.format)
        page_form.addRow(t("export.dpi"), self.dpi)
        page_form.addRow(t("export.session"), self.session_label)
        privacy = QGroupBox(t("export.privacy"))
        privacy_form = QFormLayout(privacy)
        privacy_form.addRow(self.hide_names)
        privacy_form.addRow(t("export.names_as"), self.name_style)
        privacy_form.addRow(self.hide_private)
        privacy_form.addRow(self.hide_scores)
        privacy_form.addRow(self.hide_goals)
        privacy_form.addRow(self.name_in_metadata)
        left = QVBoxLayout()
        left.addLayout(page_form)
        left.addWidget(privacy)
        left.addStretch(1)

        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(420, 420)
        self.preview.setStyleSheet("background: #8a939c;")
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.preview)
        self.previous_page = QPushButton("‹")
        self.next_page = QPushButton("›")
        self.page_label = QLabel()
        self.previous_page.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_page.clicked.connect(lambda: self.show_page(self.page + 1))
        nav = QHBoxLayout()
        nav.addStretch(1)
        nav.addWidget(self.previous_page)
        nav.addWidget(self.page_label)
        nav.addWidget(self.next_page)
        nav.addStretch(1)
        # a poster whose text would print too small to read says so here, before printing
        self.note_label = QLabel()
        self.note_label.setObjectName("readability_note")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: #8a4b00;")
        self.note_label.hide()
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addLayout(nav)
        right.addWidget(self.note_label)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            t("export.export_button"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button = self.buttons.addButton(
            t("export.print_button"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.close_button = self.buttons.addButton(
            t("export.close_button"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.export_button.clicked.connect(self.export)
        self.print_button.clicked.connect(self.print_)
        self.close_button.clicked.connect(self.reject)

        columns = QHBoxLayout()
        side = QWidget()
        side.setLayout(left)
        side.setMaximumWidth(420)
        columns.addWidget(side)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)

        for box in (self.kind, self.view_box, self.paper, self.tiles, self.format, self.name_style):
            box.currentIndexChanged.connect(self._changed)
        for check in (
            self.landscape,
            self.hide_names,
            self.hide_private,
            self.hide_scores,
            self.hide_goals,
            self.name_in_metadata,
        ):
            check.toggled.connect(self._changed)
        for spin in (self.custom_w, self.custom_h, self.margin, self.overlap, self.dpi):
            spin.valueChanged.connect(self._changed)
        self.session_label.textChanged.connect(self._changed)

    @staticmethod
    def _mm_box(low: float, high: float, value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(minimum=low, maximum=high, value=value, decimals=0, suffix=" mm")
        return box

    # --- options ------------------------------------------------------------------------------

    def options(self) -> ExportOptions:
        paper = self.paper.currentData()
        if paper == CUSTOM:
            paper = f"{self.custom_w.value():g}x{self.custom_h.value():g}"
        kind = Kind(self.kind.currentData())  # Qt hands enum data back as plain str
        fmt = Format(self.format.currentData())
        return ExportOptions(
            kind=Kind.SUMMARY if kind == Kind.SUMMARY or fmt == Format.TXT else Kind.POSTER,
            view=self.view_box.currentData(),
            paper=paper,
            landscape=self.landscape.isChecked(),
            margin_mm=self.margin.value(),
            tiles=self.tiles.currentData() if kind == Kind.POSTER and fmt == Format.PDF else None,
            overlap_mm=self.overlap.value(),
            format=fmt,
            dpi=self.dpi.value(),
            privacy=Privacy(
                hide_names=self.hide_names.isChecked(),
                name_style=NameStyle(self.name_style.currentData()),
                hide_private=self.hide_private.isChecked(),
                hide_scores=self.hide_scores.isChecked(),
                hide_goals=self.hide_goals.isChecked(),
            ),
            session_label=self.session_label.text(),
            name_in_metadata=self.name_in_metadata.isChecked(),
            other_views=self.other_views,
        )

    def set_options(self, options: ExportOptions) -> None:
        def pick(box: QComboBox, value) -> None:
            index = box.findData(value)
            box.setCurrentIndex(max(index, 0))

        pick(self.kind, options.kind)
        pick(self.view_box, options.view)
        if options.paper in PAPER_MM:
            pick(self.paper, options.paper)
        else:
            pick(self.paper, CUSTOM)
            width, _, height = options.paper.lower().partition("x")
            self.custom_w.setValue(float(width or 600))
            self.custom_h.setValue(float(height or 900))
        self.landscape.setChecked(options.landscape)
        self.margin.setValue(options.margin_mm)
        pick(self.tiles, options.tiles)
        self.overlap.setValue(options.overlap_mm)
        pick(self.format, options.format)
        self.dpi.setValue(options.dpi)
        self.hide_names.setChecked(options.privacy.hide_names)
        pick(self.name_style, options.privacy.name_style)
        self.hide_private.setChecked(options.privacy.hide_private)
        self.hide_scores.setChecked(options.privacy.hide_scores)
        self.hide_goals.setChecked(options.privacy.hide_goals)
        self.session_label.setText(options.session_label)
        self.name_in_metadata.setChecked(options.name_in_metadata)
        self._enable()

    def _remembered(self) -> ExportOptions:
        s = self.settings
        s.beginGroup(SETTINGS_GROUP)
        try:
            default = ExportOptions()
            flag = lambda key, d: str(s.value(key, d)).lower() in ("true", "1")  # noqa: E731
            tiles = s.value("tiles", "") or None
            options = ExportOptions(
                kind=Kind(s.value("kind", default.kind)),
                view=str(s.value("view", default.view)),
                paper=str(s.value("paper", default.paper)),
                landscape=flag("landscape", default.landscape),
                margin_mm=float(s.value("margin_mm", default.margin_mm)),
                tiles=tiles if tiles in TILE_PAPERS else None,
                overlap_mm=float(s.value("overlap_mm", default.overlap_mm)),
                format=Format(s.value("format", default.format)),
                dpi=int(s.value("dpi", default.dpi)),
                privacy=Privacy(
                    hide_names=flag("hide_names", False),
                    name_style=NameStyle(s.value("name_style", NameStyle.INITIALS)),
                    hide_private=flag("hide_private", False),
                    hide_scores=flag("hide_scores", False),
                    hide_goals=flag("hide_goals", False),
                ),
                name_in_metadata=flag("name_in_metadata", False),
            )
        except (ValueError, TypeError):
            options = ExportOptions()  # a damaged settings file: start from the defaults
        finally:
            s.endGroup()
        return options

    def remember(self) -> None:
        o = self.options()
        values = {
            "kind": o.kind.value,
            "view": o.view,
            "paper": o.paper,
            "landscape": o.landscape,
            "margin_mm": o.margin_mm,
            "tiles": o.tiles or "",
            "overlap_mm": o.overlap_mm,
            "format": o.format.value,
            "dpi": o.dpi,
            "hide_names": o.privacy.hide_names,
            "name_style": o.privacy.name_style.value,
            "hide_private": o.privacy.hide_private,
            "hide_scores": o.privacy.hide_scores,
            "hide_goals": o.privacy.hide_goals,
            "name_in_metadata": o.name_in_metadata,
        }
        self.settings.beginGroup(SETTINGS_GROUP)
        for key, value in values.items():
            self.settings.setValue(key, value)
        self.settings.endGroup()
        self.settings.sync()

    def _enable(self) -> None:
        """Only the choices that matter for what is being made can be changed."""
        o = self.options()
        poster = o.kind == Kind.POSTER
        for widget in (self.paper, self.landscape, self.margin, self.view_box):
            widget.setEnabled(poster)
        custom = poster and self.paper.currentData() == CUSTOM
        self.custom_w.setEnabled(custom)
        self.custom_h.setEnabled(custom)
        self.tiles.setEnabled(poster and o.format == Format.PDF)
        self.overlap.setEnabled(o.tiles is not None)
        self.dpi.setEnabled(o.format == Format.PNG)
        self.name_style.setEnabled(o.privacy.hide_names)
        self.name_in_metadata.setEnabled(not o.privacy.hide_names)

    def _changed(self) -> None:
        self._enable()
        self._preview_timer.start()

    # --- preview ------------------------------------------------------------------------------

    def preview_options(self) -> ExportOptions:
        """The PDF behind what is chosen: PNG, SVG and text show the pages they come from."""
        o = self.options()
        return o.with_(format=Format.PDF)

    def update_preview(self) -> None:
        self._preview_timer.stop()
        try:
            rendered = render(self.atlas, self.preview_options())
            self.pdf = rendered.pdf
            self.note_label.setText(rendered.note)
            self.note_label.setVisible(bool(rendered.note))
        except ExportError as error:
            self.pdf = None
            self.preview.setPixmap(QPixmap())
            self.preview.setText(str(error))
            self.page_label.setText("")
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(True)
        self.show_page(min(self.page, page_count(self.pdf) - 1))

    def resizeEvent(self, event) -> None:
        """Draw the page again at the new size, once the resizing settles."""
        super().resizeEvent(event)
        self._resize_timer.start()

    def page_total(self) -> int:
        return page_count(self.pdf) if self.pdf else 0

    def show_page(self, index: int) -> None:
        total = self.page_total()
        if not total:
            return
        self.page = max(0, min(index, total - 1))
        width = max(300, self.preview.width() - 24)
        page_w, page_h = page_size_pt(self.pdf, self.page)
        height = max(300, self.preview.height() - 24)
        dpi = 72 * min(width / page_w, height / page_h)
        image = page_image(self.pdf, self.page, dpi * self.devicePixelRatioF())
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.preview.setPixmap(pixmap)
        self.page_label.setText(t("export.page_of", number=self.page + 1, count=total))
        self.previous_page.setEnabled(self.page > 0)
        self.next_page.setEnabled(self.page < total - 1)

    # --- export and print ---------------------------------------------------------------------

    def suggested_path(self, options: ExportOptions) -> Path:
        """A file name next to the atlas; with names hidden, one that names no one."""
        stem = "netwerkatlas" if options.privacy.hide_names else self.base_name.stem
        suffix = "samenvatting" if options.kind == Kind.SUMMARY else options.view
        if options.tiles:
            suffix += f"-tegels-{options.tiles}"
        return self.base_name.with_name(f"{stem}-{suffix}.{options.format.value}")

    def export(self) -> None:
        options = self.options()
        start = str(self.suggested_path(options))
        pattern = f"{t(f'export.format_{options.format.value}')} (*.{options.format.value})"
        path, _ = QFileDialog.getSaveFileName(self, t("export.save_title"), start, pattern)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != f".{options.format.value}":
            target = target.with_name(f"{target.name}.{options.format.value}")
        try:
            self.last_written = export_atlas(self.atlas, target, options)
        except ExportError as error:
            self._warn(t("export.failed_title"), str(error))
            return
        self.remember()
        self.accept()

    def print_(self) -> None:
        self.update_preview()
        if self.pdf is None:
            return
        self.remember()
        if ask_and_print(self, self.pdf):
            self.accept()

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def reject(self) -> None:
        self.remember()
        super().reject()
