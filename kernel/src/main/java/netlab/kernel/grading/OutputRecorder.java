package netlab.kernel.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import netlab.kernel.notebook.Cell;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * The {@link CellIO} of {@code netlab run}: shows a cell's output on the terminal and records it in the
 * cell's {@code outputs} as nbclient would (stream text merged per stream, display_data, execute_result,
 * error), keeping at most {@code limit} characters. Lines starting with {@code NETLAB-CHECK } are check
 * reports for the runner: they are collected and neither shown nor recorded.
 *
 * <p>The stream output being written keeps its text in a builder, put into its JSON when another output follows
 * or the cell ends: joining each line to the whole text so far took 9.8 s for a cell printing 100,000 lines, 120 s
 * for 400,000.
 */
final class OutputRecorder implements CellIO {

    private final Cell cell;
    private final PrintStream terminal;
    private final PrintStream terminalErr;
    private final Map<String, List<JsonObject>> displays;
    private final long limit;
    private final StringBuilder stdoutLine = new StringBuilder();
    private final List<CheckResult> checks = new ArrayList<>();
    private long recorded;
    private boolean truncated;
    private boolean clearOnNextOutput;
    /** The stream output the next text of its stream joins, and its text so far; null when none is open. */
    private JsonObject openStream;
    private final StringBuilder openText = new StringBuilder();
    private final Lang lang;

    /**
     * {@code displays}: display id → outputs showing it, across the notebook, so updates find them; {@code lang}:
     * the language of its own notes.
     */
    OutputRecorder(Cell cell, PrintStream terminal, PrintStream terminalErr, Map<String, List<JsonObject>> displays,
                   long limit, Lang lang) {
        this.lang = lang;
        this.cell = cell;
        this.terminal = terminal;
        this.terminalErr = terminalErr;
        this.displays = displays;
        this.limit = limit;
    }

    @Override
    public synchronized void stdout(String text) {
        stdoutLine.append(text);
        StringBuilder lines = new StringBuilder();
        int start = 0;
        for (int nl; (nl = stdoutLine.indexOf("\n", start)) >= 0; start = nl + 1) {
            String line = stdoutLine.substring(start, nl + 1);
            if (!takeMarker(line.strip())) {
                lines.append(line);
            }
        }
        stdoutLine.delete(0, start);
        stream("stdout", lines.toString());
        flushStdoutLine(); // a long line without newlines is passed on, unless it may be a marker
    }

    @Override
    public synchronized void stderr(String text) {
        flushStdoutLine();
        stream("stderr", text);
    }

    @Override
    public synchronized void display(MimeBundle bundle, String displayId, boolean update) {
        flushStdoutLine();
        if (update && displayId != null) {
            for (JsonObject o : displays.getOrDefault(displayId, List.of())) {
                o.add("data", data(bundle));
            }
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "display_data");
        o.add("data", data(bundle));
        o.add("metadata", new JsonObject());
        if (add(o, bundle.plainText().length())) {
            show(terminal, bundle.plainText(), true);
        }
        if (displayId != null) {
            displays.computeIfAbsent(displayId, k -> new ArrayList<>()).add(o);
        }
    }

    @Override
    public synchronized void clearOutput(boolean wait) {
        if (wait) {
            clearOnNextOutput = true;
        } else {
            closeStream();
            cell.outputs().asList().clear();
        }
    }

    @Override
    public boolean stdinAllowed() {
        return false;
    }

    @Override
    public String readLine(String prompt, boolean password) throws StdinUnavailableException {
        throw new StdinUnavailableException(Text.in(lang, "cli.no.keyboard"));
    }

    /** Records how the cell ended: its value as execute_result, or its error. Call once, after the cell. */
    synchronized void finish(ExecuteOutcome outcome, int executionCount, String timeoutNote) {
        flushStdoutLine();
        if (stdoutLine.length() > 0) {
            stream("stdout", stdoutLine.toString());
            stdoutLine.setLength(0);
        }
        switch (outcome) {
            case ExecuteOutcome.Success s -> s.result().ifPresent(bundle -> {
                JsonObject o = new JsonObject();
                o.addProperty("output_type", "execute_result");
                o.addProperty("execution_count", executionCount);
                o.add("data", data(bundle));
                o.add("metadata", new JsonObject());
                if (add(o, bundle.plainText().length())) {
                    show(terminal, bundle.plainText(), true);
                }
            });
            case ExecuteOutcome.Failure f -> error(f.ename(), f.evalue(), f.traceback());
            case ExecuteOutcome.Interrupted i -> error(timeoutNote != null ? "CellTimeoutError" : "Interrupted",
                    timeoutNote != null ? timeoutNote : i.message(),
                    List.of(timeoutNote != null ? timeoutNote : i.message()));
            case ExecuteOutcome.EngineRestarted r -> error("EngineRestarted", r.message(), List.of(
                    (timeoutNote != null ? timeoutNote + " " : "") + r.message()));
        }
        closeStream();
    }

    List<CheckResult> checks() {
        return checks;
    }

    private void error(String ename, String evalue, List<String> traceback) {
        JsonObject o = new JsonObject();
        o.addProperty("output_type", "error");
        o.addProperty("ename", ename);
        o.addProperty("evalue", evalue);
        JsonArray tb = new JsonArray();
        traceback.forEach(tb::add);
        o.add("traceback", tb);
        closeStream();
        cell.outputs().add(o); // errors are always kept, even past the limit
        traceback.forEach(terminalErr::println);
    }

    private boolean takeMarker(String line) {
        if (!line.startsWith(CheckResult.MARKER)) {
            return false;
        }
        try {
            checks.add(CheckResult.parse(line));
            return true;
        } catch (IllegalArgumentException e) {
            return false; // not a real report: show it like any other text
        }
    }

    private void flushStdoutLine() {
        // a partial line is held back only while it may still become a marker line
        if (stdoutLine.length() > 0 && !CheckResult.MARKER.startsWith(stdoutLine.substring(0,
                Math.min(stdoutLine.length(), CheckResult.MARKER.length())))) {
            stream("stdout", stdoutLine.toString());
            stdoutLine.setLength(0);
        }
    }

    private void stream(String name, String text) {
        if (text.isEmpty()) {
            return;
        }
        JsonArray outputs = cell.outputs();
        applyPendingClear();
        if (!room(text.length())) {
            return;
        }
        recorded += text.length();
        show(name.equals("stdout") ? terminal : terminalErr, text, false);
        if (openStream == null || !openStream.get("name").getAsString().equals(name)) {
            closeStream();
            openStream = new JsonObject();
            openStream.addProperty("output_type", "stream");
            openStream.addProperty("name", name);
            outputs.add(openStream);
        }
        openText.append(text);
    }

    /** Puts the open stream output's text into its JSON: another output follows it, or the cell has ended. */
    private void closeStream() {
        if (openStream != null) {
            openStream.addProperty("text", openText.toString());
            openStream = null;
        }
        openText.setLength(0);
    }

    private boolean add(JsonObject output, long size) {
        applyPendingClear();
        if (!room(size)) {
            return false;
        }
        recorded += size;
        closeStream();
        cell.outputs().add(output);
        return true;
    }

    private boolean room(long size) {
        if (recorded + size <= limit) {
            return true;
        }
        if (!truncated) {
            truncated = true;
            String note = "\n" + Text.in(lang, "cli.output.dropped", limit / 1_000_000) + "\n";
            JsonObject o = new JsonObject();
            o.addProperty("output_type", "stream");
            o.addProperty("name", "stderr");
            o.addProperty("text", note);
            closeStream();
            cell.outputs().add(o);
            terminalErr.print(note);
        }
        return false;
    }

    private void applyPendingClear() {
        if (clearOnNextOutput) {
            clearOnNextOutput = false;
            closeStream();
            cell.outputs().asList().clear();
        }
    }

    private static void show(PrintStream to, String text, boolean line) {
        to.print(text);
        if (line && !text.endsWith("\n")) {
            to.println();
        }
        to.flush();
    }

    private static JsonObject data(MimeBundle bundle) {
        JsonObject d = new JsonObject();
        for (Map.Entry<String, String> e : bundle.data().entrySet()) {
            String type = e.getKey();
            String value = e.getValue();
            if (type.equals("application/json")) {
                try {
                    d.add(type, com.google.gson.JsonParser.parseString(value));
                    continue;
                } catch (RuntimeException notJson) {
                    // keep it as text
                }
            }
            d.addProperty(type, value);
        }
        if (!d.has("text/plain")) {
            d.addProperty("text/plain", "");
        }
        return d;
    }
}
