package netlab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageSignerTest {

    @Test
    void signsItsPartsAsOneTextWithTheKey() {
        // RFC 4231, test case 2: HMAC-SHA-256 of "what do ya want for nothing?" with the key "Jefe"
        MessageSigner signer = MessageSigner.of("hmac-sha256", "Jefe").orElseThrow();
        byte[] signature = signer.sign(bytes("what do ya "), bytes("want "), bytes(""), bytes("for nothing?"));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                new String(signature, StandardCharsets.US_ASCII));
    }

    @Test
    void anEmptyKeyAsksForNoSignatureAndAnUnknownSchemeIsRefused() {
        assertTrue(MessageSigner.of("hmac-sha256", "").isEmpty());
        assertTrue(MessageSigner.of(null, null).isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageSigner.of("hmac-nonesuch", "key"));
        assertTrue(e.getMessage().startsWith("The connection file's signature_scheme 'hmac-nonesuch' is not usable"),
                e.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
