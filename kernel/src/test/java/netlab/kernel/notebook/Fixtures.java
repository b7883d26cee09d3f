package netlab.kernel.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

final class Fixtures {

    private Fixtures() {
    }

    static String teacherNotebook() throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("teacher-ip.ipynb")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
