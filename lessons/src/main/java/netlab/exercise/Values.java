package netlab.exercise;

/** How values appear in feedback: strings quoted, long values cut, always one line. */
final class Values {

    static final int MAX = 200;

    private Values() {
    }

    static String show(Object value) {
        String text = value instanceof String s ? "\"" + s + "\""
                : value instanceof char[] chars ? "\"" + new String(chars) + "\""
                : String.valueOf(value);
        return oneLine(text);
    }

    static String oneLine(String text) {
        String line = text.replace("\r", "\\r").replace("\n", "\\n");
        return line.length() <= MAX ? line : line.substring(0, MAX - 1) + "…";
    }

    /** The one-line summary of a throwable: its simple class name and message. */
    static String summary(Throwable t) {
        String message = t.getMessage();
        return oneLine(t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message));
    }
}
