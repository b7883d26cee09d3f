package netlab.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EncodingsTest {

    @Test
    void sameChineseTextIsDifferentBytes() {
        assertEquals("e4 bd a0 e5 a5 bd", Encodings.hex("你好", Encodings.UTF_8));
        assertEquals("c4 e3 ba c3", Encodings.hex("你好", Encodings.GBK));
        assertEquals("68 69", Encodings.hex("hi", Encodings.GBK)); // ASCII is the same in both
        assertNotEquals("你好", Encodings.decode(Encodings.bytes("你好", Encodings.GBK), Encodings.UTF_8));
        String html = Encodings.compare("你好").html();
        assertTrue(html.contains("<td>UTF-8</td><td>e4 bd a0 e5 a5 bd</td><td>6</td><td>你好</td>"), html);
        assertTrue(html.contains("<td>GBK</td><td>c4 e3 ba c3</td><td>4</td>"), html);
    }

    @Test
    void gbkOverUdpArrivesAsGbkBytes() {
        try (UdpEndpoint sender = Udp.bind("127.0.0.1", 0).charset(Encodings.GBK);
             UdpEndpoint receiver = Udp.bind("127.0.0.1", 0)) {
            sender.send("你好", "127.0.0.1", receiver.port());
            Datagram d = receiver.receive(Duration.ofSeconds(5));
            assertEquals("c4 e3 ba c3", d.hex());
            assertNotEquals("你好", d.text()); // read as UTF-8: garbage
            assertEquals("你好", Encodings.decode(d.data(), Encodings.GBK));
        }
    }
}
