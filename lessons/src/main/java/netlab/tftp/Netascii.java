package netlab.tftp;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The netascii translation of RFC 764 used by TFTP's "netascii" mode: on the wire every line ends in CR LF
 * and a lone CR travels as CR NUL. Local files use Unix line ends (LF).
 *
 * <pre>{@code
 * new String(Netascii.encode("a\nb\r".getBytes()))   // "a\r\nb\r\000"
 * new String(Netascii.decode("a\r\nb\r\0".getBytes()))   // "a\nb\r"
 * }</pre>
 *
 * <p>The streams are stateful: a CR that ends one DATA block and the LF that starts the next still make one
 * line end. Not thread safe; one stream per transfer.
 */
public final class Netascii {

    private Netascii() {
    }

    /** Local text to netascii. Example: {@code Netascii.encode("hi\n".getBytes())} is {@code "hi\r\n"}. */
    public static byte[] encode(byte[] local) {
        try (InputStream in = toNetascii(new java.io.ByteArrayInputStream(local))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Netascii to local text. Example: {@code Netascii.decode("hi\r\n".getBytes())} is {@code "hi\n"}. */
    public static byte[] decode(byte[] netascii) {
        ByteArrayOutputStream local = new ByteArrayOutputStream();
        try (OutputStream out = fromNetascii(local)) {
            out.write(netascii);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return local.toByteArray();
    }

    /** Reads {@code local} and yields netascii. Example: {@code Netascii.toNetascii(Files.newInputStream(p))}. */
    public static InputStream toNetascii(InputStream local) {
        return new FilterInputStream(local) {
            private int pending = -1;   // the byte after a CR we already returned

            @Override
            public int read() throws IOException {
                if (pending >= 0) {
                    int b = pending;
                    pending = -1;
                    return b;
                }
                int b = in.read();
                if (b == '\n') {
                    pending = '\n';
                    return '\r';
                }
                if (b == '\r') {
                    pending = 0;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = 0;
                while (n < len) {
                    // Stop at the end of data already buffered, so a slow source does not block a full block.
                    if (n > 0 && pending < 0 && in.available() <= 0) {
                        break;
                    }
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) c;
                }
                return n;
            }
        };
    }

    /** Writes netascii into {@code local} as local text. Example: {@code Netascii.fromNetascii(Files.newOutputStream(p))}. */
    public static OutputStream fromNetascii(OutputStream local) {
        return new FilterOutputStream(local) {
            private boolean afterCr;

            @Override
            public void write(int b) throws IOException {
                b &= 0xFF;
                if (afterCr) {
                    afterCr = false;
                    if (b == '\n') {
                        out.write('\n');
                        return;
                    }
                    out.write('\r');
                    if (b == 0) {
                        return;
                    }
                }
                if (b == '\r') {
                    afterCr = true;
                } else {
                    out.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(b[off + i]);
                }
            }

            @Override
            public void close() throws IOException {
                if (afterCr) {   // a CR at the very end stands for itself
                    afterCr = false;
                    out.write('\r');
                }
                super.close();
            }
        };
    }
}
