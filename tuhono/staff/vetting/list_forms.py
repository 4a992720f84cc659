"""The watch-list upload form. It only shapes input; the watch-list services decide and record."""

from __future__ import annotations

from django import forms

from tuhono.core.uploads import size_label, upload_max_bytes
from tuhono.staff.forms import StaffForm
from tuhono.watchlists.enums import ListFormat


class ListUploadForm(StaffForm):
    source = forms.CharField(
        label="List name",
        max_length=120,
        help_text="The same name for every version of one list, e.g. 'UN SC consolidated'; a new name starts a list.",
    )
    file_format = forms.ChoiceField(
        label="Format",
        required=False,
        choices=[("", "Work it out from the file"), *ListFormat.choices],
    )
    file = forms.FileField(label="List file")
    ofac_alt = forms.FileField(label="OFAC alt.csv (aliases), for an OFAC list", required=False)
    ofac_add = forms.FileField(label="OFAC add.csv (addresses), for an OFAC list", required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["file"].help_text = (
            "entities.ftm.json, targets.simple.csv, the UN XML, sdn.csv, the MFAT .xlsx or a plain CSV; "
            f"text in UTF-8, UTF-16 or Windows-1252 (Latin-1). Up to {size_label(upload_max_bytes())}. "
            "Nothing changes until you have seen what the file changes and confirmed it."
        )
