package netlab.tftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetasciiTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void lineFeedsBecomeCrLfAndLoneCrBecomesCrNul() {
        assertArrayEquals(b("a\r\nb\r\0c\r\n\r\n"), Netascii.encode(b("a\nb\rc\n\n")));
    }

    @Test
    void decodingUndoesEncoding() {
        assertArrayEquals(b("a\nb\rc\n"), Netascii.decode(b("a\r\nb\r\0c\r\n")));
        assertArrayEquals(b("x\r"), Netascii.decode(b("x\r")), "a CR at the very end stands for itself");
        assertArrayEquals(b("\rq"), Netascii.decode(b("\rq")), "a CR before another byte is kept, leniently");
    }

    @Test
    void aCrLfSplitAcrossTwoBlocksIsStillOneLineEnd() throws Exception {
        ByteArrayOutputStream local = new ByteArrayOutputStream();
        try (OutputStream out = Netascii.fromNetascii(local)) {
            out.write(b("line\r"));
            out.write(b("\nnext\r"));
            out.write(b("\0"));
        }
        assertEquals("line\nnext\r", local.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void randomBytesSurviveARoundTrip() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[random.nextInt(300)];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) "ab\r\n\0".charAt(random.nextInt(5));
            }
            assertArrayEquals(data, Netascii.decode(Netascii.encode(data)));
        }
    }
}
