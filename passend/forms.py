"""Form helpers shared by every app: widgets dressed as NL Design System components, and the
guard against personal data on every free-text field (passend.persoonsgegevens)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction

from passend.locking import Wijzigingsconflict
from passend.persoonsgegevens import geen_persoonsgegevens, mogelijke_namen

NAMEN_BEVESTIGD = "namen_bevestigd"

_WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select",
    forms.SelectMultiple: "utrecht-select",
    forms.CheckboxInput: "utrecht-checkbox",
    forms.RadioSelect: "utrecht-radio-button",
    forms.ClearableFileInput: "utrecht-textbox",
    forms.FileInput: "utrecht-textbox",
}


def _vrije_tekst(field) -> bool:
    return type(field) is forms.CharField


class NldsFormMixin:
    """Adds the component classes to every widget, marks invalid fields for the component CSS,
    and renders dates as native date inputs.

    Every free-text field refuses personal data (the same guard as the model fields), and a
    text that may hold a pupil's name (a first name and surname beside leerling or kind) is
    only saved after the user ticks that it holds none."""

    #: Off only for the login forms, whose fields hold a user name or an e-mail address.
    controleer_vrije_tekst = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.controleer_vrije_tekst:
            for field in self.fields.values():
                if _vrije_tekst(field):
                    field.validators.append(geen_persoonsgegevens)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.DateInput) and widget.input_type == "text":
                widget.input_type = "date"
                widget.format = "%Y-%m-%d"
            css = next(
                (c for cls, c in _WIDGET_CLASSES.items() if isinstance(widget, cls)),
                "utrecht-textbox",
            )
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def clean(self):
        cleaned_data = super().clean()
        if not self.controleer_vrije_tekst:
            return cleaned_data
        namen = [
            naam
            for veld, field in self.fields.items()
            if _vrije_tekst(field) and isinstance(cleaned_data.get(veld), str)
            for naam in mogelijke_namen(cleaned_data[veld])
        ]
        if namen and not self.data.get(self.add_prefix(NAMEN_BEVESTIGD)):
            self.fields[NAMEN_BEVESTIGD] = forms.BooleanField(
                label="Ik heb gecontroleerd dat dit geen naam van een leerling is.",
                required=False,
            )
            self.add_error(
                None,
                f"Staat hier de naam van een leerling ({', '.join(dict.fromkeys(namen))})? Leg "
                "nooit gegevens vast waarmee een leerling te herkennen is. Is het geen naam van "
                "een leerling, vink dat dan hieronder aan en sla opnieuw op.",
            )
        return cleaned_data

    def full_clean(self):
        super().full_clean()
        if not self.is_bound:
            return
        for name in self.errors:
            if name in self.fields:
                field = self.fields[name]
                widget = field.widget
                css = widget.attrs["class"].split()[0]
                if f"{css}--invalid" not in widget.attrs["class"]:
                    widget.attrs["class"] = f"{widget.attrs['class']} {css}--invalid"
                widget.attrs["aria-invalid"] = "true"
                if self.auto_id and not isinstance(widget, forms.HiddenInput):
                    veld_id = self.auto_id % self.add_prefix(name)
                    beschreven = [f"{veld_id}_error"]
                    if field.help_text:
                        beschreven.append(f"{veld_id}_helptext")
                    widget.attrs["aria-describedby"] = " ".join(beschreven)


class VersieFormMixin(forms.Form):
    """A hidden field with the version the record was read at (passend.locking)."""

    versie = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


def toon_fouten(form: forms.Form, fout: ValidationError):
    """Puts a service's ValidationError next to the fields it names, the rest above the form."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout.messages)


def verwerk(form: forms.Form, opslaan):
    """Validates `form` and calls `opslaan(cleaned_data)` in one transaction, so a refused
    change saves nothing (no document either).

    Returns what `opslaan` returned, or None when the form shows errors. On a
    Wijzigingsconflict the user's input stays on the form, `form.conflict` holds the record as
    it is now, and the version field moves on: saving again is a deliberate overwrite."""
    form.conflict = None
    if not form.is_valid():
        return None
    try:
        with transaction.atomic():
            return opslaan(form.cleaned_data)
    except Wijzigingsconflict as conflict:
        form.conflict = conflict.actueel
        form.add_error(None, str(conflict))
        data = form.data.copy()
        data[form.add_prefix("versie")] = conflict.actueel.versie
        form.data = data
    except ValidationError as fout:
        toon_fouten(form, fout)
    return None


def waarden_van(record, velden: tuple[str, ...]) -> dict:
    """A form's `initial` from a stored record (none for a new one): the same field names as
    the service takes, listed once by the view."""
    return {veld: getattr(record, veld) for veld in velden} if record else {}


def velden(data: dict, namen: tuple[str, ...]) -> dict:
    """The cleaned values of these fields, as keyword arguments for a service."""
    return {naam: data[naam] for naam in namen}


def huidige_waarden(form: forms.Form, record) -> list[tuple[str, str]]:
    """The record's current values of the form's fields, for the conflict message."""
    waarden = []
    for naam, veld in form.fields.items():
        if naam == "versie" or isinstance(veld, forms.FileField):
            continue
        if not hasattr(record, naam):
            continue
        weergave = getattr(record, f"get_{naam}_display", None)
        waarde = weergave() if weergave else getattr(record, naam)
        if hasattr(waarde, "all"):
            waarde = ", ".join(str(w) for w in waarde.all())
        elif hasattr(waarde, "strftime"):
            waarde = f"{waarde:%d-%m-%Y}"
        waarden.append((str(veld.label), str(waarde) if waarde not in (None, "") else "—"))
    return waarden


def formulierpagina(
    request,
    form,
    opslaan,
    *,
    terug: str,
    melding: str,
    template="formulier.html",
    verder=None,
    **context,
):
    """The round trip of every edit page: show the form; on POST validate and save in one
    transaction; on success say so and go back (post/redirect/get) to `terug`, or to
    `verder(saved record)` when the address depends on what was saved; otherwise show the form
    again with the errors next to the fields and, after a conflict, the current values."""
    from django.contrib import messages
    from django.shortcuts import redirect, render

    if request.method == "POST" and (bewaard := verwerk(form, opslaan)) is not None:
        messages.success(request, melding)
        return redirect(verder(bewaard) if verder else terug)
    conflict = getattr(form, "conflict", None)
    return render(
        request,
        template,
        {
            "form": form,
            "terug": terug,
            "huidig": huidige_waarden(form, conflict) if conflict is not None else None,
            **context,
        },
        status=409 if conflict is not None else (400 if form.is_bound else 200),
    )
