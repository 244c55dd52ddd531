"""`manage.py runserver` as staticfiles has it, with Nagle's algorithm off on every connection.

Django's server writes a response's headers and body in two small writes. On a connection the
browser keeps alive, the second waits for the client's acknowledgement of the first, which Linux
delays by 40 ms: every request after the first on a connection took 40 ms more than its work
(python/cpython#108736). The standard library's handler has the switch
(`StreamRequestHandler.disable_nagle_algorithm`); Django's `run()` takes the server class but
not the handler class, so the server class puts the handler in.
"""

from django.contrib.staticfiles.management.commands.runserver import Command as Runserver
from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer


class Handler(WSGIRequestHandler):
    disable_nagle_algorithm = True


class Server(WSGIServer):
    def __init__(self, server_address, handler_class, *args, **kwargs):
        super().__init__(server_address, Handler, *args, **kwargs)


class Command(Runserver):
    server_cls = Server
