"""The Textual shell: widgets, bindings and workers over the pure core. Nothing else imports this."""
