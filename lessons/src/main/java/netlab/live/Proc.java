package netlab.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.text.Text;

/** Reads a /proc file, or says in the student's language that this needs Linux. */
final class Proc {

    private Proc() {
    }

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(Text.of("live.proc.unreadable", file, e.getMessage()), e);
        }
    }
}
