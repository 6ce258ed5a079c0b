from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "concord.registers"
    verbose_name = "Partnership registers"

    def ready(self) -> None:
        from concord.portal.home_sections import Section, register
        from concord.registers.consultations import home_section

        register(
            Section(
                key="consultations",
                template="registers/_home_consultations.html",
                context=home_section,
                order=50,
            )
        )
