package netlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import netlab.exercise.CaseOutcome;
import netlab.exercise.Check;
import netlab.exercise.CheckReport;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

/** The echo server's check tells a loop that turns once too often from a wrong echo. */
class UdpEchoCaseTest {

    /** Echoes {@code turns(count)} datagrams back to their senders. */
    private static UdpExercises.EchoServer echoing(java.util.function.IntUnaryOperator turns) {
        return (DatagramSocket socket, int count) -> {
            for (int i = 0; i < turns.applyAsInt(count); i++) {
                DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
                socket.receive(p);
                socket.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
            }
        };
    }

    @Test
    void aLoopThatTurnsOnceTooOftenIsToldSo() {
        CheckReport right = Lang.readBy(() -> Lang.EN, () -> Check.evaluate("udp.echo-server", echoing(n -> n)));
        assertTrue(right.allPassed(), right.toString());
        CheckReport once = Check.evaluate("udp.echo-server", echoing(n -> n + 1));
        CaseOutcome first = once.outcomes().getFirst();
        assertEquals(CaseOutcome.Status.ERROR, first.status(), first.toString());
        // worded as the case's thread reads (the notebook's language; here, the JVM's)
        assertTrue((first.message().contains("都原样回显了，但答案没有返回")
                || first.message().contains("came back as sent, but the answer did not return"))
                && !first.message().contains("TimeoutException"), first.message());
    }
}
