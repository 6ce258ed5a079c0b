from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "concord.registers"
    verbose_name = "Partnership registers"
