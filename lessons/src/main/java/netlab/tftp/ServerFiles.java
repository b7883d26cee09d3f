package netlab.tftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import netlab.text.Message;
import netlab.text.Text;

/**
 * Maps a requested file name to a file under the served directory, refusing anything outside it:
 * {@code ../} climbing, absolute names, and symbolic links that lead out (checked with {@code toRealPath}).
 */
final class ServerFiles {

    private final Path root;

    ServerFiles(Path root) throws IOException {
        this.root = root.toRealPath();
        if (!Files.isDirectory(this.root)) {
            throw new IOException(Text.of("tftp.files.notDirectory", root));
        }
    }

    /** Why a request for a file is refused: the reason {@code tftp.reason.files.KEY} with {@code args}. */
    private static TftpException refused(ErrorCode code, String key, Object... args) {
        return new TftpException(code, Message.of("tftp.reason.files." + key, args));
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
            throw refused(ErrorCode.FILE_NOT_FOUND, "none", shown(name));
        }
        Path real = real(path, name);
        if (!Files.isRegularFile(real)) {
            throw refused(ErrorCode.ACCESS_VIOLATION, "notRegular", shown(name));
        }
        if (!Files.isReadable(real)) {
            throw refused(ErrorCode.ACCESS_VIOLATION, "notReadable", shown(name));
        }
        return real;
    }

    /** Where to store a WRQ of {@code name}: in an existing directory under the root, never through a link. */
    Path forWrite(String name) throws TftpException {
        Path path = inside(name);
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw refused(ErrorCode.FILE_NOT_FOUND, "noDirectory", shown(name));
        }
        Path target = real(parent, name).resolve(path.getFileName());
        if (Files.isSymbolicLink(target) || (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target))) {
            throw refused(ErrorCode.ACCESS_VIOLATION, "existsNotRegular", shown(name));
        }
        return target;
    }

    /** The name resolved under the root, refusing names that climb out of it or are absolute. */
    private Path inside(String name) throws TftpException {
        if (name.isEmpty()) {
            throw refused(ErrorCode.FILE_NOT_FOUND, "emptyName");
        }
        Path requested;
        try {
            requested = Path.of(name);
        } catch (InvalidPathException e) {
            throw refused(ErrorCode.ACCESS_VIOLATION, "invalidName", shown(name));
        }
        if (requested.isAbsolute() || name.startsWith("/") || name.startsWith("\\")) {
            throw refused(ErrorCode.ACCESS_VIOLATION, "absolute", shown(name));
        }
        Path path = root.resolve(requested).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw refused(ErrorCode.ACCESS_VIOLATION, "outside", shown(name));
        }
        return path;
    }

    /** The real path (links resolved), which must still be under the root. */
    private Path real(Path path, String name) throws TftpException {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw refused(ErrorCode.FILE_NOT_FOUND, "cannotOpen", shown(name), e.getMessage());
        }
        if (!real.startsWith(root)) {
            throw refused(ErrorCode.ACCESS_VIOLATION, "leadsOutside", shown(name));
        }
        return real;
    }
}
