package netlab.tftp;

import java.util.Locale;

/** A count of bytes or blocks as the library shows it: digits grouped by commas, the same in both languages. */
final class Counts {

    private Counts() {
    }

    /** {@code 1048576} as {@code "1,048,576"}. */
    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
