package netlab.runtime;

import java.util.ServiceLoader;

/** Where {@link NotebookHost#current} keeps the host it found (an interface has no private fields). */
final class FoundHost {

    /** Looked up on first use, so a process that never shows or tracks anything never searches. */
    static final NotebookHost HOST = ServiceLoader.load(NotebookHost.class, NotebookHost.class.getClassLoader())
            .findFirst().orElse(NotebookHost.OUTSIDE);

    private FoundHost() {
    }
}
