from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "concord.people"
    verbose_name = "People and organisations"
