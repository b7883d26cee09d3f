package netlab.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.annotations.SerializedName;
import netlab.kernel.engine.LanguageFacts;
import netlab.kernel.engine.MimeBundle;

import java.util.List;
import java.util.Map;

/**
 * Message contents as records, so no handler spells a JSON key: {@link Json#GSON} turns {@code executionCount}
 * into {@code execution_count} and leaves out null components. The basekernel's content classes miss fields
 * the protocol needs (status of kernel_info_reply, execution_count of error replies, typed completions).
 */
final class Content {

    private Content() {
    }

    // ---- replies ----

    record KernelInfo(String status, String protocolVersion, String implementation, String implementationVersion,
                      LanguageInfo languageInfo, String banner, List<LanguageFacts.HelpLink> helpLinks,
                      boolean debugger) {
    }

    record LanguageInfo(String name, String version, String mimetype, String fileExtension,
                        String codemirrorMode, String pygmentsLexer) {
    }

    record ExecuteOk(String status, int executionCount, Map<String, Object> userExpressions, List<Object> payload) {
        ExecuteOk(int executionCount, Map<String, Object> userExpressions) {
            this("ok", executionCount, userExpressions, List.of());
        }
    }

    record ExecuteError(String status, int executionCount, String ename, String evalue, List<String> traceback) {
        ExecuteError(int executionCount, Error error) {
            this("error", executionCount, error.ename(), error.evalue(), error.traceback());
        }
    }

    record Aborted(String status, Integer executionCount) {
        Aborted(Integer executionCount) {
            this("aborted", executionCount);
        }
    }

    /** A failed request of any type; also the {@code error} iopub content (whose status is left out). */
    record Error(String status, String ename, String evalue, List<String> traceback) {
        Error(String ename, String evalue, List<String> traceback) {
            this("error", ename, evalue, traceback);
        }

        static Error of(String ename, String evalue) {
            return new Error(ename, evalue, List.of(ename + ": " + evalue));
        }

        Error published() {
            return new Error(null, ename, evalue, traceback);
        }
    }

    record Complete(String status, List<String> matches, int cursorStart, int cursorEnd,
                    Map<String, Object> metadata) {
    }

    record TypedMatch(int start, int end, String text, String type, String signature) {
    }

    record Inspect(String status, boolean found, Map<String, String> data, Map<String, Object> metadata) {
    }

    record IsComplete(String status, String indent) {
    }

    record History(String status, JsonArray history) {
    }

    record CommInfo(String status, Map<String, Object> comms) {
    }

    record Shutdown(String status, boolean restart) {
    }

    record Ok(String status) {
        static final Ok INSTANCE = new Ok("ok");
    }

    record UserExpressionValue(String status, Map<String, String> data, Map<String, Object> metadata) {
        UserExpressionValue(MimeBundle bundle) {
            this("ok", bundle.data(), bundle.metadata());
        }
    }

    // ---- iopub and stdin ----

    record Status(String executionState) {
    }

    record ExecuteInput(String code, int executionCount) {
    }

    record ExecuteResult(int executionCount, Map<String, String> data, Map<String, Object> metadata) {
    }

    record Stream(String name, String text) {
    }

    record DisplayData(Map<String, String> data, Map<String, Object> metadata,
                       @SerializedName("transient") Map<String, Object> transientData) {
    }

    record ClearOutput(@SerializedName("wait") boolean waitForNewOutput) {
    }

    record CommClose(String commId, Map<String, Object> data) {
    }

    record InputRequest(String prompt, boolean password) {
    }
}
