package netlab.kernel.protocol;

import java.util.OptionalInt;
import netlab.kernel.engine.CellIO;
import netlab.kernel.engine.MimeBundle;
import netlab.text.Text;

/** The {@link CellIO} of one execute request: output to iopub, input through stdin if the front end allows. */
final class CellContext implements CellIO {

    private final Message request;
    private final OptionalInt executionCount;
    private final boolean stdinAllowed;
    private final OutputStreams output;
    private final StdinBridge stdin;
    private volatile boolean exitAsked;

    CellContext(Message request, OptionalInt executionCount, boolean stdinAllowed, OutputStreams output,
                StdinBridge stdin) {
        this.request = request;
        this.executionCount = executionCount;
        this.stdinAllowed = stdinAllowed;
        this.output = output;
        this.stdin = stdin;
    }

    @Override
    public void stdout(String text) {
        output.write("stdout", text);
    }

    @Override
    public void stderr(String text) {
        output.write("stderr", text);
    }

    @Override
    public void display(MimeBundle bundle, String displayId, boolean update) {
        output.display(bundle, displayId, update);
    }

    @Override
    public void clearOutput(boolean wait) {
        output.clear(wait);
    }

    @Override
    public String cellId() {
        String id = request.metadata() == null ? "" : Json.string(request.metadata(), "cellId", "");
        return id.isEmpty() ? null : id;
    }

    @Override
    public OptionalInt executionCount() {
        return executionCount;
    }

    @Override
    public void askExit() {
        exitAsked = true;
    }

    /** Whether the cell asked the front end to close ({@link #askExit}). */
    boolean exitAsked() {
        return exitAsked;
    }

    @Override
    public boolean stdinAllowed() {
        return stdinAllowed;
    }

    @Override
    public String readLine(String prompt, boolean password) throws StdinUnavailableException {
        if (!stdinAllowed) {
            // worded when asked: the cell's reader may have switched language with %lang since the kernel started
            throw new StdinUnavailableException(Text.of("kernel.stdin.unavailable"));
        }
        output.flush(); // what the cell printed before asking must show before the prompt
        return stdin.readLine(request, prompt, password);
    }
}
