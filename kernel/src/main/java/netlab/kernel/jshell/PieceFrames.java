package netlab.kernel.jshell;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the classes {@link DirectRun} compiled for a session came from, so a frame of one reads as the piece's
 * own line wherever it was thrown: in the piece's invoke, or later, in a thread the piece started. JShell
 * translates the frames of its own wrapper classes; these are the engine's, which it does not know.
 *
 * <p>Read by the thread that reads the agent's output as well as the shell thread: synchronized. Bounded: a
 * session keeps its latest {@link #KEPT} pieces; a frame of an older one reads as a library frame.
 */
final class PieceFrames {

    static final int KEPT = 10_000;

    /** A piece's snippet id ({@code v7}, its frames' file is {@code #v7}) and the lines its class's header adds. */
    private record Piece(String snippetId, int headerLines) {
    }

    private final Map<String, Piece> byClass = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Piece> eldest) {
            return size() > KEPT;
        }
    };

    /** Class {@code className} wraps piece {@code snippetId} under a header of {@code headerLines} lines. */
    synchronized void record(String className, String snippetId, int headerLines) {
        byClass.put(className, new Piece(snippetId, headerLines));
    }

    /**
     * {@code frames} with those of a recorded piece's class (its nested classes included) at {@code #snippetId},
     * their lines counted in the piece; the others as they are.
     */
    synchronized StackTraceElement[] placed(StackTraceElement[] frames) {
        StackTraceElement[] placed = frames.clone();
        for (int i = 0; i < placed.length; i++) {
            StackTraceElement f = placed[i];
            String name = f.getClassName();
            int nested = name.indexOf('$', DirectRun.CLASS_NAME_PREFIX.length());
            Piece piece = name.startsWith(DirectRun.CLASS_NAME_PREFIX)
                    ? byClass.get(nested < 0 ? name : name.substring(0, nested)) : null;
            if (piece != null) {
                placed[i] = new StackTraceElement(name, f.getMethodName(), "#" + piece.snippetId(),
                        f.getLineNumber() - piece.headerLines());
            }
        }
        return placed;
    }
}
