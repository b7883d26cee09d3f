package netlab.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import netlab.course.PacketExercises;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

class FirstDifferenceTest {

    private static final String QUERY = "\"12 34 01 00 00 01 00 00 00 00 00 00 03 77 77 77 06 69 74 63 61 73 74 02 63"
            + " 6e 00 00 01 00 01\"";
    private static final String DOTTED = "\"12 34 01 00 00 01 00 00 00 00 00 00 77 77 77 2e 69 74 63 61 73 74 2e 63"
            + " 6e 00 00 01 00 01\"";

    private static Optional<String> in(Lang lang, String expected, String actual) {
        return FirstDifference.of(expected, actual).map(m -> m.in(lang));
    }

    @Test
    void twoHexDumpsSayTheByteWhereTheyPartAndFourBytesOfEach() {
        assertEquals(Optional.of("; the two differ from byte 12 on (counting from 0): expected 03 77 77 77 …, got 77"
                + " 77 77 2e …"), in(Lang.EN, QUERY, DOTTED));
        assertEquals(Optional.of("；两者从第 12 个字节起不同（从 0 数起）：期望 03 77 77 77 …，实际 77 77 77 2e …"),
                in(Lang.ZH, QUERY, DOTTED));
        assertEquals(Optional.of("; the two differ from byte 30 on (counting from 0): expected 01, got nothing (it ends"
                + " before)"), in(Lang.EN, QUERY, QUERY.substring(0, QUERY.length() - 4) + "\""));
    }

    @Test
    void twoLongLinesSayTheCharacterWhereTheyPart() {
        assertEquals(Optional.of("; the two differ from character 20 on: expected \":50000: hell…\", got \" 5000:"
                + " hello\""), in(Lang.EN, "\"[#3] from 127.0.0.1:50000: hello\"",
                "\"[#3] from 127.0.0.1 5000: hello\""));
    }

    @Test
    void shortValuesSameValuesAndOtherKindsReadAsTheyAre() {
        assertEquals(Optional.empty(), in(Lang.EN, "\"192.168.1.2\"", "\"192.168.1.254\""));
        assertEquals(Optional.empty(), in(Lang.EN, QUERY, QUERY));
        assertEquals(Optional.empty(), in(Lang.EN, "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]",
                "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]"));
        assertEquals(Optional.empty(), in(Lang.EN, QUERY, "null"));
    }

    @Test
    void aCheckOfAByteAnswerSaysWhereItParts() {
        CheckReport report = Lang.readBy(() -> Lang.ZH, () -> Check.evaluate("dns.query",
                (PacketExercises.DnsQuery) (id, name) -> new byte[] {0x12, 0x34, 1, 0}));
        String message = report.outcomes().getFirst().message();
        assertTrue(message.endsWith("；两者从第 4 个字节起不同（从 0 数起）：期望 00 01 00 00 …，实际 没有了（到这里已经结束）"),
                message);
    }
}
