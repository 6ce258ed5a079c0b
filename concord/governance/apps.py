from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "concord.governance"

    def ready(self) -> None:
        # Saving the partnership's identity drops its cached copy.
        from concord.governance import identity  # noqa: F401
