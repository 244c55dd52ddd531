from rest_framework import serializers

from passend.fields import DatumField

#: The integer range of PostgreSQL, for every database: the document and the validation are
#: then the same on the embedded default (SQLite, 64 bits) as in production.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1


def camel(naam: str) -> str:
    eerste, *rest = naam.split("_")
    return eerste + "".join(deel[:1].upper() + deel[1:] for deel in rest)


class CamelMixin:
    """Field names in lowerCamelCase on the wire (`periodeVan`), the model's names in Python
    (`periode_van`): one convention with the query keys, without a renaming layer."""

    def get_fields(self):
        velden = {}
        for naam, veld in super().get_fields().items():
            nieuw = camel(naam)
            if nieuw != naam and isinstance(veld, serializers.SerializerMethodField):
                veld.method_name = veld.method_name or f"get_{naam}"
            elif nieuw != naam and veld.source is None:
                veld.source = naam
            velden[nieuw] = veld
        return velden


class Serializer(CamelMixin, serializers.Serializer):
    pass


class ModelSerializer(CamelMixin, serializers.ModelSerializer):
    def build_standard_field(self, field_name, model_field):
        klasse, kwargs = super().build_standard_field(field_name, model_field)
        if "max_value" in kwargs:
            kwargs["max_value"] = min(kwargs["max_value"], INT_MAX)
        if "min_value" in kwargs:
            kwargs["min_value"] = max(kwargs["min_value"], INT_MIN)
        if isinstance(model_field, DatumField):
            uitleg = kwargs.get("help_text") or ""
            kwargs["help_text"] = f"{uitleg} {model_field.grenzen.omschrijving()}".strip()
        return klasse, kwargs


class SlugVeld(serializers.SlugRelatedField):
    """A reference by code that refuses a NUL character before it reaches PostgreSQL."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value="")
        return super().to_internal_value(data)
