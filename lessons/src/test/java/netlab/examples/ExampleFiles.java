package netlab.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** The files the examples name, in a scratch directory: a served directory "files" and copies beside it. */
final class ExampleFiles {

    private ExampleFiles() {
    }

    static void create(Path scratch) throws IOException {
        Path files = Files.createDirectories(scratch.resolve("files"));
        Files.writeString(files.resolve("hello.txt"), "hello, TFTP\n");
        Files.writeString(files.resolve("a.txt"), "a small file\n");
        byte[] big = new byte[64 << 10];
        new Random(1).nextBytes(big);
        Files.write(files.resolve("big.bin"), big);
        Files.write(files.resolve("boot.img"), big);
        Files.write(files.resolve("a.bin"), big);
        Files.writeString(scratch.resolve("a.txt"), "a local file\n");
    }
}
