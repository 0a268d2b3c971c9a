"""The API page's labels (Parameters, Returns, Raises ...) in the language of the build.

mkdocstrings takes its locale from ``theme.language`` in its ``on_config``. mkdocs-static-i18n
builds the English site by running the build again and sets the language only in its own,
later ``on_config``, so mkdocstrings would keep the Korean labels there too. At the start of
each language's build, give mkdocstrings that build's language. mkdocstrings-python has no
Korean labels: hooks/templates/python/material/languages/ko.html.jinja adds them.
"""


def on_pre_build(config):
    plugin = config.plugins.get("mkdocstrings")
    if plugin is not None and getattr(plugin, "_handlers", None) is not None:
        plugin.handlers._locale = str(config.theme.get("language") or "en")
