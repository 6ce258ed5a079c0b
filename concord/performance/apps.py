from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "concord.performance"
    verbose_name = "Performance"
