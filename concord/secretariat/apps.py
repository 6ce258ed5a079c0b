from django.apps import AppConfig


class SecretariatConfig(AppConfig):
    name = "concord.secretariat"
