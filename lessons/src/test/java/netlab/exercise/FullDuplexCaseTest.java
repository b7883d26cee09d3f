package netlab.exercise;

import netlab.course.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The {@code udp.full-duplex} case tells a chat that sends and receives at once from one that does one thing at
 * a time, and says which. (A full-duplex answer passing it is the teacher notebook's solution, run by the kernel's
 * CourseNotebooksIT.) All traffic stays on 127.0.0.1.
 */
class FullDuplexCaseTest {

    @Test
    void anAnswerThatReadsTheWholeKeyboardFirstFails() {
        UdpExercises.FullDuplex typeThenListen = (socket, peer, keyboard, screen) -> {
            for (String line = keyboard.readLine(); line != null; line = keyboard.readLine()) {
                send(socket, peer, line);
            }
            screen.accept(receive(socket));
        };
        assertFailsWith(typeThenListen, "the screen showed [] of [hello, 很好]");
    }

    @Test
    void anAnswerThatReceivesBeforeItSendsFails() {
        UdpExercises.FullDuplex listenThenType = (socket, peer, keyboard, screen) -> {
            screen.accept(receive(socket));
            send(socket, peer, keyboard.readLine());
        };
        assertFailsWith(listenThenType, "never reached the peer");
    }

    @Test
    void anAnswerThatTakesTurnsFails() {
        UdpExercises.FullDuplex turns = (socket, peer, keyboard, screen) -> {
            for (String line = keyboard.readLine(); line != null; line = keyboard.readLine()) {
                send(socket, peer, line);
                screen.accept(receive(socket));
            }
        };
        assertFailsWith(turns, "the screen showed [hello] of [hello, 很好]");
    }

    @Test
    void anAnswerThatNeverStopsItsReceiverFails() {
        UdpExercises.FullDuplex neverStops = (socket, peer, keyboard, screen) -> {
            Thread receiver = Thread.ofVirtual().start(() -> receiveForever(socket, screen));
            for (String line = keyboard.readLine(); line != null; line = keyboard.readLine()) {
                send(socket, peer, line);
            }
            receiver.join();
        };
        assertFailsWith(neverStops, "close the socket to stop the receiving thread");
    }

    @Test
    void theStubIsNotAnsweredAndOneLineEachWayIsRefused() {
        UdpExercises.FullDuplex stub = (socket, peer, keyboard, screen) -> {
            throw new UnsupportedOperationException("TODO: write your answer here");
        };
        assertTrue(Check.evaluate("udp.full-duplex", stub).notAnswered());
        assertThrows(IllegalArgumentException.class, () -> UdpExercises.fullDuplexCase(List.of("a"), List.of("b", "c")));
    }

    static void assertFailsWith(UdpExercises.FullDuplex answer, String message) {
        CheckReport r = Check.evaluate("udp.full-duplex", answer);
        CaseOutcome only = r.outcomes().getFirst();
        assertEquals(CaseOutcome.Status.ERROR, only.status(), r.toString());
        assertTrue(only.message().contains(message), only.message());
        assertEquals(netlab.text.Text.of("course.udp.full-duplex.hint"), only.hint());
    }

    static void send(DatagramSocket socket, InetSocketAddress peer, String line) throws IOException {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(b, b.length, peer));
    }

    static String receive(DatagramSocket socket) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
        socket.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    static void receiveForever(DatagramSocket socket, Consumer<String> screen) {
        List<String> seen = new ArrayList<>();
        try {
            while (seen.size() < 1000) {
                seen.add(receive(socket));
                screen.accept(seen.getLast());
            }
        } catch (IOException closed) {
            // the case closed the socket
        }
    }
}
