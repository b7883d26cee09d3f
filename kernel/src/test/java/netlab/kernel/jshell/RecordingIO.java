package netlab.kernel.jshell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.MimeBundle;

/** A {@link CellIO} that records what a cell sent, and answers input from a queue (or refuses). */
final class RecordingIO implements CellIO {

    final StringBuffer out = new StringBuffer();
    final StringBuffer err = new StringBuffer();
    final List<MimeBundle> displays = new ArrayList<>();
    final List<String> displayIds = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    private final Deque<String> input = new ArrayDeque<>();
    private final Supplier<String> refusal;
    private String cellId;
    private OptionalInt executionCount = OptionalInt.empty();

    RecordingIO() {
        this((Supplier<String>) null);
    }

    /** With a refusal message, every readLine fails with it. */
    RecordingIO(String refusal) {
        this(() -> refusal);
    }

    /** Every readLine fails with the message {@code refusal} words when asked, as the protocol's front end does. */
    RecordingIO(Supplier<String> refusal) {
        this.refusal = refusal;
    }

    /** As a front end sends a cell: its id, and the number it shows beside the cell for this run. */
    RecordingIO asCell(String id, int number) {
        this.cellId = id;
        this.executionCount = OptionalInt.of(number);
        return this;
    }

    @Override
    public String cellId() {
        return cellId;
    }

    @Override
    public OptionalInt executionCount() {
        return executionCount;
    }

    RecordingIO withInput(String... lines) {
        input.addAll(List.of(lines));
        return this;
    }

    @Override
    public synchronized void stdout(String text) {
        out.append(text);
        events.add("out:" + text);
    }

    @Override
    public synchronized void stderr(String text) {
        err.append(text);
        events.add("err:" + text);
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId, boolean update) {
        displays.add(bundle);
        displayIds.add(displayId);
        events.add((update ? "update:" : "display:") + bundle.plainText());
    }

    @Override
    public synchronized void askExit() {
        events.add("exit");
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        events.add("clear");
    }

    @Override
    public boolean stdinAllowed() {
        return refusal == null;
    }

    @Override
    public synchronized String readLine(String prompt, boolean password) throws StdinUnavailableException {
        if (refusal != null) {
            throw new StdinUnavailableException(refusal.get());
        }
        if (input.isEmpty()) {
            throw new StdinUnavailableException("no more test input");
        }
        return input.removeFirst();
    }
}
