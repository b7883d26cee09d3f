package netlab.tftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Maps a requested file name to a file under the served directory, refusing anything outside it:
 * {@code ../} climbing, absolute names, and symbolic links that lead out (checked with {@code toRealPath}).
 */
final class ServerFiles {

    private final Path root;

    ServerFiles(Path root) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) {
            throw new IOException("expected a directory to serve but " + root + " is not one");
        }
    }

    /** A requested name in a message: quoted, escaped and cut (see {@link TransferSummary#quoted(String, char)}). */
    private static String shown(String name) {
        return TransferSummary.quoted(name, '\'');
    }

    Path root() {
        return root;
    }

    /** The existing regular file to send for an RRQ of {@code name}. */
    Path forRead(String name) throws TftpException {
        Path path = inside(name);
        if (!Files.exists(path)) {
            throw new TftpException(ErrorCode.FILE_NOT_FOUND, "no file " + shown(name) + " on this server");
        }
        Path real = real(path, name);
        if (!Files.isRegularFile(real)) {
            throw new TftpException(ErrorCode.ACCESS_VIOLATION, shown(name) + " is not a regular file");
        }
        if (!Files.isReadable(real)) {
            throw new TftpException(ErrorCode.ACCESS_VIOLATION, shown(name) + " is not readable");
        }
        return real;
    }

    /** Where to store a WRQ of {@code name}: in an existing directory under the root, never through a link. */
    Path forWrite(String name) throws TftpException {
        Path path = inside(name);
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new TftpException(ErrorCode.FILE_NOT_FOUND, "no directory for " + shown(name) + " on this server");
        }
        Path target = real(parent, name).resolve(path.getFileName());
        if (Files.isSymbolicLink(target) || (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target))) {
            throw new TftpException(ErrorCode.ACCESS_VIOLATION, shown(name) + " exists and is not a regular file");
        }
        return target;
    }

    /** The name resolved under the root, refusing names that climb out of it or are absolute. */
    private Path inside(String name) throws TftpException {
        if (name.isEmpty()) {
            throw new TftpException(ErrorCode.FILE_NOT_FOUND, "expected a file name but the request has an empty one");
        }
        Path requested;
        try {
            requested = Path.of(name);
        } catch (InvalidPathException e) {
            throw new TftpException(ErrorCode.ACCESS_VIOLATION, shown(name) + " is not a valid file name here");
        }
        if (requested.isAbsolute() || name.startsWith("/") || name.startsWith("\\")) {
            throw new TftpException(ErrorCode.ACCESS_VIOLATION, "absolute names like " + shown(name)
                    + " are refused; ask for a name relative to the served directory");
        }
        Path path = root.resolve(requested).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new TftpException(ErrorCode.ACCESS_VIOLATION, shown(name) + " is outside the served directory");
        }
        return path;
    }

    /** The real path (links resolved), which must still be under the root. */
    private Path real(Path path, String name) throws TftpException {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new TftpException(ErrorCode.FILE_NOT_FOUND, "cannot open " + shown(name) + ": " + e.getMessage());
        }
        if (!real.startsWith(root)) {
            throw new TftpException(ErrorCode.ACCESS_VIOLATION, shown(name) + " leads outside the served directory");
        }
        return real;
    }
}
