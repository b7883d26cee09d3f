package netlab.kernel.cli;

import static netlab.kernel.cli.GradeCommandIT.netlab;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.kernel.grading.Corpus;
import netlab.kernel.grading.CsvFiles;
import netlab.kernel.notebook.Notebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server exercise in a batch ({@code tcp-graded.ipynb}: {@code tcp.server}, whose check drives the answer on a
 * free loopback port, and {@code tcp.client}). "Port 7788 already taken": an answer that ignores the socket
 * it is given and binds a fixed port, which something else holds (here the test, on loopback: the port is
 * one the test got free from the system and keeps listening on), scores 0 for that exercise with a message
 * saying so; its other exercise and the other students are graded as usual.
 */
class ServerExerciseGradingIT {

    static final String LESSON = "tcp-graded.ipynb";

    @TempDir
    Path dir;

    @Test
    void aServerOnATakenPortScoresZeroWithAClearMessageAndTheBatchGoesOn() throws Exception {
        String teacherText;
        try (InputStream in = Corpus.class.getResourceAsStream(LESSON)) {
            teacherText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        GradeCommandIT.Released lesson = GradeCommandIT.writeAndRelease(dir, LESSON, teacherText);
        Path teacher = lesson.teacher();
        String released = lesson.text();
        Path subs = dir.resolve("submissions");

        try (ServerSocket holder = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int taken = holder.getLocalPort();
            String fixedPort = """
                    void serveOnce(ServerSocket given) throws Exception {
                        try (ServerSocket mine = new ServerSocket(%d); Socket s = mine.accept()) {   // "my port"
                            String line = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                            s.getOutputStream().write(("thank you: " + line + "\\n").getBytes(StandardCharsets.UTF_8));
                        }
                    }""".formatted(taken);
            write(subs, "a-port-taken", released, nb -> {
                answer(nb, "tcp-server-answer", fixedPort);
                answer(nb, "tcp-client-answer", solution(teacherText, "ask"));
            });
            write(subs, "b-correct", released, nb -> {
                answer(nb, "tcp-server-answer", solution(teacherText, "serveOnce"));
                answer(nb, "tcp-client-answer", solution(teacherText, "ask"));
            });
            write(subs, "c-blank", released, nb -> { });

            Path out = dir.resolve("grades");
            GradeCommandIT.Run r = netlab("grade", subs.toString(), "--source", teacher.toString(), "--out",
                    out.toString(), "--jobs", "2");
            assertEquals(0, r.status(), r.err() + r.out());
            assertEquals(List.of("student,tcp.server,tcp.client,total", "a-port-taken,0,5,5", "b-correct,5,5,10",
                    "c-blank,0,0,0"), CsvFiles.lines(out.resolve("grades.csv")));
            JsonObject server = JsonParser.parseString(Files.readString(out.resolve("a-port-taken.json")))
                    .getAsJsonObject().getAsJsonArray("notebooks").get(0).getAsJsonObject()
                    .getAsJsonArray("exercises").get(0).getAsJsonObject();
            assertTrue(server.toString().contains("BindException")
                    && server.toString().contains("is taken (by another program"), server.toString());
            assertTrue(Files.readString(out.resolve("a-port-taken.html")).contains("is taken"));
        }
    }

    /** The teacher's answer cell that defines {@code method}, markers and all (they are comments). */
    static String solution(String teacherText, String method) {
        for (var cell : Notebook.parse(teacherText).cells()) {
            if (cell.source().contains(" " + method + "(") && cell.source().contains("BEGIN SOLUTION")) {
                return cell.source();
            }
        }
        throw new AssertionError("no solution of " + method);
    }

    static void answer(JsonObject nb, String gradeId, String source) {
        Corpus.source(nb, gradeId, source);
    }

    static void write(Path subs, String student, String released, java.util.function.Consumer<JsonObject> edit)
            throws Exception {
        JsonObject nb = JsonParser.parseString(released).getAsJsonObject();
        edit.accept(nb);
        Path file = subs.resolve(student).resolve(LESSON);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Notebook.parse(nb.toString()).toJson());
    }
}
