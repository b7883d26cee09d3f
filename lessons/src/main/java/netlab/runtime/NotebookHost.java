package netlab.runtime;

import netlab.display.DisplaySink;

/**
 * The process that runs notebook code, as the course library reaches it: where {@link netlab.display.Display} sends
 * what a cell shows, who is told of the sockets and threads the library opens for a cell ({@link Resources#track}),
 * how a {@link StopScope} is opened. netlab's agent provides one; without it (plain Java, an IDE, a test) the
 * library runs {@link #OUTSIDE} a notebook.
 * <p>
 * The host is found once, with {@link java.util.ServiceLoader} in the course library's own class loader: a
 * notebook cell, whose classes JShell loads with a class loader of its own, can neither register one nor replace
 * the one found.
 *
 * <pre>{@code
 * NotebookHost.current().getClass().getSimpleName()   // "AgentHost" in a notebook
 * }</pre>
 */
public interface NotebookHost {

    /** Where {@link netlab.display.Display} sends bundles. */
    DisplaySink display();

    /** Records {@code resource} as opened by the cell running on the calling thread (outside cells: ignored). */
    void track(Object resource);

    /** A new scope under the code running on the calling thread; see {@link StopScope#open}. */
    StopScope openScope();

    /** Outside a notebook: text to standard output, nothing tracked, scopes whose stop does nothing. */
    NotebookHost OUTSIDE = new NotebookHost() {
        @Override
        public DisplaySink display() {
            return DisplaySink.STDOUT;
        }

        @Override
        public void track(Object resource) {
        }

        @Override
        public StopScope openScope() {
            return StopScope.NONE;
        }
    };

    /** This process's host: the one provided to the course library's class loader, else {@link #OUTSIDE}. */
    static NotebookHost current() {
        return FoundHost.HOST;
    }
}
