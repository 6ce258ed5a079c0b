from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "concord.agenda"
    verbose_name = "Work programmes and agendas"
