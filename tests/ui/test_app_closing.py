"""A worker's message that reaches the app while it closes must not crash it.

Workers post from threads and cannot know the app is closing. Textual's test harness closes the app from
the test's task while the app's own task still handles messages, so a message posted just then is handled
after the screen's widgets are gone ("No nodes match 'ListPane'": a hostile-probe test failed this way
when the folder's final list arrived just as the test ended)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.message import Message

from tests.conftest import until


async def test_worker_messages_arriving_while_the_app_closes_are_dropped(tmp_path: Path, make) -> None:
    from newsreader.ui import messages as msg
    from newsreader.ui.article_list import ArticleList
    from newsreader.ui.list_pane import ListPane

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "story.txt").write_text("A story\n\n\"We will win,\" said Jane Doe.\n")
    app = make(folder)
    posted = 0

    def late_worker(message: Message) -> None:
        """The moment the list pane is taken down, a worker's answers arrive."""
        nonlocal posted
        if isinstance(message, events.Unmount) and isinstance(message._sender, ListPane) and not posted:
            posted = 1
            app.post_message(msg.FolderLoaded(articles, final=True, notice=None))
            app.post_message(msg.IndexProgress(1, 2, "indexing"))
            app.post_message(msg.QuoteCounts([]))

    async with app.run_test(size=(100, 30), message_hook=late_worker) as pilot:
        lst = app.query_one(ArticleList)
        await until(pilot, lambda: bool(lst.articles), "the folder")
        articles = list(lst.articles)
    assert posted == 1 and app.return_code in (None, 0)
