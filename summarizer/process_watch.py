"""Worker processes that never outlive the process that started them."""

from __future__ import annotations

import os
import threading
import time


def exit_with(parent_pid: int) -> None:
    """Exit this worker process once its parent is gone.

    A kill -9 of the parent gives its process pool no chance to stop the workers, which would
    otherwise wait for work forever. Meant as a pool's initializer.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
