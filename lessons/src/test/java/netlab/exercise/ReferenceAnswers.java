package netlab.exercise;

/** Correct answers written independently of the cases, as a teacher would write the solution cells. */
final class ReferenceAnswers {

    private ReferenceAnswers() {
    }

    static String classOf(String ip) {
        int first = Integer.parseInt(ip.substring(0, ip.indexOf('.')));
        if (first < 128) return "A";
        if (first < 192) return "B";
        if (first < 224) return "C";
        if (first < 240) return "D";
        return "E";
    }

    static boolean sameSubnet(String a, String b, int prefix) {
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        return (toInt(a) & mask) == (toInt(b) & mask);
    }

    static int toInt(String ip) {
        int v = 0;
        for (String part : ip.split("\\.")) {
            v = v << 8 | Integer.parseInt(part);
        }
        return v;
    }
}
