package netlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netlab.exercise.CaseOutcome;
import netlab.exercise.Check;
import netlab.exercise.CheckReport;
import netlab.text.Text;
import netlab.tftp.Tftp;
import org.junit.jupiter.api.Test;

/**
 * The cases added to chapter 2 catch the mistakes they are for, and pass a right answer: a one-at-a-time server,
 * a reader that takes one read() for a frame, a TFTP client that ignores ERROR or the server's TID. All on loopback.
 */
class NewCasesTest {

    static CaseOutcome outcome(CheckReport r, String nameStart) {
        return r.outcomes().stream().filter(o -> o.name().startsWith(nameStart)).findFirst().orElseThrow();
    }

    @Test
    void aServerThatServesOneClientAtATimeIsToldWhy() {
        TcpStreamExercises.MultiClient oneAtATime = (server, clients) -> {
            for (int i = 0; i < clients; i++) {
                try (Socket s = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        };
        CheckReport r = Check.evaluate("tcp.multi-client", oneAtATime);
        CaseOutcome only = r.outcomes().getFirst();
        assertEquals(CaseOutcome.Status.ERROR, only.status(), r.toString());
        assertTrue(only.message().contains(Text.of("course.tcp.multi-client.one-at-a-time", 2)), only.message());
    }

    @Test
    void aServerWithAThreadPerClientPasses() {
        TcpStreamExercises.MultiClient perClient = (server, clients) -> {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Socket s = server.accept();
                threads.add(Thread.ofVirtual().start(() -> {
                    try (s) {
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            s.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                    } catch (IOException ignored) {
                        // the client left
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
        };
        CheckReport r = Check.evaluate("tcp.multi-client", perClient);
        assertTrue(r.allPassed(), r.toString());
    }

    @Test
    void aReaderThatTakesOneReadForAFrameFailsWhenFramesArriveInPieces() {
        TcpStreamExercises.Frames oneRead = socket -> {
            InputStream in = socket.getInputStream();
            List<String> messages = new ArrayList<>();
            byte[] buffer = new byte[65_536];
            while (true) {
                int head = in.read(buffer, 0, 2);
                if (head < 2) {
                    return messages;
                }
                int length = ((buffer[0] & 0xFF) << 8) | (buffer[1] & 0xFF);
                int got = in.read(buffer, 0, length);
                messages.add(new String(buffer, 0, Math.max(got, 0), StandardCharsets.UTF_8));
            }
        };
        CheckReport r = Check.evaluate("tcp.frames", oneRead);
        assertTrue(outcome(r, "readFrames(socket) ← [hello, world]").passed(), r.toString());
        assertTrue(!outcome(r, "readFrames(socket) ← [你好").passed(), r.toString());
    }

    @Test
    void aReaderWithReadFullyPasses() {
        TcpStreamExercises.Frames full = socket -> {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            List<String> messages = new ArrayList<>();
            while (true) {
                int length;
                try {
                    length = in.readUnsignedShort();
                } catch (java.io.EOFException end) {
                    return messages;
                }
                byte[] b = new byte[length];
                in.readFully(b);
                messages.add(new String(b, StandardCharsets.UTF_8));
            }
        };
        assertTrue(Check.evaluate("tcp.frames", full).allPassed());
    }

    @Test
    void netlabsOwnClientHandlesErrorAndTheTid() {
        TftpExercises.Download library = (host, port, name) -> Tftp.client(host, port).getBytes(name);
        CheckReport r = Check.evaluate("tftp.download", library);
        assertTrue(r.allPassed(), r.toString());
    }

    @Test
    void aClientThatTakesDataFromAnyPortOrIgnoresErrorFails() {
        CheckReport r = Check.evaluate("tftp.download", (TftpExercises.Download) NewCasesTest::careless);
        assertTrue(outcome(r, "download(host, port, \"case.bin\") ← 3000 B").passed(), r.toString());
        CaseOutcome error = outcome(r, "download(host, port, \"missing.bin\")");
        CaseOutcome tid = outcome(r, "download(host, port, \"tid.bin\")");
        assertEquals(CaseOutcome.Status.FAILED, error.status(), r.toString());
        assertEquals(CaseOutcome.Status.FAILED, tid.status(), r.toString());
        assertTrue(tid.showsHint() && error.showsHint());
    }

    /** A lock-step client that ACKs whatever DATA arrives from wherever and skips everything else, ERROR included. */
    static byte[] careless(String host, int port, String name) throws IOException {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(100);
            byte[] rrq = TftpExercises.request(name, "octet");
            s.send(new DatagramPacket(rrq, rrq.length, new InetSocketAddress(host, port)));
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            int expected = 1;
            for (int silences = 0; silences < 10; ) {
                DatagramPacket p = new DatagramPacket(new byte[516], 516);
                try {
                    s.receive(p);
                } catch (java.net.SocketTimeoutException e) {
                    silences++;
                    continue;
                }
                byte[] d = p.getData();
                if (d[1] != 3) {
                    continue;
                }
                s.send(new DatagramPacket(new byte[] {0, 4, d[2], d[3]}, 4, p.getSocketAddress()));
                int block = ((d[2] & 0xFF) << 8) | (d[3] & 0xFF);
                if (block == expected) {
                    file.write(d, 4, p.getLength() - 4);
                    expected++;
                    if (p.getLength() < 516) {
                        return file.toByteArray();
                    }
                }
            }
            return file.toByteArray();
        }
    }

    @Test
    void predictionsCompareTheValueAndAWrongOneShowsAHintThatIsNotTheValue() {
        CheckReport wrong = Check.evaluate("tftp.predict-blocks", (Prediction.Count) () -> 2);
        CaseOutcome o = wrong.outcomes().getFirst();
        assertEquals(CaseOutcome.Status.FAILED, o.status());
        assertTrue(o.showsHint() && !o.hint().contains("3"), o.hint());
        assertTrue(Check.evaluate("udp.predict-truncation", (Prediction.Line) () -> " 0123 ").allPassed());
    }
}
