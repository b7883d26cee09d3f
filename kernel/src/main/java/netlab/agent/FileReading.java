package netlab.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import netlab.agent.Control.Unreadable;
import netlab.agent.Control.Unreadable.Reason;

/**
 * Answers {@link Control.ReadFile} in the agent, where student code runs: a file a cell could not read itself is
 * not read here either. Only a regular file is read: a pipe or a device ({@code /dev/stdin}) could keep the
 * control connection, which every cell needs, waiting for good.
 */
final class FileReading {

    private FileReading() {
    }

    static Control.Reply read(String path) {
        try {
            Path file = Path.of(path);
            BasicFileAttributes kind = Files.readAttributes(file, BasicFileAttributes.class);
            if (kind.isDirectory()) {
                return new Unreadable(Reason.DIRECTORY, "");
            }
            if (!kind.isRegularFile()) {
                return new Unreadable(Reason.NOT_A_FILE, "");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(Control.MOST_FILE_BYTES + 1);
                return bytes.length > Control.MOST_FILE_BYTES ? new Unreadable(Reason.TOO_LARGE, "")
                        : new Control.FileBytes(bytes);
            }
        } catch (NoSuchFileException e) {
            return new Unreadable(Reason.MISSING, "");
        } catch (AccessDeniedException e) {
            return new Unreadable(Reason.DENIED, "");
        } catch (IOException | InvalidPathException | SecurityException e) {
            return new Unreadable(Reason.OTHER, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
