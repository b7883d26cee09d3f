package netlab.grader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netlab.exercise.Check;
import netlab.course.TcpExercises;
import netlab.course.TftpExercises;
import netlab.course.UdpExercises;
import org.junit.jupiter.api.Test;

/**
 * Answers of chapters 1–2 with the classic slips pass the public cases but fail a hidden one. That the right
 * answers pass every case is shown by grading the teacher notebooks, whose solutions are the one copy of the
 * reference answers (kernel's CourseNotebooksIT, with this jar). All traffic stays on 127.0.0.1.
 */
class ChapterHiddenCasesTest {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    static void assertOnlyHiddenCasesCatch(String id, Object slip) {
        assertTrue(Check.evaluate(id, slip).allPassed(), id + ": the slip should pass the public cases");
        assertFalse(Check.grade(id, slip, TIMEOUT).allPassed(), id + ": a hidden case should catch the slip");
    }

    @Test
    void aSignedBlockNumberIsWrongAbove32767() {
        assertOnlyHiddenCasesCatch("tftp.describe", (TftpExercises.Describe) p -> {
            ByteBuffer b = ByteBuffer.wrap(p);
            short opcode = b.getShort();
            short n = b.getShort();
            return switch (opcode) {
                case 3 -> "DATA " + n + " (" + (p.length - 4) + " bytes)";
                case 4 -> "ACK " + n;
                case 5 -> "ERROR " + n + ": " + new String(p, 4, p.length - 5, StandardCharsets.US_ASCII);
                default -> throw new IllegalArgumentException("opcode " + opcode);
            };
        });
    }

    @Test
    void theSeedsPortRangesAreOffByOneAtEachLastPort() {
        assertOnlyHiddenCasesCatch("net.port-kind",
                (UdpExercises.PortKind) p -> p < 1023 ? "well-known" : p < 49151 ? "registered" : "dynamic");
    }

    @Test
    void sizeMinusTwoIsWrongForSlash31AndSlash32() {
        assertOnlyHiddenCasesCatch("subnet.host-count", (UdpExercises.HostCount) p -> (1L << (32 - p)) - 2);
    }

    @Test
    void aChatThatSendsAnEmptyFirstLineHasNotStopped() {
        assertOnlyHiddenCasesCatch("tcp.chat", (TcpExercises.Chat) (host, port, lines) -> {
            List<String> answers = new ArrayList<>();
            try (Socket s = new Socket(host, port)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                for (String line : lines.subList(0, lines.indexOf(""))) {
                    s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    answers.add(in.readLine());
                }
                if (lines.indexOf("") == 0) {
                    s.getOutputStream().write("\n".getBytes(StandardCharsets.UTF_8));
                    answers.add(in.readLine());
                }
            }
            return answers;
        });
    }
}
