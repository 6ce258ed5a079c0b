from django.apps import AppConfig


class FollowingConfig(AppConfig):
    name = "concord.following"
    verbose_name = "Following by e-mail"
