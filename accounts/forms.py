from django.contrib.auth.forms import AuthenticationForm

from passend.forms import NldsFormMixin


class InlogForm(NldsFormMixin, AuthenticationForm):
    pass
