from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from passend.forms import NldsFormMixin


class InlogForm(NldsFormMixin, AuthenticationForm):
    pass


class WachtwoordVergetenForm(NldsFormMixin, PasswordResetForm):
    pass


class NieuwWachtwoordForm(NldsFormMixin, SetPasswordForm):
    pass
