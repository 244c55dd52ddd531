from django.core.management import get_commands, load_command_class
from django.core.servers.basehttp import WSGIRequestHandler


def test_runserver_is_ours_and_turns_nagle_off():
    """`./scripts/start` runs `manage.py runserver`: it must be the command that serves static
    files and answers a kept-alive connection without the 40 ms pause."""
    assert get_commands()["runserver"] == "passend.devserver"
    command = load_command_class("passend.devserver", "runserver")
    server = command.server_cls(("127.0.0.1", 0), WSGIRequestHandler)
    try:
        assert server.RequestHandlerClass.disable_nagle_algorithm is True
        assert "staticfiles" in type(command).__mro__[1].__module__
    finally:
        server.server_close()
