from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class Paginering(PageNumberPagination):
    """`?pagina=2&paginaGrootte=50`; 20 per page unless asked, at most 1,000, so that a page
    costs the same whatever the size of the collection and a copy of the largest one (12,360
    pupil counts) takes thirteen requests, not 124."""

    page_query_param = "pagina"
    page_size_query_param = "paginaGrootte"
    page_size = 20
    max_page_size = 1000
    invalid_page_message = "Deze pagina bestaat niet."

    def _geheel_getal(self, request, naam: str, hoogste: int | None):
        waarde = request.query_params.get(naam)
        if waarde is None:
            return None
        bereik = f"van 1 tot en met {hoogste}" if hoogste else "vanaf 1"
        if not (waarde.isascii() and waarde.isdigit()) or not 1 <= int(waarde) <= (
            hoogste or 10**9
        ):
            raise ValidationError({naam: f"Een geheel getal {bereik}."})
        return int(waarde)

    def get_page_size(self, request):
        grootte = self._geheel_getal(request, self.page_size_query_param, self.max_page_size)
        return grootte or self.page_size

    def paginate_queryset(self, queryset, request, view=None):
        self._geheel_getal(request, self.page_query_param, None)
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        from rest_framework.response import Response

        return Response(
            {
                "aantal": self.page.paginator.count,
                "volgende": self.get_next_link(),
                "vorige": self.get_previous_link(),
                "resultaten": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["aantal", "resultaten"],
            "properties": {
                "aantal": {"type": "integer", "example": 123},
                "volgende": {"type": "string", "nullable": True, "format": "uri"},
                "vorige": {"type": "string", "nullable": True, "format": "uri"},
                "resultaten": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Het paginanummer, vanaf 1.",
                "schema": {"type": "integer", "minimum": 1, "maximum": 10**9},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Aantal per pagina, ten hoogste {self.max_page_size}.",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size},
            },
        ]
