package netlab.course;

import java.io.InterruptedIOException;
import java.io.Reader;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A keyboard a case types on: the answer reads it (through a {@link java.io.BufferedReader}) like
 * {@code System.in}, and {@code readLine()} blocks until the case types the next line, or returns null once
 * the case has closed it (end of input). So a case can hold a line back and watch what the answer does
 * while it waits for a person to type.
 */
final class Keyboard extends Reader {

    /** Compared by identity: the mark that input has ended. */
    private static final String END = new String("end of input");

    private final BlockingQueue<String> typed = new LinkedBlockingQueue<>();
    private String current = "";
    private int at;
    private boolean ended;

    /** Types {@code line} and Enter. */
    void type(String line) {
        typed.add(line + "\n");
    }

    /** Ends the input: once the typed lines are read, {@code readLine()} returns null. */
    @Override
    public void close() {
        typed.add(END);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws InterruptedIOException {
        if (length == 0) {
            return 0;
        }
        while (at == current.length()) {
            if (ended) {
                return -1;
            }
            String next;
            try {
                next = typed.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(netlab.text.Text.of("course.keyboard.interrupted"));
            }
            if (next == END) {
                ended = true;
                return -1;
            }
            current = next;
            at = 0;
        }
        int n = Math.min(length, current.length() - at);
        current.getChars(at, at + n, buffer, offset);
        at += n;
        return n;
    }
}
