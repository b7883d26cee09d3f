package netlab.kernel.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs (and plain-text results) of this kernel session, for {@code history_request}: session number
 * {@value #SESSION}, line = execution count. In memory only: a restarted kernel starts a new history.
 */
final class History {

    static final int SESSION = 1;

    record Entry(int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    /** Answers a history_request's content. */
    synchronized Content.History answer(JsonObject request) {
        String access = Json.string(request, "hist_access_type", "tail");
        int n = Json.integer(request, "n", 10);
        List<Entry> found = switch (access) {
            case "tail" -> last(entries, n);
            case "range" -> range(Json.integer(request, "session", 0), Json.integer(request, "start", 0),
                    Json.integer(request, "stop", 0));
            case "search" -> search(Json.string(request, "pattern", "*"), Json.bool(request, "unique", false),
                    request.has("n") && !request.get("n").isJsonNull() ? n : Integer.MAX_VALUE);
            default -> List.of();
        };
        return new Content.History("ok", toJson(found, Json.bool(request, "output", false)));
    }

    private static List<Entry> last(List<Entry> list, int n) {
        return n <= 0 ? List.of() : List.copyOf(list.subList(Math.max(0, list.size() - n), list.size()));
    }

    /** Lines {@code start <= line < stop} of this session (0 or 1); a stop of 0 or less means "to the end". */
    private List<Entry> range(int session, int start, int stop) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        return entries.stream()
                .filter(e -> e.line() >= start && (stop <= 0 || e.line() < stop))
                .toList();
    }

    /** Glob match ({@code *}, {@code ?}) on the whole input; with unique, only the latest of equal inputs. */
    private List<Entry> search(String glob, boolean unique, int n) {
        Pattern pattern = globToRegex(glob);
        List<Entry> matches = entries.stream().filter(e -> pattern.matcher(e.input()).matches()).toList();
        if (unique) {
            Map<String, Entry> latest = new LinkedHashMap<>();
            for (Entry e : matches) {
                latest.remove(e.input());
                latest.put(e.input(), e);
            }
            matches = List.copyOf(latest.values());
        }
        return last(matches, n);
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static JsonArray toJson(List<Entry> found, boolean withOutput) {
        JsonArray history = new JsonArray();
        for (Entry e : found) {
            JsonArray row = new JsonArray();
            row.add(SESSION);
            row.add(e.line());
            if (withOutput) {
                JsonArray pair = new JsonArray();
                pair.add(e.input());
                if (e.output() == null) {
                    pair.add(JsonNull.INSTANCE);
                } else {
                    pair.add(e.output());
                }
                row.add(pair);
            } else {
                row.add(e.input());
            }
            history.add(row);
        }
        return history;
    }
}
