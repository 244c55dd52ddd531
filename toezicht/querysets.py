from swv.querysets import SwvGebondenQuerySet


class ViaRegistratieQuerySet(SwvGebondenQuerySet):
    swv_pad = "registratie__swv"
