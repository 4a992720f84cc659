from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "get_full_name", "email", "council", "is_active"]
    list_filter = ["council", "groups", "is_active"]
    fieldsets = (*(DjangoUserAdmin.fieldsets or ()), ("Council", {"fields": ["council"]}))
