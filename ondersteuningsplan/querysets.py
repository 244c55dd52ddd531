from swv.querysets import SwvGebondenQuerySet


class ViaOndersteuningsplanQuerySet(SwvGebondenQuerySet):
    """Records that belong to an SWV through its ondersteuningsplan."""

    swv_pad = "ondersteuningsplan__swv"
