from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "concord.search"

    def ready(self) -> None:
        from concord.search import indexing

        indexing.connect_signals()
