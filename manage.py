#!/usr/bin/env python
"""Django's command-line utility. Without PASSEND_OMGEVING it uses the embedded default (dev)."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passend.settings.base")
    os.environ.setdefault("PASSEND_OMGEVING", "dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
