package netlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import netlab.exercise.CaseOutcome;
import netlab.exercise.Check;
import netlab.exercise.CheckReport;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.Test;

/** What the {@code http.server} cases say about a {@code serve()} that throws once its listener is closed. */
class HttpServerCasesTest {

    /** A server that answers right and lets accept()'s SocketException escape when the check closes it. */
    private static final HttpExercises.PageServer RIGHT_BUT_THROWS = (server, pages) -> {
        while (true) {
            Socket client = server.accept();
            Thread.ofVirtual().start(() -> converse(client, pages));
        }
    };

    /** The same with every page missing: its answers are wrong. */
    private static final HttpExercises.PageServer WRONG_AND_THROWS = (server, pages) -> {
        while (true) {
            Socket client = server.accept();
            Thread.ofVirtual().start(() -> converse(client, Map.of()));
        }
    };

    /** A server that hangs up on every client without a response, and lets accept()'s SocketException escape. */
    private static final HttpExercises.PageServer HANGS_UP = (server, pages) -> {
        while (true) {
            server.accept().close();
        }
    };

    private static final String THREW = Text.in(Lang.EN, "course4.outcome.threw-on-close", "SocketException");

    /**
     * The news is the connection closed without a response, which broke the client's request; not the
     * "Socket closed" the server's accept() then threw when the check closed its listener.
     */
    @Test
    void aServerThatHangsUpIsToldWhatItDidNotSend() {
        CaseOutcome first = Check.evaluate("http.server", HANGS_UP).outcomes().getFirst();
        assertEquals(CaseOutcome.Status.ERROR, first.status(), first.toString());
        assertTrue(first.actual().contains("IOException") && !first.actual().contains("Socket closed"),
                first.toString());
        assertTrue(first.message().contains("closed (or reset) the connection before its response was whole"),
                first.toString());
    }

    @Test
    void rightAnswersFailForNotReturningAndShowWhatTheClientGot() {
        CheckReport report = Check.evaluate("http.server", RIGHT_BUT_THROWS);
        assertFalse(report.allPassed());
        for (CaseOutcome o : report.outcomes()) {
            assertTrue(o.actual().contains(THREW), o.toString());
        }
        assertTrue(report.outcomes().getFirst().actual().contains("body=hello"), report.outcomes().toString());
    }

    @Test
    void wrongAnswersShowWhatTheClientGotBesideIt() {
        CaseOutcome first = Check.evaluate("http.server", WRONG_AND_THROWS).outcomes().getFirst();
        assertEquals(CaseOutcome.Status.FAILED, first.status(), first.toString());
        assertTrue(first.actual().startsWith("[404, "), first.toString());
        assertTrue(first.actual().contains(THREW), first.toString());
    }

    private static void converse(Socket client, Map<String, String> served) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            for (String line; (line = in.readLine()) != null; ) {
                String[] part = line.split(" ");
                boolean close = part.length == 3 && part[2].equals("HTTP/1.0");
                for (String h; (h = in.readLine()) != null && !h.isEmpty(); ) {
                    close |= h.equalsIgnoreCase("Connection: close");
                }
                if (part.length != 3) {
                    respond(out, "400 Bad Request", "bad request");
                    return;
                }
                String page = served.get(part[1]);
                respond(out, page == null ? "404 Not Found" : "200 OK", page == null ? "not found" : page);
                if (close) {
                    return;
                }
            }
        } catch (IOException gone) {
            // the check closed the connection
        }
    }

    private static void respond(OutputStream out, String status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }
}
