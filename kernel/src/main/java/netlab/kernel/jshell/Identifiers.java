package netlab.kernel.jshell;

/**
 * Java names in a cell's text, read by code point: a letter beyond the BMP ({@code 𝑥}) is two {@code char}s of
 * one name, and {@link Character#isJavaIdentifierPart(char)} says no to each half.
 */
final class Identifiers {

    private Identifiers() {
    }

    /** The index just past the run of identifier characters that starts at {@code from} ({@code from} if none). */
    static int end(CharSequence s, int from) {
        int i = from;
        while (i < s.length()) {
            int c = Character.codePointAt(s, i);
            if (!Character.isJavaIdentifierPart(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /**
     * Where the run of identifier characters (and dots, with {@code dots}: a qualified name) that ends at
     * {@code end} begins ({@code end} if none).
     */
    static int start(CharSequence s, int end, boolean dots) {
        int i = end;
        while (i > 0) {
            int c = Character.codePointBefore(s, i);
            if (!(Character.isJavaIdentifierPart(c) || dots && c == '.')) {
                break;
            }
            i -= Character.charCount(c);
        }
        return i;
    }

    /** Whether a name can start at {@code i}. */
    static boolean startsAt(CharSequence s, int i) {
        return i >= 0 && i < s.length() && Character.isJavaIdentifierStart(Character.codePointAt(s, i));
    }

    /** Whether the character before {@code i} can be part of a name. */
    static boolean partBefore(CharSequence s, int i) {
        return i > 0 && Character.isJavaIdentifierPart(Character.codePointBefore(s, i));
    }
}
