"""Forms of the swv pages: documents and members."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat

from passend.forms import NldsFormMixin, VersieFormMixin
from swv.models import Schoolbestuur
from swv.services.documenten import controleer_upload


class PdfField(forms.FileField):
    """An optional PDF upload, checked by its content and size, not by its name."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            f"Alleen PDF, ten hoogste {filesizeformat(settings.UPLOAD_MAX_BYTES)}.",
        )
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": "application/pdf,.pdf"}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            controleer_upload(upload)
            upload.seek(0)
        return upload


class LidToevoegenForm(NldsFormMixin, forms.Form):
    bestuur = forms.ModelChoiceField(
        label="Schoolbestuur",
        queryset=Schoolbestuur.objects.none(),
        empty_label="Kies een bestuur",
        help_text="Besturen met een school in de regio die nog geen lid zijn.",
        error_messages={"invalid_choice": "Kies een bestuur uit de lijst."},
    )
    stemgewicht = forms.IntegerField(label="Stemgewicht", min_value=1, initial=1)
    begindatum = forms.DateField(label="Lid sinds")

    def __init__(self, *args, besturen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bestuur"].queryset = besturen


class LidWijzigenForm(NldsFormMixin, VersieFormMixin):
    stemgewicht = forms.IntegerField(label="Stemgewicht", min_value=1)
    einddatum = forms.DateField(
        label="Lid tot", required=False, help_text="Alleen invullen als het lidmaatschap eindigt."
    )
