package netlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import netlab.display.Svg;
import netlab.text.Text;
import netlab.tftp.PacketTrace;
import netlab.tftp.Tftp;
import netlab.tftp.TftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chapters' pictures are well-formed SVG with a text form that says the same. */
class PicturesTest {

    static void wellFormed(Svg svg) throws Exception {
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.svg().getBytes(StandardCharsets.UTF_8)));
        assertTrue(!svg.text().isBlank());
    }

    @Test
    void staticPictures() throws Exception {
        for (Svg svg : List.of(Pictures.twoProcesses(), Pictures.layers(), Pictures.acceptQueue(2, 5))) {
            wellFormed(svg);
        }
        String queue = Pictures.acceptQueue(2, 5).text();
        assertEquals(3, queue.split(Text.of("course.picture.established"), -1).length - 1, queue);
        assertEquals(2, queue.split(Text.of("course.picture.syn-dropped"), -1).length - 1, queue);
    }

    @Test
    void theLadderShowsTheServersNewPort(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "x".repeat(600));
        PacketTrace trace = new PacketTrace();
        try (TftpServer server = Tftp.server(dir).log(line -> { }).start()) {
            Tftp.client("127.0.0.1", server.port()).trace(trace).getBytes("a.txt");
            Svg ladder = Pictures.ladder(trace, 8);
            wellFormed(ladder);
            String[] lines = ladder.text().split("\n");
            assertTrue(lines[0].contains("RRQ") && lines[0].endsWith(":" + server.port()), ladder.text());
            assertTrue(!lines[1].endsWith(":" + server.port()), "the answer comes from the server's TID: " + ladder.text());
        }
    }
}
