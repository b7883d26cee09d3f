package netlab.kernel.notebook;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * nbgrader's cell checksum, so nbgrader accepts the checksums netlab writes. nbgrader (utils.py,
 * {@code compute_checksum}) takes the MD5 of, in order: the source, the cell type, Python's {@code str()} of
 * is-grade, is-solution and is-locked ({@code True}/{@code False}), the grade id, and for grade cells
 * {@code str(float(points))}. Locked here means nbgrader's rule: never for solution cells, always for grade
 * cells, else the {@code locked} flag. Reimplemented from that description.
 */
public final class NbgraderChecksum {

    private NbgraderChecksum() {
    }

    /** The checksum of {@code cell}, which must have nbgrader metadata. */
    public static String of(Cell cell) {
        NbgraderCell n = cell.nbgrader().orElseThrow(() -> new IllegalArgumentException(
                "cell " + cell.id().orElse("(no id)") + " has no nbgrader metadata to checksum"));
        return of(cell.source(), cell.type(), n);
    }

    static String of(String source, String cellType, NbgraderCell n) {
        boolean locked = !n.solution() && (n.grade() || n.locked());
        StringBuilder text = new StringBuilder(source).append(cellType)
                .append(python(n.grade())).append(python(n.solution())).append(python(locked))
                .append(n.gradeId());
        if (n.grade()) {
            text.append(pythonFloat(n.points().orElseThrow()));
        }
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no MD5, which every JDK must provide", e);
        }
    }

    private static String python(boolean b) {
        return b ? "True" : "False";
    }

    /** Python's {@code str(float)}: shortest digits, {@code 2.0} not {@code 2}, exponent form below 1e-4 and from 1e16. */
    static String pythonFloat(double d) {
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        // Double.toString gives the shortest digits that round-trip, as Python's repr does; only the layout differs
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale(); // value = d.ddd × 10^exponent
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = shortest.toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }
}
