"""The Textual app and its widgets: App.run_test() + Pilot, and the SVG snapshots."""
