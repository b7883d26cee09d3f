package netlab.display;

import java.util.Map;

/**
 * A value shown as one {@link Table}: its notebook form is that table's. Implement {@link #table()} only.
 *
 * <pre>{@code
 * record Hosts(List<String> names) implements Tabular {
 *     public Table table() {
 *         Table t = Table.of("name");
 *         names.forEach(t::row);
 *         return t;
 *     }
 * }
 * new Hosts(List.of("localhost"))   // shows a one-column table
 * }</pre>
 */
public interface Tabular extends Displayable {

    /** The table this value is shown as. Example: {@code SocketTable.read().table()}. */
    Table table();

    /** The table's representations: text/plain and text/html. Example: {@code SocketTable.read().mimeBundle()}. */
    @Override
    default Map<String, String> mimeBundle() {
        return table().mimeBundle();
    }
}
