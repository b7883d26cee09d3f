package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AgentProtocolTest {

    @Test
    void stringsRoundTripBeyondWriteUtfsLimit() throws IOException {
        String svg = "<svg>" + "网".repeat(40_000) + "</svg>"; // 120 KB of UTF-8: writeUTF would refuse it
        String[] sent = {"image/svg+xml", svg, ""};
        assertArrayEquals(sent, roundTrip(sent));
    }

    @Test
    void noneIsNotEmpty() throws IOException {
        assertNull(roundTrip(null));
        assertArrayEquals(new String[0], roundTrip(new String[0]));
    }

    @Test
    void corruptCountsAreRefused() {
        byte[] negative = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0};
        IOException e = assertThrows(IOException.class,
                () -> AgentProtocol.readStrings(new DataInputStream(new ByteArrayInputStream(negative))));
        assertEquals("corrupt control frame: string count -16", e.getMessage());
    }

    private static String[] roundTrip(String[] strings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AgentProtocol.writeStrings(new DataOutputStream(bytes), strings);
        return AgentProtocol.readStrings(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
