package netlab.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import netlab.display.Displayable;
import netlab.display.Html;
import netlab.text.Text;

/**
 * The source of one of the library's classes, as shipped inside it, and how many lines of code it has (lines that
 * are not blank, not comments, not {@code import} or {@code package}).
 *
 * <pre>{@code
 * Servers.source(Model.ITERATIVE).lines()    // e.g. 12
 * }</pre>
 */
public record SourceCode(String className, String text) implements Displayable {

    static SourceCode of(Class<?> c) {
        String path = "/META-INF/netlab-sources/" + c.getName().replace('.', '/') + ".java";
        try (InputStream in = SourceCode.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(Text.of("servers.source.missing", c.getName()));
            }
            return new SourceCode(c.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw Servers.unchecked(e);
        }
    }

    /** Lines of code: not blank, not a comment, not {@code import}/{@code package}. Example: {@code source.lines()}. */
    public int lines() {
        int n = 0;
        boolean inComment = false;
        for (String line : text.lines().map(String::strip).toList()) {
            if (inComment) {
                inComment = !line.contains("*/");
            } else if (line.startsWith("/*")) {
                inComment = !line.contains("*/");
            } else if (!line.isEmpty() && !line.startsWith("//") && !line.startsWith("import ") && !line.startsWith("package ")
                    && !line.startsWith("@Override")) {
                n++;
            }
        }
        return n;
    }

    @Override
    public Map<String, String> mimeBundle() {
        return Html.of("<pre>" + Html.escape(text) + "</pre>", text).mimeBundle();
    }

    @Override
    public String toString() {
        return text;
    }
}
