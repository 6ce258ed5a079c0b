"""The search index's entries (the full-text index over them is 0002)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('governance', '0002_edit_versions'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(max_length=20)),
                ('object_id', models.BigIntegerField()),
                ('date', models.DateField(blank=True, db_index=True, null=True)),
                ('title', models.CharField(max_length=300)),
                ('text', models.TextField(blank=True)),
                ('url', models.CharField(max_length=300)),
                ('body', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='governance.body')),
            ],
            options={
                'verbose_name_plural': 'search entries',
                'constraints': [models.UniqueConstraint(fields=('kind', 'object_id'), name='one_entry_per_record')],
            },
        ),
    ]
