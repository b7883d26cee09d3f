package netlab.kernel.grading;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import netlab.text.Message;

/**
 * A submitted file read as a notebook's JSON text, or the one sentence a student can act on saying why it is not
 * one: a symbolic link or other non-regular file (never followed: it could point at the teacher's notebook), too
 * large, empty, UTF-16 or another encoding than UTF-8 (GBK), JSON that does not parse (with line and column), or
 * an nbformat other than 4, or JSON not shaped as a notebook ({@link NotebookShape}).
 */
final class SubmissionText {

    static final long MAX_BYTES = 32L << 20;
    private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");

    private SubmissionText() {
    }

    /** The file's JSON text, checked to be an nbformat 4 notebook's. */
    static String read(Path file) throws Submission.Rejected {
        String name = file.getFileName().toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new Submission.Rejected(Message.of("grade.missing", name));
        }
        if (attributes.isSymbolicLink()) {
            throw new Submission.Rejected(Message.of("grade.symlink", name));
        }
        if (!attributes.isRegularFile()) {
            throw new Submission.Rejected(Message.of("grade.not-a-file", name));
        }
        if (attributes.size() > MAX_BYTES) {
            throw new Submission.Rejected(Message.of("grade.too-large", name, attributes.size() >> 20, MAX_BYTES >> 20));
        }
        byte[] bytes;
        // NOFOLLOW_LINKS: a link put in its place since the check is refused, not followed
        try (SeekableByteChannel in = Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_BYTES + 1, Math.max(in.size(), 0) + 1));
            while (buffer.hasRemaining() && in.read(buffer) > 0) {
                // read to the end or the limit
            }
            if (buffer.position() > MAX_BYTES) {
                throw new Submission.Rejected(Message.of("grade.too-large", name, buffer.position() >> 20, MAX_BYTES >> 20));
            }
            bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException e) {
            throw new Submission.Rejected(Message.of("grade.unreadable", name));
        }
        String text = decode(name, bytes);
        if (text.isBlank()) {
            throw new Submission.Rejected(Message.of("grade.empty", name));
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            Matcher m = WHERE.matcher(String.valueOf(e.getMessage()));
            throw new Submission.Rejected(m.find() ? Message.of("grade.bad-json", name, m.group(1), m.group(2))
                    : Message.of("grade.bad-json", name, "?", "?"));
        }
        if (!root.isJsonObject()) {
            throw new Submission.Rejected(Message.of("grade.not-notebook", name));
        }
        NotebookShape.check(name, root.getAsJsonObject());
        return text;
    }

    /** UTF-8 (a byte-order mark is dropped); UTF-16 and anything else undecodable say so. */
    private static String decode(String name, byte[] bytes) throws Submission.Rejected {
        int from = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            from = 3;
        }
        boolean utf16Mark = bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF
                || (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE);
        boolean utf16Zeros = bytes.length >= 4 && (bytes[0] == 0 || bytes[1] == 0);
        if (utf16Mark || utf16Zeros) {
            throw new Submission.Rejected(Message.of("grade.utf16", name));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new Submission.Rejected(Message.of("grade.not-utf8", name, in.position() + 1));
        }
    }
}
