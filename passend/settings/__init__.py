"""Settings of Passend portaal.

`base.py` defines every setting once and reads each from the environment through
`passend.settings.env`. The environment modules (`dev`, `ci`, `production`) only choose the
defaults for the variables that base reads; `PASSEND_OMGEVING` says which one applies.
"""
