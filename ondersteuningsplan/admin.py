"""The milestone schedule and its per-SWV exceptions in the admin, for the beheerder only.
A change is a new data row, not a migration; the history records who changed what."""

from django import forms
from django.contrib import admin

from ondersteuningsplan.models import Mijlpaal, MijlpaalUitzondering
from ondersteuningsplan.stappen import Stap


class MijlpaalForm(forms.ModelForm):
    stappen = forms.MultipleChoiceField(
        label="stappen die hem halen",
        choices=Stap.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="De mijlpaal is gehaald als al deze stappen een datum hebben.",
    )
    voorwaarden = forms.MultipleChoiceField(
        label="voorwaarden",
        choices=Stap.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Stappen die er moeten zijn voordat de mijlpaal 'risico' kan worden.",
    )

    class Meta:
        model = Mijlpaal
        fields = [
            "code",
            "naam",
            "omschrijving",
            "volgorde",
            "sector",
            "deadline",
            "deadline_experiment",
            "herhaling_jaren",
            "stappen",
            "voorwaarden",
        ]


@admin.register(Mijlpaal)
class MijlpaalAdmin(admin.ModelAdmin):
    form = MijlpaalForm
    list_display = ["volgorde", "naam", "sector", "deadline", "deadline_experiment", "herhaling"]
    list_display_links = ["naam"]
    list_filter = ["sector"]
    search_fields = ["code", "naam"]
    ordering = ["volgorde"]

    @admin.display(description="herhaling")
    def herhaling(self, mijlpaal):
        if not mijlpaal.herhaling_jaren:
            return "—"
        return f"elke {mijlpaal.herhaling_jaren} jaar"


@admin.register(MijlpaalUitzondering)
class MijlpaalUitzonderingAdmin(admin.ModelAdmin):
    list_display = ["swv", "mijlpaal", "cyclus", "deadline", "reden"]
    list_filter = ["mijlpaal"]
    search_fields = ["swv__code", "swv__naam", "reden"]
    autocomplete_fields = ["swv"]
    list_select_related = ["swv", "mijlpaal"]
    ordering = ["swv__code", "mijlpaal__volgorde"]
