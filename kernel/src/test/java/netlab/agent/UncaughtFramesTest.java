package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UncaughtFramesTest {

    @Test
    void aChainTravelsAsDataWithItsFramesAndMessages() throws Exception {
        IllegalStateException thrown = new IllegalStateException("服务器 " + "x".repeat(70_000),
                new java.io.IOException());
        UncaughtFrames.Report report = UncaughtFrames.decode(body(UncaughtFrames.encode("worker", thrown)));
        assertEquals("worker", report.thread());
        assertEquals(List.of("java.lang.IllegalStateException", "java.io.IOException"),
                report.chain().stream().map(UncaughtFrames.Thrown::className).toList());
        assertEquals(Optional.of(thrown.getMessage()), report.chain().get(0).message());
        assertEquals(Optional.empty(), report.chain().get(1).message());
        assertEquals(plain(Arrays.asList(thrown.getStackTrace())), plain(report.chain().get(0).frames()));
    }

    /** A stack overflow's thousands of frames and a cause that loops back are cut, not sent forever. */
    @Test
    void framesAndCausesAreBounded() throws Exception {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        StackTraceElement frame = new StackTraceElement("C", "m", null, 1);
        StackTraceElement[] many = new StackTraceElement[5000];
        Arrays.fill(many, frame);
        a.setStackTrace(many);
        UncaughtFrames.Report report = UncaughtFrames.decode(body(UncaughtFrames.encode("", a)));
        assertEquals(2, report.chain().size());
        assertEquals(UncaughtFrames.MAX_FRAMES, report.chain().get(0).frames().size());
        assertEquals(frame, report.chain().get(0).frames().get(0));
    }

    /** What travels of a frame: its module does not, which no student's frame has. */
    private static List<String> plain(List<StackTraceElement> frames) {
        return frames.stream().map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":"
                + f.getLineNumber() + ")").toList();
    }

    /** A student's exception class may throw from what describes it: the rest still travels. */
    @Test
    void anExceptionThatThrowsFromItsOwnGettersStillTravels() throws Exception {
        RuntimeException hostile = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("no message");
            }

            @Override
            public synchronized Throwable getCause() {
                throw new IllegalStateException("no cause");
            }
        };
        UncaughtFrames.Report report = UncaughtFrames.decode(body(UncaughtFrames.encode("t", hostile)));
        assertEquals(1, report.chain().size());
        assertEquals(Optional.empty(), report.chain().get(0).message());
        assertEquals(hostile.getStackTrace().length, report.chain().get(0).frames().size());
    }

    private static byte[] body(byte[] frame) {
        return Arrays.copyOfRange(frame, 4, frame.length);
    }
}
