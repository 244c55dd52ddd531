from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from passend.forms import NldsFormMixin


class InlogForm(NldsFormMixin, AuthenticationForm):
    controleer_vrije_tekst = False  # a user name, an e-mail address, a password


class WachtwoordVergetenForm(NldsFormMixin, PasswordResetForm):
    controleer_vrije_tekst = False  # a user name, an e-mail address, a password


class NieuwWachtwoordForm(NldsFormMixin, SetPasswordForm):
    controleer_vrije_tekst = False  # a user name, an e-mail address, a password


class CodeForm(NldsFormMixin, forms.Form):
    controleer_vrije_tekst = False  # six digits of a one-time code
    code = forms.CharField(
        label="Code uit de app",
        help_text="De zes cijfers die uw authenticator-app nu toont.",
        min_length=6,
        max_length=6,
        error_messages={
            "required": "Typ de code van zes cijfers uit uw authenticator-app.",
            "min_length": "De code heeft zes cijfers.",
            "max_length": "De code heeft zes cijfers.",
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )

    def clean_code(self):
        code = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit():
            raise forms.ValidationError("De code bestaat alleen uit cijfers.")
        return code
